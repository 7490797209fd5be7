#include "algorithms/geographic_detector.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/non_central_f.hpp>
#include <boost/math/distributions/students_t.hpp>

#include "algorithms/errors.hpp"

namespace rs::geodetector {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_lengths(const std::vector<double>& y, const std::vector<int>& strata) {
  if (y.size() != strata.size())
    throw std::invalid_argument("geographic detector: Y has " + std::to_string(y.size()) +
                                " values but the stratification " + std::to_string(strata.size()));
}

// Sum of squared deviations from the mean, two passes (the values are not huge in number and
// this keeps SSW and SST accurate when the mean is large relative to the spread).
double sum_of_squares(const std::vector<double>& v) {
  if (v.empty()) return 0;
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return ss;
}

std::map<int, std::vector<double>> values_by_stratum(const std::vector<double>& y,
                                                     const std::vector<int>& strata) {
  check_lengths(y, strata);
  std::map<int, std::vector<double>> groups;
  for (std::size_t i = 0; i < y.size(); ++i) groups[strata[i]].push_back(y[i]);
  return groups;
}

// Within-strata sum of squares sum_h N_h sigma_h^2.
double within_sum_of_squares(const std::vector<StratumSummary>& strata) {
  double ssw = 0;
  for (const auto& s : strata) ssw += static_cast<double>(s.count) * s.variance;
  return ssw;
}

}  // namespace

std::vector<StratumSummary> summarise_strata(const std::vector<double>& y,
                                             const std::vector<int>& strata) {
  std::vector<StratumSummary> out;
  for (const auto& [code, values] : values_by_stratum(y, strata)) {
    StratumSummary s;
    s.stratum = code;
    s.count = values.size();
    double sum = 0;
    for (double v : values) sum += v;
    s.mean = sum / static_cast<double>(s.count);
    const double ss = sum_of_squares(values);
    s.variance = ss / static_cast<double>(s.count);
    s.sample_variance = s.count > 1 ? ss / static_cast<double>(s.count - 1) : kNaN;
    out.push_back(s);
  }
  return out;
}

std::vector<int> q_ranks(const std::vector<double>& q) {
  std::vector<int> ranks(q.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    int better = 0;
    for (double other : q)
      if (std::isnan(q[i]) ? !std::isnan(other) : other > q[i]) ++better;
    ranks[i] = better + 1;
  }
  return ranks;
}

double noncentral_f_upper_tail(double f, double df1, double df2, double lambda) {
  if (std::isnan(f) || !(df1 > 0) || !(df2 > 0)) return kNaN;
  if (f == std::numeric_limits<double>::infinity()) return 0;
  if (f <= 0) return 1;
  // lambda >= 0 by Cauchy-Schwarz; rounding can leave it at -1e-17.
  const double ncp = std::max(lambda, 0.0);
  if (ncp == 0) return boost::math::cdf(boost::math::complement(boost::math::fisher_f(df1, df2), f));
  return boost::math::cdf(
      boost::math::complement(boost::math::non_central_f(df1, df2, ncp), f));
}

FactorResult factor_detector(const std::vector<double>& y, const std::vector<int>& strata) {
  FactorResult r;
  r.per_stratum = summarise_strata(y, strata);
  r.units = y.size();
  r.strata = r.per_stratum.size();
  if (r.units < 2) throw DataError("the geographic detector needs at least 2 units, got " +
                                   std::to_string(r.units));
  if (r.strata < 2)
    throw DataError("the factor has a single stratum: q is undefined (it needs at least 2)");
  const double sst = sum_of_squares(y);
  if (!(sst > 0)) throw DataError("Y has no variance: all its values are equal");
  const double n = static_cast<double>(r.units);
  const double l = static_cast<double>(r.strata);

  const double ssw = within_sum_of_squares(r.per_stratum);
  r.q = 1 - ssw / sst;

  double sum_mean_sq = 0, sum_root_n_mean = 0;
  for (const auto& s : r.per_stratum) {
    if (s.count == 1) ++r.single_unit_strata;
    sum_mean_sq += s.mean * s.mean;
    sum_root_n_mean += std::sqrt(static_cast<double>(s.count)) * s.mean;
  }
  const double sample_variance = sst / (n - 1);
  r.lambda = (sum_mean_sq - sum_root_n_mean * sum_root_n_mean / n) / sample_variance;

  if (r.units > r.strata) {
    // ssw = 0 means q = 1 exactly: F is infinite, not a rounding artefact of 1 - q.
    r.F = ssw > 0 ? (n - l) / (l - 1) * (sst - ssw) / ssw
                  : std::numeric_limits<double>::infinity();
    r.p = noncentral_f_upper_tail(r.F, l - 1, n - l, r.lambda);
  } else {
    r.F = kNaN;
    r.p = kNaN;
  }
  return r;
}

std::vector<int> overlay_strata(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size())
    throw std::invalid_argument("overlay_strata: the stratifications have different lengths");
  std::map<std::pair<int, int>, int> codes;
  for (std::size_t i = 0; i < a.size(); ++i) codes.emplace(std::make_pair(a[i], b[i]), 0);
  int next = 0;
  for (auto& entry : codes) entry.second = next++;
  std::vector<int> out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = codes.at({a[i], b[i]});
  return out;
}

InteractionType classify_interaction(double q_a, double q_b, double q_ab, double tolerance) {
  const double sum = q_a + q_b;
  const double lo = std::min(q_a, q_b), hi = std::max(q_a, q_b);
  if (std::abs(q_ab - sum) <= tolerance) return InteractionType::Independent;
  if (q_ab > sum + tolerance) return InteractionType::NonlinearEnhance;
  if (q_ab > hi + tolerance) return InteractionType::BiEnhance;
  if (q_ab >= lo - tolerance) return InteractionType::UniWeaken;
  return InteractionType::NonlinearWeaken;
}

const char* interaction_code(InteractionType t) {
  switch (t) {
    case InteractionType::NonlinearWeaken: return "nonlinear_weaken";
    case InteractionType::UniWeaken: return "uni_weaken";
    case InteractionType::BiEnhance: return "bi_enhance";
    case InteractionType::Independent: return "independent";
    case InteractionType::NonlinearEnhance: return "nonlinear_enhance";
  }
  return "";
}

const char* interaction_name_zh(InteractionType t) {
  switch (t) {
    case InteractionType::NonlinearWeaken: return "非线性减弱";
    case InteractionType::UniWeaken: return "单因子非线性减弱";
    case InteractionType::BiEnhance: return "双因子增强";
    case InteractionType::Independent: return "独立";
    case InteractionType::NonlinearEnhance: return "非线性增强";
  }
  return "";
}

const char* interaction_name_en(InteractionType t) {
  switch (t) {
    case InteractionType::NonlinearWeaken: return "nonlinear weakening";
    case InteractionType::UniWeaken: return "uni-variable weakening";
    case InteractionType::BiEnhance: return "bi-variable enhancement";
    case InteractionType::Independent: return "independent";
    case InteractionType::NonlinearEnhance: return "nonlinear enhancement";
  }
  return "";
}

InteractionResult interaction_detector(const std::vector<double>& y, const std::vector<int>& a,
                                       const std::vector<int>& b, double tolerance) {
  InteractionResult r;
  r.q_a = factor_detector(y, a).q;
  r.q_b = factor_detector(y, b).q;
  const FactorResult both = factor_detector(y, overlay_strata(a, b));
  r.q_ab = both.q;
  r.strata = both.strata;
  r.type = classify_interaction(r.q_a, r.q_b, r.q_ab, tolerance);
  return r;
}

WelchTest welch_t_test(const std::vector<double>& a, const std::vector<double>& b) {
  WelchTest w{kNaN, kNaN, kNaN};
  if (a.size() < 2 || b.size() < 2) return w;
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  double mean_a = 0, mean_b = 0;
  for (double v : a) mean_a += v;
  for (double v : b) mean_b += v;
  mean_a /= na;
  mean_b /= nb;
  const double va = sum_of_squares(a) / (na - 1) / na;  // squared standard errors
  const double vb = sum_of_squares(b) / (nb - 1) / nb;
  const double se2 = va + vb;
  if (!(se2 > 0)) return w;
  w.t = (mean_a - mean_b) / std::sqrt(se2);
  w.df = se2 * se2 / (va * va / (na - 1) + vb * vb / (nb - 1));
  const boost::math::students_t dist(w.df);
  w.p = 2 * boost::math::cdf(boost::math::complement(dist, std::abs(w.t)));
  return w;
}

RiskResult risk_detector(const std::vector<double>& y, const std::vector<int>& strata) {
  RiskResult r;
  r.per_stratum = summarise_strata(y, strata);
  const auto groups = values_by_stratum(y, strata);
  for (std::size_t i = 0; i < r.per_stratum.size(); ++i) {
    for (std::size_t j = i + 1; j < r.per_stratum.size(); ++j) {
      RiskPair pair;
      pair.a = r.per_stratum[i].stratum;
      pair.b = r.per_stratum[j].stratum;
      pair.mean_a = r.per_stratum[i].mean;
      pair.mean_b = r.per_stratum[j].mean;
      pair.test = welch_t_test(groups.at(pair.a), groups.at(pair.b));
      r.pairs.push_back(pair);
    }
  }
  return r;
}

EcologicalResult ecological_detector(const std::vector<double>& y, const std::vector<int>& a,
                                     const std::vector<int>& b) {
  check_lengths(y, a);
  check_lengths(y, b);
  if (y.size() < 2) throw DataError("the ecological detector needs at least 2 units, got " +
                                    std::to_string(y.size()));
  const double n_a = static_cast<double>(a.size()), n_b = static_cast<double>(b.size());
  const double ssw_a = within_sum_of_squares(summarise_strata(y, a));
  const double ssw_b = within_sum_of_squares(summarise_strata(y, b));
  EcologicalResult r;
  r.df1 = n_a - 1;
  r.df2 = n_b - 1;
  const double numerator = n_a * (n_b - 1) * ssw_a;
  const double denominator = n_b * (n_a - 1) * ssw_b;
  if (denominator > 0) {
    r.F = numerator / denominator;
  } else {
    r.F = numerator > 0 ? std::numeric_limits<double>::infinity() : kNaN;
  }
  if (std::isnan(r.F)) {
    r.p = kNaN;
  } else if (std::isinf(r.F)) {
    r.p = 0;
  } else {
    const boost::math::fisher_f dist(r.df1, r.df2);
    const double lower = boost::math::cdf(dist, r.F);
    const double upper = boost::math::cdf(boost::math::complement(dist, r.F));
    r.p = std::min(1.0, 2 * std::min(lower, upper));
  }
  return r;
}

}  // namespace rs::geodetector
