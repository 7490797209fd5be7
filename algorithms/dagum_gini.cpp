#include "algorithms/dagum_gini.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "algorithms/errors.hpp"

namespace rs::dagum {
namespace {

// A group's values sorted ascending with their running sums, so that sums of positive
// differences against any value take one binary search (O(n log n) instead of O(n^2) pairs).
struct SortedValues {
  std::vector<double> values;
  std::vector<double> prefix;  // prefix[k] = sum of the k smallest values
  double total() const { return prefix.back(); }
};

SortedValues sorted_values(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  SortedValues s;
  s.prefix.assign(v.size() + 1, 0.0);
  for (std::size_t k = 0; k < v.size(); ++k) s.prefix[k + 1] = s.prefix[k] + v[k];
  s.values = std::move(v);
  return s;
}

// Over all ordered pairs (x in a, z in b): sum max(x - z, 0) and sum max(z - x, 0).
struct PositiveDifferences {
  double above = 0, below = 0;
};

PositiveDifferences positive_differences(const SortedValues& a, const SortedValues& b) {
  PositiveDifferences d;
  const double m = static_cast<double>(b.values.size());
  for (double x : a.values) {
    const std::size_t k = static_cast<std::size_t>(
        std::lower_bound(b.values.begin(), b.values.end(), x) - b.values.begin());
    const double kk = static_cast<double>(k);
    d.above += kk * x - b.prefix[k];
    d.below += (b.total() - b.prefix[k]) - (m - kk) * x;
  }
  return d;
}

}  // namespace

Decomposition decompose(const std::vector<double>& y, const std::vector<std::string>& groups) {
  if (y.empty()) throw DataError("no values for the Dagum Gini decomposition");
  if (groups.size() != y.size()) throw DataError("the group labels differ in number from the values");
  std::map<std::string, std::vector<double>> by_group;
  double total = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i]) || y[i] < 0)
      throw DataError("value " + std::to_string(i + 1) + " (" + std::to_string(y[i]) +
                      ") is not a number >= 0: the Dagum Gini needs values >= 0");
    by_group[groups[i]].push_back(y[i]);
    total += y[i];
  }
  Decomposition d;
  d.n = y.size();
  const double n = static_cast<double>(d.n);
  d.mean = total / n;
  if (!(total > 0)) throw DataError("the values sum to zero: the Gini is undefined");

  std::vector<SortedValues> sorted;
  for (auto& [name, values] : by_group) {
    Group g;
    g.name = name;
    g.n = values.size();
    SortedValues s = sorted_values(values);
    g.mean = s.total() / static_cast<double>(g.n);
    if (!(g.mean > 0)) throw DataError("group '" + name + "' has a zero mean: its Gini is undefined");
    g.p = static_cast<double>(g.n) / n;
    g.s = s.total() / total;
    d.groups.push_back(g);
    sorted.push_back(std::move(s));
  }
  // Decreasing mean, so that each pair's D_jh compares the richer group to the poorer one.
  std::vector<std::size_t> order(d.groups.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return d.groups[a].mean > d.groups[b].mean; });
  {
    std::vector<Group> g;
    std::vector<SortedValues> s;
    for (std::size_t k : order) g.push_back(d.groups[k]), s.push_back(std::move(sorted[k]));
    d.groups = std::move(g);
    sorted = std::move(s);
  }

  double all_pairs = 0;  // sum over all ordered pairs of units of |y_i - y_r|
  for (std::size_t j = 0; j < d.groups.size(); ++j) {
    Group& g = d.groups[j];
    const PositiveDifferences self = positive_differences(sorted[j], sorted[j]);
    const double nj = static_cast<double>(g.n);
    g.G_jj = (self.above + self.below) / (2 * nj * nj * g.mean);
    all_pairs += self.above + self.below;
    d.G_w += g.G_jj * g.p * g.s;
  }
  for (std::size_t a = 0; a < d.groups.size(); ++a) {
    for (std::size_t b = a + 1; b < d.groups.size(); ++b) {
      const Group &ga = d.groups[a], &gb = d.groups[b];
      const PositiveDifferences diff = positive_differences(sorted[a], sorted[b]);
      const double pairs = static_cast<double>(ga.n) * static_cast<double>(gb.n);
      Pair p;
      p.a = a;
      p.b = b;
      p.G_jh = (diff.above + diff.below) / (pairs * (ga.mean + gb.mean));
      p.d_jh = diff.above / pairs;
      p.p_jh = diff.below / pairs;
      p.D_jh = p.d_jh + p.p_jh > 0 ? (p.d_jh - p.p_jh) / (p.d_jh + p.p_jh) : 0.0;
      const double weight = ga.p * gb.s + gb.p * ga.s;
      p.net_between = p.G_jh * weight * p.D_jh;
      p.transvariation = p.G_jh * weight * (1 - p.D_jh);
      d.G_nb += p.net_between;
      d.G_t += p.transvariation;
      all_pairs += 2 * (diff.above + diff.below);
      d.pairs.push_back(p);
    }
  }
  d.G = all_pairs / (2 * n * n * d.mean);
  if (d.G > 0) {
    d.within_pct = 100 * d.G_w / d.G;
    d.net_between_pct = 100 * d.G_nb / d.G;
    d.transvariation_pct = 100 * d.G_t / d.G;
    for (auto& g : d.groups) g.contribution = 100 * g.G_jj * g.p * g.s / d.G;
  }
  return d;
}

}  // namespace rs::dagum
