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

Extent lonlat_extent(const Layer& layer);

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

namespace {

// The layer's CRS and its own geographic CRS, both in lon/lat (x, y) order.
struct LonLatTransform {
  std::shared_ptr<OGRCoordinateTransformation> to_lonlat;
  double a = 0, f = 0;
};

LonLatTransform lonlat_transform(const Layer& layer) {
  OGRSpatialReference from(*layer.crs);
  from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRSpatialReference> geographic(from.CloneGeogCS());
  if (!geographic) throw DataError("'" + layer.path + "': its CRS has no geographic CRS to measure on");
  geographic->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  LonLatTransform t;
  t.to_lonlat = make_transform(from, *geographic);
  t.a = geographic->GetSemiMajor();
  const double rf = geographic->GetInvFlattening();
  t.f = rf > 0 ? 1.0 / rf : 0.0;
  return t;
}

}  // namespace

double scale_error(const Layer& layer) {
  if (!layer.crs || !layer.crs->IsProjected() || layer.size() == 0) return 0.0;
  Extent e;
  try {
    e = layer_extent(layer);
  } catch (const DataError&) {
    return 0.0;
  }
  const LonLatTransform t = lonlat_transform(layer);
  const double metres_per_unit = layer.crs->GetLinearUnits();
  const double size = std::max(e.max_x - e.min_x, e.max_y - e.min_y);
  // A step small against the extent (the scale is local) but far above rounding.
  const double h = size > 0 ? size * 1e-4 : 1.0;
  constexpr int kSteps = 8;
  double worst = 0.0;
  for (int r = 0; r <= kSteps; ++r)
    for (int c = 0; c <= kSteps; ++c) {
      const double x = e.min_x + (e.max_x - e.min_x) * c / kSteps;
      const double y = e.min_y + (e.max_y - e.min_y) * r / kSteps;
      double xs[3] = {x, x + h, x}, ys[3] = {y, y, y + h};
      int ok[3] = {0, 0, 0};
      t.to_lonlat->Transform(3, xs, ys, nullptr, ok);
      if (!ok[0] || !ok[1] || !ok[2]) continue;  // outside the projection's domain: not sampled
      for (int k = 1; k <= 2; ++k) {
        const double metres = geodesic_km(t.a, t.f, ys[0], xs[0], ys[k], xs[k]) * 1000.0;
        if (metres > 0) worst = std::max(worst, std::fabs(h * metres_per_unit / metres - 1.0));
      }
    }
  return worst;
}

// The lon/lat extent of a projected layer, from a 9 x 9 grid over its extent and its corners.
Extent lonlat_extent(const Layer& layer) {
  const Extent e = layer_extent(layer);
  std::vector<double> x, y;
  constexpr int kSteps = 8;
  for (int r = 0; r <= kSteps; ++r)
    for (int c = 0; c <= kSteps; ++c) {
      x.push_back(e.min_x + (e.max_x - e.min_x) * c / kSteps);
      y.push_back(e.min_y + (e.max_y - e.min_y) * r / kSteps);
    }
  transform(lonlat_transform(layer).to_lonlat, x, y);
  return {*std::min_element(x.begin(), x.end()), *std::min_element(y.begin(), y.end()),
          *std::max_element(x.begin(), x.end()), *std::max_element(y.begin(), y.end())};
}

bool measured_on_ellipsoid(const Layer& layer) {
  return layer.geographic() || scale_error(layer) > kMaxScaleError;
}

std::string ellipsoid_reason(const Layer& layer) {
  if (layer.geographic()) return "";
  const double error = scale_error(layer);
  if (error <= kMaxScaleError) return "";
  std::ostringstream os;
  os.precision(3);
  os << layer.crs_name() << " stretches lengths by up to " << error * 100.0
     << " % over this layer, so distances are measured on its ellipsoid, not in map units";
  return os.str();
}

void to_own_lonlat(const Layer& layer, std::vector<double>& x, std::vector<double>& y) {
  if (!layer.crs || layer.geographic()) return;
  transform(lonlat_transform(layer).to_lonlat, x, y);
}

PlanarFrame PlanarFrame::for_layer(const Layer& layer, const std::string& choice) {
  PlanarFrame frame;
  if (choice == "layer") {
    if (layer.geographic())
      throw ParameterError("projection", "'" + layer.path + "' is in lon/lat degrees; {parameter} layer "
                           "measures in the layer's own units, which needs a projected layer");
  }
  const bool automatic = choice.empty() || choice == "auto" || choice == "equal-area" || choice == "equidistant";
  const bool by_default = choice.empty() || choice == "auto" || choice == "equal-area";
  const bool own_units = choice == "layer" || (automatic && !layer.crs) ||
                         (by_default && !layer.geographic() && !measured_on_ellipsoid(layer));
  if (own_units) {
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
    if (!layer.geographic()) e = lonlat_extent(layer);
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
    const std::string reason = ellipsoid_reason(layer);
    if (!reason.empty()) frame.description_ += " (" + reason + ")";
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
  if (layer.geographic() || measured_on_ellipsoid(layer)) {
    geodesic_ = true;
    const LonLatTransform t = lonlat_transform(layer);
    if (!layer.geographic()) to_lonlat_ = t.to_lonlat;
    a_ = t.a;
    f_ = t.f;
    unit_ = "km";
    const char* ellipsoid = layer.crs->GetAttrValue("SPHEROID");
    method_ = std::string("geodesic on the ellipsoid ") + (ellipsoid ? ellipsoid : "of the layer");
    const std::string reason = ellipsoid_reason(layer);
    if (!reason.empty()) method_ += " (" + reason + ")";
  } else if (layer.crs && layer.crs->IsProjected()) {
    unit_to_km_ = layer.crs->GetLinearUnits() / 1000.0;
    unit_ = "km";
    method_ = "planar in " + layer.crs_name();
  } else {
    method_ = "planar in layer coordinates";
  }
}

void PointDistance::lonlat(double& x1, double& y1, double& x2, double& y2) const {
  if (!to_lonlat_) return;
  double xs[2] = {x1, x2}, ys[2] = {y1, y2};
  int ok[2] = {0, 0};
  if (!to_lonlat_->Transform(2, xs, ys, nullptr, ok) || !ok[0] || !ok[1])
    throw DataError("a point could not be taken back to lon/lat to measure a distance");
  x1 = xs[0], y1 = ys[0], x2 = xs[1], y2 = ys[1];
}

double PointDistance::distance(double x1, double y1, double x2, double y2) const {
  if (geodesic_) {
    lonlat(x1, y1, x2, y2);
    return geodesic_km(a_, f_, y1, x1, y2, x2);
  }
  return std::hypot(x2 - x1, y2 - y1) * unit_to_km_;
}

double PointDistance::azimuth(double x1, double y1, double x2, double y2) const {
  if (geodesic_) {
    lonlat(x1, y1, x2, y2);
    double az = 0;
    geodesic_km(a_, f_, y1, x1, y2, x2, &az);
    return az;
  }
  double az = std::atan2(x2 - x1, y2 - y1) * 180.0 / 3.14159265358979323846;
  return az < 0 ? az + 360.0 : az;
}

}  // namespace rs::geo
