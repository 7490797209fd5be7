#include "algorithms/spatial_markov.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <boost/math/distributions/chi_squared.hpp>

#include "algorithms/errors.hpp"

namespace rs::markov {

Panel spatial_lags(const Panel& values, const SpatialWeights& weights) {
  check_panel(values, 1);
  if (weights.size() != values.size())
    throw DataError("the weights have " + std::to_string(weights.size()) + " units, the panel " +
                    std::to_string(values.size()));
  const SpatialWeights w = weights.row_standardised();
  const std::size_t t = values.front().size();
  Panel lags(values.size(), std::vector<double>(t, 0.0));
  for (std::size_t i = 0; i < values.size(); ++i)
    for (std::size_t k = w.offsets()[i]; k < w.offsets()[i + 1]; ++k)
      for (std::size_t p = 0; p < t; ++p) lags[i][p] += w.weights()[k] * values[w.indices()[k]][p];
  return lags;
}

double chi_squared_upper_tail(double statistic, int dof) {
  if (dof < 1 || std::isnan(statistic)) return std::numeric_limits<double>::quiet_NaN();
  if (statistic <= 0) return 1.0;
  const boost::math::chi_squared distribution(dof);
  return boost::math::cdf(boost::math::complement(distribution, statistic));
}

Homogeneity homogeneity_test(const std::vector<Matrix>& regimes) {
  if (regimes.empty()) throw DataError("the homogeneity test needs at least one regime");
  const std::size_t k = regimes.front().size();
  Matrix pooled(k, std::vector<double>(k, 0.0));
  for (const auto& regime : regimes) {
    if (regime.size() != k) throw DataError("the regimes' transition matrices differ in size");
    for (std::size_t i = 0; i < k; ++i) {
      if (regime[i].size() != k) throw DataError("a regime's transition matrix is not square");
      for (std::size_t j = 0; j < k; ++j) pooled[i][j] += regime[i][j];
    }
  }
  const Matrix p = transition_probabilities(pooled);
  Homogeneity h;
  std::vector<int> regimes_in_row(k, 0);
  for (const auto& regime : regimes) {
    const std::vector<double> n_im = row_totals(regime);
    for (std::size_t i = 0; i < k; ++i) {
      if (n_im[i] == 0) continue;
      ++regimes_in_row[i];
      for (std::size_t j = 0; j < k; ++j) {
        const double p_ijm = regime[i][j] / n_im[i];
        if (p[i][j] > 0) {
          const double d = p_ijm - p[i][j];
          h.q += n_im[i] * d * d / p[i][j];
        }
        if (regime[i][j] > 0) h.lr += regime[i][j] * std::log(p_ijm / p[i][j]);
      }
    }
  }
  h.lr *= 2.0;
  for (std::size_t i = 0; i < k; ++i) {
    if (regimes_in_row[i] == 0) continue;
    int nonzero = 0;
    for (std::size_t j = 0; j < k; ++j) nonzero += pooled[i][j] > 0 ? 1 : 0;
    h.dof += (regimes_in_row[i] - 1) * (nonzero - 1);
  }
  h.q_p = chi_squared_upper_tail(h.q, h.dof);
  h.lr_p = chi_squared_upper_tail(h.lr, h.dof);
  return h;
}

SpatialMarkov spatial_markov(const Panel& values, const std::vector<std::vector<int>>& class_ids,
                             int classes, const SpatialWeights& weights, int lag_classes) {
  check_panel(values, 2);
  if (class_ids.size() != values.size())
    throw DataError("the classes and the panel differ in number of units");
  SpatialMarkov s;
  s.classes = classes;
  s.lags = spatial_lags(values, weights);
  for (std::size_t i = 0; i < weights.size(); ++i)
    if (weights.row_sum(i) == 0) s.islands.push_back(i);
  const PanelClasses lag = classify_panel(s.lags, lag_classes, BreakScope::Pooled);
  s.lag_classes = lag.classes;
  s.lag_cutoffs = lag.cutoffs.front();
  s.lag_ids = lag.ids;
  s.transitions.assign(s.lag_classes, Matrix(classes, std::vector<double>(classes, 0.0)));
  const std::size_t t = values.front().size();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (class_ids[i].size() != t) throw DataError("the classes and the panel differ in number of periods");
    for (std::size_t p = 0; p + 1 < t; ++p) {
      const int from = class_ids[i][p], to = class_ids[i][p + 1];
      if (from < 0 || from >= classes || to < 0 || to >= classes)
        throw DataError("a class is outside 1.." + std::to_string(classes));
      s.transitions[s.lag_ids[i][p]][from][to] += 1;
    }
  }
  for (const auto& counts : s.transitions) s.probabilities.push_back(transition_probabilities(counts));
  s.homogeneity = homogeneity_test(s.transitions);
  return s;
}

}  // namespace rs::markov
