// Rey's (2001) spatial Markov chain as giddy.markov.Spatial_Markov(fixed=True): the transitions
// of each unit from period t to t + 1 are tallied in the matrix of the class of its spatial lag
// in period t. The lag is that of the row-standardised weights; the lag classes are cut at the
// quantiles of the pooled n x t lags (mapclassify.Quantiles, as the classes of the values).
//
// Islands (units without neighbours) have a lag of 0, as libpysal's lag_spatial gives them:
// they enter the pooled lag quantiles and the lowest lag classes. This keeps giddy's numbers
// and the pooling identity (the conditional counts sum to the plain counts); the caller warns.
//
// Homogeneity tests of Bickenbach and Bode (2003) as giddy.markov.homogeneity: with n_ijm the
// counts of regime m, p_ij the pooled probabilities and p_ijm those of regime m,
//   Q  = sum_m sum_i n_im sum_j (p_ijm - p_ij)^2 / p_ij          (terms with p_ij = 0 are 0)
//   LR = 2 sum_m sum_i sum_j n_ijm ln(p_ijm / p_ij)             (terms with n_ijm = 0 are 0)
//   dof = sum_i (b_i - 1)(a_i - 1), b_i the regimes with observations in row i, a_i the
//         non-zero cells of row i of the pooled matrix,
// p-values from the chi-squared distribution with dof degrees of freedom. One deviation: a row
// with no observations in any regime adds 0 to dof (giddy's formula gives (0-1)(0-1) = 1 there,
// which counts a constraint that does not exist).
#pragma once

#include <vector>

#include "algorithms/markov_chain.hpp"
#include "algorithms/quantile_classes.hpp"
#include "algorithms/spatial_weights.hpp"

namespace rs::markov {

// sum_j w_ij y_j / sum_j w_ij per unit and period (0 for islands). Weights must have one row per
// unit of the panel (DataError otherwise).
Panel spatial_lags(const Panel& values, const SpatialWeights& weights);

struct Homogeneity {
  double q = 0, q_p = 0;   // Pearson chi-squared statistic and its p-value
  double lr = 0, lr_p = 0; // likelihood ratio statistic and its p-value
  int dof = 0;             // p-values are NaN when dof is 0
};

// regimes[m] is the K x K count matrix of regime m.
Homogeneity homogeneity_test(const std::vector<Matrix>& regimes);

// Upper tail of the chi-squared distribution (Boost.Math); NaN for dof < 1.
double chi_squared_upper_tail(double statistic, int dof);

struct SpatialMarkov {
  int classes = 0;                       // K of the values
  int lag_classes = 0;                   // classes of the lag (<= requested, ties merge)
  Panel lags;                            // [unit][period]
  std::vector<double> lag_cutoffs;       // inner cut-offs of the pooled lags
  std::vector<std::vector<int>> lag_ids; // [unit][period], 0-based
  std::vector<Matrix> transitions;       // [lag class][from][to] counts
  std::vector<Matrix> probabilities;     // [lag class][from][to]; empty rows all 0
  Homogeneity homogeneity;
  std::vector<std::size_t> islands;      // units whose lag was set to 0
};

// `values` the (possibly relative) panel, `class_ids` its classes (any BreakScope, in 0..classes-1),
// `lag_classes` the number of quantile classes of the lag (giddy's m; the command uses K).
SpatialMarkov spatial_markov(const Panel& values, const std::vector<std::vector<int>>& class_ids,
                             int classes, const SpatialWeights& weights, int lag_classes);

}  // namespace rs::markov
