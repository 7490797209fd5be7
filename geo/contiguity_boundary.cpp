#include "geo/contiguity_boundary.hpp"

#include <algorithm>
#include <atomic>
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
    if (const auto& g = layer.geometries[unit]) {
      auto add = [&count](const OGRLinearRing& ring) { count += ring.getNumPoints(); };
      for_each_ring(*g, add);
    }
    offset[unit + 1] = offset[unit] + (count > 0 ? count - 1 : 0);  // less the first coordinate
  }
  feedback.check_cancelled();

  LargeVector<BoundaryPoint> points(offset[n]);
  std::atomic<bool> not_finite{false};
  auto list_units = [&](std::size_t from, std::size_t to) {
    bool bad = false;
    for (std::size_t unit = from; unit < to; ++unit) {
      const auto& g = layer.geometries[unit];
      if (!g) continue;
      BoundaryPoint* out = points.data() + offset[unit];
      bool first = true;
      auto add = [&](const OGRLinearRing& ring) {
        const int count = ring.getNumPoints();
        for (int k = first ? 1 : 0; k < count; ++k) {
          const double x = ring.getX(k), y = ring.getY(k);
          bad |= !std::isfinite(x) || !std::isfinite(y);
          *out++ = {x, y, static_cast<std::uint32_t>(unit), location_hash(x, y)};
        }
        if (count > 0) first = false;
      };
      for_each_ring(*g, add);
    }
    if (bad) not_finite = true;
  };
  // Reading scattered ring arrays is memory bound: a second thread pays on large layers.
  const std::size_t threads =
      offset[n] < 200000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t)
    workers.emplace_back(list_units, n * t / threads, n * (t + 1) / threads);
  list_units(0, n / threads);
  for (auto& w : workers) w.join();
  feedback.check_cancelled();

  if (not_finite)
    points.erase(std::remove_if(points.begin(), points.end(),
                                [](const BoundaryPoint& p) {
                                  return !std::isfinite(p.x) || !std::isfinite(p.y);
                                }),
                 points.end());
  return points;
}

HashBuckets boundary_points_by_hash(const Layer& layer, Feedback& feedback) {
  check_unit_count(layer);
  const std::size_t n = layer.size();
  constexpr std::size_t kBuckets = std::size_t{1} << kHashBucketBits;
  // Calls emit(x, y, key) for the unit's points as boundary_points lists them, the ones with
  // a coordinate that is not finite left out.
  auto for_each_point = [&layer](std::size_t unit, auto&& emit) {
    const auto& g = layer.geometries[unit];
    if (!g) return;
    bool first = true;
    auto add = [&](const OGRLinearRing& ring) {
      const int count = ring.getNumPoints();
      for (int k = first ? 1 : 0; k < count; ++k) {
        const double x = ring.getX(k), y = ring.getY(k);
        if (std::isfinite(x) && std::isfinite(y)) emit(x, y, location_hash(x, y));
      }
      if (count > 0) first = false;
    };
    for_each_ring(*g, add);
  };
  // Units split in contiguous ranges, one per thread; a thread's points of one group go after
  // those of the threads before it, so each group stays in unit order.
  const std::size_t threads = n < 4096 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  auto run = [threads, n](auto&& work) {
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work, t, n * t / threads, n * (t + 1) / threads);
    work(0, 0, n / threads);
    for (auto& w : workers) w.join();
  };
  std::vector<std::vector<std::size_t>> next(threads, std::vector<std::size_t>(kBuckets, 0));
  run([&](std::size_t t, std::size_t from, std::size_t to) {
    std::size_t* count = next[t].data();
    for (std::size_t unit = from; unit < to; ++unit)
      for_each_point(unit, [count](double, double, std::uint32_t key) { ++count[hash_bucket(key)]; });
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
  run([&](std::size_t t, std::size_t from, std::size_t to) {
    std::size_t* cursor = next[t].data();
    BoundaryPoint* points = out.points.data();
    for (std::size_t unit = from; unit < to; ++unit) {
      const auto u = static_cast<std::uint32_t>(unit);
      for_each_point(unit, [&](double x, double y, std::uint32_t key) {
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
