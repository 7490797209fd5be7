// Parameters most algorithms share (input layer, weights, output) and the steps that go with
// them, so every algorithm reads, builds weights and writes the same way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "algorithms/inference.hpp"
#include "algorithms/spatial_weights.hpp"
#include "analysis/algorithm.hpp"
#include "geo/layer.hpp"
#include "geo/layer_writer.hpp"
#include "geo/weights_spec.hpp"

namespace rs {

// A parameter with the fields most definitions set.
Parameter make_parameter(std::string name, ParamType type, std::string label, std::string default_value = "",
                         bool optional = true);

// A field (ParamType::Field) or fields (ParamType::Fields) of the "input" layer, so that QGIS
// offers that layer's fields; numeric ones only unless the caller clears `numeric`.
Parameter input_field_parameter(std::string name, ParamType type, std::string label, bool optional = true);

// --field: one or more numeric fields, or a pattern (gdp_*) for a panel of years.
Parameter panel_fields_parameter();

// input (positional), --layer, --id, --encoding, --crs
std::vector<Parameter> input_parameters();
// --weights SPEC|FILE, --transform W|B|S|U, --weights-file FILE
std::vector<Parameter> weights_parameters(const std::string& default_transform = "W");
// --permutations, --seed, --threads, --p-rule, --alpha, --adjust (none|fdr|bonferroni)
std::vector<Parameter> inference_parameters();
PermutationOptions permutation_options(const Arguments& args);

// -o/--output, -f/--format, --overwrite, --prefix, --suffix, --lco
std::vector<Parameter> output_parameters(bool required = true);

// --lang en|zh: the language of the legend of the style written with a class field.
Parameter legend_language_parameter();

template <typename... Lists>
std::vector<Parameter> concat(Lists... lists) {
  std::vector<Parameter> out;
  (out.insert(out.end(), lists.begin(), lists.end()), ...);
  return out;
}

// Reads the input layer; forwards the reader's warnings (empty, repaired geometries).
// `fields`: the attribute fields whose values are read (geo::ReadOptions::fields); unset: all.
geo::Layer read_input(const Arguments& args, Feedback& feedback,
                      std::optional<std::vector<std::string>> fields = std::nullopt);

// The weights spec of --weights (a method spec or a .gal/.gwt file) and --transform.
geo::WeightsSpec weights_spec(const Arguments& args);
// Builds them for the layer, reports islands as a warning, and applies the transform.
SpatialWeights analysis_weights(const Arguments& args, const geo::Layer& layer, Feedback& feedback);

geo::WriteOptions write_options(const Arguments& args);
// The same, and the write stops (Cancelled, nothing left) when `feedback` is cancelled: Ctrl-C,
// SIGTERM or SIGHUP on the command line, Cancel in QGIS.
geo::WriteOptions write_options(const Arguments& args, const Feedback& feedback);
// prefix + base + suffix; "{field}" in prefix/suffix stands for the analysed field.
std::string output_field_name(const Arguments& args, const std::string& base, const std::string& field = "");

// Expands --field values and patterns (gdp_*) against the layer, in layer order, no repeats.
std::vector<std::string> expand_fields(const Arguments& args, const std::string& name, const geo::Layer& layer);

// A numeric column with missing values reported as a counted warning.
geo::NumericColumn numeric_field(const geo::Layer& layer, const std::string& field, Feedback& feedback);

// Writes the report lines of a write (path, renamed fields) into the result.
void note_written(Result& result, const std::string& key, const geo::WriteReport& report);

}  // namespace rs
