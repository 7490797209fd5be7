#include "algorithms/conditional_permutation.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace rs {

namespace detail {

// Two versions, chosen when the program loads: AVX-512 multiplies 64-bit lanes (eight values
// at a time); the baseline version is what every x86-64 runs. Integer arithmetic only, so
// both give the same numbers.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "default")))
#endif
void bounded_halves(std::uint64_t key, std::uint64_t first, std::size_t count, std::uint32_t pool,
                    std::uint32_t threshold, std::uint32_t* index, std::uint8_t* biased) {
  for (std::size_t c = 0; c < count; ++c) {
    const std::uint64_t value = mix64(key + (first + c) * 0x9e3779b97f4a7c15ULL);  // CounterRng::at
    const std::uint64_t low = (value & 0xffffffffULL) * pool;
    const std::uint64_t high = (value >> 32) * pool;
    index[2 * c] = static_cast<std::uint32_t>(low >> 32);
    index[2 * c + 1] = static_cast<std::uint32_t>(high >> 32);
    biased[2 * c] = static_cast<std::uint32_t>(low) < threshold;
    biased[2 * c + 1] = static_cast<std::uint32_t>(high) < threshold;
  }
}

}  // namespace detail

int resolve_threads(int requested, std::size_t units) {
  int threads = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  // More threads than chunks of work only add start-up cost.
  const std::size_t useful = std::max<std::size_t>(1, units / 16);  // one chunk each at least
  if (static_cast<std::size_t>(threads) > useful) threads = static_cast<int>(useful);
  return threads;
}

void for_each_chunk(std::size_t units, int threads, Feedback& feedback,
                    const std::function<void(std::size_t, std::size_t)>& work) {
  if (units == 0) return;
  threads = std::max(threads, 1);
  // Chunks small enough for even load and frequent progress, large enough to be cheap to hand
  // out: about 64 chunks per thread, between 16 and 4096 units each.
  const std::size_t chunk = std::clamp<std::size_t>(
      units / (64 * static_cast<std::size_t>(threads)), 16, 4096);
  const std::size_t chunks = (units + chunk - 1) / chunk;

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done_units{0};
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex error_mutex;

  auto run = [&](bool reporter) {
    try {
      for (;;) {
        if (stop.load(std::memory_order_relaxed)) return;
        const std::size_t c = next.fetch_add(1);
        if (c >= chunks) return;
        const std::size_t begin = c * chunk;
        const std::size_t end = std::min(units, begin + chunk);
        work(begin, end);
        const std::size_t done = done_units.fetch_add(end - begin) + (end - begin);
        if (reporter) {
          feedback.progress(static_cast<double>(done) / static_cast<double>(units));
          if (feedback.cancelled()) stop = true;
        }
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      stop = true;
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads - 1));
  for (int t = 1; t < threads; ++t) pool.emplace_back(run, false);
  run(true);
  for (auto& thread : pool) thread.join();
  if (error) std::rethrow_exception(error);
  feedback.check_cancelled();
}

}  // namespace rs
