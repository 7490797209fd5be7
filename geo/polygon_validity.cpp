#include "geo/polygon_validity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace rs::geo::polygon_validity {
namespace {

// Shewchuk's bound on the rounding error of orient2d evaluated in doubles, relative to
// |left| + |right| (ccwerrboundA, epsilon = 2^-53).
constexpr double kEpsilon = 1.1102230246251565e-16;
constexpr double kErrorBound = (3.0 + 16.0 * kEpsilon) * kEpsilon;
// Below this |left| + |right| the products may have lost precision to underflow, which the
// bound does not cover: such orientations count as uncertain (no real layer comes close).
constexpr double kSmallest = 1e-200;

// The half of the plane a direction (dx, dy) points into: 0 for angles in [0, pi), 1 for
// [pi, 2 pi). Exact: the sign of a difference of two doubles is never rounded away.
int half_of(double dx, double dy) { return dy > 0 || (dy == 0 && dx > 0) ? 0 : 1; }

// One ring edge, from vertex `index` to the next, with its bounding box.
struct Edge {
  double xmin, xmax, ymin, ymax;
  int index;
};

}  // namespace

int certain_orientation(double ax, double ay, double bx, double by, double cx, double cy) {
  const double left = (ax - cx) * (by - cy), right = (ay - cy) * (bx - cx);
  const double det = left - right;
  const double sum = std::fabs(left) + std::fabs(right);
  if (!(sum >= kSmallest)) return 0;  // also NaN
  const double bound = kErrorBound * sum;  // infinite when a product overflowed: uncertain
  return det > bound ? 1 : (-det > bound ? -1 : 0);
}

// Every turn strictly to the same side (each orientation certain), going round once. Going
// round once: as every turn is less than pi one way, the edges' direction wraps past angle 0
// exactly once for a simple ring and twice or more for a star (counted exactly, from the
// half-planes of consecutive edges, without trigonometry).
bool strictly_convex_ring(const OGRLinearRing& ring) {
  const int n = ring.getNumPoints();
  if (n < 4 || ring.getX(0) != ring.getX(n - 1) || ring.getY(0) != ring.getY(n - 1)) return false;
  const int m = n - 1;  // distinct vertices
  int side = 0;
  int wraps = 0;
  for (int i = 0; i < m; ++i) {
    const int a = (i + m - 1) % m, c = (i + 1) % m;
    const double ax = ring.getX(a), ay = ring.getY(a), bx = ring.getX(i), by = ring.getY(i);
    const double cx = ring.getX(c), cy = ring.getY(c);
    const int s = certain_orientation(ax, ay, bx, by, cx, cy);
    if (s == 0 || (side != 0 && s != side)) return false;
    side = s;
    // The turn at b, from direction b - a to c - b: it wraps past angle 0 turning left from
    // the lower half-plane into the upper one (right: the other way).
    const int from = half_of(bx - ax, by - ay), to = half_of(cx - bx, cy - by);
    if (s > 0 ? (from == 1 && to == 0) : (from == 0 && to == 1)) ++wraps;
  }
  return wraps == 1;
}

// A closed polyline is a simple closed curve when adjacent edges meet only at their common
// vertex and non-adjacent edges do not meet at all. Adjacent edges: a certain (non-zero) turn
// at their common vertex rules out an overlap (a spike or a doubling back). Non-adjacent edges:
// only pairs whose bounding boxes meet can meet; these are found by sweeping the edges in order
// of their smallest x, and each must be proved apart: both ends of one edge certainly on the
// same side of the other's line. Anything else (touching, crossing, collinear overlap, an
// uncertain sign) is not proved, as is a ring whose sweep meets too many box overlaps (a
// pathological shape: GEOS's monotone chains handle it better).
bool certainly_simple_ring(const OGRLinearRing& ring) {
  const int n = ring.getNumPoints();
  if (n < 4) return false;
  const int m = n - 1;  // edges and distinct vertices
  if (ring.getX(0) != ring.getX(m) || ring.getY(0) != ring.getY(m)) return false;
  // Vertex i of the ring, i in 0..m (m closes it: the same point as 0).
  auto x = [&ring](int i) { return ring.getX(i); };
  auto y = [&ring](int i) { return ring.getY(i); };
  for (int i = 0; i < m; ++i) {
    if (!std::isfinite(x(i)) || !std::isfinite(y(i))) return false;
    if (x(i) == x(i + 1) && y(i) == y(i + 1)) return false;  // a repeated vertex: GEOS decides
  }
  for (int i = 0; i < m; ++i) {
    const int before = i == 0 ? m - 1 : i - 1;
    if (certain_orientation(x(before), y(before), x(i), y(i), x(i + 1), y(i + 1)) == 0) return false;
  }
  if (m == 3) return true;  // a triangle: every two edges are adjacent

  thread_local std::vector<Edge> edges;  // reused: one allocation per thread, not per ring
  edges.clear();
  for (int i = 0; i < m; ++i)
    edges.push_back({std::min(x(i), x(i + 1)), std::max(x(i), x(i + 1)), std::min(y(i), y(i + 1)),
                     std::max(y(i), y(i + 1)), i});
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.xmin < b.xmin; });

  auto apart = [&](int i, int j) {  // edges i and j certainly do not meet
    const int s1 = certain_orientation(x(i), y(i), x(i + 1), y(i + 1), x(j), y(j));
    if (s1 != 0 && s1 == certain_orientation(x(i), y(i), x(i + 1), y(i + 1), x(j + 1), y(j + 1))) return true;
    const int s2 = certain_orientation(x(j), y(j), x(j + 1), y(j + 1), x(i), y(i));
    return s2 != 0 && s2 == certain_orientation(x(j), y(j), x(j + 1), y(j + 1), x(i + 1), y(i + 1));
  };
  long budget = 64L * m + 1024;  // box comparisons allowed: real rings need a few per edge
  for (std::size_t a = 0; a < edges.size(); ++a) {
    const Edge& e = edges[a];
    // Every later edge starts at or right of e's start; those starting by e's end overlap it
    // in x.
    for (std::size_t b = a + 1; b < edges.size() && edges[b].xmin <= e.xmax; ++b) {
      if (--budget < 0) return false;
      const Edge& f = edges[b];
      if (f.ymin > e.ymax || f.ymax < e.ymin) continue;
      const int gap = std::abs(e.index - f.index);
      if (gap == 1 || gap == m - 1) continue;  // adjacent: checked by the turn above
      if (!apart(e.index, f.index)) return false;
    }
  }
  return true;
}

bool certainly_valid(const OGRGeometry& geometry) {
  const OGRGeometry* g = &geometry;
  if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon) {
    const auto* multi = g->toMultiPolygon();
    if (multi->getNumGeometries() != 1) return false;
    g = multi->getGeometryRef(0);
  }
  if (wkbFlatten(g->getGeometryType()) != wkbPolygon) return false;
  const auto* polygon = g->toPolygon();
  const OGRLinearRing* shell = polygon->getExteriorRing();
  return polygon->getNumInteriorRings() == 0 && shell &&
         (strictly_convex_ring(*shell) || certainly_simple_ring(*shell));
}

}  // namespace rs::geo::polygon_validity
