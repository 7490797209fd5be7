#include "algorithms/lisa_markov.hpp"

#include <cmath>
#include <string>

#include "algorithms/errors.hpp"
#include "algorithms/spatial_markov.hpp"

namespace rs::markov {
namespace {

bool own_high(int quadrant) { return quadrant == kHH || quadrant == kHL; }
bool lag_high(int quadrant) { return quadrant == kHH || quadrant == kLH; }

}  // namespace

const char* quadrant_label(int quadrant) {
  switch (quadrant) {
    case kHH: return "HH";
    case kLH: return "LH";
    case kLL: return "LL";
    case kHL: return "HL";
    default: return "";
  }
}

std::vector<std::vector<int>> scatterplot_quadrants(const Panel& values, const SpatialWeights& weights) {
  check_panel(values, 1);
  const std::size_t n = values.size(), t = values.front().size();
  Panel z = values;
  for (std::size_t p = 0; p < t; ++p) {
    double mean = 0;
    for (std::size_t i = 0; i < n; ++i) mean += values[i][p];
    mean /= static_cast<double>(n);
    double squares = 0;
    for (std::size_t i = 0; i < n; ++i) squares += (values[i][p] - mean) * (values[i][p] - mean);
    const double sd = std::sqrt(squares / static_cast<double>(n));
    if (!(sd > 0)) throw DataError("period " + std::to_string(p + 1) + " has no variation: no scatterplot quadrants");
    for (std::size_t i = 0; i < n; ++i) z[i][p] = (values[i][p] - mean) / sd;
  }
  const Panel lag = spatial_lags(z, weights);
  std::vector<std::vector<int>> q(n, std::vector<int>(t, 0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t p = 0; p < t; ++p) {
      const bool high = z[i][p] > 0, neighbours_high = lag[i][p] > 0;
      q[i][p] = high ? (neighbours_high ? kHH : kHL) : (neighbours_high ? kLH : kLL);
    }
  return q;
}

int space_time_type(int from, int to) {
  if (from < kHH || from > kHL || to < kHH || to > kHL)
    throw DataError("quadrant codes are 1..4, got " + std::to_string(from) + " -> " + std::to_string(to));
  const bool own_moves = own_high(from) != own_high(to);
  const bool lag_moves = lag_high(from) != lag_high(to);
  return own_moves ? (lag_moves ? 3 : 1) : (lag_moves ? 2 : 0);
}

const char* space_time_type_label(int type) {
  static const char* const labels[] = {"0", "I", "II", "III"};
  return type >= 0 && type <= 3 ? labels[type] : "";
}

LisaMarkov lisa_markov(const Panel& values, const SpatialWeights& weights) {
  check_panel(values, 2);
  LisaMarkov l;
  l.quadrants = scatterplot_quadrants(values, weights);
  for (std::size_t i = 0; i < weights.size(); ++i)
    if (weights.row_sum(i) == 0) l.islands.push_back(i);
  std::vector<std::vector<int>> zero_based = l.quadrants;
  for (auto& row : zero_based)
    for (int& c : row) c -= 1;
  l.chain = estimate_chain(zero_based, 4);
  const std::size_t n = values.size(), t = values.front().size();
  l.types.assign(n, std::vector<int>(t - 1, 0));
  l.type_counts.assign(t - 1, std::array<int, 4>{});
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t p = 0; p + 1 < t; ++p) {
      const int type = space_time_type(l.quadrants[i][p], l.quadrants[i][p + 1]);
      l.types[i][p] = type;
      ++l.type_counts[p][type];
      ++l.type_totals[type];
    }
  return l;
}

}  // namespace rs::markov
