// Quantile classes of a panel for discrete Markov chains, as PySAL mapclassify.Quantiles: the
// upper bounds of k classes are the percentiles 100/k, 200/k, ..., 100 of the values (linear
// interpolation between order statistics, numpy's default), repeated bounds are merged (ties:
// fewer classes), and a value v is in class j (0-based) when bound[j-1] < v <= bound[j], so a
// value equal to a cut-off falls in the lower class.
//
// A panel is unit-major, values[unit][period], as giddy takes it (one row per unit, one column
// per year). Classes are computed per period or pooled over all unit-periods, or cut at
// user-given breaks.
#pragma once

#include <string>
#include <vector>

namespace rs {

using Panel = std::vector<std::vector<double>>;  // [unit][period]

// The percentile `percent` (0..100) of ascending `sorted` values as numpy.percentile with the
// default "linear" method: h = (n - 1) p / 100, x[floor h] + (h - floor h)(x[floor h + 1] -
// x[floor h]), evaluated as numpy does so that equal neighbours give exactly their value.
double linear_percentile(const std::vector<double>& sorted, double percent);

// The percentages mapclassify asks for with k classes: numpy.arange(100/k, 100 + 100/k, 100/k)
// with the last one capped at 100 (floating arange can step past it, e.g. k = 7).
std::vector<double> quantile_percentages(int classes);

// Inner cut-offs of mapclassify.Quantiles(values, k): its bins without the last (the maximum),
// after merging repeated bins. The number of classes is the result's size + 1 (<= k).
// Throws UsageError for k < 1 and DataError for no or non-finite values.
std::vector<double> quantile_cutoffs(const std::vector<double>& values, int classes);

// The class (0-based) of `value` for ascending inner cut-offs: the number of cut-offs strictly
// below it (a value equal to a cut-off falls in the lower class).
int class_of(double value, const std::vector<double>& cutoffs);

enum class BreakScope { PerPeriod, Pooled, UserBreaks };
BreakScope parse_break_scope(const std::string& text);  // "per-year" | "pooled" (else UsageError)

struct PanelClasses {
  std::vector<std::vector<int>> ids;         // [unit][period], 0-based classes
  int classes = 0;                           // K: the size of the transition matrices
  std::vector<std::vector<double>> cutoffs;  // one set (pooled, user) or one per period
  std::vector<int> period_classes;           // per period: classes its cut-offs give (<= K)
};

// Classifies every value of a complete panel (finite values, equal row lengths). PerPeriod cuts
// each period at its own quantiles (giddy Spatial_Markov fixed=False); Pooled cuts all values
// at the quantiles of the pooled n x t values (fixed=True, the default the papers' counts
// suggest); UserBreaks cuts at `breaks` (strictly increasing inner cut-offs, K = breaks + 1).
// With ties a period may yield fewer than k classes: its classes keep mapclassify's numbering
// 0..k_t-1 and period_classes says so (the caller warns); K is then k.
PanelClasses classify_panel(const Panel& values, int classes, BreakScope scope,
                            const std::vector<double>& breaks = {});

// Each period divided by its mean over the units (relative incomes, giddy's rpci = pci / mean).
// Throws DataError when a period's mean is zero.
Panel relative_to_period_mean(const Panel& values);

// Checks that the panel is rectangular with finite values and at least `min_periods` periods.
void check_panel(const Panel& values, std::size_t min_periods);

}  // namespace rs
