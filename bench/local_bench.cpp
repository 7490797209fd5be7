// Timing of the local statistics with conditional permutations on a synthetic queen lattice.
// Built with everything else (target regionstat_bench_local); run from the repository root:
//   build/bench/regionstat_bench_local 1000 999 2
// Arguments: lattice side (units = side^2), permutations, threads, lattice (hex, queen, rook),
// statistic (lisa, gistar, geary or all).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "algorithms/local_autocorrelation.hpp"
#include "algorithms/random.hpp"

int main(int argc, char** argv) {
  const std::size_t side = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000;
  const int permutations = argc > 2 ? std::atoi(argv[2]) : 999;
  const int threads = argc > 3 ? std::atoi(argv[3]) : 2;
  // lattice: "queen" (8 neighbours inside), "rook" (4) or "hex" (6: rows shifted by half a cell)
  const std::string lattice = argc > 4 ? argv[4] : "hex";
  const std::string only = argc > 5 ? argv[5] : "all";  // "lisa", "gistar", "geary" or "all"
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const std::size_t n = side * side;
  std::vector<std::vector<std::size_t>> lists(n);
  std::vector<std::string> ids(n);
  std::vector<double> x(n);
  rs::CounterRng rng(1, 0);
  for (std::size_t r = 0; r < side; ++r)
    for (std::size_t c = 0; c < side; ++c) {
      const std::size_t i = r * side + c;
      ids[i] = std::to_string(i);
      x[i] = std::sin(r * 0.01) + std::cos(c * 0.013) + rng.uniform();
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          if (dr == 0 && dc == 0) continue;
          if (lattice == "rook" && dr != 0 && dc != 0) continue;
          // hex: odd rows sit half a cell right, so a diagonal links only towards that side
          if (lattice == "hex" && dr != 0 && dc == (r % 2 ? -1 : 1)) continue;
          const long rr = static_cast<long>(r) + dr, cc = static_cast<long>(c) + dc;
          if (rr < 0 || cc < 0 || rr >= static_cast<long>(side) || cc >= static_cast<long>(side)) continue;
          lists[i].push_back(static_cast<std::size_t>(rr) * side + static_cast<std::size_t>(cc));
        }
    }
  const auto b = rs::SpatialWeights::from_lists(ids, lists);
  const auto w = b.row_standardised();
  const auto bs = b.with_self();
  rs::PermutationOptions o;
  o.permutations = permutations;
  o.threads = threads;
  std::printf("%zu units, %zu links, %d permutations, %d threads\n", n, w.links(), permutations,
              threads);
  auto time = [&](const char* what, auto&& f) {
    if (only != "all" && only != what) return;
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    const rs::LocalResult r = f();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    std::size_t significant = 0;
    for (double p : r.p_permutation) significant += p <= 0.05;
    // CPU time too: on a shared machine the wall time depends on the other jobs.
    std::printf("%-22s %8.2f s wall %8.2f s CPU  (p <= 0.05: %zu)\n", what, s, cpu, significant);
  };
  time("lisa", [&] { return rs::local_moran(x, w, o); });
  time("gistar", [&] { return rs::local_g(x, bs, true, o); });
  time("geary", [&] { return rs::local_geary(x, w, o); });
  return 0;
}
