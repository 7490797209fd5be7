// `regionstat general-g`: Getis-Ord General G (high/low clustering) with analytical and permutation inference, per field or per year.
#include "analysis/global_statistic.hpp"

namespace rs {
namespace {

class GeneralGAlgorithm : public GlobalStatisticAlgorithm {
 public:
  std::string name() const override { return "general-g"; }
  std::string display_name() const override { return "Getis-Ord General G"; }
  std::string short_help() const override { return "Getis-Ord General G (high/low clustering) with analytical and permutation inference, per field or per year"; }
  std::string description() const override {
    return "General G = sum_{i != j} w_ij x_i x_j / sum_{i != j} x_i x_j for non-negative x, with binary (B, the default here) or non-standardised (U) weights; row-standardised weights are refused. E[G] = S0 / (n (n - 1)); variance of Getis and Ord (1992, with the erratum coefficient 6 in B1) as R spdep globalG.test (adjust.x=TRUE: units without neighbours are left out of the denominator), reported as the randomization inference; z > 0 means high values cluster.\n" + help_common();
  }
  std::vector<std::string> references() const override {
    return {"Getis, A. & Ord, J. K. (1992). The analysis of spatial association by use of distance statistics. Geographical Analysis 24(3), 189-206."};
  }
  GlobalStatistic statistic() const override { return GlobalStatistic::GeneralG; }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(GeneralGAlgorithm)

}  // namespace rs
