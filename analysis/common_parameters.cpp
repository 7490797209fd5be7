#include "analysis/common_parameters.hpp"

#include <algorithm>
#include <cmath>
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

Parameter input_field_parameter(std::string name, ParamType type, std::string label, bool optional) {
  Parameter p = make_parameter(std::move(name), type, std::move(label), "", optional);
  p.parent = "input";
  return p;
}

Parameter panel_fields_parameter() {
  return input_field_parameter("field", ParamType::Fields,
                               "Numeric field(s) to analyse; several or a pattern (gdp_*) for a panel of years", false);
}

std::vector<Parameter> input_parameters() {
  Parameter input = make_parameter("input", ParamType::InputLayer,
                                   "Input layer (any vector format GDAL reads; /vsigzip/ paths work)", "", false);
  input.positional = true;
  Parameter layer = make_parameter("layer", ParamType::String, "Layer name inside a multi-layer source (GeoPackage)");
  Parameter id = input_field_parameter("id", ParamType::Field, "Field with unique unit ids (default: feature id)");
  id.numeric = false;
  Parameter encoding = make_parameter("encoding", ParamType::String,
                                      "Attribute encoding of a Shapefile without .cpg (e.g. GBK)");
  Parameter crs = make_parameter("crs", ParamType::String,
                                 "CRS to assume when the layer has none (e.g. EPSG:4326 for a CSV of lon/lat)");
  layer.advanced = encoding.advanced = crs.advanced = true;
  return {input, layer, id, encoding, crs};
}

std::vector<Parameter> weights_parameters(const std::string& default_transform) {
  const Parameter weights = make_parameter(
      "weights", ParamType::String,
      "Spatial weights: queen, rook, queen:snap=0.001, queen:overlap, knn:6, band:150km, "
      "idw:300km:power=2, kernel:gaussian:k=8, or a .gal/.gwt file",
      "queen", false);
  Parameter transform = make_parameter(
      "transform", ParamType::Enum,
      "Weights transform: W row-standardised, B binary, S variance-stabilising, U as built", default_transform, false);
  transform.choices = {"W", "B", "S", "U"};
  // The same choice as --weights FILE, but a file picker in QGIS.
  Parameter file = make_parameter("weights_file", ParamType::InputFile,
                                  "Spatial weights file (GeoDa .gal or .gwt), instead of --weights");
  file.file_filter = "GAL/GWT weights (*.gal *.GAL *.gwt *.GWT)";
  return {weights, transform, file};
}

std::vector<Parameter> inference_parameters() {
  Parameter permutations = make_parameter(
      "permutations", ParamType::Integer, "Random permutations for pseudo p-values (0: analytical inference only)",
      "999", false);
  permutations.minimum = 0;
  permutations.maximum = 99999999;
  Parameter seed = make_parameter("seed", ParamType::Integer,
                                  "Random seed (same seed, same results for any number of threads)",
                                  std::to_string(kDefaultSeed), false);
  seed.minimum = 0;
  Parameter threads = make_parameter("threads", ParamType::Integer, "Threads for permutations (0: all cores)", "0", false);
  threads.minimum = 0;
  threads.maximum = 1024;
  Parameter rule = make_parameter(
      "p_rule", ParamType::Enum,
      "Pseudo p-value rule, with c_ge = #(simulated >= observed), c_le = #(simulated <= observed) of P "
      "permutations and p = (c + 1) / (P + 1): folded c = min(c_ge, P - c_ge) (GeoDa, esda); folded-ties "
      "c = min(c_ge, c_le) (ties in both tails, more conservative); greater c = c_ge; less c = c_le; "
      "two-sided 2 (min(c_ge, c_le) + 1) / (P + 1), at most 1",
      "folded", false);
  rule.choices = {"folded", "folded-ties", "greater", "less", "two-sided"};
  seed.advanced = threads.advanced = rule.advanced = true;
  Parameter alpha = make_parameter("alpha", ParamType::Double, "Significance level for clusters", "0.05", false);
  alpha.minimum = 0;
  alpha.maximum = 1;
  Parameter adjust = make_parameter(
      "adjust", ParamType::Enum,
      "Multiple-testing adjustment of local p-values: none, fdr (Benjamini-Hochberg), bonferroni", "none", false);
  adjust.choices = {"none", "fdr", "bonferroni"};
  return {permutations, seed, threads, rule, alpha, adjust};
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
  Parameter output = make_parameter(
      "output", ParamType::OutputLayer,
      "Output layer (.gpkg, .shp, .geojson, ...): the input with result fields appended", "", !required);
  output.short_flag = "-o";
  Parameter format = make_parameter("format", ParamType::String,
                                    "GDAL driver of the output (default: from the extension)");
  format.short_flag = "-f";
  Parameter overwrite = make_parameter("overwrite", ParamType::Boolean, "Replace an existing output", "false", false);
  Parameter prefix = make_parameter("prefix", ParamType::String, "Prefix for result field names");
  Parameter suffix = make_parameter("suffix", ParamType::String, "Suffix for result field names (e.g. _2011)");
  Parameter lco = make_parameter("lco", ParamType::String, "Layer creation option NAME=VALUE for GDAL");
  format.advanced = overwrite.advanced = prefix.advanced = suffix.advanced = lco.advanced = true;
  return {output, format, overwrite, prefix, suffix, lco};
}

Parameter legend_language_parameter() {
  Parameter lang = make_parameter("lang", ParamType::Enum,
                                  "Language of the legend of the style written with the output: en or zh", "en", false);
  lang.choices = {"en", "zh"};
  lang.advanced = true;
  return lang;
}

geo::Layer read_input(const Arguments& args, Feedback& feedback, std::optional<std::vector<std::string>> fields) {
  geo::ReadOptions options;
  options.fields = std::move(fields);
  options.layer = args.text("layer");
  options.id_field = args.text("id");
  options.encoding = args.text("encoding");
  options.assign_crs = args.text("crs");
  if (args.given("threads")) options.threads = static_cast<int>(args.integer("threads"));
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

geo::WriteOptions write_options(const Arguments& args, const Feedback& feedback) {
  geo::WriteOptions o = write_options(args);
  o.cancelled = [&feedback] { return feedback.cancelled(); };
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
    os << "):";
    std::size_t named = 0;
    for (std::size_t i = 0; i < col.values.size() && named < 10; ++i)
      if (!std::isfinite(col.values[i])) os << (named++ ? ", " : " ") << layer.ids[i];
    if (col.missing() > named) os << ", ...";
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
