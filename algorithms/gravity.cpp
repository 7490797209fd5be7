#include "algorithms/gravity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace rs::gravity {

GravityResult gravity_model(const std::vector<double>& mass, const std::vector<double>& distance,
                            const GravityOptions& options) {
  const std::size_t n = mass.size();
  if (distance.size() != n * n) throw std::invalid_argument("the distance matrix is not n x n");
  for (double m : mass)
    if (!std::isfinite(m) || m < 0) throw std::invalid_argument("masses must be finite and non-negative");
  GravityResult r;
  r.totals.assign(n, 0.0);
  r.shares.assign(n, std::numeric_limits<double>::quiet_NaN());
  r.strongest.assign(n, kNone);
  r.strongest_strength.assign(n, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double d = distance[i * n + j];
      if (std::isnan(d)) continue;
      if (!(d > 0))
        throw std::invalid_argument("centres " + std::to_string(i) + " and " + std::to_string(j) +
                                    " are at distance " + std::to_string(d));
      Link link{i, j, d, options.k * mass[i] * mass[j] / std::pow(d, options.beta)};
      r.links.push_back(link);
      for (std::size_t end : {i, j}) {
        const std::size_t other = end == i ? j : i;
        r.totals[end] += link.strength;
        if (r.strongest[end] == kNone || link.strength > r.strongest_strength[end]) {
          r.strongest[end] = other;
          r.strongest_strength[end] = link.strength;
        }
      }
    }
  }
  const double all = std::accumulate(r.totals.begin(), r.totals.end(), 0.0);
  if (all > 0)
    for (std::size_t i = 0; i < n; ++i) r.shares[i] = r.totals[i] / all;
  return r;
}

std::vector<Link> top_links(const std::vector<Link>& links, std::size_t n, std::size_t k) {
  std::vector<std::vector<std::size_t>> by_centre(n);
  for (std::size_t l = 0; l < links.size(); ++l) {
    by_centre[links[l].origin].push_back(l);
    by_centre[links[l].destination].push_back(l);
  }
  std::vector<bool> keep(links.size(), false);
  for (auto& list : by_centre) {
    std::stable_sort(list.begin(), list.end(),
                     [&](std::size_t a, std::size_t b) { return links[a].strength > links[b].strength; });
    for (std::size_t q = 0; q < list.size() && q < k; ++q) keep[list[q]] = true;
  }
  std::vector<Link> out;
  for (std::size_t l = 0; l < links.size(); ++l)
    if (keep[l]) out.push_back(links[l]);
  return out;
}

std::vector<Link> links_above(const std::vector<Link>& links, double threshold) {
  std::vector<Link> out;
  for (auto& l : links)
    if (l.strength >= threshold) out.push_back(l);
  return out;
}

double attraction(double mass, double distance, double beta) {
  if (distance == 0) return std::numeric_limits<double>::infinity();
  return mass / std::pow(distance, beta);
}

std::vector<double> huff_probabilities(const std::vector<double>& mass, const std::vector<double>& distance,
                                       double beta) {
  const std::size_t m = mass.size();
  if (distance.size() != m) throw std::invalid_argument("one distance per centre is needed");
  std::vector<double> p(m, 0.0);
  double at_zero = 0;  // mass of the centres the unit sits on
  for (std::size_t c = 0; c < m; ++c)
    if (distance[c] == 0) at_zero += mass[c];
  double sum = 0;
  for (std::size_t c = 0; c < m; ++c) {
    if (std::isnan(distance[c])) continue;
    if (at_zero > 0) p[c] = distance[c] == 0 ? mass[c] : 0.0;
    else p[c] = attraction(mass[c], distance[c], beta);
    sum += p[c];
  }
  if (!(sum > 0) || !std::isfinite(sum)) return std::vector<double>(m, std::numeric_limits<double>::quiet_NaN());
  for (auto& v : p) v /= sum;
  return p;
}

double reilly_breaking_point(double distance_ab, double mass_a, double mass_b) {
  if (!(mass_a > 0) || !(mass_b >= 0)) throw std::invalid_argument("Reilly's law needs positive masses");
  return distance_ab / (1.0 + std::sqrt(mass_b / mass_a));
}

Primacy primacy(const std::vector<double>& sizes) {
  Primacy p;
  p.n = sizes.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  p.first_share = p.two_city = p.four_city = nan;
  if (sizes.empty()) return p;
  std::vector<std::size_t> order(sizes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
  for (double s : sizes) {
    if (!std::isfinite(s) || s < 0) throw std::invalid_argument("sizes must be finite and non-negative");
    p.total += s;
  }
  const double p1 = sizes[order[0]];
  p.first = order[0];
  if (p.total > 0) p.first_share = p1 / p.total;
  if (order.size() >= 2) {
    p.second = order[1];
    const double p2 = sizes[order[1]];
    if (p2 > 0) p.two_city = p1 / p2;
  }
  if (order.size() >= 4) {
    const double rest = sizes[order[1]] + sizes[order[2]] + sizes[order[3]];
    if (rest > 0) p.four_city = p1 / rest;
  }
  return p;
}

}  // namespace rs::gravity
