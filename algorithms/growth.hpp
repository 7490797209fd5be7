// Growth, shares and ranks: the small numbers every regional paper prints around its indices
// (METHODS.md, "Around them every paper prints"). A NaN input gives a NaN (or no) result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rs::growth {

// Compound annual growth rate (x_T / x_0)^(1/k) - 1 over k intervals (k = T - 0 in years, so
// 2016-2020 is k = 4), as a fraction (0.0769, not 7.69). NaN when x_0 <= 0 or x_T < 0 (no real
// rate); UsageError when k < 1.
double compound_growth(double start, double end, int intervals);

// Year-on-year growth x_t / x_{t-1} - 1 as a fraction; NaN when x_{t-1} <= 0.
double year_on_year(double previous, double current);

// x_i / sum_k x_k over the non-missing values, as fractions; NaN stays NaN. DataError when the
// total is 0.
std::vector<double> shares(const std::vector<double>& values);

// Competition ranks ("1224"): equal values share the best rank, the next rank skips. Descending
// = rank 1 for the largest value (development indices); ascending for costs. NaN gets no rank.
enum class RankOrder { Descending, Ascending };
std::vector<std::optional<std::int64_t>> competition_ranks(const std::vector<double>& values,
                                                           RankOrder order = RankOrder::Descending);

// A rank difference d = rank(a) - rank(b), e.g. an index rank minus the per-capita GDP rank:
// d < 0 ahead (超前: a ranks better than b), d = 0 in step (同步), d > 0 lagging (滞后).
enum class RankGap { Ahead, InStep, Lagging };
RankGap rank_gap(std::int64_t difference);
const char* rank_gap_zh(RankGap gap);  // 超前 / 同步 / 滞后
const char* rank_gap_en(RankGap gap);  // ahead / in step / lagging

}  // namespace rs::growth
