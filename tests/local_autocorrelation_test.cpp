// Local statistics against R spdep 1.2-7 (tests/reference/local_reference.R) and the properties
// of conditional permutation inference.
#include "algorithms/local_autocorrelation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "algorithms/conditional_permutation.hpp"
#include "algorithms/errors.hpp"
#include "local_reference_data.hpp"

namespace rs {
namespace {

using test::close;

constexpr double kTol = 1e-10;

PermutationOptions analytical_only() {
  PermutationOptions o;
  o.permutations = 0;
  return o;
}

// Islands (no neighbours) are NaN in our results, while spdep (zero.policy = TRUE) reports 0 or
// a value computed from the unit alone: they are checked to be NaN and skipped.
std::vector<bool> islands_of(const SpatialWeights& w) {
  std::vector<bool> island(w.size(), false);
  for (std::size_t i : w.islands()) island[i] = true;
  return island;
}

void expect_all_close(const std::vector<double>& ours, const std::vector<double>& theirs,
                      const std::string& what, const std::vector<bool>& island,
                      double scale = 1.0) {
  ASSERT_EQ(ours.size(), theirs.size()) << what;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    if (island[i]) {
      EXPECT_TRUE(std::isnan(ours[i])) << what << " island " << i;
      continue;
    }
    EXPECT_TRUE(close(ours[i], theirs[i] * scale, kTol))
        << what << " unit " << i << ": ours " << ours[i] << ", spdep " << theirs[i] * scale;
  }
}

std::vector<std::string> reference_sets() {
  std::vector<std::string> sets = {"columbus", "sids", "boston"};
  if (test::reference_exists("local_china.csv")) sets.push_back("china");
  return sets;
}

// The China provinces without Hong Kong, Macao and Taiwan (no GDP): 31 units, Hainan isolated.
TEST(LocalReference, ChinaProvincesWithAnIsland) {
  if (!test::reference_exists("local_china.csv")) GTEST_SKIP() << "no China reference values";
  const auto b = test::reference_neighbours("china");
  ASSERT_EQ(b.size(), 31u);
  ASSERT_EQ(b.islands().size(), 1u);
  EXPECT_EQ(b.ids()[b.islands()[0]], "460000");  // Hainan
}

TEST(LocalReference, AllSetsPresent) {
  for (const auto& name : {"columbus", "sids", "boston"}) {
    EXPECT_TRUE(test::reference_exists(std::string("local_") + name + ".csv")) << name;
    EXPECT_TRUE(test::reference_exists(std::string("local_") + name + "_nb.csv")) << name;
  }
}

// I_i (m2 with n-1) equals spdep localmoran(mlvar = FALSE)$Ii; E and Var are the exact
// conditional moments of that statistic, i.e. spdep's E.Ii and Var.Ii (computed with m2 = S/n
// whatever mlvar is) scaled by (n-1)/n and its square; the z-score equals spdep's default.
TEST(LocalMoran, MatchesSpdepMlvarFalse) {
  for (const auto& set : reference_sets()) {
    SCOPED_TRACE(set);
    const auto t = test::read_table("local_" + set + ".csv");
    const auto w = test::reference_neighbours(set).row_standardised();
    const auto island = islands_of(w);
    const auto x = t.numbers("x");
    const double n = static_cast<double>(x.size());
    const auto r = local_moran(x, w, analytical_only());
    expect_all_close(r.statistic, t.numbers("Ii_mlvarF"), "Ii", island);
    expect_all_close(r.expected, t.numbers("E_Ii"), "E.Ii", island, (n - 1) / n);
    expect_all_close(r.variance, t.numbers("Var_Ii"), "Var.Ii", island, (n - 1) * (n - 1) / (n * n));
    expect_all_close(r.z, t.numbers("Z_Ii"), "Z.Ii", island);
    expect_all_close(r.p_analytical, t.numbers("P_Ii"), "Pr(z != E(Ii))", island);
    // spdep's mlvar = FALSE z mixes our Ii with its n-divisor moments: reproduce it to show
    // where the difference comes from.
    const auto e = t.numbers("E_Ii"), v = t.numbers("Var_Ii"), zf = t.numbers("Z_Ii_mlvarF");
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!island[i]) {
        EXPECT_TRUE(close((r.statistic[i] - e[i]) / std::sqrt(v[i]), zf[i], kTol)) << i;
      }
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(r.neighbours[i], static_cast<int>(w.neighbour_count(i)));
      EXPECT_TRUE(std::isnan(r.p_permutation[i]));
    }
  }
}

// spdep's default (mlvar = TRUE, m2 = S/n) is n/(n-1) times ours, and n_minus_one = false
// reproduces it exactly.
TEST(LocalMoran, MatchesSpdepDefaultWithPopulationVariance) {
  for (const auto& set : reference_sets()) {
    SCOPED_TRACE(set);
    const auto t = test::read_table("local_" + set + ".csv");
    const auto w = test::reference_neighbours(set).row_standardised();
    const auto island = islands_of(w);
    const auto x = t.numbers("x");
    const double n = static_cast<double>(x.size());
    const auto ours = local_moran(x, w, analytical_only());
    expect_all_close(ours.statistic, t.numbers("Ii"), "Ii n/(n-1)", island, (n - 1) / n);
    const auto r = local_moran(x, w, analytical_only(), silent_feedback(), false);
    expect_all_close(r.statistic, t.numbers("Ii"), "Ii", island);
    expect_all_close(r.expected, t.numbers("E_Ii"), "E.Ii", island);
    expect_all_close(r.variance, t.numbers("Var_Ii"), "Var.Ii", island);
    expect_all_close(r.z, t.numbers("Z_Ii"), "Z.Ii", island);
  }
}

TEST(LocalG, MatchesSpdepLocalG) {
  for (const auto& set : reference_sets()) {
    SCOPED_TRACE(set);
    const auto t = test::read_table("local_" + set + ".csv");
    const auto b = test::reference_neighbours(set);
    const auto island = islands_of(b);
    const auto x = t.numbers("x");
    expect_all_close(local_g(x, b.row_standardised(), false, analytical_only()).statistic,
                     t.numbers("Gi_W"), "Gi W", island);
    expect_all_close(local_g(x, b, false, analytical_only()).statistic, t.numbers("Gi_B"), "Gi B", island);
    const auto star_w = local_g(x, b.with_self().row_standardised(), true, analytical_only());
    expect_all_close(star_w.statistic, t.numbers("Gistar_W"), "Gi* W", island);
    expect_all_close(star_w.z, t.numbers("Gistar_W"), "Gi* W z", island);
    const auto star_b = local_g(x, b.with_self(), true, analytical_only());
    expect_all_close(star_b.statistic, t.numbers("Gistar_B"), "Gi* B", island);
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(star_b.neighbours[i], static_cast<int>(b.neighbour_count(i)));
      if (!island[i]) {
        EXPECT_NEAR(star_b.p_analytical[i], std::erfc(std::fabs(star_b.z[i]) / std::sqrt(2.0)), 1e-15);
      }
    }
  }
}

TEST(LocalGeary, MatchesSpdepLocalC) {
  for (const auto& set : reference_sets()) {
    SCOPED_TRACE(set);
    const auto t = test::read_table("local_" + set + ".csv");
    const auto b = test::reference_neighbours(set);
    const auto island = islands_of(b);
    const auto x = t.numbers("x");
    expect_all_close(local_geary(x, b.row_standardised(), analytical_only()).statistic,
                     t.numbers("C_W"), "localC W", island);
    const auto r = local_geary(x, b, analytical_only());
    expect_all_close(r.statistic, t.numbers("C_B"), "localC B", island);
    for (std::size_t i = 0; i < x.size(); ++i) EXPECT_TRUE(std::isnan(r.z[i]));
  }
}

// With y = x the bivariate statistic is the univariate one (both standardise with n-1).
TEST(LocalMoranBivariate, EqualsUnivariateWhenYIsX) {
  const auto t = test::read_table("local_columbus.csv");
  const auto w = test::reference_neighbours("columbus").row_standardised();
  const auto x = t.numbers("x");
  const auto uni = local_moran(x, w, analytical_only());
  const auto bi = local_moran_bivariate(x, x, w, analytical_only());
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_NEAR(bi.statistic[i], uni.statistic[i], 1e-12);
    EXPECT_NEAR(bi.expected[i], uni.expected[i], 1e-12);
    EXPECT_NEAR(bi.variance[i], uni.variance[i], 1e-12);
  }
}

// Bivariate I_i by hand: zx_i * sum_j w_ij zy_j, both standardised with the n-1 sd.
TEST(LocalMoranBivariate, HandComputed) {
  const auto w = test::reference_neighbours("columbus").row_standardised();
  const auto x = test::read_table("local_columbus.csv").numbers("x");
  std::vector<double> y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) y[i] = std::sin(static_cast<double>(i)) * 10 + 3;
  auto standardise = [](std::vector<double> v) {
    double m = 0, s = 0;
    for (double a : v) m += a;
    m /= static_cast<double>(v.size());
    for (double a : v) s += (a - m) * (a - m);
    s = std::sqrt(s / static_cast<double>(v.size() - 1));
    for (double& a : v) a = (a - m) / s;
    return v;
  };
  const auto zx = standardise(x), zy = standardise(y);
  const auto r = local_moran_bivariate(x, y, w, analytical_only());
  for (std::size_t i = 0; i < x.size(); ++i) {
    double lag = 0;
    for (std::size_t e = w.offsets()[i]; e < w.offsets()[i + 1]; ++e)
      lag += w.weights()[e] * zy[w.indices()[e]];
    EXPECT_NEAR(r.statistic[i], zx[i] * lag, 1e-12);
    EXPECT_NEAR(r.lag[i], lag, 1e-12);
    EXPECT_NEAR(r.standardised[i], zx[i], 1e-12);
  }
}

PermutationOptions with_permutations(int p, int threads, std::uint64_t seed = kDefaultSeed) {
  PermutationOptions o;
  o.permutations = p;
  o.threads = threads;
  o.seed = seed;
  return o;
}

void expect_identical(const LocalResult& a, const LocalResult& b) {
  ASSERT_EQ(a.p_permutation.size(), b.p_permutation.size());
  for (std::size_t i = 0; i < a.p_permutation.size(); ++i) {
    EXPECT_EQ(a.p_permutation[i], b.p_permutation[i]) << i;
    EXPECT_EQ(a.z_permutation[i], b.z_permutation[i]) << i;
    EXPECT_EQ(a.mean_permutation[i], b.mean_permutation[i]) << i;
  }
}

TEST(ConditionalPermutation, IdenticalForAnyNumberOfThreads) {
  const auto t = test::read_table("local_boston.csv");
  const auto b = test::reference_neighbours("boston");
  const auto w = b.row_standardised();
  const auto x = t.numbers("x");
  std::vector<double> y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) y[i] = std::cos(static_cast<double>(i));
  for (int threads : {2, 3}) {
    SCOPED_TRACE(threads);
    expect_identical(local_moran(x, w, with_permutations(999, 1)),
                     local_moran(x, w, with_permutations(999, threads)));
    expect_identical(local_moran_bivariate(x, y, w, with_permutations(499, 1)),
                     local_moran_bivariate(x, y, w, with_permutations(499, threads)));
    expect_identical(local_g(x, b.with_self(), true, with_permutations(499, 1)),
                     local_g(x, b.with_self(), true, with_permutations(499, threads)));
    expect_identical(local_geary(x, w, with_permutations(499, 1)),
                     local_geary(x, w, with_permutations(499, threads)));
  }
  // and a different seed gives different draws
  const auto s1 = local_moran(x, w, with_permutations(99, 2, 1));
  const auto s2 = local_moran(x, w, with_permutations(99, 2, 2));
  int differ = 0;
  for (std::size_t i = 0; i < x.size(); ++i) differ += s1.p_permutation[i] != s2.p_permutation[i];
  EXPECT_GT(differ, 100);
}

TEST(ConditionalPermutation, PValuesWithinRangeForEveryRule) {
  const auto t = test::read_table("local_sids.csv");
  const auto b = test::reference_neighbours("sids");
  const auto x = t.numbers("x");
  const int P = 199;
  for (PValueRule rule : {PValueRule::Folded, PValueRule::FoldedTies, PValueRule::Greater, PValueRule::Less,
                          PValueRule::TwoSided}) {
    auto o = with_permutations(P, 2);
    o.rule = rule;
    for (const auto& r : {local_moran(x, b.row_standardised(), o), local_g(x, b, false, o),
                          local_g(x, b.with_self(), true, o), local_geary(x, b, o)}) {
      EXPECT_EQ(r.permutations, P);
      for (double p : r.p_permutation) {
        EXPECT_GE(p, 1.0 / (P + 1));
        EXPECT_LE(p, 1.0);
        // p is a count over P + 1 (twice that for two-sided)
        const double c = p * (P + 1);
        EXPECT_NEAR(c, std::round(c), 1e-9);
      }
    }
  }
}

// The permutation distribution of I_i has, within sampling error, the analytical conditional
// moments spdep reports (E.Ii, Var.Ii; scaled by (n-1)/n for our m2), and that of Gi (self
// excluded) has mean 0 and variance 1 exactly, since spdep's Gi moments are those of drawing
// the neighbours from the other n-1 values.
TEST(ConditionalPermutation, MomentsAgreeWithAnalyticalOnes) {
  const auto t = test::read_table("local_columbus.csv");
  const auto b = test::reference_neighbours("columbus");
  const auto w = b.row_standardised();
  const auto x = t.numbers("x");
  const double n = static_cast<double>(x.size());
  const int P = 100000;
  const auto r = local_moran(x, w, with_permutations(P, 2));
  const auto e = t.numbers("E_Ii"), v = t.numbers("Var_Ii");
  int checked = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double expected = e[i] * (n - 1) / n;
    const double variance = v[i] * (n - 1) * (n - 1) / (n * n);
    // 5 standard errors of the mean; the variance to 3 % (its standard error is ~0.5 % here)
    EXPECT_NEAR(r.mean_permutation[i], expected, 5 * std::sqrt(variance / P)) << i;
    EXPECT_NEAR(r.variance_permutation[i], variance, 0.03 * variance) << i;
    ++checked;
  }
  EXPECT_EQ(checked, 49);
  // Boston (506 units) draws its neighbours in batches, Columbus (49) one by one.
  const auto tb = test::read_table("local_boston.csv");
  const auto wb = test::reference_neighbours("boston").row_standardised();
  const double nb = static_cast<double>(wb.size());
  const int Pb = 50000;
  const auto rb = local_moran(tb.numbers("x"), wb, with_permutations(Pb, 2));
  const auto eb = tb.numbers("E_Ii"), vb = tb.numbers("Var_Ii");
  for (std::size_t i = 0; i < wb.size(); ++i) {
    const double expected = eb[i] * (nb - 1) / nb;
    const double variance = vb[i] * (nb - 1) * (nb - 1) / (nb * nb);
    EXPECT_NEAR(rb.mean_permutation[i], expected, 5 * std::sqrt(variance / Pb)) << i;
    EXPECT_NEAR(rb.variance_permutation[i], variance, 0.05 * variance) << i;
  }
  const auto g = local_g(x, w, false, with_permutations(P, 2));
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_NEAR(g.mean_permutation[i], 0.0, 5 * std::sqrt(1.0 / P)) << i;
    EXPECT_NEAR(g.variance_permutation[i], 1.0, 0.03) << i;
  }
  // z_permutation is (observed - simulated mean) / simulated sd
  for (std::size_t i = 0; i < x.size(); ++i)
    EXPECT_NEAR(r.z_permutation[i],
                (r.statistic[i] - r.mean_permutation[i]) / std::sqrt(r.variance_permutation[i]),
                1e-9);
}

// Large neighbourhoods take the partial Fisher-Yates path: its draws are distinct, exclude the
// unit itself, and give the analytical moments too.
TEST(ConditionalPermutation, LargeNeighbourhoods) {
  const std::size_t n = 60;
  std::vector<std::vector<std::size_t>> lists(n);
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = std::pow(static_cast<double>(i % 17), 1.5) + static_cast<double>(i) * 0.1;
    for (std::size_t j = 0; j < n; ++j)
      if (j != i && (i + j) % 3 != 0) lists[i].push_back(j);  // about 40 neighbours
  }
  std::vector<std::string> ids(n);
  for (std::size_t i = 0; i < n; ++i) ids[i] = std::to_string(i);
  const auto w = SpatialWeights::from_lists(ids, lists).row_standardised();
  ASSERT_GT(w.neighbour_count(0), detail::kRejectionLimit);
  const int P = 20000;
  const auto r = local_moran(x, w, with_permutations(P, 2));
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_NEAR(r.mean_permutation[i], r.expected[i], 5 * std::sqrt(r.variance[i] / P)) << i;
    EXPECT_NEAR(r.variance_permutation[i], r.variance[i], 0.05 * r.variance[i]) << i;
  }
  detail::SamplerScratch scratch;
  std::vector<std::uint32_t> draws(45);
  detail::NeighbourSampler sampler(7, 3, n, 45, scratch);
  ASSERT_EQ(sampler.method(), detail::NeighbourSampler::Method::Shuffle);
  for (int rep = 0; rep < 200; ++rep) {
    sampler.draw(draws.data());
    std::vector<bool> seen(n, false);
    for (std::size_t t = 0; t < 45; ++t) {
      ASSERT_LT(draws[t], n);
      ASSERT_NE(draws[t], 3u);
      ASSERT_FALSE(seen[draws[t]]);
      seen[draws[t]] = true;
    }
    for (std::size_t u = 0; u < scratch.shuffle.size(); ++u) ASSERT_EQ(scratch.shuffle[u], u);  // restored
  }
}

// Each way of drawing neighbours gives distinct indices other than the unit itself, every other
// unit equally often (chi-square within 6 sd of its degrees of freedom), and is reproducible.
TEST(ConditionalPermutation, SamplerIsUniformWithoutReplacement) {
  using Method = detail::NeighbourSampler::Method;
  struct Case { std::size_t n, i, k; Method method; };
  for (const Case& c : {Case{10, 4, 3, Method::Sequential}, Case{2000, 17, 5, Method::Batch},
                        Case{40, 0, 30, Method::Shuffle}, Case{60, 59, 7, Method::Sequential},
                        Case{3000, 2999, 1, Method::Batch}}) {
    SCOPED_TRACE(c.n);
    detail::SamplerScratch scratch, twin_scratch;
    std::vector<std::uint32_t> draws(c.k), again(c.k);
    detail::NeighbourSampler sampler(11, c.i, c.n, c.k, scratch);
    detail::NeighbourSampler twin(11, c.i, c.n, c.k, twin_scratch);
    ASSERT_EQ(sampler.method(), c.method);
    const int sets = 40000;
    std::vector<double> count(c.n, 0.0);
    for (int r = 0; r < sets; ++r) {
      sampler.draw(draws.data());
      twin.draw(again.data());
      for (std::size_t t = 0; t < c.k; ++t) {
        ASSERT_EQ(draws[t], again[t]);
        ASSERT_LT(draws[t], c.n);
        ASSERT_NE(draws[t], c.i);
        for (std::size_t u = 0; u < t; ++u) ASSERT_NE(draws[t], draws[u]);
        count[draws[t]] += 1;
      }
    }
    const double expected = static_cast<double>(sets) * static_cast<double>(c.k) / static_cast<double>(c.n - 1);
    double chi2 = 0;
    for (std::size_t j = 0; j < c.n; ++j)
      if (j != c.i) chi2 += (count[j] - expected) * (count[j] - expected) / expected;
    // Without replacement the counts vary a little less than multinomial ones: the bound holds.
    const double df = static_cast<double>(c.n - 2);
    EXPECT_LT(chi2, df + 6 * std::sqrt(2 * df)) << "chi2 " << chi2;
  }
}

// A constructed case with known counts. Unit 0's neighbours are all the other units, so every
// permutation draws the same values and reproduces the observed statistic exactly (integer
// values, binary weights): c_greater = c_less = P. Counting ties in both tails (folded-ties,
// greater, less, two-sided) gives (P + 1) / (P + 1) = 1; GeoDa's and esda's folded rule takes
// min(c_greater, P - c_greater) = 0 and gives 1 / (P + 1).
// Unit 1 has one neighbour, unit 2, which holds the largest value: no simulated lag exceeds
// the observed one (c_less = P) and c_greater counts the draws of unit 2, recounted here from
// the simulated values themselves.
TEST(ConditionalPermutation, PseudoPFollowsTheRule) {
  const std::vector<double> v = {1, 2, 50, 3, 4, 5, 6};
  const std::size_t n = v.size();
  std::vector<std::vector<std::size_t>> lists(n);
  for (std::size_t j = 1; j < n; ++j) lists[0].push_back(j);
  lists[1] = {2};
  const auto w = SpatialWeights::from_lists({"a", "b", "c", "d", "e", "f", "g"}, lists);
  const int P = 999;
  for (PValueRule rule : {PValueRule::Folded, PValueRule::FoldedTies, PValueRule::Greater, PValueRule::Less,
                          PValueRule::TwoSided}) {
    PermutationOptions o = with_permutations(P, 1);
    o.rule = rule;
    std::vector<double> simulated_1;
    auto lag = [&simulated_1](std::size_t i, const double* sums) {
      if (i == 1) simulated_1.push_back(sums[0]);
      return sums[0];
    };
    const auto s = conditional_permutations<1>(w, v, lag, o, silent_feedback());
    EXPECT_EQ(s.greater_or_equal[0], static_cast<std::size_t>(P));
    EXPECT_EQ(s.less_or_equal[0], static_cast<std::size_t>(P));
    EXPECT_DOUBLE_EQ(s.p[0], rule == PValueRule::Folded ? 1.0 / (P + 1) : 1.0) << p_value_rule_name(rule);
    ASSERT_EQ(simulated_1.size(), static_cast<std::size_t>(P + 1));  // observed, then P draws
    std::size_t hits = 0;
    for (int p = 1; p <= P; ++p) {
      EXPECT_TRUE(simulated_1[p] == 50 || simulated_1[p] <= 6);
      hits += simulated_1[p] == 50;
    }
    EXPECT_EQ(s.greater_or_equal[1], hits);
    EXPECT_EQ(s.less_or_equal[1], static_cast<std::size_t>(P));
    EXPECT_NEAR(static_cast<double>(hits), P / 6.0, 5 * std::sqrt(P * (1 / 6.0) * (5 / 6.0)));
    const double expected = rule == PValueRule::Greater   ? (hits + 1.0) / (P + 1)
                            : rule == PValueRule::Less    ? 1.0
                            : rule == PValueRule::Folded || rule == PValueRule::FoldedTies
                                ? (hits + 1.0) / (P + 1)
                                                          : std::min(1.0, 2 * (hits + 1.0) / (P + 1));
    EXPECT_DOUBLE_EQ(s.p[1], expected) << p_value_rule_name(rule);
    for (std::size_t i = 2; i < n; ++i) EXPECT_TRUE(std::isnan(s.p[i]));  // no neighbours
  }
}

// The default folded rule against hand counts (GeoDa LISA::CalcPseudoP, esda's _crand):
// c = #(simulated >= observed), c = min(c, P - c), p = (c + 1) / (P + 1); ties count in the
// upper tail only. folded-ties keeps the former rule, min(#>=, #<=) with ties in both tails.
TEST(PseudoPValue, FoldedIsGeoDaAndEsdaExactly) {
  const int P = 99;
  // No ties: 3 draws above, 96 below -> c = 3 under both folded rules.
  EXPECT_DOUBLE_EQ(pseudo_p_value(3, 96, P, PValueRule::Folded), 4.0 / 100);
  EXPECT_DOUBLE_EQ(pseudo_p_value(3, 96, P, PValueRule::FoldedTies), 4.0 / 100);
  // 90 draws >= observed (5 of them equal), 14 <= (the same 5): c = min(90, 9) = 9.
  EXPECT_DOUBLE_EQ(pseudo_p_value(90, 14, P, PValueRule::Folded), 10.0 / 100);
  EXPECT_DOUBLE_EQ(pseudo_p_value(90, 14, P, PValueRule::FoldedTies), 15.0 / 100);
  // 50 >= with 10 ties, 59 <=: c = min(50, 49) = 49 against min(50, 59) = 50.
  EXPECT_DOUBLE_EQ(pseudo_p_value(50, 59, P, PValueRule::Folded), 50.0 / 100);
  EXPECT_DOUBLE_EQ(pseudo_p_value(50, 59, P, PValueRule::FoldedTies), 51.0 / 100);
  // Every draw equal to the observed value: GeoDa and esda give the smallest p.
  EXPECT_DOUBLE_EQ(pseudo_p_value(99, 99, P, PValueRule::Folded), 1.0 / 100);
  EXPECT_DOUBLE_EQ(pseudo_p_value(99, 99, P, PValueRule::FoldedTies), 1.0);
  EXPECT_DOUBLE_EQ(pseudo_p_value(99, 99, P, PValueRule::TwoSided), 1.0);
  // No draw >= observed: c = 0 under both.
  EXPECT_DOUBLE_EQ(pseudo_p_value(0, 99, P, PValueRule::Folded), 1.0 / 100);
  EXPECT_DOUBLE_EQ(pseudo_p_value(0, 99, P, PValueRule::FoldedTies), 1.0 / 100);
  EXPECT_EQ(parse_p_value_rule("folded"), PValueRule::Folded);
  EXPECT_EQ(parse_p_value_rule("folded-ties"), PValueRule::FoldedTies);
  EXPECT_STREQ(p_value_rule_name(PValueRule::FoldedTies), "folded-ties");
  EXPECT_THROW(parse_p_value_rule("fold"), UsageError);
}

// The same rule applied by the permutation engine: a unit with one neighbour whose value
// ties with its own draws. Unit 0 = 1 has the single neighbour unit 1 = 1, the other values
// being 0, 0, 1: the lag is 1 and a draw equals it whenever unit 1 or unit 4 is drawn (half
// the draws), never exceeds it. Folded: min(c, P - c) with c = the equal draws; folded-ties:
// min(c, P) = c; the two differ whenever more than half the draws tie.
TEST(PseudoPValue, PermutationEngineUsesTheRule) {
  const std::vector<double> v = {1, 1, 0, 0, 1};
  const auto w = SpatialWeights::from_lists({"a", "b", "c", "d", "e"}, {{1}, {}, {}, {}, {}});
  const int P = 999;
  auto lag = [](std::size_t, const double* sums) { return sums[0]; };
  PermutationOptions folded = with_permutations(P, 1);
  PermutationOptions ties = folded;
  ties.rule = PValueRule::FoldedTies;
  const auto a = conditional_permutations<1>(w, v, lag, folded, silent_feedback());
  const auto b = conditional_permutations<1>(w, v, lag, ties, silent_feedback());
  const std::size_t c = a.greater_or_equal[0];
  EXPECT_EQ(a.less_or_equal[0], static_cast<std::size_t>(P));
  EXPECT_NEAR(static_cast<double>(c), P / 2.0, 5 * std::sqrt(P / 4.0));
  EXPECT_DOUBLE_EQ(a.p[0], (std::min<double>(c, P - c) + 1.0) / (P + 1));
  EXPECT_DOUBLE_EQ(b.p[0], (static_cast<double>(c) + 1.0) / (P + 1));
}

// Units without neighbours get NaN everywhere and never a p-value; the others are unchanged
// relative to the same data with the island's links removed.
TEST(LocalStatistics, IslandsGetNaN) {
  const auto t = test::read_table("local_columbus.csv");
  const auto full = test::reference_neighbours("columbus");
  std::vector<std::vector<std::size_t>> lists(full.size());
  for (std::size_t i = 1; i < full.size(); ++i)
    for (std::size_t e = full.offsets()[i]; e < full.offsets()[i + 1]; ++e)
      if (full.indices()[e] != 0) lists[i].push_back(full.indices()[e]);
  const auto b = SpatialWeights::from_lists(full.ids(), lists);
  const auto x = t.numbers("x");
  const auto o = with_permutations(99, 2);
  for (const auto& r : {local_moran(x, b.row_standardised(), o), local_g(x, b, false, o),
                        local_g(x, b.with_self(), true, o), local_geary(x, b, o),
                        local_moran_bivariate(x, x, b, o)}) {
    EXPECT_EQ(r.neighbours[0], 0);
    EXPECT_TRUE(std::isnan(r.statistic[0]));
    EXPECT_TRUE(std::isnan(r.p_permutation[0]));
    EXPECT_TRUE(std::isnan(r.p_analytical[0]));
    EXPECT_TRUE(std::isnan(r.lag[0]));
    for (std::size_t i = 1; i < x.size(); ++i) {
      EXPECT_FALSE(std::isnan(r.statistic[i])) << i;
      EXPECT_FALSE(std::isnan(r.p_permutation[i])) << i;
    }
  }
}

TEST(LocalStatistics, BadInputIsRefused) {
  const auto b = test::reference_neighbours("columbus");
  const auto w = b.row_standardised();
  std::vector<double> constant(b.size(), 3.5);
  EXPECT_THROW(local_moran(constant, w, analytical_only()), DataError);
  EXPECT_THROW(local_g(constant, b, false, analytical_only()), DataError);
  std::vector<double> x(b.size());
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i * i % 7);
  x[5] = std::nan("");
  try {
    local_moran(x, w, analytical_only());
    FAIL() << "NaN accepted";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find(b.ids()[5]), std::string::npos) << e.what();
  }
  x[5] = 1;
  EXPECT_THROW(local_moran(x, b.with_self(), analytical_only()), UsageError);
  EXPECT_THROW(local_geary(x, b.with_self(), analytical_only()), UsageError);
  EXPECT_THROW(local_g(x, b, true, analytical_only()), UsageError);
  EXPECT_THROW(local_g(x, b.with_self(), false, analytical_only()), UsageError);
  EXPECT_THROW(local_moran(std::vector<double>(3, 1.0), w, analytical_only()), std::invalid_argument);
}

class CancelAfterFirst : public Feedback {
 public:
  void progress(double) override { ++calls; }
  bool cancelled() const override { return calls > 0; }
  int calls = 0;
};

TEST(LocalStatistics, CancellationStopsTheWork) {
  const auto t = test::read_table("local_boston.csv");
  const auto w = test::reference_neighbours("boston").row_standardised();
  CancelAfterFirst feedback;
  EXPECT_THROW(local_moran(t.numbers("x"), w, with_permutations(999, 2), feedback), Cancelled);
  EXPECT_GE(feedback.calls, 1);
}

// The batch sampler's indices, computed many at once (and with AVX-512 where the processor has
// it), are those of the stream's values one by one: CounterRng::at and Lemire's multiply.
TEST(ConditionalPermutation, BoundedHalvesEqualTheStreamOneByOne) {
  for (const std::uint32_t pool : {2u, 33u, 99999u, 999999u, 4294967294u}) {
    const std::uint32_t threshold = (0u - pool) % pool;
    const CounterRng rng(12345, pool);
    const std::size_t count = 1000;
    std::vector<std::uint32_t> index(2 * count);
    std::vector<std::uint8_t> biased(2 * count);
    detail::bounded_halves(rng.key(), 17, count, pool, threshold, index.data(), biased.data());
    for (std::size_t c = 0; c < count; ++c) {
      const std::uint64_t value = rng.at(17 + c);
      for (int half = 0; half < 2; ++half) {
        const std::uint64_t m = (half ? value >> 32 : value & 0xffffffffULL) * pool;
        ASSERT_EQ(index[2 * c + half], static_cast<std::uint32_t>(m >> 32)) << pool << " " << c;
        ASSERT_EQ(biased[2 * c + half] != 0, static_cast<std::uint32_t>(m) < threshold) << pool << " " << c;
      }
    }
  }
}

}  // namespace
}  // namespace rs
