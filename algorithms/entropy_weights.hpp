// The entropy weight method for composite development indices (METHODS.md, "Composite index"):
//   x'_ij = (x_ij - min_j) / (max_j - min_j)        positive indicator
//   x'_ij = (max_j - x_ij) / (max_j - min_j)        negative indicator (smaller is better)
//   p_ij  = x'_ij / sum_i x'_ij
//   e_j   = -(1 / ln m) sum_i p_ij ln p_ij           with 0 ln 0 = 0, m observations
//   w_j   = (1 - e_j) / sum_k (1 - e_k)
//   score_i = sum_j w_j x'_ij                          in [0, 1]
// An observation is a unit, or a unit-year when a panel is pooled (one set of weights over all
// unit-years, as papers that compare index levels across years do); per-year weights are one
// call per year.
//
// Missing values: an observation with a NaN in any indicator is left out of the scaling and the
// weights (listwise), and gets NaN scaled values and a NaN score; `excluded` counts them so the
// caller can warn. Weights are never computed from a partial column.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs::entropy {

// One indicator: its values over the observations and whether smaller values are better.
struct Indicator {
  std::string name;            // the field name: errors and results name the indicator by it
  std::vector<double> values;  // one per observation; NaN = missing
  bool negative = false;
};

// complete[i]: observation i has a value in every indicator; the observations TOPSIS and the
// entropy weights use. UsageError when the indicators differ in length. Needs one indicator.
std::vector<bool> complete_observations(const std::vector<Indicator>& indicators);

// A small shift after min-max scaling so that no scaled value is 0 (papers do it so that every
// observation enters ln p). Off by default: the textbook formula with 0 ln 0 = 0.
//   None     - x' as above.
//   Affine   - x'' = size + (1 - size) x', which stays in [size, 1]; size 0.01 gives the
//              0.99 x' + 0.01 that papers print.
//   Additive - x'' = x' + size (e.g. size 1e-4; the range becomes [size, 1 + size]).
enum class ShiftForm { None, Affine, Additive };
ShiftForm parse_shift_form(const std::string& text);  // none|affine|additive (UsageError)
const char* shift_form_name(ShiftForm form);

struct Options {
  ShiftForm shift = ShiftForm::None;
  double shift_size = 0.01;  // used by Affine and Additive; must be in (0, 1)
};

struct Result {
  std::vector<std::string> names;            // per indicator, in input order
  std::vector<double> entropy;               // e_j
  std::vector<double> weights;               // w_j, sum to 1
  std::vector<std::vector<double>> scaled;   // scaled[j][i] = x'_ij (NaN when excluded)
  std::vector<double> score;                 // per observation (NaN when excluded)
  std::size_t used = 0;                      // observations that entered the weights (m)
  std::size_t excluded = 0;                  // observations with a missing value
};

// Throws rs::UsageError for an empty indicator list, columns of different lengths or a bad
// shift size, and rs::DataError naming the indicator when an indicator is constant over the
// observations used (its weight would be 0/0) or fewer than two observations are complete.
Result entropy_weights(const std::vector<Indicator>& indicators, const Options& options = {});

// Layered weighting: the entropy method within each dimension (weights and a score per
// dimension), then the entropy method again on the dimension scores (all positive) to weigh the
// dimensions. The total is sum_d W_d S_d, the dimension weights applied to the dimension scores
// themselves, so it equals sum_j (W_d(j) w_j|d) x'_ij: the combined weight of an indicator is its
// dimension's weight times its weight within the dimension, as papers print them.
struct Dimension {
  std::string name;
  std::vector<std::size_t> indicators;  // indices into the indicator list
};

struct LayeredResult {
  std::vector<Result> within;     // per dimension: weights within it and the dimension score
  Result between;                 // the dimensions as indicators: entropy and weight W_d
  std::vector<double> combined;   // per indicator (input order): W_d(j) * w_j|d
  std::vector<double> score;      // per observation: sum_d W_d S_d (NaN when excluded)
  std::size_t excluded = 0;
};

// Every indicator must belong to exactly one dimension (UsageError otherwise, naming it); a
// dimension whose score is constant is a DataError naming the dimension. Observations with a
// missing value in any indicator are excluded from every step.
LayeredResult layered_entropy_weights(const std::vector<Indicator>& indicators,
                                      const std::vector<Dimension>& dimensions,
                                      const Options& options = {});

}  // namespace rs::entropy
