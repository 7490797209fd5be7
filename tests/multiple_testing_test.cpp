// p-value adjustments against R's p.adjust (tests/reference/local_reference.R).
#include "algorithms/multiple_testing.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "algorithms/errors.hpp"
#include "local_reference_data.hpp"

namespace rs {
namespace {

TEST(MultipleTesting, MatchesRPAdjust) {
  const auto t = test::read_table("local_padjust.csv");
  const auto family = t.text("family");
  const auto p = t.numbers("p"), bh = t.numbers("bh"), bonferroni = t.numbers("bonferroni");
  for (const std::string name : {"constructed", "columbus_lisa"}) {
    SCOPED_TRACE(name);
    std::vector<double> pf, bhf, bf;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (family[i] == name) {
        pf.push_back(p[i]);
        bhf.push_back(bh[i]);
        bf.push_back(bonferroni[i]);
      }
    ASSERT_GT(pf.size(), 10u);
    const auto ours_bh = adjust_p_values(pf, PAdjustment::FalseDiscoveryRate);
    const auto ours_bf = adjust_p_values(pf, PAdjustment::Bonferroni);
    const auto none = adjust_p_values(pf, PAdjustment::None);
    for (std::size_t i = 0; i < pf.size(); ++i) {
      EXPECT_TRUE(test::close(ours_bh[i], bhf[i], 1e-12)) << i << ": " << ours_bh[i] << " vs " << bhf[i];
      EXPECT_TRUE(test::close(ours_bf[i], bf[i], 1e-12)) << i << ": " << ours_bf[i] << " vs " << bf[i];
      EXPECT_TRUE(test::close(none[i], pf[i], 0)) << i;
    }
  }
}

// Hand example: m = 4 tested (the NaN is not); BH p(k) = min over j >= k of 4/j p(j):
// sorted 0.001, 0.025, 0.03, 0.5 give 0.004, min(0.05, 0.04) = 0.04, 0.04, 0.5.
TEST(MultipleTesting, HandExample) {
  const double nan = std::nan("");
  const auto bh = adjust_p_values({0.5, nan, 0.001, 0.03, 0.025}, PAdjustment::FalseDiscoveryRate);
  EXPECT_NEAR(bh[0], 0.5, 1e-15);
  EXPECT_TRUE(std::isnan(bh[1]));
  EXPECT_NEAR(bh[2], 0.004, 1e-15);
  EXPECT_NEAR(bh[3], 0.04, 1e-15);
  EXPECT_NEAR(bh[4], 0.04, 1e-15);  // the step-up minimum, not 4/2 * 0.025
  const auto bf = adjust_p_values({0.3, nan, 0.01}, PAdjustment::Bonferroni);
  EXPECT_DOUBLE_EQ(bf[0], 0.6);
  EXPECT_TRUE(std::isnan(bf[1]));
  EXPECT_DOUBLE_EQ(bf[2], 0.02);
  EXPECT_TRUE(adjust_p_values({}, PAdjustment::FalseDiscoveryRate).empty());
}

TEST(MultipleTesting, ParsesNames) {
  EXPECT_EQ(parse_p_adjustment("none"), PAdjustment::None);
  EXPECT_EQ(parse_p_adjustment("fdr"), PAdjustment::FalseDiscoveryRate);
  EXPECT_EQ(parse_p_adjustment("bonferroni"), PAdjustment::Bonferroni);
  EXPECT_THROW(parse_p_adjustment("holm"), UsageError);
}

}  // namespace
}  // namespace rs
