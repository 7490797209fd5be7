// Local indicators of spatial association (METHODS.md, "Local statistics"):
//   local Moran (LISA), bivariate local Moran, Getis-Ord Gi* (self included) and Gi (self
//   excluded), local Geary; analytical moments where they exist and conditional permutation
//   inference (a unit's neighbours drawn from the other n-1 values without replacement).
// Inputs are complete: the analysis removes units with missing values (and their links)
// before calling. Units without neighbours get NaN everywhere and are flagged (neighbours 0).
// A non-finite value throws DataError naming the unit, zero variance throws DataError, fewer
// than 3 units throw DataError.
// Permutations (conditional_permutation.hpp) run on options.threads threads (0: all cores),
// report progress and honour cancellation through `feedback`, and give identical results for
// the same seed whatever the number of threads. LISA, Gi, Gi* and local Geary draw the same
// neighbour sets for the same seed and unit.
#pragma once

#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/inference.hpp"
#include "algorithms/spatial_weights.hpp"
#include "algorithms/tile.hpp"

namespace rs {

struct LocalResult {
  std::vector<double> statistic;      // I_i, Gi z-score (Gi/Gi*), or C_i; NaN for islands
  std::vector<double> expected;       // analytical E[statistic] under randomisation (NaN if none)
  std::vector<double> variance;       // analytical Var[statistic] (NaN if none)
  std::vector<double> z;              // analytical z (for Gi/Gi*: the statistic itself)
  std::vector<double> p_analytical;   // two-sided normal p of z (NaN if none)
  std::vector<double> p_permutation;  // pseudo p (NaN when permutations = 0)
  std::vector<double> z_permutation;  // (observed - mean of simulated) / sd of simulated
  std::vector<double> mean_permutation;      // mean of the simulated statistics
  std::vector<double> variance_permutation;  // their variance (divisor P - 1, as R's var)
  std::vector<double> standardised;   // (x - mean) / sd, the variable the statistic uses (x for
                                      // bivariate); sd has divisor n-1 (n for n_minus_one=false)
  std::vector<double> lag;            // spatial lag of `standardised` (of y for bivariate)
  std::vector<double> g_value;        // Getis-Ord G_i* or G_i itself (local_g; NaN otherwise)
  std::vector<int> neighbours;        // neighbour count (self excluded)
  int permutations = 0;
};

// Local Moran I_i = z_i * sum_j w_ij z_j / m2, m2 = sum z^2 / (n-1) (GeoDa, esda, ArcGIS);
// spdep's localmoran default (mlvar=TRUE) uses m2 = sum z^2 / n: pass n_minus_one = false.
// E and Var are the exact moments under conditional randomisation (z_i fixed, the others
// permuted; spdep localmoran's default conditional=TRUE) of the statistic as defined here.
// Note: spdep 1.2-7 computes E.Ii and Var.Ii with sum z^2 / n even when mlvar=FALSE, so with
// n_minus_one = true our I_i equals its mlvar=FALSE Ii, while our E and Var are its E.Ii and
// Var.Ii scaled by (n-1)/n and ((n-1)/n)^2, and our z equals its default (mlvar=TRUE) Z.Ii (the
// z-score does not depend on m2). With n_minus_one = false all four equal spdep's default.
// Weights must not contain self-links.
LocalResult local_moran(const std::vector<double>& x, const SpatialWeights& w,
                        const PermutationOptions& options, Feedback& feedback = silent_feedback(),
                        bool n_minus_one = true);

// Bivariate local Moran: I_i = zx_i * sum_j w_ij zy_j with x and y standardised by their sd
// (divisor n-1), as GeoDa's bivariate LISA; permutations move y (the others' y, y_i excluded).
// E and Var are the exact moments under that conditional randomisation.
LocalResult local_moran_bivariate(const std::vector<double>& x, const std::vector<double>& y,
                                  const SpatialWeights& w, const PermutationOptions& options,
                                  Feedback& feedback = silent_feedback());

// Getis-Ord Gi* (star = true: self included, pass weights with the diagonal) or Gi (star =
// false: self excluded) as z-scores, equal to spdep localG / ArcGIS GiZScore. The statistic
// is the z-score, so expected = 0 and variance = 1; the permutation p compares the same z.
// g_value holds the statistic itself (Getis & Ord 1992): G_i* = sum_j w_ij x_j / sum_j x_j with
// j over all units, G_i = sum_{j != i} w_ij x_j / sum_{j != i} x_j, on the weights as given
// (spdep localG's attr "internals" G*i / Gi); meant for positive x.
// Gi* needs self-links (SpatialWeights::with_self), Gi refuses them; a unit whose only
// neighbour is itself is an island.
LocalResult local_g(const std::vector<double>& x, const SpatialWeights& w, bool star,
                    const PermutationOptions& options, Feedback& feedback = silent_feedback());

// Local Geary C_i = sum_j w_ij (z_i - z_j)^2 with z = (x - mean) / sd, sd with divisor n-1 as
// R's scale() (spdep localC, GeoDa); permutation inference only (expected, variance, z and
// p_analytical are NaN). Weights must not contain self-links.
LocalResult local_geary(const std::vector<double>& x, const SpatialWeights& w,
                        const PermutationOptions& options, Feedback& feedback = silent_feedback());

// Partitioned runs (tile.hpp, docs/distributed.md): the same statistics in two passes, equal
// bit for bit to the whole-layer functions above.
// The global pass: the standardised variable (x - mean) / sd of the whole layer, sd with divisor
// n-1 (n with n_minus_one = false, as local_moran's option), with the whole-layer checks (at
// least 3 units, finite values, non-zero variance: DataError). Gi and Gi* use n_minus_one = true.
std::vector<double> local_standardised(const std::vector<double>& x, bool n_minus_one, const char* what);

// The tile pass: local Moran of the rows of `tile` from the layer's standardised z (as
// local_standardised gives it, with the same n_minus_one), weights over the tile's units as
// transformed for the whole layer. Results have one entry per row.
LocalResult local_moran_tile(const std::vector<double>& z, const SpatialWeights& w, const Tile& tile,
                             const PermutationOptions& options, Feedback& feedback = silent_feedback(),
                             bool n_minus_one = true);

// The tile pass of Gi* / Gi: x the layer's values, z = local_standardised(x, true).
LocalResult local_g_tile(const std::vector<double>& x, const std::vector<double>& z, const SpatialWeights& w,
                         bool star, const Tile& tile, const PermutationOptions& options,
                         Feedback& feedback = silent_feedback());

}  // namespace rs
