// Great-circle distances in km between longitude/latitude points, as R spdep measures them
// with `longlat = TRUE` (knearneigh, dnearneigh, nbdists all call the same C function
// `gcdist`): Lambert's formula for the WGS-84 ellipsoid (a = 6378.137 km, f = 1/298.257223563),
// known as the Andoyer-Lambert approximation, accurate to about 1e-5 relative - far better than a
// spherical formula, and identical to spdep so that distance-band membership agrees exactly.
#pragma once

#include <array>

namespace rs {

// WGS-84 equatorial radius (km) and flattening used by spdep's gcdist.
constexpr double kWgs84RadiusKm = 6378.137;
constexpr double kWgs84Flattening = 1.0 / 298.257223563;

// Distance in km from (lon1, lat1) to (lon2, lat2), degrees. 0 for the same point.
double great_circle_km(double lon1, double lat1, double lon2, double lat2);

// The point on the unit sphere (x, y, z) for a longitude/latitude in degrees: nearest-neighbour
// searches on geographic layers run on these 3D points (chord length grows with arc length).
std::array<double, 3> unit_sphere_point(double lon, double lat);

// Bounds relating the ellipsoidal distance d (km) to the central angle theta (radians) of the
// unit-sphere points: kGreatCircleLow * a * theta <= d <= kGreatCircleHigh * a * theta. The
// ellipsoid's radii of curvature lie within [a(1-e^2), a/sqrt(1-e^2)] = [0.9933 a, 1.0034 a];
// the bounds below leave a wide margin so that index searches never miss a point.
constexpr double kGreatCircleLow = 0.98;
constexpr double kGreatCircleHigh = 1.02;

// Central angle (radians) for a chord between unit-sphere points, and the reverse.
double chord_to_angle(double chord);
double angle_to_chord(double angle);

}  // namespace rs
