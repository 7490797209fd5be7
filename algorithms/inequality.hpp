// Inequality of a variable across units: Theil's T with its between/within decomposition by a
// group, the Gini coefficient, the coefficient of variation and the standard deviation of logs
// (sigma convergence). Definitions follow PySAL `inequality` (theil.Theil, theil.TheilD,
// gini.Gini) where it has one; the population-weighted Theil is the form regional papers use.
//
// Values must be finite and >= 0 with a positive total (GDP, an index, income); the caller
// removes missing values first. Errors are rs::DataError naming the offending value by position.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs::inequality {

// Theil's T (GE(1)). With `weights` empty (equal weights, PySAL Theil):
//   T = sum_i s_i ln(n s_i),  s_i = y_i / sum y.
// With weights p_i (population, or any positive field):
//   T = sum_i (y_i / Y) ln((y_i / Y) / (p_i / P)),  Y = sum y, P = sum p,
// which is the equal-weighted T when every p_i is 1. A zero y_i contributes 0 (the limit of
// s ln s; PySAL adds the smallest double to zeros, which gives the same sum).
double theil(const std::vector<double>& y, const std::vector<double>& weights = {});

// Each unit's term (y_i / Y) ln((y_i / Y) / (p_i / P)) of T (they sum to T): the units that
// make the inequality. Negative for units whose share of y is below their share of p.
std::vector<double> theil_terms(const std::vector<double>& y, const std::vector<double>& weights = {});

struct TheilGroup {
  std::string name;
  std::size_t n = 0;
  double T = 0;             // Theil's T within the group (same weighting as the whole)
  double share = 0;         // s_g = Y_g / Y, the group's share of the total of y
  double weight_share = 0;  // P_g / P (n_g / n without weights)
  double contribution = 0;  // s_g T_g / T: the group's share of the total T (0 when T is 0)
};

struct TheilDecomposition {
  double T = 0;
  double between = 0;  // sum_g s_g ln(s_g / (P_g / P)); PySAL TheilD `bg`
  double within = 0;   // sum_g s_g T_g = T - between; PySAL TheilD `wg`
  double between_contribution = 0;  // between / T (0 when T is 0)
  double within_contribution = 0;   // within / T
  std::vector<TheilGroup> groups;   // sorted by name, as numpy.unique orders PySAL's groups
};

// T decomposed by `groups` (one label per value). A group whose total is 0 contributes 0 to
// the between term (PySAL: the smallest double in place of s_g = 0) and has T_g = 0.
TheilDecomposition theil_decomposition(const std::vector<double>& y, const std::vector<std::string>& groups,
                                       const std::vector<double>& weights = {});

// Gini coefficient as PySAL gini.Gini: G = (sum_i 2 i y_(i) - (n + 1) sum y) / (n sum y) with
// y_(i) sorted ascending, i.e. sum_i sum_j |y_i - y_j| / (2 n^2 ybar) (no n/(n-1) correction).
double gini(const std::vector<double>& y);

// Which standard deviation: Sample divides by n - 1 (what regional papers print, and R's sd());
// Population by n (numpy.std's default).
enum class Deviation { Sample, Population };
Deviation parse_deviation(const std::string& text);  // sample|population
const char* deviation_name(Deviation d);

double standard_deviation(const std::vector<double>& y, Deviation deviation);

// CV = sd / mean (needs n >= 2 for the sample sd).
double coefficient_of_variation(const std::vector<double>& y, Deviation deviation = Deviation::Sample);

// The standard deviation of ln(y) (sigma convergence); every y must be > 0.
double sd_of_logs(const std::vector<double>& y, Deviation deviation = Deviation::Sample);

}  // namespace rs::inequality
