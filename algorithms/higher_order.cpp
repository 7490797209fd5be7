#include "algorithms/higher_order.hpp"

#include <stdexcept>

namespace rs {

SpatialWeights higher_order(const SpatialWeights&, int, bool) {
  throw std::logic_error("higher-order weights are not built yet");
}

}  // namespace rs
