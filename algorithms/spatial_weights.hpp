// Spatial weights in compressed sparse row (CSR) form, with the unit ids they belong to.
//
// Row i lists the neighbours of unit i: indices[offsets[i] .. offsets[i+1]) with their weights
// in the same positions. Neighbours within a row are sorted by index. The object is immutable
// once built; transforms return a new object. Small and composable, like libpysal's W.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs {

// How the weights were standardised (spdep's `style`): B binary, W row-standardised,
// S variance-stabilising, C globally standardised, U as built (e.g. inverse distance, kernel).
enum class WeightsStyle { Binary, Row, VarianceStabilising, Global, Unstandardised };

const char* style_code(WeightsStyle style);  // "B", "W", "S", "C", "U"

class SpatialWeights {
 public:
  SpatialWeights() = default;

  // neighbours[i] may be unsorted; weights[i] must have the same length (empty: all 1).
  static SpatialWeights from_lists(std::vector<std::string> ids,
                                   const std::vector<std::vector<std::size_t>>& neighbours,
                                   const std::vector<std::vector<double>>& weights = {},
                                   WeightsStyle style = WeightsStyle::Binary);

  std::size_t size() const { return ids_.size(); }
  std::size_t links() const { return indices_.size(); }  // non-zero entries
  const std::vector<std::string>& ids() const { return ids_; }
  const std::vector<std::size_t>& offsets() const { return offsets_; }
  const std::vector<std::size_t>& indices() const { return indices_; }
  const std::vector<double>& weights() const { return weights_; }
  WeightsStyle style() const { return style_; }

  std::size_t neighbour_count(std::size_t i) const { return offsets_[i + 1] - offsets_[i]; }
  double row_sum(std::size_t i) const;
  double weight(std::size_t i, std::size_t j) const;  // 0 if j is not a neighbour of i
  bool has_self_links() const;

  // Units without neighbours (indices), and connected components of the undirected graph.
  std::vector<std::size_t> islands() const;
  std::vector<int> component_labels() const;  // label per unit, 0..components-1
  std::size_t component_count() const;

  bool is_symmetric(double tolerance = 1e-12) const;  // in weights, not only in structure

  // Transforms (return new weights; islands keep empty rows).
  SpatialWeights binary() const;
  SpatialWeights row_standardised() const;
  SpatialWeights variance_stabilising() const;  // spdep style "S" (Tiefelsdorf et al. 1999)
  SpatialWeights transformed(WeightsStyle style) const;
  SpatialWeights symmetrised() const;           // union of i->j and j->i, binary
  // Adds the diagonal (Gi*): self_weight where a unit has no self-link; with `replace`, also
  // in place of the weight of a self-link it has.
  SpatialWeights with_self(double self_weight = 1.0, bool replace = false) const;
  // Restrict to a subset of units (e.g. those with valid values), renumbered in order.
  SpatialWeights subset(const std::vector<std::size_t>& keep) const;

  // Summary quantities used by the global statistics (spdep's spweights.constants).
  double s0() const;  // sum of all weights
  double s1() const;  // 1/2 sum_ij (w_ij + w_ji)^2
  double s2() const;  // sum_i (w_i. + w_.i)^2

 private:
  std::vector<std::string> ids_;
  std::vector<std::size_t> offsets_{0};
  std::vector<std::size_t> indices_;
  std::vector<double> weights_;
  WeightsStyle style_ = WeightsStyle::Binary;
};

}  // namespace rs
