#include "geo/unit_points.hpp"

#include <map>

#include <geos_c.h>

#include "algorithms/errors.hpp"

namespace rs::geo {

UnitPoints unit_points(const Layer& layer, PointSource source, const std::string& points_layer,
                       const std::string& points_id) {
  UnitPoints out;
  const std::size_t n = layer.size();
  out.x.assign(n, 0.0);
  out.y.assign(n, 0.0);
  out.valid.assign(n, false);
  out.geographic = layer.geographic();

  if (source == PointSource::Layer) {
    if (points_id.empty())
      throw UsageError("a point layer for distances needs the field that joins it to the unit ids");
    ReadOptions options;
    options.id_field = points_id;
    Layer points = read_layer(points_layer, options);
    if (points.kind != GeometryKind::Point)
      throw DataError("'" + points_layer + "' is not a point layer");
    std::map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < points.size(); ++i) by_id[points.ids[i]] = i;
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < n; ++i) {
      auto it = by_id.find(layer.ids[i]);
      if (it == by_id.end() || !points.geometries[it->second]) {
        missing.push_back(layer.ids[i]);
        continue;
      }
      OGRPoint p;
      points.geometries[it->second]->Centroid(&p);
      out.x[i] = p.getX();
      out.y[i] = p.getY();
      out.valid[i] = true;
    }
    if (!missing.empty()) {
      std::string list;
      for (std::size_t k = 0; k < missing.size() && k < 5; ++k) list += (k ? ", " : "") + missing[k];
      throw DataError("'" + points_layer + "' has no point for unit(s) " + list +
                      " (joined on field '" + points_id + "')");
    }
    return out;
  }

  for (std::size_t i = 0; i < n; ++i) {
    const OGRGeometry* g = layer.geometries[i].get();
    if (!g) continue;
    OGRPoint p;
    OGRErr err = OGRERR_NONE;
    if (wkbFlatten(g->getGeometryType()) == wkbPoint) {
      p = *g->toPoint();
    } else if (source == PointSource::PointOnSurface && layer.kind == GeometryKind::Polygon) {
      // OGR exposes PointOnSurface on polygons only; go through GEOS for multipolygons.
      std::unique_ptr<OGRGeometry> surface;
      if (auto* poly = dynamic_cast<const OGRSurface*>(g)) {
        err = poly->PointOnSurface(&p);
      } else {
        GEOSContextHandle_t ctx = OGRGeometry::createGEOSContext();
        GEOSGeom gg = g->exportToGEOS(ctx);
        GEOSGeom pos = gg ? GEOSPointOnSurface_r(ctx, gg) : nullptr;
        if (pos) {
          surface.reset(OGRGeometryFactory::createFromGEOS(ctx, pos));
          GEOSGeom_destroy_r(ctx, pos);
        }
        if (gg) GEOSGeom_destroy_r(ctx, gg);
        OGRGeometry::freeGEOSContext(ctx);
        if (surface && wkbFlatten(surface->getGeometryType()) == wkbPoint) p = *surface->toPoint();
        else err = OGRERR_FAILURE;
      }
    } else {
      err = g->Centroid(&p);
    }
    if (err != OGRERR_NONE || p.IsEmpty()) continue;
    out.x[i] = p.getX();
    out.y[i] = p.getY();
    out.valid[i] = true;
  }
  return out;
}

}  // namespace rs::geo
