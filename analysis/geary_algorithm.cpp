// `regionstat geary`: Global Geary's C with analytical and permutation inference, per field or per year.
#include "analysis/global_statistic.hpp"

namespace rs {
namespace {

class GearyAlgorithm : public GlobalStatisticAlgorithm {
 public:
  std::string name() const override { return "geary"; }
  std::string display_name() const override { return "Global Geary's C"; }
  std::string short_help() const override { return "Global Geary's C with analytical and permutation inference, per field or per year"; }
  std::string description() const override {
    return "Geary's C = (n - 1) / (2 S0) sum_ij w_ij (x_i - x_j)^2 / sum_i (x_i - mean)^2; E[C] = 1, C < 1 for positive spatial autocorrelation. Variances under normality and randomisation as R spdep geary.test (z = (1 - C) / sd, so z > 0 is positive autocorrelation); permutation inference as geary.mc.\n" + help_common();
  }
  std::vector<std::string> references() const override {
    return {"Geary, R. C. (1954). The contiguity ratio and statistical mapping. The Incorporated Statistician 5(3), 115-145.",
            "Cliff, A. D. & Ord, J. K. (1981). Spatial Processes: Models and Applications. Pion."};
  }
  GlobalStatistic statistic() const override { return GlobalStatistic::Geary; }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(GearyAlgorithm)

}  // namespace rs
