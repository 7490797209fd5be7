#include "geo/contiguity_boundary.hpp"

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

void check_unit_count(const Layer& layer) {
  if (layer.size() >= (std::size_t{1} << 32) - 1)
    throw DataError("'" + layer.path + "' has too many features for contiguity weights");
}

}  // namespace

std::vector<BoundaryPoint> boundary_points(const Layer& layer, Feedback& feedback) {
  check_unit_count(layer);
  std::size_t total = 0;
  for (const auto& g : layer.geometries) {
    if (!g) continue;
    auto count = [&total](const OGRLinearRing& ring) { total += ring.getNumPoints(); };
    for_each_ring(*g, count);
  }
  std::vector<BoundaryPoint> points;
  points.reserve(total);
  for (std::size_t unit = 0; unit < layer.size(); ++unit) {
    if (unit % 4096 == 0) feedback.check_cancelled();
    const auto& g = layer.geometries[unit];
    if (!g) continue;
    bool first = true;
    auto add = [&](const OGRLinearRing& ring) {
      const int n = ring.getNumPoints();
      for (int k = first ? 1 : 0; k < n; ++k)
        points.push_back({ring.getX(k), ring.getY(k), static_cast<std::uint32_t>(unit)});
      if (n > 0) first = false;
    };
    for_each_ring(*g, add);
  }
  return points;
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
