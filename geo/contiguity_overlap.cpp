#include "geo/contiguity_overlap.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <unordered_set>
#include <utility>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace rs::geo::contiguity_detail {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Point = bg::model::point<double, 2, bg::cs::cartesian>;
using Box = bg::model::box<Point>;
using Entry = std::pair<Box, std::uint32_t>;  // segment box, segment index

Box box_of(const BoundarySegment& s, double margin) {
  return Box(Point(std::min(s.ax, s.bx) - margin, std::min(s.ay, s.by) - margin),
             Point(std::max(s.ax, s.bx) + margin, std::max(s.ay, s.by) + margin));
}

// Twice the signed area of (a, b, c): > 0 when c lies left of a->b.
double orientation(double ax, double ay, double bx, double by, double cx, double cy) {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

double point_segment_distance(double px, double py, double ax, double ay, double bx, double by) {
  const double dx = bx - ax, dy = by - ay;
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

bool on_segment(double px, double py, double ax, double ay, double bx, double by) {
  return std::min(ax, bx) <= px && px <= std::max(ax, bx) && std::min(ay, by) <= py &&
         py <= std::max(ay, by);
}

}  // namespace

double segment_distance(const BoundarySegment& s, const BoundarySegment& t) {
  const double o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const double o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const double o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const double o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
    return 0.0;  // proper crossing
  if ((o1 == 0 && on_segment(t.ax, t.ay, s.ax, s.ay, s.bx, s.by)) ||
      (o2 == 0 && on_segment(t.bx, t.by, s.ax, s.ay, s.bx, s.by)) ||
      (o3 == 0 && on_segment(s.ax, s.ay, t.ax, t.ay, t.bx, t.by)) ||
      (o4 == 0 && on_segment(s.bx, s.by, t.ax, t.ay, t.bx, t.by)))
    return 0.0;  // an end point lies exactly on the other segment
  return std::min({point_segment_distance(t.ax, t.ay, s.ax, s.ay, s.bx, s.by),
                   point_segment_distance(t.bx, t.by, s.ax, s.ay, s.bx, s.by),
                   point_segment_distance(s.ax, s.ay, t.ax, t.ay, t.bx, t.by),
                   point_segment_distance(s.bx, s.by, t.ax, t.ay, t.bx, t.by)});
}

bool segments_overlap(const BoundarySegment& s, const BoundarySegment& t, double tolerance) {
  // In the frame of s (origin s.a, axis along s): t's end points at positions tc, td along s
  // and at signed distances hc, hd from its line. The part of t whose projection falls on s
  // is [lo, hi]; its distance from s varies linearly, so checking both ends checks all of it.
  const double dx = s.bx - s.ax, dy = s.by - s.ay;
  const double length = std::hypot(dx, dy);
  if (length == 0) return false;
  const double ux = dx / length, uy = dy / length;
  const double tc = (t.ax - s.ax) * ux + (t.ay - s.ay) * uy;
  const double td = (t.bx - s.ax) * ux + (t.by - s.ay) * uy;
  const double hc = (t.ay - s.ay) * ux - (t.ax - s.ax) * uy;
  const double hd = (t.by - s.ay) * ux - (t.bx - s.ax) * uy;
  const double lo = std::max(std::min(tc, td), 0.0);
  const double hi = std::min(std::max(tc, td), length);
  if (!(hi - lo > tolerance)) return false;  // too short a common stretch (or none)
  auto height = [&](double at) { return hc + (hd - hc) * (at - tc) / (td - tc); };  // td != tc here
  return std::abs(height(lo)) <= tolerance && std::abs(height(hi)) <= tolerance;
}

std::vector<std::uint64_t> shared_boundary_pairs(const std::vector<BoundarySegment>& segments,
                                                 bool queen, double tolerance,
                                                 const std::vector<std::uint64_t>& known,
                                                 Feedback& feedback) {
  std::vector<Entry> entries;
  entries.reserve(segments.size());
  for (std::size_t k = 0; k < segments.size(); ++k)
    entries.emplace_back(box_of(segments[k], 0.0), static_cast<std::uint32_t>(k));
  const bgi::rtree<Entry, bgi::quadratic<16>> tree(entries.begin(), entries.end());  // packed
  feedback.check_cancelled();

  // The segments are shared out between threads; each keeps the pairs it finds (a pair may be
  // found by several), and the union is the same whatever the number of threads.
  const std::size_t threads =
      segments.size() < 100000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<std::vector<std::uint64_t>> found(threads);
  std::atomic<bool> stop{false};
  auto work = [&](std::size_t thread) {
    const std::size_t begin = segments.size() * thread / threads;
    const std::size_t end = segments.size() * (thread + 1) / threads;
    std::unordered_set<std::uint64_t> linked;
    std::vector<Entry> hits;
    for (std::size_t k = begin; k < end; ++k) {
      if (k % 8192 == 0) {
        if (thread == 0) {  // the caller's thread talks to the feedback
          if (feedback.cancelled()) stop = true;
          feedback.progress(0.5 + 0.5 * static_cast<double>(k - begin) / static_cast<double>(end - begin));
        }
        if (stop) return;
      }
      const BoundarySegment& s = segments[k];
      hits.clear();
      tree.query(bgi::intersects(box_of(s, tolerance)), std::back_inserter(hits));
      for (const Entry& hit : hits) {
        const BoundarySegment& t = segments[hit.second];
        if (t.unit <= s.unit) continue;  // each unit pair once, and never a unit with itself
        const std::uint64_t key = pair_key(s.unit, t.unit);
        if (linked.count(key) || std::binary_search(known.begin(), known.end(), key)) continue;
        const bool touching = queen ? segment_distance(s, t) <= tolerance
                                    : segments_overlap(s, t, tolerance) ||
                                          segments_overlap(t, s, tolerance);
        if (touching) {
          linked.insert(key);
          found[thread].push_back(key);
        }
      }
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (auto& w : workers) w.join();
  feedback.check_cancelled();

  std::vector<std::uint64_t> pairs;
  for (const auto& f : found) pairs.insert(pairs.end(), f.begin(), f.end());
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace rs::geo::contiguity_detail
