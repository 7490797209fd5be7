// LISA Markov (giddy.markov.LISA_Markov without permutations) and Rey's (2001) space-time
// transition types.
//
// Each period, a unit's Moran scatterplot quadrant compares its standardised value z with the
// spatial lag of z under row-standardised weights, as esda.Moran_Local's q (PySAL scheme):
// 1 HH (z > 0, lag > 0), 2 LH (z <= 0, lag > 0), 3 LL (z <= 0, lag <= 0), 4 HL (z > 0,
// lag <= 0). A value exactly at the mean, or a lag of exactly 0, counts as low; an island's lag
// is 0, so it is never "H" on the lag axis (giddy's behaviour; the caller warns).
//
// Transitions between quadrants from period t to t + 1 form a 4 x 4 Markov chain. The
// space-time type of a transition (Rey 2001; Rey and Janikas 2006):
//   type 0:   neither the unit nor its neighbours change side (same quadrant),
//   type I:   only the unit moves (HH <-> LH, HL <-> LL),
//   type II:  only the neighbours move (HH <-> HL, LH <-> LL),
//   type III: both move (HH <-> LL, LH <-> HL).
#pragma once

#include <array>
#include <vector>

#include "algorithms/markov_chain.hpp"
#include "algorithms/quantile_classes.hpp"
#include "algorithms/spatial_weights.hpp"

namespace rs::markov {

enum ScatterQuadrant { kHH = 1, kLH = 2, kLL = 3, kHL = 4 };
const char* quadrant_label(int quadrant);  // "HH", "LH", "LL", "HL"; "" otherwise

// [unit][period] quadrant codes 1..4. Throws DataError when a period has zero variance.
std::vector<std::vector<int>> scatterplot_quadrants(const Panel& values, const SpatialWeights& weights);

// 0, 1, 2 or 3 (type 0, I, II, III) for a move between quadrant codes 1..4.
int space_time_type(int from, int to);
const char* space_time_type_label(int type);  // "0", "I", "II", "III"

struct LisaMarkov {
  std::vector<std::vector<int>> quadrants;   // [unit][period], 1..4
  MarkovChain chain;                         // over classes 0..3 = quadrants 1..4
  std::vector<std::vector<int>> types;       // [unit][transition], 0..3
  std::vector<std::array<int, 4>> type_counts;  // per transition (period t -> t + 1)
  std::array<int, 4> type_totals{};          // over all transitions
  std::vector<std::size_t> islands;
};

LisaMarkov lisa_markov(const Panel& values, const SpatialWeights& weights);

}  // namespace rs::markov
