// The local statistics of `regionstat lisa` and `regionstat hotspot` in tiles, for a layer split
// among the workers of a cluster (docs/distributed.md; the Python side is
// python/regionstat_dask). Three passes, each equal to a step of the single-process command:
//   global:  the units with a value and a geometry (in layer order, their position is the unit's index in the
//            statistic and in the random streams) and the standardised variable of all of them;
//   tile:    the weights of a tile's units read with their halo (the units whose bounding box
//            meets the tile's), restricted to the units with a value and transformed as the
//            command does, then the statistic of the tile's own units (algorithms/tile.hpp);
//   final:   the tiles' results in layer order -> multiple testing, classes and the result
//            fields the command writes, written the way it writes them.
// The options are the command's own parameters (Arguments of `lisa` / `hotspot`), so defaults and
// checks are the command's. Limits of the design (weights whose rows depend on the whole layer)
// are refused with a UsageError here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/local_autocorrelation.hpp"
#include "algorithms/spatial_weights.hpp"
#include "algorithms/tile.hpp"
#include "analysis/algorithm.hpp"
#include "geo/layer_writer.hpp"

namespace rs {

// The options of a partitioned run, checked: `command` is "lisa" or "hotspot" and `args` its
// arguments. Refuses what the tiles cannot reproduce: weights other than first-order queen or
// rook contiguity (k nearest neighbours and distance bands would need halos sized by distance,
// higher orders halos of several rings), the S transform (it scales by sums over the whole
// layer), weights files, panels, bivariate LISA, --prefix/--suffix and Shapefile outputs.
struct PartitionedOptions {
  std::string command;
  bool star = true;           // hotspot: Gi* (false: Gi)
  bool natural_breaks = false;
  bool moments = false;       // lisa --moments
  PermutationOptions permutations;
  double halo_margin = 0;     // layer units added around a tile's extent to find its halo
};
PartitionedOptions partitioned_options(const std::string& command, const Arguments& args);

// Throws DataError, before any work, when the output may not be written (exists without
// --overwrite, is the input, its folder is missing), as the command checks.
void check_partitioned_output(const Arguments& args);

// Arguments of `command` from name -> value pairs (as the Python module passes them).
Arguments command_arguments(const std::string& command,
                            const std::vector<std::pair<std::string, std::vector<std::string>>>& values);

// A tile's weights, as SpatialWeights over its local units, and the layer index of each.
struct TileWeights {
  SpatialWeights weights;     // restricted to the units with a value, transformed (with self for Gi*)
  std::vector<std::size_t> units;  // index among the layer's units with a value, increasing
  std::size_t read = 0;       // features read (own units, halo and the rest of the extent)
};

// Reads the features selected by `where` (an attribute filter naming the tile's extent), builds
// the command's weights among them, keeps the units whose feature id is in `valid_fids` (the
// layer's units with a value and a geometry, increasing ids) and transforms as the command does.
// Throws DataError when one of those has no usable geometry (invalid and not repairable).
TileWeights tile_weights(const Arguments& args, const PartitionedOptions& options, const std::string& where,
                         const std::vector<std::int64_t>& valid_fids);

// The result fields of the command (names, types, NULLs, classes) from the gathered results of
// the units with a value: r in layer order, `units` their feature indices among `features`.
std::vector<geo::OutputColumn> partitioned_columns(const PartitionedOptions& options, const Arguments& args,
                                                   const LocalResult& r, const std::vector<std::size_t>& units,
                                                   std::size_t features);

// Writes the input layer with `columns` appended to the command's -o, with the command's style;
// returns the path written.
std::string write_partitioned(const PartitionedOptions& options, const Arguments& args,
                              const std::vector<geo::OutputColumn>& columns);

}  // namespace rs
