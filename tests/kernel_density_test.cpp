// Gaussian kernel density: bandwidths and exact densities against R (bw.nrd0, bw.nrd, the sum
// of dnorm at density()'s grid; tests/reference/kde_reference.R -> kde_expected.csv) on the AI
// index and the provinces' GDP per region, and hand examples.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "algorithms/kernel_density.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs;

// The data sets of kde_reference.R, keyed "dataset group".
std::map<std::string, std::vector<double>> reference_data() {
  std::map<std::string, std::vector<double>> sets;
  for (auto& r : test::read_csv_records(test::shared_path("seed/china_ai_index_2011_2022.csv")))
    if (r["year"] == "2011" || r["year"] == "2022") sets["ai_index_" + r["year"] + " "].push_back(std::stod(r["ai_index"]));
  std::map<std::string, std::string> region;
  for (auto& r : test::read_csv_records(test::shared_path("seed/china_province_regions.csv"))) region[r["name_zh"]] = r["region3"];
  for (auto& r : test::read_csv_records(test::shared_path("china_province_economy_2002_2011.csv")))
    if (r["year"] == "2002" || r["year"] == "2011")
      sets["gdp_" + r["year"] + " " + region.at(r["name_zh"])].push_back(std::stod(r["gdp"]));
  sets["flat_iqr "] = {1, 1, 1, 1, 1, 1, 1, 5, 2};
  return sets;
}

TEST(KernelDensityReference, BandwidthsAndExactDensitiesMatchR) {
  if (!test::shared_data_present())
    GTEST_SKIP() << "no " << SHARED_DATA_DIR << " (a clone without ../shared)";
  const auto sets = reference_data();
  const auto rows = test::read_csv_records(test::reference_path("kde_expected.csv"));
  ASSERT_EQ(rows.size(), 1152u);
  std::map<std::string, kde::Curve> curves;
  std::size_t points_per_curve = 0;
  for (const auto& r : rows) points_per_curve = std::max(points_per_curve, std::stoul(r.at("k")) + 1);
  ASSERT_EQ(points_per_curve, 64u);
  for (auto r : rows) {
    const std::string key = r["dataset"] + " " + r["group"];
    const std::string what = key + " " + r["rule"];
    const auto& x = sets.at(key);
    if (!curves.count(what)) {
      double h = 0.5;
      if (r["rule"] == "silverman") h = kde::bandwidth(x, kde::BandwidthRule::Silverman);
      if (r["rule"] == "scott") h = kde::bandwidth(x, kde::BandwidthRule::Scott);
      const double expected_h = std::stod(r["bandwidth"]);
      EXPECT_NEAR(h, expected_h, 1e-12 * expected_h) << what;
      curves[what] = kde::gaussian_density(x, h, points_per_curve);
    }
    const auto& c = curves[what];
    const std::size_t k = std::stoul(r["k"]);
    const double ex = std::stod(r["x"]), ed = std::stod(r["density"]);
    EXPECT_NEAR(c.x[k], ex, 1e-12 * std::max(1.0, std::fabs(ex))) << what << " x[" << k << "]";
    EXPECT_NEAR(c.density[k], ed, 1e-10 * ed + 1e-300) << what << " density[" << k << "]";
  }
  EXPECT_EQ(curves.size(), 18u);
}

TEST(KernelDensity, QuantilesAreRType7) {
  const std::vector<double> s{1, 2, 3, 4, 10};
  EXPECT_DOUBLE_EQ(kde::quantile(s, 0.25), 2);
  EXPECT_DOUBLE_EQ(kde::quantile(s, 0.75), 4);
  EXPECT_DOUBLE_EQ(kde::quantile(s, 0.9), 4 + 0.6 * 6);
  EXPECT_DOUBLE_EQ(kde::quantile(s, 1), 10);
  EXPECT_DOUBLE_EQ(kde::quantile({7}, 0.5), 7);
}

TEST(KernelDensity, BandwidthFallbacksAsR) {
  // No spread at all: bw.nrd0 uses |x_1|, and 1 when that is 0; bw.nrd gives 0, which a
  // density refuses with a message asking for a bandwidth.
  EXPECT_DOUBLE_EQ(kde::silverman_bandwidth({3, 3, 3, 3}), 0.9 * 3 * std::pow(4.0, -0.2));
  EXPECT_DOUBLE_EQ(kde::silverman_bandwidth({0, 0}), 0.9 * std::pow(2.0, -0.2));
  EXPECT_EQ(kde::scott_bandwidth({3, 3, 3, 3}), 0);
  EXPECT_THROW(kde::gaussian_density({3, 3, 3, 3}, 0, 10), DataError);
  EXPECT_THROW(kde::silverman_bandwidth({1}), DataError);
}

TEST(KernelDensity, LocalMaxima) {
  EXPECT_EQ(kde::local_maxima({0, 1, 2, 1, 0}), (std::vector<std::size_t>{2}));
  EXPECT_EQ(kde::local_maxima({0, 2, 1, 3, 0}), (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(kde::local_maxima({0, 2, 2, 1}), (std::vector<std::size_t>{1}));  // a flat top, once
  EXPECT_EQ(kde::local_maxima({3, 2, 1}), (std::vector<std::size_t>{0}));     // an end point
  EXPECT_TRUE(kde::local_maxima({1, 1, 1}).empty());                          // no peak at all
  EXPECT_TRUE(kde::local_maxima({0, 1, 1, 2}).size() == 1);
  // Two well separated clusters give two peaks; one cluster one.
  EXPECT_EQ(kde::local_maxima(kde::gaussian_density({0, 0.1, 10, 10.2}, 0.5, 200).density).size(), 2u);
  EXPECT_EQ(kde::local_maxima(kde::gaussian_density({0, 0.1, 0.3}, 0.5, 200).density).size(), 1u);
}

TEST(KernelDensity, OnePointIsANormalDensity) {
  const auto c = kde::gaussian_density({2}, 0.5, 7);
  ASSERT_EQ(c.x.size(), 7u);
  EXPECT_DOUBLE_EQ(c.x.front(), 0.5);
  EXPECT_DOUBLE_EQ(c.x.back(), 3.5);
  EXPECT_NEAR(c.x[3], 2, 1e-15);
  EXPECT_NEAR(c.density[3], 1 / (0.5 * std::sqrt(2 * M_PI)), 1e-15);
  // The trapezoid integral over a fine grid is the kernels' mass inside [min - 3h, max + 3h].
  const std::vector<double> data{0, 1, 5};
  const double h = 0.7;
  const auto fine = kde::gaussian_density(data, h, 2001);
  double area = 0;
  for (std::size_t k = 1; k < fine.x.size(); ++k)
    area += (fine.x[k] - fine.x[k - 1]) * (fine.density[k] + fine.density[k - 1]) / 2;
  auto normal_cdf = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
  double inside = 0;
  for (double v : data) inside += normal_cdf((5 + 3 * h - v) / h) - normal_cdf((0 - 3 * h - v) / h);
  EXPECT_NEAR(area, inside / 3, 1e-6);
  EXPECT_THROW(kde::gaussian_density({1, 2}, 0.5, 1), UsageError);
}

}  // namespace
