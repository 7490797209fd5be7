// Classes that map producers print from local statistics (METHODS.md, "Local statistics").
#pragma once

#include <string>
#include <vector>

namespace rs {

// Moran scatterplot quadrant of every unit (no significance filter) and significant clusters.
enum class LisaQuadrant { HighHigh = 1, LowLow = 2, LowHigh = 3, HighLow = 4 };

// GeoDa cluster codes: 0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 5 undefined, 6 isolated.
struct LisaClasses {
  std::vector<int> quadrant;         // 1..4 (HH, LL, LH, HL); 0 where undefined
  std::vector<int> cluster_code;     // GeoDa code
  std::vector<std::string> co_type;  // "HH", "LL", "HL", "LH", or "" when not significant
};

// z: standardised variable (x for bivariate), lag: its spatial lag (of y for bivariate),
// p: the p-values used for significance (NaN for islands/excluded).
LisaClasses classify_lisa(const std::vector<double>& z, const std::vector<double>& lag,
                          const std::vector<double>& p, const std::vector<int>& neighbours,
                          double alpha);

// ArcGIS Gi_Bin: +-3, +-2, +-1 for p < 0.01, 0.05, 0.10 signed by z; 0 otherwise.
std::vector<int> gi_bins(const std::vector<double>& z, const std::vector<double>& p);

// Five classes hot / sub-hot / transition / sub-cold / cold (热点区, 次热点区, 过渡区, 次冷点区,
// 冷点区) as 2, 1, 0, -1, -2, either from Gi_Bin (|bin| 3 or 2 -> hot/cold, 1 -> sub) or from
// Jenks natural breaks of GiZScore in five classes.
std::vector<int> hot_cold_classes_from_bins(const std::vector<int>& bins);
std::vector<int> hot_cold_classes_natural_breaks(const std::vector<double>& z);
const char* hot_cold_label_en(int cls);  // "Hot spot", "Sub-hot spot", "Transition", ...
const char* hot_cold_label_zh(int cls);  // "热点区", ...

// Jenks natural breaks: upper bounds of k classes (Fisher's exact optimisation).
std::vector<double> natural_breaks(std::vector<double> values, int classes);

}  // namespace rs
