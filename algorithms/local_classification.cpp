#include "algorithms/local_classification.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

#include "algorithms/errors.hpp"

namespace rs {
namespace {

constexpr int kNotSignificant = 0;
constexpr int kUndefined = 5;
constexpr int kIsolated = 6;

}  // namespace

LisaClasses classify_lisa(const std::vector<double>& z, const std::vector<double>& lag,
                          const std::vector<double>& p, const std::vector<int>& neighbours,
                          double alpha) {
  const std::size_t n = z.size();
  if (lag.size() != n || p.size() != n || neighbours.size() != n)
    throw std::invalid_argument("classify_lisa: inputs differ in length");
  LisaClasses c;
  c.quadrant.assign(n, 0);
  c.cluster_code.assign(n, kNotSignificant);
  c.co_type.assign(n, "");
  for (std::size_t i = 0; i < n; ++i) {
    if (neighbours[i] == 0) {
      c.cluster_code[i] = kIsolated;
      continue;
    }
    if (std::isnan(z[i]) || std::isnan(lag[i])) {
      c.cluster_code[i] = kUndefined;
      continue;
    }
    int q;
    if (z[i] > 0 && lag[i] < 0) q = static_cast<int>(LisaQuadrant::HighLow);
    else if (z[i] < 0 && lag[i] > 0) q = static_cast<int>(LisaQuadrant::LowHigh);
    else if (z[i] < 0 && lag[i] < 0) q = static_cast<int>(LisaQuadrant::LowLow);
    else q = static_cast<int>(LisaQuadrant::HighHigh);
    c.quadrant[i] = q;
    if (std::isnan(p[i])) {
      c.cluster_code[i] = kUndefined;
    } else if (p[i] <= alpha) {
      c.cluster_code[i] = q;
      const char* name = quadrant_name(q);
      c.co_type[i] = name ? name : "";
    }
  }
  return c;
}

std::vector<int> classify_local_geary(const std::vector<double>& z, const std::vector<double>& lag,
                                      const std::vector<double>& c, const std::vector<double>& permutation_mean,
                                      const std::vector<double>& p, const std::vector<int>& neighbours,
                                      double alpha) {
  const std::size_t n = z.size();
  if (lag.size() != n || c.size() != n || permutation_mean.size() != n || p.size() != n || neighbours.size() != n)
    throw std::invalid_argument("classify_local_geary: inputs differ in length");
  constexpr int kHighHigh = 1, kLowLow = 2, kOtherPositive = 3, kNegative = 4;
  std::vector<int> code(n, kNotSignificant);
  for (std::size_t i = 0; i < n; ++i) {
    if (neighbours[i] == 0) {
      code[i] = kIsolated;
    } else if (std::isnan(z[i]) || std::isnan(lag[i]) || std::isnan(c[i]) || std::isnan(permutation_mean[i]) ||
               std::isnan(p[i])) {
      code[i] = kUndefined;
    } else if (!(p[i] <= alpha)) {
      code[i] = kNotSignificant;
    } else if (c[i] > permutation_mean[i]) {
      code[i] = kNegative;
    } else if (z[i] > 0 && lag[i] > 0) {
      code[i] = kHighHigh;
    } else if (z[i] < 0 && lag[i] < 0) {
      code[i] = kLowLow;
    } else {
      code[i] = kOtherPositive;
    }
  }
  return code;
}

std::vector<int> gi_bins(const std::vector<double>& z, const std::vector<double>& p) {
  if (z.size() != p.size()) throw std::invalid_argument("gi_bins: inputs differ in length");
  std::vector<int> bins(z.size(), 0);
  for (std::size_t i = 0; i < z.size(); ++i) {
    if (std::isnan(z[i]) || std::isnan(p[i]) || z[i] == 0) continue;
    const int level = p[i] < 0.01 ? 3 : p[i] < 0.05 ? 2 : p[i] < 0.10 ? 1 : 0;
    bins[i] = z[i] > 0 ? level : -level;
  }
  return bins;
}

std::vector<int> hot_cold_classes_from_bins(const std::vector<int>& bins) {
  std::vector<int> out(bins.size());
  for (std::size_t i = 0; i < bins.size(); ++i) {
    const int b = bins[i];
    out[i] = b >= 2 ? 2 : b <= -2 ? -2 : b;
  }
  return out;
}

std::vector<int> hot_cold_classes_natural_breaks(const std::vector<double>& z) {
  const std::vector<double> upper = natural_breaks(z, 5);
  if (upper.size() < 5)
    throw DataError("natural breaks of the z-scores need at least 5 distinct values, got " +
                    std::to_string(upper.size()));
  std::vector<int> out(z.size(), kHotColdUndefined);
  for (std::size_t i = 0; i < z.size(); ++i) {
    if (std::isnan(z[i])) continue;
    const auto c = std::lower_bound(upper.begin(), upper.end(), z[i]) - upper.begin();
    out[i] = static_cast<int>(std::min<std::ptrdiff_t>(c, 4)) - 2;
  }
  return out;
}

std::vector<int> hot_cold_classes(const std::vector<double>& z, const std::vector<int>& bins,
                                  const std::vector<bool>& island, bool natural_breaks) {
  if (!natural_breaks) return hot_cold_classes_from_bins(bins);
  std::vector<double> defined;
  std::vector<std::size_t> where;
  for (std::size_t i = 0; i < z.size(); ++i)
    if (!island[i]) defined.push_back(z[i]), where.push_back(i);
  const std::vector<int> c = hot_cold_classes_natural_breaks(defined);
  std::vector<int> classes(z.size(), 0);
  for (std::size_t j = 0; j < where.size(); ++j) classes[where[j]] = c[j];
  return classes;
}

const char* quadrant_name(int quadrant) {
  switch (quadrant) {
    case 1: return "HH";
    case 2: return "LL";
    case 3: return "LH";
    case 4: return "HL";
  }
  return nullptr;
}

const char* hot_cold_label_en(int cls) {
  switch (cls) {
    case 2: return "Hot spot";
    case 1: return "Sub-hot spot";
    case 0: return "Transition";
    case -1: return "Sub-cold spot";
    case -2: return "Cold spot";
    default: return "";
  }
}

const char* hot_cold_label_zh(int cls) {
  switch (cls) {
    case 2: return "热点区";
    case 1: return "次热点区";
    case 0: return "过渡区";
    case -1: return "次冷点区";
    case -2: return "冷点区";
    default: return "";
  }
}

std::vector<double> natural_breaks(std::vector<double> values, int classes) {
  if (classes < 1) throw std::invalid_argument("natural_breaks: classes must be at least 1");
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
               values.end());
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  const std::size_t k = static_cast<std::size_t>(classes);
  {
    std::vector<double> distinct = values;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() <= k) return distinct;
  }
  // Prefix sums of the values centred on their mean (less cancellation in the class costs).
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(n);
  std::vector<double> s1(n + 1, 0.0), s2(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double c = values[i] - mean;
    s1[i + 1] = s1[i] + c;
    s2[i + 1] = s2[i] + c * c;
  }
  // Within-class sum of squares of values[a..b].
  auto cost = [&](std::size_t a, std::size_t b) {
    const double sum = s1[b + 1] - s1[a];
    const double w = static_cast<double>(b - a + 1);
    return std::max(0.0, s2[b + 1] - s2[a] - sum * sum / w);
  };
  // best[m]: least cost of splitting values[0..m] into c+1 classes; start[c][m]: where the last
  // of them begins.
  std::vector<double> previous(n), best(n);
  std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(n, 0));
  for (std::size_t m = 0; m < n; ++m) previous[m] = cost(0, m);
  for (std::size_t c = 1; c < k; ++c) {
    // Classes c+1 need m >= c; the last class starts at j in [c, m]. The leftmost optimal j is
    // non-decreasing in m, so solve the middle m and recurse on both halves.
    std::function<void(std::size_t, std::size_t, std::size_t, std::size_t)> solve =
        [&](std::size_t lo, std::size_t hi, std::size_t j_lo, std::size_t j_hi) {
          if (lo > hi) return;
          const std::size_t mid = lo + (hi - lo) / 2;
          double value = std::numeric_limits<double>::infinity();
          std::size_t arg = j_lo;
          for (std::size_t j = j_lo; j <= std::min(j_hi, mid); ++j) {
            const double v = previous[j - 1] + cost(j, mid);
            if (v < value) {
              value = v;
              arg = j;
            }
          }
          best[mid] = value;
          start[c][mid] = arg;
          if (mid > lo) solve(lo, mid - 1, j_lo, arg);
          solve(mid + 1, hi, arg, j_hi);
        };
    solve(c, n - 1, c, n - 1);
    std::swap(previous, best);
  }
  std::vector<double> upper(k);
  std::size_t end = n - 1;
  for (std::size_t c = k - 1; c > 0; --c) {
    upper[c] = values[end];
    end = start[c][end] - 1;
  }
  upper[0] = values[end];
  return upper;
}

}  // namespace rs
