#include "geo/weights_builder.hpp"

#include "algorithms/errors.hpp"
#include "algorithms/higher_order.hpp"
#include "geo/contiguity.hpp"
#include "geo/distance_weights.hpp"
#include "geo/weights_io.hpp"

namespace rs::geo {

SpatialWeights build_weights(const Layer& layer, const WeightsSpec& spec, Feedback& feedback) {
  SpatialWeights w;
  switch (spec.method) {
    case WeightsMethod::Queen:
    case WeightsMethod::Rook:
      if (layer.kind != GeometryKind::Polygon)
        throw DataError("'" + layer.path + "' has " + geometry_kind_name(layer.kind) +
                        " geometries; contiguity weights need polygons - use knn:K or band:D for points");
      w = contiguity_weights(layer, spec.method == WeightsMethod::Queen, spec.contiguity,
                             spec.tolerance, feedback);
      break;
    case WeightsMethod::Knn:
    case WeightsMethod::Band:
    case WeightsMethod::InverseDistance:
    case WeightsMethod::Kernel:
      w = distance_weights(layer, spec, feedback);
      break;
    case WeightsMethod::File: {
      std::vector<std::string> warnings;
      w = read_weights_file(spec.file, layer.ids, &warnings);
      for (const auto& warning : warnings) feedback.warning(warning);
      break;
    }
  }
  if (spec.order > 1) w = higher_order(w, spec.order, spec.cumulative);
  return w;
}

}  // namespace rs::geo
