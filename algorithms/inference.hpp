// Options of permutation inference shared by the global and local statistics.
#pragma once

#include <cstdint>
#include <string>

#include "algorithms/random.hpp"

namespace rs {

// How a pseudo p-value counts the simulated statistics "at least as extreme":
//   Folded   - in the direction of the observed value relative to the simulated mean
//              (GeoDa, esda: min(c_greater, c_less)); default.
//   Greater  - simulated >= observed;  Less - simulated <= observed;
//   TwoSided - 2 * Folded, capped at 1.
// Pseudo p = (c + 1) / (P + 1).
enum class PValueRule { Folded, Greater, Less, TwoSided };

PValueRule parse_p_value_rule(const std::string& text);  // "folded", "greater", "less", "two-sided"
const char* p_value_rule_name(PValueRule rule);

struct PermutationOptions {
  int permutations = 999;             // 0: analytical inference only
  std::uint64_t seed = kDefaultSeed;
  int threads = 0;                    // 0: all cores
  PValueRule rule = PValueRule::Folded;
};

// (count + 1) / (permutations + 1) under `rule`, from the counts of simulated values
// >= and <= the observed one.
double pseudo_p_value(std::size_t greater_or_equal, std::size_t less_or_equal, int permutations,
                      PValueRule rule);

}  // namespace rs
