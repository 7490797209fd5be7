// The geographic detector (Wang et al. 2010; Wang & Xu 2017): how much of the spatial
// stratified heterogeneity of a variable Y a stratification (a factor X) explains.
//
// Every function takes Y and one or two stratifications as integer stratum codes, one per unit
// (any integers: codes need not be contiguous). The caller removes units with a missing Y or
// stratum first (and counts them); the vectors must have equal lengths.
//
// Definitions (as the R package geodetector 1.0-5 computes them, which is Wang & Xu 2017):
//   q      = 1 - sum_h N_h sigma_h^2 / (N sigma^2), sigma^2 population variances, i.e.
//            1 - SSW / SST with SSW the within-strata and SST the total sum of squares
//   F      = (N - L) / (L - 1) * q / (1 - q), L the number of strata
//   lambda = (sum_h Ybar_h^2 - (sum_h sqrt(N_h) Ybar_h)^2 / N) / s^2, with s^2 the SAMPLE
//            variance of Y (geodetector divides by var(y), the n-1 form)
//   p      = P(F' > F), F' ~ non-central F(L - 1, N - L, lambda)   (upper tail)
// A stratum with a single unit has no variance: it adds 0 to SSW and enters lambda with its
// value as mean, exactly as geodetector does; the risk detector gives no t test for it
// (geodetector skips such pairs), and the results count such strata so callers can report them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs::geodetector {

// Mean and variances of Y in one stratum.
struct StratumSummary {
  int stratum = 0;
  std::size_t count = 0;
  double mean = 0;
  double variance = 0;         // population variance (divisor N_h)
  double sample_variance = 0;  // divisor N_h - 1; NaN for a single unit
};

// The strata present in `strata`, in increasing code order, with Y's mean and variances.
std::vector<StratumSummary> summarise_strata(const std::vector<double>& y,
                                             const std::vector<int>& strata);

struct FactorResult {
  double q = 0;
  double F = 0;       // +inf when q = 1
  double lambda = 0;  // non-centrality
  double p = 0;       // NaN when N - L < 1 (as many strata as units: no residual df)
  std::size_t units = 0;
  std::size_t strata = 0;
  std::size_t single_unit_strata = 0;
  std::vector<StratumSummary> per_stratum;
};

// Factor detector. Throws DataError when Y has no variance or when fewer than two units or
// fewer than two strata are given.
FactorResult factor_detector(const std::vector<double>& y, const std::vector<int>& strata);

// Competition ranks of q values, largest first: ties share the best rank and the next rank
// skips ("1224"), as papers rank factors (seed new_urbanization_geodetector_q.csv). NaN ranks last
// (rank 0 is never given: a NaN q gets the rank after every finite one).
std::vector<int> q_ranks(const std::vector<double>& q);

// Upper tail P(F' > f) of the non-central F distribution (Boost.Math), = R's
// pf(f, df1, df2, ncp = lambda, lower.tail = FALSE).
double noncentral_f_upper_tail(double f, double df1, double df2, double lambda);

// The overlay (intersection) of two stratifications: one code per distinct pair (a_i, b_i),
// numbered 0, 1, ... in increasing (a, b) order.
std::vector<int> overlay_strata(const std::vector<int>& a, const std::vector<int>& b);

// Interaction types (Wang & Xu 2017, Table 1; the seed geodetector_interaction_types.csv).
enum class InteractionType { NonlinearWeaken, UniWeaken, BiEnhance, Independent, NonlinearEnhance };

// Default tolerance for "equal" when q values are compared: q lies in [0, 1], so an absolute
// tolerance is also relative to the scale of q. 1e-9 absorbs rounding in sums of squares
// (about 1e-15 relative) yet never merges values that differ in any printed digit.
constexpr double kInteractionTolerance = 1e-9;

// Classify q(A n B) against q(A) and q(B); e = tolerance, "x = y" means |x - y| <= e:
//   q_ab = q_a + q_b                       -> Independent (checked first: it is the equality)
//   q_ab > q_a + q_b                       -> NonlinearEnhance
//   q_ab > max(q_a, q_b)                   -> BiEnhance
//   min(q_a, q_b) <= q_ab <= max(q_a, q_b) -> UniWeaken
//   q_ab < min(q_a, q_b)                   -> NonlinearWeaken
// The inequalities hold beyond e (e.g. BiEnhance needs q_ab > max + e), so a tie with max or
// min (a factor nested in the other) is UniWeaken, as R's GD gdinteract decides. Independent
// being checked first differs from GD only when min(q_a, q_b) = 0 (then q_ab = max = sum).
InteractionType classify_interaction(double q_a, double q_b, double q_ab,
                                     double tolerance = kInteractionTolerance);
const char* interaction_code(InteractionType t);     // "nonlinear_weaken", "uni_weaken", ...
const char* interaction_name_zh(InteractionType t);  // 非线性减弱, 单因子非线性减弱, ...
const char* interaction_name_en(InteractionType t);  // "nonlinear weakening", ...

struct InteractionResult {
  double q_a = 0, q_b = 0, q_ab = 0;
  InteractionType type = InteractionType::Independent;
  std::size_t strata = 0;  // strata of the overlay
};

InteractionResult interaction_detector(const std::vector<double>& y, const std::vector<int>& a,
                                       const std::vector<int>& b,
                                       double tolerance = kInteractionTolerance);

// Welch's two-sample t test (unequal variances), as R's t.test(a, b, var.equal = FALSE):
// t = (mean_a - mean_b) / sqrt(s_a^2/n_a + s_b^2/n_b) with sample variances, Welch-Satterthwaite
// df (not rounded; geodetector rounds it for its 5 % flag), two-sided p from Student's t.
struct WelchTest {
  double t = 0, df = 0, p = 0;
};
// NaN t, df and p when a group has fewer than two values or both have zero variance (t
// undefined: geodetector skips these pairs too).
WelchTest welch_t_test(const std::vector<double>& a, const std::vector<double>& b);

struct RiskPair {
  int a = 0, b = 0;  // stratum codes, a < b
  double mean_a = 0, mean_b = 0;
  WelchTest test;
};

struct RiskResult {
  std::vector<StratumSummary> per_stratum;
  std::vector<RiskPair> pairs;  // every pair of strata, (a, b) in increasing order
};

// Risk detector: Y's mean per stratum and Welch's t test between every pair of strata.
RiskResult risk_detector(const std::vector<double>& y, const std::vector<int>& strata);

// Ecological detector (Wang & Xu 2017, eq. 5): does factor A explain Y significantly less
// than factor B?
//   F = [N_A (N_B - 1) SSW_A] / [N_B (N_A - 1) SSW_B],  SSW = sum_h N_h sigma_h^2
// (the within-strata sum of squares of the q statistic; with both factors on the same N units
// F = SSW_A / SSW_B = (1 - q_A) / (1 - q_B)), F ~ F(N_A - 1, N_B - 1).
// p is two-sided, 2 min(P(F' <= F), P(F' >= F)): this equals R's GD gdeco p = 2 (1 - pf(F))
// whenever F >= 1, and stays within [0, 1] when F < 1 (where gdeco's exceeds 1). R's
// geodetector prints no p, only the flag F > qf(0.9, N - 1, N - 1) in either direction.
// GD computes SSW with sample variances and drops single-unit strata; here SSW is the sum of
// squares of q, so F is consistent with the factor detector.
struct EcologicalResult {
  double F = 0;  // +inf when SSW_B = 0
  double p = 0;
  double df1 = 0, df2 = 0;
};
EcologicalResult ecological_detector(const std::vector<double>& y, const std::vector<int>& a,
                                     const std::vector<int>& b);

}  // namespace rs::geodetector
