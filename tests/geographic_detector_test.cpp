// Geographic detector: factor, interaction, risk and ecological detectors against an
// independent base-R computation on the 31 mainland provinces
// (tests/reference/geodetector_reference.R), the non-central F tail against R's
// pf(ncp =), the interaction classifier against the seed tables of two papers, and hand cases
// (single-unit strata, q = 1, degenerate input).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/discretization.hpp"
#include "algorithms/errors.hpp"
#include "algorithms/geographic_detector.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs::geodetector;
namespace fs = std::filesystem;

using Row = std::map<std::string, std::string>;

double number(const Row& row, const std::string& key) {
  const std::string& v = row.at(key);
  if (v == "NA") return std::nan("");
  return std::stod(v);
}

// The reference data: Y columns and factors (labels turned into codes in byte order of the
// labels, which is the order R sorted them in for the risk pairs).
struct Dataset {
  std::map<std::string, std::vector<double>> y;
  std::map<std::string, std::vector<int>> codes;
  std::map<std::string, std::vector<std::string>> labels;  // code -> label
};

const Dataset& dataset() {
  static const Dataset d = [] {
    Dataset out;
    const auto rows = rs::test::read_csv_records(rs::test::reference_path("geodetector_input.csv"));
    for (const auto& key : {"growth", "ai_2019"})
      for (const auto& r : rows) out.y[key].push_back(std::stod(r.at(key)));
    for (const auto& key : {"region3", "region4", "north_south", "coastal", "tertiary_q4",
                            "tertiary_sd4", "ai2011_eq4", "gdp2002_nat4", "gdp2002_geo4"}) {
      std::set<std::string> distinct;
      for (const auto& r : rows) distinct.insert(r.at(key));
      std::vector<std::string> sorted(distinct.begin(), distinct.end());
      for (const auto& r : rows)
        out.codes[key].push_back(static_cast<int>(
            std::lower_bound(sorted.begin(), sorted.end(), r.at(key)) - sorted.begin()));
      out.labels[key] = sorted;
    }
    return out;
  }();
  return d;
}

void expect_relative(double actual, double expected, double rel, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what << ": expected NA, got " << actual;
    return;
  }
  EXPECT_NEAR(actual, expected, rel * std::max(1.0, std::abs(expected))) << what;
}

TEST(GeographicDetectorReference, FactorDetectorMatchesR) {
  const auto rows = rs::test::read_csv_records(rs::test::reference_path("geodetector_factor.csv"));
  ASSERT_EQ(rows.size(), 18u);
  for (const auto& r : rows) {
    const std::string what = r.at("y") + " ~ " + r.at("factor");
    const auto result = factor_detector(dataset().y.at(r.at("y")), dataset().codes.at(r.at("factor")));
    EXPECT_NEAR(result.q, number(r, "q"), 1e-9) << what;
    expect_relative(result.F, number(r, "F"), 1e-9, what + " F");
    expect_relative(result.lambda, number(r, "lambda"), 1e-9, what + " lambda");
    EXPECT_NEAR(result.p, number(r, "p"), 1e-9) << what;
    EXPECT_EQ(result.strata, static_cast<std::size_t>(number(r, "strata"))) << what;
    EXPECT_EQ(result.units, 31u);
  }
}

TEST(GeographicDetectorReference, InteractionDetectorMatchesR) {
  const auto rows = rs::test::read_csv_records(rs::test::reference_path("geodetector_interaction.csv"));
  ASSERT_EQ(rows.size(), 72u);
  std::set<std::string> types;
  for (const auto& r : rows) {
    const std::string what = r.at("y") + " ~ " + r.at("a") + " x " + r.at("b");
    const auto result = interaction_detector(dataset().y.at(r.at("y")), dataset().codes.at(r.at("a")),
                                             dataset().codes.at(r.at("b")));
    EXPECT_NEAR(result.q_a, number(r, "q_a"), 1e-9) << what;
    EXPECT_NEAR(result.q_b, number(r, "q_b"), 1e-9) << what;
    EXPECT_NEAR(result.q_ab, number(r, "q_ab"), 1e-9) << what;
    EXPECT_EQ(result.strata, static_cast<std::size_t>(number(r, "strata"))) << what;
    EXPECT_EQ(interaction_code(result.type), r.at("type")) << what;
    types.insert(r.at("type"));
  }
  // The real data exercise more than one branch of the classifier.
  EXPECT_GE(types.size(), 2u);
}

TEST(GeographicDetectorReference, RiskDetectorMatchesWelchTTest) {
  const auto rows = rs::test::read_csv_records(rs::test::reference_path("geodetector_risk.csv"));
  ASSERT_FALSE(rows.empty());
  std::map<std::string, RiskResult> cache;
  for (const auto& r : rows) {
    const std::string key = r.at("y") + "|" + r.at("factor");
    if (!cache.count(key))
      cache[key] = risk_detector(dataset().y.at(r.at("y")), dataset().codes.at(r.at("factor")));
    const auto& labels = dataset().labels.at(r.at("factor"));
    const RiskResult& risk = cache.at(key);
    const auto pair = std::find_if(risk.pairs.begin(), risk.pairs.end(), [&](const RiskPair& p) {
      return labels[static_cast<std::size_t>(p.a)] == r.at("a") &&
             labels[static_cast<std::size_t>(p.b)] == r.at("b");
    });
    const std::string what = key + " " + r.at("a") + " vs " + r.at("b");
    ASSERT_NE(pair, risk.pairs.end()) << what;
    expect_relative(pair->mean_a, number(r, "mean_a"), 1e-12, what + " mean_a");
    expect_relative(pair->mean_b, number(r, "mean_b"), 1e-12, what + " mean_b");
    expect_relative(pair->test.t, number(r, "t"), 1e-9, what + " t");
    expect_relative(pair->test.df, number(r, "df"), 1e-9, what + " df");
    expect_relative(pair->test.p, number(r, "p"), 1e-9, what + " p");
  }
  // every pair of strata of every factor is there
  std::size_t pairs = 0;
  for (const auto& [key, risk] : cache) pairs += risk.pairs.size();
  EXPECT_EQ(pairs, rows.size());
}

TEST(GeographicDetectorReference, EcologicalDetectorMatchesR) {
  const auto rows = rs::test::read_csv_records(rs::test::reference_path("geodetector_ecological.csv"));
  ASSERT_EQ(rows.size(), 72u);
  for (const auto& r : rows) {
    const std::string what = r.at("y") + " ~ " + r.at("a") + " / " + r.at("b");
    const auto e = ecological_detector(dataset().y.at(r.at("y")), dataset().codes.at(r.at("a")),
                                       dataset().codes.at(r.at("b")));
    expect_relative(e.F, number(r, "F"), 1e-9, what + " F");
    EXPECT_NEAR(e.p, number(r, "p"), 1e-9) << what;
    EXPECT_EQ(e.df1, 30);
    EXPECT_EQ(e.df2, 30);
  }
}

// Against the exact Poisson-mixture sum at 40 digits (mpmath,
// tests/reference/noncentral_f_reference.py) to 1e-10 relative; R's pf(ncp =) agrees with both
// only to about 1e-9 absolute (its pnbeta's target), so it is checked to 2e-9.
TEST(GeographicDetectorReference, NoncentralFTailMatchesExactSumAndRPf) {
  const auto rows = rs::test::read_csv_records(rs::test::reference_path("geodetector_pf_exact.csv"));
  ASSERT_EQ(rows.size(), 150u);
  for (const auto& r : rows) {
    const double p = noncentral_f_upper_tail(number(r, "f"), number(r, "df1"), number(r, "df2"),
                                             number(r, "ncp"));
    const std::string what = "f=" + r.at("f") + " df1=" + r.at("df1") + " df2=" + r.at("df2") +
                             " ncp=" + r.at("ncp");
    EXPECT_NEAR(p, number(r, "p_exact"), 1e-15 + 1e-10 * number(r, "p_exact")) << what;
    EXPECT_NEAR(p, number(r, "p_r"), 2e-9) << what;
  }
}

// The five types of the seed table (高升 表2): the code's names and the printed criteria.
TEST(GeographicDetectorSeed, InteractionTypesTable) {
  const std::string path = rs::test::shared_path("seed/geodetector_interaction_types.csv");
  if (!fs::exists(path)) GTEST_SKIP() << "seed folder absent: " << path;
  const auto rows = rs::test::read_csv_records(path);
  ASSERT_EQ(rows.size(), 5u);
  // One (q_a, q_b, q_ab) per printed criterion, satisfying it strictly.
  const std::map<std::string, std::vector<double>> example{
      {"nonlinear_weaken", {0.3, 0.4, 0.2}},    {"uni_nonlinear_weaken", {0.3, 0.4, 0.35}},
      {"bi_enhance", {0.3, 0.4, 0.5}},          {"independent", {0.3, 0.4, 0.7}},
      {"nonlinear_enhance", {0.3, 0.4, 0.75}}};
  for (const auto& r : rows) {
    const auto& q = example.at(r.at("type_en"));
    const InteractionType t = classify_interaction(q[0], q[1], q[2]);
    EXPECT_EQ(interaction_name_zh(t), r.at("type_zh")) << r.at("criterion_as_printed");
    // the seed's English label uni_nonlinear_weaken is the code uni_weaken
    const std::string code = r.at("type_en") == "uni_nonlinear_weaken" ? "uni_weaken" : r.at("type_en");
    EXPECT_EQ(interaction_code(t), code);
  }
}

// 赵玉 表7: the type of each published interaction follows from the printed q values.
TEST(GeographicDetectorSeed, PublishedInteractionTable) {
  const std::string path = rs::test::shared_path("seed/urbanization_quality_geodetector_interactions.csv");
  if (!fs::exists(path)) GTEST_SKIP() << "seed folder absent: " << path;
  const auto rows = rs::test::read_csv_records(path);
  ASSERT_EQ(rows.size(), 16u);
  for (const auto& r : rows) {
    const InteractionType t = classify_interaction(
        number(r, "q_a (from table 6)"), number(r, "q_b (from table 6)"), number(r, "q_interaction"));
    EXPECT_EQ(interaction_name_zh(t), r.at("interaction_type_derived"))
        << r.at("region") << " " << r.at("factor_a") << " x " << r.at("factor_b");
  }
}

// 高升 表5: the printed ranks are competition ranks of the printed q, per year.
TEST(GeographicDetectorSeed, PublishedFactorRanks) {
  const std::string path = rs::test::shared_path("seed/new_urbanization_geodetector_q.csv");
  if (!fs::exists(path)) GTEST_SKIP() << "seed folder absent: " << path;
  const auto rows = rs::test::read_csv_records(path);
  ASSERT_EQ(rows.size(), 57u);
  std::map<std::string, std::vector<const Row*>> by_year;
  for (const auto& r : rows) by_year[r.at("year")].push_back(&r);
  for (const auto& [year, year_rows] : by_year) {
    std::vector<double> q;
    for (const Row* r : year_rows) q.push_back(number(*r, "q"));
    const std::vector<int> ranks = q_ranks(q);
    for (std::size_t i = 0; i < year_rows.size(); ++i)
      EXPECT_EQ(ranks[i], std::stoi(year_rows[i]->at("rank_printed")))
          << year << " " << year_rows[i]->at("factor");
  }
}

TEST(GeographicDetectorHand, CompetitionRanks) {
  EXPECT_EQ(q_ranks({0.5, 0.9, 0.5, 0.1}), (std::vector<int>{2, 1, 2, 4}));
  EXPECT_EQ(q_ranks({}), std::vector<int>{});
}

TEST(GeographicDetectorHand, ClassifierTolerance) {
  // equal to the sum within the tolerance
  EXPECT_EQ(classify_interaction(0.2, 0.3, 0.5 + 5e-10), InteractionType::Independent);
  EXPECT_EQ(classify_interaction(0.2, 0.3, 0.5 + 5e-9), InteractionType::NonlinearEnhance);
  EXPECT_EQ(classify_interaction(0.2, 0.3, 0.5 - 5e-9), InteractionType::BiEnhance);
  EXPECT_EQ(classify_interaction(0.2, 0.3, 0.5, 0.01), InteractionType::Independent);
  // a tie with the larger q (a factor nested in the other) is uni-variable weakening
  EXPECT_EQ(classify_interaction(0.2, 0.3, 0.3 + 1e-12), InteractionType::UniWeaken);
  EXPECT_EQ(classify_interaction(0.2, 0.3, 0.2 - 1e-12), InteractionType::UniWeaken);
  EXPECT_EQ(classify_interaction(0.2, 0.3, 0.2 - 1e-6), InteractionType::NonlinearWeaken);
  EXPECT_STREQ(interaction_name_zh(InteractionType::UniWeaken), "单因子非线性减弱");
}

// y = 1, 2, 3 | 10 | 20, 22 with strata 0, 0, 0, 1, 2, 2: by hand,
// mean 9.666..., SST = 449.333..., SSW = 2 + 0 + 2 = 4, q = 1 - 4 / 449.333...
TEST(GeographicDetectorHand, SingleUnitStratum) {
  const std::vector<double> y{1, 2, 3, 10, 20, 22};
  const std::vector<int> s{0, 0, 0, 1, 2, 2};
  const auto r = factor_detector(y, s);
  const double sst = 1312.0 / 3.0;
  EXPECT_NEAR(r.q, 1 - 4 / sst, 1e-14);
  EXPECT_EQ(r.single_unit_strata, 1u);
  EXPECT_EQ(r.strata, 3u);
  // lambda: means 2, 10, 21 -> (4 + 100 + 441 - (sqrt(3) 2 + 10 + sqrt(2) 21)^2 / 6) / (sst / 5)
  const double root = std::sqrt(3.0) * 2 + 10 + std::sqrt(2.0) * 21;
  EXPECT_NEAR(r.lambda, (545 - root * root / 6) / (sst / 5), 1e-12);
  EXPECT_NEAR(r.F, 3.0 / 2.0 * (sst - 4) / 4, 1e-10);
  // risk: the single-unit stratum 1 has no t test; 0 vs 2 is Welch's t
  const auto risk = risk_detector(y, s);
  ASSERT_EQ(risk.pairs.size(), 3u);
  EXPECT_TRUE(std::isnan(risk.pairs[0].test.t));  // 0 vs 1
  EXPECT_TRUE(std::isnan(risk.pairs[2].test.p));  // 1 vs 2
  EXPECT_DOUBLE_EQ(risk.pairs[0].mean_b, 10);
  // 0 vs 2: se^2 = 1/3 + 2/2 = 4/3, t = -19 / sqrt(4/3), df = (4/3)^2 / ((1/3)^2/2 + 1^2/1)
  EXPECT_NEAR(risk.pairs[1].test.t, -19 / std::sqrt(4.0 / 3.0), 1e-12);
  EXPECT_NEAR(risk.pairs[1].test.df, (16.0 / 9.0) / (1.0 / 18.0 + 1.0), 1e-12);
}

TEST(GeographicDetectorHand, PerfectStratificationAndErrors) {
  const std::vector<double> y{1, 1, 5, 5};
  const auto r = factor_detector(y, {0, 0, 1, 1});
  EXPECT_DOUBLE_EQ(r.q, 1.0);
  EXPECT_TRUE(std::isinf(r.F));
  EXPECT_EQ(r.p, 0.0);
  EXPECT_THROW(factor_detector({2, 2, 2}, {0, 1, 1}), rs::DataError);   // no variance
  EXPECT_THROW(factor_detector({1, 2, 3}, {4, 4, 4}), rs::DataError);   // one stratum
  EXPECT_THROW(factor_detector({1, 2, 3}, {0, 1}), std::invalid_argument);
  // as many strata as units: no residual degrees of freedom, p undefined
  const auto saturated = factor_detector({1, 2, 3}, {0, 1, 2});
  EXPECT_DOUBLE_EQ(saturated.q, 1.0);
  EXPECT_TRUE(std::isnan(saturated.p));
}

TEST(GeographicDetectorHand, OverlayCodes) {
  EXPECT_EQ(overlay_strata({1, 1, 2, 2, 1}, {5, 3, 5, 5, 5}), (std::vector<int>{1, 0, 2, 2, 1}));
}

}  // namespace
