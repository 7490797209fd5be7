// Growth, shares and ranks against published tables: the compound rates of the coastal/inland
// tables (printed to 2 decimals), the year-on-year rates of Henan's trade and GDP, the shares of
// the coastal/inland GDP, the competition ranks of geodetector q values (ties share a rank) and
// the rank-difference types of the AI / per-capita GDP table.
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "algorithms/growth.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs;

// Rates printed to 2 decimals of a percent: the computed rate must round to the printed one
// (half a unit in the last place, plus floating noise).
constexpr double kHalfCent = 0.005 + 1e-9;

TEST(GrowthRankTest, CompoundGrowthAsPrinted) {
  const test::Table values = test::shared_table("seed/coastal_inland_indicators_2016_2023.csv");
  const test::Table printed = test::shared_table("seed/coastal_inland_cagr_as_printed.csv");
  if (values.rows == 0 || printed.rows == 0) GTEST_SKIP() << "seed folder absent: " << SHARED_DATA_DIR;
  std::map<std::pair<std::string, int>, std::size_t> row_of;
  for (std::size_t i = 0; i < values.rows; ++i)
    row_of[{values.text("indicator")[i], std::stoi(values.text("year")[i])}] = i;
  int checked = 0;
  for (std::size_t r = 0; r < printed.rows; ++r) {
    const std::string ind = printed.text("indicator")[r], period = printed.text("period")[r];
    const int y0 = std::stoi(period.substr(0, 4)), y1 = std::stoi(period.substr(5, 4));
    const std::size_t a = row_of.at({ind, y0}), b = row_of.at({ind, y1});
    // k = number of intervals: 2016-2020 is 4, 2021-2023 is 2.
    const int k = y1 - y0;
    for (const char* region : {"national", "coastal", "inland"}) {
      const double g = growth::compound_growth(values.numbers(region)[a], values.numbers(region)[b], k);
      EXPECT_NEAR(100 * g, printed.numbers(std::string(region) + "_cagr_pct")[r], kHalfCent)
          << ind << " " << period << " " << region;
      ++checked;
    }
    // The share rates are computed in the paper from shares printed to 2 decimals: they agree
    // to 0.01 (seed README).
    for (const char* share : {"coastal_share", "inland_share"}) {
      const double g = growth::compound_growth(values.numbers(std::string(share) + "_pct")[a],
                                               values.numbers(std::string(share) + "_pct")[b], k);
      EXPECT_NEAR(100 * g, printed.numbers(std::string(share) + "_cagr_pct")[r], 0.01)
          << ind << " " << period << " " << share;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 22 * 5);
}

TEST(GrowthRankTest, YearOnYearAsPrinted) {
  const test::Table t = test::shared_table("seed/henan_trade_gdp_2010_2019.csv");
  if (t.rows == 0) GTEST_SKIP() << "seed folder absent: " << SHARED_DATA_DIR;
  int checked = 0;
  for (std::size_t r = 1; r < t.rows; ++r) {
    for (auto [value, rate] : {std::pair<const char*, const char*>{"imports_exports_10k_usd", "trade_growth_pct_printed"},
                               {"gdp_100m_yuan", "gdp_growth_pct_printed"}}) {
      const double g = growth::year_on_year(t.numbers(value)[r - 1], t.numbers(value)[r]);
      EXPECT_NEAR(100 * g, std::stod(t.text(rate)[r]), kHalfCent) << t.text("year")[r] << " " << value;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 18);
}

TEST(GrowthRankTest, SharesOfTheTotalAsPrinted) {
  const test::Table t = test::shared_table("seed/coastal_inland_indicators_2016_2023.csv");
  if (t.rows == 0) GTEST_SKIP() << "seed folder absent: " << SHARED_DATA_DIR;
  for (std::size_t r = 0; r < t.rows; ++r) {
    if (t.text("indicator")[r] != "GDP") continue;  // per-capita "shares" are ratios, not shares
    const auto s = growth::shares({t.numbers("coastal")[r], t.numbers("inland")[r]});
    EXPECT_NEAR(100 * s[0], t.numbers("coastal_share_pct")[r], kHalfCent) << t.text("year")[r];
    EXPECT_NEAR(100 * s[1], t.numbers("inland_share_pct")[r], kHalfCent) << t.text("year")[r];
    EXPECT_NEAR(s[0] + s[1], 1.0, 1e-15);
  }
}

// Gao Sheng et al. 2025, Table 5: ranks of 19 factors' q per year are competition ranks (2019:
// x5 = x8 share rank 5).
TEST(GrowthRankTest, CompetitionRanksAsPrinted) {
  const test::Table t = test::shared_table("seed/new_urbanization_geodetector_q.csv");
  if (t.rows == 0) GTEST_SKIP() << "seed folder absent: " << SHARED_DATA_DIR;
  std::map<std::string, std::vector<std::size_t>> rows_of_year;
  for (std::size_t r = 0; r < t.rows; ++r) rows_of_year[t.text("year")[r]].push_back(r);
  int checked = 0;
  for (const auto& [year, rows] : rows_of_year) {
    std::vector<double> q;
    for (std::size_t r : rows) q.push_back(t.numbers("q")[r]);
    const auto ranks = growth::competition_ranks(q);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      ASSERT_TRUE(ranks[k].has_value());
      EXPECT_EQ(*ranks[k], std::stoll(t.text("rank_printed")[rows[k]])) << year << " " << t.text("factor")[rows[k]];
      ++checked;
    }
  }
  EXPECT_EQ(checked, 57);
}

// Wang Jiating et al. 2025, Table 6: diff = AI rank - per-capita GDP rank, typed 超前 (< 0),
// 同步 (= 0), 滞后 (> 0); 15 / 2 / 14 provinces.
TEST(GrowthRankTest, RankDifferenceTypesAsPrinted) {
  const test::Table t = test::shared_table("seed/ai_gdp_rank_consistency_2022.csv");
  if (t.rows == 0) GTEST_SKIP() << "seed folder absent: " << SHARED_DATA_DIR;
  std::map<std::string, int> counts;
  for (std::size_t r = 0; r < t.rows; ++r) {
    const std::int64_t diff = std::stoll(t.text("ai_rank_2022")[r]) - std::stoll(t.text("gdp_per_capita_rank_2022")[r]);
    EXPECT_EQ(diff, std::stoll(t.text("rank_diff")[r])) << t.text("name_zh")[r];
    const char* type = growth::rank_gap_zh(growth::rank_gap(diff));
    EXPECT_EQ(type, t.text("type")[r]) << t.text("name_zh")[r];
    ++counts[type];
  }
  EXPECT_EQ(counts["超前"], 15);
  EXPECT_EQ(counts["同步"], 2);
  EXPECT_EQ(counts["滞后"], 14);
}

TEST(GrowthRankTest, EdgeCases) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(std::isnan(growth::compound_growth(0, 5, 3)));
  EXPECT_TRUE(std::isnan(growth::compound_growth(-2, 5, 3)));
  EXPECT_TRUE(std::isnan(growth::compound_growth(nan, 5, 3)));
  EXPECT_NEAR(growth::compound_growth(100, 121, 2), 0.1, 1e-15);
  EXPECT_THROW(growth::compound_growth(1, 2, 0), UsageError);
  EXPECT_TRUE(std::isnan(growth::year_on_year(0, 5)));
  EXPECT_THROW(growth::shares({1, -1}), DataError);
  const auto s = growth::shares({1, nan, 3});
  EXPECT_DOUBLE_EQ(s[2], 0.75);
  EXPECT_TRUE(std::isnan(s[1]));
  const auto ranks = growth::competition_ranks({3, nan, 5, 3, 1});
  EXPECT_EQ(*ranks[0], 2);
  EXPECT_FALSE(ranks[1].has_value());
  EXPECT_EQ(*ranks[2], 1);
  EXPECT_EQ(*ranks[3], 2);
  EXPECT_EQ(*ranks[4], 4);
  const auto ascending = growth::competition_ranks({3, 5, 3, 1}, growth::RankOrder::Ascending);
  EXPECT_EQ(*ascending[0], 2);
  EXPECT_EQ(*ascending[1], 4);
  EXPECT_EQ(*ascending[3], 1);
}

}  // namespace
