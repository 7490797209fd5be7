#include "algorithms/global_autocorrelation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <sstream>
#include <thread>

#include "algorithms/errors.hpp"
#include "algorithms/random.hpp"

namespace rs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// spdep's spweights.constants with adjust.n = TRUE: n counts units with neighbours only.
struct WeightsConstants {
  double n_all = 0;  // all units (spdep's length(listw$neighbours))
  double n = 0;      // units with neighbours
  double s0 = 0, s1 = 0, s2 = 0;
};

WeightsConstants constants(const SpatialWeights& w) {
  WeightsConstants c;
  c.n_all = static_cast<double>(w.size());
  std::size_t with = 0;
  for (std::size_t i = 0; i < w.size(); ++i)
    if (w.neighbour_count(i) > 0) ++with;
  c.n = static_cast<double>(with);
  c.s0 = w.s0();
  c.s1 = w.s1();
  c.s2 = w.s2();
  return c;
}

std::string describe_value(double v) {
  std::ostringstream os;
  os.precision(10);
  os << v;
  return os.str();
}

void check_input(const std::vector<double>& x, const SpatialWeights& w, const std::string& field) {
  if (x.size() != w.size()) {
    std::ostringstream os;
    os << "field '" << field << "' has " << x.size() << " values but the weights have " << w.size() << " units";
    throw DataError(os.str());
  }
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]))
      throw DataError("field '" + field + "' has a missing or infinite value at unit '" + w.ids()[i] +
                      "'; exclude missing values before computing global statistics");
  std::size_t with = 0;
  for (std::size_t i = 0; i < w.size(); ++i)
    if (w.neighbour_count(i) > 0) ++with;
  if (with < 4) {
    std::ostringstream os;
    os << "field '" << field << "': only " << with
       << " unit(s) with neighbours; global statistics need at least 4 (check the weights)";
    throw DataError(os.str());
  }
  if (!(w.s0() > 0)) throw DataError("the weights have no links (sum of weights is 0); nothing to test for field '" + field + "'");
}

// Centred values and their sum of squares; zero variance is an error naming the field.
std::vector<double> centred(const std::vector<double>& x, const std::string& field, double& sum_squares) {
  double mean = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  std::vector<double> z(x.size());
  sum_squares = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    z[i] = x[i] - mean;
    sum_squares += z[i] * z[i];
  }
  if (!(sum_squares > 0))
    throw DataError("field '" + field + "' has zero variance (all " + std::to_string(x.size()) +
                    " values equal " + describe_value(x.empty() ? 0.0 : x[0]) +
                    "); spatial autocorrelation is undefined");
  return z;
}

// sum_i a_i sum_j w_ij b_j
double cross_product(const SpatialWeights& w, const std::vector<double>& a, const std::vector<double>& b) {
  const auto& off = w.offsets();
  const auto& idx = w.indices();
  const auto& wt = w.weights();
  double total = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    double lag = 0;
    for (std::size_t k = off[i]; k < off[i + 1]; ++k) lag += wt[k] * b[idx[k]];
    total += a[i] * lag;
  }
  return total;
}

// sum_ij w_ij (x_i - x_j)^2
double squared_differences(const SpatialWeights& w, const std::vector<double>& x) {
  const auto& off = w.offsets();
  const auto& idx = w.indices();
  const auto& wt = w.weights();
  double total = 0;
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t k = off[i]; k < off[i + 1]; ++k) {
      const double d = x[i] - x[idx[k]];
      total += wt[k] * d * d;
    }
  return total;
}

AnalyticalInference analytical(double statistic, double expected, double variance, double orientation,
                               PValueRule rule) {
  AnalyticalInference a;
  a.available = true;
  a.variance = variance;
  a.z = orientation * (statistic - expected) / std::sqrt(variance);
  a.p = normal_p_value(a.z, rule);
  return a;
}

// Runs `options.permutations` global permutations of `values`; permutation k is a Fisher-Yates
// shuffle drawn from CounterRng(seed, k), so every simulated value is a function of (seed, k)
// only. Workers take blocks of permutations; the calling thread works too and is the only one
// that talks to `feedback` (progress, cancellation).
template <typename Statistic>
std::vector<double> simulate(const std::vector<double>& values, const PermutationOptions& options,
                             Feedback& feedback, const Statistic& statistic) {
  const std::size_t total = static_cast<std::size_t>(std::max(0, options.permutations));
  std::vector<double> out(total);
  if (total == 0) return out;
  constexpr std::size_t kBlock = 64;
  const std::size_t blocks = (total + kBlock - 1) / kBlock;
  unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));

  std::atomic<std::size_t> next_block{0};
  std::atomic<std::size_t> done{0};
  std::atomic<bool> stop{false};
  auto work = [&](bool reporter) {
    std::vector<double> scratch(values.size());
    for (;;) {
      if (stop.load(std::memory_order_relaxed)) return;
      const std::size_t b = next_block.fetch_add(1);
      if (b >= blocks) return;
      const std::size_t end = std::min(total, (b + 1) * kBlock);
      for (std::size_t k = b * kBlock; k < end; ++k) {
        std::copy(values.begin(), values.end(), scratch.begin());
        CounterRng rng(options.seed, k);
        for (std::size_t i = scratch.size(); i > 1; --i) {
          const std::size_t j = static_cast<std::size_t>(rng.below(i));
          std::swap(scratch[i - 1], scratch[j]);
        }
        out[k] = statistic(scratch);
      }
      const std::size_t finished = done.fetch_add(1) + 1;
      if (reporter) {
        feedback.progress(static_cast<double>(finished) / static_cast<double>(blocks));
        if (feedback.cancelled()) stop = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, false);
  work(true);
  for (auto& th : pool) th.join();
  if (stop) throw Cancelled();
  feedback.progress(1.0);
  return out;
}

PermutationInference summarise(double statistic, double expected, double orientation,
                               const std::vector<double>& simulated, const PermutationOptions& options) {
  PermutationInference p;
  p.permutations = static_cast<int>(simulated.size());
  p.seed = options.seed;
  p.rule = options.rule;
  if (simulated.empty()) {
    p.p = p.mean = p.sd = p.z = p.z_se = p.p_se_one_sided = kNaN;
    return p;
  }
  const double observed = orientation * statistic;
  double sum = 0;
  for (double s : simulated) {
    const double v = orientation * s;
    if (v >= observed) ++p.greater_or_equal;
    if (v <= observed) ++p.less_or_equal;
    sum += s;
  }
  const double count = static_cast<double>(simulated.size());
  p.mean = sum / count;
  double ss = 0;
  for (double s : simulated) ss += (s - p.mean) * (s - p.mean);
  p.sd = simulated.size() > 1 ? std::sqrt(ss / (count - 1.0)) : kNaN;
  p.p = pseudo_p_value(p.greater_or_equal, p.less_or_equal, p.permutations, options.rule);
  p.z = orientation * (statistic - p.mean) / p.sd;
  p.z_se = orientation * (statistic - expected) / p.sd;
  p.p_se_one_sided = normal_p_value(-std::fabs(p.z_se), PValueRule::Less);
  return p;
}

AnalyticalInference unavailable() {
  AnalyticalInference a;
  a.variance = a.z = a.p = kNaN;
  return a;
}

}  // namespace

double normal_p_value(double z, PValueRule rule) {
  if (!std::isfinite(z)) return kNaN;
  const double upper = 0.5 * std::erfc(z / std::sqrt(2.0));   // P(Z >= z)
  const double lower = 0.5 * std::erfc(-z / std::sqrt(2.0));  // P(Z <= z)
  switch (rule) {
    case PValueRule::Greater: return upper;
    case PValueRule::Less: return lower;
    case PValueRule::Folded:
    case PValueRule::FoldedTies: return std::min(upper, lower);  // no ties under a continuous law
    case PValueRule::TwoSided: return std::min(1.0, 2.0 * std::min(upper, lower));
  }
  return kNaN;
}

GlobalResult moran(const std::vector<double>& x, const SpatialWeights& w, const PermutationOptions& options,
                   Feedback& feedback, const std::string& field) {
  check_input(x, w, field);
  const WeightsConstants c = constants(w);
  double zz = 0;
  const std::vector<double> z = centred(x, field, zz);
  double z4 = 0;
  for (double v : z) z4 += v * v * v * v;

  GlobalResult r;
  r.statistic_name = "Moran's I";
  r.n = w.size();
  r.n_with_neighbours = static_cast<std::size_t>(c.n);
  const double scale = c.n / c.s0;
  r.statistic = scale * cross_product(w, z, z) / zz;
  r.expected = -1.0 / (c.n - 1.0);
  // spdep moran(): kurtosis over all units (length(x)), n in the constants adjusted.
  r.kurtosis = c.n_all * z4 / (zz * zz);

  const double n = c.n, nn = n * n, s02 = c.s0 * c.s0;
  const double ei2 = r.expected * r.expected;
  const double v_norm = (nn * c.s1 - n * c.s2 + 3.0 * s02) / (s02 * (nn - 1.0)) - ei2;
  const double v_rand = (n * (c.s1 * (nn - 3.0 * n + 3.0) - n * c.s2 + 3.0 * s02) -
                         r.kurtosis * (c.s1 * (nn - n) - 2.0 * n * c.s2 + 6.0 * s02)) /
                            ((n - 1.0) * (n - 2.0) * (n - 3.0) * s02) -
                        ei2;
  r.normality = analytical(r.statistic, r.expected, v_norm, 1.0, options.rule);
  r.randomisation = analytical(r.statistic, r.expected, v_rand, 1.0, options.rule);

  r.simulated = simulate(z, options, feedback, [&](const std::vector<double>& p) {
    return scale * cross_product(w, p, p) / zz;
  });
  r.permutation = summarise(r.statistic, r.expected, 1.0, r.simulated, options);
  return r;
}

GlobalResult geary(const std::vector<double>& x, const SpatialWeights& w, const PermutationOptions& options,
                   Feedback& feedback, const std::string& field) {
  check_input(x, w, field);
  const WeightsConstants c = constants(w);
  double zz = 0;
  const std::vector<double> z = centred(x, field, zz);
  double z4 = 0;
  for (double v : z) z4 += v * v * v * v;

  GlobalResult r;
  r.statistic_name = "Geary's C";
  r.n = w.size();
  r.n_with_neighbours = static_cast<std::size_t>(c.n);
  const double scale = (c.n - 1.0) / (2.0 * c.s0);
  r.statistic = scale * squared_differences(w, z) / zz;
  r.expected = 1.0;
  // spdep geary(): kurtosis with the adjusted n; geary.test mixes the adjusted constants (wc$)
  // with the unadjusted n (length of the neighbour list) exactly as below.
  r.kurtosis = c.n * z4 / (zz * zz);
  const double K = r.kurtosis;
  const double na = c.n_all;
  const double n1 = c.n - 1.0, n2 = c.n - 2.0, n3 = c.n - 3.0, nn = c.n * c.n;
  const double s02 = c.s0 * c.s0;
  double v_rand = n1 * c.s1 * (nn - 3.0 * na + 3.0 - K * n1);
  v_rand -= 0.25 * (n1 * c.s2 * (nn + 3.0 * na - 6.0 - K * (nn - na + 2.0)));
  v_rand += s02 * (nn - 3.0 - K * n1 * n1);
  v_rand /= na * n2 * n3 * s02;
  const double v_norm = ((2.0 * c.s1 + c.s2) * n1 - 4.0 * s02) / (2.0 * (na + 1.0) * s02);
  r.normality = analytical(r.statistic, r.expected, v_norm, -1.0, options.rule);
  r.randomisation = analytical(r.statistic, r.expected, v_rand, -1.0, options.rule);

  r.simulated = simulate(z, options, feedback, [&](const std::vector<double>& p) {
    return scale * squared_differences(w, p) / zz;
  });
  r.permutation = summarise(r.statistic, r.expected, -1.0, r.simulated, options);
  return r;
}

GlobalResult general_g(const std::vector<double>& x, const SpatialWeights& w, const PermutationOptions& options,
                       Feedback& feedback, const std::string& field) {
  if (w.style() == WeightsStyle::Row || w.style() == WeightsStyle::VarianceStabilising)
    throw UsageError(std::string("General G needs binary (B) or non-standardised (U) weights, not ") +
                     (w.style() == WeightsStyle::Row ? "row-standardised (W)" : "variance-stabilising (S)") +
                     " ones: use --transform B (or U for distance-based weights)");
  check_input(x, w, field);
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i] < 0)
      throw DataError("field '" + field + "' has a negative value (" + describe_value(x[i]) + " at unit '" +
                      w.ids()[i] + "'); General G needs non-negative values");
  double zz = 0;
  centred(x, field, zz);  // zero variance check
  const WeightsConstants c = constants(w);
  std::vector<char> has_neighbours(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) has_neighbours[i] = w.neighbour_count(i) > 0;

  auto statistic = [&](const std::vector<double>& v) {
    double sum = 0, sum2 = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
      if (has_neighbours[i]) {
        sum += v[i];
        sum2 += v[i] * v[i];
      }
    return cross_product(w, v, v) / (sum * sum - sum2);
  };

  GlobalResult r;
  r.statistic_name = "General G";
  r.n = w.size();
  r.n_with_neighbours = static_cast<std::size_t>(c.n);
  r.statistic = statistic(x);
  const double n = c.n, n1 = n - 1.0, n2 = n - 2.0, n3 = n - 3.0, nn = n * n;
  const double s0 = c.s0, s1 = c.s1, s2 = c.s2, s02 = s0 * s0;
  r.expected = s0 / (n * n1);
  const double b0 = (nn - 3.0 * n + 3.0) * s1 - n * s2 + 3.0 * s02;
  const double b1 = -((nn - n) * s1 - 2.0 * n * s2 + 6.0 * s02);
  const double b2 = -(2.0 * n * s1 - (n + 3.0) * s2 + 6.0 * s02);
  const double b3 = 4.0 * n1 * s1 - 2.0 * (n + 1.0) * s2 + 8.0 * s02;
  const double b4 = s1 - s2 + s02;
  double sx = 0, sx2 = 0, sx3 = 0, sx4 = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (has_neighbours[i]) {
      const double v = x[i];
      sx += v;
      sx2 += v * v;
      sx3 += v * v * v;
      sx4 += v * v * v * v;
    }
  const double denom = (sx * sx - sx2) * (sx * sx - sx2) * n * n1 * n2 * n3;
  const double variance = (b0 * sx2 * sx2 + b1 * sx4 + b2 * sx * sx * sx2 + b3 * sx * sx3 + b4 * sx * sx * sx * sx) / denom -
                          r.expected * r.expected;
  r.kurtosis = kNaN;
  r.normality = unavailable();
  r.randomisation = analytical(r.statistic, r.expected, variance, 1.0, options.rule);
  r.simulated = simulate(x, options, feedback, statistic);
  r.permutation = summarise(r.statistic, r.expected, 1.0, r.simulated, options);
  return r;
}

namespace {
// Standardised with the sample standard deviation (n - 1), GeoDa's GenUtils::StandardizeData.
std::vector<double> standardised(const std::vector<double>& x, const std::string& field) {
  double ss = 0;
  std::vector<double> z = centred(x, field, ss);
  const double sd = std::sqrt(ss / (static_cast<double>(x.size()) - 1.0));
  for (double& v : z) v /= sd;
  return z;
}
}  // namespace

GlobalResult moran_bivariate(const std::vector<double>& x, const std::vector<double>& y, const SpatialWeights& w,
                             const PermutationOptions& options, Feedback& feedback, const std::string& field_x,
                             const std::string& field_y) {
  check_input(x, w, field_x);
  check_input(y, w, field_y);
  const WeightsConstants c = constants(w);
  const std::vector<double> zx = standardised(x, field_x);
  const std::vector<double> zy = standardised(y, field_y);
  double zxx = 0;
  for (double v : zx) zxx += v * v;
  const double scale = c.n / c.s0;

  GlobalResult r;
  r.statistic_name = "bivariate Moran's I";
  r.n = w.size();
  r.n_with_neighbours = static_cast<std::size_t>(c.n);
  r.statistic = scale * cross_product(w, zx, zy) / zxx;
  r.expected = 0.0;  // E over permutations of y: every zy value is equally likely at j, mean 0
  r.kurtosis = kNaN;
  r.normality = unavailable();
  r.randomisation = unavailable();
  r.simulated = simulate(zy, options, feedback, [&](const std::vector<double>& p) {
    return scale * cross_product(w, zx, p) / zxx;
  });
  r.permutation = summarise(r.statistic, r.expected, 1.0, r.simulated, options);
  return r;
}

MoranScatter moran_scatter(const std::vector<double>& x, const std::vector<double>& y, const SpatialWeights& w) {
  MoranScatter s;
  double ssx = 0, ssy = 0;
  std::vector<double> zx = centred(x, "x", ssx);
  std::vector<double> zy = centred(y, "y", ssy);
  const double n = static_cast<double>(x.size());
  const double sdx = std::sqrt(ssx / (n - 1.0)), sdy = std::sqrt(ssy / (n - 1.0));
  for (double& v : zx) v /= sdx;
  for (double& v : zy) v /= sdy;
  s.lag.assign(w.size(), 0.0);
  const auto& off = w.offsets();
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t k = off[i]; k < off[i + 1]; ++k) s.lag[i] += w.weights()[k] * zy[w.indices()[k]];
  double num = 0, den = 0;
  for (std::size_t i = 0; i < zx.size(); ++i) {
    num += zx[i] * s.lag[i];
    den += zx[i] * zx[i];
  }
  s.slope = num / den;
  s.z = std::move(zx);
  return s;
}

}  // namespace rs
