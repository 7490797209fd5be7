// Queen and rook contiguity by matching boundary points, as R spdep's poly2nb defines them,
// in near-linear time (poly2nb compares every vertex of a unit with every vertex of each unit
// whose bounding box meets its own).
//
// poly2nb counts, for a pair of units, the pairs (vertex of one, vertex of the other) lying
// within `snap` of each other, over its list of each unit's coordinates (every ring's vertices,
// closing vertices included, less the unit's very first coordinate - see
// contiguity_boundary.hpp). Queen neighbours have a count of at least 1, rook neighbours at
// least 2. We count the same pairs, so the links are the same:
//   exact mode: points match when their coordinates are equal. We order the points by a hash
//               of their location (listed straight into groups by its top bits, then each
//               group radix-sorted) and count within each run of equal points. This is
//               poly2nb with snap = 0; poly2nb's default snap (1.5e-8 layer units) gives the
//               same links on all our reference data (columbus, sids, boston_tracts, China,
//               the French communes), whose shared borders have identical vertices.
//   snap mode:  points match within `tolerance` (Euclidean, in layer units), = poly2nb's
//               `snap`. A grid of cells of side `tolerance` brings each point together with
//               the points of its own and the adjacent cells.
//
// Rook, ours and spdep's: "at least two matching point pairs" equals "a shared edge" whenever
// neighbours share a border line, which is what happens on real tessellations: on columbus,
// sids, boston_tracts and the China admin-1 layer the two definitions give the same pairs, and
// on the 35,357 French communes they differ by one pair (Brouckerque and Dunkerque, which
// touch at two separate points). We follow spdep in the two unusual cases where they differ:
// two units touching at two separate points (no common edge) are rook neighbours; and so are
// units touching at one point that is the start (and so also the closing vertex) of one unit's
// second or later ring, since the repeated coordinate counts twice. The overlap mode's own
// test, below, is a true shared stretch of boundary.
//
// Overlap mode adds, to the links of the snap mode (tolerance or, when none is given, spdep's
// default snap), the pairs whose boundary segments touch (queen) or run along each other for
// a positive length (rook) although their vertices differ - see contiguity_overlap.hpp.
#include "geo/contiguity.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <sstream>
#include <thread>
#include <utility>

#include <malloc.h>

#include "algorithms/errors.hpp"
#include "geo/contiguity_boundary.hpp"
#include "geo/contiguity_overlap.hpp"

namespace rs::geo {
namespace {

using namespace contiguity_detail;

// spdep's default snap, sqrt(.Machine$double.eps); the overlap mode's tolerance when none is
// given, so that a vertex lying on a neighbour's edge up to rounding counts as touching it.
constexpr double kDefaultOverlapTolerance = 1.4901161193847656e-08;

// The number of matching point pairs between two units only matters up to 2 (queen needs 1,
// rook 2), so a pair key is recorded once or twice and counted after sorting.
void record_matches(LargeVector<std::uint64_t>& matches, std::uint32_t a, std::uint32_t b,
                    std::uint64_t count) {
  const std::uint64_t key = pair_key(a, b);
  matches.push_back(key);
  if (count > 1) matches.push_back(key);
}

// Unit pairs (sorted, unique) with at least `needed` matching point pairs: the matches are
// bucketed by their first unit (a counting sort), then each unit's short list is sorted.
// The order of the matches, and how they are split in lists, does not matter.
std::vector<std::uint64_t> pairs_with_count(const std::vector<LargeVector<std::uint64_t>>& lists,
                                            std::size_t units, int needed) {
  std::vector<std::size_t> start(units + 1, 0);
  for (const auto& matches : lists)
    for (std::uint64_t m : matches) ++start[pair_first(m) + 1];
  for (std::size_t a = 0; a < units; ++a) start[a + 1] += start[a];
  LargeVector<std::uint32_t> second(start[units]);  // not zeroed: every element is written below
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (const auto& matches : lists)
    for (std::uint64_t m : matches) second[next[pair_first(m)]++] = pair_second(m);

  std::vector<std::uint64_t> pairs;
  for (std::size_t a = 0; a < units; ++a) {
    const auto begin = second.begin() + static_cast<std::ptrdiff_t>(start[a]);
    const auto end = second.begin() + static_cast<std::ptrdiff_t>(start[a + 1]);
    std::sort(begin, end);
    for (auto run = begin; run != end;) {
      const auto run_end = std::find_if(run, end, [&](std::uint32_t b) { return b != *run; });
      if (run_end - run >= needed) pairs.push_back(pair_key(static_cast<std::uint32_t>(a), *run));
      run = run_end;
    }
  }
  return pairs;
}

// A run of points of several units at one place: every two units in it match, as many times
// as the product of their numbers of points there.
void match_units_in_run(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& units,
                        LargeVector<std::uint64_t>& matches) {
  for (std::size_t p = 0; p < units.size(); ++p)
    for (std::size_t q = p + 1; q < units.size(); ++q)
      record_matches(matches, units[p].first, units[q].first,
                     std::uint64_t{units[p].second} * units[q].second);
}

// Sorts one group of boundary_points_by_hash by key, stably (the points of one key stay in
// unit order): an insertion sort for a few points, otherwise an LSD radix sort on the key's
// bits below the group's (two passes, through `scratch`, which is reused: the group is small
// and stays in cache).
void sort_group(BoundaryPoint* points, std::size_t size, std::vector<BoundaryPoint>& scratch) {
  if (size <= 32) {
    for (std::size_t i = 1; i < size; ++i) {
      const BoundaryPoint p = points[i];
      std::size_t j = i;
      for (; j > 0 && points[j - 1].key > p.key; --j) points[j] = points[j - 1];
      points[j] = p;
    }
    return;
  }
  constexpr int kLowBits = 11;
  constexpr int kHighBits = 32 - kHashBucketBits - kLowBits;
  static_assert(kHighBits > 0 && kHighBits <= kLowBits, "two passes cover the key below the group bits");
  if (scratch.size() < size) scratch.resize(size);
  std::array<std::size_t, std::size_t{1} << kLowBits> counts;
  auto pass = [&counts](const BoundaryPoint* from, BoundaryPoint* to, std::size_t n, int shift, std::uint32_t mask) {
    counts.fill(0);
    for (std::size_t i = 0; i < n; ++i) ++counts[(from[i].key >> shift) & mask];
    std::size_t sum = 0;
    for (std::uint32_t d = 0; d <= mask; ++d) sum += std::exchange(counts[d], sum);
    for (std::size_t i = 0; i < n; ++i) to[counts[(from[i].key >> shift) & mask]++] = from[i];
  };
  pass(points, scratch.data(), size, 0, (1u << kLowBits) - 1);
  pass(scratch.data(), points, size, kLowBits, (1u << kHighBits) - 1);
}

// The matches among points[begin, end), sorted by key: each location's points come together;
// the rare runs where two locations share a key are sorted by coordinates to tell them apart.
void match_sorted(BoundaryPoint* points, std::size_t begin, std::size_t end, LargeVector<std::uint64_t>& matches,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>& units) {
  // points[from, to) are at one location, in unit order; units: (unit, points) there.
  auto match_location = [&](std::size_t from, std::size_t to) {
    if (points[from].unit == points[to - 1].unit) return;  // one unit only
    units.clear();
    for (std::size_t p = from; p < to; ++p) {
      if (units.empty() || units.back().first != points[p].unit) units.emplace_back(points[p].unit, 0);
      ++units.back().second;
    }
    match_units_in_run(units, matches);
  };
  auto same_place = [&](std::size_t p, std::size_t q) {
    return points[p].x == points[q].x && points[p].y == points[q].y;
  };
  for (std::size_t k = begin; k < end;) {
    std::size_t run_end = k + 1;
    while (run_end < end && points[run_end].key == points[k].key) ++run_end;
    bool one_place = true;
    for (std::size_t p = k + 1; p < run_end && one_place; ++p) one_place = same_place(k, p);
    if (!one_place)  // a hash collision: order the run by location, keeping unit order
      std::stable_sort(points + k, points + run_end, [](const BoundaryPoint& a, const BoundaryPoint& b) {
        return a.x != b.x ? a.x < b.x : a.y < b.y;
      });
    for (std::size_t p = k; p < run_end;) {
      std::size_t q = p + 1;
      while (q < run_end && same_place(p, q)) ++q;
      if (q - p > 1) match_location(p, q);
      p = q;
    }
    k = run_end;
  }
}

// Exact mode: matching points have identical coordinates. The points come grouped by the top
// bits of a hash of their location; each group is sorted by the hash and its runs of equal
// points matched, the groups shared out among threads (each with its own list of matches: their
// order does not matter, pairs_with_count sorts them).
std::vector<LargeVector<std::uint64_t>> exact_matches(const Layer& layer, Feedback& feedback) {
  HashBuckets groups = boundary_points_by_hash(layer, feedback);
  feedback.progress(0.4);
  const std::size_t count = groups.start.size() - 1;
  const std::size_t threads =
      groups.points.size() < 200000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<LargeVector<std::uint64_t>> matches(threads);
  std::atomic<std::size_t> next{0};
  auto work = [&](std::size_t t) {
    std::vector<BoundaryPoint> scratch;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> units;
    matches[t].reserve(groups.points.size() / threads / 2);  // about one a shared vertex; grows if need be
    for (std::size_t g; (g = next.fetch_add(1)) < count;) {
      const std::size_t begin = groups.start[g], end = groups.start[g + 1];
      sort_group(groups.points.data() + begin, end - begin, scratch);
      match_sorted(groups.points.data(), begin, end, matches[t], units);
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (auto& w : workers) w.join();
  feedback.check_cancelled();
  return matches;
}

// Snap mode: matching points lie within `tolerance`. Points are binned into square cells a
// little larger than the tolerance, so two matching points are in the same or adjacent cells;
// each cell is compared with itself and four of its eight neighbours (the other four compare
// with it), so every pair of points is looked at once.
LargeVector<std::uint64_t> snapped_matches(const LargeVector<BoundaryPoint>& points,
                                           double tolerance, const std::string& path,
                                           Feedback& feedback) {
  const double cell_size = tolerance * (1.0 + 1e-9);
  struct Binned {
    std::int64_t cx, cy;
    double x, y;
    std::uint32_t unit;
    std::uint32_t count;  // identical points of one unit, merged
  };
  std::vector<Binned> binned;
  binned.reserve(points.size());
  constexpr double kMaxCell = 4.0e18;  // well inside int64
  for (const BoundaryPoint& p : points) {
    const double fx = std::floor(p.x / cell_size), fy = std::floor(p.y / cell_size);
    if (!(std::abs(fx) < kMaxCell && std::abs(fy) < kMaxCell)) {
      std::ostringstream os;
      os << "'" << path << "': the snapping tolerance " << tolerance
         << " is too small for coordinates like (" << p.x << ", " << p.y
         << "); give a tolerance in the layer's units";
      throw UsageError(os.str());
    }
    binned.push_back({static_cast<std::int64_t>(fx), static_cast<std::int64_t>(fy), p.x, p.y,
                      p.unit, 1});
  }
  feedback.check_cancelled();
  std::sort(binned.begin(), binned.end(), [](const Binned& a, const Binned& b) {
    if (a.cx != b.cx) return a.cx < b.cx;
    if (a.cy != b.cy) return a.cy < b.cy;
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.x != b.x) return a.x < b.x;
    return a.y < b.y;
  });
  // Merge repeated points of a unit (ring closures, repeated vertices) into a count.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < binned.size(); ++k) {
    if (kept > 0 && binned[kept - 1].cx == binned[k].cx && binned[kept - 1].cy == binned[k].cy &&
        binned[kept - 1].unit == binned[k].unit && binned[kept - 1].x == binned[k].x &&
        binned[kept - 1].y == binned[k].y) {
      ++binned[kept - 1].count;
    } else {
      binned[kept++] = binned[k];
    }
  }
  binned.resize(kept);
  feedback.progress(0.3);

  struct Cell {
    std::int64_t cx, cy;
    std::size_t begin, end;
  };
  std::vector<Cell> cells;
  for (std::size_t k = 0; k < binned.size(); ++k) {
    if (cells.empty() || cells.back().cx != binned[k].cx || cells.back().cy != binned[k].cy)
      cells.push_back({binned[k].cx, binned[k].cy, k, k});
    cells.back().end = k + 1;
  }
  auto find_cell = [&cells](std::int64_t cx, std::int64_t cy) -> const Cell* {
    auto it = std::lower_bound(cells.begin(), cells.end(), std::make_pair(cx, cy),
                               [](const Cell& c, const std::pair<std::int64_t, std::int64_t>& v) {
                                 return c.cx != v.first ? c.cx < v.first : c.cy < v.second;
                               });
    return it != cells.end() && it->cx == cx && it->cy == cy ? &*it : nullptr;
  };

  LargeVector<std::uint64_t> matches;
  auto compare = [&](std::size_t p, std::size_t q) {
    const Binned& a = binned[p];
    const Binned& b = binned[q];
    if (a.unit == b.unit) return;
    const double dx = a.x - b.x, dy = a.y - b.y;
    if (std::abs(dx) > tolerance || std::abs(dy) > tolerance) return;
    if (std::hypot(dx, dy) <= tolerance)
      record_matches(matches, a.unit, b.unit, std::uint64_t{a.count} * b.count);
  };
  const std::int64_t forward[4][2] = {{0, 1}, {1, -1}, {1, 0}, {1, 1}};
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c % 65536 == 0) {
      feedback.check_cancelled();
      feedback.progress(0.3 + 0.2 * static_cast<double>(c) / static_cast<double>(cells.size()));
    }
    const Cell& cell = cells[c];
    for (std::size_t p = cell.begin; p < cell.end; ++p)
      for (std::size_t q = p + 1; q < cell.end; ++q) compare(p, q);
    for (const auto& d : forward) {
      const Cell* other = find_cell(cell.cx + d[0], cell.cy + d[1]);
      if (!other) continue;
      for (std::size_t p = cell.begin; p < cell.end; ++p)
        for (std::size_t q = other->begin; q < other->end; ++q) compare(p, q);
    }
  }
  return matches;
}

SpatialWeights weights_from_pairs(const Layer& layer, const std::vector<std::uint64_t>& pairs) {
  // Each list sized once: growing a million short lists one link at a time was four
  // allocations a unit.
  std::vector<std::size_t> degree(layer.size(), 0);
  for (std::uint64_t key : pairs) {
    ++degree[pair_first(key)];
    ++degree[pair_second(key)];
  }
  std::vector<std::vector<std::size_t>> neighbours(layer.size());
  for (std::size_t i = 0; i < neighbours.size(); ++i) neighbours[i].reserve(degree[i]);
  std::vector<std::size_t>().swap(degree);
  for (std::uint64_t key : pairs) {
    neighbours[pair_first(key)].push_back(pair_second(key));
    neighbours[pair_second(key)].push_back(pair_first(key));
  }
  return SpatialWeights::from_lists(layer.ids, neighbours);
}

}  // namespace

SpatialWeights contiguity_weights(const Layer& layer, bool queen, ContiguityMode mode,
                                  double tolerance, Feedback& feedback) {
  if (!(tolerance >= 0) || !std::isfinite(tolerance)) {
    std::ostringstream os;
    os << "the contiguity tolerance must be a finite number >= 0 (layer units), not " << tolerance;
    throw UsageError(os.str());
  }
  if (mode == ContiguityMode::Overlap && tolerance == 0) tolerance = kDefaultOverlapTolerance;
  const int needed = queen ? 1 : 2;

  feedback.progress(0.0);
  std::vector<std::uint64_t> pairs;
  {
    std::vector<LargeVector<std::uint64_t>> matches;
    if (tolerance > 0) {
      const LargeVector<BoundaryPoint> points = boundary_points(layer, feedback);
      feedback.progress(0.1);
      matches.push_back(snapped_matches(points, tolerance, layer.path, feedback));
    } else {
      matches = exact_matches(layer, feedback);
    }
    pairs = pairs_with_count(matches, layer.size(), needed);
  }
  feedback.progress(mode == ContiguityMode::Overlap ? 0.5 : 0.9);

  if (mode == ContiguityMode::Overlap) {
    const std::vector<BoundarySegment> segments = boundary_segments(layer, feedback);
    std::vector<std::uint64_t> more =
        shared_boundary_pairs(segments, queen, tolerance, pairs, feedback);
    pairs.insert(pairs.end(), more.begin(), more.end());
  }
  SpatialWeights w = weights_from_pairs(layer, pairs);
  // The point lists and neighbour lists are freed; give their pages back to the system now
  // (glibc keeps freed small blocks otherwise), as the statistic's arrays come next.
  malloc_trim(0);
  feedback.progress(1.0);
  return w;
}

}  // namespace rs::geo
