#include "algorithms/growth.hpp"

#include <cmath>
#include <limits>

#include "algorithms/errors.hpp"

namespace rs::growth {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double compound_growth(double start, double end, int intervals) {
  if (intervals < 1)
    throw UsageError("compound growth needs at least one interval, got " + std::to_string(intervals));
  if (!(start > 0) || !(end >= 0)) return kNaN;
  return std::pow(end / start, 1.0 / intervals) - 1;
}

double year_on_year(double previous, double current) {
  if (!(previous > 0) || std::isnan(current)) return kNaN;
  return current / previous - 1;
}

std::vector<double> shares(const std::vector<double>& values) {
  double total = 0;
  for (double v : values)
    if (!std::isnan(v)) total += v;
  if (total == 0) throw DataError("the values sum to 0: shares of the total are undefined");
  std::vector<double> out;
  out.reserve(values.size());
  for (double v : values) out.push_back(v / total);
  return out;
}

std::vector<std::optional<std::int64_t>> competition_ranks(const std::vector<double>& values,
                                                           RankOrder order) {
  // O(n^2) counting is exact for ties and n is a few hundred units at most.
  std::vector<std::optional<std::int64_t>> ranks(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) continue;
    std::int64_t better = 0;
    for (double v : values) {
      if (std::isnan(v)) continue;
      if (order == RankOrder::Descending ? v > values[i] : v < values[i]) ++better;
    }
    ranks[i] = better + 1;
  }
  return ranks;
}

RankGap rank_gap(std::int64_t difference) {
  if (difference < 0) return RankGap::Ahead;
  if (difference > 0) return RankGap::Lagging;
  return RankGap::InStep;
}

const char* rank_gap_zh(RankGap gap) {
  switch (gap) {
    case RankGap::Ahead: return "超前";
    case RankGap::Lagging: return "滞后";
    case RankGap::InStep: break;
  }
  return "同步";
}

const char* rank_gap_en(RankGap gap) {
  switch (gap) {
    case RankGap::Ahead: return "ahead";
    case RankGap::Lagging: return "lagging";
    case RankGap::InStep: break;
  }
  return "in step";
}

}  // namespace rs::growth
