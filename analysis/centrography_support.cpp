#include "analysis/centrography_support.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "algorithms/errors.hpp"
#include "geo/output_file.hpp"

namespace rs {

Parameter where_parameter(const std::string& name, const std::string& what) {
  return make_parameter(name, ParamType::String,
                        "Attribute filter on the " + what + " (OGR SQL WHERE clause, e.g. \"province = 'Henan'\")");
}

// Not optional: they always have a value (their default), unlike --where.
Parameter projection_parameter() {
  Parameter p = make_parameter("projection", ParamType::String,
                               "Where the layer is measured: equal-area (Albers fitted to the layer's extent, for lon/lat "
                               "layers and projected ones whose scale strays over 5 % such as Web Mercator; other projected "
                               "layers in their own CRS), equidistant (azimuthal equidistant at its centre), layer (a "
                               "projected layer's own CRS, whatever its scale), or a projected CRS such as EPSG:3415",
                               "equal-area", false);
  p.advanced = true;
  return p;
}

Parameter point_source_parameter() {
  Parameter p = make_parameter("points", ParamType::Enum, "Point of each polygon: its centroid or a point on its surface",
                               "centroid", false);
  p.choices = {"centroid", "surface"};
  p.advanced = true;
  return p;
}

geo::Layer read_filtered_input(const Arguments& args, Feedback& feedback) {
  geo::ReadOptions options;
  options.layer = args.text("layer");
  options.id_field = args.text("id");
  options.encoding = args.text("encoding");
  options.assign_crs = args.text("crs");
  options.where = args.text("where");
  geo::Layer layer = geo::read_layer(args.text("input"), options);
  if (layer.size() == 0)
    throw DataError("'" + layer.path + "' has no features" +
                    (options.where.empty() ? std::string() : " matching --where \"" + options.where + "\""));
  for (auto& w : layer.warnings) feedback.warning(w);
  return layer;
}

geo::UnitPoints layer_points(const Arguments& args, const geo::Layer& layer, Feedback& feedback) {
  const geo::PointSource source =
      args.text("points") == "surface" ? geo::PointSource::PointOnSurface : geo::PointSource::Centroid;
  geo::UnitPoints points = geo::unit_points(layer, source);
  warn_missing_points(layer, points, feedback);
  return points;
}

void planar_points(const geo::PlanarFrame& frame, const geo::UnitPoints& points, std::vector<double>& x,
                   std::vector<double>& y) {
  x = points.x;
  y = points.y;
  std::vector<double> vx, vy;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (points.valid[i]) {
      vx.push_back(x[i]);
      vy.push_back(y[i]);
    }
  frame.forward(vx, vy);
  for (std::size_t i = 0, k = 0; i < x.size(); ++i)
    if (points.valid[i]) {
      x[i] = vx[k];
      y[i] = vy[k++];
    }
}

void warn_missing_points(const geo::Layer& layer, const geo::UnitPoints& points, Feedback& feedback) {
  std::size_t missing = 0;
  std::string example;
  for (std::size_t i = 0; i < points.valid.size(); ++i)
    if (!points.valid[i]) {
      if (!missing) example = layer.ids[i];
      ++missing;
    }
  if (missing)
    feedback.warning(std::to_string(missing) + " unit(s) without a point (empty geometry), such as " + example +
                     ", are left out");
}

UnitGroups group_units(const geo::Layer& layer, const std::string& field, Feedback& feedback) {
  UnitGroups g;
  if (field.empty()) {
    g.names.push_back("all");
    g.members.emplace_back();
    for (std::size_t i = 0; i < layer.size(); ++i) g.members[0].push_back(i);
    return g;
  }
  g.grouped = true;
  auto values = layer.text(field);
  std::map<std::string, std::size_t> index;
  std::size_t nulls = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) {
      ++nulls;
      continue;
    }
    auto [it, added] = index.emplace(*values[i], g.names.size());
    if (added) {
      g.names.push_back(*values[i]);
      g.members.emplace_back();
    }
    g.members[it->second].push_back(i);
  }
  if (nulls)
    feedback.warning("group field '" + field + "': " + std::to_string(nulls) + " unit(s) with NULL group left out");
  return g;
}

WeightedPoints weighted_points(const geo::Layer& layer, const std::vector<double>& x, const std::vector<double>& y,
                               const std::vector<bool>& valid, const std::vector<double>& weights,
                               const std::string& weight_field, const std::vector<std::size_t>& units) {
  WeightedPoints p;
  for (std::size_t i : units) {
    if (!valid[i]) continue;
    double w = 1.0;
    if (!weights.empty()) {
      w = weights[i];
      if (std::isnan(w)) continue;
      if (w < 0 || !std::isfinite(w))
        throw DataError("field '" + weight_field + "' of unit " + layer.ids[i] + " is " + format_significant(w) +
                        "; weights must be non-negative");
    }
    p.x.push_back(x[i]);
    p.y.push_back(y[i]);
    p.w.push_back(w);
    p.units.push_back(i);
  }
  return p;
}

void write_csv_table(const std::string& path, const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows, bool overwrite) {
  std::ostringstream out;
  for (std::size_t k = 0; k < header.size(); ++k) out << (k ? "," : "") << geo::csv_cell(header[k]);
  out << "\n";
  for (auto& row : rows) {
    for (std::size_t k = 0; k < row.size(); ++k) out << (k ? "," : "") << geo::csv_cell(row[k]);
    out << "\n";
  }
  geo::write_text_file(path, out.str(), overwrite);
}

std::string format_significant(double v, int precision) {
  if (std::isnan(v)) return "";
  std::ostringstream os;
  os.precision(precision);
  os << v;
  return os.str();
}

double year_of_field(const std::string& field) {
  std::size_t end = field.size();
  while (end > 0 && !std::isdigit(static_cast<unsigned char>(field[end - 1]))) --end;
  std::size_t start = end;
  while (start > 0 && std::isdigit(static_cast<unsigned char>(field[start - 1]))) --start;
  if (start == end) return std::numeric_limits<double>::quiet_NaN();
  return std::stod(field.substr(start, end - start));
}

}  // namespace rs
