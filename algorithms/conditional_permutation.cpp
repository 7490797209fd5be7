#include "algorithms/conditional_permutation.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace rs {

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
