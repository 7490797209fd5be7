// Classes that map producers print from local statistics (METHODS.md, "Local statistics").
#pragma once

#include <string>
#include <vector>

namespace rs {

// Moran scatterplot quadrant of every unit (no significance filter) and significant clusters.
enum class LisaQuadrant { HighHigh = 1, LowLow = 2, LowHigh = 3, HighLow = 4 };

// "HH", "LL", "LH", "HL" for quadrant 1..4; nullptr otherwise.
const char* quadrant_name(int quadrant);

// GeoDa cluster codes: 0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 5 undefined, 6 isolated.
struct LisaClasses {
  std::vector<int> quadrant;         // 1..4 (HH, LL, LH, HL); 0 where undefined
  std::vector<int> cluster_code;     // GeoDa code
  std::vector<std::string> co_type;  // "HH", "LL", "HL", "LH", or "" when not significant
};

// z: standardised variable (x for bivariate), lag: its spatial lag (of y for bivariate),
// p: the p-values used for significance (NaN for islands/excluded); significant when p <= alpha
// (GeoDa). Quadrants follow GeoDa: HL if z > 0 and lag < 0, LH if z < 0 and lag > 0, LL if both
// < 0, otherwise HH (so zeros count as high). Isolated (no neighbours) wins over undefined (NaN
// z, lag or p).
LisaClasses classify_lisa(const std::vector<double>& z, const std::vector<double>& lag,
                          const std::vector<double>& p, const std::vector<int>& neighbours,
                          double alpha);

// GeoDa's local Geary cluster codes (libgeoda UniGeary; Anselin 2019): 0 not significant,
// 1 High-High, 2 Low-Low, 3 other positive, 4 negative, 5 undefined, 6 isolated. A unit is
// significant when p <= alpha (as GeoDa). A significant c_i above the mean of its simulated
// values signals dissimilar neighbours: negative (4) whatever the quadrant. A significant c_i
// at or below that mean signals similar neighbours: High-High when z > 0 and lag > 0, Low-Low
// when both are < 0, and "other positive" (3) in the outlier quadrants (and on an axis).
// z: the standardised variable, lag: its spatial lag, c: C_i, permutation_mean: the mean of
// its simulated values, p: the p-values used for significance. Isolated (no neighbours) wins
// over undefined (a NaN input).
std::vector<int> classify_local_geary(const std::vector<double>& z, const std::vector<double>& lag,
                                      const std::vector<double>& c, const std::vector<double>& permutation_mean,
                                      const std::vector<double>& p, const std::vector<int>& neighbours,
                                      double alpha);

// ArcGIS Gi_Bin: +-3, +-2, +-1 for p < 0.01, 0.05, 0.10 signed by z; 0 otherwise.
std::vector<int> gi_bins(const std::vector<double>& z, const std::vector<double>& p);

// Five classes hot / sub-hot / transition / sub-cold / cold (热点区, 次热点区, 过渡区, 次冷点区,
// 冷点区) as 2, 1, 0, -1, -2, either from Gi_Bin or from Jenks natural breaks of GiZScore in five
// classes.
//
// From bins: |bin| 3 or 2 (p < 0.05) -> hot / cold, |bin| 1 (0.05 <= p < 0.10) -> sub-hot /
// sub-cold, 0 -> transition. Why: 95 % confidence is the level at which the literature (and
// ArcGIS's legend) calls a unit a hot or cold spot, and 90 % is the weakest bin ArcGIS reports;
// folding 99 % and 95 % together keeps "hot spot" meaning "significant at the usual level" and
// leaves the 90 % bin as the "sub" tier, so the five classes are nested in Gi_Bin. Callers
// write NULL where GiZScore is NULL (islands), since their bin is 0.
std::vector<int> hot_cold_classes_from_bins(const std::vector<int>& bins);
// From natural breaks: the five Jenks classes of the finite z in increasing order are cold,
// sub-cold, transition, sub-hot, hot; NaN z gets kHotColdUndefined. Throws DataError when the
// z-scores have fewer than five distinct values.
std::vector<int> hot_cold_classes_natural_breaks(const std::vector<double>& z);
constexpr int kHotColdUndefined = -9;
// The five classes of a hot-spot run: from `bins`, or with `natural_breaks` from the breaks of
// the z of the units that are not islands (islands get 0; callers write them as isolated).
std::vector<int> hot_cold_classes(const std::vector<double>& z, const std::vector<int>& bins,
                                  const std::vector<bool>& island, bool natural_breaks);
const char* hot_cold_label_en(int cls);  // "Hot spot", "Sub-hot spot", "Transition", ...; "" else
const char* hot_cold_label_zh(int cls);  // "热点区", ...; "" for kHotColdUndefined

// Jenks natural breaks: upper bounds of the k classes, in increasing order (the class of v is
// the first whose bound is >= v, intervals closed on the right). The exact optimum (least total
// within-class sum of squares, Fisher 1958), equal to R classInt::classIntervals(style="jenks")
// breaks without its first element (the minimum) and to PySAL mapclassify FisherJenks bins;
// among equally good partitions the one whose upper classes start earliest is taken, as classInt
// does. Computed by dynamic programming with the divide-and-conquer optimisation (the optimal
// start of the last class is monotone in its end), O(k n log n) after sorting. NaN values are
// ignored; with fewer distinct values than classes each distinct value is one class.
std::vector<double> natural_breaks(std::vector<double> values, int classes);

}  // namespace rs
