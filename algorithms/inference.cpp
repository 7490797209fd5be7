#include "algorithms/inference.hpp"

#include <algorithm>
#include <stdexcept>

#include "algorithms/errors.hpp"

namespace rs {

PValueRule parse_p_value_rule(const std::string& text) {
  if (text == "folded" || text == "directed") return PValueRule::Folded;
  if (text == "folded-ties" || text == "folded_ties") return PValueRule::FoldedTies;
  if (text == "greater") return PValueRule::Greater;
  if (text == "less") return PValueRule::Less;
  if (text == "two-sided" || text == "two_sided" || text == "two.sided") return PValueRule::TwoSided;
  throw UsageError("p-value rule must be folded, folded-ties, greater, less or two-sided, not '" + text + "'");
}

const char* p_value_rule_name(PValueRule rule) {
  switch (rule) {
    case PValueRule::Folded: return "folded";
    case PValueRule::FoldedTies: return "folded-ties";
    case PValueRule::Greater: return "greater";
    case PValueRule::Less: return "less";
    case PValueRule::TwoSided: return "two-sided";
  }
  return "folded";
}

double pseudo_p_value(std::size_t greater_or_equal, std::size_t less_or_equal, int permutations,
                      PValueRule rule) {
  const double denom = static_cast<double>(permutations) + 1.0;
  switch (rule) {
    case PValueRule::Greater: return (static_cast<double>(greater_or_equal) + 1.0) / denom;
    case PValueRule::Less: return (static_cast<double>(less_or_equal) + 1.0) / denom;
    case PValueRule::Folded: {
      const std::size_t p = static_cast<std::size_t>(permutations);
      const std::size_t less = p > greater_or_equal ? p - greater_or_equal : 0;  // #(simulated < observed)
      return (static_cast<double>(std::min(greater_or_equal, less)) + 1.0) / denom;
    }
    case PValueRule::FoldedTies:
      return (static_cast<double>(std::min(greater_or_equal, less_or_equal)) + 1.0) / denom;
    case PValueRule::TwoSided:
      return std::min(1.0, 2.0 * (static_cast<double>(std::min(greater_or_equal, less_or_equal)) + 1.0) / denom);
  }
  return 1.0;
}

}  // namespace rs
