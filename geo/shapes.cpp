#include "geo/shapes.hpp"

#include "algorithms/errors.hpp"

namespace rs::geo {

std::unique_ptr<OGRPolygon> outline_polygon(const std::vector<double>& x, const std::vector<double>& y,
                                            const PlanarFrame& frame) {
  auto ring = std::make_unique<OGRLinearRing>();
  for (std::size_t k = 0; k < x.size(); ++k) ring->addPoint(x[k], y[k]);
  ring->closeRings();
  auto polygon = std::make_unique<OGRPolygon>();
  polygon->addRingDirectly(ring.release());
  frame.to_layer(*polygon);
  return polygon;
}

std::unique_ptr<OGRGeometry> dissolve_polygons(const std::vector<const OGRGeometry*>& polygons,
                                               const std::string& what) {
  OGRMultiPolygon parts;
  for (const OGRGeometry* g : polygons) {
    if (wkbFlatten(g->getGeometryType()) == wkbPolygon) {
      parts.addGeometry(g);
    } else if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon) {
      for (const auto* polygon : *g->toMultiPolygon()) parts.addGeometry(polygon);
    }
  }
  std::unique_ptr<OGRGeometry> union_(parts.UnionCascaded());
  if (!union_) throw DataError("cannot dissolve " + what);
  return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(union_.release()));
}

}  // namespace rs::geo
