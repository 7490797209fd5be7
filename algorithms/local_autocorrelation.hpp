// Local indicators of spatial association (METHODS.md, "Local statistics"):
//   local Moran (LISA), bivariate local Moran, Getis-Ord Gi* (self included) and Gi (self
//   excluded), local Geary; analytical moments where they exist and conditional permutation
//   inference (a unit's neighbours drawn from the other n-1 values without replacement).
// Inputs are complete: the analysis removes units with missing values (and their links)
// before calling. Units without neighbours get NaN everywhere and are flagged.
#pragma once

#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/inference.hpp"
#include "algorithms/spatial_weights.hpp"

namespace rs {

struct LocalResult {
  std::vector<double> statistic;      // I_i, Gi z-score (Gi/Gi*), or C_i; NaN for islands
  std::vector<double> expected;       // analytical E[statistic] under randomisation (NaN if none)
  std::vector<double> variance;       // analytical Var[statistic] (NaN if none)
  std::vector<double> z;              // analytical z (for Gi/Gi*: the statistic itself)
  std::vector<double> p_analytical;   // two-sided normal p of z (NaN if none)
  std::vector<double> p_permutation;  // pseudo p (NaN when permutations = 0)
  std::vector<double> z_permutation;  // (observed - mean of simulated) / sd of simulated
  std::vector<double> lag;            // spatial lag of the (standardised) variable
  std::vector<int> neighbours;        // neighbour count (self excluded)
  int permutations = 0;
};

// Local Moran I_i = z_i * sum_j w_ij z_j / m2, m2 = sum z^2 / (n-1) (GeoDa, esda, ArcGIS);
// spdep's localmoran default (mlvar=TRUE) uses m2 = sum z^2 / n: pass n_minus_one = false.
LocalResult local_moran(const std::vector<double>& x, const SpatialWeights& w,
                        const PermutationOptions& options, Feedback& feedback = silent_feedback(),
                        bool n_minus_one = true);

// Bivariate local Moran: z_x,i * sum_j w_ij z_y,j / m2 (GeoDa's bivariate LISA); permutations
// move y.
LocalResult local_moran_bivariate(const std::vector<double>& x, const std::vector<double>& y,
                                  const SpatialWeights& w, const PermutationOptions& options,
                                  Feedback& feedback = silent_feedback());

// Getis-Ord Gi* (star = true: self included, pass weights with the diagonal) or Gi (star =
// false: self excluded) as z-scores, equal to spdep localG / ArcGIS GiZScore.
LocalResult local_g(const std::vector<double>& x, const SpatialWeights& w, bool star,
                    const PermutationOptions& options, Feedback& feedback = silent_feedback());

// Local Geary C_i = sum_j w_ij (z_i - z_j)^2 with z standardised by the population sd
// (spdep localC, GeoDa); permutation inference only.
LocalResult local_geary(const std::vector<double>& x, const SpatialWeights& w,
                        const PermutationOptions& options, Feedback& feedback = silent_feedback());

}  // namespace rs
