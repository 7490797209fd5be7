#include "geo/unit_points.hpp"

#include "algorithms/errors.hpp"

namespace rs::geo {

UnitPoints unit_points(const Layer&, PointSource, const std::string&, const std::string&) {
  throw DataError("unit points are not built yet");
}

}  // namespace rs::geo
