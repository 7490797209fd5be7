// Options of permutation inference shared by the global and local statistics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "algorithms/random.hpp"

namespace rs {

// How a pseudo p-value counts the simulated statistics "at least as extreme", with
// c_greater = #(simulated >= observed) and c_less = #(simulated <= observed):
//   Folded     - GeoDa and esda exactly: c = min(c_greater, P - c_greater); default. Ties fall
//                in the upper tail only, so a unit whose draws all equal the observed value
//                gets 1 / (P + 1).
//   FoldedTies - min(c_greater, c_less): ties count in both tails, never below Folded (the
//                rule RegionStat used before matching the peers).
//   Greater    - c_greater;  Less - c_less;
//   TwoSided   - 2 * FoldedTies, capped at 1.
// Pseudo p = (c + 1) / (P + 1).
enum class PValueRule { Folded, FoldedTies, Greater, Less, TwoSided };

// "folded", "folded-ties", "greater", "less", "two-sided"
PValueRule parse_p_value_rule(const std::string& text);
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
