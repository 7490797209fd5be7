// What `regionstat moran`, `geary` and `general-g` share: parameters, one run per field (a
// panel of years in one call), the per-field table, --json, --output-csv and --report.
#pragma once

#include <string>
#include <vector>

#include "analysis/algorithm.hpp"

namespace rs {

enum class GlobalStatistic { Moran, Geary, GeneralG };

std::vector<Parameter> global_statistic_parameters(GlobalStatistic statistic);
std::vector<OutputDefinition> global_statistic_outputs(GlobalStatistic statistic);
Result run_global_statistic(GlobalStatistic statistic, const Arguments& args, Feedback& feedback);

// The help paragraphs on inference, missing values and islands that the three commands share.
std::string global_statistic_help_common();

}  // namespace rs
