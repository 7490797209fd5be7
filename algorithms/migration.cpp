#include "algorithms/migration.hpp"

#include <cmath>
#include <stdexcept>

namespace rs::migration {

Leg planar_leg(double x0, double y0, double x1, double y1, double unit_to_km) {
  Leg leg;
  const double dx = x1 - x0, dy = y1 - y0;
  leg.distance = std::hypot(dx, dy) * unit_to_km;
  double az = std::atan2(dx, dy) * 180.0 / 3.14159265358979323846;  // from north, clockwise
  if (az < 0) az += 360.0;
  leg.azimuth_deg = az;
  return leg;
}

const char* compass_label(double azimuth_deg) {
  static const char* labels[16] = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
                                   "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};
  double a = std::fmod(azimuth_deg, 360.0);
  if (a < 0) a += 360.0;
  const int sector = static_cast<int>(std::floor((a + 11.25) / 22.5)) % 16;
  return labels[sector];
}

std::vector<Step> migration_steps(const std::vector<double>& years, const std::vector<Leg>& legs) {
  if (years.size() != legs.size() + 1)
    throw std::invalid_argument("migration needs one leg fewer than years");
  std::vector<Step> steps;
  double cumulative = 0;
  for (std::size_t k = 0; k < legs.size(); ++k) {
    const double span = years[k + 1] - years[k];
    if (!(span > 0)) throw std::invalid_argument("years must increase");
    Step s;
    s.year_from = years[k];
    s.year_to = years[k + 1];
    s.distance = legs[k].distance;
    s.azimuth_deg = legs[k].azimuth_deg;
    s.direction = legs[k].distance > 0 ? compass_label(legs[k].azimuth_deg) : "-";
    s.speed = legs[k].distance / span;
    cumulative += legs[k].distance;
    s.cumulative = cumulative;
    steps.push_back(s);
  }
  return steps;
}

}  // namespace rs::migration
