// TOPSIS (technique for order preference by similarity to an ideal solution; Hwang and Yoon
// 1981) as regional papers run it (METHODS.md, "Composite index"):
//   z_ij = x_ij / sqrt(sum_i x_ij^2)                 vector normalisation
//   v_ij = w_j z_ij                                    weights given (entropy, equal or a list)
//   v+_j = max_i v_ij, v-_j = min_i v_ij               reversed for negative indicators
//   D+_i = sqrt(sum_j (v_ij - v+_j)^2),  D-_i = sqrt(sum_j (v_ij - v-_j)^2)
//   C_i  = D-_i / (D+_i + D-_i)                        closeness in [0, 1], larger is better
// Layered TOPSIS (papers weigh indicators within dimensions, then dimensions) is this with the
// combined weights of rs::entropy::layered_entropy_weights.
//
// Missing values: an observation with a NaN in any indicator is left out of the normalisation
// and the ideals, and gets NaN results and no rank (counted in `excluded`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "algorithms/entropy_weights.hpp"

namespace rs::topsis {

struct Result {
  std::vector<double> weights;      // as used: the given weights divided by their sum
  std::vector<double> ideal;        // v+_j
  std::vector<double> anti_ideal;   // v-_j
  std::vector<double> d_plus, d_minus, closeness;   // per observation, NaN when excluded
  std::vector<std::optional<std::int64_t>> rank;    // competition rank of C (1 = closest to the ideal)
  std::size_t used = 0, excluded = 0;
};

// `weights` has one finite, non-negative entry per indicator with a positive sum; they are
// rescaled to sum 1, which leaves C and the ranks unchanged. UsageError on a size mismatch or bad
// weights; DataError naming the indicator when all its values are 0 (no vector norm) or when
// fewer than two observations are complete.
Result topsis(const std::vector<entropy::Indicator>& indicators, const std::vector<double>& weights);

}  // namespace rs::topsis
