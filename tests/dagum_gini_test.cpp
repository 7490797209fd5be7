// Dagum Gini decomposition: against the published table of the AI index paper (seed
// ai_dagum_gini_2011_2022.csv, to its rounding), the 6-decimal recomputation from the same
// published inputs (seed ai_dagum_recomputed_from_index.csv, 1e-6), an independent brute-force
// numpy implementation on the provinces' GDP (tests/reference/inequality_reference.py ->
// dagum_expected.csv, 1e-10), and hand examples.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/dagum_gini.hpp"
#include "algorithms/errors.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs;

std::map<std::string, std::map<std::string, std::string>> province_regions() {
  std::map<std::string, std::map<std::string, std::string>> regions;
  for (auto& r : test::read_csv_records(test::shared_path("seed/china_province_regions.csv"))) regions[r["name_zh"]] = r;
  return regions;
}

struct Sample {
  std::vector<double> y;
  std::vector<std::string> groups;
};

// The AI index per year with the paper's 东/中/西 grouping (region3).
std::map<std::string, Sample> ai_index_by_year() {
  const auto regions = province_regions();
  std::map<std::string, Sample> out;
  for (auto& r : test::read_csv_records(test::shared_path("seed/china_ai_index_2011_2022.csv"))) {
    Sample& s = out[r["year"]];
    s.y.push_back(std::stod(r["ai_index"]));
    s.groups.push_back(regions.at(r["name_zh"]).at("region3"));
  }
  return out;
}

const dagum::Group& group(const dagum::Decomposition& d, const std::string& name) {
  for (const auto& g : d.groups)
    if (g.name == name) return g;
  throw std::runtime_error("no group " + name);
}

// The pair of groups a and b in either order (the decomposition puts the richer group first,
// and which of Central and West is richer changes over the years).
const dagum::Pair& pair(const dagum::Decomposition& d, const std::string& a, const std::string& b) {
  for (const auto& p : d.pairs) {
    const std::string& first = d.groups[p.a].name;
    const std::string& second = d.groups[p.b].name;
    if ((first == a && second == b) || (first == b && second == a)) return p;
  }
  throw std::runtime_error("no pair " + a + "|" + b);
}

bool seed_present() { return test::shared_exists("seed/china_ai_index_2011_2022.csv"); }

TEST(DagumGiniReference, PublishedAiIndexTableToItsRounding) {
  if (!seed_present()) GTEST_SKIP() << "no " << SHARED_DATA_DIR << "/seed (a clone without ../shared)";
  const auto samples = ai_index_by_year();
  const auto published = test::read_csv_records(test::shared_path("seed/ai_dagum_gini_2011_2022.csv"));
  int compared = 0;
  for (auto r : published) {
    auto it = samples.find(r["year"]);
    if (it == samples.end()) continue;  // the index is published for 2011, 2015, 2019, 2022 only
    const auto d = dagum::decompose(it->second.y, it->second.groups);
    const std::string y = r["year"];
    // Tolerances of the seed README: 0.0055 on Gini values printed to 2 dp (2015's G is
    // 0.334977, printed 0.34), 0.006 percentage points on the contributions.
    EXPECT_NEAR(d.G, std::stod(r["G"]), 0.0055) << y;
    EXPECT_NEAR(group(d, "East").G_jj, std::stod(r["Gw_east"]), 0.0055) << y;
    EXPECT_NEAR(group(d, "Central").G_jj, std::stod(r["Gw_central"]), 0.0055) << y;
    EXPECT_NEAR(group(d, "West").G_jj, std::stod(r["Gw_west"]), 0.0055) << y;
    EXPECT_NEAR(pair(d, "East", "Central").G_jh, std::stod(r["Gb_east_central"]), 0.0055) << y;
    EXPECT_NEAR(pair(d, "East", "West").G_jh, std::stod(r["Gb_east_west"]), 0.0055) << y;
    EXPECT_NEAR(pair(d, "Central", "West").G_jh, std::stod(r["Gb_central_west"]), 0.0055) << y;
    EXPECT_NEAR(d.within_pct, std::stod(r["contrib_within_pct"]), 0.006) << y;
    EXPECT_NEAR(d.net_between_pct, std::stod(r["contrib_between_pct"]), 0.006) << y;
    EXPECT_NEAR(d.transvariation_pct, std::stod(r["contrib_transvariation_pct"]), 0.006) << y;
    ++compared;
  }
  EXPECT_EQ(compared, 4);
}

TEST(DagumGiniReference, RecomputedAiIndexTableTo1e6) {
  if (!seed_present()) GTEST_SKIP() << "no " << SHARED_DATA_DIR << "/seed (a clone without ../shared)";
  const auto samples = ai_index_by_year();
  const auto rows = test::read_csv_records(test::shared_path("seed/ai_dagum_recomputed_from_index.csv"));
  ASSERT_EQ(rows.size(), 4u);
  for (auto r : rows) {
    const auto& s = samples.at(r["year"]);
    const auto d = dagum::decompose(s.y, s.groups);
    const std::string y = r["year"];
    const double tol = 1e-6;  // the file has 6 decimals
    EXPECT_NEAR(d.G, std::stod(r["G"]), tol) << y;
    EXPECT_NEAR(d.G_w, std::stod(r["G_w"]), tol) << y;
    EXPECT_NEAR(d.G_nb, std::stod(r["G_nb"]), tol) << y;
    EXPECT_NEAR(d.G_t, std::stod(r["G_t"]), tol) << y;
    EXPECT_NEAR(d.within_pct, std::stod(r["contrib_within_pct"]), tol) << y;
    EXPECT_NEAR(d.net_between_pct, std::stod(r["contrib_between_pct"]), tol) << y;
    EXPECT_NEAR(d.transvariation_pct, std::stod(r["contrib_transvariation_pct"]), tol) << y;
    EXPECT_NEAR(group(d, "East").G_jj, std::stod(r["Gw_east"]), tol) << y;
    EXPECT_NEAR(group(d, "Central").G_jj, std::stod(r["Gw_central"]), tol) << y;
    EXPECT_NEAR(group(d, "West").G_jj, std::stod(r["Gw_west"]), tol) << y;
    EXPECT_NEAR(pair(d, "East", "Central").G_jh, std::stod(r["Gb_east_central"]), tol) << y;
    EXPECT_NEAR(pair(d, "East", "West").G_jh, std::stod(r["Gb_east_west"]), tol) << y;
    EXPECT_NEAR(pair(d, "Central", "West").G_jh, std::stod(r["Gb_central_west"]), tol) << y;
    EXPECT_NEAR(pair(d, "East", "Central").D_jh, std::stod(r["D_east_central"]), tol) << y;
    EXPECT_NEAR(pair(d, "East", "West").D_jh, std::stod(r["D_east_west"]), tol) << y;
    EXPECT_NEAR(pair(d, "Central", "West").D_jh, std::stod(r["D_central_west"]), tol) << y;
    EXPECT_NEAR(d.mean, std::stod(r["mean"]), tol) << y;
    // The paper orders East, Central, West by decreasing mean in every year.
    ASSERT_EQ(d.groups.size(), 3u);
    EXPECT_EQ(d.groups[0].name, "East");
  }
}

TEST(DagumGiniReference, ProvinceGdpMatchesBruteForceImplementation) {
  if (!test::shared_data_present())
    GTEST_SKIP() << "no " << SHARED_DATA_DIR << " (a clone without ../shared)";
  const auto regions = province_regions();
  std::map<std::string, std::map<std::string, Sample>> samples;  // year -> grouping -> sample
  for (auto& r : test::read_csv_records(test::shared_path("china_province_economy_2002_2011.csv"))) {
    for (const char* g : {"region3", "region4"}) {
      Sample& s = samples[r["year"]][g];
      s.y.push_back(std::stod(r["gdp"]));
      s.groups.push_back(regions.at(r["name_zh"]).at(g));
    }
  }
  const auto rows = test::read_csv_records(test::reference_path("dagum_expected.csv"));
  ASSERT_EQ(rows.size(), 350u);
  std::map<std::string, dagum::Decomposition> cache;
  for (auto r : rows) {
    const std::string key = r["year"] + " " + r["grouping"];
    if (!cache.count(key)) {
      const Sample& s = samples.at(r["year"]).at(r["grouping"]);
      cache[key] = dagum::decompose(s.y, s.groups);
    }
    const auto& d = cache[key];
    const std::string stat = r["statistic"], g = r["group"];
    double actual = NAN;
    if (stat == "G") actual = d.G;
    if (stat == "Gw") actual = d.G_w;
    if (stat == "Gnb") actual = d.G_nb;
    if (stat == "Gt") actual = d.G_t;
    if (stat == "mean") actual = d.mean;
    if (stat == "Gjj") actual = group(d, g).G_jj;
    if (stat == "Gjh" || stat == "Djh") {
      const auto bar = g.find('|');
      const auto& p = pair(d, g.substr(0, bar), g.substr(bar + 1));
      actual = stat == "Gjh" ? p.G_jh : p.D_jh;
    }
    const double expected = std::stod(r["value"]);
    EXPECT_NEAR(actual, expected, 1e-10 * std::max(1.0, std::fabs(expected))) << key << " " << stat << " " << g;
  }
  for (const auto& [key, d] : cache) {
    EXPECT_NEAR(d.G_w + d.G_nb + d.G_t, d.G, 1e-13) << key;
    EXPECT_NEAR(d.within_pct + d.net_between_pct + d.transvariation_pct, 100, 1e-10) << key;
    double groups_pct = 0;
    for (const auto& gr : d.groups) groups_pct += gr.contribution;
    EXPECT_NEAR(groups_pct, d.within_pct, 1e-10) << key;
  }
}

TEST(DagumGini, HandExample) {
  // Rich group R = {4, 6} (mean 5), poor group P = {1, 3} (mean 2); n = 4, mean 3.5.
  //   all ordered pairs: |differences| over unordered pairs 2+5+3+3+1+2 = 16 -> G = 32/(2*16*3.5)
  //   G_RR = 2*2/(2*4*5) = 0.1, G_PP = 2*2/(2*4*2) = 0.25
  //   R-P differences 3, 1, 5, 3 (all positive): G_RP = 12/(4*7), d = 3, p = 0, D = 1
  //   p_R = p_P = 1/2, s_R = 10/14, s_P = 4/14
  const auto d = dagum::decompose({4, 1, 6, 3}, {"R", "P", "R", "P"});
  EXPECT_NEAR(d.G, 32.0 / 112.0, 1e-15);
  ASSERT_EQ(d.groups.size(), 2u);
  EXPECT_EQ(d.groups[0].name, "R");
  EXPECT_NEAR(d.groups[0].G_jj, 0.1, 1e-15);
  EXPECT_NEAR(d.groups[1].G_jj, 0.25, 1e-15);
  ASSERT_EQ(d.pairs.size(), 1u);
  EXPECT_NEAR(d.pairs[0].G_jh, 12.0 / 28.0, 1e-15);
  EXPECT_NEAR(d.pairs[0].D_jh, 1.0, 1e-15);
  const double sR = 10.0 / 14.0, sP = 4.0 / 14.0;
  EXPECT_NEAR(d.G_w, 0.1 * 0.5 * sR + 0.25 * 0.5 * sP, 1e-15);
  EXPECT_NEAR(d.G_nb, 12.0 / 28.0 * (0.5 * sP + 0.5 * sR), 1e-15);
  EXPECT_NEAR(d.G_t, 0, 1e-15);
  EXPECT_NEAR(d.G_w + d.G_nb + d.G_t, d.G, 1e-15);
}

TEST(DagumGini, OverlappingGroupsHaveTransvariation) {
  // R = {2, 5} (mean 3.5), P = {1, 4} (mean 2.5): differences R - P: 1, -2, 4, 1 ->
  // d = (1 + 4 + 1)/4 = 1.5, p = 2/4 = 0.5, D = 1/2.
  const auto d = dagum::decompose({1, 2, 4, 5}, {"P", "R", "P", "R"});
  ASSERT_EQ(d.pairs.size(), 1u);
  EXPECT_EQ(d.groups[d.pairs[0].a].name, "R");
  EXPECT_NEAR(d.pairs[0].d_jh, 1.5, 1e-15);
  EXPECT_NEAR(d.pairs[0].p_jh, 0.5, 1e-15);
  EXPECT_NEAR(d.pairs[0].D_jh, 0.5, 1e-15);
  EXPECT_GT(d.G_t, 0);
  EXPECT_NEAR(d.G_w + d.G_nb + d.G_t, d.G, 1e-15);
}

TEST(DagumGini, BadInput) {
  EXPECT_THROW(dagum::decompose({}, {}), DataError);
  EXPECT_THROW(dagum::decompose({1, 2}, {"a"}), DataError);
  EXPECT_THROW(dagum::decompose({1, -2}, {"a", "b"}), DataError);
  EXPECT_THROW(dagum::decompose({0, 0, 1}, {"a", "a", "b"}), DataError);  // group a's mean is 0
}

}  // namespace
