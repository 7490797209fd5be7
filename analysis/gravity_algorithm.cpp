// `regionstat gravity`: linkage strength between development centres by the gravity model.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/gravity.hpp"
#include "analysis/centrography_support.hpp"
#include "analysis/display_text.hpp"
#include "analysis/mass_expression.hpp"
#include "analysis/step_timer.hpp"

namespace rs {
namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quoted) {
      if (c == '"' && k + 1 < line.size() && line[k + 1] == '"') cell += '"', ++k;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(cell);
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells.push_back(cell);
  return cells;
}

// Fills `distance` (n x n, NaN where absent) from a CSV of origin,destination,cost rows.
void read_cost_matrix(const std::string& path, const std::vector<std::string>& ids, std::vector<double>& distance) {
  std::ifstream in(path);
  if (!in) throw DataError("cannot read cost matrix '" + path + "'");
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < ids.size(); ++i) index[ids[i]] = i;
  const std::size_t n = ids.size();
  distance.assign(n * n, std::numeric_limits<double>::quiet_NaN());
  std::string line;
  std::getline(in, line);  // header
  std::size_t row = 1, unknown = 0;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line == "\r") continue;
    auto cells = split_csv_line(line);
    if (cells.size() < 3)
      throw DataError("cost matrix '" + path + "', line " + std::to_string(row) + ": expected origin,destination,cost");
    auto a = index.find(cells[0]), b = index.find(cells[1]);
    if (a == index.end() || b == index.end()) {
      ++unknown;
      continue;
    }
    char* end = nullptr;
    const double d = std::strtod(cells[2].c_str(), &end);
    if (cells[2].empty() || *end != '\0' || !std::isfinite(d) || d < 0)
      throw DataError("cost matrix '" + path + "', line " + std::to_string(row) + ": cost '" + cells[2] +
                      "' is not a non-negative number");
    const std::size_t i = a->second, j = b->second;
    const double other = distance[j * n + i];
    if (!std::isnan(other) && other != d)
      throw DataError("cost matrix '" + path + "' gives " + cells[0] + "-" + cells[1] + " two different costs (" +
                      format_significant(other) + " and " + format_significant(d) + "); linkage is symmetric");
    distance[i * n + j] = distance[j * n + i] = d;
  }
  if (unknown == row - 1 && row > 1)
    throw DataError("no id of cost matrix '" + path + "' matches the centres' ids (use --id)");
}

class GravityAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "gravity"; }
  std::string display_name() const override { return "Gravity model linkage"; }
  std::string group() const override { return "Centres of gravity"; }
  std::string short_help() const override {
    return "Linkage strength between centres R_ij = k M_i M_j / d_ij^b, totals, shares and strongest partners";
  }
  std::string help() const override {
    return "Gravity model of linkage between development centres (cities, or the points of polygons): "
           "R_ij = k * M_i * M_j / d_ij^b for every pair. The mass --mass is a numeric field or a small "
           "expression of fields: numbers, + - * / ^, parentheses and sqrt, log, exp, abs - e.g. "
           "'sqrt(pop * gdp)' (the geometric mean of two masses); field names with spaces go in double "
           "quotes. d is geodesic km on the layer's ellipsoid for geographic layers (PROJ geod_inverse), "
           "planar for projected ones (km when the unit is the metre), or taken from --cost, a CSV of "
           "origin,destination,cost rows keyed by --id (pairs absent from it get no link).\n"
           "Output (-o): a line layer, one line per pair, with origin, destination, distance_km (or "
           "distance in layer units), strength. --top K keeps the links among the K strongest of either "
           "end; --threshold T those with strength >= T. Per centre: total linkage T_i = sum_j R_ij "
           "(over all pairs, before filtering), share T_i / sum T, strongest partner - in the summary "
           "and in --centres-output (a point layer). Units without a mass are left out with a warning.";
  }
  std::vector<std::string> references() const override {
    return {"Zipf, G. K. (1946). The P1 P2/D hypothesis: on the intercity movement of persons. American Sociological Review 11(6), 677-686."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> own{
        make_parameter("mass", ParamType::String, "Mass: a field or an expression such as sqrt(pop * gdp)", "", false),
        make_parameter("beta", ParamType::Double, "Distance decay exponent b", "2"),
        make_parameter("k", ParamType::Double, "Gravity constant k", "1"),
        make_parameter("top", ParamType::Integer, "Keep the K strongest links of each centre"),
        make_parameter("threshold", ParamType::Double, "Keep links with strength >= T"),
        make_parameter("cost", ParamType::InputFile, "CSV of origin,destination,cost (ids of --id) instead of distances"),
        make_parameter("centres_output", ParamType::OutputLayer, "Point layer of centres with total, share and strongest partner"),
        where_parameter(),
        point_source_parameter(),
    };
    own[1].minimum = 0;
    own[3].minimum = 1;
    own[5].file_filter = "CSV files (*.csv)";
    return concat(input_parameters(), own, output_parameters(false));
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::Layer layer = read_filtered_input(args, feedback);
    timer.lap("read");
    MassExpression mass_expr(args.text("mass"));
    std::vector<double> mass_all = mass_expr.evaluate(layer, feedback);
    geo::UnitPoints pts = layer_points(args, layer, feedback);
    timer.lap("points");
    std::vector<std::size_t> units;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      if (!pts.valid[i] || std::isnan(mass_all[i])) continue;
      if (mass_all[i] < 0)
        throw DataError("mass '" + mass_expr.text() + "' of unit " + layer.ids[i] + " is negative (" +
                        format_significant(mass_all[i]) + ")");
      units.push_back(i);
    }
    if (units.size() < 2) throw DataError("'" + layer.path + "' has fewer than 2 centres with a mass and a point");
    const std::size_t n = units.size();
    std::vector<double> mass(n), x(n), y(n);
    std::vector<std::string> ids(n);
    for (std::size_t k = 0; k < n; ++k) {
      mass[k] = mass_all[units[k]];
      x[k] = pts.x[units[k]];
      y[k] = pts.y[units[k]];
      ids[k] = layer.ids[units[k]];
    }
    std::vector<double> distance(n * n, 0.0);
    std::string unit, method;
    if (args.given("cost")) {
      read_cost_matrix(args.text("cost"), ids, distance);
      unit = "cost";
      method = "cost matrix " + args.text("cost");
    } else {
      geo::PointDistance meter(layer);
      unit = meter.unit();
      method = meter.method();
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) distance[i * n + j] = distance[j * n + i] = meter.distance(x[i], y[i], x[j], y[j]);
    }
    timer.lap("distances");
    gravity::GravityOptions opt;
    opt.beta = args.number("beta");
    opt.k = args.number("k");
    gravity::GravityResult g;
    try {
      g = gravity::gravity_model(mass, distance, opt);
    } catch (const std::invalid_argument& e) {
      // Name the centres at zero distance.
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
          if (distance[i * n + j] == 0)
            throw DataError("centres " + ids[i] + " and " + ids[j] + " are at distance 0; the gravity model "
                            "needs distinct locations (merge them or give a --cost matrix)");
      throw DataError(e.what());
    }
    std::vector<gravity::Link> links = g.links;
    if (args.given("top")) links = gravity::top_links(links, n, static_cast<std::size_t>(args.integer("top")));
    if (args.given("threshold")) links = gravity::links_above(links, args.number("threshold"));

    Result result;
    auto& s = result.summary;
    s["input"] = layer.path;
    s["mass"] = mass_expr.text();
    s["beta"] = opt.beta;
    s["k"] = opt.k;
    s["distance"] = method;
    s["distance_unit"] = unit;
    s["centres_count"] = n;
    s["pairs"] = g.links.size();
    s["links_kept"] = links.size();
    std::vector<std::size_t> order(n);
    for (std::size_t k = 0; k < n; ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return g.totals[a] > g.totals[b]; });
    s["centres"] = nlohmann::json::array();
    std::ostringstream os;
    os.precision(6);
    os << "gravity model R = " << opt.k << " M_i M_j / d^" << opt.beta << ", M = " << mass_expr.text() << ", d: "
       << method << " (" << unit << ")\n  " << n << " centres, " << g.links.size() << " pairs, " << links.size()
       << " links written\n\n  centre                total linkage    share   strongest partner\n";
    char line[512];
    for (std::size_t k : order) {
      const std::string partner = g.strongest[k] == gravity::kNone ? "" : ids[g.strongest[k]];
      s["centres"].push_back({{"id", ids[k]}, {"mass", mass[k]}, {"total", g.totals[k]}, {"share", g.shares[k]},
                              {"strongest", partner}, {"strongest_strength", g.strongest_strength[k]}});
      std::snprintf(line, sizeof line, "  %s  %14.6g  %7.4f   %s\n", pad_right(ids[k], 20).c_str(), g.totals[k],
                    g.shares[k], partner.c_str());
      os << line;
    }
    std::vector<gravity::Link> strongest = links;
    std::stable_sort(strongest.begin(), strongest.end(), [](auto& a, auto& b) { return a.strength > b.strength; });
    s["strongest_links"] = nlohmann::json::array();
    os << "\n  strongest links:\n";
    for (std::size_t q = 0; q < strongest.size() && q < 10; ++q) {
      const auto& l = strongest[q];
      s["strongest_links"].push_back({{"origin", ids[l.origin]}, {"destination", ids[l.destination]},
                                      {"distance", l.distance}, {"strength", l.strength}});
      std::snprintf(line, sizeof line, "  %s - %s  %9.2f %s  %14.6g\n", pad_right(ids[l.origin], 14).c_str(),
                    pad_right(ids[l.destination], 14).c_str(), l.distance, unit.c_str(), l.strength);
      os << line;
    }
    result.report = os.str();
    timer.lap("statistic");

    const std::string dist_field = unit == "km" ? "distance_km" : "distance";
    if (args.given("output")) {
      std::vector<std::unique_ptr<OGRGeometry>> geoms;
      std::vector<std::optional<std::string>> from, to;
      std::vector<double> d, r;
      for (auto& l : links) {
        auto ls = std::make_unique<OGRLineString>();
        ls->addPoint(x[l.origin], y[l.origin]);
        ls->addPoint(x[l.destination], y[l.destination]);
        geoms.push_back(std::move(ls));
        from.push_back(ids[l.origin]);
        to.push_back(ids[l.destination]);
        d.push_back(l.distance);
        r.push_back(l.strength);
      }
      std::vector<geo::OutputColumn> cols{geo::OutputColumn::text("origin", from), geo::OutputColumn::text("destination", to),
                                          geo::OutputColumn::real(dist_field, d), geo::OutputColumn::real("strength", r)};
      auto report = geo::write_features(args.text("output"), geoms, layer.crs.get(), cols, write_options(args, feedback));
      note_written(result, "output", report);
      s["output"] = args.text("output");
    }
    if (args.given("centres_output")) {
      std::vector<std::unique_ptr<OGRGeometry>> geoms;
      std::vector<std::optional<std::string>> id_col, partner;
      for (std::size_t k = 0; k < n; ++k) {
        geoms.push_back(std::make_unique<OGRPoint>(x[k], y[k]));
        id_col.push_back(ids[k]);
        partner.push_back(g.strongest[k] == gravity::kNone ? std::nullopt : std::optional<std::string>(ids[g.strongest[k]]));
      }
      std::vector<geo::OutputColumn> cols{geo::OutputColumn::text("id", id_col), geo::OutputColumn::real("mass", mass),
                                          geo::OutputColumn::real("total", g.totals), geo::OutputColumn::real("share", g.shares),
                                          geo::OutputColumn::text("strongest", partner),
                                          geo::OutputColumn::real("strongest_strength", g.strongest_strength)};
      auto report = geo::write_features(args.text("centres_output"), geoms, layer.crs.get(), cols, write_options(args, feedback));
      note_written(result, "centres_output", report);
    }
    if (args.given("output") || args.given("centres_output")) timer.lap("write");
    s["seconds"] = timer.json();
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(GravityAlgorithm)

}  // namespace rs
