// `regionstat general-g`: Getis-Ord General G (high/low clustering) with analytical and permutation inference, per field or per year.
#include "analysis/global_statistic_command.hpp"

namespace rs {
namespace {

class GeneralGAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "general-g"; }
  std::string display_name() const override { return "Getis-Ord General G"; }
  std::string group() const override { return "Spatial autocorrelation"; }
  std::string short_help() const override { return "Getis-Ord General G (high/low clustering) with analytical and permutation inference, per field or per year"; }
  std::string help() const override {
    return "General G = sum_{i != j} w_ij x_i x_j / sum_{i != j} x_i x_j for non-negative x, with binary (B, the default here) or non-standardised (U) weights; row-standardised weights are refused. E[G] = S0 / (n (n - 1)); variance of Getis and Ord (1992, with the erratum coefficient 6 in B1) as R spdep globalG.test (adjust.x=TRUE: units without neighbours are left out of the denominator), reported as the randomization inference; z > 0 means high values cluster.\n" + global_statistic_help_common();
  }
  std::vector<std::string> references() const override {
    return {"Getis, A. & Ord, J. K. (1992). The analysis of spatial association by use of distance statistics. Geographical Analysis 24(3), 189-206."};
  }
  std::vector<Parameter> parameters() const override { return global_statistic_parameters(GlobalStatistic::GeneralG); }
  std::vector<OutputDefinition> outputs() const override { return global_statistic_outputs(GlobalStatistic::GeneralG); }
  Result run(const Arguments& args, Feedback& feedback) const override {
    return run_global_statistic(GlobalStatistic::GeneralG, args, feedback);
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(GeneralGAlgorithm)

}  // namespace rs
