// `regionstat ellipse`: the standard deviational ellipse of the units, per group.
#include <cmath>
#include <sstream>

#include "algorithms/centrography.hpp"
#include "algorithms/errors.hpp"
#include "analysis/centrography_support.hpp"
#include "analysis/step_timer.hpp"
#include "geo/shapes.hpp"

namespace rs {
namespace {

class EllipseAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "ellipse"; }
  std::string display_name() const override { return "Standard deviational ellipse"; }
  std::string group() const override { return "Centres of gravity"; }
  std::string short_help() const override {
    return "Weighted standard deviational ellipse (directional distribution) at 1, 2 or 3 standard deviations";
  }
  std::string help() const override {
    return "The standard deviational ellipse of the units' points weighted by --weight: centred on the "
           "weighted mean centre, its axes along the eigenvectors of the weighted covariance matrix "
           "(the same axes as ArcGIS's tan(theta) = (A + B) / C).\n"
           "--convention sets the standard distance sigma along each axis, d_i being a point's "
           "coordinate along the axis relative to the centre:\n"
           "  arcgis (default) - sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i), as ArcGIS "
           "Directional Distribution; what regional papers print.\n"
           "  crimestat - sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i * n / (n - 2)): the sqrt(2) "
           "with the n - 2 degrees of freedom of Levine's CrimeStat.\n"
           "  unscaled - sigma = sqrt(sum w_i d_i^2 / sum w_i): the plain weighted standard deviation "
           "along each axis (Lefever, Yuill).\n"
           "--std 2 or 3 multiplies the axes. Reported: semi_major a >= semi_minor b, rotation_deg "
           "(azimuth of the major axis, degrees clockwise from north, 0-180), flattening (a - b) / a, "
           "area pi a b, perimeter by Ramanujan's second approximation "
           "pi (a + b) (1 + 3h / (10 + sqrt(4 - 3h))), h = ((a - b) / (a + b))^2.\n"
           "Geographic layers are measured in a projection (--projection; default Albers equal-area "
           "fitted to the layer's extent): lengths in km, areas in km2; the ellipse polygon is "
           "written back in the layer's CRS. Projected layers are measured in their own CRS (km when "
           "the unit is the metre, otherwise layer units, named in the output).";
  }
  std::vector<std::string> references() const override {
    return {"Lefever, D. W. (1926). Measuring geographic concentration by means of the standard deviational ellipse. American Journal of Sociology 32(1), 88-94.",
            "Mitchell, A. (2005). The ESRI Guide to GIS Analysis, Volume 2: Spatial Measurements and Statistics. ESRI Press.",
            "Levine, N. (2010). CrimeStat: A Spatial Statistics Program for the Analysis of Crime Incident Locations (v 3.3), chapter 4."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> own{
        input_field_parameter("weight", ParamType::Field, "Weight field (e.g. GDP); default: every unit weighs 1"),
        make_parameter("std", ParamType::Enum, "Size of the ellipse in standard deviations", "1"),
        make_parameter("convention", ParamType::Enum, "Scaling of the standard distances", "arcgis"),
        input_field_parameter("group", ParamType::Field, "Grouping field: one ellipse per group"),
        where_parameter(),
        projection_parameter(),
        point_source_parameter(),
        make_parameter("segments", ParamType::Integer, "Vertices of the ellipse polygon", "360"),
    };
    own[3].numeric = false;
    own[1].choices = {"1", "2", "3"};
    own[2].choices = {"arcgis", "crimestat", "unscaled"};
    own[7].minimum = 8;
    own[7].maximum = 100000;
    own[7].advanced = true;
    return concat(input_parameters(), own, output_parameters(false));
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::Layer layer = read_filtered_input(args, feedback);
    timer.lap("read");
    geo::UnitPoints pts = layer_points(args, layer, feedback);
    geo::PlanarFrame frame = geo::PlanarFrame::for_layer(layer, args.text("projection"));
    std::vector<double> px, py;
    planar_points(frame, pts, px, py);
    timer.lap("points");
    const std::string weight = args.text("weight");
    std::vector<double> w;
    if (!weight.empty()) w = numeric_field(layer, weight, feedback).values;
    UnitGroups groups = group_units(layer, args.text("group"), feedback);
    const double std_devs = static_cast<double>(args.integer("std"));
    const auto convention = centrography::parse_ellipse_convention(args.text("convention"));
    const int segments = static_cast<int>(args.integer("segments"));
    const double km = frame.unit_to_km();

    Result result;
    auto& s = result.summary;
    s["input"] = layer.path;
    s["weight"] = weight.empty() ? nlohmann::json(nullptr) : nlohmann::json(weight);
    s["std"] = std_devs;
    s["convention"] = centrography::ellipse_convention_name(convention);
    s["measured_in"] = frame.description();
    s["crs"] = layer.crs_name();
    s["center_unit"] = layer.geographic() ? "degrees (layer CRS)" : "layer CRS units";
    s["length_unit"] = frame.length_unit();
    s["area_unit"] = frame.area_unit();
    s["rotation_unit"] = "degrees clockwise from north";
    s["ellipses"] = nlohmann::json::array();
    std::ostringstream os;
    os.precision(8);
    os << "standard deviational ellipse (" << std_devs << " SD, " << args.text("convention") << ") of "
       << layer.path << (weight.empty() ? "" : " weighted by " + weight) << "\n"
       << "  measured in: " << frame.description() << "\n";

    std::vector<std::unique_ptr<OGRGeometry>> geoms;
    std::vector<std::optional<std::string>> names;
    std::vector<std::optional<std::int64_t>> counts;
    std::vector<double> cx, cy, major, minor, rot, flat, area, perim, wsum;
    for (std::size_t g = 0; g < groups.names.size(); ++g) {
      WeightedPoints p = weighted_points(layer, px, py, pts.valid, w, weight, groups.members[g]);
      double sum_w = 0;
      for (double v : p.w) sum_w += v;
      if (p.x.size() < 3 || !(sum_w > 0)) {
        feedback.warning("group '" + groups.names[g] + "' has " + std::to_string(p.x.size()) +
                         " weighted point(s); an ellipse needs 3 or more - none drawn");
        continue;
      }
      centrography::Ellipse e = centrography::standard_deviational_ellipse(p.x, p.y, p.w, std_devs, convention);
      std::vector<double> ox, oy;
      centrography::ellipse_outline(e, segments, ox, oy);
      auto poly = geo::outline_polygon(ox, oy, frame);
      std::vector<double> ccx{e.center_x}, ccy{e.center_y};
      frame.inverse(ccx, ccy);
      geoms.push_back(std::move(poly));
      names.push_back(groups.names[g]);
      counts.push_back(static_cast<std::int64_t>(e.n));
      cx.push_back(ccx[0]);
      cy.push_back(ccy[0]);
      major.push_back(e.semi_major * km);
      minor.push_back(e.semi_minor * km);
      rot.push_back(e.rotation_deg);
      flat.push_back(e.flattening);
      area.push_back(e.area * km * km);
      perim.push_back(e.perimeter * km);
      wsum.push_back(sum_w);
      nlohmann::json j{{"group", groups.names[g]}, {"n", e.n},           {"weight_sum", sum_w},
                       {"center_x", ccx[0]},       {"center_y", ccy[0]}, {"semi_major", major.back()},
                       {"semi_minor", minor.back()}, {"rotation_deg", e.rotation_deg},
                       {"flattening", e.flattening}, {"area", area.back()}, {"perimeter", perim.back()}};
      s["ellipses"].push_back(j);
      os << "  " << (groups.grouped ? groups.names[g] + ": " : "") << "centre " << ccx[0] << ", " << ccy[0]
         << "; a " << major.back() << " " << frame.length_unit() << ", b " << minor.back() << " "
         << frame.length_unit() << ", rotation " << e.rotation_deg << " deg, flattening " << e.flattening
         << ", area " << area.back() << " " << frame.area_unit() << ", perimeter " << perim.back() << " "
         << frame.length_unit() << " (" << e.n << " units)\n";
    }
    if (geoms.empty()) throw DataError("no ellipse could be computed for '" + layer.path + "'");
    for (const char* key : {"center_x", "center_y", "semi_major", "semi_minor", "rotation_deg", "flattening",
                            "area", "perimeter"})
      s[key] = s["ellipses"][0][key];
    result.report = os.str();
    timer.lap("statistic");

    const std::string output = args.text("output");
    if (!output.empty()) {
      std::vector<geo::OutputColumn> cols;
      cols.push_back(geo::OutputColumn::text("group", names));
      cols.push_back(geo::OutputColumn::integer("n", counts));
      cols.push_back(geo::OutputColumn::real("weight_sum", wsum));
      cols.push_back(geo::OutputColumn::real("center_x", cx));
      cols.push_back(geo::OutputColumn::real("center_y", cy));
      cols.push_back(geo::OutputColumn::real("semi_major", major));
      cols.push_back(geo::OutputColumn::real("semi_minor", minor));
      cols.push_back(geo::OutputColumn::real("rotation", rot));
      cols.push_back(geo::OutputColumn::real("flattening", flat));
      cols.push_back(geo::OutputColumn::real("area", area));
      cols.push_back(geo::OutputColumn::real("perimeter", perim));
      cols.push_back(geo::OutputColumn::real("std_devs", std::vector<double>(geoms.size(), std_devs)));
      cols.push_back(geo::OutputColumn::text(
          "convention", std::vector<std::optional<std::string>>(geoms.size(), args.text("convention"))));
      cols.push_back(geo::OutputColumn::text(
          "length_unit", std::vector<std::optional<std::string>>(geoms.size(), frame.length_unit())));
      auto report = geo::write_features(output, geoms, layer.crs.get(), cols, write_options(args, feedback));
      note_written(result, "output", report);
      s["output"] = output;
      timer.lap("write");
    }
    s["seconds"] = timer.json();
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(EllipseAlgorithm)

}  // namespace rs
