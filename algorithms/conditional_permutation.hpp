// Conditional permutation inference for local statistics (Anselin 1995): unit i keeps its own
// value and its k_i neighbours (self excluded) receive k_i values drawn without replacement
// from the other n-1 units. Every local statistic here is a function of unit i and of weighted
// sums over the drawn values, so one engine serves LISA, bivariate LISA, Gi, Gi* and local Geary.
//
// Reproducibility: unit i draws from its own stream CounterRng(seed, i), so the result does not
// depend on the number of threads or on how units are split among them.
//
// Speed: the values are precomputed once (z, or z and z^2 side by side for local Geary) and a
// permutation touches only k_i of them. Small neighbourhoods draw indices from [0, n-1), map
// j >= i to j + 1 (skipping the unit itself) and reject repeats against the few indices drawn so
// far; large neighbourhoods use a partial Fisher-Yates shuffle of a per-thread index array whose
// swaps are undone afterwards, so every draw costs O(1) whatever k_i is.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/inference.hpp"
#include "algorithms/random.hpp"
#include "algorithms/spatial_weights.hpp"

namespace rs {

// Per unit summary of the simulated statistics (NaN for units without neighbours or when no
// permutations were asked for).
struct PermutationSummary {
  std::vector<double> p;         // pseudo p-value under the options' rule
  std::vector<double> z;         // (observed - mean) / sd of the simulated values
  std::vector<double> mean;      // mean of the simulated values
  std::vector<double> variance;  // variance of the simulated values (divisor P - 1, as R var)
  std::vector<std::size_t> greater_or_equal;  // count of simulated >= observed
  std::vector<std::size_t> less_or_equal;     // count of simulated <= observed
};

// Threads actually used for `options.threads` (0: all cores) and `units` units.
int resolve_threads(int requested, std::size_t units);

// Runs work(begin, end) over consecutive chunks of [0, units) on `threads` threads. The calling
// thread takes part and is the only one to talk to `feedback` (progress after each of its
// chunks, cancellation checks); other threads stop at their next chunk once cancelled. Throws
// Cancelled if the user cancelled, or the first exception a chunk threw.
void for_each_chunk(std::size_t units, int threads, Feedback& feedback,
                    const std::function<void(std::size_t, std::size_t)>& work);

namespace detail {

// Draws k distinct indices from {0..n-1} \ {i} into out, from the stream `rng`.
// `scratch` (identity permutation of 0..n-2, restored on return) is used when k is large.
constexpr std::size_t kRejectionLimit = 24;

inline void draw_neighbours(CounterRng& rng, std::size_t n, std::size_t i, std::size_t k,
                            std::size_t* out, std::vector<std::size_t>& scratch) {
  const std::uint64_t pool = n - 1;
  if (k <= kRejectionLimit) {
    for (std::size_t t = 0; t < k; ++t) {
      std::size_t j;
      bool repeat;
      do {
        j = static_cast<std::size_t>(rng.below(pool));
        repeat = false;
        for (std::size_t u = 0; u < t; ++u) repeat |= (out[u] == j);
      } while (repeat);
      out[t] = j;
    }
  } else {
    if (scratch.size() != pool) {
      scratch.resize(pool);
      for (std::size_t u = 0; u < pool; ++u) scratch[u] = u;
    }
    // Partial Fisher-Yates: position t receives a uniform pick among the positions t..pool-1.
    for (std::size_t t = 0; t < k; ++t) {
      const std::size_t s = t + static_cast<std::size_t>(rng.below(pool - t));
      std::swap(scratch[t], scratch[s]);
      out[t] = scratch[t];
      out[k + t] = s;  // remember the swap to undo it
    }
    for (std::size_t t = k; t-- > 0;) std::swap(scratch[t], scratch[out[k + t]]);
  }
  for (std::size_t t = 0; t < k; ++t) out[t] += (out[t] >= i);  // skip the unit itself
}

}  // namespace detail

// Conditional permutation test of a local statistic.
//
// `values` holds `Stride` numbers per unit (stride 1: z; stride 2: z and z^2 for local Geary);
// the engine forms, for each permutation, sums[c] = sum_t w_t values[Stride * d_t + c] over the
// drawn units d_t with unit i's weights w_t (self-links skipped), then asks
// statistic(i, sums) -> double for the simulated value; the observed value is statistic(i,
// observed sums), computed the same way so that identical draws compare equal.
template <int Stride, class Statistic>
PermutationSummary conditional_permutations(const SpatialWeights& w,
                                            const std::vector<double>& values,
                                            const Statistic& statistic,
                                            const PermutationOptions& options,
                                            Feedback& feedback) {
  const std::size_t n = w.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  PermutationSummary out;
  out.p.assign(n, nan);
  out.z.assign(n, nan);
  out.mean.assign(n, nan);
  out.variance.assign(n, nan);
  out.greater_or_equal.assign(n, 0);
  out.less_or_equal.assign(n, 0);
  const int permutations = options.permutations;
  if (permutations <= 0 || n < 2) return out;

  const auto& offsets = w.offsets();
  const auto& indices = w.indices();
  const auto& weights = w.weights();
  const double* v = values.data();

  auto work = [&](std::size_t begin, std::size_t end) {
    std::vector<double> row_w;
    std::vector<std::size_t> draws;
    std::vector<std::size_t> scratch;
    for (std::size_t i = begin; i < end; ++i) {
      row_w.clear();
      double observed_sums[Stride] = {};
      for (std::size_t e = offsets[i]; e < offsets[i + 1]; ++e) {
        const std::size_t j = indices[e];
        if (j == i) continue;
        row_w.push_back(weights[e]);
        for (int c = 0; c < Stride; ++c) observed_sums[c] += weights[e] * v[Stride * j + c];
      }
      const std::size_t k = row_w.size();
      if (k == 0) continue;
      const double observed = statistic(i, observed_sums);
      draws.resize(2 * k);
      CounterRng rng(options.seed, i);
      std::size_t ge = 0, le = 0;
      double sum = 0, sum_sq = 0;  // of simulated - observed, for a stable variance
      for (int p = 0; p < permutations; ++p) {
        detail::draw_neighbours(rng, n, i, k, draws.data(), scratch);
        double sums[Stride] = {};
        for (std::size_t t = 0; t < k; ++t) {
          const double* value = v + Stride * draws[t];
          for (int c = 0; c < Stride; ++c) sums[c] += row_w[t] * value[c];
        }
        const double simulated = statistic(i, sums);
        ge += (simulated >= observed);
        le += (simulated <= observed);
        const double d = simulated - observed;
        sum += d;
        sum_sq += d * d;
      }
      const double P = permutations;
      const double mean_d = sum / P;
      const double variance =
          permutations > 1 ? std::max(0.0, (sum_sq - sum * mean_d) / (P - 1.0)) : nan;
      out.greater_or_equal[i] = ge;
      out.less_or_equal[i] = le;
      out.p[i] = pseudo_p_value(ge, le, permutations, options.rule);
      out.mean[i] = observed + mean_d;
      out.variance[i] = variance;
      out.z[i] = variance > 0 ? -mean_d / std::sqrt(variance) : nan;
    }
  };
  for_each_chunk(n, resolve_threads(options.threads, n), feedback, work);
  return out;
}

}  // namespace rs
