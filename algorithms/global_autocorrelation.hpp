// Global spatial autocorrelation (METHODS.md, "Global statistics"): Moran's I, Geary's C,
// Getis-Ord General G and bivariate Moran's I, each with the inference that applies to it.
//
// Analytical inference follows R spdep exactly (moran.test, geary.test, globalG.test, 1.2-7),
// including the kurtosis term under randomisation and its treatment of units without
// neighbours (zero.policy = TRUE, adjust.n = TRUE): such units keep their value in the mean,
// the variance and the kurtosis, their lag is 0, and n in the constants (E[I], the variances)
// counts only units with neighbours.
//
// Permutation inference follows spdep moran.mc / geary.mc: the whole vector x is permuted
// (all n values over all n positions) and the statistic recomputed. Permutation k draws from
// CounterRng(seed, k), so the result does not depend on the number of threads.
//
// Direction: every z is oriented so that a positive z means positive spatial autocorrelation
// (similar values together), as spdep does: z = (I - E[I]) / sd for Moran, z = (1 - C) / sd for
// Geary (C < 1 is positive autocorrelation), z = (G - E[G]) / sd for General G. The p-value
// rules of PermutationOptions apply to that orientation: `greater` tests positive
// autocorrelation (spdep's default alternative), `less` negative, `folded` the direction
// observed, `two-sided` both. Analytical p-values use the same rule on the normal z.
//
// Inputs are complete (no NaN): the analysis removes units with missing values and restricts
// the weights to the others first (analysis/valid_units.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/inference.hpp"
#include "algorithms/spatial_weights.hpp"

namespace rs {

// One analytical test: variance of the statistic under the null, z and p (rule of the options).
struct AnalyticalInference {
  bool available = false;  // false: not defined for this statistic (values are NaN)
  double variance = 0.0;
  double z = 0.0;
  double p = 0.0;
};

// Permutation inference on the simulated statistics.
struct PermutationInference {
  int permutations = 0;        // 0: not run (values are NaN)
  std::uint64_t seed = 0;
  PValueRule rule = PValueRule::Folded;
  std::size_t greater_or_equal = 0;  // simulated values at least as large (in z orientation)
  std::size_t less_or_equal = 0;     // ... at most as large
  double p = 0.0;              // pseudo p = (count + 1) / (P + 1) under `rule`
  double mean = 0.0;           // mean of the simulated statistics
  double sd = 0.0;             // their standard deviation (divisor P - 1)
  double z = 0.0;              // (statistic - mean) / sd, oriented as the analytical z
  // The published convention: the permutation ("bootstrap") standard error sd used with the
  // analytical expectation, z = (statistic - E) / sd, and its one-sided normal p in the
  // direction of that z.
  double z_se = 0.0;
  double p_se_one_sided = 0.0;
};

struct GlobalResult {
  std::string statistic_name;  // "Moran's I", "Geary's C", "General G", "bivariate Moran's I"
  double statistic = 0.0;
  double expected = 0.0;       // E under the null (same under normality and randomisation)
  AnalyticalInference normality;
  AnalyticalInference randomisation;
  PermutationInference permutation;
  std::size_t n = 0;                  // units analysed
  std::size_t n_with_neighbours = 0;  // spdep's adjusted n
  double kurtosis = 0.0;              // sample kurtosis b2 used under randomisation (NaN if none)
  std::vector<double> simulated;      // the simulated statistics, in permutation order
};

// Moran's I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2, z = x - mean(x).
GlobalResult moran(const std::vector<double>& x, const SpatialWeights& w, const PermutationOptions& options,
                   Feedback& feedback = silent_feedback(), const std::string& field = "x");

// Geary's C = (n - 1) / (2 S0) sum_ij w_ij (x_i - x_j)^2 / sum_i z_i^2; E[C] = 1.
GlobalResult geary(const std::vector<double>& x, const SpatialWeights& w, const PermutationOptions& options,
                   Feedback& feedback = silent_feedback(), const std::string& field = "x");

// Getis-Ord General G = sum_ij w_ij x_i x_j / sum_{i != j} x_i x_j for x >= 0 and binary or
// non-standardised weights; the denominator omits units without neighbours (spdep adjust.x).
// Its variance (Getis & Ord 1992, with the erratum B1 coefficient 6) is reported as the
// randomisation inference. Throws UsageError for row-standardised (W) or variance-stabilising
// (S) weights and DataError for a negative value.
GlobalResult general_g(const std::vector<double>& x, const SpatialWeights& w, const PermutationOptions& options,
                       Feedback& feedback = silent_feedback(), const std::string& field = "x");

// Bivariate Moran's I of x against the spatial lag of y (GeoDa, PySAL esda Moran_BV):
//   I_xy = (n / S0) sum_i zx_i sum_j w_ij zy_j / sum_i zx_i^2,
// zx, zy standardised with the sample standard deviation (n - 1), as GeoDa does; with row
// standardised weights n / S0 = 1 and I_xy is the slope of the bivariate Moran scatterplot,
// and I_xx equals Moran's I. Inference by permutation of y only (x fixed), whose expectation is
// exactly 0.
GlobalResult moran_bivariate(const std::vector<double>& x, const std::vector<double>& y, const SpatialWeights& w,
                             const PermutationOptions& options, Feedback& feedback = silent_feedback(),
                             const std::string& field_x = "x", const std::string& field_y = "y");

// Normal p-value of z under a rule (folded: one-sided in the direction of z).
double normal_p_value(double z, PValueRule rule);

// The Moran scatterplot (GeoDa's): x and y standardised with the sample standard deviation,
// the spatial lag of standardised y against standardised x (y = x for the univariate plot).
struct MoranScatter {
  std::vector<double> z;    // standardised values
  std::vector<double> lag;  // spatial lag of the standardised values
  double slope = 0.0;       // slope of lag on z: Moran's I (bivariate I) times S0 / n
};
MoranScatter moran_scatter(const std::vector<double>& x, const std::vector<double>& y, const SpatialWeights& w);

}  // namespace rs
