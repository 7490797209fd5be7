// `regionstat info`: what a layer holds, before analysing it.
#include <sstream>

#include "analysis/common_parameters.hpp"
#include "analysis/step_timer.hpp"

namespace rs {
namespace {

class InfoAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "info"; }
  std::string display_name() const override { return "Layer information"; }
  std::string group() const override { return "Spatial weights"; }
  std::string short_help() const override {
    return "Describe a layer: layers, features, geometry type, CRS, fields, invalid and empty geometries";
  }
  std::string help() const override {
    return "Lists the layers of a dataset and, for the chosen layer, the number of features, the "
           "geometry type, the CRS (and whether distances will be great-circle km), every field "
           "with its type and count of NULL values, and the features whose geometry is empty or "
           "invalid (invalid geometries are repaired with GEOS MakeValid when analysed).";
  }
  std::vector<std::string> references() const override {
    return {"GDAL/OGR contributors. GDAL/OGR Geospatial Data Abstraction software Library. Open Source Geospatial Foundation. https://gdal.org"};
  }
  std::vector<Parameter> parameters() const override { return input_parameters(); }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::ReadOptions options;
    options.layer = args.text("layer");
    options.id_field = args.text("id");
    options.encoding = args.text("encoding");
    options.assign_crs = args.text("crs");
    const std::string path = args.text("input");
    std::vector<std::string> layers = geo::list_layers(path);
    geo::Layer layer = geo::read_layer(path, options);
    for (auto& w : layer.warnings) feedback.info(w);
    timer.lap("read");

    Result result;
    auto& s = result.summary;
    s["input"] = path;
    s["driver"] = layer.driver;
    s["layers"] = layers;
    s["layer"] = layer.layer_name;
    s["features"] = layer.size();
    s["geometry_type"] = layer.geometry_type;
    s["geometry_kind"] = geo::geometry_kind_name(layer.kind);
    s["crs"] = layer.crs_name();
    s["geographic"] = layer.geographic();
    nlohmann::json fields = nlohmann::json::array();
    std::ostringstream os;
    os << path << " (" << layer.driver << ")\n";
    if (layers.size() > 1) {
      os << "  layers:";
      for (auto& l : layers) os << " " << l;
      os << "\n";
    }
    os << "  layer: " << layer.layer_name << "\n"
       << "  features: " << layer.size() << "\n"
       << "  geometry: " << layer.geometry_type << "\n"
       << "  CRS: " << layer.crs_name()
       << (layer.geographic() ? " - geographic: distances are great-circle km" : "") << "\n"
       << "  fields:\n";
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
      std::size_t nulls = 0;
      for (auto& v : layer.attributes[f])
        if (std::holds_alternative<std::monostate>(v)) ++nulls;
      fields.push_back({{"name", layer.fields[f].name}, {"type", layer.fields[f].type}, {"nulls", nulls}});
      os << "    " << layer.fields[f].name << " (" << layer.fields[f].type << ")";
      if (nulls) os << ", " << nulls << " NULL";
      os << "\n";
    }
    s["fields"] = fields;
    auto ids = [&](const std::vector<std::size_t>& idx) {
      std::vector<std::string> out;
      for (auto i : idx) out.push_back(layer.ids[i]);
      return out;
    };
    s["empty_geometries"] = ids(layer.empty_geometry);
    s["invalid_geometries"] = ids(layer.invalid_geometry);
    os << "  empty geometries: " << layer.empty_geometry.size() << "\n"
       << "  invalid geometries: " << layer.invalid_geometry.size();
    if (!layer.invalid_geometry.empty()) {
      os << " (";
      for (std::size_t k = 0; k < layer.invalid_geometry.size() && k < 10; ++k)
        os << (k ? ", " : "") << layer.ids[layer.invalid_geometry[k]];
      os << ")";
    }
    os << "\n";
    result.report = os.str();
    timer.lap("describe");
    s["seconds"] = timer.json();
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(InfoAlgorithm)

}  // namespace rs
