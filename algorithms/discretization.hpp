// Discretisation of a numeric factor into classes for the geographic detector, and the
// optimal-parameters search (OPGD; Song et al. 2020, the R package GD's disc/optidisc).
//
// Breaks are full vectors b_0 <= b_1 <= ... <= b_k (b_0 the minimum, b_k the maximum for the
// data-driven methods); a value v goes to class 1 if v <= b_1, to class c if b_{c-1} < v <= b_c,
// and to class k if v > b_{k-1} (intervals closed on the right, the first also on the left:
// GD's stra()). Classes are numbered 1..k; a class may be empty (tied quantiles). NaN values get
// class 0 (missing) and are ignored when the breaks are computed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs::discretization {

enum class Method { Quantile, Equal, Natural, Geometric, StdDev };

// "quantile", "equal", "natural", "geometric", "sd"; throws UsageError naming the text.
Method parse_method(const std::string& text);
const char* method_name(Method m);
const std::vector<Method>& all_methods();  // the OPGD candidates, in this order

// Breaks of the finite values for k classes (k >= 2):
//   Quantile  - R quantile(x, seq(0, 1, length = k + 1)), type 7 (linear interpolation), as GD
//   Equal     - k intervals of equal width from the minimum to the maximum
//   Natural   - Jenks natural breaks (rs::natural_breaks: the exact Fisher optimum), preceded by
//               the minimum; fewer than k + 1 breaks when there are fewer distinct values
//   Geometric - b_i = min * r^i, r = (max / min)^(1/k) (GD); with min = 0 the values are shifted
//               by +1 for the computation and the breaks shifted back. Throws DataError for a
//               negative minimum (a geometric series cannot cross zero)
//   StdDev    - GD's standard-deviation breaks: m - 2 inner breaks at the mean +- multiples
//               of the sample SD, 1 SD apart for m <= 7 (centred on the mean when m - 2 is odd,
//               at +-0.5 SD otherwise) and 0.5 SD apart beyond; those outside (min, max) are
//               dropped, and m grows from k + 1 until min, the inner breaks and max make at
//               least k + 1 breaks. The result may have more than k classes (GD's loop can
//               overshoot when clipping removes breaks), exactly as GD
// Throws DataError when fewer than two finite values are given.
std::vector<double> breaks(const std::vector<double>& values, Method method, int classes);

// Class of every value (1..k, 0 for NaN) for full breaks b_0..b_k (k = breaks.size() - 1).
std::vector<int> classify(const std::vector<double>& values, const std::vector<double>& breaks);

// Class of every value for user cut points c_1 <= ... <= c_m (inner breaks only): class 1 for
// v <= c_1, ..., class m + 1 for v > c_m; 0 for NaN. Throws UsageError unless the cut points are
// finite and non-decreasing (equal cuts leave an empty class, as tied quantiles do).
std::vector<int> classify_by_cuts(const std::vector<double>& values, const std::vector<double>& cuts);

// One candidate of the optimal-parameters search.
struct Candidate {
  Method method = Method::Quantile;
  int classes = 0;              // k asked for
  std::vector<double> breaks;   // as breaks() gives them
  std::size_t strata = 0;       // non-empty classes
  double q = 0;                 // NaN when rejected
  bool rejected = false;        // a class with fewer than 2 units, or the method does not apply
};

struct OptimalDiscretization {
  std::vector<Candidate> candidates;  // every method x every k, methods outer, k inner
  std::size_t best = 0;               // index of the candidate with the largest q
};

// OPGD (GD's optidisc): for every method and every k in [min_classes, max_classes] discretise
// x, compute the factor-detector q of y, and keep the largest. As GD, a candidate is rejected
// when one of its classes holds fewer than 2 units (an empty class of tied quantiles too), or
// when the method does not apply (geometric intervals of negative values: empty breaks);
// ties go to the first method in `methods` order, then the smaller k (GD's which.max order). Note GD's own q uses sample variances (gd()), so its q values differ slightly from the
// factor detector's; here the candidates are ranked by the factor detector's q.
// x and y are on the same units, without NaN. Throws DataError when every candidate is rejected.
OptimalDiscretization optimal_discretization(const std::vector<double>& y,
                                             const std::vector<double>& x,
                                             const std::vector<Method>& methods,
                                             int min_classes, int max_classes);

}  // namespace rs::discretization
