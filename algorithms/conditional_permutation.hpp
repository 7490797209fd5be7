// Conditional permutation inference for local statistics (Anselin 1995): unit i keeps its own
// value and its k_i neighbours (self excluded) receive k_i values drawn without replacement
// from the other n-1 units. Every local statistic here is a function of unit i and of weighted
// sums over the drawn values, so one engine serves LISA, bivariate LISA, Gi, Gi* and local Geary.
//
// Reproducibility: unit i draws from its own stream CounterRng(seed, i), so the result does not
// depend on the number of threads or on how units are split among them.
//
// Speed: the values are precomputed once (z, or z and z^2 side by side for local Geary) and a
// permutation touches only k_i of them, at indices drawn from [0, n-1) and mapped j >= i to j + 1
// (skipping the unit itself); see NeighbourSampler for how repeats are avoided.
//
// Tiles (tile.hpp): the engine computes the rows of a tile with the streams and the n of the
// whole layer, so a partitioned run draws exactly what the whole-layer run draws.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/inference.hpp"
#include "algorithms/random.hpp"
#include "algorithms/spatial_weights.hpp"
#include "algorithms/tile.hpp"

namespace rs {

// Per unit (per row of a tile) summary of the simulated statistics (NaN for units without
// neighbours or when no permutations were asked for).
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

// Draws, for one unit i, k distinct indices from {0..n-1} \ {i}, uniformly, permutation after
// permutation, from the unit's own stream CounterRng(seed, i). Indices are 32-bit, made from
// 32-bit halves of the 64-bit random values by Lemire's multiply-and-reject (no modulo bias).
// Three ways, chosen by n and k only (so the draws stay a pure function of seed and unit):
//  - Batch (few neighbours among many units, the usual case): draw all k, and redraw the whole
//    set if two coincide or a half fell in the biased zone. Accepting only sets without repeats
//    leaves them uniform over the distinct sets; repeats are rare (chance < 1/16) by the choice.
//  - Sequential (up to kRejectionLimit neighbours among few units): redraw each index until it
//    differs from those already drawn.
//  - Shuffle (many neighbours): partial Fisher-Yates on a per-thread array of 0..n-2, undone
//    afterwards, so each permutation costs O(k) whatever k is.
constexpr std::size_t kRejectionLimit = 24;

class NeighbourSampler {
 public:
  enum class Method { Batch, Sequential, Shuffle };

  NeighbourSampler(std::uint64_t seed, std::size_t i, std::size_t n, std::size_t k,
                   std::vector<std::uint32_t>& scratch)
      : rng_(seed, i),
        self_(static_cast<std::uint32_t>(i)),
        pool_(static_cast<std::uint32_t>(n - 1)),
        threshold_((0u - pool_) % pool_),
        k_(k),
        scratch_(scratch) {
    if (k > kRejectionLimit) {
      method_ = Method::Shuffle;
    } else if (k * (k - 1) / 2 * 16 <= n - 1) {
      method_ = Method::Batch;
    } else {
      method_ = Method::Sequential;
    }
    if (method_ == Method::Shuffle && scratch_.size() != pool_) {
      scratch_.resize(pool_);
      for (std::uint32_t u = 0; u < pool_; ++u) scratch_[u] = u;
    }
  }

  Method method() const { return method_; }

  // Fills out[0..k) (out has room for 2k: the shuffle keeps its swaps in the second half).
  void draw(std::uint32_t* out) {
    switch (method_) {
      case Method::Batch: draw_batch(out); break;
      case Method::Sequential: draw_sequential(out); break;
      case Method::Shuffle: draw_shuffle(out); break;
    }
    for (std::size_t t = 0; t < k_; ++t) out[t] += (out[t] >= self_);  // skip the unit itself
  }

 private:
  // Index below pool_ from 32 random bits; `biased` is set when the bits must be rejected.
  std::uint32_t bounded(std::uint64_t bits32, bool& biased) const {
    const std::uint64_t m = bits32 * pool_;
    biased |= static_cast<std::uint32_t>(m) < threshold_;
    return static_cast<std::uint32_t>(m >> 32);
  }

  void draw_batch(std::uint32_t* out) {
    bool reject;
    do {
      reject = false;
      std::size_t t = 0;
      for (; t + 1 < k_; t += 2) {
        const std::uint64_t bits = rng_.at(counter_++);
        out[t] = bounded(bits & 0xffffffffULL, reject);
        out[t + 1] = bounded(bits >> 32, reject);
      }
      if (t < k_) out[t] = bounded(rng_.at(counter_++) & 0xffffffffULL, reject);
      for (std::size_t a = 1; a < k_; ++a)
        for (std::size_t b = 0; b < a; ++b) reject |= (out[a] == out[b]);
    } while (reject);
  }

  // Uniform below `bound` from whole 64-bit values (the slow paths).
  // (the division is needed only when the low half falls below the bound, as Lemire shows).
  std::uint32_t below(std::uint32_t bound) {
    std::uint64_t m = (rng_.at(counter_++) & 0xffffffffULL) * bound;
    if (static_cast<std::uint32_t>(m) < bound) {
      const std::uint32_t threshold = (0u - bound) % bound;
      while (static_cast<std::uint32_t>(m) < threshold)
        m = (rng_.at(counter_++) & 0xffffffffULL) * bound;
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  void draw_sequential(std::uint32_t* out) {
    for (std::size_t t = 0; t < k_; ++t) {
      std::uint32_t j;
      bool repeat;
      do {
        j = below(pool_);
        repeat = false;
        for (std::size_t u = 0; u < t; ++u) repeat |= (out[u] == j);
      } while (repeat);
      out[t] = j;
    }
  }

  void draw_shuffle(std::uint32_t* out) {
    // Position t receives a uniform pick among positions t..pool-1.
    for (std::size_t t = 0; t < k_; ++t) {
      const std::size_t pos = t + below(static_cast<std::uint32_t>(pool_ - t));
      std::swap(scratch_[t], scratch_[pos]);
      out[t] = scratch_[t];
      out[k_ + t] = static_cast<std::uint32_t>(pos);
    }
    for (std::size_t t = k_; t-- > 0;) std::swap(scratch_[t], scratch_[out[k_ + t]]);
  }

  const CounterRng rng_;
  std::uint64_t counter_ = 0;
  const std::uint32_t self_;
  const std::uint32_t pool_;
  const std::uint32_t threshold_;
  const std::size_t k_;
  std::vector<std::uint32_t>& scratch_;
  Method method_;
};

}  // namespace detail

// Conditional permutation test of a local statistic.
//
// `values` holds `Stride` numbers per unit (stride 1: z; stride 2: z and z^2 for local Geary);
// the engine forms, for each permutation, sums[c] = sum_t w_t values[Stride * d_t + c] over the
// drawn units d_t with unit i's weights w_t (self-links skipped), then asks
// statistic(r, sums) -> double for the simulated value; the observed value is statistic(r,
// observed sums), computed the same way so that identical draws compare equal. r is the row
// computed: the unit itself for the whole layer, the position in tile.rows for a tile, whose
// `values` cover the whole layer (Stride * tile.layer_units numbers).
constexpr int kLookahead = 8;  // permutations drawn ahead of use (see below)

template <int Stride, class Statistic>
PermutationSummary conditional_permutations(const SpatialWeights& w,
                                            const std::vector<double>& values,
                                            const Statistic& statistic,
                                            const PermutationOptions& options,
                                            Feedback& feedback, const Tile& tile = Tile{}) {
  const std::size_t n = tile.layer_size(w);
  const std::size_t rows = tile.row_count(w);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  PermutationSummary out;
  out.p.assign(rows, nan);
  out.z.assign(rows, nan);
  out.mean.assign(rows, nan);
  out.variance.assign(rows, nan);
  out.greater_or_equal.assign(rows, 0);
  out.less_or_equal.assign(rows, 0);
  const int permutations = options.permutations;
  if (permutations <= 0 || n < 2) return out;
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("conditional permutations support up to 2^32 - 1 units");
  if (values.size() != static_cast<std::size_t>(Stride) * n)
    throw std::invalid_argument("conditional permutations: the values do not cover the layer's units");

  const auto& offsets = w.offsets();
  const auto& indices = w.indices();
  const auto& weights = w.weights();
  const double* v = values.data();

  auto work = [&](std::size_t begin, std::size_t end) {
    std::vector<double> row_w;
    std::vector<std::uint32_t> draws;
    std::vector<std::uint32_t> scratch;
    for (std::size_t r = begin; r < end; ++r) {
      const std::size_t l = tile.row(r);  // local unit (= r and i for the whole layer)
      const std::size_t i = tile.unit(l);  // unit of the layer: its stream
      row_w.clear();
      double observed_sums[Stride] = {};
      for (std::size_t e = offsets[l]; e < offsets[l + 1]; ++e) {
        const std::size_t j = indices[e];
        if (j == l) continue;
        row_w.push_back(weights[e]);
        const std::size_t unit_j = tile.unit(j);
        for (int c = 0; c < Stride; ++c) observed_sums[c] += weights[e] * v[Stride * unit_j + c];
      }
      const std::size_t k = row_w.size();
      if (k == 0) continue;
      const double observed = statistic(r, observed_sums);
      // Draws run kLookahead permutations ahead of the sums, with the values they will read
      // prefetched: on large layers the values do not fit in cache and each read would
      // otherwise wait for memory. The order of the draws is unchanged.
      const std::size_t slot_size = 2 * k;
      draws.resize(kLookahead * slot_size);
      detail::NeighbourSampler sampler(options.seed, i, n, k, scratch);
      auto draw_ahead = [&](int p) {
        std::uint32_t* d = draws.data() + static_cast<std::size_t>(p % kLookahead) * slot_size;
        sampler.draw(d);
        for (std::size_t t = 0; t < k; ++t) __builtin_prefetch(v + Stride * d[t]);
      };
      for (int p = 0; p < std::min(permutations, kLookahead); ++p) draw_ahead(p);
      std::size_t ge = 0, le = 0;
      double sum = 0, sum_sq = 0;  // of simulated - observed, for a stable variance
      for (int p = 0; p < permutations; ++p) {
        const std::uint32_t* drawn =
            draws.data() + static_cast<std::size_t>(p % kLookahead) * slot_size;
        double sums[Stride] = {};
        for (std::size_t t = 0; t < k; ++t) {
          const double* value = v + Stride * drawn[t];
          for (int c = 0; c < Stride; ++c) sums[c] += row_w[t] * value[c];
        }
        if (p + kLookahead < permutations) draw_ahead(p + kLookahead);
        const double simulated = statistic(r, sums);
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
      out.greater_or_equal[r] = ge;
      out.less_or_equal[r] = le;
      out.p[r] = pseudo_p_value(ge, le, permutations, options.rule);
      out.mean[r] = observed + mean_d;
      out.variance[r] = variance;
      out.z[r] = variance > 0 ? -mean_d / std::sqrt(variance) : nan;
    }
  };
  for_each_chunk(rows, resolve_threads(options.threads, rows), feedback, work);
  return out;
}

}  // namespace rs
