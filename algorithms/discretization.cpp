#include "algorithms/discretization.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "algorithms/errors.hpp"
#include "algorithms/geographic_detector.hpp"
#include "algorithms/local_classification.hpp"

namespace rs::discretization {

namespace {

std::vector<double> finite_sorted(const std::vector<double>& values) {
  std::vector<double> v;
  for (double x : values)
    if (std::isfinite(x)) v.push_back(x);
  std::sort(v.begin(), v.end());
  return v;
}

// R's quantile(type = 7) with R's arithmetic, so that a value lying on a break falls on the
// same side as in R: index h = (n - 1) p, q = (1 - f) x[lo] + f x[lo + 1] with f = h - lo,
// and q = x[lo] exactly when f = 0 or the two neighbours are equal (sorted values, 0-based).
double quantile_type7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  const double f = h - static_cast<double>(lo);
  if (f == 0 || sorted[lo + 1] == sorted[lo]) return sorted[lo];
  return (1 - f) * sorted[lo] + f * sorted[lo + 1];
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double sample_sd(const std::vector<double>& v) {
  const double m = mean_of(v);
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

std::vector<double> geometric_breaks(const std::vector<double>& sorted, int k) {
  double lo = sorted.front(), hi = sorted.back();
  if (lo < 0)
    throw DataError("geometric intervals need values >= 0, the minimum is " + std::to_string(lo));
  // GD shifts a zero minimum by one so the ratio max/min exists, then shifts the breaks back.
  const double shift = lo == 0 ? 1.0 : 0.0;
  lo += shift;
  hi += shift;
  const double ratio = std::pow(hi / lo, 1.0 / k);
  std::vector<double> b;
  for (int i = 0; i <= k; ++i) b.push_back(lo * std::pow(ratio, i) - shift);
  return b;
}

std::vector<double> std_dev_breaks(const std::vector<double>& sorted, int k) {
  const double mean = mean_of(sorted), sd = sample_sd(sorted);
  const double lo = sorted.front(), hi = sorted.back();
  std::vector<double> b;
  // m - 2 inner breaks: offsets (m - 3 - 2j) / 2 SD for m <= 7 and (m - 3 - 2j) / 4 SD beyond,
  // j = 0, 1, ... while the numerator stays >= 0 (GD's seqb); GD's seqa caps m at 2001.
  for (int m = k + 1; b.size() < static_cast<std::size_t>(k) + 1 && m <= 2001; ++m) {
    const double unit = m <= 7 ? 0.5 : 0.25;
    std::vector<double> below, above;  // both ascending
    for (int j = m - 3; j >= 0; j -= 2) {
      const double offset = j * unit * sd;
      if (mean - offset > lo) below.push_back(mean - offset);
      if (mean + offset < hi) above.push_back(mean + offset);
    }
    std::reverse(above.begin(), above.end());
    b.assign(1, lo);
    for (double v : below)
      if (b.back() != v) b.push_back(v);
    for (double v : above)
      if (b.back() != v) b.push_back(v);
    b.push_back(hi);
  }
  return b;
}

}  // namespace

Method parse_method(const std::string& text) {
  if (text == "quantile") return Method::Quantile;
  if (text == "equal") return Method::Equal;
  if (text == "natural") return Method::Natural;
  if (text == "geometric") return Method::Geometric;
  if (text == "sd") return Method::StdDev;
  throw UsageError("unknown discretisation method '" + text +
                   "' (use quantile, equal, natural, geometric or sd)");
}

const char* method_name(Method m) {
  switch (m) {
    case Method::Quantile: return "quantile";
    case Method::Equal: return "equal";
    case Method::Natural: return "natural";
    case Method::Geometric: return "geometric";
    case Method::StdDev: return "sd";
  }
  return "";
}

const std::vector<Method>& all_methods() {
  static const std::vector<Method> methods{Method::Equal, Method::Natural, Method::Quantile,
                                           Method::Geometric, Method::StdDev};
  return methods;
}

std::vector<double> breaks(const std::vector<double>& values, Method method, int classes) {
  if (classes < 2)
    throw UsageError("the number of classes must be at least 2, got " + std::to_string(classes));
  const std::vector<double> v = finite_sorted(values);
  if (v.size() < 2)
    throw DataError("discretisation needs at least 2 values, got " + std::to_string(v.size()));
  if (v.front() == v.back())
    throw DataError("all values are equal (" + std::to_string(v.front()) + "): no classes to form");
  const double lo = v.front(), hi = v.back();
  std::vector<double> b;
  switch (method) {
    case Method::Quantile:
      // probabilities as R's seq(0, 1, length = k + 1): i * (1 / k), the last exactly 1
      for (int i = 0; i < classes; ++i) b.push_back(quantile_type7(v, i * (1.0 / classes)));
      b.push_back(v.back());
      break;
    case Method::Equal:
      // R's seq(min, max, length.out = k + 1): from + i * by, the last one exactly max.
      for (int i = 0; i < classes; ++i) b.push_back(lo + i * ((hi - lo) / classes));
      b.push_back(hi);
      break;
    case Method::Natural:
      b.push_back(lo);
      for (double upper : natural_breaks(v, classes)) b.push_back(upper);
      break;
    case Method::Geometric: b = geometric_breaks(v, classes); break;
    case Method::StdDev: b = std_dev_breaks(v, classes); break;
  }
  return b;
}

std::vector<int> classify(const std::vector<double>& values, const std::vector<double>& breaks) {
  if (breaks.size() < 2) throw std::invalid_argument("classify: need at least 2 breaks");
  // The inner breaks b_1..b_{k-1} decide: class = 1 + #{inner breaks < v}.
  const std::vector<double> inner(breaks.begin() + 1, breaks.end() - 1);
  return classify_by_cuts(values, inner);
}

std::vector<int> classify_by_cuts(const std::vector<double>& values,
                                  const std::vector<double>& cuts) {
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    if (!std::isfinite(cuts[i]))
      throw UsageError("break " + std::to_string(i + 1) + " is not a finite number");
    if (i > 0 && !(cuts[i] >= cuts[i - 1]))
      throw UsageError("breaks must be increasing: " + std::to_string(cuts[i]) + " follows " +
                       std::to_string(cuts[i - 1]));
  }
  std::vector<int> out(values.size(), 0);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) continue;
    // lower_bound: the first cut >= v, so v equal to a cut stays in the class below it.
    const auto pos = std::lower_bound(cuts.begin(), cuts.end(), values[i]) - cuts.begin();
    out[i] = static_cast<int>(pos) + 1;
  }
  return out;
}

OptimalDiscretization optimal_discretization(const std::vector<double>& y,
                                             const std::vector<double>& x,
                                             const std::vector<Method>& methods,
                                             int min_classes, int max_classes) {
  if (min_classes < 2 || max_classes < min_classes)
    throw UsageError("the range of classes must satisfy 2 <= min <= max, got " +
                     std::to_string(min_classes) + ".." + std::to_string(max_classes));
  if (methods.empty()) throw UsageError("the optimal-parameters search needs at least one method");
  OptimalDiscretization out;
  bool found = false;
  for (Method m : methods) {
    for (int k = min_classes; k <= max_classes; ++k) {
      Candidate c;
      c.method = m;
      c.classes = k;
      try {
        c.breaks = breaks(x, m, k);
      } catch (const DataError&) {
        // a method that does not apply to these values (geometric with negatives) is no candidate
        c.rejected = true;
        c.q = std::numeric_limits<double>::quiet_NaN();
        out.candidates.push_back(c);
        continue;
      }
      const std::vector<int> cls = classify(x, c.breaks);
      std::vector<std::size_t> counts(c.breaks.size() - 1, 0);
      for (int v : cls) ++counts[static_cast<std::size_t>(v - 1)];
      c.strata = static_cast<std::size_t>(
          std::count_if(counts.begin(), counts.end(), [](std::size_t n) { return n > 0; }));
      c.rejected = *std::min_element(counts.begin(), counts.end()) < 2;
      c.q = c.rejected ? std::numeric_limits<double>::quiet_NaN()
                       : geodetector::factor_detector(y, cls).q;
      if (!c.rejected && (!found || c.q > out.candidates[out.best].q)) {
        out.best = out.candidates.size();
        found = true;
      }
      out.candidates.push_back(c);
    }
  }
  if (!found)
    throw DataError("no discretisation leaves at least 2 units in every class: try fewer classes");
  return out;
}

}  // namespace rs::discretization
