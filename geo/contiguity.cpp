#include "geo/contiguity.hpp"

#include "algorithms/errors.hpp"

namespace rs::geo {

SpatialWeights contiguity_weights(const Layer&, bool, ContiguityMode, double, Feedback&) {
  throw DataError("contiguity weights are not built yet");
}

}  // namespace rs::geo
