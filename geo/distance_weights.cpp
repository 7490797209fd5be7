#include "geo/distance_weights.hpp"

#include "algorithms/errors.hpp"

namespace rs::geo {

SpatialWeights distance_weights(const Layer&, const WeightsSpec&, Feedback&) {
  throw DataError("distance weights are not built yet");
}

double minimum_threshold_distance(const Layer&, const WeightsSpec&) {
  throw DataError("distance weights are not built yet");
}

}  // namespace rs::geo
