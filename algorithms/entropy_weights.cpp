#include "algorithms/entropy_weights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "algorithms/errors.hpp"

namespace rs::entropy {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Entropy weights over the observations flagged in `use` (the others get NaN).
Result weigh(const std::vector<Indicator>& indicators, const std::vector<bool>& use,
             const Options& options) {
  const std::size_t m = use.size();
  const std::size_t used = static_cast<std::size_t>(std::count(use.begin(), use.end(), true));
  if (used < 2)
    throw DataError("the entropy method needs at least two observations with every indicator; " +
                    std::to_string(used) + " of " + std::to_string(m) + " are complete");
  Result r;
  r.used = used;
  r.excluded = m - used;
  const double log_m = std::log(static_cast<double>(used));
  double divergence_total = 0;
  std::vector<double> divergence;
  for (const auto& ind : indicators) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = 0; i < m; ++i)
      if (use[i]) {
        lo = std::min(lo, ind.values[i]);
        hi = std::max(hi, ind.values[i]);
      }
    if (!(hi > lo))
      throw DataError("indicator '" + ind.name + "' has the same value (" + std::to_string(lo) +
                      ") for every observation: min-max scaling and its entropy weight are undefined");
    std::vector<double> scaled(m, kNaN);
    double total = 0;
    for (std::size_t i = 0; i < m; ++i) {
      if (!use[i]) continue;
      double x = ind.negative ? (hi - ind.values[i]) / (hi - lo) : (ind.values[i] - lo) / (hi - lo);
      if (options.shift == ShiftForm::Affine) x = options.shift_size + (1 - options.shift_size) * x;
      if (options.shift == ShiftForm::Additive) x += options.shift_size;
      scaled[i] = x;
      total += x;
    }
    double sum_plogp = 0;
    for (std::size_t i = 0; i < m; ++i) {
      if (!use[i] || scaled[i] == 0) continue;  // 0 ln 0 = 0
      const double p = scaled[i] / total;
      sum_plogp += p * std::log(p);
    }
    const double e = -sum_plogp / log_m;
    r.names.push_back(ind.name);
    r.entropy.push_back(e);
    divergence.push_back(1 - e);
    divergence_total += 1 - e;
    r.scaled.push_back(std::move(scaled));
  }
  // sum(1 - e) = 0 only when every indicator spreads evenly over all observations, which
  // min-max scaling rules out (each has a 0 or, shifted, a smallest value); guard anyway.
  if (!(divergence_total > 0))
    throw DataError("every indicator has entropy 1: the entropy weights are undefined");
  for (double d : divergence) r.weights.push_back(d / divergence_total);
  r.score.assign(m, kNaN);
  for (std::size_t i = 0; i < m; ++i) {
    if (!use[i]) continue;
    double s = 0;
    for (std::size_t j = 0; j < r.weights.size(); ++j) s += r.weights[j] * r.scaled[j][i];
    r.score[i] = s;
  }
  return r;
}

void check(const std::vector<Indicator>& indicators, const Options& options) {
  if (indicators.empty()) throw UsageError("no indicators given");
  if (options.shift != ShiftForm::None && !(options.shift_size > 0 && options.shift_size < 1))
    throw UsageError("shift size must be in (0, 1), got " + std::to_string(options.shift_size));
}

}  // namespace

std::vector<bool> complete_observations(const std::vector<Indicator>& indicators) {
  const std::size_t m = indicators.front().values.size();
  std::vector<bool> complete(m, true);
  for (const auto& ind : indicators) {
    if (ind.values.size() != m)
      throw UsageError("indicator '" + ind.name + "' has " + std::to_string(ind.values.size()) +
                       " values, the first one " + std::to_string(m));
    for (std::size_t i = 0; i < m; ++i)
      if (std::isnan(ind.values[i])) complete[i] = false;
  }
  return complete;
}

ShiftForm parse_shift_form(const std::string& text) {
  if (text == "none") return ShiftForm::None;
  if (text == "affine") return ShiftForm::Affine;
  if (text == "additive") return ShiftForm::Additive;
  throw UsageError("shift: unknown form '" + text + "' (none, affine, additive)");
}

const char* shift_form_name(ShiftForm form) {
  switch (form) {
    case ShiftForm::Affine: return "affine";
    case ShiftForm::Additive: return "additive";
    case ShiftForm::None: break;
  }
  return "none";
}

Result entropy_weights(const std::vector<Indicator>& indicators, const Options& options) {
  check(indicators, options);
  return weigh(indicators, complete_observations(indicators), options);
}

LayeredResult layered_entropy_weights(const std::vector<Indicator>& indicators,
                                      const std::vector<Dimension>& dimensions,
                                      const Options& options) {
  check(indicators, options);
  if (dimensions.empty()) throw UsageError("no dimensions given");
  std::vector<int> owner(indicators.size(), -1);
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    if (dimensions[d].indicators.empty())
      throw UsageError("dimension '" + dimensions[d].name + "' has no indicators");
    for (std::size_t j : dimensions[d].indicators) {
      if (j >= indicators.size())
        throw UsageError("dimension '" + dimensions[d].name + "' names an indicator out of range");
      if (owner[j] >= 0)
        throw UsageError("indicator '" + indicators[j].name + "' is in two dimensions ('" +
                         dimensions[static_cast<std::size_t>(owner[j])].name + "' and '" +
                         dimensions[d].name + "')");
      owner[j] = static_cast<int>(d);
    }
  }
  for (std::size_t j = 0; j < indicators.size(); ++j)
    if (owner[j] < 0) throw UsageError("indicator '" + indicators[j].name + "' is in no dimension");

  const std::vector<bool> use = complete_observations(indicators);
  LayeredResult r;
  std::vector<Indicator> dimension_scores;
  for (const auto& dim : dimensions) {
    std::vector<Indicator> members;
    for (std::size_t j : dim.indicators) members.push_back(indicators[j]);
    r.within.push_back(weigh(members, use, options));
    dimension_scores.push_back({dim.name, r.within.back().score, false});
  }
  try {
    r.between = weigh(dimension_scores, use, options);
  } catch (const DataError& e) {
    throw DataError(std::string("between dimensions: ") + e.what());
  }
  r.combined.assign(indicators.size(), 0);
  for (std::size_t d = 0; d < dimensions.size(); ++d)
    for (std::size_t k = 0; k < dimensions[d].indicators.size(); ++k)
      r.combined[dimensions[d].indicators[k]] = r.between.weights[d] * r.within[d].weights[k];
  const std::size_t m = use.size();
  r.score.assign(m, kNaN);
  for (std::size_t i = 0; i < m; ++i) {
    if (!use[i]) continue;
    double s = 0;
    for (std::size_t d = 0; d < dimensions.size(); ++d) s += r.between.weights[d] * r.within[d].score[i];
    r.score[i] = s;
  }
  r.excluded = r.between.excluded;
  return r;
}

}  // namespace rs::entropy
