// `regionstat moran`: Global Moran's I (and bivariate Moran's I) with analytical and permutation inference, per field or per year.
#include "analysis/global_statistic.hpp"

namespace rs {
namespace {

class MoranAlgorithm : public GlobalStatisticAlgorithm {
 public:
  std::string name() const override { return "moran"; }
  std::string display_name() const override { return "Global Moran's I"; }
  std::string short_help() const override { return "Global Moran's I (and bivariate Moran's I) with analytical and permutation inference, per field or per year"; }
  std::string description() const override {
    return "Moran's I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2 with z = x - mean(x); E[I] = -1/(n-1). Variances under normality and randomisation as R spdep moran.test; permutation inference as moran.mc. With --field2 Y: bivariate Moran's I of each field against the spatial lag of Y, I_xy = (n / S0) sum_i zx_i sum_j w_ij zy_j / sum_i zx_i^2 with x and y standardised by the sample sd (GeoDa, PySAL esda Moran_BV); inference by permutations of Y only. --report FILE.html writes the table and a Moran scatterplot per field (inline SVG).\n" + help_common();
  }
  std::vector<std::string> references() const override {
    return {"Moran, P. A. P. (1950). Notes on continuous stochastic phenomena. Biometrika 37(1/2), 17-23.",
            "Cliff, A. D. & Ord, J. K. (1981). Spatial Processes: Models and Applications. Pion.",
            "Anselin, L., Syabri, I. & Smirnov, O. (2002). Visualizing multivariate spatial correlation with dynamically linked windows. (bivariate Moran)"};
  }
  GlobalStatistic statistic() const override { return GlobalStatistic::Moran; }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(MoranAlgorithm)

}  // namespace rs
