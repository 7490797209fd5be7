// Times queen contiguity (exact mode) on a polygon layer after reading it, and writes the
// links for comparison with R spdep's poly2nb. Run by hand, to profile the contiguity builder
// without the rest of a command (bench/run.sh times whole commands).
//
//   regionstat_bench_contiguity LAYER [RUNS] [LINKS.csv]
//
// Prints "read_s <seconds>", "queen_s <median seconds over RUNS builds>", the rook and overlap
// timings of one build each, and writes "from,to" lines (1-based feature positions, from < to)
// as tests/reference/contiguity_reference.R does.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <string>
#include <vector>

#include "geo/contiguity.hpp"
#include "geo/layer.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

template <class Build>
double time_once(Build build, rs::SpatialWeights* out = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  rs::SpatialWeights w = build();
  const double elapsed = seconds_since(start);
  if (out) *out = std::move(w);
  return elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s LAYER [RUNS] [LINKS.csv]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const std::string links_path = argc > 3 ? argv[3] : "";
  try {
    using rs::geo::ContiguityMode;
    const auto start = std::chrono::steady_clock::now();
    const rs::geo::Layer layer = rs::geo::read_layer(path);
    std::printf("units %zu\nread_s %.3f\n", layer.size(), seconds_since(start));

    std::vector<double> times;
    rs::SpatialWeights queen;
    const std::clock_t cpu_start = std::clock();
    for (int r = 0; r < runs; ++r)
      times.push_back(time_once(
          [&] { return rs::geo::contiguity_weights(layer, true, ContiguityMode::Exact, 0.0); },
          &queen));
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / runs;
    std::sort(times.begin(), times.end());
    std::printf("queen_links %zu\nqueen_islands %zu\n", queen.links(), queen.islands().size());
    std::printf("queen_s %.4f\n", times[times.size() / 2]);
    std::printf("queen_min_s %.4f\n", times.front());
    std::printf("queen_cpu_s %.4f\n", cpu);  // mean processor time, all threads (load-proof)
    std::printf("rook_s %.4f\n", time_once([&] {
      return rs::geo::contiguity_weights(layer, false, ContiguityMode::Exact, 0.0);
    }));
    std::printf("queen_overlap_s %.4f\n", time_once([&] {
      return rs::geo::contiguity_weights(layer, true, ContiguityMode::Overlap, 0.0);
    }));

    if (!links_path.empty()) {
      std::FILE* out = std::fopen(links_path.c_str(), "w");
      if (!out) {
        std::fprintf(stderr, "cannot write %s\n", links_path.c_str());
        return 1;
      }
      std::fprintf(out, "from,to\n");
      for (std::size_t i = 0; i < queen.size(); ++i)
        for (std::size_t k = queen.offsets()[i]; k < queen.offsets()[i + 1]; ++k)
          if (i < queen.indices()[k]) std::fprintf(out, "%zu,%zu\n", i + 1, queen.indices()[k] + 1);
      std::fclose(out);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
