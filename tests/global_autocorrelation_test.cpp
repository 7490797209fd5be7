// Global Moran's I, Geary's C, General G and bivariate Moran against R spdep (moran.test,
// geary.test, globalG.test; expected values from tests/reference/global_reference.R on spData's
// columbus, sids, boston_tracts and the China provinces), and the permutation inference.
#include "algorithms/global_autocorrelation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "algorithms/errors.hpp"
#include "analysis/algorithm.hpp"
#include "analysis/valid_units.hpp"
#include "local_reference_data.hpp"

namespace rs {
namespace {

const std::string kRef = REGIONSTAT_REFERENCE_DIR;

// A CSV as columns by header name.
std::map<std::string, std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::string line;
  std::getline(in, line);
  const auto header = test::split_csv_line(line);
  std::map<std::string, std::vector<std::string>> columns;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto cells = test::split_csv_line(line);
    for (std::size_t k = 0; k < header.size(); ++k) columns[header[k]].push_back(k < cells.size() ? cells[k] : "");
  }
  return columns;
}

double number(const std::string& s) {
  if (s.empty() || s == "NA") return std::nan("");
  return std::stod(s);
}

struct Data {
  std::vector<std::string> ids;
  std::map<std::string, std::vector<double>> fields;
  SpatialWeights binary;  // the poly2nb neighbours spdep used
};

Data load(const std::string& name) {
  Data d;
  auto values = read_csv(kRef + "/global_values_" + name + ".csv");
  std::string id_column;
  {
    std::ifstream in(kRef + "/global_values_" + name + ".csv");
    std::string line;
    std::getline(in, line);
    id_column = test::split_csv_line(line).front();
  }
  d.ids = values[id_column];
  for (auto& [field, cells] : values) {
    if (field == id_column) continue;
    for (auto& c : cells) d.fields[field].push_back(number(c));
  }
  auto nb = read_csv(kRef + "/global_nb_" + name + ".csv");
  std::vector<std::vector<std::size_t>> lists(d.ids.size());
  for (std::size_t k = 0; k < nb["from"].size(); ++k)
    lists[std::stoul(nb["from"][k])].push_back(std::stoul(nb["to"][k]));
  d.binary = SpatialWeights::from_lists(d.ids, lists);
  return d;
}

const Data& dataset(const std::string& name) {
  static std::map<std::string, Data> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, load(name)).first;
  return it->second;
}

PermutationOptions analytical_only(PValueRule rule = PValueRule::Greater) {
  PermutationOptions o;
  o.permutations = 0;
  o.rule = rule;
  return o;
}

// |a - b| within 1e-10 relative to the size of b (values such as S0-scaled variances are small).
void expect_close(double actual, double expected, const std::string& what, double tolerance = 1e-10) {
  if (std::isnan(expected)) return;
  EXPECT_NEAR(actual, expected, tolerance * std::max(1.0, std::fabs(expected))) << what;
}
void expect_relative(double actual, double expected, const std::string& what, double tolerance = 1e-9) {
  if (std::isnan(expected)) return;
  EXPECT_NEAR(actual, expected, tolerance * std::fabs(expected) + 1e-300) << what;
}

// The analysed values and weights of one reference row, missing values removed with the same
// helper the commands use (analysis/valid_units).
ValidUnits prepared(const Data& d, const std::string& field, const std::string& style) {
  geo::NumericColumn column;
  column.field = field;
  column.values = d.fields.at(field);
  LayerWeights lw;
  lw.untransformed = d.binary;
  lw.style = style == "W" ? WeightsStyle::Row : WeightsStyle::Binary;
  return valid_units({&column}, lw, silent_feedback());
}

TEST(GlobalAutocorrelation, MatchesSpdepOnRealData) {
  auto ref = read_csv(kRef + "/global_reference.csv");
  const std::size_t rows = ref["data"].size();
  ASSERT_GE(rows, 70u);
  std::size_t checked = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    const std::string data = ref["data"][r], field = ref["field"][r], style = ref["style"][r], test = ref["test"][r];
    const std::string what = data + " " + field + " " + style + " " + test;
    const Data& d = dataset(data);
    if (test == "moran_bivariate") {
      const auto colon = field.find(':');
      const std::string fx = field.substr(0, colon), fy = field.substr(colon + 1);
      SpatialWeights w = d.binary.row_standardised();
      GlobalResult g = moran_bivariate(d.fields.at(fx), d.fields.at(fy), w, analytical_only(), silent_feedback(), fx, fy);
      expect_close(g.statistic, number(ref["statistic"][r]), what);
      EXPECT_EQ(g.expected, 0.0);
      ++checked;
      continue;
    }
    ValidUnits v = prepared(d, field, style);
    for (PValueRule rule : {PValueRule::Greater, PValueRule::Less, PValueRule::TwoSided}) {
      const std::string p_column = rule == PValueRule::Greater ? "p_greater" : rule == PValueRule::Less ? "p_less" : "p_two_sided";
      GlobalResult g;
      AnalyticalInference a;
      if (test.rfind("moran", 0) == 0) {
        g = moran(v.values[0], v.weights, analytical_only(rule), silent_feedback(), field);
        a = test == "moran_normality" ? g.normality : g.randomisation;
      } else if (test.rfind("geary", 0) == 0) {
        g = geary(v.values[0], v.weights, analytical_only(rule), silent_feedback(), field);
        a = test == "geary_normality" ? g.normality : g.randomisation;
      } else {
        ASSERT_EQ(test, "general_g");
        g = general_g(v.values[0], v.weights, analytical_only(rule), silent_feedback(), field);
        a = g.randomisation;
        EXPECT_FALSE(g.normality.available);
      }
      ASSERT_TRUE(a.available) << what;
      expect_close(g.statistic, number(ref["statistic"][r]), what + " statistic");
      expect_close(g.expected, number(ref["expected"][r]), what + " expected");
      expect_relative(a.variance, number(ref["variance"][r]), what + " variance", 1e-10);
      expect_close(a.z, number(ref["z"][r]), what + " z");
      expect_relative(a.p, number(ref[p_column][r]), what + " " + p_column, 1e-8);
    }
    ++checked;
  }
  EXPECT_EQ(checked, rows);
}

TEST(GlobalAutocorrelation, SpdepDefaultAlternativeIsGreater) {
  // spdep's p.value column is the "greater" alternative (Geary: C below 1).
  auto ref = read_csv(kRef + "/global_reference.csv");
  for (std::size_t r = 0; r < ref["data"].size(); ++r)
    if (!ref["p_spdep"][r].empty() && ref["p_spdep"][r] != "NA") {
      EXPECT_DOUBLE_EQ(number(ref["p_spdep"][r]), number(ref["p_greater"][r])) << r;
    }
}

TEST(GlobalAutocorrelation, IslandsAndMissingValuesFollowSpdep) {
  // Hainan has no contiguity neighbour: E[I] = -1/(30 - 1) with 31 units (zero.policy=TRUE).
  const Data& china = dataset("china");
  ValidUnits v = prepared(china, "gdp_2011", "W");
  EXPECT_EQ(v.islands.size(), 1u);
  GlobalResult g = moran(v.values[0], v.weights, analytical_only());
  EXPECT_EQ(g.n, 31u);
  EXPECT_EQ(g.n_with_neighbours, 30u);
  EXPECT_DOUBLE_EQ(g.expected, -1.0 / 29.0);
  // Boston `median`: 17 censored tracts are NA and excluded (moran.test with na.omit).
  ValidUnits b = prepared(dataset("boston"), "median", "W");
  EXPECT_EQ(b.excluded, 17u);
  EXPECT_EQ(b.units.size(), 489u);
  for (std::size_t i = 0; i < b.weights.size(); ++i)
    if (b.weights.neighbour_count(i) > 0) {
      EXPECT_NEAR(b.weights.row_sum(i), 1.0, 1e-12);
    }
}

TEST(GlobalAutocorrelation, BivariateOfAVariableWithItselfIsMoran) {
  const Data& d = dataset("columbus");
  for (auto w : {d.binary.row_standardised(), d.binary}) {
    const auto& x = d.fields.at("CRIME");
    EXPECT_NEAR(moran_bivariate(x, x, w, analytical_only()).statistic, moran(x, w, analytical_only()).statistic, 1e-13);
    MoranScatter s = moran_scatter(x, x, w);
    EXPECT_NEAR(s.slope * static_cast<double>(w.size()) / w.s0(), moran(x, w, analytical_only()).statistic, 1e-13);
  }
}

PermutationOptions permutations(int count, int threads, PValueRule rule = PValueRule::Folded) {
  PermutationOptions o;
  o.permutations = count;
  o.threads = threads;
  o.seed = 20240601;
  o.rule = rule;
  return o;
}

TEST(GlobalPermutations, IdenticalForAnyThreadCount) {
  const Data& d = dataset("columbus");
  const SpatialWeights w = d.binary.row_standardised();
  const SpatialWeights b = d.binary;
  const auto& x = d.fields.at("CRIME");
  const auto& y = d.fields.at("INC");
  auto same = [](const GlobalResult& a, const GlobalResult& c) {
    EXPECT_EQ(a.simulated, c.simulated);
    EXPECT_EQ(a.permutation.p, c.permutation.p);
    EXPECT_EQ(a.permutation.mean, c.permutation.mean);
    EXPECT_EQ(a.permutation.sd, c.permutation.sd);
  };
  same(moran(x, w, permutations(999, 1)), moran(x, w, permutations(999, 2)));
  same(moran(x, w, permutations(999, 1)), moran(x, w, permutations(999, 3)));
  same(geary(x, w, permutations(999, 1)), geary(x, w, permutations(999, 2)));
  same(general_g(x, b, permutations(999, 1)), general_g(x, b, permutations(999, 2)));
  same(moran_bivariate(x, y, w, permutations(999, 1)), moran_bivariate(x, y, w, permutations(999, 2)));
  // A different seed gives a different sample.
  PermutationOptions other = permutations(999, 2);
  other.seed = 7;
  EXPECT_NE(moran(x, w, permutations(999, 2)).simulated, moran(x, w, other).simulated);
}

// The randomisation moments are the exact moments of the permutation distribution, so 9999
// permutations must reproduce them within sampling error: the mean within 4 standard errors
// (sd / sqrt(P)) and the variance within 4 standard errors of a sample variance
// (Var sqrt((kurtosis - 1) / P), with the kurtosis of the simulated values).
void expect_moments(const GlobalResult& g, const std::string& what) {
  const double P = static_cast<double>(g.simulated.size());
  const double var = g.randomisation.variance;
  EXPECT_NEAR(g.permutation.mean, g.expected, 4.0 * std::sqrt(var / P)) << what;
  double m4 = 0;
  for (double s : g.simulated) m4 += std::pow(s - g.permutation.mean, 4);
  m4 /= P;
  const double sample_var = g.permutation.sd * g.permutation.sd;
  const double kurt = m4 / (sample_var * sample_var);
  EXPECT_NEAR(sample_var, var, 4.0 * var * std::sqrt((kurt - 1.0) / P)) << what;
}

TEST(GlobalPermutations, DistributionMatchesRandomisationMoments) {
  const Data& d = dataset("columbus");
  const SpatialWeights w = d.binary.row_standardised();
  for (const char* f : {"CRIME", "HOVAL"}) {
    const auto& x = d.fields.at(f);
    expect_moments(moran(x, w, permutations(9999, 2)), std::string("moran ") + f);
    expect_moments(geary(x, w, permutations(9999, 2)), std::string("geary ") + f);
    expect_moments(general_g(x, d.binary, permutations(9999, 2)), std::string("general G ") + f);
  }
  const Data& s = dataset("sids");
  expect_moments(moran(s.fields.at("SID79_RATE"), s.binary.row_standardised(), permutations(9999, 2)), "sids");
}

TEST(GlobalPermutations, PublishedStandardErrorConvention) {
  const Data& d = dataset("columbus");
  GlobalResult g = moran(d.fields.at("CRIME"), d.binary.row_standardised(), permutations(999, 2));
  EXPECT_DOUBLE_EQ(g.permutation.z_se, (g.statistic - g.expected) / g.permutation.sd);
  EXPECT_DOUBLE_EQ(g.permutation.z, (g.statistic - g.permutation.mean) / g.permutation.sd);
  EXPECT_NEAR(g.permutation.p_se_one_sided, 0.5 * std::erfc(g.permutation.z_se / std::sqrt(2.0)), 1e-15);
}

TEST(GlobalPermutations, PseudoPValueRulesOnAKnownCase) {
  // Two linked pairs a-b and c-d, x = (0, 0, 1, 1): the observed I is 1, the largest possible.
  // A permutation keeps equal values paired (I = 1) with probability 1/3, else splits them
  // (I = -1). So every simulated I is <= observed (le = P) and ge counts the I = 1 draws.
  SpatialWeights w = SpatialWeights::from_lists({"a", "b", "c", "d"}, {{1}, {0}, {3}, {2}});
  const std::vector<double> x{0, 0, 1, 1};
  const int P = 999;
  for (PValueRule rule : {PValueRule::Folded, PValueRule::Greater, PValueRule::Less, PValueRule::TwoSided}) {
    GlobalResult g = moran(x, w, permutations(P, 2, rule));
    EXPECT_EQ(g.statistic, 1.0);
    std::size_t ones = 0;
    for (double s : g.simulated) {
      EXPECT_TRUE(s == 1.0 || s == -1.0) << s;
      if (s == 1.0) ++ones;
    }
    EXPECT_EQ(g.permutation.greater_or_equal, ones);
    EXPECT_EQ(g.permutation.less_or_equal, static_cast<std::size_t>(P));
    EXPECT_NEAR(static_cast<double>(ones) / P, 1.0 / 3.0, 5.0 * std::sqrt(2.0 / 9.0 / P));
    const double up = (static_cast<double>(ones) + 1.0) / (P + 1.0);
    const double expected = rule == PValueRule::Less ? 1.0 : rule == PValueRule::TwoSided ? std::min(1.0, 2.0 * up) : up;
    EXPECT_DOUBLE_EQ(g.permutation.p, expected) << p_value_rule_name(rule);
  }
  // Geary orients like spdep: "greater" is positive autocorrelation, i.e. small C. Here C is
  // the smallest possible (0), so every simulated C is >= observed: le in z orientation = P.
  GlobalResult c = geary(x, w, permutations(P, 2, PValueRule::Less));
  EXPECT_EQ(c.statistic, 0.0);
  EXPECT_EQ(c.permutation.less_or_equal, static_cast<std::size_t>(P));
  EXPECT_DOUBLE_EQ(c.permutation.p, 1.0);
}

TEST(GlobalAutocorrelation, ClearErrors) {
  const Data& d = dataset("columbus");
  const std::vector<double> constant(d.ids.size(), 3.5);
  try {
    moran(constant, d.binary, analytical_only(), silent_feedback(), "FLAT");
    FAIL() << "no error for zero variance";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("'FLAT' has zero variance"), std::string::npos) << e.what();
  }
  EXPECT_THROW(geary(constant, d.binary, analytical_only()), DataError);
  EXPECT_THROW(general_g(constant, d.binary, analytical_only()), DataError);
  try {
    general_g(d.fields.at("CRIME"), d.binary.row_standardised(), analytical_only());
    FAIL() << "row-standardised weights accepted by General G";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("binary (B)"), std::string::npos) << e.what();
  }
  std::vector<double> negative = d.fields.at("CRIME");
  negative[3] = -1;
  EXPECT_THROW(general_g(negative, d.binary, analytical_only()), DataError);
  std::vector<double> missing = d.fields.at("CRIME");
  missing[0] = std::nan("");
  EXPECT_THROW(moran(missing, d.binary, analytical_only()), DataError);
}

// The commands end to end on spData's columbus.shp with GeoDa's columbus.gal; expected values
// from R: nb <- read.gal("columbus.gal", region.id = columbus$POLYID); moran.test(CRIME,
// nb2listw(nb)) gives I = 0.4857709137, z = 5.342713639; geary.test C = 0.54780337717;
// globalG.test(CRIME, nb2listw(nb, style = "B")) G = 0.1227242454.
nlohmann::json run_command(const std::string& name, const std::vector<std::pair<std::string, std::string>>& extra) {
  const Algorithm* a = find_algorithm(name);
  EXPECT_NE(a, nullptr) << name;
  Arguments args = a->arguments();
  args.set("input", std::string(SPDATA_DIR) + "/shapes/columbus.shp");
  args.set("weights", std::string(SPDATA_DIR) + "/weights/columbus.gal");
  args.set("id", "POLYID");
  args.set("permutations", "199");
  for (auto& [k, v] : extra) args.add(k, v);
  return a->run(args, silent_feedback()).summary;
}

TEST(GlobalCommands, ColumbusWithGalWeights) {
  nlohmann::json m = run_command("moran", {{"field", "CRIME"}});
  EXPECT_NEAR(m["statistic"].get<double>(), 0.4857709137, 1e-9);
  EXPECT_NEAR(m["z_randomization"].get<double>(), 5.342713639, 1e-8);
  EXPECT_EQ(m["n"].get<int>(), 49);
  EXPECT_EQ(m["permutations"].get<int>(), 199);
  nlohmann::json g = run_command("geary", {{"field", "CRIME"}});
  EXPECT_NEAR(g["statistic"].get<double>(), 0.54780337717, 1e-10);
  nlohmann::json gg = run_command("general-g", {{"field", "CRIME"}});
  EXPECT_NEAR(gg["statistic"].get<double>(), 0.1227242454, 1e-9);
  EXPECT_TRUE(gg["z_normality"].is_null());
  nlohmann::json panel = run_command("moran", {{"field", "CRIME"}, {"field", "INC,HOVAL"}});
  ASSERT_EQ(panel["results"].size(), 3u);
  EXPECT_EQ(panel["results"][2]["field"], "HOVAL");
  EXPECT_EQ(panel["results"][0]["statistic"], m["statistic"]);
  EXPECT_THROW(run_command("general-g", {{"field", "CRIME"}, {"transform", "W"}}), UsageError);
}

}  // namespace
}  // namespace rs
