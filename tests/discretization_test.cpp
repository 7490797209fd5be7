// Discretisation of numeric factors and the optimal-parameters search (OPGD) against the
// independent R definitions of tests/reference/geodetector_reference.R (R's quantile type 7,
// seq, classInt Jenks, GD's geometric and sd rules, findInterval classes), plus hand cases.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/discretization.hpp"
#include "algorithms/errors.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs::discretization;
using Row = std::map<std::string, std::string>;

std::vector<double> column(const std::vector<Row>& rows, const std::string& key) {
  std::vector<double> out;
  for (const auto& r : rows) out.push_back(std::stod(r.at(key)));
  return out;
}

// factor name in the reference -> the numeric column it discretises
const std::map<std::string, std::string> kSourceColumn{
    {"tertiary_q4", "tertiary_share"}, {"tertiary_sd4", "tertiary_share"},
    {"ai2011_eq4", "ai_2011"},         {"gdp2002_nat4", "gdp_2002"},
    {"gdp2002_geo4", "gdp_2002"}};

TEST(DiscretizationReference, BreaksAndClassesMatchR) {
  const auto input = rs::test::read_csv_records(rs::test::reference_path("geodetector_input.csv"));
  ASSERT_EQ(input.size(), 31u);
  std::map<std::string, std::vector<double>> expected_breaks;
  std::map<std::string, std::pair<std::string, int>> how;
  for (const auto& r : rs::test::read_csv_records(rs::test::reference_path("geodetector_breaks.csv"))) {
    expected_breaks[r.at("factor")].push_back(std::stod(r.at("value")));
    how[r.at("factor")] = {r.at("method"), std::stoi(r.at("k"))};
  }
  ASSERT_EQ(expected_breaks.size(), 5u);
  for (const auto& [factor, expected] : expected_breaks) {
    const std::vector<double> x = column(input, kSourceColumn.at(factor));
    const auto b = breaks(x, parse_method(how[factor].first), how[factor].second);
    ASSERT_EQ(b.size(), expected.size()) << factor;
    for (std::size_t i = 0; i < b.size(); ++i)
      EXPECT_NEAR(b[i], expected[i], 1e-10 * std::max(1.0, std::abs(expected[i]))) << factor << " " << i;
    const std::vector<int> cls = classify(x, b);
    for (std::size_t i = 0; i < input.size(); ++i)
      EXPECT_EQ(cls[i], std::stoi(input[i].at(factor))) << factor << " unit " << i;
  }
}

TEST(DiscretizationReference, OptimalParametersMatchR) {
  const auto input = rs::test::read_csv_records(rs::test::reference_path("geodetector_input.csv"));
  const std::vector<double> y = column(input, "growth");
  const auto rows = rs::test::read_csv_records(rs::test::reference_path("geodetector_opgd.csv"));
  ASSERT_EQ(rows.size(), 40u);
  for (const std::string x_name : {"tertiary_share", "gdp_2002"}) {
    const auto result = optimal_discretization(y, column(input, x_name), all_methods(), 3, 6);
    ASSERT_EQ(result.candidates.size(), 20u);
    double best_q = -1;
    for (const auto& r : rows) {
      if (r.at("x") != x_name) continue;
      const auto& c = *std::find_if(result.candidates.begin(), result.candidates.end(),
                                    [&](const Candidate& cand) {
                                      return method_name(cand.method) == r.at("method") &&
                                             cand.classes == std::stoi(r.at("k"));
                                    });
      const std::string what = x_name + " " + r.at("method") + " k=" + r.at("k");
      EXPECT_EQ(c.breaks.size(), static_cast<std::size_t>(std::stoi(r.at("breaks")))) << what;
      if (r.at("q") == "NA") {
        EXPECT_TRUE(c.rejected) << what;
      } else {
        ASSERT_FALSE(c.rejected) << what;
        EXPECT_NEAR(c.q, std::stod(r.at("q")), 1e-9) << what;
        best_q = std::max(best_q, std::stod(r.at("q")));
      }
    }
    EXPECT_NEAR(result.candidates[result.best].q, best_q, 1e-12) << x_name;
  }
}

TEST(DiscretizationHand, QuantileType7AndEqual) {
  // R: quantile(1:10, c(0, .25, .5, .75, 1)) = 1, 3.25, 5.5, 7.75, 10
  std::vector<double> x{7, 1, 2, 3, 4, 5, 6, 8, 9, 10, std::nan("")};
  const auto q = breaks(x, Method::Quantile, 4);
  ASSERT_EQ(q.size(), 5u);
  EXPECT_DOUBLE_EQ(q[1], 3.25);
  EXPECT_DOUBLE_EQ(q[2], 5.5);
  EXPECT_DOUBLE_EQ(q[3], 7.75);
  const auto e = breaks(x, Method::Equal, 3);
  EXPECT_EQ(e, (std::vector<double>{1, 4, 7, 10}));
  // right-closed classes, the first closed on the left too; NaN -> 0
  EXPECT_EQ(classify(x, e), (std::vector<int>{2, 1, 1, 1, 1, 2, 2, 3, 3, 3, 0}));
}

TEST(DiscretizationHand, UserCutsGeometricAndErrors) {
  EXPECT_EQ(classify_by_cuts({0, 10, 10.5, 20, 99}, {10, 20}), (std::vector<int>{1, 1, 2, 2, 3}));
  EXPECT_THROW(classify_by_cuts({1}, {20, 10}), rs::UsageError);
  // geometric with a zero minimum: 0 .. 15 in 2 classes -> shift by 1: 1, 4, 16 -> 0, 3, 15
  const auto g = breaks({0, 5, 15}, Method::Geometric, 2);
  EXPECT_NEAR(g[1], 3, 1e-12);
  EXPECT_NEAR(g[2], 15, 1e-12);
  EXPECT_THROW(breaks({-1, 5, 15}, Method::Geometric, 2), rs::DataError);
  EXPECT_THROW(breaks({3, 3, 3}, Method::Equal, 2), rs::DataError);
  EXPECT_THROW(breaks({1, 2, 3}, Method::Equal, 1), rs::UsageError);
  EXPECT_THROW(parse_method("jenks"), rs::UsageError);
}

TEST(DiscretizationHand, StdDevBreaksForSymmetricData) {
  // 1..9: mean 5, sample sd sqrt(7.5); k = 4 -> min, 5 - sd, 5, 5 + sd, max
  std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9};
  const double sd = std::sqrt(7.5);
  const auto b = breaks(x, Method::StdDev, 4);
  ASSERT_EQ(b.size(), 5u);
  EXPECT_DOUBLE_EQ(b[1], 5 - sd);
  EXPECT_DOUBLE_EQ(b[2], 5);
  EXPECT_DOUBLE_EQ(b[3], 5 + sd);
}

// Geometric intervals do not apply to negative values: those candidates are rejected, the
// search goes on with the other methods.
TEST(DiscretizationHand, OptimalSearchSkipsMethodsThatDoNotApply) {
  const std::vector<double> x{-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<double> y{1, 1.2, 0.9, 1.1, 3, 3.2, 2.9, 3.1, 6, 6.1, 5.9, 6.2};
  const auto r = optimal_discretization(y, x, {Method::Geometric, Method::Equal}, 2, 3);
  ASSERT_EQ(r.candidates.size(), 4u);
  EXPECT_TRUE(r.candidates[0].rejected);
  EXPECT_TRUE(r.candidates[1].rejected);
  EXPECT_EQ(r.best, 3u);  // equal intervals, 3 classes: -3..0.67, 0.67..4.33, 4.33..8
  EXPECT_EQ(r.candidates[3].method, Method::Equal);
  EXPECT_GT(r.candidates[3].q, r.candidates[2].q);
}

}  // namespace
