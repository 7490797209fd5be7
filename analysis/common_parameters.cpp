#include "analysis/common_parameters.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "algorithms/errors.hpp"
#include "geo/weights_builder.hpp"

namespace rs {

Parameter make_parameter(std::string name, ParamType type, std::string label, std::string default_value,
                         bool optional) {
  Parameter p;
  p.name = std::move(name);
  p.type = type;
  p.label = std::move(label);
  p.default_value = std::move(default_value);
  p.optional = optional;
  return p;
}

Parameter panel_fields_parameter() {
  Parameter field = make_parameter("field", ParamType::Fields,
                                   "Numeric field(s) to analyse; several or a pattern (gdp_*) for a panel of years", "", false);
  field.parent = "input";
  return field;
}

std::vector<Parameter> input_parameters() {
  std::vector<Parameter> p(5);
  p[0].name = "input";
  p[0].type = ParamType::InputLayer;
  p[0].label = "Input layer (any vector format GDAL reads; /vsigzip/ paths work)";
  p[0].positional = true;
  p[1].name = "layer";
  p[1].type = ParamType::String;
  p[1].label = "Layer name inside a multi-layer source (GeoPackage)";
  p[1].optional = true;
  p[1].advanced = true;
  p[2].name = "id";
  p[2].type = ParamType::Field;
  p[2].label = "Field with unique unit ids (default: feature id)";
  p[2].optional = true;
  p[2].parent = "input";
  p[2].numeric = false;
  p[3].name = "encoding";
  p[3].type = ParamType::String;
  p[3].label = "Attribute encoding of a Shapefile without .cpg (e.g. GBK)";
  p[3].optional = true;
  p[3].advanced = true;
  p[4].name = "crs";
  p[4].type = ParamType::String;
  p[4].label = "CRS to assume when the layer has none (e.g. EPSG:4326 for a CSV of lon/lat)";
  p[4].optional = true;
  p[4].advanced = true;
  return p;
}

std::vector<Parameter> weights_parameters(const std::string& default_transform) {
  std::vector<Parameter> p(3);
  p[0].name = "weights";
  p[0].type = ParamType::String;
  p[0].label = "Spatial weights: queen, rook, queen:snap=0.001, queen:overlap, knn:6, band:150km, "
               "idw:2:300km, kernel:gaussian:k=8, or a .gal/.gwt file";
  p[0].default_value = "queen";
  p[1].name = "transform";
  p[1].type = ParamType::Enum;
  p[1].label = "Weights transform: W row-standardised, B binary, S variance-stabilising, U as built";
  p[1].choices = {"W", "B", "S", "U"};
  p[1].default_value = default_transform;
  // The same choice as --weights FILE, but a file picker in QGIS.
  p[2].name = "weights_file";
  p[2].type = ParamType::InputFile;
  p[2].label = "Spatial weights file (GeoDa .gal or .gwt), instead of --weights";
  p[2].optional = true;
  p[2].file_filter = "GAL/GWT weights (*.gal *.GAL *.gwt *.GWT)";
  return p;
}

std::vector<Parameter> inference_parameters() {
  std::vector<Parameter> p(6);
  p[0].name = "permutations";
  p[0].type = ParamType::Integer;
  p[0].label = "Random permutations for pseudo p-values (0: analytical inference only)";
  p[0].default_value = "999";
  p[0].minimum = 0;
  p[0].maximum = 99999999;
  p[1].name = "seed";
  p[1].type = ParamType::Integer;
  p[1].label = "Random seed (same seed, same results for any number of threads)";
  p[1].default_value = std::to_string(kDefaultSeed);
  p[1].minimum = 0;
  p[1].advanced = true;
  p[2].name = "threads";
  p[2].type = ParamType::Integer;
  p[2].label = "Threads for permutations (0: all cores)";
  p[2].default_value = "0";
  p[2].minimum = 0;
  p[2].maximum = 1024;
  p[2].advanced = true;
  p[3].name = "p_rule";
  p[3].type = ParamType::Enum;
  p[3].label = "Pseudo p-value rule: folded (GeoDa, esda), greater, less, two-sided";
  p[3].choices = {"folded", "greater", "less", "two-sided"};
  p[3].default_value = "folded";
  p[3].advanced = true;
  p[4].name = "alpha";
  p[4].type = ParamType::Double;
  p[4].label = "Significance level for clusters";
  p[4].default_value = "0.05";
  p[4].minimum = 0;
  p[4].maximum = 1;
  p[5].name = "adjust";
  p[5].type = ParamType::Enum;
  p[5].label = "Multiple-testing adjustment of local p-values: none, fdr (Benjamini-Hochberg), bonferroni";
  p[5].choices = {"none", "fdr", "bonferroni"};
  p[5].default_value = "none";
  return p;
}

PermutationOptions permutation_options(const Arguments& args) {
  PermutationOptions o;
  o.permutations = static_cast<int>(args.integer("permutations"));
  o.seed = static_cast<std::uint64_t>(args.integer("seed"));
  o.threads = static_cast<int>(args.integer("threads"));
  o.rule = parse_p_value_rule(args.text("p_rule"));
  return o;
}

std::vector<Parameter> output_parameters(bool required) {
  std::vector<Parameter> p(6);
  p[0].name = "output";
  p[0].type = ParamType::OutputLayer;
  p[0].label = "Output layer (.gpkg, .shp, .geojson, ...): the input with result fields appended";
  p[0].short_flag = "-o";
  p[0].optional = !required;
  p[1].name = "format";
  p[1].type = ParamType::String;
  p[1].label = "GDAL driver of the output (default: from the extension)";
  p[1].short_flag = "-f";
  p[1].optional = true;
  p[1].advanced = true;
  p[2].name = "overwrite";
  p[2].type = ParamType::Boolean;
  p[2].label = "Replace an existing output";
  p[2].default_value = "false";
  p[2].advanced = true;
  p[3].name = "prefix";
  p[3].type = ParamType::String;
  p[3].label = "Prefix for result field names";
  p[3].optional = true;
  p[3].advanced = true;
  p[4].name = "suffix";
  p[4].type = ParamType::String;
  p[4].label = "Suffix for result field names (e.g. _2011)";
  p[4].optional = true;
  p[4].advanced = true;
  p[5].name = "lco";
  p[5].type = ParamType::String;
  p[5].label = "Layer creation option NAME=VALUE for GDAL";
  p[5].optional = true;
  p[5].advanced = true;
  return p;
}

geo::Layer read_input(const Arguments& args, Feedback& feedback) {
  geo::ReadOptions options;
  options.layer = args.text("layer");
  options.id_field = args.text("id");
  options.encoding = args.text("encoding");
  options.assign_crs = args.text("crs");
  geo::Layer layer = geo::read_layer(args.text("input"), options);
  if (layer.size() == 0) throw DataError("'" + layer.path + "' has no features");
  for (auto& w : layer.warnings) feedback.warning(w);
  return layer;
}

geo::WeightsSpec weights_spec(const Arguments& args) {
  if (args.given("weights_file") && args.given("weights"))
    throw UsageError("give either --weights or --weights-file, not both");
  geo::WeightsSpec spec;
  if (args.given("weights_file")) {
    const std::string file = args.text("weights_file");
    std::string ext = file.size() >= 4 ? file.substr(file.size() - 4) : "";
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    if (ext != ".gal" && ext != ".gwt")
      throw UsageError("--weights-file '" + file + "' must be a .gal or .gwt file");
    spec.method = geo::WeightsMethod::File;
    spec.file = file;
  } else {
    spec = geo::parse_weights_spec(args.text("weights"));
  }
  const std::string t = args.text("transform");
  if (args.given("transform") || !spec.style_given) {
    spec.style = t == "B" ? WeightsStyle::Binary
               : t == "S" ? WeightsStyle::VarianceStabilising
               : t == "U" ? WeightsStyle::Unstandardised
                          : WeightsStyle::Row;
  }
  return spec;
}

SpatialWeights analysis_weights(const Arguments& args, const geo::Layer& layer, Feedback& feedback) {
  geo::WeightsSpec spec = weights_spec(args);
  SpatialWeights w = geo::build_weights(layer, spec, feedback);
  auto islands = w.islands();
  if (!islands.empty()) {
    std::ostringstream os;
    os << islands.size() << " unit(s) without neighbours (" << geo::describe(spec) << "): ";
    for (std::size_t k = 0; k < islands.size() && k < 10; ++k) os << (k ? ", " : "") << w.ids()[islands[k]];
    if (islands.size() > 10) os << ", ...";
    os << "; they get NULL local results";
    feedback.warning(os.str());
  }
  return w.transformed(spec.style);
}

geo::WriteOptions write_options(const Arguments& args) {
  geo::WriteOptions o;
  o.format = args.text("format");
  o.overwrite = args.flag("overwrite");
  for (auto& lco : args.list("lco")) o.creation_options.push_back(lco);
  return o;
}

std::string output_field_name(const Arguments& args, const std::string& base, const std::string& field) {
  auto fill = [&](std::string s) {
    const std::string key = "{field}";
    for (auto pos = s.find(key); pos != std::string::npos; pos = s.find(key)) s.replace(pos, key.size(), field);
    return s;
  };
  return fill(args.text("prefix")) + base + fill(args.text("suffix"));
}

std::vector<std::string> expand_fields(const Arguments& args, const std::string& name, const geo::Layer& layer) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (auto& item : args.list(name)) {
    std::vector<std::string> matched;
    if (item.find_first_of("*?") != std::string::npos) {
      matched = layer.match_fields(item);
      if (matched.empty())
        throw DataError("no field of '" + layer.path + "' matches '" + item + "'");
    } else {
      matched.push_back(layer.fields[layer.field_index(item)].name);
    }
    for (auto& m : matched)
      if (seen.insert(m).second) out.push_back(m);
  }
  return out;
}

geo::NumericColumn numeric_field(const geo::Layer& layer, const std::string& field, Feedback& feedback) {
  geo::NumericColumn col = layer.numeric(field);
  if (col.missing() > 0) {
    std::ostringstream os;
    os << "field '" << col.field << "': " << col.missing() << " unit(s) excluded (";
    if (col.null_count) os << col.null_count << " NULL";
    if (col.null_count && col.text_count) os << ", ";
    if (col.text_count) os << col.text_count << " non-numeric such as '" << col.first_bad_text << "'";
    os << ")";
    feedback.warning(os.str());
  }
  return col;
}

void note_written(Result& result, const std::string& key, const geo::WriteReport& report) {
  result.files[key] = report.path;
  std::ostringstream os;
  os << "wrote " << report.features << " features to " << report.path << " (" << report.driver << ")\n";
  for (auto& [from, to] : report.renamed_fields) os << "  field " << from << " written as " << to << "\n";
  result.report += os.str();
  if (!report.renamed_fields.empty()) result.summary["renamed_fields"] = report.renamed_fields;
}

}  // namespace rs
