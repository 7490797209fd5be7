// Where a result comes from - its data, weights, inference and seed - in the words the reports
// print above it (`regionstat report`, the Moran report of `moran --report`). Read from the
// command's JSON summary, so a report made later from `--json` files says what the run said.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/algorithm.hpp"

namespace rs {

struct ProvenanceLine {
  std::string label;  // "Data", "Weights", "Inference", "Seed"
  std::string text;
};

// Adds the input of the arguments (file "input", "layer", "where") to a summary that does not
// name it yet, so that every command's --json says which data it read.
void record_input(const Arguments& args, nlohmann::json& summary);

// The lines of a summary: Data (file, layer, filter, fields and their years), Weights (spec in
// words, units analysed, units without neighbours), Inference (analytical and/or permutations,
// p rule, adjustment) and Seed. Weights, Inference and Seed only for results that have them.
std::vector<ProvenanceLine> provenance_lines(const nlohmann::json& summary);

// "queen contiguity, W" -> "queen contiguity, row-standardised (W)".
std::string weights_in_words(const std::string& description);

}  // namespace rs
