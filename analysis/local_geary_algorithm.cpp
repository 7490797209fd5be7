// `regionstat local-geary`: local Geary's c with conditional permutation inference, for one
// field or a panel of yearly fields, written back with GeoDa's cluster codes and a style.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/local_autocorrelation.hpp"
#include "algorithms/local_classification.hpp"
#include "algorithms/multiple_testing.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/layer_styles.hpp"
#include "analysis/local_statistic.hpp"

namespace rs {
namespace {

class LocalGearyAlgorithm : public LocalStatisticAlgorithm {
 public:
  std::string name() const override { return "local-geary"; }
  std::string display_name() const override { return "Local Geary's c"; }
  std::string short_help() const override {
    return "Local Geary's c with conditional permutation inference, for one field or every year of a panel";
  }
  std::string description() const override {
    return "C_i = sum_j w_ij (z_i - z_j)^2 with z standardised by the sample sd (n-1, as R scale()) and row-standardised "
           "weights (R spdep localC, GeoDa). Inference by conditional permutations only (default 999; same "
           "--seed, same result for any --threads); --permutations 0 gives C_i alone (LCPValue NULL, no LC_CL).\n"
           "Clusters as libgeoda's UniGeary: a unit is significant when p <= --alpha; then C_i above the mean of its "
           "simulated values is negative (4), otherwise High-High (z > 0, lag > 0), Low-Low (z < 0, lag < 0) "
           "or other positive (the outlier quadrants). Units with a NULL value are excluded (NULL results); "
           "units without neighbours get NULL statistics and LC_CL 6.\n"
           "Panels: --field gdp_* names the fields with their panel names and the year (LCI_2011) and "
           "prints one row per year with the count of each cluster.\n"
           "Without -o the run only prints its summary and writes nothing (command line: --json prints it as JSON).\n"
           "Style: categorised on LC_CL (of the last year) with GeoDa's colours.";
  }
  std::vector<std::string> references() const override {
    return {"Anselin, L. (2019). A local indicator of multivariate spatial association: extending Geary's c. Geographical Analysis 51(2), 133-150."};
  }
  void adapt_inference(std::vector<Parameter>& inference) const override {
    for (auto& p : inference)
      if (p.name == "permutations")
        p.label = "Random permutations for pseudo p-values (0: C_i alone; local Geary has no analytical inference)";
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "layer", "The input layer with the local Geary fields"}};
  }
  std::vector<ResultField> result_fields() const override {
    using T = ResultType;
    return {{"LCIndex", "LCI", T::Real, "local Geary's C_i", "", {}},
            {"LCPValue", "LCP", T::Real, "pseudo p from the permutations (NULL with --permutations 0)", "", {}},
            {"LCPAdj", "LCPA", T::Real, "p adjusted for multiple tests (with --adjust)", "", {}},
            {"LC_CL", "LCCL", T::Integer,
             "GeoDa cluster code (libgeoda UniGeary): 0 not significant, 1 High-High, 2 Low-Low, 3 other "
             "positive, 4 negative, 5 undefined, 6 isolated", "", {}},
            {"NNeighbors", "NNb", T::Integer, "number of neighbours", "", {}}};
  }

  LocalFieldOutput compute(const LocalField& in) const override {
    const PermutationOptions options = permutation_options(in.args);
    const bool permuted = options.permutations > 0;
    const PAdjustment adjust = parse_p_adjustment(in.args.text("adjust"));
    const std::vector<double>& x = in.units.values[0];
    const std::vector<std::size_t>& islands = in.units.islands;
    LocalResult r = local_geary(x, in.units.weights, options, in.feedback);

    const std::size_t m = x.size();
    std::vector<double> c = std::move(r.statistic);
    std::vector<double> p = std::move(r.p_permutation);
    for (auto i : islands) c[i] = p[i] = std::nan("");
    std::vector<double> p_adjusted = adjust_p_values(p, adjust);
    // Cluster signs from the Moran scatterplot: standardised x and its spatial lag.
    const std::vector<int> codes =
        classify_local_geary(r.standardised, r.lag, c, r.mean_permutation, p_adjusted, r.neighbours, in.args.number("alpha"));
    std::vector<std::optional<std::int64_t>> cluster(m), neighbours(m);
    std::size_t counts[7] = {0, 0, 0, 0, 0, 0, 0};
    double c_sum = 0;
    for (std::size_t i = 0; i < m; ++i) {
      if (permuted) cluster[i] = codes[i];
      counts[codes[i]]++;
      neighbours[i] = r.neighbours[i];
      if (r.neighbours[i] > 0) c_sum += c[i];
    }
    const double c_mean = c_sum / static_cast<double>(m - islands.size());

    LocalFieldOutput out;
    out.columns.push_back(real_column("LCIndex", std::move(c)));
    out.columns.push_back(real_column("LCPValue", std::move(p)));
    if (adjust != PAdjustment::None && permuted) out.columns.push_back(real_column("LCPAdj", std::move(p_adjusted)));
    if (permuted) out.columns.push_back(integer_column("LC_CL", std::move(cluster)));
    out.columns.push_back(integer_column("NNeighbors", std::move(neighbours)));

    out.year = {{"isolated", counts[6]},
                {"mean_c", c_mean},
                {"high_high", counts[1]},
                {"low_low", counts[2]},
                {"other_positive", counts[3]},
                {"negative", counts[4]},
                {"not_significant", counts[0]},
                {"undefined", counts[5]}};
    if (permuted)
      out.row = {in.field.name, std::to_string(m), report_number(c_mean), std::to_string(counts[1]),
                 std::to_string(counts[2]), std::to_string(counts[3]), std::to_string(counts[4]),
                 std::to_string(counts[0]), std::to_string(counts[6])};
    else
      out.row = {in.field.name, std::to_string(m), report_number(c_mean), std::to_string(counts[6])};
    return out;
  }

  std::string style_field(const Arguments& args) const override {
    return permutation_options(args).permutations > 0 ? "LC_CL" : "";
  }
  void style(const Arguments& args, const std::string& field, const std::function<std::string(const std::string&)>& /*final_name*/,
             geo::WriteOptions& write) const override {
    write.style_qml = local_geary_cluster_style(field, legend_language(args.text("lang")));
    write.style_name = "Local Geary clusters (" + field + ")";
  }
  std::string without_permutations() const override { return "none (--permutations 0: C_i alone)"; }

  void summarise(const Arguments& args, nlohmann::json& s) const override {
    s["statistic"] = "local Geary's c";
    s["alpha"] = args.number("alpha");
  }

  LocalTexts texts(const Arguments& args) const override {
    LocalTexts t;
    t.statistic = "local Geary's c";
    if (permutation_options(args).permutations > 0) {
      std::ostringstream alpha;
      alpha << args.number("alpha");
      t.p_note = "; clusters where p <= " + alpha.str();
      t.header = {"field", "n", "mean C_i", "HH", "LL", "other +", "negative", "not sig.", "isolated"};
    } else {
      t.header = {"field", "n", "mean C_i", "isolated"};
    }
    return t;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(LocalGearyAlgorithm)

}  // namespace rs
