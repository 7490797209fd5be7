#include "algorithms/great_circle.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace rs {

namespace {
constexpr double kDegToRad = M_PI / 180.0;
inline double square(double v) { return v * v; }
}  // namespace

double great_circle_km(double lon1, double lat1, double lon2, double lat2) {
  // Same point (longitudes equal modulo 360): the formula below would divide 0 by 0.
  if (std::fabs(lat1 - lat2) < DBL_EPSILON && std::fabs(std::fmod(lon1 - lon2, 360.0)) < DBL_EPSILON)
    return 0.0;
  const double a = kWgs84RadiusKm;
  const double f = kWgs84Flattening;
  const double F = (lat1 * kDegToRad + lat2 * kDegToRad) / 2.0;
  const double G = (lat1 * kDegToRad - lat2 * kDegToRad) / 2.0;
  const double L = (lon1 * kDegToRad - lon2 * kDegToRad) / 2.0;
  const double sinG2 = square(std::sin(G)), cosG2 = square(std::cos(G));
  const double sinF2 = square(std::sin(F)), cosF2 = square(std::cos(F));
  const double sinL2 = square(std::sin(L)), cosL2 = square(std::cos(L));
  const double S = sinG2 * cosL2 + cosF2 * sinL2;
  const double C = cosG2 * cosL2 + sinF2 * sinL2;
  const double w = std::atan(std::sqrt(S / C));  // half the central angle on the sphere
  const double R = std::sqrt(S * C) / w;
  const double D = 2.0 * w * a;
  const double H1 = (3.0 * R - 1.0) / (2.0 * C);
  const double H2 = (3.0 * R + 1.0) / (2.0 * S);
  return D * (1.0 + f * H1 * sinF2 * cosG2 - f * H2 * cosF2 * sinG2);
}

std::array<double, 3> unit_sphere_point(double lon, double lat) {
  const double l = lon * kDegToRad, p = lat * kDegToRad;
  return {std::cos(p) * std::cos(l), std::cos(p) * std::sin(l), std::sin(p)};
}

double chord_to_angle(double chord) { return 2.0 * std::asin(std::clamp(chord / 2.0, 0.0, 1.0)); }

double angle_to_chord(double angle) { return 2.0 * std::sin(std::clamp(angle, 0.0, M_PI) / 2.0); }

}  // namespace rs
