// Geometries the analyses draw (ellipses, zones of influence), built here so that analysis/
// builds no geometry of its own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "geo/projection.hpp"

namespace rs::geo {

// The closed polygon through the points (x, y) of `frame`'s plane, in the layer's CRS.
std::unique_ptr<OGRPolygon> outline_polygon(const std::vector<double>& x, const std::vector<double>& y,
                                            const PlanarFrame& frame);

// The union of polygons and multipolygons as one multipolygon (a zone made of its units).
// Throws DataError naming `what` when GEOS cannot dissolve them.
std::unique_ptr<OGRGeometry> dissolve_polygons(const std::vector<const OGRGeometry*>& polygons,
                                               const std::string& what);

}  // namespace rs::geo
