// Where centrography measures a layer, and how distances between its points are measured.
//
// A projected layer is measured in its own CRS. A geographic layer (lon/lat degrees) is projected
// first, because a mean or an ellipse of degrees has no meaning in km:
//   equal-area (default) - Albers conic equal-area on the layer's ellipsoid, standard parallels at
//                          1/6 and 5/6 of the layer's latitude range, centred on the layer's
//                          extent (the classic rule for a country-sized extent; areas are exact,
//                          lengths within about 1-2 % across China);
//   equidistant          - azimuthal equidistant centred on the extent (distances from the centre
//                          exact, suited to radial comparisons);
//   any CRS PROJ knows   - e.g. EPSG:3415 or a PROJ string, given by the user.
// Results are brought back to the layer's CRS for writing (OGRCoordinateTransformation, PROJ).
//
// Distances between points (gravity, influence, migration steps): geodesic on the layer's
// ellipsoid for geographic layers (PROJ's geod_inverse, Karney's algorithm, as `geod -I`),
// planar in the layer's CRS otherwise.
//
// A projected layer whose scale is far from true over its extent (Web Mercator: 1.22 at
// Zhengzhou, 1.66 at Harbin) is measured like a geographic one: its points are taken back to
// the CRS's own lon/lat, distances are geodesic (great-circle in distance weights) and
// centrography uses the fitted projection. Projections made for a region stay below the limit
// (UTM and Gauss-Krüger zones < 0.1 %, Lambert-93 < 0.3 %, an Albers for all of China < 3.5 %),
// so they keep the peers' planar measures in layer units.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include "geo/layer.hpp"

namespace rs::geo {

struct Extent {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};

// Envelope of all the layer's geometries (in its CRS). Throws DataError when it has none.
Extent layer_extent(const Layer& layer);

// Largest departure of a projected layer's length scale from 1 over its extent (|k - 1|, along
// either axis, sampled on a 9 x 9 grid); 0 for geographic layers and layers without a CRS.
double scale_error(const Layer& layer);

// Above this scale error a projected layer is measured on its ellipsoid (see above).
constexpr double kMaxScaleError = 0.05;

// True for geographic layers and for projected layers whose scale error exceeds kMaxScaleError.
bool measured_on_ellipsoid(const Layer& layer);

// Why a projected layer is measured on its ellipsoid, for reports ("" when it is not).
std::string ellipsoid_reason(const Layer& layer);

// A layer's points (in its CRS) in the lon/lat of its own geographic CRS (degrees, x = lon).
void to_own_lonlat(const Layer& layer, std::vector<double>& x, std::vector<double>& y);

class PlanarFrame {
 public:
  // `choice`: "equal-area" (or "auto"), "equidistant", "layer", or a CRS (EPSG:xxxx, PROJ
  // string, WKT). A projected layer is measured in its own CRS under "equal-area" (the default)
  // unless its scale error is too large (measured_on_ellipsoid); "equidistant" and a named CRS
  // project it as they would a geographic layer; "layer" keeps any layer's own coordinates.
  static PlanarFrame for_layer(const Layer& layer, const std::string& choice = "equal-area");

  bool projects() const { return static_cast<bool>(forward_); }
  const std::string& description() const { return description_; }  // what was used, for reports
  const std::string& proj_definition() const { return proj_; }      // PROJ string ("" if none)
  // Kilometres per planar unit; 1 when the unit is not known (then `length_unit` says so).
  double unit_to_km() const { return unit_to_km_; }
  const std::string& length_unit() const { return length_unit_; }  // "km" or "layer units"
  std::string area_unit() const { return length_unit_ == "km" ? "km2" : "square layer units"; }

  // Layer CRS -> planar frame, in place. Throws DataError if a point cannot be projected.
  void forward(std::vector<double>& x, std::vector<double>& y) const;
  // Planar frame -> layer CRS.
  void inverse(std::vector<double>& x, std::vector<double>& y) const;
  // A geometry built in the planar frame, transformed to the layer's CRS.
  void to_layer(OGRGeometry& geometry) const;

 private:
  std::shared_ptr<OGRCoordinateTransformation> forward_, inverse_;
  std::string description_;
  std::string proj_;
  double unit_to_km_ = 1.0;
  std::string length_unit_ = "layer units";
};

// Distances and azimuths between points given in a layer's CRS.
class PointDistance {
 public:
  explicit PointDistance(const Layer& layer);
  // Geodesic km on the layer's ellipsoid (geographic), or planar (km when the unit is known).
  double distance(double x1, double y1, double x2, double y2) const;
  // Forward azimuth at the first point, degrees clockwise from (true or grid) north, [0, 360).
  double azimuth(double x1, double y1, double x2, double y2) const;
  bool geodesic() const { return geodesic_; }
  const std::string& unit() const { return unit_; }  // "km" or "layer units"
  const std::string& method() const { return method_; }  // e.g. "geodesic on WGS 84"

 private:
  // Points of a projected layer measured on its ellipsoid, taken to lon/lat first.
  void lonlat(double& x1, double& y1, double& x2, double& y2) const;

  bool geodesic_ = false;
  std::shared_ptr<OGRCoordinateTransformation> to_lonlat_;  // set for such projected layers
  double a_ = 0, f_ = 0;      // ellipsoid
  double unit_to_km_ = 1.0;
  std::string unit_ = "layer units";
  std::string method_;
};

// Points from one CRS to another, in place (nothing when they are the same or either is null).
void transform_points(const OGRSpatialReference* from, const OGRSpatialReference* to, std::vector<double>& x,
                      std::vector<double>& y);

// Geodesic distance (km) and forward azimuth (degrees) on an ellipsoid (semi-major axis in m,
// flattening f), latitude/longitude in degrees.
double geodesic_km(double a, double f, double lat1, double lon1, double lat2, double lon2,
                   double* azimuth_deg = nullptr);

}  // namespace rs::geo
