#include "geo/projection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <cpl_error.h>
#include <geodesic.h>

#include "algorithms/errors.hpp"

namespace rs::geo {
namespace {

std::shared_ptr<OGRCoordinateTransformation> make_transform(const OGRSpatialReference& from,
                                                             const OGRSpatialReference& to) {
  CPLErrorReset();
  std::shared_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
  if (!ct) throw DataError(std::string("cannot transform coordinates between the layer's CRS and the "
                                       "measuring projection: ") + CPLGetLastErrorMsg());
  return ct;
}

std::string fixed(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

void transform(const std::shared_ptr<OGRCoordinateTransformation>& ct, std::vector<double>& x,
               std::vector<double>& y) {
  if (!ct || x.empty()) return;
  std::vector<int> ok(x.size(), 0);
  if (!ct->Transform(x.size(), x.data(), y.data(), nullptr, ok.data()))
    for (auto v : ok)
      if (!v) throw DataError("a point could not be projected (outside the projection's domain?)");
}

}  // namespace

Extent layer_extent(const Layer& layer) {
  OGREnvelope all;
  bool any = false;
  for (auto& g : layer.geometries) {
    if (!g) continue;
    OGREnvelope e;
    g->getEnvelope(&e);
    all.Merge(e);
    any = true;
  }
  if (!any) throw DataError("'" + layer.path + "' has no geometry to measure");
  return {all.MinX, all.MinY, all.MaxX, all.MaxY};
}

PlanarFrame PlanarFrame::for_layer(const Layer& layer, const std::string& choice) {
  PlanarFrame frame;
  const bool automatic = choice.empty() || choice == "auto" || choice == "equal-area" || choice == "equidistant";
  if (automatic && !layer.geographic()) {
    // Measured in the layer's own CRS.
    frame.description_ = layer.crs ? layer.crs_name() : "layer coordinates (no CRS)";
    if (layer.crs && layer.crs->IsProjected()) {
      frame.unit_to_km_ = layer.crs->GetLinearUnits() / 1000.0;
      frame.length_unit_ = "km";
    }
    return frame;
  }
  if (!layer.crs)
    throw UsageError("'" + layer.path + "' has no CRS, so it cannot be projected to '" + choice +
                     "'; give --crs to say what its coordinates are");
  OGRSpatialReference target;
  if (automatic) {
    Extent e = layer_extent(layer);
    const double lon0 = 0.5 * (e.min_x + e.max_x), lat0 = 0.5 * (e.min_y + e.max_y);
    const double range = e.max_y - e.min_y;
    std::ostringstream proj;
    if (choice == "equidistant") {
      proj << "+proj=aeqd +lat_0=" << fixed(lat0) << " +lon_0=" << fixed(lon0);
    } else {
      proj << "+proj=aea +lat_1=" << fixed(e.min_y + range / 6) << " +lat_2=" << fixed(e.max_y - range / 6)
           << " +lat_0=" << fixed(lat0) << " +lon_0=" << fixed(lon0);
    }
    // On the layer's own ellipsoid.
    proj << " +x_0=0 +y_0=0 +a=" << fixed(layer.crs->GetSemiMajor()) << " +rf=";
    const double rf = layer.crs->GetInvFlattening();
    proj << (rf > 0 ? fixed(rf) : std::string("0")) << " +units=m +no_defs";
    std::string text = proj.str();
    if (rf <= 0) {
      const auto pos = text.find(" +rf=0");
      text.erase(pos, 6);
    }
    if (target.importFromProj4(text.c_str()) != OGRERR_NONE)
      throw DataError("cannot build the projection '" + text + "'");
    frame.proj_ = text;
    frame.description_ = (choice == "equidistant" ? "azimuthal equidistant " : "Albers equal-area ") + text;
  } else {
    if (target.SetFromUserInput(choice.c_str()) != OGRERR_NONE)
      throw UsageError("--projection: unknown CRS '" + choice + "' (use EPSG:xxxx or a PROJ string)");
    if (!target.IsProjected())
      throw UsageError("--projection '" + choice + "' is not a projected CRS; measuring needs one in metres");
    char* p4 = nullptr;
    if (target.exportToProj4(&p4) == OGRERR_NONE && p4) frame.proj_ = p4;
    CPLFree(p4);
    const char* name = target.GetName();
    frame.description_ = std::string(name ? name : choice) + " (" + choice + ")";
  }
  target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  frame.unit_to_km_ = target.GetLinearUnits() / 1000.0;
  frame.length_unit_ = "km";
  frame.forward_ = make_transform(*layer.crs, target);
  frame.inverse_ = make_transform(target, *layer.crs);
  return frame;
}

void PlanarFrame::forward(std::vector<double>& x, std::vector<double>& y) const { transform(forward_, x, y); }

void PlanarFrame::inverse(std::vector<double>& x, std::vector<double>& y) const { transform(inverse_, x, y); }

void PlanarFrame::to_layer(OGRGeometry& geometry) const {
  if (!inverse_) return;
  if (geometry.transform(inverse_.get()) != OGRERR_NONE)
    throw DataError("cannot transform a result geometry back to the layer's CRS");
}

void transform_points(const OGRSpatialReference* from, const OGRSpatialReference* to, std::vector<double>& x,
                      std::vector<double>& y) {
  if (!from || !to || from->IsSame(to)) return;
  OGRSpatialReference a(*from), b(*to);
  a.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  b.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  transform(make_transform(a, b), x, y);
}

double geodesic_km(double a, double f, double lat1, double lon1, double lat2, double lon2, double* azimuth_deg) {
  geod_geodesic g;
  geod_init(&g, a, f);
  double s12 = 0, azi1 = 0, azi2 = 0;
  geod_inverse(&g, lat1, lon1, lat2, lon2, &s12, &azi1, &azi2);
  if (azimuth_deg) *azimuth_deg = azi1 < 0 ? azi1 + 360.0 : azi1;
  return s12 / 1000.0;
}

PointDistance::PointDistance(const Layer& layer) {
  if (layer.geographic()) {
    geodesic_ = true;
    a_ = layer.crs->GetSemiMajor();
    const double rf = layer.crs->GetInvFlattening();
    f_ = rf > 0 ? 1.0 / rf : 0.0;
    unit_ = "km";
    const char* ellipsoid = layer.crs->GetAttrValue("SPHEROID");
    method_ = std::string("geodesic on the ellipsoid ") + (ellipsoid ? ellipsoid : "of the layer");
  } else if (layer.crs && layer.crs->IsProjected()) {
    unit_to_km_ = layer.crs->GetLinearUnits() / 1000.0;
    unit_ = "km";
    method_ = "planar in " + layer.crs_name();
  } else {
    method_ = "planar in layer coordinates";
  }
}

double PointDistance::distance(double x1, double y1, double x2, double y2) const {
  if (geodesic_) return geodesic_km(a_, f_, y1, x1, y2, x2);
  return std::hypot(x2 - x1, y2 - y1) * unit_to_km_;
}

double PointDistance::azimuth(double x1, double y1, double x2, double y2) const {
  if (geodesic_) {
    double az = 0;
    geodesic_km(a_, f_, y1, x1, y2, x2, &az);
    return az;
  }
  double az = std::atan2(x2 - x1, y2 - y1) * 180.0 / 3.14159265358979323846;
  return az < 0 ? az + 360.0 : az;
}

}  // namespace rs::geo
