// Markov chains, spatial Markov chains and LISA Markov: against an independent implementation of
// PySAL's definitions on the provinces' GDP and AI-index panels
// (tests/reference/markov_reference.py -> markov_reference.json), against published examples
// (Kemeny and Snell's Land of Oz; giddy's reducible example) and against the published pair of
// Markov tables of the AI paper (../shared/data/seed/ai_*markov*), whose conditional counts must
// pool to the plain matrix.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "algorithms/errors.hpp"
#include "algorithms/lisa_markov.hpp"
#include "algorithms/markov_chain.hpp"
#include "algorithms/quantile_classes.hpp"
#include "algorithms/spatial_markov.hpp"
#include "tests/reference_links.hpp"

namespace {

using namespace rs;
using namespace rs::markov;
using nlohmann::json;

const double kInf = std::numeric_limits<double>::infinity();

json reference() {
  std::ifstream in(test::reference_path("markov_reference.json"));
  EXPECT_TRUE(in.good()) << "run tests/reference/markov_reference.py";
  return json::parse(in);
}

Panel panel_of(const json& values) { return values.get<Panel>(); }

// Queen links among the reference's units (1-based feature positions; links to units dropped
// for missing values vanish), binary.
SpatialWeights queen_weights(const json& ref) {
  const auto positions = ref["positions"].get<std::vector<int>>();
  std::vector<std::vector<std::size_t>> neighbours(positions.size());
  auto index_of = [&](int position) -> long {
    for (std::size_t i = 0; i < positions.size(); ++i)
      if (positions[i] == position) return static_cast<long>(i);
    return -1;
  };
  for (const auto& row : test::read_csv_rows(test::reference_path("contiguity_china_provinces_queen.csv"))) {
    const long a = index_of(std::stoi(row.at(0))), b = index_of(std::stoi(row.at(1)));
    if (a < 0 || b < 0) continue;
    neighbours[a].push_back(static_cast<std::size_t>(b));
    neighbours[b].push_back(static_cast<std::size_t>(a));
  }
  return SpatialWeights::from_lists(ref["ids"].get<std::vector<std::string>>(), neighbours);
}

void expect_matrix(const Matrix& actual, const json& expected, double tolerance, const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    ASSERT_EQ(actual[i].size(), expected[i].size()) << what;
    for (std::size_t j = 0; j < actual[i].size(); ++j) {
      const std::string cell = what + " [" + std::to_string(i) + "][" + std::to_string(j) + "]";
      if (expected[i][j].is_null()) {
        EXPECT_EQ(actual[i][j], kInf) << cell;
      } else {
        const double e = expected[i][j].get<double>();
        EXPECT_NEAR(actual[i][j], e, tolerance * std::max(1.0, std::fabs(e))) << cell;
      }
    }
  }
}

void expect_vector(const std::vector<double>& actual, const json& expected, double tolerance,
                   const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (std::size_t i = 0; i < actual.size(); ++i)
    EXPECT_NEAR(actual[i], expected[i].get<double>(), tolerance * std::max(1.0, std::fabs(expected[i].get<double>())))
        << what << " [" << i << "]";
}

void expect_chain(const MarkovChain& c, const json& e, const std::string& what) {
  expect_matrix(c.transitions, e["transitions"], 0, what + " transitions");
  expect_vector(c.row_totals, e["row_totals"], 0, what + " n_i");
  expect_matrix(c.probabilities, e["probabilities"], 1e-14, what + " probabilities");
  EXPECT_EQ(c.structure.irreducible(), e["irreducible"].get<bool>()) << what;
  ASSERT_EQ(c.steady_states.size(), e["steady_states"].size()) << what;
  for (std::size_t r = 0; r < c.steady_states.size(); ++r)
    expect_vector(c.steady_states[r], e["steady_states"][r], 1e-10, what + " steady state");
  // Mean first passage times reach thousands of periods in slowly mixing chains; the reference's
  // matrix inversions carry relative errors near 1e-12 there.
  expect_matrix(c.mfpt, e["mfpt"], 1e-9, what + " mfpt");
}

TEST(MarkovReference, QuantileClassesChainsAndSpatialChainsMatchIndependentScript) {
  const json ref = reference();
  const SpatialWeights w = queen_weights(ref);
  ASSERT_EQ(w.size(), 31u);
  int ties = 0, cases = 0;
  for (const auto& c : ref["cases"]) {
    const std::string name = c["name"];
    Panel y = panel_of(ref["panels"][c["panel"].get<std::string>()]["values"]);
    if (c["relative"].get<bool>()) y = relative_to_period_mean(y);
    const std::string scope = c["scope"];
    const PanelClasses classes =
        scope == "breaks" ? classify_panel(y, 0, BreakScope::UserBreaks, c["breaks"].get<std::vector<double>>())
                          : classify_panel(y, c["classes_requested"].get<int>(), parse_break_scope(scope));
    ASSERT_EQ(classes.classes, c["classes"].get<int>()) << name;
    ASSERT_EQ(classes.cutoffs.size(), c["cutoffs"].size()) << name;
    for (std::size_t s = 0; s < classes.cutoffs.size(); ++s)
      expect_vector(classes.cutoffs[s], c["cutoffs"][s], 1e-14, name + " cut-offs");
    EXPECT_EQ(classes.ids, c["class_ids"].get<std::vector<std::vector<int>>>()) << name;
    ties += c["ties_on_cutoffs"].get<int>();

    expect_chain(estimate_chain(classes.ids, classes.classes), c, name);

    const json& e = c["spatial"];
    const SpatialMarkov s = spatial_markov(y, classes.ids, classes.classes, w, classes.classes);
    expect_vector(s.lag_cutoffs, e["lag_cutoffs"], 1e-12, name + " lag cut-offs");
    EXPECT_EQ(s.lag_ids, e["lag_ids"].get<std::vector<std::vector<int>>>()) << name;
    ASSERT_EQ(s.transitions.size(), e["transitions"].size()) << name;
    for (std::size_t m = 0; m < s.transitions.size(); ++m) {
      expect_matrix(s.transitions[m], e["transitions"][m], 0, name + " lag " + std::to_string(m));
      expect_matrix(s.probabilities[m], e["probabilities"][m], 1e-14, name + " lag " + std::to_string(m));
    }
    EXPECT_EQ(s.homogeneity.dof, e["dof"].get<int>()) << name;
    EXPECT_NEAR(s.homogeneity.q, e["Q"].get<double>(), 1e-10 * e["Q"].get<double>()) << name;
    EXPECT_NEAR(s.homogeneity.lr, e["LR"].get<double>(), 1e-10 * e["LR"].get<double>()) << name;
    EXPECT_NEAR(s.homogeneity.q_p, e["Q_p"].get<double>(), 1e-10) << name;
    EXPECT_NEAR(s.homogeneity.lr_p, e["LR_p"].get<double>(), 1e-10) << name;
    EXPECT_EQ(s.islands, ref["islands"].get<std::vector<std::size_t>>()) << name;
    ++cases;
  }
  EXPECT_EQ(cases, 7);
  EXPECT_GT(ties, 0) << "no value on a cut-off: the tie rule is untested";
}

TEST(MarkovReference, LisaQuadrantsAndSpaceTimeTypesMatchIndependentScript) {
  const json ref = reference();
  const SpatialWeights w = queen_weights(ref);
  for (const std::string panel : {"gdp", "ai"}) {
    const json& e = ref["lisa"][panel];
    const LisaMarkov l = lisa_markov(panel_of(ref["panels"][panel]["values"]), w);
    EXPECT_EQ(l.quadrants, e["quadrants"].get<std::vector<std::vector<int>>>()) << panel;
    expect_chain(l.chain, e["chain"], panel + " LISA");
    ASSERT_EQ(l.type_counts.size(), e["type_counts"].size()) << panel;
    for (std::size_t p = 0; p < l.type_counts.size(); ++p)
      for (int type = 0; type < 4; ++type)
        EXPECT_EQ(l.type_counts[p][type], e["type_counts"][p][type].get<int>()) << panel << " period " << p;
  }
}

TEST(MarkovQuantiles, MapclassifyRulesOnHandExamples) {
  // numpy.arange(100/7, 100 + 100/7, 100/7) ends at 100.00000000000001: mapclassify caps it.
  const auto p7 = quantile_percentages(7);
  ASSERT_EQ(p7.size(), 7u);
  EXPECT_EQ(p7.back(), 100.0);
  EXPECT_EQ(quantile_percentages(5), (std::vector<double>{20, 40, 60, 80, 100}));
  // 1000 values 0..999: mapclassify's docstring gives bins 249.75, 499.5, 749.25, 999.
  std::vector<double> x(1000);
  for (int i = 0; i < 1000; ++i) x[i] = i;
  EXPECT_EQ(quantile_cutoffs(x, 4), (std::vector<double>{249.75, 499.5, 749.25}));
  // Ties: the 20th and 40th percentiles of {1, 2, 2, 3, 4, 5} are both 2 and merge (5 -> 4
  // classes); a value equal to a cut-off falls in the lower class.
  const PanelClasses tied = classify_panel({{1}, {2}, {2}, {3}, {4}, {5}}, 5, BreakScope::Pooled);
  EXPECT_EQ(tied.classes, 4);
  EXPECT_EQ(tied.cutoffs.front(), (std::vector<double>{2, 3, 4}));
  EXPECT_EQ(tied.ids, (std::vector<std::vector<int>>{{0}, {0}, {0}, {1}, {2}, {3}}));
  EXPECT_EQ(class_of(2.0000000000000004, {2.0, 3.0}), 1);
  // An interpolation between equal order statistics gives exactly their value.
  EXPECT_EQ(linear_percentile({0.1, 0.7, 0.7, 0.9}, 50.0), 0.7);
  EXPECT_EQ(linear_percentile({0.1, 0.7, 0.7, 0.9}, 45.0), 0.7);
  EXPECT_THROW(quantile_cutoffs({}, 5), DataError);
  EXPECT_THROW(quantile_percentages(0), UsageError);
  EXPECT_THROW(classify_panel({{1, 2}, {3, 4}}, 0, BreakScope::UserBreaks, {2, 1}), UsageError);
  EXPECT_THROW(parse_break_scope("yearly"), UsageError);
}

TEST(MarkovQuantiles, PerYearClassesKeepTheirOwnCutOffs) {
  // Two periods with their own quintiles; the second has ties and only 2 classes.
  const Panel y{{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 1}, {6, 1}};
  const PanelClasses c = classify_panel(y, 5, BreakScope::PerPeriod);
  EXPECT_EQ(c.classes, 5);
  EXPECT_EQ(c.period_classes, (std::vector<int>{5, 2}));
  EXPECT_EQ(c.cutoffs[0], (std::vector<double>{2, 3, 4, 5}));
  EXPECT_EQ(c.cutoffs[1], (std::vector<double>{0}));
  EXPECT_EQ(c.ids, (std::vector<std::vector<int>>{{0, 0}, {0, 0}, {1, 0}, {2, 0}, {3, 1}, {4, 1}}));
  const Panel relative = relative_to_period_mean({{1, 2}, {3, 6}});
  EXPECT_EQ(relative, (Panel{{0.5, 0.5}, {1.5, 1.5}}));
}

TEST(MarkovChain, LandOfOzAsKemenyAndSnell) {
  // Kemeny and Snell (1976), p. 218 (giddy.ergodic docstring): rain, nice, snow.
  const Matrix p{{0.5, 0.25, 0.25}, {0.5, 0.0, 0.5}, {0.25, 0.25, 0.5}};
  const auto pi = stationary_distributions(p);
  ASSERT_EQ(pi.size(), 1u);
  EXPECT_NEAR(pi[0][0], 0.4, 1e-14);
  EXPECT_NEAR(pi[0][1], 0.2, 1e-14);
  EXPECT_NEAR(pi[0][2], 0.4, 1e-14);
  const Matrix m = mean_first_passage_times(p);
  const Matrix expected{{2.5, 4.0, 10.0 / 3}, {8.0 / 3, 5.0, 8.0 / 3}, {10.0 / 3, 4.0, 2.5}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_NEAR(m[i][j], expected[i][j], 1e-13) << i << j;
}

TEST(MarkovChain, ReducibleChainAsGiddyDocuments) {
  // giddy.ergodic.mfpt docstring: two communication classes, snow absorbing.
  const Matrix p{{0.5, 0.5, 0.0}, {0.2, 0.8, 0.0}, {0.0, 0.0, 1.0}};
  const Matrix m = mean_first_passage_times(p);
  const Matrix expected{{3.5, 2.0, kInf}, {5.0, 1.4, kInf}, {kInf, kInf, 1.0}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      if (std::isinf(expected[i][j])) EXPECT_EQ(m[i][j], kInf) << i << j;
      else EXPECT_NEAR(m[i][j], expected[i][j], 1e-13) << i << j;
    }
  const auto pi = stationary_distributions(p);
  ASSERT_EQ(pi.size(), 2u);
  EXPECT_NEAR(pi[0][0], 2.0 / 7, 1e-14);
  EXPECT_NEAR(pi[0][1], 5.0 / 7, 1e-14);
  EXPECT_EQ(pi[1], (std::vector<double>{0, 0, 1}));
}

TEST(MarkovChain, EmptyRowsStayZeroAndBecomeAbsorbingForTheLongRun) {
  // Class 2 (0-based) is only ever reached in the last period: its row has no observations.
  const std::vector<std::vector<int>> ids{{0, 1, 2}, {1, 0, 1}, {0, 0, 1}};
  const MarkovChain c = estimate_chain(ids, 3);
  EXPECT_EQ(c.row_totals, (std::vector<double>{4, 2, 0}));  // 0->1 0->1 0->0 0->1; 1->2 1->0
  EXPECT_EQ(c.probabilities[2], (std::vector<double>{0, 0, 0}));
  ASSERT_EQ(c.steady_states.size(), 1u);
  EXPECT_EQ(c.steady_states[0], (std::vector<double>{0, 0, 1}));
  EXPECT_EQ(c.mfpt[2][2], 1.0);
  EXPECT_EQ(c.mfpt[2][0], kInf);
}

TEST(MarkovSpaceTime, TypesOfReysTable) {
  // Rey (2001): 0 none moves, I only the unit, II only the neighbours, III both.
  EXPECT_EQ(space_time_type(kHH, kHH), 0);
  EXPECT_EQ(space_time_type(kHH, kLH), 1);
  EXPECT_EQ(space_time_type(kLL, kHL), 1);
  EXPECT_EQ(space_time_type(kHH, kHL), 2);
  EXPECT_EQ(space_time_type(kLH, kLL), 2);
  EXPECT_EQ(space_time_type(kHH, kLL), 3);
  EXPECT_EQ(space_time_type(kLH, kHL), 3);
  EXPECT_THROW(space_time_type(0, 1), DataError);
}

TEST(MarkovHomogeneity, ChiSquaredTailsAndDegreesOfFreedom) {
  EXPECT_NEAR(chi_squared_upper_tail(3.841458820694124, 1), 0.05, 1e-12);
  EXPECT_TRUE(std::isnan(chi_squared_upper_tail(1.0, 0)));
  // Identical regimes: Q = LR = 0. Rows 0 and 1 seen in both regimes with 2 non-zero cells each
  // -> dof = (2-1)(2-1) * 2 = 2; row 2 seen nowhere adds nothing.
  const Matrix a{{2, 2, 0}, {0, 3, 3}, {0, 0, 0}};
  const Homogeneity h = homogeneity_test({a, a});
  EXPECT_EQ(h.dof, 2);
  EXPECT_NEAR(h.q, 0.0, 1e-15);
  EXPECT_NEAR(h.lr, 0.0, 1e-15);
  EXPECT_NEAR(h.q_p, 1.0, 1e-15);
}

// The AI paper's tables: 表4's conditional counts n_ijm = n_im p_ijm (rounded to integers) pooled
// over the five lag classes must give 表3 (printed to 3 decimals).
TEST(MarkovPublished, SpatialCountsPoolToThePlainMatrix) {
  const std::string dir = std::string(SHARED_DATA_DIR) + "/seed";
  if (!std::filesystem::exists(dir + "/ai_spatial_markov_2011_2022.csv"))
    GTEST_SKIP() << "shared seed data absent: " << dir;
  std::vector<Matrix> regimes(5, Matrix(5, std::vector<double>(5, 0.0)));
  for (const auto& row : test::read_csv_rows(dir + "/ai_spatial_markov_2011_2022.csv")) {
    ASSERT_EQ(row.size(), 8u);
    const int lag = std::stoi(row[0]) - 1, from = std::stoi(row[1]) - 1;
    const double n = std::stod(row[2]);
    for (int to = 0; to < 5; ++to) {
      const double count = n * std::stod(row[3 + to]);
      EXPECT_NEAR(count, std::round(count), 0.03) << "lag " << lag + 1 << " row " << from + 1;
      regimes[lag][from][to] = std::round(count);
    }
  }
  Matrix pooled(5, std::vector<double>(5, 0.0));
  for (const auto& r : regimes)
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 5; ++j) pooled[i][j] += r[i][j];
  const MarkovChain plain = chain_from_counts(pooled);
  double total = 0;
  for (double n : plain.row_totals) total += n;
  EXPECT_EQ(total, 341.0);  // 31 provinces x 11 annual transitions
  const auto printed = test::read_csv_rows(dir + "/ai_markov_traditional_2011_2022.csv");
  ASSERT_EQ(printed.size(), 5u);
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j)
      EXPECT_NEAR(plain.probabilities[i][j], std::stod(printed[i][1 + j]), 0.0005 + 1e-12) << i << j;
  // The tests of homogeneity run on the published counts (values reported in the command's docs).
  const Homogeneity h = homogeneity_test(regimes);
  EXPECT_GT(h.dof, 0);
  EXPECT_GT(h.q, 0.0);
}

}  // namespace
