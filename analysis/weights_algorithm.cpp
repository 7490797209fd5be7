// `regionstat weights`: builds spatial weights, writes them as GAL/GWT and summarises them.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/step_timer.hpp"
#include "geo/distance_weights.hpp"
#include "geo/output_file.hpp"
#include "geo/projection.hpp"
#include "geo/weights_builder.hpp"
#include "geo/weights_io.hpp"

namespace rs {
namespace {

class WeightsAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "weights"; }
  std::string display_name() const override { return "Spatial weights"; }
  std::string group() const override { return "Spatial weights"; }
  std::string short_help() const override {
    return "Build spatial weights (contiguity, nearest neighbours, distance, kernels), write them as GAL/GWT and summarise them";
  }
  std::string help() const override {
    return "Builds a spatial weights matrix from a polygon or point layer and writes it as a GeoDa "
           "GAL file (neighbour lists; contiguity, kNN, band) or GWT file (weighted links; inverse "
           "distance, kernels), readable by GeoDa, PySAL, R spdep (read.gal, read.gwt2nb) and ArcGIS.\n"
           "Methods: queen (shared point) and rook (shared edge) contiguity, with --contiguity exact "
           "(coincident vertices), snap (vertices within --tolerance, layer units) or overlap (shared "
           "boundary segments whose vertices differ); knn (--k nearest neighbours, --symmetric); band "
           "(all units within --distance); idw (1/d^power, optionally within --distance); kernel "
           "(triangular, uniform, epanechnikov, quartic, gaussian; fixed --distance bandwidth or "
           "adaptive to the distance of the k-th neighbour, k given by --k). Geographic layers use great-circle distances in km.\n"
           "--order N builds higher-order contiguity (units exactly N steps apart, or within N steps "
           "with --cumulative), as spdep's nblag / nblag_cumul.\n"
           "--weights takes instead the same spec as the analyses' --weights (e.g. knn:k=6, "
           "idw:300km:power=2, queen:order=2), or a .gal/.gwt file, which is then summarised.\n"
           "The summary reports units, links, neighbours per unit (min/mean/max), islands (units "
           "without neighbours, listed by id) and connected components; --min-threshold also reports "
           "the smallest distance band that leaves no island (between unit centroids, or the points "
           "the distance options choose, whatever the method), in km for geographic layers and layers "
           "in metres.";
  }
  std::vector<std::string> references() const override {
    return {"Anselin, L. & Rey, S. J. (2014). Modern Spatial Econometrics in Practice. GeoDa Press.",
            "Bivand, R. S., Pebesma, E. & Gomez-Rubio, V. (2013). Applied Spatial Data Analysis with R, 2nd ed. Springer (R spdep)."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> own{
        make_parameter("method", ParamType::Enum, "Weights method", "queen", false),
        make_parameter("k", ParamType::Integer, "Number of nearest neighbours (knn, adaptive kernel)"),
        make_parameter("distance", ParamType::String, "Distance band / bandwidth, e.g. 150km, 20000m, or a number (km for geographic layers and layers measured on their ellipsoid, else layer units)"),
        make_parameter("contiguity", ParamType::Enum, "How borders are matched: exact vertices, snap within tolerance, or overlap of boundary segments", "exact"),
        make_parameter("tolerance", ParamType::Double, "Snapping tolerance in layer units", "0"),
        make_parameter("power", ParamType::Double, "Inverse distance power", "1"),
        make_parameter("kernel", ParamType::Enum, "Kernel function", "triangular"),
        make_parameter("order", ParamType::Integer, "Contiguity order (2: neighbours of neighbours)", "1"),
        make_parameter("cumulative", ParamType::Boolean, "Include lower orders with --order", "false"),
        make_parameter("symmetric", ParamType::Boolean, "Symmetrise kNN (i~j when either chose the other)", "false"),
        make_parameter("points", ParamType::Enum, "Points of polygons for distances", "centroid"),
        make_parameter("points_layer", ParamType::InputLayer, "Point layer giving each unit's point (e.g. provincial capitals), joined by --points-id"),
        make_parameter("points_id", ParamType::String, "Field of --points-layer matching the unit ids"),
        make_parameter("min_threshold", ParamType::Boolean, "Report the smallest distance band leaving no island", "false"),
        make_parameter("weights", ParamType::String,
                       "Weights spec as the analyses take it (knn:k=6, idw:300km:power=2) or a .gal/.gwt file to "
                       "summarise, instead of the method and its options"),
    };
    own[0].choices = {"queen", "rook", "knn", "band", "idw", "kernel"};
    own[1].minimum = 1;
    own[3].choices = {"exact", "snap", "overlap"};
    own[4].minimum = 0;
    own[6].choices = {"triangular", "uniform", "epanechnikov", "quartic", "gaussian"};
    own[7].minimum = 1;
    own[10].choices = {"centroid", "surface"};
    own[11].advanced = own[12].advanced = true;
    Parameter out = make_parameter("output", ParamType::OutputFile, "Weights file to write (.gal or .gwt)");
    out.short_flag = "-o";
    out.file_filter = "GAL files (*.gal);;GWT files (*.gwt)";
    Parameter overwrite = make_parameter("overwrite", ParamType::Boolean, "Replace an existing output", "false");
    return concat(input_parameters(), own, std::vector<Parameter>{out, overwrite});
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"units", "number", "Number of units"},
            {"links", "number", "Number of links (non-zero weights)"},
            {"mean_neighbours", "number", "Mean number of neighbours"},
            {"islands", "number", "Units without neighbours"},
            {"components", "number", "Connected components"},
            {"output", "file", "Weights file written"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    const std::string output = args.text("output");
    // Refuse before the work, not after it.
    if (!output.empty()) geo::check_output_file(output, args.flag("overwrite"), {args.text("input")});
    geo::Layer layer = read_input(args, feedback, std::vector<std::string>{});  // geometries and ids only
    timer.lap("read");
    geo::WeightsSpec spec = to_spec(args);
    SpatialWeights w = geo::build_weights(layer, spec, feedback);
    timer.lap("weights");

    Result result;
    summarise(w, layer, spec, result);
    timer.lap("summary");  // components, symmetry, neighbour counts
    if (args.flag("min_threshold")) {
      double d = geo::minimum_threshold_distance(layer, spec);
      std::string unit = geo::distance_unit(layer);
      if (unit == "m") d /= 1000.0, unit = "km";
      result.summary["min_threshold_distance"] = d;
      result.summary["min_threshold_unit"] = unit;
      std::ostringstream os;
      os.precision(10);
      os << "smallest band with no island: " << d << " " << unit << "\n";
      result.report += os.str();
      timer.lap("min_threshold");
    }
    if (!output.empty()) {
      std::string ext = output.size() >= 4 ? output.substr(output.size() - 4) : "";
      std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
      if (ext == ".gal") {
        geo::write_gal(output, w, args.flag("overwrite"), layer.layer_name, args.text("id"));
      } else if (ext == ".gwt") {
        geo::write_gwt(output, w, args.flag("overwrite"), layer.layer_name, args.text("id"));
      } else {
        throw UsageError("output '" + output + "' must end in .gal or .gwt");
      }
      result.files["output"] = output;
      result.summary["output"] = output;
      result.report += "wrote " + output + "\n";
      timer.lap("write");
    }
    result.summary["seconds"] = timer.json();
    return result;
  }

 private:
  // read_input without attribute values: weights need the geometries and the ids only, and on a
  // million units the values took a fifth of the reading time and 200 MB of the peak memory.
  static geo::WeightsSpec to_spec(const Arguments& args) {
    if (args.given("weights")) {
      for (const char* option : {"method", "k", "distance", "contiguity", "tolerance", "power", "kernel", "order",
                                 "cumulative", "symmetric", "points", "points_layer", "points_id"})
        if (args.given(option))
          throw ParameterError(option, "{parameter} belongs to the method options; with a weights spec, put "
                                       "everything in the spec (e.g. knn:k=6, kernel:gaussian:k=8)");
      return geo::parse_weights_spec(args.text("weights"));
    }
    std::string text = args.text("method");
    if (args.given("k")) text += ":k=" + args.text("k");
    if (args.given("distance")) text += ":band=" + args.text("distance");
    const std::string mode = args.text("contiguity");
    if (mode == "snap" || (args.given("tolerance") && mode == "exact")) text += ":snap=" + args.text("tolerance");
    if (mode == "overlap") text += ":overlap=" + args.text("tolerance");
    if (args.given("power")) text += ":power=" + args.text("power");
    if (args.text("method") == "kernel") text += ":" + args.text("kernel");
    if (args.integer("order") > 1) text += ":order=" + args.text("order");
    if (args.flag("cumulative")) text += ":cumulative";
    if (args.flag("symmetric")) text += ":symmetric";
    if (args.given("points_layer")) {
      text += ":points=" + args.text("points_layer") + "#" + args.text("points_id");
    } else if (args.text("points") == "surface") {
      text += ":points=surface";
    }
    geo::WeightsSpec spec = geo::parse_weights_spec(text);
    if (spec.method == geo::WeightsMethod::Kernel && !args.given("distance") && !args.given("k")) spec.k = 8;
    return spec;
  }

  static void summarise(const SpatialWeights& w, const geo::Layer& layer, const geo::WeightsSpec& spec,
                        Result& result) {
    const std::size_t n = w.size();
    std::size_t min_nb = n ? w.neighbour_count(0) : 0, max_nb = 0;
    for (std::size_t i = 0; i < n; ++i) {
      min_nb = std::min(min_nb, w.neighbour_count(i));
      max_nb = std::max(max_nb, w.neighbour_count(i));
    }
    const double mean_nb = n ? static_cast<double>(w.links()) / static_cast<double>(n) : 0.0;
    auto islands = w.islands();
    std::vector<std::string> island_ids;
    for (auto i : islands) island_ids.push_back(w.ids()[i]);
    const std::size_t components = w.component_count();
    const bool symmetric = w.is_symmetric();  // a pass over every link: asked once

    auto& s = result.summary;
    s["input"] = layer.path;
    s["method"] = geo::describe(spec);
    s["units"] = n;
    s["links"] = w.links();
    s["min_neighbours"] = min_nb;
    s["mean_neighbours"] = mean_nb;
    s["max_neighbours"] = max_nb;
    s["percent_nonzero"] = n ? 100.0 * static_cast<double>(w.links()) / (static_cast<double>(n) * static_cast<double>(n)) : 0.0;
    s["islands"] = islands.size();
    s["island_ids"] = island_ids;
    s["components"] = components;
    s["symmetric"] = symmetric;
    s["crs"] = layer.crs_name();
    s["distance_unit"] = geo::measured_on_ellipsoid(layer) ? "km (great circle)" : geo::distance_unit(layer);

    std::ostringstream os;
    os.precision(4);
    os << "weights: " << geo::describe(spec) << " for " << layer.path << "\n"
       << "  units: " << n << "\n"
       << "  links: " << w.links() << " (" << std::fixed << s["percent_nonzero"].get<double>() << " % non-zero)\n"
       << "  neighbours per unit: min " << min_nb << ", mean " << mean_nb << ", max " << max_nb << "\n"
       << "  islands: " << islands.size();
    for (std::size_t k = 0; k < island_ids.size(); ++k) os << (k ? ", " : " (") << island_ids[k];
    if (!island_ids.empty()) os << ")";
    os << "\n  connected components: " << components << "\n"
       << "  symmetric: " << (symmetric ? "yes" : "no") << "\n";
    result.report += os.str();
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(WeightsAlgorithm)

}  // namespace rs
