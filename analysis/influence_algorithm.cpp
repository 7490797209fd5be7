// `regionstat influence`: spheres of influence of centres over units (Huff, Reilly).
#include <cmath>
#include <map>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/gravity.hpp"
#include "analysis/centrography_support.hpp"
#include "analysis/display_text.hpp"
#include "analysis/mass_expression.hpp"
#include "analysis/step_timer.hpp"
#include "geo/shapes.hpp"

namespace rs {
namespace {

class InfluenceAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "influence"; }
  std::string display_name() const override { return "Spheres of influence (Huff, Reilly)"; }
  std::string group() const override { return "Centres of gravity"; }
  std::string short_help() const override {
    return "Assign each unit to the centre that attracts it most, with Huff probabilities and Reilly breaking points";
  }
  std::string help() const override {
    return "Each unit of the input (its point: polygon centroid or point) is attracted by each centre c "
           "of --centres with A_c = M_c / d^b (--mass on the centres layer: a field or an expression "
           "such as sqrt(pop * gdp); --beta b, default 2; d geodesic km for geographic layers, planar "
           "otherwise). The unit is assigned to the centre of largest attraction, and its Huff "
           "probabilities are P_c = A_c / sum_m A_m (they sum to 1). A unit lying on a centre belongs to "
           "it (to the coinciding centres, in proportion to their masses).\n"
           "Output (-o): the units with fields centre (id of the strongest centre, --centres-id), "
           "attraction, huff_max and P_<centre id> for every centre. --zones-output writes the polygon "
           "units dissolved by centre (GEOS union), with centre, units and mass. Reilly's breaking point "
           "between each pair of centres A, B, d_A = D_AB / (1 + sqrt(M_B / M_A)) measured from A, is "
           "in the summary (JSON: reilly).";
  }
  std::vector<std::string> references() const override {
    return {"Huff, D. L. (1963). A probabilistic analysis of shopping center trade areas. Land Economics 39(1), 81-90.",
            "Reilly, W. J. (1931). The Law of Retail Gravitation. New York: Knickerbocker Press.",
            "Converse, P. D. (1949). New laws of retail gravitation. Journal of Marketing 14(3), 379-384."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> own{
        make_parameter("centres", ParamType::InputLayer, "Layer of the centres (points or polygons)", "", false),
        make_parameter("centres_id", ParamType::String, "Field of the centres with their names (default: feature id)"),
        make_parameter("mass", ParamType::String, "Mass of the centres: a field or an expression of fields", "", false),
        make_parameter("beta", ParamType::Double, "Distance decay exponent b", "2"),
        make_parameter("zones_output", ParamType::OutputLayer, "Polygon layer of the units dissolved by centre"),
        where_parameter(),
        where_parameter("centres_where", "centres"),
        point_source_parameter(),
    };
    own[3].minimum = 0;
    return concat(input_parameters(), own, output_parameters(true));
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::Layer units = read_filtered_input(args, feedback);
    geo::ReadOptions copt;
    copt.id_field = args.text("centres_id");
    copt.where = args.text("centres_where");
    geo::Layer centres = geo::read_layer(args.text("centres"), copt);
    if (centres.size() == 0) throw DataError("centres layer '" + centres.path + "' has no features");
    timer.lap("read");
    MassExpression mass_expr(args.text("mass"));
    std::vector<double> cmass_all = mass_expr.evaluate(centres, feedback);
    geo::UnitPoints cpts = geo::unit_points(centres);
    std::vector<double> cx, cy, cm;
    std::vector<std::string> cid;
    for (std::size_t i = 0; i < centres.size(); ++i) {
      if (!cpts.valid[i] || std::isnan(cmass_all[i])) continue;
      if (cmass_all[i] < 0) throw DataError("mass of centre " + centres.ids[i] + " is negative");
      cx.push_back(cpts.x[i]);
      cy.push_back(cpts.y[i]);
      cm.push_back(cmass_all[i]);
      cid.push_back(centres.ids[i]);
    }
    if (cid.empty()) throw DataError("no centre of '" + centres.path + "' has a point and a mass");
    if (units.crs && centres.crs) geo::transform_points(centres.crs.get(), units.crs.get(), cx, cy);
    const std::size_t m = cid.size();
    const double beta = args.number("beta");
    geo::PointDistance meter(units);
    geo::UnitPoints pts = layer_points(args, units, feedback);
    timer.lap("points");
    const std::size_t n = units.size();
    const double nan = std::numeric_limits<double>::quiet_NaN();

    std::vector<std::vector<double>> prob(m, std::vector<double>(n, nan));
    std::vector<std::optional<std::string>> best_id(n);
    std::vector<double> best_attr(n, nan), best_p(n, nan);
    std::vector<std::size_t> best(n, gravity::kNone);
    std::vector<std::size_t> counts(m, 0);
    std::vector<double> d(m);
    for (std::size_t i = 0; i < n; ++i) {
      if (!pts.valid[i]) continue;
      for (std::size_t c = 0; c < m; ++c) d[c] = meter.distance(pts.x[i], pts.y[i], cx[c], cy[c]);
      std::vector<double> p = gravity::huff_probabilities(cm, d, beta);
      if (std::isnan(p[0])) continue;
      std::size_t b = 0;
      for (std::size_t c = 1; c < m; ++c)
        if (p[c] > p[b]) b = c;
      for (std::size_t c = 0; c < m; ++c) prob[c][i] = p[c];
      best[i] = b;
      best_id[i] = cid[b];
      best_attr[i] = gravity::attraction(cm[b], d[b], beta);
      if (std::isinf(best_attr[i])) best_attr[i] = nan;  // on the centre itself
      best_p[i] = p[b];
      ++counts[b];
    }

    Result result;
    auto& s = result.summary;
    s["input"] = units.path;
    s["centres"] = centres.path;
    s["mass"] = mass_expr.text();
    s["beta"] = beta;
    s["distance"] = meter.method();
    s["distance_unit"] = meter.unit();
    std::ostringstream os;
    os.precision(6);
    os << "spheres of influence: " << n << " units of " << units.path << ", " << m << " centres of " << centres.path
       << "\n  attraction M / d^" << beta << ", M = " << mass_expr.text() << ", d: " << meter.method() << "\n\n"
       << "  centre                units\n";
    s["zones"] = nlohmann::json::array();
    char line[512];
    for (std::size_t c = 0; c < m; ++c) {
      s["zones"].push_back({{"centre", cid[c]}, {"mass", cm[c]}, {"units", counts[c]}});
      std::snprintf(line, sizeof line, "  %s  %5zu\n", pad_right(cid[c], 20).c_str(), counts[c]);
      os << line;
    }
    // Reilly's breaking points for every pair of centres.
    s["reilly"] = nlohmann::json::array();
    os << "\n  Reilly breaking points (from A towards B, " << meter.unit() << "):\n";
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = a + 1; b < m; ++b) {
        const double dab = meter.distance(cx[a], cy[a], cx[b], cy[b]);
        const double da = cm[a] > 0 && cm[b] > 0 ? gravity::reilly_breaking_point(dab, cm[a], cm[b]) : nan;
        s["reilly"].push_back({{"a", cid[a]}, {"b", cid[b]}, {"distance_ab", dab}, {"breaking_point_from_a", da}});
        if (m <= 12) {
          std::snprintf(line, sizeof line, "  %s - %s  D = %9.2f   d_A = %9.2f\n", pad_right(cid[a], 14).c_str(),
                        pad_right(cid[b], 14).c_str(), dab, da);
          os << line;
        }
      }
    if (m > 12) os << "  (" << m * (m - 1) / 2 << " pairs: see --json)\n";
    result.report = os.str();
    timer.lap("statistic");

    std::vector<geo::OutputColumn> cols{geo::OutputColumn::text(output_field_name(args, "centre"), best_id),
                                        geo::OutputColumn::real(output_field_name(args, "attraction"), best_attr),
                                        geo::OutputColumn::real(output_field_name(args, "huff_max"), best_p)};
    for (std::size_t c = 0; c < m; ++c) cols.push_back(geo::OutputColumn::real(output_field_name(args, "P_" + cid[c]), prob[c]));
    auto report = geo::write_layer(units, args.text("output"), cols, write_options(args, feedback));
    note_written(result, "output", report);
    timer.lap("write");

    if (args.given("zones_output")) {
      if (units.kind != geo::GeometryKind::Polygon)
        throw UsageError("--zones-output needs polygon units; '" + units.path + "' holds " +
                         geo::geometry_kind_name(units.kind) + "s");
      std::vector<std::unique_ptr<OGRGeometry>> geoms;
      std::vector<std::optional<std::string>> zone_id;
      std::vector<std::optional<std::int64_t>> zone_units;
      std::vector<double> zone_mass;
      for (std::size_t c = 0; c < m; ++c) {
        if (!counts[c]) continue;
        std::vector<const OGRGeometry*> members;
        for (std::size_t i = 0; i < n; ++i)
          if (best[i] == c && units.geometries[i]) members.push_back(units.geometries[i].get());
        geoms.push_back(geo::dissolve_polygons(members, "the zone of centre " + cid[c]));
        zone_id.push_back(cid[c]);
        zone_units.push_back(static_cast<std::int64_t>(counts[c]));
        zone_mass.push_back(cm[c]);
      }
      std::vector<geo::OutputColumn> zcols{geo::OutputColumn::text("centre", zone_id),
                                           geo::OutputColumn::integer("units", zone_units),
                                           geo::OutputColumn::real("mass", zone_mass)};
      auto zreport = geo::write_features(args.text("zones_output"), geoms, units.crs.get(), zcols, write_options(args, feedback));
      note_written(result, "zones_output", zreport);
      timer.lap("zones");  // dissolving the zones and writing them
    }
    s["seconds"] = timer.json();
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(InfluenceAlgorithm)

}  // namespace rs
