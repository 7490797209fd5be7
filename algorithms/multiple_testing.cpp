#include "algorithms/multiple_testing.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "algorithms/errors.hpp"

namespace rs {

PAdjustment parse_p_adjustment(const std::string& text) {
  if (text == "none") return PAdjustment::None;
  if (text == "fdr" || text == "BH" || text == "bh") return PAdjustment::FalseDiscoveryRate;
  if (text == "bonferroni") return PAdjustment::Bonferroni;
  throw UsageError("p-value adjustment must be none, fdr or bonferroni, not '" + text + "'");
}

std::vector<double> adjust_p_values(const std::vector<double>& p, PAdjustment method) {
  std::vector<double> out = p;
  if (method == PAdjustment::None) return out;
  std::vector<std::size_t> tested;  // the family: entries that are not NaN
  for (std::size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) tested.push_back(i);
  const double m = static_cast<double>(tested.size());
  if (method == PAdjustment::Bonferroni) {
    for (std::size_t i : tested) out[i] = std::min(1.0, m * p[i]);
    return out;
  }
  // Benjamini-Hochberg as R's p.adjust: from the largest p down, the running minimum of
  // m / rank * p, capped at 1.
  std::stable_sort(tested.begin(), tested.end(), [&](std::size_t a, std::size_t b) { return p[a] > p[b]; });
  double running = INFINITY;
  for (std::size_t r = 0; r < tested.size(); ++r) {
    const double rank = m - static_cast<double>(r);  // rank of this p in increasing order
    running = std::min(running, m / rank * p[tested[r]]);
    out[tested[r]] = std::min(1.0, running);
  }
  return out;
}

}  // namespace rs
