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

#include <algorithm>
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

// For the counters first..first+count of the stream with key `key`: the two 32-bit halves of
// each 64-bit value (low half first) mapped below `pool` by Lemire's multiply, into
// index[2c], index[2c + 1], and whether each half fell in the biased zone (below `threshold`)
// into biased[2c], biased[2c + 1]: what CounterRng::at and a 32x32-bit multiply give value by
// value, computed in one loop the compiler vectorises (with AVX-512 where the processor has it:
// integer arithmetic, so the results do not depend on it).
void bounded_halves(std::uint64_t key, std::uint64_t first, std::size_t count, std::uint32_t pool,
                    std::uint32_t threshold, std::uint32_t* index, std::uint8_t* biased);

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
constexpr std::size_t kComputedAhead = 1024;  // stream values whose indices the batch computes at once

// Per-thread working memory of the samplers, reused from unit to unit.
struct SamplerScratch {
  std::vector<std::uint32_t> shuffle;    // 0..n-2 for the shuffle, restored after every draw
  std::vector<std::uint32_t> positions;  // the shuffle's swaps, to undo them
  std::vector<std::uint32_t> halves;     // the batch's indices, computed ahead (bounded_halves)
  std::vector<std::uint8_t> biased;      // and whether each was biased
};

class NeighbourSampler {
 public:
  enum class Method { Batch, Sequential, Shuffle };

  NeighbourSampler(std::uint64_t seed, std::size_t i, std::size_t n, std::size_t k,
                   SamplerScratch& scratch)
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
    if (method_ == Method::Shuffle && scratch_.shuffle.size() != pool_) {
      scratch_.shuffle.resize(pool_);
      for (std::uint32_t u = 0; u < pool_; ++u) scratch_.shuffle[u] = u;
    }
  }

  Method method() const { return method_; }

  // Fills out[0..k) with the next permutation's draws.
  void draw(std::uint32_t* out) { draw_many(out, 1); }

  // Fills out[0..count*k) with the next `count` permutations' draws, permutation after
  // permutation: the same numbers as `count` calls of draw(). Drawing a block at once keeps
  // the method's dispatch and the unit's own index out of the per-permutation loop, and lets
  // the draws of common small k run as unrolled code (the value of k only changes the loop
  // bounds, never which random numbers are used).
  void draw_many(std::uint32_t* out, std::size_t count) {
    switch (method_) {
      case Method::Batch:
        switch (k_) {
          case 1: batch_block<1>(out, count); break;
          case 2: batch_block<2>(out, count); break;
          case 3: batch_block<3>(out, count); break;
          case 4: batch_block<4>(out, count); break;
          case 5: batch_block<5>(out, count); break;
          case 6: batch_block<6>(out, count); break;
          case 7: batch_block<7>(out, count); break;
          case 8: batch_block<8>(out, count); break;
          default: batch_block<0>(out, count); break;
        }
        break;
      case Method::Sequential:
        for (std::size_t b = 0; b < count; ++b) draw_sequential(out + b * k_);
        break;
      case Method::Shuffle:
        for (std::size_t b = 0; b < count; ++b) draw_shuffle(out + b * k_);
        break;
    }
    const std::size_t total = count * k_;
    for (std::size_t t = 0; t < total; ++t) out[t] += (out[t] >= self_);  // skip the unit itself
  }

 private:
  // K > 0: k known at compile time (k_ == K); K == 0: any k.
  template <std::size_t K>
  void batch_block(std::uint32_t* out, std::size_t count) {
    const std::size_t k = K ? K : k_;
    for (std::size_t b = 0; b < count; ++b) draw_batch<K>(out + b * k, (count - b) * ((k + 1) / 2));
  }

  // One permutation: k indices from the halves of (k + 1) / 2 consecutive values of the
  // stream (low half first), the whole set redrawn from the next values if a half was biased
  // or two indices coincide. `ahead` is how many values the block will probably still use.
  template <std::size_t K>
  void draw_batch(std::uint32_t* out, std::size_t ahead) {
    const std::size_t k = K ? K : k_;
    const std::size_t words = (k + 1) / 2;
    for (;;) {
      if (counter_ + words > computed_end_) compute_ahead(words, ahead);
      const std::size_t at = 2 * static_cast<std::size_t>(counter_ - computed_first_);
      const std::uint32_t* index = scratch_.halves.data() + at;
      const std::uint8_t* biased = scratch_.biased.data() + at;
      counter_ += words;
      bool reject = false;
      for (std::size_t t = 0; t < k; ++t) {
        out[t] = index[t];
        reject |= biased[t] != 0;
      }
      for (std::size_t a = 1; a < k; ++a)
        for (std::size_t b = 0; b < a; ++b) reject |= (out[a] == out[b]);
      if (!reject) return;
    }
  }

  // Computes into the scratch the indices of the stream's values from counter_ on: `ahead`
  // and a few more for redraws, at most kComputedAhead, at least the `words` needed now.
  void compute_ahead(std::size_t words, std::size_t ahead) {
    const std::size_t count = std::max(words, std::min(ahead + 4, kComputedAhead));
    if (scratch_.halves.size() < 2 * count) {
      scratch_.halves.resize(2 * count);
      scratch_.biased.resize(2 * count);
    }
    bounded_halves(rng_.key(), counter_, count, pool_, threshold_, scratch_.halves.data(),
                   scratch_.biased.data());
    computed_first_ = counter_;
    computed_end_ = counter_ + count;
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
    // Position t receives a uniform pick among positions t..pool-1; the swaps are undone
    // afterwards, so the scratch array is 0..n-2 again for the next permutation.
    std::vector<std::uint32_t>& shuffle = scratch_.shuffle;
    std::vector<std::uint32_t>& positions = scratch_.positions;
    positions.resize(k_);
    for (std::size_t t = 0; t < k_; ++t) {
      const std::size_t pos = t + below(static_cast<std::uint32_t>(pool_ - t));
      std::swap(shuffle[t], shuffle[pos]);
      out[t] = shuffle[t];
      positions[t] = static_cast<std::uint32_t>(pos);
    }
    for (std::size_t t = k_; t-- > 0;) std::swap(shuffle[t], shuffle[positions[t]]);
  }

  const CounterRng rng_;
  std::uint64_t counter_ = 0;
  const std::uint32_t self_;
  const std::uint32_t pool_;
  const std::uint32_t threshold_;
  const std::size_t k_;
  SamplerScratch& scratch_;
  std::uint64_t computed_first_ = 0, computed_end_ = 0;  // values whose indices are in scratch_
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
constexpr std::size_t kBlockDraws = 4096;  // draws per block of permutations (16 kB, see below)
constexpr std::size_t kPrefetchAhead = 16;  // permutations whose values are requested ahead of use

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
  const int permutations_asked = options.permutations;
  if (permutations_asked <= 0 || n < 2) return out;
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("conditional permutations support up to 2^32 - 1 units");
  const std::size_t permutations = static_cast<std::size_t>(permutations_asked);
  if (values.size() != static_cast<std::size_t>(Stride) * n)
    throw std::invalid_argument("conditional permutations: the values do not cover the layer's units");

  const auto& offsets = w.offsets();
  const auto& indices = w.indices();
  const auto& weights = w.weights();
  const double* v = values.data();

  auto work = [&](std::size_t begin, std::size_t end) {
    std::vector<double> row_w;
    std::vector<std::uint32_t> draws;
    detail::SamplerScratch scratch;
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
      // The draws of a block of permutations come first, then their sums: the sums' reads of
      // the values are then independent of one another and of the generator, and those of the
      // permutation kPrefetchAhead further on are requested early, so that on layers whose
      // values do not fit in cache the reads overlap instead of each waiting for memory. The
      // order of the draws and of every addition is that of one permutation after another, so
      // the results are the same bit for bit.
      const std::size_t block = std::clamp<std::size_t>(kBlockDraws / k, 1, permutations);
      draws.resize(block * k);
      detail::NeighbourSampler sampler(options.seed, i, n, k, scratch);
      std::size_t ge = 0, le = 0;
      double sum = 0, sum_sq = 0;  // of simulated - observed, for a stable variance
      for (std::size_t first = 0; first < static_cast<std::size_t>(permutations); first += block) {
        const std::size_t count = std::min(block, permutations - first);
        sampler.draw_many(draws.data(), count);
        for (std::size_t b = 0; b < count; ++b) {
          const std::uint32_t* drawn = draws.data() + b * k;
          if (b + kPrefetchAhead < count)
            for (std::size_t t = 0; t < k; ++t) __builtin_prefetch(v + Stride * drawn[kPrefetchAhead * k + t]);
          double sums[Stride] = {};
          for (std::size_t t = 0; t < k; ++t) {
            const double* value = v + Stride * drawn[t];
            for (int c = 0; c < Stride; ++c) sums[c] += row_w[t] * value[c];
          }
          const double simulated = statistic(r, sums);
          ge += (simulated >= observed);
          le += (simulated <= observed);
          const double d = simulated - observed;
          sum += d;
          sum_sq += d * d;
        }
      }
      const double P = static_cast<double>(permutations);
      const double mean_d = sum / P;
      const double variance =
          permutations > 1 ? std::max(0.0, (sum_sq - sum * mean_d) / (P - 1.0)) : nan;
      out.greater_or_equal[r] = ge;
      out.less_or_equal[r] = le;
      out.p[r] = pseudo_p_value(ge, le, permutations_asked, options.rule);
      out.mean[r] = observed + mean_d;
      out.variance[r] = variance;
      out.z[r] = variance > 0 ? -mean_d / std::sqrt(variance) : nan;
    }
  };
  for_each_chunk(rows, resolve_threads(options.threads, rows), feedback, work);
  return out;
}

}  // namespace rs
