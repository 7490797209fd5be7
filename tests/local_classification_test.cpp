// LISA clusters (GeoDa codes), Gi_Bin, the five hot/cold classes and Jenks natural breaks.
#include "algorithms/local_classification.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "algorithms/errors.hpp"
#include "algorithms/random.hpp"
#include "local_reference_data.hpp"

namespace rs {
namespace {

const double nan = std::nan("");

TEST(ClassifyLisa, QuadrantsClustersAndCodes) {
  //                    HH    LL    LH    HL   0,0   HH ns  p=alpha  NaN p  island  NaN z
  const std::vector<double> z = {1.2, -0.5, -2.0, 0.3, 0.0, 2.0, -1.0, 1.0, 0.7, nan};
  const std::vector<double> lag = {0.4, -0.1, 0.8, -0.6, 0.0, 0.1, -0.2, 1.0, 0.7, 0.2};
  const std::vector<double> p = {0.001, 0.02, 0.04, 0.01, 0.03, 0.2, 0.05, nan, nan, 0.01};
  const std::vector<int> k = {4, 5, 3, 6, 2, 4, 4, 4, 0, 3};
  const auto c = classify_lisa(z, lag, p, k, 0.05);
  EXPECT_EQ(c.quadrant, (std::vector<int>{1, 2, 3, 4, 1, 1, 2, 1, 0, 0}));
  EXPECT_EQ(c.cluster_code, (std::vector<int>{1, 2, 3, 4, 1, 0, 2, 5, 6, 5}));
  EXPECT_EQ(c.co_type, (std::vector<std::string>{"HH", "LL", "LH", "HL", "HH", "", "LL", "", "", ""}));
  // a stricter level keeps only p <= 0.01
  const auto strict = classify_lisa(z, lag, p, k, 0.01);
  EXPECT_EQ(strict.cluster_code, (std::vector<int>{1, 0, 0, 4, 0, 0, 0, 5, 6, 5}));
}

// GeoDa's local Geary rule on constructed units. Significant c_i above its permutation mean
// is negative (4) in every quadrant; at or below it, HH and LL keep their quadrant and the
// outlier quadrants (or an axis) become other positive (3).
TEST(ClassifyLocalGeary, GeoDaRuleOnConstructedUnits) {
  //                                 HH    LL    LH    HL   HH>m  LL>m  LH>m  axis  ns   p=a  NaN p island
  const std::vector<double> z =    {1.2, -0.5, -2.0, 0.3, 1.0, -1.0, -1.0, 0.0, 1.0, 1.0, 1.0, 0.5};
  const std::vector<double> lag =  {0.4, -0.1, 0.8, -0.6, 0.5, -0.5, 0.5, 0.3, 0.5, 0.5, 0.5, 0.5};
  const std::vector<double> c =    {0.2, 0.3, 0.9, 1.0, 3.0, 2.5, 4.0, 1.0, 0.1, 0.2, 0.2, 0.2};
  const std::vector<double> mean = {2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 2.0, 2.0, 2.0, 2.0};
  const std::vector<double> p =   {0.001, 0.02, 0.04, 0.01, 0.01, 0.03, 0.002, 0.01, 0.2, 0.05, nan, nan};
  const std::vector<int> k =       {4, 5, 3, 6, 2, 4, 4, 4, 3, 3, 3, 0};
  EXPECT_EQ(classify_local_geary(z, lag, c, mean, p, k, 0.05),
            (std::vector<int>{1, 2, 3, 3, 4, 4, 4, 3, 0, 1, 5, 6}));
  EXPECT_EQ(classify_local_geary(z, lag, c, mean, p, k, 0.01),
            (std::vector<int>{1, 0, 0, 3, 4, 0, 4, 3, 0, 0, 5, 6}));
  EXPECT_THROW(classify_local_geary(z, lag, c, mean, p, {1}, 0.05), std::invalid_argument);
}

// The rule on real data: C_i, the mean of its simulated values and the pseudo p from spdep
// localC_perm (999 draws) on Columbus, SIDS, Boston and the China provinces, with the codes
// tests/reference/local_reference.R derives from them by GeoDa's rule.
TEST(ClassifyLocalGeary, GeoDaRuleOnSpdepPermutations) {
  const auto t = test::read_table("local_geary_clusters.csv");
  const auto& set = t.text("set");
  const auto z = t.numbers("z"), lag = t.numbers("lag"), c = t.numbers("ci"), mean = t.numbers("mean_ci"),
             p = t.numbers("p"), k = t.numbers("neighbours"), code05 = t.numbers("cluster_05"),
             code01 = t.numbers("cluster_01");
  std::vector<int> neighbours, expected05, expected01;
  for (std::size_t i = 0; i < t.rows; ++i) {
    neighbours.push_back(static_cast<int>(k[i]));
    expected05.push_back(static_cast<int>(code05[i]));
    expected01.push_back(static_cast<int>(code01[i]));
  }
  const auto ours05 = classify_local_geary(z, lag, c, mean, p, neighbours, 0.05);
  const auto ours01 = classify_local_geary(z, lag, c, mean, p, neighbours, 0.01);
  std::size_t negative = 0, other_positive = 0;
  for (std::size_t i = 0; i < t.rows; ++i) {
    EXPECT_EQ(ours05[i], expected05[i]) << set[i] << " row " << i;
    EXPECT_EQ(ours01[i], expected01[i]) << set[i] << " row " << i;
    negative += ours05[i] == 4;
    other_positive += ours05[i] == 3;
  }
  // The reference exercises every branch of the rule.
  EXPECT_GT(negative, 0u);
  EXPECT_GT(other_positive, 0u);
  EXPECT_GE(t.rows, 686u);
}

TEST(GiBins, ConfidenceLevelsSignedByZ) {
  const std::vector<double> z = {3.0, 2.1, 1.7, 1.0, -3.0, -2.1, -1.7, 2.6, nan, 0.0, 1.9};
  const std::vector<double> p = {0.002, 0.03, 0.08, 0.3, 0.002, 0.03, 0.08, 0.01, nan, 0.001, 0.10};
  // p = 0.01 is not < 0.01 (bin 2), p = 0.10 is not < 0.10 (bin 0), as ArcGIS
  EXPECT_EQ(gi_bins(z, p), (std::vector<int>{3, 2, 1, 0, -3, -2, -1, 2, 0, 0, 0}));
}

TEST(HotColdClasses, FromBins) {
  EXPECT_EQ(hot_cold_classes_from_bins({3, 2, 1, 0, -1, -2, -3}),
            (std::vector<int>{2, 2, 1, 0, -1, -2, -2}));
  EXPECT_STREQ(hot_cold_label_en(2), "Hot spot");
  EXPECT_STREQ(hot_cold_label_en(1), "Sub-hot spot");
  EXPECT_STREQ(hot_cold_label_en(0), "Transition");
  EXPECT_STREQ(hot_cold_label_en(-1), "Sub-cold spot");
  EXPECT_STREQ(hot_cold_label_en(-2), "Cold spot");
  EXPECT_STREQ(hot_cold_label_zh(2), "热点区");
  EXPECT_STREQ(hot_cold_label_zh(1), "次热点区");
  EXPECT_STREQ(hot_cold_label_zh(0), "过渡区");
  EXPECT_STREQ(hot_cold_label_zh(-1), "次冷点区");
  EXPECT_STREQ(hot_cold_label_zh(-2), "冷点区");
  EXPECT_STREQ(hot_cold_label_zh(kHotColdUndefined), "");
}

// Hand example: three well separated groups; the optimum puts each group in its class.
TEST(NaturalBreaks, HandExample) {
  EXPECT_EQ(natural_breaks({22, 1, 11, 2, 20, 3, 10, 12, 21}, 3), (std::vector<double>{3, 12, 22}));
  // Fisher's classic small case: 1 2 4 5 7 9 10 20 in 2 classes: {1..10} and {20}
  EXPECT_EQ(natural_breaks({1, 2, 4, 5, 7, 9, 10, 20}, 2), (std::vector<double>{10, 20}));
  // NaN ignored; fewer distinct values than classes: one class each
  EXPECT_EQ(natural_breaks({nan, 1, 1, 2}, 5), (std::vector<double>{1, 2}));
}

std::vector<double> parse_breaks(const std::string& text) {
  std::istringstream s(text);
  std::vector<double> out;
  double v;
  while (s >> v) out.push_back(v);
  return out;
}

TEST(NaturalBreaks, MatchesClassIntJenks) {
  const auto t = test::read_table("local_jenks.csv");
  const auto sids = test::read_table("local_sids.csv");
  const auto boston = test::read_table("local_boston.csv");
  const auto columbus = test::read_table("local_columbus.csv");
  const auto classes = t.numbers("classes");
  for (std::size_t r = 0; r < t.rows; ++r) {
    const std::string data = t.text("data")[r];
    SCOPED_TRACE(data);
    std::vector<double> values;
    if (data == "columbus_CRIME") values = columbus.numbers("x");
    else if (data == "sids_gstar_B") values = sids.numbers("Gistar_B");
    else if (data == "boston_CMEDV") values = boston.numbers("x");
    else FAIL() << "unknown data " << data;
    auto expected = parse_breaks(t.text("breaks")[r]);
    expected.erase(expected.begin());  // classInt starts with the minimum
    const auto ours = natural_breaks(values, static_cast<int>(classes[r]));
    ASSERT_EQ(ours.size(), expected.size());
    for (std::size_t c = 0; c < ours.size(); ++c) EXPECT_DOUBLE_EQ(ours[c], expected[c]) << c;
  }
}

double within_ss(const std::vector<double>& sorted, const std::vector<std::size_t>& ends) {
  double total = 0;
  std::size_t begin = 0;
  for (std::size_t end : ends) {
    double m = 0;
    for (std::size_t i = begin; i <= end; ++i) m += sorted[i];
    m /= static_cast<double>(end - begin + 1);
    for (std::size_t i = begin; i <= end; ++i) total += (sorted[i] - m) * (sorted[i] - m);
    begin = end + 1;
  }
  return total;
}

// Exhaustive check on small random samples: no partition into 4 classes beats ours.
TEST(NaturalBreaks, OptimalAgainstExhaustiveSearch) {
  CounterRng rng(99, 0);
  for (int rep = 0; rep < 30; ++rep) {
    std::vector<double> v(13);
    for (double& a : v) a = std::floor(rng.uniform() * 1000) / 10 + (rep % 3 == 0 ? a * a : 0);
    std::sort(v.begin(), v.end());
    const auto upper = natural_breaks(v, 4);
    ASSERT_EQ(upper.size(), 4u);
    std::vector<std::size_t> ends;
    for (double u : upper) ends.push_back(static_cast<std::size_t>(std::upper_bound(v.begin(), v.end(), u) - v.begin()) - 1);
    const double ours = within_ss(v, ends);
    double best = INFINITY;
    const std::size_t n = v.size();
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b)
        for (std::size_t c = b + 1; c + 1 < n; ++c) best = std::min(best, within_ss(v, {a, b, c, n - 1}));
    EXPECT_NEAR(ours, best, 1e-9 * (1 + best)) << rep;
  }
}

TEST(HotColdClasses, FromNaturalBreaks) {
  const std::vector<double> z = {-3.1, -2.9, -1.2, -1.0, 0.1, 0.0, nan, 1.4, 1.5, 3.2, 3.0};
  const auto c = hot_cold_classes_natural_breaks(z);
  EXPECT_EQ(c, (std::vector<int>{-2, -2, -1, -1, 0, 0, kHotColdUndefined, 1, 1, 2, 2}));
  EXPECT_THROW(hot_cold_classes_natural_breaks({1, 2, 3, 1, 2, 3}), DataError);
}

}  // namespace
}  // namespace rs
