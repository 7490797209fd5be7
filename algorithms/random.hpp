// Counter-based random numbers: the value drawn is a pure function of (seed, stream, counter),
// so permutation inference gives identical results for any number of threads and on any
// platform. A stream is one unit (local statistics) or one permutation (global statistics);
// the counter advances within it. The mixing function is SplitMix64's finaliser applied to a
// Weyl sequence keyed by seed and stream (Steele, Lea & Flood 2014), which passes BigCrush.
#pragma once

#include <cstdint>

namespace rs {

__extension__ typedef unsigned __int128 uint128_t;  // GCC/Clang: the full 64x64 product

inline std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class CounterRng {
 public:
  CounterRng(std::uint64_t seed, std::uint64_t stream)
      : key_(mix64(mix64(seed ^ 0x9e3779b97f4a7c15ULL) + stream * 0xd1b54a32d192ed03ULL)) {}

  // The counter-th value of this stream, independent of any other draw.
  std::uint64_t at(std::uint64_t counter) const { return mix64(key_ + counter * 0x9e3779b97f4a7c15ULL); }

  std::uint64_t next() { return at(counter_++); }

  // Uniform integer in [0, bound) without modulo bias (Lemire 2019, multiply and reject).
  std::uint64_t below(std::uint64_t bound) {
    for (;;) {
      const std::uint64_t x = next();
      const uint128_t m = static_cast<uint128_t>(x) * bound;
      const std::uint64_t low = static_cast<std::uint64_t>(m);
      if (low >= bound || low >= (0 - bound) % bound) return static_cast<std::uint64_t>(m >> 64);
    }
  }

  // Uniform double in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  void seek(std::uint64_t counter) { counter_ = counter; }

  // The stream's key: at(c) = mix64(key() + c * 0x9e3779b97f4a7c15), for code that computes
  // many values of a stream at once (see bounded_halves in conditional_permutation.hpp).
  std::uint64_t key() const { return key_; }

 private:
  std::uint64_t key_;
  std::uint64_t counter_ = 0;
};

// The seed used when the user gives none; printed with every permutation result.
constexpr std::uint64_t kDefaultSeed = 12345;

}  // namespace rs
