#include "algorithms/kernel_density.hpp"

#include <algorithm>
#include <cmath>

#include "algorithms/errors.hpp"

namespace rs::kde {
namespace {

constexpr double kInvSqrt2Pi = 0.39894228040143267794;

void check_data(const std::vector<double>& data) {
  if (data.size() < 2) throw DataError("a bandwidth rule needs at least 2 values (got " + std::to_string(data.size()) + ")");
  for (std::size_t i = 0; i < data.size(); ++i)
    if (!std::isfinite(data[i])) throw DataError("value " + std::to_string(i + 1) + " is not finite");
}

double sample_sd(const std::vector<double>& data) {
  double m = 0;
  for (double v : data) m += v;
  m /= static_cast<double>(data.size());
  double ss = 0;
  for (double v : data) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(data.size() - 1));
}

double scaled_iqr(const std::vector<double>& data) {
  std::vector<double> sorted = data;
  std::sort(sorted.begin(), sorted.end());
  return (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.34;
}

}  // namespace

double quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) throw DataError("no values for a quantile");
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

double silverman_bandwidth(const std::vector<double>& data) {
  check_data(data);
  const double sd = sample_sd(data);
  double lo = std::min(sd, scaled_iqr(data));
  // R's fallbacks when the data have no spread in their middle half (or none at all).
  if (!(lo > 0)) lo = sd;
  if (!(lo > 0)) lo = std::fabs(data.front());
  if (!(lo > 0)) lo = 1;
  return 0.9 * lo * std::pow(static_cast<double>(data.size()), -0.2);
}

double scott_bandwidth(const std::vector<double>& data) {
  check_data(data);
  return 1.06 * std::min(sample_sd(data), scaled_iqr(data)) * std::pow(static_cast<double>(data.size()), -0.2);
}

double bandwidth(const std::vector<double>& data, BandwidthRule rule) {
  return rule == BandwidthRule::Silverman ? silverman_bandwidth(data) : scott_bandwidth(data);
}

double density_at(const std::vector<double>& data, double bandwidth, double x) {
  double sum = 0;
  for (double v : data) {
    const double z = (x - v) / bandwidth;
    sum += std::exp(-0.5 * z * z);
  }
  return sum * kInvSqrt2Pi / (static_cast<double>(data.size()) * bandwidth);
}

std::vector<std::size_t> local_maxima(const std::vector<double>& density) {
  std::vector<std::size_t> peaks;
  const std::size_t n = density.size();
  for (std::size_t k = 0; k < n;) {
    std::size_t end = k;  // the run of equal values starting at k
    while (end + 1 < n && density[end + 1] == density[k]) ++end;
    const bool left_lower = k == 0 || density[k - 1] < density[k];
    const bool right_lower = end + 1 == n || density[end + 1] < density[k];
    if (left_lower && right_lower && !(k == 0 && end + 1 == n)) peaks.push_back(k);
    k = end + 1;
  }
  return peaks;
}

Curve gaussian_density(const std::vector<double>& data, double bandwidth, std::size_t points, double cut) {
  if (data.empty()) throw DataError("no values for a kernel density");
  for (std::size_t i = 0; i < data.size(); ++i)
    if (!std::isfinite(data[i])) throw DataError("value " + std::to_string(i + 1) + " is not finite");
  if (!(bandwidth > 0) || !std::isfinite(bandwidth))
    throw DataError("the bandwidth must be a positive number (got " + std::to_string(bandwidth) +
                    "; a rule gives 0 when the values do not vary: give one)");
  if (points < 2) throw UsageError("a density curve needs at least 2 points (got " + std::to_string(points) + ")");
  const auto [lo, hi] = std::minmax_element(data.begin(), data.end());
  const double from = *lo - cut * bandwidth, to = *hi + cut * bandwidth;
  Curve c;
  c.bandwidth = bandwidth;
  c.x.resize(points);
  c.density.resize(points);
  // seq(from, to, length.out = n) as R computes it: from + k * by, the last point exactly `to`.
  const double by = (to - from) / static_cast<double>(points - 1);
  for (std::size_t k = 0; k < points; ++k) {
    c.x[k] = k + 1 == points ? to : from + static_cast<double>(k) * by;
    c.density[k] = density_at(data, bandwidth, c.x[k]);
  }
  return c;
}

}  // namespace rs::kde
