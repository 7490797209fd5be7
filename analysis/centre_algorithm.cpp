// `regionstat centre`: weighted mean centre, median centre or central feature, per group.
#include <cmath>
#include <sstream>

#include "algorithms/centrography.hpp"
#include "algorithms/errors.hpp"
#include "analysis/centrography_support.hpp"
#include "analysis/step_timer.hpp"

namespace rs {
namespace {

class CentreAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "centre"; }
  std::string display_name() const override { return "Centre of gravity (mean, median, central feature)"; }
  std::string group() const override { return "Centres of gravity"; }
  std::string short_help() const override {
    return "Weighted mean centre, median centre or central feature of the units, optionally per group";
  }
  std::string help() const override {
    return "The centre of gravity of a development field: each unit is its point (polygon centroid, "
           "or the point of a point layer), weighted by --weight.\n"
           "  mean    - weighted mean centre: x = sum w_i x_i / sum w_i, y likewise (ArcGIS Mean Center), "
           "with the standard distance around it, sqrt(sum w_i d_i^2 / sum w_i), d_i the distance of unit i "
           "from the centre (ArcGIS Standard Distance, 1 standard deviation; km, or layer units for a "
           "projected layer of unknown unit).\n"
           "  median  - the point minimising sum w_i d_i (spatial median, centre of minimum distance; "
           "ArcGIS Median Center), Weiszfeld's iteration from the mean centre with Vardi-Zhang's step "
           "when the iterate meets a unit's point; --tolerance is relative to the points' spread.\n"
           "  central - the unit with the smallest sum_j w_j d_ij (ArcGIS Central Feature).\n"
           "Geographic layers are measured in a projection (--projection; default Albers equal-area "
           "with standard parallels at 1/6 and 5/6 of the layer's latitude range, centred on its "
           "extent), and the centres are written back in the layer's CRS. Units with a NULL weight "
           "are left out with a warning; negative weights are an error.\n"
           "Output (-o): one point per group with group, type, n, weight_sum, center_x, center_y "
           "(layer CRS), for the mean std_distance, for the median iterations and converged, for the central "
           "feature its id.";
  }
  std::vector<std::string> references() const override {
    return {"Weiszfeld, E. (1937). Sur le point pour lequel la somme des distances de n points donnes est minimum. Tohoku Mathematical Journal 43, 355-386.",
            "Mitchell, A. (2005). The ESRI Guide to GIS Analysis, Volume 2: Spatial Measurements and Statistics. ESRI Press."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> own{
        make_parameter("type", ParamType::Enum, "Kind of centre", "mean"),
        input_field_parameter("weight", ParamType::Field, "Weight field (e.g. GDP); default: every unit weighs 1"),
        input_field_parameter("group", ParamType::Field, "Grouping field: one centre per group (e.g. region)"),
        where_parameter(),
        projection_parameter(),
        point_source_parameter(),
        make_parameter("tolerance", ParamType::Double, "Median centre: stop when a step is below this fraction of the points' spread", "1e-10"),
        make_parameter("max_iterations", ParamType::Integer, "Median centre: most Weiszfeld iterations", "10000"),
    };
    own[0].choices = {"mean", "median", "central"};
    own[2].numeric = false;
    own[6].minimum = 0;
    own[7].minimum = 1;
    own[6].advanced = own[7].advanced = true;
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
    const std::string type = args.text("type");
    centrography::MedianOptions mopt;
    mopt.tolerance = args.number("tolerance");
    mopt.max_iterations = static_cast<int>(args.integer("max_iterations"));

    std::vector<double> cx, cy, wsum, iters, std_distance;
    std::vector<std::optional<std::int64_t>> counts;
    std::vector<std::optional<std::string>> names, central_ids, conv;
    Result result;
    auto& s = result.summary;
    s["input"] = layer.path;
    s["type"] = type;
    s["weight"] = weight.empty() ? nlohmann::json(nullptr) : nlohmann::json(weight);
    s["measured_in"] = frame.description();
    s["crs"] = layer.crs_name();
    s["centres"] = nlohmann::json::array();
    std::ostringstream os;
    os << type << " centre of " << layer.path << (weight.empty() ? "" : " weighted by " + weight) << "\n"
       << "  measured in: " << frame.description() << "\n";
    for (std::size_t g = 0; g < groups.names.size(); ++g) {
      WeightedPoints p = weighted_points(layer, px, py, pts.valid, w, weight, groups.members[g]);
      if (p.x.empty()) {
        feedback.warning("group '" + groups.names[g] + "' has no unit with a point and a weight; no centre");
        continue;
      }
      double sum_w = 0;
      for (double v : p.w) sum_w += v;
      if (!(sum_w > 0)) {
        feedback.warning("group '" + groups.names[g] + "': the weights sum to zero; no centre");
        continue;
      }
      double x = 0, y = 0;
      nlohmann::json c;
      if (type == "mean") {
        auto m = centrography::mean_centre(p.x, p.y, p.w);
        x = m.x;
        y = m.y;
        std_distance.push_back(centrography::standard_distance(p.x, p.y, p.w) * frame.unit_to_km());
        c["standard_distance"] = std_distance.back();
        iters.push_back(NAN);
        conv.push_back(std::nullopt);
        central_ids.push_back(std::nullopt);
      } else if (type == "median") {
        auto m = centrography::median_centre(p.x, p.y, p.w, mopt);
        if (!m.converged)
          feedback.warning("median centre of group '" + groups.names[g] + "' did not converge in " +
                           std::to_string(m.iterations) + " iterations");
        x = m.x;
        y = m.y;
        iters.push_back(m.iterations);
        conv.push_back(m.converged ? "yes" : "no");
        central_ids.push_back(std::nullopt);
        c["iterations"] = m.iterations;
        c["converged"] = m.converged;
        c["objective"] = m.objective * frame.unit_to_km();
      } else {
        std::size_t k = centrography::central_feature(p.x, p.y, p.w);
        x = p.x[k];
        y = p.y[k];
        iters.push_back(NAN);
        conv.push_back(std::nullopt);
        central_ids.push_back(layer.ids[p.units[k]]);
        c["central_id"] = layer.ids[p.units[k]];
      }
      std::vector<double> ox{x}, oy{y};
      frame.inverse(ox, oy);
      cx.push_back(ox[0]);
      cy.push_back(oy[0]);
      wsum.push_back(sum_w);
      counts.push_back(static_cast<std::int64_t>(p.x.size()));
      names.push_back(groups.names[g]);
      c["group"] = groups.names[g];
      c["n"] = p.x.size();
      c["weight_sum"] = sum_w;
      c["center_x"] = ox[0];
      c["center_y"] = oy[0];
      s["centres"].push_back(c);
      os.precision(10);
      os << "  " << (groups.grouped ? groups.names[g] + ": " : "") << "x " << ox[0] << ", y " << oy[0]
         << " (" << p.x.size() << " units";
      if (type == "central") os << ", central unit " << *central_ids.back();
      if (type == "median") os << ", " << iters.back() << " iterations";
      if (type == "mean") os << ", standard distance " << std_distance.back() << " " << frame.length_unit();
      os << ")\n";
    }
    if (cx.empty()) throw DataError("no centre could be computed for '" + layer.path + "'");
    s["center_x"] = cx[0];
    s["center_y"] = cy[0];
    s["coordinate_unit"] = layer.geographic() ? "degrees (layer CRS)" : "layer CRS units";
    if (type == "mean") {
      s["standard_distance"] = std_distance[0];
      s["length_unit"] = frame.length_unit();
    }
    result.report = os.str();
    timer.lap("statistic");

    const std::string output = args.text("output");
    if (!output.empty()) {
      std::vector<std::unique_ptr<OGRGeometry>> geoms;
      for (std::size_t k = 0; k < cx.size(); ++k) geoms.push_back(std::make_unique<OGRPoint>(cx[k], cy[k]));
      std::vector<geo::OutputColumn> cols;
      cols.push_back(geo::OutputColumn::text("group", names));
      cols.push_back(geo::OutputColumn::text("type", std::vector<std::optional<std::string>>(cx.size(), type)));
      cols.push_back(geo::OutputColumn::integer("n", counts));
      cols.push_back(geo::OutputColumn::real("weight_sum", wsum));
      cols.push_back(geo::OutputColumn::real("center_x", cx));
      cols.push_back(geo::OutputColumn::real("center_y", cy));
      if (type == "mean") cols.push_back(geo::OutputColumn::real("std_distance", std_distance));
      if (type == "median") {
        cols.push_back(geo::OutputColumn::real("iterations", iters));
        cols.push_back(geo::OutputColumn::text("converged", conv));
      }
      if (type == "central") cols.push_back(geo::OutputColumn::text("central_id", central_ids));
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

REGIONSTAT_REGISTER_ALGORITHM(CentreAlgorithm)

}  // namespace rs
