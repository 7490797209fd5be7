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
#include "analysis/local_common.hpp"

namespace rs {
namespace {

class LocalGearyAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "local-geary"; }
  std::string display_name() const override { return "Local Geary's c"; }
  std::string group() const override { return "Hot spots and clusters"; }
  std::string short_help() const override {
    return "Local Geary's c with conditional permutation inference, for one field or every year of a panel";
  }
  std::string help() const override {
    return "C_i = sum_j w_ij (z_i - z_j)^2 with z standardised by the sample sd (n-1, as R scale()) and row-standardised "
           "weights (R spdep localC, GeoDa). Inference by conditional permutations only (default 999; same "
           "--seed, same result for any --threads); --permutations 0 gives C_i alone (LCPValue NULL, no LC_CL).\n"
           "Fields: LCIndex (C_i), LCPValue (pseudo p), LCPAdj (with --adjust), LC_CL (GeoDa cluster, libgeoda "
           "UniGeary: 0 not significant, 1 High-High, 2 Low-Low, 3 other positive, 4 negative, 5 undefined, 6 "
           "isolated), NNeighbors. A unit is significant when p <= --alpha; then C_i above the mean of its "
           "simulated values is negative (4), otherwise High-High (z > 0, lag > 0), Low-Low (z < 0, lag < 0) "
           "or other positive (the outlier quadrants). Units with a NULL value are excluded (NULL results); "
           "units without neighbours get NULL statistics and LC_CL 6.\n"
           "Panels: --field gdp_* names the fields LCI_2011, LCP_2011, LCPA_2011, LCCL_2011, NNb_2011 and "
           "prints one row per year with the count of each cluster.\n"
           "Without -o the run only prints its summary (with --json, as JSON) and writes nothing.\n"
           "Style: categorised on LC_CL (of the last year) with GeoDa's colours.";
  }
  std::vector<std::string> references() const override {
    return {"Anselin, L. (2019). A local indicator of multivariate spatial association: extending Geary's c. Geographical Analysis 51(2), 133-150."};
  }
  std::vector<Parameter> parameters() const override {
    const Parameter field = panel_fields_parameter();
    std::vector<Parameter> inference = inference_parameters();
    for (auto& p : inference)
      if (p.name == "permutations")
        p.label = "Random permutations for pseudo p-values (0: C_i alone; local Geary has no analytical inference)";
    return concat(input_parameters(), std::vector<Parameter>{field}, weights_parameters(), inference,
                  output_parameters(false), std::vector<Parameter>{legend_language_parameter()});
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "layer", "The input layer with the local Geary fields"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    const geo::Layer layer = read_input(args, feedback);
    timer.lap("read");
    const std::vector<AnalysedField> fields = analysed_fields(args, layer);
    const PermutationOptions options = permutation_options(args);
    const bool permuted = options.permutations > 0;
    const LayerWeights weights = layer_weights(args, layer, feedback);
    timer.lap("weights");
    const PAdjustment adjust = parse_p_adjustment(args.text("adjust"));
    const double alpha = args.number("alpha");
    const std::size_t n_all = layer.size();

    ResultNames names(args, layer, fields.size() > 1);
    std::vector<geo::OutputColumn> columns;
    std::string style_field;
    nlohmann::json years = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;

    PanelFeedback panel(feedback, fields.size());
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const AnalysedField& field = fields[k];
      panel.start_field(k, field.name);
      feedback.check_cancelled();
      const ValidUnits units = local_units(layer, weights, {field.name}, panel);
      const SpatialWeights& w = units.weights;
      const std::vector<std::size_t>& islands = units.islands;
      const std::vector<double>& x = units.values[0];
      const LocalResult r = local_geary(x, w, options, panel);
      timer.lap("statistic");

      const std::size_t m = x.size();
      std::vector<double> c = r.statistic;
      std::vector<double> p = r.p_permutation;
      for (auto i : islands) c[i] = p[i] = std::nan("");
      const std::vector<double> p_adjusted = adjust_p_values(p, adjust);
      // Cluster signs from the Moran scatterplot: standardised x and its spatial lag.
      const std::vector<double>& z = r.standardised;
      const std::vector<double>& lag = r.lag;

      const std::vector<int> codes =
          classify_local_geary(z, lag, c, r.mean_permutation, p_adjusted, r.neighbours, alpha);
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

      auto nm = [&](const char* base, const char* short_base) { return names.name(base, short_base, field); };
      columns.push_back(geo::OutputColumn::real(nm("LCIndex", "LCI"), scatter(c, units.units, n_all)));
      columns.push_back(geo::OutputColumn::real(nm("LCPValue", "LCP"), scatter(p, units.units, n_all)));
      if (adjust != PAdjustment::None && permuted)
        columns.push_back(geo::OutputColumn::real(nm("LCPAdj", "LCPA"), scatter(p_adjusted, units.units, n_all)));
      if (permuted) {
        style_field = nm("LC_CL", "LCCL");
        columns.push_back(geo::OutputColumn::integer(style_field, scatter(cluster, units.units, n_all)));
      }
      columns.push_back(geo::OutputColumn::integer(nm("NNeighbors", "NNb"), scatter(neighbours, units.units, n_all)));

      years.push_back({{"field", field.name},
                       {"tag", field.tag},
                       {"n", m},
                       {"excluded", units.excluded},
                       {"isolated", counts[6]},
                       {"mean_c", c_mean},
                       {"high_high", counts[1]},
                       {"low_low", counts[2]},
                       {"other_positive", counts[3]},
                       {"negative", counts[4]},
                       {"not_significant", counts[0]},
                       {"undefined", counts[5]}});
      if (permuted)
        rows.push_back({field.name, std::to_string(m), report_number(c_mean), std::to_string(counts[1]),
                        std::to_string(counts[2]), std::to_string(counts[3]), std::to_string(counts[4]),
                        std::to_string(counts[0]), std::to_string(counts[6])});
      else
        rows.push_back({field.name, std::to_string(m), report_number(c_mean), std::to_string(counts[6])});
    }

    timer.lap("classes");
    const std::map<std::string, std::string> renamed = names.finalise(columns);
    if (auto it = renamed.find(style_field); it != renamed.end()) style_field = it->second;
    geo::WriteOptions write = write_options(args, feedback);
    if (permuted) {
      write.style_qml = local_geary_cluster_style(style_field, legend_language(args.text("lang")));
      write.style_name = "Local Geary clusters (" + style_field + ")";
    }
    Result result;
    write_local_output(args, layer, columns, write, result);

    timer.lap("write");
    auto& s = result.summary;
    s["seconds"] = timer.json();
    const std::string inference = permuted ? inference_text(options.permutations, options.seed,
                                                            p_value_rule_name(options.rule), args.text("adjust"))
                                           : "none (--permutations 0: C_i alone)";
    s["statistic"] = "local Geary's c";
    s["weights"] = weights.description;
    s["p_values"] = permuted ? nlohmann::json("permutation") : nlohmann::json(nullptr);
    s["inference"] = inference;
    s["permutations"] = options.permutations;
    s["seed"] = options.seed;
    s["p_rule"] = p_value_rule_name(options.rule);
    s["alpha"] = alpha;
    s["adjust"] = args.text("adjust");
    s["years"] = years;
    s["style_field"] = permuted ? nlohmann::json(style_field) : nlohmann::json(nullptr);
    nlohmann::json fields_written = nlohmann::json::array();
    for (auto& col : columns) fields_written.push_back(col.name);
    s["fields"] = fields_written;

    std::ostringstream os;
    os << "local Geary's c of "
       << (fields.size() > 1 ? std::to_string(fields.size()) + " fields" : "'" + fields[0].name + "'") << " in "
       << layer.path << "\n"
       << "  weights: " << weights.description << "\n"
       << "  p-values: " << inference;
    if (permuted) os << "; clusters where p <= " << alpha;
    os << "\n";
    if (permuted)
      os << text_table({"field", "n", "mean C_i", "HH", "LL", "other +", "negative", "not sig.", "isolated"}, rows);
    else
      os << text_table({"field", "n", "mean C_i", "isolated"}, rows);
    os << names_report(names, renamed, columns, result);
    if (permuted) os << "  style: categorised on " << style_field << "\n";
    result.report = os.str() + result.report;
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(LocalGearyAlgorithm)

}  // namespace rs
