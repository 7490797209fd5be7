// `regionstat migration`: the centre of gravity and ellipse of each year, and how the centre moved.
#include <cmath>
#include <filesystem>
#include <sstream>

#include "algorithms/centrography.hpp"
#include "algorithms/errors.hpp"
#include "algorithms/migration.hpp"
#include "analysis/centrography_support.hpp"
#include "analysis/local_common.hpp"
#include "analysis/panel_algorithm.hpp"
#include "analysis/step_timer.hpp"
#include "geo/output_file.hpp"
#include "geo/shapes.hpp"

namespace rs {
namespace {

// One migration: the centre and ellipse of each year (compute), then the moves between them,
// the table and the layers (finish).
class MigrationRun : public PanelRun {
 public:
  MigrationRun(const geo::Layer& layer, const Arguments& args, const std::vector<AnalysedField>& fields,
               Feedback& feedback, StepTimer& timer)
      : frame_(geo::PlanarFrame::for_layer(layer, args.text("projection"))),
        meter_(layer),
        std_devs_(static_cast<double>(args.integer("std"))),
        convention_(centrography::parse_ellipse_convention(args.text("convention"))),
        km_(frame_.unit_to_km()) {
    for (auto& f : fields) years_.push_back(year_of_field(f.name));
    bool numbered = true;
    for (std::size_t k = 0; k < years_.size(); ++k)
      if (std::isnan(years_[k]) || (k > 0 && !(years_[k] > years_[k - 1]))) numbered = false;
    if (!numbered) {
      feedback.warning("the weight fields do not end in increasing years; steps are numbered 1, 2, ...");
      for (std::size_t k = 0; k < years_.size(); ++k) years_[k] = static_cast<double>(k + 1);
    }
    points_ = layer_points(args, layer, feedback);
    planar_points(frame_, points_, px_, py_);
    timer.lap("points");
    all_.resize(layer.size());
    for (std::size_t i = 0; i < all_.size(); ++i) all_[i] = i;
  }

  PanelFieldOutput compute(const PanelField& in) override {
    const std::string& field = in.field.name;
    geo::NumericColumn w = numeric_field(in.layer, field, in.feedback);
    WeightedPoints p = weighted_points(in.layer, px_, py_, points_.valid, w.values, field, all_);
    if (p.x.size() < 3) throw DataError("field '" + field + "' has fewer than 3 units with a weight");
    ellipses_.push_back(centrography::standard_deviational_ellipse(p.x, p.y, p.w, std_devs_, convention_));
    std::vector<double> x{ellipses_.back().center_x}, y{ellipses_.back().center_y};
    frame_.inverse(x, y);
    cx_.push_back(x[0]);
    cy_.push_back(y[0]);
    return {};
  }

  void finish(const PanelEnd& end, Result& result) override {
    const Arguments& args = end.args;
    const geo::Layer& layer = end.layer;
    std::vector<std::string> fields;
    for (auto& f : end.fields) fields.push_back(f.name);
    std::vector<migration::Leg> legs;
    for (std::size_t k = 0; k + 1 < fields.size(); ++k)
      legs.push_back({meter_.distance(cx_[k], cy_[k], cx_[k + 1], cy_[k + 1]), meter_.azimuth(cx_[k], cy_[k], cx_[k + 1], cy_[k + 1])});
    std::vector<migration::Step> steps = migration::migration_steps(years_, legs);

    auto& s = result.summary;
    s["input"] = layer.path;
    s["measured_in"] = frame_.description();
    s["moves_measured"] = meter_.method();
    s["length_unit"] = frame_.length_unit();
    s["area_unit"] = frame_.area_unit();
    s["years"] = nlohmann::json::array();
    std::vector<std::string> header{"year", "field", "center_x", "center_y", "semi_major", "semi_minor",
                                    "rotation", "flattening", "area", "perimeter", "distance", "azimuth",
                                    "direction", "speed", "cumulative"};
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const auto& e = ellipses_[k];
      nlohmann::json j{{"year", years_[k]}, {"field", fields[k]}, {"center_x", cx_[k]}, {"center_y", cy_[k]},
                       {"semi_major", e.semi_major * km_}, {"semi_minor", e.semi_minor * km_},
                       {"rotation_deg", e.rotation_deg}, {"flattening", e.flattening},
                       {"area", e.area * km_ * km_}, {"perimeter", e.perimeter * km_}};
      std::vector<std::string> row{format_significant(years_[k], 10), fields[k], format_significant(cx_[k], 10),
                                   format_significant(cy_[k], 10), format_significant(e.semi_major * km_, 8),
                                   format_significant(e.semi_minor * km_, 8), format_significant(e.rotation_deg, 6),
                                   format_significant(e.flattening, 6), format_significant(e.area * km_ * km_, 8),
                                   format_significant(e.perimeter * km_, 8)};
      if (k > 0) {
        const auto& st = steps[k - 1];
        j["distance"] = st.distance;
        j["azimuth_deg"] = st.azimuth_deg;
        j["direction"] = st.direction;
        j["speed"] = st.speed;
        j["cumulative"] = st.cumulative;
        for (std::string v : {format_significant(st.distance, 6), format_significant(st.azimuth_deg, 5), st.direction,
                              format_significant(st.speed, 6), format_significant(st.cumulative, 6)})
          row.push_back(v);
      } else {
        for (int q = 0; q < 5; ++q) row.emplace_back();
      }
      s["years"].push_back(j);
      rows.push_back(row);
    }
    s["total_distance"] = steps.empty() ? 0.0 : steps.back().cumulative;
    {
      const auto net = migration::Leg{meter_.distance(cx_.front(), cy_.front(), cx_.back(), cy_.back()),
                                      meter_.azimuth(cx_.front(), cy_.front(), cx_.back(), cy_.back())};
      s["net_distance"] = net.distance;
      s["net_azimuth_deg"] = net.azimuth_deg;
      s["net_direction"] = migration::compass_label(net.azimuth_deg);
    }

    std::ostringstream os;
    os << "migration of the weighted mean centre of " << layer.path << " (" << fields.front() << " ... "
       << fields.back() << ")\n  centres and ellipses (" << std_devs_ << " SD, " << args.text("convention")
       << ") measured in: " << frame_.description() << "\n  moves: " << meter_.method() << "\n\n";
    os << "  year  center_x    center_y    a(" << frame_.length_unit() << ")  b(" << frame_.length_unit()
       << ")  rotation  distance  azimuth  dir  speed/yr  cumulative\n";
    char line[256];
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const auto& e = ellipses_[k];
      std::snprintf(line, sizeof line, "  %4.0f  %10.5f  %10.5f  %7.1f  %7.1f  %8.2f", years_[k], cx_[k], cy_[k],
                    e.semi_major * km_, e.semi_minor * km_, e.rotation_deg);
      os << line;
      if (k > 0) {
        const auto& st = steps[k - 1];
        std::snprintf(line, sizeof line, "  %8.2f  %7.1f  %-3s  %8.2f  %10.2f", st.distance, st.azimuth_deg,
                      st.direction.c_str(), st.speed, st.cumulative);
        os << line;
      }
      os << "\n";
    }
    std::snprintf(line, sizeof line, "\n  net move %.0f-%.0f: %.2f %s towards %s (%.1f deg); path %.2f %s\n",
                  years_.front(), years_.back(), s["net_distance"].get<double>(), meter_.unit().c_str(),
                  s["net_direction"].get<std::string>().c_str(), s["net_azimuth_deg"].get<double>(),
                  s["total_distance"].get<double>(), meter_.unit().c_str());
    os << line;
    result.report = os.str() + result.report;
    end.timer.lap("statistic");

    if (args.given("table")) {
      write_csv_table(args.text("table"), header, rows, args.flag("overwrite"));
      result.files["table"] = args.text("table");
      result.report += "wrote table " + args.text("table") + "\n";
    }
    const std::string output = args.text("output");
    if (!output.empty()) write_outputs(args, layer, frame_, fields, years_, cx_, cy_, ellipses_, steps, km_, output, result);
    if (args.given("table") || !output.empty()) end.timer.lap("write");
  }

 private:
  static void write_outputs(const Arguments& args, const geo::Layer& layer, const geo::PlanarFrame& frame,
                            const std::vector<std::string>& fields, const std::vector<double>& years,
                            const std::vector<double>& cx, const std::vector<double>& cy,
                            const std::vector<centrography::Ellipse>& ellipses,
                            const std::vector<migration::Step>& steps, double km, const std::string& output,
                            Result& result) {
    const std::size_t n = fields.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<geo::FeatureLayer> layers(3);
    layers[0].name = "centres";
    layers[1].name = "trajectory";
    layers[2].name = "ellipses";
    std::vector<std::optional<std::string>> field_names(fields.begin(), fields.end());
    std::vector<double> major, minor, rot, flat, area, perim, dist(n, nan), az(n, nan), speed(n, nan), cum(n, nan);
    std::vector<std::optional<std::string>> dir(n);
    for (std::size_t k = 0; k < n; ++k) {
      const auto& e = ellipses[k];
      layers[0].geometries.push_back(std::make_unique<OGRPoint>(cx[k], cy[k]));
      major.push_back(e.semi_major * km);
      minor.push_back(e.semi_minor * km);
      rot.push_back(e.rotation_deg);
      flat.push_back(e.flattening);
      area.push_back(e.area * km * km);
      perim.push_back(e.perimeter * km);
      if (k > 0) {
        dist[k] = steps[k - 1].distance;
        az[k] = steps[k - 1].azimuth_deg;
        dir[k] = steps[k - 1].direction;
        speed[k] = steps[k - 1].speed;
        cum[k] = steps[k - 1].cumulative;
      }
      std::vector<double> ox, oy;
      centrography::ellipse_outline(e, 360, ox, oy);
      layers[2].geometries.push_back(geo::outline_polygon(ox, oy, frame));
    }
    using geo::OutputColumn;
    layers[0].columns = {OutputColumn::real("year", years), OutputColumn::text("field", field_names),
                         OutputColumn::real("center_x", cx), OutputColumn::real("center_y", cy),
                         OutputColumn::real("distance", dist), OutputColumn::real("azimuth", az),
                         OutputColumn::text("direction", dir), OutputColumn::real("speed", speed),
                         OutputColumn::real("cumulative", cum)};
    std::vector<double> from, to, sd, sa, ss, sc;
    std::vector<std::optional<std::string>> sdir;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      auto line = std::make_unique<OGRLineString>();
      line->addPoint(cx[k], cy[k]);
      line->addPoint(cx[k + 1], cy[k + 1]);
      layers[1].geometries.push_back(std::move(line));
      from.push_back(steps[k].year_from);
      to.push_back(steps[k].year_to);
      sd.push_back(steps[k].distance);
      sa.push_back(steps[k].azimuth_deg);
      sdir.push_back(steps[k].direction);
      ss.push_back(steps[k].speed);
      sc.push_back(steps[k].cumulative);
    }
    layers[1].columns = {OutputColumn::real("year_from", from), OutputColumn::real("year_to", to),
                         OutputColumn::real("distance", sd),    OutputColumn::real("azimuth", sa),
                         OutputColumn::text("direction", sdir), OutputColumn::real("speed", ss),
                         OutputColumn::real("cumulative", sc)};
    layers[2].columns = {OutputColumn::real("year", years),       OutputColumn::text("field", field_names),
                         OutputColumn::real("semi_major", major), OutputColumn::real("semi_minor", minor),
                         OutputColumn::real("rotation", rot),     OutputColumn::real("flattening", flat),
                         OutputColumn::real("area", area),        OutputColumn::real("perimeter", perim)};
    geo::WriteOptions options = write_options(args);
    if (geo::multi_layer_format(output, options)) {
      for (auto& report : geo::write_feature_layers(output, layers, layer.crs.get(), options))
        result.report += "wrote " + std::to_string(report.features) + " features to layer " + report.layer_name +
                         " of " + report.path + "\n";
      result.files["output"] = output;
      return;
    }
    // One file per layer: NAME_centres.ext, ...; all or nothing is not guaranteed across files,
    // so every target is checked first.
    namespace fs = std::filesystem;
    const fs::path base(output);
    std::vector<std::string> paths;
    for (auto& l : layers) {
      fs::path p = base.parent_path() / (base.stem().string() + "_" + l.name + base.extension().string());
      geo::check_output_file(p.string(), options.overwrite, {args.text("input")});
      paths.push_back(p.string());
    }
    for (std::size_t k = 0; k < layers.size(); ++k) {
      auto report = geo::write_features(paths[k], layers[k].geometries, layer.crs.get(), layers[k].columns, options);
      note_written(result, layers[k].name, report);
    }
  }

  geo::PlanarFrame frame_;
  geo::PointDistance meter_;
  double std_devs_;
  centrography::EllipseConvention convention_;
  double km_;
  std::vector<double> years_;
  geo::UnitPoints points_;
  std::vector<double> px_, py_;
  std::vector<std::size_t> all_;
  std::vector<centrography::Ellipse> ellipses_;
  std::vector<double> cx_, cy_;  // centres in the layer CRS
};

class MigrationAlgorithm : public PanelAlgorithm {
 public:
  std::string name() const override { return "migration"; }
  std::string display_name() const override { return "Migration of the centre of gravity"; }
  std::string group() const override { return "Centres of gravity"; }
  std::string short_help() const override {
    return "Centre of gravity and standard deviational ellipse per year, with direction, distance and speed of each move";
  }
  std::string description() const override {
    return "Given one weight field per year (--weight 'gdp_*' or a list; the year is the last number in "
           "each field name, else the field's position), computes for each year the weighted mean centre "
           "and the standard deviational ellipse (--std, --convention as in `regionstat ellipse`), and "
           "for each step between consecutive years the move: azimuth (degrees clockwise from north) "
           "with its 16-point compass label (N, NNE, NE, ...), distance (km), speed (km per year) and the "
           "cumulative path. Centres and ellipses are computed in the measuring projection "
           "(--projection; geographic layers default to Albers equal-area fitted to the extent); the "
           "moves between centres are geodesic on the layer's ellipsoid for geographic layers, planar "
           "otherwise.\n"
           "Output (-o): in a GeoPackage the layers `centres` (points, one per year), `trajectory` "
           "(lines, one per step) and `ellipses` (polygons, one per year); for single-layer formats "
           "three files NAME_centres, NAME_trajectory, NAME_ellipses. The table of moves is printed "
           "and written with --table CSV.";
  }
  std::vector<std::string> references() const override {
    return {"Lefever, D. W. (1926). Measuring geographic concentration by means of the standard deviational ellipse. American Journal of Sociology 32(1), 88-94.",
            "Mitchell, A. (2005). The ESRI Guide to GIS Analysis, Volume 2: Spatial Measurements and Statistics. ESRI Press."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> own{
        input_field_parameter("weight", ParamType::Fields, "Weight fields, one per year (gdp_* or a list)", false),
        make_parameter("std", ParamType::Enum, "Size of the ellipses in standard deviations", "1"),
        make_parameter("convention", ParamType::Enum, "Scaling of the ellipse's standard distances", "arcgis"),
        make_parameter("table", ParamType::OutputFile, "CSV table of the centres and moves"),
        where_parameter(),
        projection_parameter(),
        point_source_parameter(),
    };
    own[1].choices = {"1", "2", "3"};
    own[2].choices = {"arcgis", "crimestat", "unscaled"};
    own[3].file_filter = "CSV files (*.csv)";
    return concat(input_parameters(), own, output_parameters(false));
  }

  std::string fields_parameter() const override { return "weight"; }
  bool uses_weights() const override { return false; }
  geo::Layer read(const Arguments& args, Feedback& feedback) const override { return read_filtered_input(args, feedback); }
  void check(const Arguments& /*args*/, const std::vector<AnalysedField>& fields) const override {
    if (fields.size() < 2) throw UsageError("--weight needs two or more fields (one per year) for a migration");
  }
  std::unique_ptr<PanelRun> start(const geo::Layer& layer, const Arguments& args,
                                  const std::vector<AnalysedField>& fields, Feedback& feedback,
                                  StepTimer& timer) const override {
    return std::make_unique<MigrationRun>(layer, args, fields, feedback, timer);
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(MigrationAlgorithm)

}  // namespace rs
