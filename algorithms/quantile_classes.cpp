#include "algorithms/quantile_classes.hpp"

#include <algorithm>
#include <cmath>

#include "algorithms/errors.hpp"

namespace rs {

double linear_percentile(const std::vector<double>& sorted, double percent) {
  if (sorted.empty()) throw DataError("percentile of no values");
  const std::size_t n = sorted.size();
  const double h = (percent / 100.0) * static_cast<double>(n - 1);
  const double lower = std::floor(h);
  const std::size_t below = std::min(static_cast<std::size_t>(lower), n - 1);
  const std::size_t above = std::min(below + 1, n - 1);
  const double t = h - lower;
  const double a = sorted[below], b = sorted[above];
  const double difference = b - a;
  // numpy's _lerp: from the nearer end, so that equal neighbours give exactly their value and a
  // tie sitting on a cut-off stays in the lower class.
  return t >= 0.5 ? b - difference * (1.0 - t) : a + difference * t;
}

std::vector<double> quantile_percentages(int classes) {
  if (classes < 1) throw UsageError("--classes must be at least 1, not " + std::to_string(classes));
  const double step = 100.0 / classes;
  const double stop = 100.0 + step;
  const auto length = static_cast<std::size_t>(std::ceil((stop - step) / step));
  // numpy's arange fills start + i * delta with delta = (start + step) - start.
  const double delta = (step + step) - step;
  std::vector<double> p(length);
  for (std::size_t i = 0; i < length; ++i) p[i] = i == 0 ? step : step + static_cast<double>(i) * delta;
  if (p.back() > 100.0) p.back() = 100.0;
  return p;
}

std::vector<double> quantile_cutoffs(const std::vector<double>& values, int classes) {
  const std::vector<double> percentages = quantile_percentages(classes);
  if (values.empty()) throw DataError("no values to cut into quantile classes");
  std::vector<double> sorted = values;
  for (double v : sorted)
    if (!std::isfinite(v)) throw DataError("quantile classes need finite values");
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> bins;
  bins.reserve(percentages.size());
  for (double p : percentages) bins.push_back(linear_percentile(sorted, p));
  std::sort(bins.begin(), bins.end());
  bins.erase(std::unique(bins.begin(), bins.end()), bins.end());
  bins.pop_back();  // the maximum closes the last class
  return bins;
}

int class_of(double value, const std::vector<double>& cutoffs) {
  return static_cast<int>(std::lower_bound(cutoffs.begin(), cutoffs.end(), value) - cutoffs.begin());
}

BreakScope parse_break_scope(const std::string& text) {
  if (text == "per-year") return BreakScope::PerPeriod;
  if (text == "pooled") return BreakScope::Pooled;
  throw UsageError("--breaks must be per-year, pooled or a list of values, not '" + text + "'");
}

void check_panel(const Panel& values, std::size_t min_periods) {
  if (values.empty()) throw DataError("the panel has no units");
  const std::size_t periods = values.front().size();
  if (periods < min_periods)
    throw DataError("a Markov chain needs at least " + std::to_string(min_periods) +
                    " periods (fields), got " + std::to_string(periods));
  for (const auto& row : values) {
    if (row.size() != periods) throw DataError("the panel's units differ in number of periods");
    for (double v : row)
      if (!std::isfinite(v)) throw DataError("the panel has a missing or non-finite value");
  }
}

PanelClasses classify_panel(const Panel& values, int classes, BreakScope scope,
                            const std::vector<double>& breaks) {
  check_panel(values, 1);
  const std::size_t n = values.size(), t = values.front().size();
  PanelClasses out;
  out.ids.assign(n, std::vector<int>(t, 0));
  auto assign = [&](std::size_t period, const std::vector<double>& cutoffs) {
    for (std::size_t i = 0; i < n; ++i) out.ids[i][period] = class_of(values[i][period], cutoffs);
  };
  switch (scope) {
    case BreakScope::UserBreaks: {
      if (breaks.empty()) throw UsageError("--breaks needs at least one value");
      for (std::size_t k = 0; k < breaks.size(); ++k) {
        if (!std::isfinite(breaks[k])) throw UsageError("--breaks values must be finite numbers");
        if (k > 0 && !(breaks[k] > breaks[k - 1]))
          throw UsageError("--breaks values must increase strictly (" + std::to_string(breaks[k - 1]) +
                           " then " + std::to_string(breaks[k]) + ")");
      }
      out.cutoffs = {breaks};
      out.classes = static_cast<int>(breaks.size()) + 1;
      break;
    }
    case BreakScope::Pooled: {
      std::vector<double> pooled;
      pooled.reserve(n * t);
      for (const auto& row : values) pooled.insert(pooled.end(), row.begin(), row.end());
      out.cutoffs = {quantile_cutoffs(pooled, classes)};
      out.classes = static_cast<int>(out.cutoffs.front().size()) + 1;
      break;
    }
    case BreakScope::PerPeriod: {
      (void)quantile_percentages(classes);  // validates k
      out.classes = classes;
      std::vector<double> column(n);
      for (std::size_t p = 0; p < t; ++p) {
        for (std::size_t i = 0; i < n; ++i) column[i] = values[i][p];
        out.cutoffs.push_back(quantile_cutoffs(column, classes));
      }
      break;
    }
  }
  for (std::size_t p = 0; p < t; ++p) {
    const auto& cutoffs = out.cutoffs.size() == 1 ? out.cutoffs.front() : out.cutoffs[p];
    assign(p, cutoffs);
    out.period_classes.push_back(static_cast<int>(cutoffs.size()) + 1);
  }
  return out;
}

Panel relative_to_period_mean(const Panel& values) {
  check_panel(values, 1);
  Panel out = values;
  const std::size_t n = values.size(), t = values.front().size();
  for (std::size_t p = 0; p < t; ++p) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += values[i][p];
    const double mean = sum / static_cast<double>(n);
    if (mean == 0) throw DataError("--relative: the mean of period " + std::to_string(p + 1) + " is zero");
    for (std::size_t i = 0; i < n; ++i) out[i][p] = values[i][p] / mean;
  }
  return out;
}

}  // namespace rs
