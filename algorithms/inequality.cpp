#include "algorithms/inequality.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "algorithms/errors.hpp"

namespace rs::inequality {
namespace {

// Inequality measures of shares need values >= 0 and a positive total.
double checked_total(const std::vector<double>& y) {
  if (y.empty()) throw DataError("no values to measure inequality on");
  double total = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i])) throw DataError("value " + std::to_string(i + 1) + " is not finite");
    if (y[i] < 0)
      throw DataError("value " + std::to_string(i + 1) + " is negative (" + std::to_string(y[i]) +
                      "): inequality measures need values >= 0");
    total += y[i];
  }
  if (!(total > 0)) throw DataError("the values sum to zero: inequality is undefined");
  return total;
}

// The weights (ones when `weights` is empty); each must be finite and > 0, since a unit with
// output but no population would have an infinite term.
std::vector<double> checked_weights(const std::vector<double>& weights, std::size_t n) {
  if (weights.empty()) return std::vector<double>(n, 1.0);
  if (weights.size() != n) throw DataError("the weights differ in number from the values");
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(weights[i]) || !(weights[i] > 0))
      throw DataError("weight " + std::to_string(i + 1) + " is not a positive number (" +
                      std::to_string(weights[i]) + ")");
  return weights;
}

// The term (y_i / Y) ln((y_i / Y) / (p_i / P)) of unit i, with 0 ln 0 = 0.
double theil_term(double yi, double pi, double Y, double P) {
  if (yi == 0) return 0;
  const double s = yi / Y;
  return s * std::log(s / (pi / P));
}

// T over the given units (0 when their total is 0).
double theil_of(const std::vector<double>& y, const std::vector<double>& p, const std::vector<std::size_t>& units) {
  double Y = 0, P = 0;
  for (std::size_t i : units) Y += y[i], P += p[i];
  if (!(Y > 0)) return 0;
  double t = 0;
  for (std::size_t i : units) t += theil_term(y[i], p[i], Y, P);
  return t;
}

double mean_of(const std::vector<double>& y) {
  double s = 0;
  for (double v : y) s += v;
  return s / static_cast<double>(y.size());
}

}  // namespace

double theil(const std::vector<double>& y, const std::vector<double>& weights) {
  checked_total(y);
  const std::vector<double> p = checked_weights(weights, y.size());
  std::vector<std::size_t> all(y.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return theil_of(y, p, all);
}

std::vector<double> theil_terms(const std::vector<double>& y, const std::vector<double>& weights) {
  const double Y = checked_total(y);
  const std::vector<double> p = checked_weights(weights, y.size());
  double P = 0;
  for (double v : p) P += v;
  std::vector<double> terms(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) terms[i] = theil_term(y[i], p[i], Y, P);
  return terms;
}

TheilDecomposition theil_decomposition(const std::vector<double>& y, const std::vector<std::string>& groups,
                                       const std::vector<double>& weights) {
  const double Y = checked_total(y);
  if (groups.size() != y.size()) throw DataError("the group labels differ in number from the values");
  const std::vector<double> p = checked_weights(weights, y.size());
  double P = 0;
  for (double v : p) P += v;

  std::map<std::string, std::vector<std::size_t>> members;  // ordered by name
  for (std::size_t i = 0; i < y.size(); ++i) members[groups[i]].push_back(i);

  TheilDecomposition d;
  std::vector<std::size_t> all(y.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  d.T = theil_of(y, p, all);
  for (const auto& [name, units] : members) {
    TheilGroup g;
    g.name = name;
    g.n = units.size();
    double Yg = 0, Pg = 0;
    for (std::size_t i : units) Yg += y[i], Pg += p[i];
    g.share = Yg / Y;
    g.weight_share = Pg / P;
    g.T = theil_of(y, p, units);
    if (g.share > 0) d.between += g.share * std::log(g.share / g.weight_share);
    d.within += g.share * g.T;
    d.groups.push_back(g);
  }
  if (d.T > 0) {
    for (auto& g : d.groups) g.contribution = g.share * g.T / d.T;
    d.between_contribution = d.between / d.T;
    d.within_contribution = d.within / d.T;
  }
  return d;
}

double gini(const std::vector<double>& y) {
  const double total = checked_total(y);
  std::vector<double> sorted = y;
  std::sort(sorted.begin(), sorted.end());
  const double n = static_cast<double>(sorted.size());
  double ranked = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) ranked += 2.0 * static_cast<double>(i + 1) * sorted[i];
  return (ranked - (n + 1) * total) / (n * total);
}

Deviation parse_deviation(const std::string& text) {
  if (text == "sample") return Deviation::Sample;
  if (text == "population") return Deviation::Population;
  throw UsageError("unknown standard deviation '" + text + "': use sample or population");
}

const char* deviation_name(Deviation d) { return d == Deviation::Sample ? "sample" : "population"; }

double standard_deviation(const std::vector<double>& y, Deviation deviation) {
  const std::size_t needed = deviation == Deviation::Sample ? 2 : 1;
  if (y.size() < needed)
    throw DataError("a " + std::string(deviation_name(deviation)) + " standard deviation needs at least " +
                    std::to_string(needed) + " values");
  const double m = mean_of(y);
  double ss = 0;
  for (double v : y) ss += (v - m) * (v - m);
  const double n = static_cast<double>(y.size());
  return std::sqrt(ss / (deviation == Deviation::Sample ? n - 1 : n));
}

double coefficient_of_variation(const std::vector<double>& y, Deviation deviation) {
  checked_total(y);
  return standard_deviation(y, deviation) / mean_of(y);
}

double sd_of_logs(const std::vector<double>& y, Deviation deviation) {
  std::vector<double> logs(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i]) || !(y[i] > 0))
      throw DataError("value " + std::to_string(i + 1) + " is not positive (" + std::to_string(y[i]) +
                      "): the sd of logs needs values > 0");
    logs[i] = std::log(y[i]);
  }
  return standard_deviation(logs, deviation);
}

}  // namespace rs::inequality
