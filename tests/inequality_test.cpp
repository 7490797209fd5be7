// Theil, TheilD, Gini, CV and sd of logs: against an independent numpy implementation of PySAL
// inequality's definitions on the provinces' GDP 2002-2011 (tests/reference/
// inequality_reference.py -> inequality_expected.csv, which agrees with PySAL 2.x itself to
// 4e-16), against the published sample SDs of the AI index, and hand examples.
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "algorithms/inequality.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs;

// One year of the provinces' economy with each province's groups.
struct ProvinceYear {
  std::vector<double> gdp, secondary;
  std::map<std::string, std::vector<std::string>> groups;  // grouping -> label per province
};

std::map<int, ProvinceYear> province_panel() {
  std::map<std::string, std::map<std::string, std::string>> regions;
  for (auto& r : test::read_csv_records(test::shared_path("seed/china_province_regions.csv"))) regions[r["name_zh"]] = r;
  std::map<int, ProvinceYear> panel;
  for (auto& r : test::read_csv_records(test::shared_path("china_province_economy_2002_2011.csv"))) {
    ProvinceYear& y = panel[std::stoi(r["year"])];
    y.gdp.push_back(std::stod(r["gdp"]));
    y.secondary.push_back(std::stod(r["secondary"]));
    for (const char* g : {"region3", "region4"}) y.groups[g].push_back(regions.at(r["name_zh"]).at(g));
  }
  return panel;
}

void expect_rel(double actual, double expected, double rel, const std::string& what) {
  EXPECT_NEAR(actual, expected, rel * std::max(1.0, std::fabs(expected))) << what;
}

TEST(InequalityReference, TheilGiniCvOnProvinceGdpMatchPysalDefinitions) {
  if (!test::shared_data_present()) GTEST_SKIP() << "no " << SHARED_DATA_DIR << " (a clone without ../shared)";
  const auto panel = province_panel();
  ASSERT_EQ(panel.size(), 10u);
  const auto rows = test::read_csv_records(test::reference_path("inequality_expected.csv"));
  ASSERT_EQ(rows.size(), 730u);
  std::set<std::string> seen;
  for (auto r : rows) {
    const int year = std::stoi(r["year"]);
    const ProvinceYear& py = panel.at(year);
    const std::string stat = r["statistic"], grouping = r["grouping"], group = r["group"];
    const double expected = std::stod(r["value"]);
    const std::string what = r["year"] + " " + grouping + " " + stat + " " + group;
    seen.insert(stat);
    double actual = NAN;
    if (stat.rfind("theil_", 0) == 0 || stat.rfind("wtheil_", 0) == 0) {
      const bool weighted = stat[0] == 'w';
      const auto d = weighted ? inequality::theil_decomposition(py.secondary, py.groups.at(grouping), py.gdp)
                              : inequality::theil_decomposition(py.gdp, py.groups.at(grouping));
      const std::string key = stat.substr(stat.find('_') + 1);
      if (key == "T") {
        actual = d.T;
        EXPECT_NEAR(weighted ? inequality::theil(py.secondary, py.gdp) : inequality::theil(py.gdp), expected,
                    1e-12) << what;
      } else if (key == "between") {
        actual = d.between;
      } else if (key == "within") {
        actual = d.within;
      } else {
        for (const auto& g : d.groups) {
          if (g.name != group) continue;
          if (key == "group_T") actual = g.T;
          if (key == "group_share") actual = g.share;
          if (key == "group_weight_share") actual = g.weight_share;
          if (key == "group_contribution") actual = g.contribution;
        }
      }
    } else if (stat == "gini") {
      actual = inequality::gini(py.gdp);
    } else if (stat == "cv_sample") {
      actual = inequality::coefficient_of_variation(py.gdp);
    } else if (stat == "cv_population") {
      actual = inequality::coefficient_of_variation(py.gdp, inequality::Deviation::Population);
    } else if (stat == "sd_log_sample") {
      actual = inequality::sd_of_logs(py.gdp);
    } else if (stat == "sd_log_population") {
      actual = inequality::sd_of_logs(py.gdp, inequality::Deviation::Population);
    }
    ASSERT_FALSE(std::isnan(actual)) << "statistic not produced: " << what;
    expect_rel(actual, expected, 1e-10, what);
  }
  EXPECT_EQ(seen.size(), 19u);  // every statistic of the script was compared
}

TEST(InequalityReference, SampleSdReproducesThePublishedAiIndexTable) {
  // seed/ai_index_national_stats.csv: the mean and SD printed under the AI index table, to 2 dp;
  // the seed README establishes that they are sample (n - 1) SDs.
  const std::string data = test::shared_path("seed/");
  if (!test::shared_exists("seed/ai_index_national_stats.csv")) GTEST_SKIP() << "no " << data;
  std::map<std::string, std::vector<double>> by_year;
  for (auto& r : test::read_csv_records(data + "china_ai_index_2011_2022.csv")) by_year[r["year"]].push_back(std::stod(r["ai_index"]));
  const auto published = test::read_csv_records(data + "ai_index_national_stats.csv");
  ASSERT_EQ(published.size(), 4u);
  for (auto r : published) {
    const auto& y = by_year.at(r["year"]);
    ASSERT_EQ(y.size(), 31u);
    const double sd = inequality::standard_deviation(y, inequality::Deviation::Sample);
    EXPECT_NEAR(sd, std::stod(r["std_dev"]), 0.005 + 1e-12) << r["year"];
    const double mean = sd / inequality::coefficient_of_variation(y);
    EXPECT_NEAR(mean, std::stod(r["national_mean"]), 0.005 + 1e-12) << r["year"];
    // The population SD differs by sqrt(30/31) and does not reproduce 2022's 13.68.
    if (r["year"] == "2022") {
      EXPECT_GT(std::fabs(inequality::standard_deviation(y, inequality::Deviation::Population) - 13.68), 0.1);
    }
  }
}

TEST(Inequality, HandExamples) {
  // Equal values: no inequality.
  EXPECT_NEAR(inequality::theil({2, 2, 2, 2}), 0, 1e-15);
  EXPECT_NEAR(inequality::gini({2, 2, 2, 2}), 0, 1e-15);
  // One unit holds everything: T = ln n, G = (n - 1) / n; a zero contributes 0 to T.
  EXPECT_NEAR(inequality::theil({0, 0, 0, 7}), std::log(4.0), 1e-15);
  EXPECT_NEAR(inequality::gini({0, 0, 0, 7}), 0.75, 1e-15);
  // 0, 1, 2, 3, 5: sum over unordered pairs of |y_i - y_j| = 24, n = 5, mean 2.2:
  // G = 2 * 24 / (2 * 25 * 2.2) = 48 / 110.
  EXPECT_NEAR(inequality::gini({1, 2, 3, 0, 5}), 48.0 / 110.0, 1e-15);
  // Shares 1/4, 3/4 of two units: T = 1/4 ln(1/2) + 3/4 ln(3/2).
  EXPECT_NEAR(inequality::theil({1, 3}), 0.25 * std::log(0.5) + 0.75 * std::log(1.5), 1e-15);
  // Weighted: y shares 1/4, 3/4 against population shares 1/2, 1/2 is the equal-weighted case;
  // against population shares 1/4, 3/4 (output proportional to population) T is 0.
  EXPECT_NEAR(inequality::theil({1, 3}, {5, 5}), inequality::theil({1, 3}), 1e-15);
  EXPECT_NEAR(inequality::theil({1, 3}, {10, 30}), 0, 1e-15);
  // The unit terms sum to T; the unit below its population share has a negative term.
  const auto terms = inequality::theil_terms({1, 3, 0}, {2, 1, 1});
  EXPECT_NEAR(terms[0], 0.25 * std::log(0.25 / 0.5), 1e-15);
  EXPECT_NEAR(terms[1], 0.75 * std::log(0.75 / 0.25), 1e-15);
  EXPECT_EQ(terms[2], 0);
  EXPECT_NEAR(terms[0] + terms[1] + terms[2], inequality::theil({1, 3, 0}, {2, 1, 1}), 1e-15);
  // sd: 1, 2, 3, 4 -> sample sqrt(5/3), population sqrt(5/4); CV divides by the mean 2.5.
  EXPECT_NEAR(inequality::coefficient_of_variation({1, 2, 3, 4}), std::sqrt(5.0 / 3.0) / 2.5, 1e-15);
  EXPECT_NEAR(inequality::coefficient_of_variation({1, 2, 3, 4}, inequality::Deviation::Population),
              std::sqrt(1.25) / 2.5, 1e-15);
  // ln e^k for k = 0, 1, 2: sd of 0, 1, 2 = 1 (sample).
  EXPECT_NEAR(inequality::sd_of_logs({1, std::exp(1.0), std::exp(2.0)}), 1.0, 1e-14);
}

TEST(Inequality, TheilDecompositionByHand) {
  // Groups a = {1} and b = {1, 2, 4}: Y = 8, s_a = 1/8, s_b = 7/8, n_g / n = 1/4, 3/4.
  const auto d = inequality::theil_decomposition({1, 2, 1, 4}, {"b", "b", "a", "b"});
  ASSERT_EQ(d.groups.size(), 2u);
  EXPECT_EQ(d.groups[0].name, "a");
  EXPECT_EQ(d.groups[1].name, "b");
  EXPECT_EQ(d.groups[1].n, 3u);
  const double between = 0.125 * std::log(0.125 / 0.25) + 0.875 * std::log(0.875 / 0.75);
  EXPECT_NEAR(d.between, between, 1e-15);
  const double tb = inequality::theil({1, 2, 4});
  EXPECT_NEAR(d.groups[1].T, tb, 1e-15);
  EXPECT_NEAR(d.groups[0].T, 0, 1e-15);
  EXPECT_NEAR(d.within, 0.875 * tb, 1e-15);
  EXPECT_NEAR(d.T, d.between + d.within, 1e-15);
  EXPECT_NEAR(d.between_contribution + d.within_contribution, 1, 1e-15);
  EXPECT_NEAR(d.groups[0].contribution + d.groups[1].contribution, d.within_contribution, 1e-15);
  // A group with a zero total adds nothing to the between term (PySAL's rule).
  const auto z = inequality::theil_decomposition({0, 0, 1, 3}, {"z", "z", "p", "p"});
  EXPECT_NEAR(z.between, 1.0 * std::log(1.0 / 0.5), 1e-15);
  EXPECT_NEAR(z.T, inequality::theil({0, 0, 1, 3}), 1e-15);
}

TEST(Inequality, BadInputNamesTheValue) {
  EXPECT_THROW(inequality::theil({}), DataError);
  EXPECT_THROW(inequality::theil({0, 0}), DataError);
  try {
    inequality::gini({1, -2, 3});
    FAIL() << "a negative value was accepted";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("value 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(inequality::theil({1, 2}, {1, 0}), DataError);
  EXPECT_THROW(inequality::theil({1, 2}, {1}), DataError);
  EXPECT_THROW(inequality::sd_of_logs({1, 0, 2}), DataError);
  EXPECT_THROW(inequality::coefficient_of_variation({3}), DataError);
  EXPECT_THROW(inequality::theil_decomposition({1, 2}, {"a"}), DataError);
  EXPECT_THROW(inequality::parse_deviation("n-1"), UsageError);
  EXPECT_EQ(inequality::parse_deviation("population"), inequality::Deviation::Population);
}

}  // namespace
