// Discrete Markov chains over the periods of a classified panel (giddy.markov.Markov and
// giddy.ergodic): transition counts with a lag of one period, maximum-likelihood probabilities
// P_ij = n_ij / n_i, steady state(s) and mean first passage times.
//
// Rows with no observations (a class never left because it is never entered before the last
// period): their probabilities stay 0, as giddy's Markov.p; for the steady state and the mean
// first passage times such a state is made absorbing (P_ii = 1), as giddy does with
// fill_empty_classes=True in Markov.steady_state and Markov.mfpt.
#pragma once

#include <vector>

namespace rs::markov {

using Matrix = std::vector<std::vector<double>>;  // [from][to]

// n_ij = number of units in class i in period t and in class j in period t + 1, summed over t.
// class_ids[unit][period] in 0..classes-1 (DataError otherwise).
Matrix transition_counts(const std::vector<std::vector<int>>& class_ids, int classes);

// Rows divided by their totals; a row without observations stays all 0.
Matrix transition_probabilities(const Matrix& counts);

// Row totals n_i (the counts papers print next to each row).
std::vector<double> row_totals(const Matrix& counts);

// A copy of `p` whose all-zero rows get 1 on the diagonal (giddy's fill_empty_diagonals).
Matrix with_empty_rows_absorbing(const Matrix& p);

// Communication classes (strongly connected components of i -> j when P_ij > 0), each sorted,
// in order of their smallest state; a class is recurrent when no transition leaves it.
struct ChainStructure {
  std::vector<std::vector<int>> communication_classes;
  std::vector<std::vector<int>> recurrent_classes;
  bool irreducible() const { return communication_classes.size() == 1; }
};
ChainStructure chain_structure(const Matrix& p);

// One stationary distribution per recurrent class (supported on that class), in the order of
// chain_structure's recurrent classes; exactly one when the chain has one recurrent class (the
// steady state). `p` must be stochastic (use with_empty_rows_absorbing first).
std::vector<std::vector<double>> stationary_distributions(const Matrix& p);

// Mean first passage times M_ij: the expected number of periods for a chain starting in i to
// first enter j; M_jj is the mean recurrence time. For an ergodic chain these are Kemeny and
// Snell's (1976) M = (I - Z + E Z_dg) D; in general M_ij = infinity when the chain started in i
// may never reach j (giddy.ergodic.mfpt). `p` must be stochastic.
Matrix mean_first_passage_times(const Matrix& p);

struct MarkovChain {
  int classes = 0;
  Matrix transitions;                     // counts n_ij
  std::vector<double> row_totals;         // n_i
  Matrix probabilities;                   // P_ij (empty rows all 0)
  ChainStructure structure;               // of P with empty rows absorbing
  std::vector<std::vector<double>> steady_states;  // one per recurrent class
  Matrix mfpt;                            // mean first passage times
};

// Everything above for classified panel `class_ids`.
MarkovChain estimate_chain(const std::vector<std::vector<int>>& class_ids, int classes);
// The same from counts already tallied.
MarkovChain chain_from_counts(const Matrix& counts);

}  // namespace rs::markov
