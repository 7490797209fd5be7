// `regionstat convert`: many layers at once to one format, CRS and UTF-8, with a per-file report.
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/step_timer.hpp"
#include "geo/convert.hpp"

namespace rs {
namespace {

class ConvertAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "convert"; }
  std::string display_name() const override { return "Convert layers"; }
  std::string group() const override { return "Data preparation"; }
  std::string short_help() const override {
    return "Convert many layers at once to one format, CRS (CGCS2000 and its Gauss-Kruger zones included) and UTF-8";
  }
  std::string help() const override {
    return "Converts every layer of the inputs (files, folders - their vector files, not recursive -, or "
           "globs such as 'data/*.shp'; every layer of a GeoPackage unless --layer picks some) into the "
           "output: a folder (created if missing; one file per layer, in -f FORMAT, GeoPackage by default) "
           "or one GeoPackage holding a layer per input. Outputs are named after the input file "
           "(NAME.gpkg), or after the file and the layer for inputs with several layers (NAME_LAYER).\n"
           "--t-srs reprojects (EPSG:4490 is CGCS2000 in degrees; EPSG:4491-4501 its 6-degree "
           "Gauss-Kruger zones 13-23, EPSG:4502-4512 the same with central meridian in the name, "
           "EPSG:4513-4533 its 3-degree zones 25-45, EPSG:4534-4554 the same with central meridian in "
           "the name). --crs gives the CRS of inputs that have none. Attributes are written in UTF-8 (a "
           "Shapefile output gets a .cpg); --encoding GBK decodes Shapefiles that have no .cpg (most "
           "Chinese data); a .cpg, where present, is followed.\n"
           "Safety: existing outputs are found before anything is written and replaced only with "
           "--overwrite; each output is written beside its place and moved there when complete; inputs "
           "are only read. An input that fails (unreadable, truncated) is reported with GDAL's message and "
           "the others are converted; the command then exits with status 1.";
  }
  std::vector<std::string> references() const override {
    return {"GDAL/OGR contributors. GDAL/OGR Geospatial Data Abstraction software Library. Open Source Geospatial Foundation. https://gdal.org",
            "GB 22021-2008. National geodetic coordinate system of China (CGCS2000)."};
  }
  std::vector<Parameter> parameters() const override {
    Parameter input = make_parameter("input", ParamType::InputLayer,
                                     "Input files, folders or globs ('data/*.shp'); several separated by commas", "", false);
    input.positional = true;
    input.multiple = true;
    Parameter output = make_parameter("output", ParamType::OutputLayer,
                                      "Output folder (one file per layer) or one .gpkg (one layer per input)", "", false);
    output.short_flag = "-o";
    Parameter format = make_parameter("format", ParamType::String,
                                      "GDAL driver of the outputs (GPKG, \"ESRI Shapefile\", GeoJSON, FlatGeobuf; "
                                      "default: from the output's extension, GeoPackage for a folder)");
    format.short_flag = "-f";
    Parameter target_crs = make_parameter("t_srs", ParamType::String,
                                          "Reproject to this CRS (EPSG:4490 CGCS2000, EPSG:4491-4554 its Gauss-Kruger zones)");
    Parameter assumed_crs = make_parameter("crs", ParamType::String, "CRS of inputs that have none (e.g. EPSG:4490)");
    Parameter encoding = make_parameter("encoding", ParamType::String,
                                        "Attribute encoding of Shapefiles without .cpg (e.g. GBK)");
    Parameter layer = make_parameter("layer", ParamType::String,
                                     "Layers to take from multi-layer inputs (name or pattern; default: all)");
    Parameter overwrite = make_parameter("overwrite", ParamType::Boolean, "Replace existing outputs", "false", false);
    Parameter lco = make_parameter("lco", ParamType::String, "Layer creation option NAME=VALUE for GDAL");
    assumed_crs.advanced = layer.advanced = lco.advanced = true;
    return {input, output, format, target_crs, assumed_crs, encoding, layer, overwrite, lco};
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"converted", "number", "Layers converted"}, {"failed", "number", "Inputs or layers that failed"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::ConvertOptions options;
    options.format = args.text("format");
    options.target_crs = args.text("t_srs");
    options.assumed_crs = args.text("crs");
    options.encoding = args.text("encoding");
    options.layer_pattern = args.text("layer");
    options.overwrite = args.flag("overwrite");
    for (auto& lco : args.list("lco")) options.creation_options.push_back(lco);
    const std::vector<std::string> files = geo::expand_inputs(args.list("input"));
    const std::string output = args.text("output");
    const std::vector<geo::ConvertedLayer> rows = geo::convert_layers(files, output, options, feedback);
    // Each layer is read and written in one pass (feature by feature), so the two are one step.
    timer.lap("convert");

    Result result;
    auto& s = result.summary;
    s["output"] = output;
    s["layers"] = nlohmann::json::array();
    std::size_t converted = 0, failed = 0;
    std::ostringstream os;
    os << "convert to " << output;
    if (!options.target_crs.empty()) os << " (CRS " << options.target_crs << ")";
    os << "\n";
    for (auto& row : rows) {
      s["layers"].push_back({{"input", row.input}, {"layer", row.layer}, {"output", row.output},
                             {"output_layer", row.output_layer}, {"features", row.features},
                             {"source_crs", row.source_crs}, {"output_crs", row.output_crs},
                             {"encoding", row.encoding}, {"notes", row.notes}, {"error", row.error}});
      os << "  " << row.input << (row.layer.empty() ? "" : " [" + row.layer + "]") << " -> ";
      if (row.error.empty()) {
        ++converted;
        os << row.output << (row.output == output ? " [" + row.output_layer + "]" : "") << ": " << row.features
           << " features, " << row.source_crs << " -> " << row.output_crs << ", attributes " << row.encoding << "\n";
        for (auto& note : row.notes) os << "    note: " << note << "\n";
      } else {
        ++failed;
        os << "FAILED: " << row.error << "\n";
      }
    }
    os << converted << " layer(s) converted, " << failed << " failed\n";
    s["converted"] = converted;
    s["failed"] = failed;
    if (converted > 0) result.files["output"] = output;
    s["seconds"] = timer.json();
    result.report = os.str();
    // The exit status must say that something failed; the table says what.
    if (failed > 0) throw DataError("\n" + result.report + "some inputs were not converted (see above)");
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(ConvertAlgorithm)

}  // namespace rs
