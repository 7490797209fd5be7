// Absolute beta convergence: against R's lm() on the provinces' GDP 2002 -> 2011 and its
// sectors, and on the AI index 2011 -> 2022 (tests/reference/convergence_reference.R ->
// convergence_expected.csv), and hand examples.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/convergence.hpp"
#include "algorithms/errors.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs;

// field -> year -> values in file order.
std::map<std::string, std::map<std::string, std::vector<double>>> panel(const std::string& path,
                                                                        const std::vector<std::string>& fields) {
  std::map<std::string, std::map<std::string, std::vector<double>>> out;
  for (auto& r : test::read_csv_records(path))
    for (const auto& f : fields) out[f][r["year"]].push_back(std::stod(r[f]));
  return out;
}

void expect_rel(double actual, const std::string& expected, double rel, const std::string& what) {
  if (expected == "NA") {
    EXPECT_TRUE(std::isnan(actual)) << what << " = " << actual << ", expected NA";
    return;
  }
  const double e = std::stod(expected);
  EXPECT_NEAR(actual, e, rel * std::max(1.0, std::fabs(e))) << what;
}

TEST(ConvergenceReference, BetaMatchesRLm) {
  if (!test::shared_data_present()) GTEST_SKIP() << "no " << SHARED_DATA_DIR;
  auto econ = panel(test::shared_path("china_province_economy_2002_2011.csv"), {"gdp", "primary", "secondary", "tertiary"});
  auto ai = panel(test::shared_path("seed/china_ai_index_2011_2022.csv"), {"ai_index"});
  const auto rows = test::read_csv_records(test::reference_path("convergence_expected.csv"));
  ASSERT_EQ(rows.size(), 5u);
  for (auto r : rows) {
    const bool is_ai = r["dataset"] == "china_ai_index";
    const auto& series = is_ai ? ai.at(r["field"]) : econ.at(r["field"]);
    const auto& x0 = series.at(is_ai ? "2011" : "2002");
    const auto& xT = series.at(is_ai ? "2022" : "2011");
    const auto b = convergence::absolute_beta(x0, xT, std::stod(r["years"]));
    const std::string what = r["dataset"] + " " + r["field"];
    EXPECT_EQ(b.n, std::stoul(r["n"])) << what;
    expect_rel(b.alpha, r["alpha"], 1e-10, what + " alpha");
    expect_rel(b.se_alpha, r["se_alpha"], 1e-10, what + " se_alpha");
    expect_rel(b.beta, r["beta"], 1e-10, what + " beta");
    expect_rel(b.se_beta, r["se_beta"], 1e-10, what + " se_beta");
    expect_rel(b.t, r["t"], 1e-10, what + " t");
    // p from Boost's Student t against R's pt(): relative agreement.
    const double p = std::stod(r["p"]);
    EXPECT_NEAR(b.p, p, 1e-10 * p + 1e-15) << what << " p";
    expect_rel(b.r_squared, r["r_squared"], 1e-10, what + " r_squared");
    expect_rel(b.speed, r["speed"], 1e-10, what + " speed");
    expect_rel(b.half_life, r["half_life"], 1e-9, what + " half_life");
  }
}

TEST(Convergence, ExactLineAndTheImpliedSpeed) {
  // g = 0.1 - 0.02 ln x0 exactly: beta = -0.02, a perfect fit (se 0, p 0, R^2 1).
  const double T = 10;
  std::vector<double> x0{1, 2, 5, 10}, xT;
  for (double v : x0) xT.push_back(v * std::exp(T * (0.1 - 0.02 * std::log(v))));
  const auto b = convergence::absolute_beta(x0, xT, T);
  EXPECT_NEAR(b.beta, -0.02, 1e-14);
  EXPECT_NEAR(b.alpha, 0.1, 1e-14);
  EXPECT_NEAR(b.r_squared, 1, 1e-12);
  EXPECT_LT(b.p, 1e-10);
  // theta = -ln(1 - 0.2)/10; half-life ln 2 / theta.
  EXPECT_NEAR(b.speed, -std::log(0.8) / 10, 1e-13);
  EXPECT_NEAR(b.half_life, std::log(2.0) / (-std::log(0.8) / 10), 1e-9);
}

TEST(Convergence, DivergenceHasNoHalfLife) {
  // Richer units grow faster: beta > 0, the speed is negative and the half-life undefined.
  const auto b = convergence::absolute_beta({1, 2, 4, 8}, {1.1, 2.5, 5.5, 12}, 5);
  EXPECT_GT(b.beta, 0);
  EXPECT_LT(b.speed, 0);
  EXPECT_TRUE(std::isnan(b.half_life));
}

TEST(Convergence, BadInput) {
  EXPECT_THROW(convergence::absolute_beta({1, 2}, {2, 3}, 1), DataError);           // n < 3
  EXPECT_THROW(convergence::absolute_beta({1, 2, 3}, {2, 3}, 1), DataError);        // sizes
  EXPECT_THROW(convergence::absolute_beta({1, 0, 3}, {2, 3, 4}, 1), DataError);     // log of 0
  EXPECT_THROW(convergence::absolute_beta({2, 2, 2}, {2, 3, 4}, 1), DataError);     // no spread
  EXPECT_THROW(convergence::absolute_beta({1, 2, 3}, {2, 3, 4}, 0), UsageError);    // T = 0
}

}  // namespace
