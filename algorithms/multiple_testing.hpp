// Adjustments of a family of p-values for multiple testing, as R's p.adjust.
#pragma once

#include <string>
#include <vector>

namespace rs {

enum class PAdjustment { None, FalseDiscoveryRate, Bonferroni };

PAdjustment parse_p_adjustment(const std::string& text);  // "none", "fdr", "bonferroni"

// NaN entries (units without a test) are left NaN and do not count in the family size.
std::vector<double> adjust_p_values(const std::vector<double>& p, PAdjustment method);

}  // namespace rs
