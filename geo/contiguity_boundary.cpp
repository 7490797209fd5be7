#include "geo/contiguity_boundary.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>
#include <utility>

#include "algorithms/errors.hpp"

namespace rs::geo::contiguity_detail {
namespace {

// Calls visit(ring) for every ring (exterior and holes) of every polygon part, in the order
// of the geometry's WKB, which is the order GDAL (and so sf) hands out coordinates.
template <class Visit>
void for_each_ring(const OGRGeometry& geometry, Visit& visit) {
  switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
      for (const OGRLinearRing* ring : *geometry.toPolygon()) visit(*ring);
      break;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const OGRGeometry* part : *geometry.toGeometryCollection()) for_each_ring(*part, visit);
      break;
    default:  // points and lines have no area: they touch nothing as polygons
      break;
  }
}

std::uint64_t bits_of(double v) {
  v += 0.0;  // -0.0 becomes +0.0
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits;
}

std::uint64_t mix(std::uint64_t h) {  // splitmix64's finaliser
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

void check_unit_count(const Layer& layer) {
  if (layer.size() >= (std::size_t{1} << 32) - 1)
    throw DataError("'" + layer.path + "' has too many features for contiguity weights");
}

// Calls emit(x, y) for each boundary point of `unit` as boundary_points lists them: every ring
// coordinate but the unit's very first, the ones with a coordinate that is not finite left out.
template <class Emit>
void for_each_boundary_point(const Layer& layer, std::size_t unit, Emit&& emit) {
  const auto& g = layer.geometries[unit];
  if (!g) return;
  bool first = true;
  auto add = [&](const OGRLinearRing& ring) {
    const int count = ring.getNumPoints();
    for (int k = first ? 1 : 0; k < count; ++k) {
      const double x = ring.getX(k), y = ring.getY(k);
      if (std::isfinite(x) && std::isfinite(y)) emit(x, y);
    }
    if (count > 0) first = false;
  };
  for_each_ring(*g, add);
}

// Runs work(t, from, to) over `threads` contiguous ranges of the n units, range t on thread t.
template <class Work>
void over_unit_ranges(std::size_t n, std::size_t threads, Work&& work) {
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work, t, n * t / threads, n * (t + 1) / threads);
  work(0, 0, n / threads);
  for (auto& w : workers) w.join();
}

}  // namespace

std::uint32_t location_hash(double x, double y) {
  return static_cast<std::uint32_t>(mix(mix(bits_of(x)) ^ bits_of(y)) >> 32);
}

LargeVector<BoundaryPoint> boundary_points(const Layer& layer, Feedback& feedback) {
  check_unit_count(layer);
  const std::size_t n = layer.size();
  // Where each unit's points go, so that units can be listed in parallel.
  std::vector<std::size_t> offset(n + 1, 0);
  for (std::size_t unit = 0; unit < n; ++unit) {
    std::size_t count = 0;
    for_each_boundary_point(layer, unit, [&count](double, double) { ++count; });
    offset[unit + 1] = offset[unit] + count;
  }
  feedback.check_cancelled();

  LargeVector<BoundaryPoint> points(offset[n]);
  // Reading scattered ring arrays is memory bound: a second thread pays on large layers.
  const std::size_t threads =
      offset[n] < 200000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  over_unit_ranges(n, threads, [&](std::size_t, std::size_t from, std::size_t to) {
    for (std::size_t unit = from; unit < to; ++unit) {
      BoundaryPoint* out = points.data() + offset[unit];
      const auto u = static_cast<std::uint32_t>(unit);
      for_each_boundary_point(layer, unit, [&](double x, double y) { *out++ = {x, y, u, location_hash(x, y)}; });
    }
  });
  feedback.check_cancelled();
  return points;
}

HashBuckets boundary_points_by_hash(const Layer& layer, Feedback& feedback) {
  check_unit_count(layer);
  const std::size_t n = layer.size();
  constexpr std::size_t kBuckets = std::size_t{1} << kHashBucketBits;
  // Units split in contiguous ranges, one per thread; a thread's points of one group go after
  // those of the threads before it, so each group stays in unit order.
  const std::size_t threads = n < 4096 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<std::vector<std::size_t>> next(threads, std::vector<std::size_t>(kBuckets, 0));
  over_unit_ranges(n, threads, [&](std::size_t t, std::size_t from, std::size_t to) {
    std::size_t* count = next[t].data();
    for (std::size_t unit = from; unit < to; ++unit)
      for_each_boundary_point(layer, unit, [count](double x, double y) { ++count[hash_bucket(location_hash(x, y))]; });
  });
  feedback.check_cancelled();

  HashBuckets out;
  out.start.assign(kBuckets + 1, 0);
  std::size_t total = 0;
  for (std::size_t b = 0; b < kBuckets; ++b) {
    out.start[b] = total;
    for (std::size_t t = 0; t < threads; ++t) total += std::exchange(next[t][b], total);
  }
  out.start[kBuckets] = total;
  out.points.resize(total);  // not zeroed: every element is written below
  over_unit_ranges(n, threads, [&](std::size_t t, std::size_t from, std::size_t to) {
    std::size_t* cursor = next[t].data();
    BoundaryPoint* points = out.points.data();
    for (std::size_t unit = from; unit < to; ++unit) {
      const auto u = static_cast<std::uint32_t>(unit);
      for_each_boundary_point(layer, unit, [&](double x, double y) {
        const std::uint32_t key = location_hash(x, y);
        points[cursor[hash_bucket(key)]++] = {x, y, u, key};
      });
    }
  });
  feedback.check_cancelled();
  return out;
}

std::vector<BoundarySegment> boundary_segments(const Layer& layer, Feedback& feedback) {
  check_unit_count(layer);
  std::vector<BoundarySegment> segments;
  for (std::size_t unit = 0; unit < layer.size(); ++unit) {
    if (unit % 4096 == 0) feedback.check_cancelled();
    const auto& g = layer.geometries[unit];
    if (!g) continue;
    auto add = [&](const OGRLinearRing& ring) {
      const int n = ring.getNumPoints();
      for (int k = 1; k < n; ++k) {
        BoundarySegment s{ring.getX(k - 1), ring.getY(k - 1), ring.getX(k), ring.getY(k),
                          static_cast<std::uint32_t>(unit)};
        if (s.ax != s.bx || s.ay != s.by) segments.push_back(s);
      }
    };
    for_each_ring(*g, add);
  }
  return segments;
}

}  // namespace rs::geo::contiguity_detail
