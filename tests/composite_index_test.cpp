// Entropy weights and TOPSIS: reference values from base R on China's provinces
// (tests/reference/composite_index_reference.R: one year, pooled 2002-2011, shifted, layered,
// equal-weight TOPSIS), the layered weights published by Zhao Yu et al. 2020 (seed table), and the
// error cases the method must refuse.
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/entropy_weights.hpp"
#include "algorithms/errors.hpp"
#include "algorithms/topsis.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs;
using test::read_table;

constexpr double kTol = 1e-10;

const std::vector<std::string> kIndicators = {"gdp", "primary", "secondary", "tertiary"};

// The provinces' indicators (optionally one year), "primary" negative as in the R script, with
// the key name|year of every observation.
struct Observations {
  std::vector<entropy::Indicator> indicators;
  std::vector<std::string> keys;
};

Observations provinces(int year) {
  const test::Table econ = test::shared_table("china_province_economy_2002_2011.csv");
  Observations o;
  for (const auto& name : kIndicators) o.indicators.push_back({name, {}, name == "primary"});
  for (std::size_t i = 0; i < econ.rows; ++i) {
    if (year != 0 && std::stoi(econ.text("year")[i]) != year) continue;
    o.keys.push_back(econ.text("name_zh")[i] + "|" + econ.text("year")[i]);
    for (auto& ind : o.indicators) ind.values.push_back(std::stod(econ.text(ind.name)[i]));
  }
  return o;
}

// The reference rows of one case: key -> column -> value.
std::map<std::string, std::map<std::string, double>> reference_scores(const std::string& which) {
  const test::Table t = read_table("composite_index_scores.csv");
  std::map<std::string, std::map<std::string, double>> out;
  for (std::size_t i = 0; i < t.rows; ++i) {
    if (t.text("case")[i] != which) continue;
    auto& row = out[t.text("name_zh")[i] + "|" + t.text("year")[i]];
    for (const char* col : {"score", "d_plus", "d_minus", "closeness", "rank"}) row[col] = t.numbers(col)[i];
  }
  return out;
}

// indicator -> {entropy, weight} of one case.
std::map<std::string, std::pair<double, double>> reference_weights(const std::string& which) {
  const test::Table t = read_table("composite_index_weights.csv");
  std::map<std::string, std::pair<double, double>> out;
  for (std::size_t i = 0; i < t.rows; ++i)
    if (t.text("case")[i] == which)
      out[t.text("indicator")[i]] = {t.numbers("entropy")[i], t.numbers("weight")[i]};
  return out;
}

void expect_weights(const entropy::Result& r, const std::string& which) {
  const auto expected = reference_weights(which);
  ASSERT_EQ(expected.size(), r.names.size()) << which;
  double sum = 0;
  for (std::size_t j = 0; j < r.names.size(); ++j) {
    ASSERT_TRUE(expected.count(r.names[j])) << which << " " << r.names[j];
    EXPECT_NEAR(r.entropy[j], expected.at(r.names[j]).first, kTol) << which << " e " << r.names[j];
    EXPECT_NEAR(r.weights[j], expected.at(r.names[j]).second, kTol) << which << " w " << r.names[j];
    sum += r.weights[j];
  }
  EXPECT_NEAR(sum, 1.0, 1e-14);
}

void expect_scores(const std::vector<double>& score, const Observations& o, const std::string& which) {
  const auto expected = reference_scores(which);
  ASSERT_EQ(expected.size(), o.keys.size()) << which;
  for (std::size_t i = 0; i < o.keys.size(); ++i)
    EXPECT_NEAR(score[i], expected.at(o.keys[i]).at("score"), kTol) << which << " " << o.keys[i];
}

void expect_topsis(const topsis::Result& r, const Observations& o, const std::string& which) {
  const auto expected = reference_scores(which);
  ASSERT_EQ(expected.size(), o.keys.size()) << which;
  for (std::size_t i = 0; i < o.keys.size(); ++i) {
    const auto& row = expected.at(o.keys[i]);
    EXPECT_NEAR(r.d_plus[i], row.at("d_plus"), kTol) << which << " " << o.keys[i];
    EXPECT_NEAR(r.d_minus[i], row.at("d_minus"), kTol) << which << " " << o.keys[i];
    EXPECT_NEAR(r.closeness[i], row.at("closeness"), kTol) << which << " " << o.keys[i];
    ASSERT_TRUE(r.rank[i].has_value());
    EXPECT_EQ(static_cast<double>(*r.rank[i]), row.at("rank")) << which << " " << o.keys[i];
  }
}

TEST(CompositeIndexTest, EntropyWeightsOfOneYearMatchR) {
  if (!test::shared_data_present()) GTEST_SKIP() << "shared data folder absent: " << SHARED_DATA_DIR;
  const Observations o = provinces(2011);
  ASSERT_EQ(o.keys.size(), 31u);
  const entropy::Result r = entropy::entropy_weights(o.indicators);
  EXPECT_EQ(r.used, 31u);
  EXPECT_EQ(r.excluded, 0u);
  expect_weights(r, "year2011");
  expect_scores(r.score, o, "year2011");
}

TEST(CompositeIndexTest, AffineShiftMatchesR) {
  if (!test::shared_data_present()) GTEST_SKIP() << "shared data folder absent: " << SHARED_DATA_DIR;
  const Observations o = provinces(2011);
  const entropy::Result r = entropy::entropy_weights(o.indicators, {entropy::ShiftForm::Affine, 0.01});
  expect_weights(r, "year2011_shift0.01");
  expect_scores(r.score, o, "year2011_shift0.01");
  // 0.99 x' + 0.01: the smallest scaled value of every indicator is 0.01, the largest 1.
  for (const auto& col : r.scaled) {
    EXPECT_NEAR(*std::min_element(col.begin(), col.end()), 0.01, 1e-15);
    EXPECT_NEAR(*std::max_element(col.begin(), col.end()), 1.0, 1e-15);
  }
}

TEST(CompositeIndexTest, PooledPanelWeightsMatchR) {
  if (!test::shared_data_present()) GTEST_SKIP() << "shared data folder absent: " << SHARED_DATA_DIR;
  const Observations o = provinces(0);
  ASSERT_EQ(o.keys.size(), 310u);
  const entropy::Result r = entropy::entropy_weights(o.indicators);
  expect_weights(r, "pooled");
  expect_scores(r.score, o, "pooled");
  expect_topsis(topsis::topsis(o.indicators, r.weights), o, "pooled");
}

TEST(CompositeIndexTest, TopsisWithEntropyAndEqualWeightsMatchesR) {
  if (!test::shared_data_present()) GTEST_SKIP() << "shared data folder absent: " << SHARED_DATA_DIR;
  const Observations o = provinces(2011);
  const entropy::Result ew = entropy::entropy_weights(o.indicators);
  expect_topsis(topsis::topsis(o.indicators, ew.weights), o, "year2011");
  // Weights are rescaled to sum 1: 1,1,1,1 and 0.25 each give the same closeness.
  expect_topsis(topsis::topsis(o.indicators, {1, 1, 1, 1}), o, "year2011_equal");
}

TEST(CompositeIndexTest, LayeredWeightsMatchR) {
  if (!test::shared_data_present()) GTEST_SKIP() << "shared data folder absent: " << SHARED_DATA_DIR;
  const Observations o = provinces(2011);
  const entropy::LayeredResult r =
      entropy::layered_entropy_weights(o.indicators, {{"scale", {0, 1}}, {"structure", {2, 3}}});
  ASSERT_EQ(r.within.size(), 2u);
  expect_weights(r.within[0], "layered_scale");
  expect_weights(r.within[1], "layered_structure");
  expect_weights(r.between, "layered_between");
  expect_scores(r.score, o, "layered_between");
  double combined = 0;
  for (std::size_t j = 0; j < 4; ++j) combined += r.combined[j];
  EXPECT_NEAR(combined, 1.0, 1e-14);
  EXPECT_NEAR(r.combined[0], r.between.weights[0] * r.within[0].weights[0], 1e-15);
}

// Zhao Yu et al. 2020, Table 1: four dimensions weighted between themselves and 26 indicators
// weighted within their dimension. The published weights sum to 1 at each level to their
// rounding (1.000, and 1.000/1.000/1.000/1.001 within), which is what layered weighting must
// give; our layered result satisfies the same identities exactly on a panel of that shape.
TEST(CompositeIndexTest, LayeredWeightsSumAsPublished) {
  const test::Table t = test::shared_table("seed/urbanization_quality_entropy_topsis_weights.csv");
  if (t.rows == 0) GTEST_SKIP() << "seed folder absent: " << SHARED_DATA_DIR;
  ASSERT_EQ(t.rows, 26u);
  std::map<std::string, double> within, dimension;
  std::map<std::string, int> count;
  for (std::size_t i = 0; i < t.rows; ++i) {
    within[t.text("dimension")[i]] += t.numbers("weight_within_dimension")[i];
    dimension[t.text("dimension")[i]] = t.numbers("dimension_weight")[i];
    ++count[t.text("dimension")[i]];
  }
  ASSERT_EQ(dimension.size(), 4u);
  double between = 0;
  for (auto& [name, w] : dimension) between += w;
  EXPECT_NEAR(between, 1.0, 4 * 0.0005 + 1e-12);
  for (auto& [name, sum] : within) EXPECT_NEAR(sum, 1.0, count[name] * 0.0005 + 1e-12) << name;

  // The same layout (7/6/7/6 indicators, 10 negative as printed) on synthetic values.
  std::vector<entropy::Indicator> indicators;
  std::vector<entropy::Dimension> dims;
  std::map<std::string, std::size_t> dim_index;
  for (std::size_t i = 0; i < t.rows; ++i) {
    const std::string d = t.text("dimension")[i];
    if (!dim_index.count(d)) {
      dim_index[d] = dims.size();
      dims.push_back({d, {}});
    }
    dims[dim_index[d]].indicators.push_back(indicators.size());
    entropy::Indicator ind{t.text("indicator")[i], {}, t.text("direction")[i] == "负向"};
    for (int u = 0; u < 31; ++u) ind.values.push_back(std::fmod((u + 1.0) * (i + 3.0) * 0.6180339887, 7.0) + u * 0.01);
    indicators.push_back(ind);
  }
  const entropy::LayeredResult r = entropy::layered_entropy_weights(indicators, dims);
  double total = 0, between_sum = 0;
  for (double w : r.combined) total += w;
  for (double w : r.between.weights) between_sum += w;
  EXPECT_NEAR(total, 1.0, 1e-14);
  EXPECT_NEAR(between_sum, 1.0, 1e-14);
  for (const auto& w : r.within) {
    double s = 0;
    for (double x : w.weights) s += x;
    EXPECT_NEAR(s, 1.0, 1e-14);
  }
}

TEST(CompositeIndexTest, ConstantIndicatorIsADataErrorNamingIt) {
  std::vector<entropy::Indicator> ind = {{"gdp", {1, 2, 3}, false}, {"area_km2", {5, 5, 5}, false}};
  try {
    entropy::entropy_weights(ind);
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("area_km2"), std::string::npos) << e.what();
  }
}

TEST(CompositeIndexTest, MissingValuesAreExcludedListwise) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<entropy::Indicator> with_gap = {{"a", {1, 2, nan, 4, 8}, false}, {"b", {3, 1, 2, 2, 9}, true}};
  std::vector<entropy::Indicator> without = {{"a", {1, 2, 4, 8}, false}, {"b", {3, 1, 2, 9}, true}};
  const entropy::Result r = entropy::entropy_weights(with_gap);
  const entropy::Result ref = entropy::entropy_weights(without);
  EXPECT_EQ(r.excluded, 1u);
  EXPECT_EQ(r.used, 4u);
  EXPECT_TRUE(std::isnan(r.score[2]));
  EXPECT_DOUBLE_EQ(r.weights[0], ref.weights[0]);
  EXPECT_DOUBLE_EQ(r.score[4], ref.score[3]);
  const topsis::Result t = topsis::topsis(with_gap, r.weights);
  EXPECT_EQ(t.excluded, 1u);
  EXPECT_TRUE(std::isnan(t.closeness[2]));
  EXPECT_FALSE(t.rank[2].has_value());
}

// A hand example: two indicators on three units, worked out on paper.
//   a = 0, 1, 2 (positive) -> x' = 0, 0.5, 1;  p = 0, 1/3, 2/3
//   e_a = -(1/3 ln 1/3 + 2/3 ln 2/3) / ln 3 (the unit at 0 adds 0 ln 0 = 0); b is a reversed.
TEST(CompositeIndexTest, HandExampleWithZeroLogZero) {
  const entropy::Result r = entropy::entropy_weights({{"a", {0, 1, 2}, false}, {"b", {2, 1, 0}, true}});
  const double e = -(std::log(1.0 / 3) / 3 + 2 * std::log(2.0 / 3) / 3) / std::log(3.0);
  EXPECT_NEAR(r.entropy[0], e, 1e-15);
  EXPECT_NEAR(r.entropy[1], e, 1e-15);  // b reversed is the same column as a
  EXPECT_NEAR(r.weights[0], 0.5, 1e-15);
  EXPECT_NEAR(r.score[2], 1.0, 1e-15);
  EXPECT_NEAR(r.score[0], 0.0, 1e-15);
}

TEST(CompositeIndexTest, TopsisTiesShareTheBestRank) {
  // Units 1 and 2 are identical: the same closeness, both rank 2, and the next unit ranks 4.
  const topsis::Result r = topsis::topsis({{"a", {4, 2, 2, 1}, false}, {"b", {1, 3, 3, 2}, true}}, {0.5, 0.5});
  EXPECT_EQ(r.closeness[1], r.closeness[2]);
  ASSERT_TRUE(r.rank[0] && r.rank[1] && r.rank[2] && r.rank[3]);
  EXPECT_EQ(*r.rank[0], 1);
  EXPECT_EQ(*r.rank[1], 2);
  EXPECT_EQ(*r.rank[2], 2);
  EXPECT_EQ(*r.rank[3], 4);
}

TEST(CompositeIndexTest, UsageErrors) {
  EXPECT_THROW(entropy::entropy_weights({}), UsageError);
  EXPECT_THROW(entropy::entropy_weights({{"a", {1, 2}, false}, {"b", {1, 2, 3}, false}}), UsageError);
  EXPECT_THROW(entropy::entropy_weights({{"a", {1, 2}, false}}, {entropy::ShiftForm::Additive, 0}), UsageError);
  EXPECT_THROW(entropy::parse_shift_form("log"), UsageError);
  EXPECT_THROW(entropy::layered_entropy_weights({{"a", {1, 2}, false}, {"b", {2, 1}, false}}, {{"d", {0}}}),
               UsageError);  // b in no dimension
  EXPECT_THROW(topsis::topsis({{"a", {1, 2}, false}}, {0.5, 0.5}), UsageError);
  EXPECT_THROW(topsis::topsis({{"a", {0, 0}, false}}, {1}), DataError);
}

}  // namespace
