// A tile of a partitioned run (docs/distributed.md): the local statistics of some units of a
// layer, computed from the weights of those units and of their neighbours (the halo) only, so
// that a layer too large for one machine can be split among the workers of a cluster.
//
// The tile's weights number its units locally: local unit l is the layer's unit units[l], and
// local numbers increase with layer numbers, so that a row lists its neighbours in the order the
// whole layer's weights do and a sum over the row adds the same terms in the same order. The
// statistics are computed for the local units `rows` (the tile's own units; the halo's rows are
// incomplete and never used). The value vectors cover the whole layer, and the random stream of a
// unit is keyed by its layer index (conditional_permutation.hpp), so a tile gives, for its own
// units, the results of the whole-layer run bit for bit.
//
// A default Tile is the whole layer: weights over all its units, every row computed.
#pragma once

#include <cstddef>
#include <vector>

#include "algorithms/spatial_weights.hpp"

namespace rs {

struct Tile {
  std::vector<std::size_t> units;  // layer index of each local unit; empty: the identity
  std::vector<std::size_t> rows;   // local units to compute, increasing; empty: every one
  std::size_t layer_units = 0;     // n, the units of the whole layer (used with `units`)

  bool whole() const { return units.empty(); }
  // Units of the layer the statistics are about (the n of the moments and of the draws).
  std::size_t layer_size(const SpatialWeights& w) const { return whole() ? w.size() : layer_units; }
  // Rows computed, the local unit of row r, and the layer index of local unit l.
  std::size_t row_count(const SpatialWeights& w) const { return rows.empty() ? w.size() : rows.size(); }
  std::size_t row(std::size_t r) const { return rows.empty() ? r : rows[r]; }
  std::size_t unit(std::size_t l) const { return whole() ? l : units[l]; }
};

}  // namespace rs
