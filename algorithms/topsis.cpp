#include "algorithms/topsis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "algorithms/errors.hpp"
#include "algorithms/growth.hpp"

namespace rs::topsis {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

Result topsis(const std::vector<entropy::Indicator>& indicators, const std::vector<double>& weights) {
  if (indicators.empty()) throw UsageError("no indicators given");
  if (weights.size() != indicators.size())
    throw UsageError("TOPSIS needs one weight per indicator: " + std::to_string(weights.size()) +
                     " weights for " + std::to_string(indicators.size()) + " indicators");
  double weight_total = 0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    if (!std::isfinite(weights[j]) || weights[j] < 0)
      throw UsageError("weight of indicator '" + indicators[j].name + "' must be finite and >= 0");
    weight_total += weights[j];
  }
  if (!(weight_total > 0)) throw UsageError("the TOPSIS weights sum to 0");

  const std::vector<bool> use = entropy::complete_observations(indicators);
  const std::size_t m = use.size();
  Result r;
  r.used = static_cast<std::size_t>(std::count(use.begin(), use.end(), true));
  r.excluded = m - r.used;
  if (r.used < 2)
    throw DataError("TOPSIS needs at least two observations with every indicator; " +
                    std::to_string(r.used) + " of " + std::to_string(m) + " are complete");

  std::vector<std::vector<double>> v(indicators.size(), std::vector<double>(m, kNaN));
  for (std::size_t j = 0; j < indicators.size(); ++j) {
    const auto& x = indicators[j].values;
    double sum_sq = 0;
    for (std::size_t i = 0; i < m; ++i)
      if (use[i]) sum_sq += x[i] * x[i];
    if (!(sum_sq > 0))
      throw DataError("indicator '" + indicators[j].name + "' is 0 for every observation: no vector normalisation");
    const double w = weights[j] / weight_total;
    const double norm = std::sqrt(sum_sq);
    double hi = -std::numeric_limits<double>::infinity(), lo = -hi;
    for (std::size_t i = 0; i < m; ++i) {
      if (!use[i]) continue;
      v[j][i] = w * x[i] / norm;
      hi = std::max(hi, v[j][i]);
      lo = std::min(lo, v[j][i]);
    }
    r.weights.push_back(w);
    r.ideal.push_back(indicators[j].negative ? lo : hi);
    r.anti_ideal.push_back(indicators[j].negative ? hi : lo);
  }
  r.d_plus.assign(m, kNaN);
  r.d_minus.assign(m, kNaN);
  r.closeness.assign(m, kNaN);
  for (std::size_t i = 0; i < m; ++i) {
    if (!use[i]) continue;
    double dp = 0, dm = 0;
    for (std::size_t j = 0; j < indicators.size(); ++j) {
      dp += (v[j][i] - r.ideal[j]) * (v[j][i] - r.ideal[j]);
      dm += (v[j][i] - r.anti_ideal[j]) * (v[j][i] - r.anti_ideal[j]);
    }
    r.d_plus[i] = std::sqrt(dp);
    r.d_minus[i] = std::sqrt(dm);
    // D+ + D- = 0 only if the observation is both ideal and anti-ideal, i.e. every weighted
    // indicator is constant: then no observation is closer than another (C = 0.5 is not
    // a measurement), so C stays NULL.
    const double sum = r.d_plus[i] + r.d_minus[i];
    if (sum > 0) r.closeness[i] = r.d_minus[i] / sum;
  }
  r.rank = growth::competition_ranks(r.closeness, growth::RankOrder::Descending);
  return r;
}

}  // namespace rs::topsis
