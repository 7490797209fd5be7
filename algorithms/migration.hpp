// The migration of a centre over time: for each step between consecutive years, the direction
// (azimuth and 16-point compass label), the distance, the speed and the cumulative path.
// Distances and azimuths of the legs come from the caller (geodesic for geographic layers,
// planar for projected ones); `planar_leg` computes them on a plane.
#pragma once

#include <string>
#include <vector>

namespace rs::migration {

struct Leg {
  double distance = 0;     // km (or layer units for a layer that is not in metres)
  double azimuth_deg = 0;  // direction of the move, degrees clockwise from north, [0, 360)
};

// A leg on a plane; `unit_to_km` converts coordinate units to km (0.001 for metres).
Leg planar_leg(double x0, double y0, double x1, double y1, double unit_to_km = 1.0);

// N, NNE, NE, ENE, E, ..., NNW: sectors of 22.5 degrees centred on each direction.
const char* compass_label(double azimuth_deg);

struct Step {
  double year_from = 0, year_to = 0;
  double distance = 0;
  double azimuth_deg = 0;
  std::string direction;    // compass label; "-" when the centre did not move
  double speed = 0;         // distance per year
  double cumulative = 0;    // path length from the first year to year_to
};

// One step per leg: legs[k] goes from years[k] to years[k + 1]. Years must increase.
std::vector<Step> migration_steps(const std::vector<double>& years, const std::vector<Leg>& legs);

}  // namespace rs::migration
