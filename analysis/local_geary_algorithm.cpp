// `regionstat local-geary`: local Geary's c with conditional permutation inference, for one
// field or a panel of yearly fields, written back with GeoDa's cluster codes and a style.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/local_autocorrelation.hpp"
#include "algorithms/multiple_testing.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/layer_styles.hpp"
#include "analysis/local_common.hpp"

namespace rs {
namespace {

// GeoDa's local Geary clusters (UniGeary): from the signs of z_i and of its lag, for units
// with p < alpha: 1 High-High (z > 0, lag > 0), 2 Low-Low (z < 0, lag < 0), 3 other positive
// (z < 0, lag > 0), 4 negative (z > 0, lag < 0); 0 not significant, 5 undefined, 6 isolated.
int geary_cluster(double z, double lag, double p, int neighbours, double alpha) {
  if (neighbours == 0) return 6;
  if (!std::isfinite(p) || !std::isfinite(lag)) return 5;
  if (!(p < alpha)) return 0;
  if (z > 0 && lag > 0) return 1;
  if (z < 0 && lag < 0) return 2;
  if (z < 0 && lag > 0) return 3;
  return 4;
}

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
           "--seed, same result for any --threads).\n"
           "Fields: LCIndex (C_i), LCPValue (pseudo p), LCPAdj (with --adjust), LC_CL (GeoDa cluster: 0 not "
           "significant, 1 High-High, 2 Low-Low, 3 other positive, 4 negative, 5 undefined, 6 isolated), "
           "NNeighbors. Units with a NULL value are excluded (NULL results); units without neighbours get "
           "NULL statistics and LC_CL 6.\n"
           "Panels: --field gdp_* names the fields LCI_2011, LCP_2011, LCPA_2011, LCCL_2011, NNb_2011 and "
           "prints one row per year with the count of each cluster.\n"
           "Style: categorised on LC_CL (of the last year) with GeoDa's colours.";
  }
  std::vector<std::string> references() const override {
    return {"Anselin, L. (2019). A local indicator of multivariate spatial association: extending Geary's c. Geographical Analysis 51(2), 133-150."};
  }
  std::vector<Parameter> parameters() const override {
    const Parameter field = panel_fields_parameter();
    std::vector<Parameter> inference = inference_parameters();
    for (auto& p : inference)
      if (p.name == "permutations") {
        p.minimum = 1;
        p.label = "Random permutations for pseudo p-values (local Geary has no analytical inference)";
      }
    return concat(input_parameters(), std::vector<Parameter>{field}, weights_parameters(), inference,
                  output_parameters());
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
    if (options.permutations < 1)
      throw UsageError("local Geary's c has no analytical inference: give --permutations 1 or more (default 999)");
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

      std::vector<std::optional<std::int64_t>> cluster(m), neighbours(m);
      std::size_t counts[7] = {0, 0, 0, 0, 0, 0, 0};
      for (std::size_t i = 0; i < m; ++i) {
        const int code = geary_cluster(z[i], lag[i], p_adjusted[i], r.neighbours[i], alpha);
        cluster[i] = code;
        counts[code]++;
        neighbours[i] = r.neighbours[i];
      }

      auto nm = [&](const char* base, const char* short_base) { return names.name(base, short_base, field); };
      columns.push_back(geo::OutputColumn::real(nm("LCIndex", "LCI"), scatter(c, units.units, n_all)));
      columns.push_back(geo::OutputColumn::real(nm("LCPValue", "LCP"), scatter(p, units.units, n_all)));
      if (adjust != PAdjustment::None)
        columns.push_back(geo::OutputColumn::real(nm("LCPAdj", "LCPA"), scatter(p_adjusted, units.units, n_all)));
      style_field = nm("LC_CL", "LCCL");
      columns.push_back(geo::OutputColumn::integer(style_field, scatter(cluster, units.units, n_all)));
      columns.push_back(geo::OutputColumn::integer(nm("NNeighbors", "NNb"), scatter(neighbours, units.units, n_all)));

      years.push_back({{"field", field.name},
                       {"tag", field.tag},
                       {"n", m},
                       {"excluded", units.excluded},
                       {"isolated", counts[6]},
                       {"high_high", counts[1]},
                       {"low_low", counts[2]},
                       {"other_positive", counts[3]},
                       {"negative", counts[4]},
                       {"not_significant", counts[0]},
                       {"undefined", counts[5]}});
      rows.push_back({field.name, std::to_string(m), std::to_string(counts[1]), std::to_string(counts[2]),
                      std::to_string(counts[3]), std::to_string(counts[4]), std::to_string(counts[0]),
                      std::to_string(counts[6])});
    }

    timer.lap("classes");
    const std::map<std::string, std::string> renamed = names.finalise(columns);
    if (auto it = renamed.find(style_field); it != renamed.end()) style_field = it->second;
    geo::WriteOptions write = write_options(args);
    write.style_qml = local_geary_cluster_style(style_field);
    write.style_name = "Local Geary clusters (" + style_field + ")";
    const geo::WriteReport written = geo::write_layer(layer, args.text("output"), columns, write);

    timer.lap("write");
    Result result;
    auto& s = result.summary;
    s["seconds"] = timer.json();
    const std::string inference = inference_text(options.permutations, options.seed,
                                                 p_value_rule_name(options.rule), args.text("adjust"));
    s["statistic"] = "local Geary's c";
    s["weights"] = weights.description;
    s["p_values"] = "permutation";
    s["inference"] = inference;
    s["permutations"] = options.permutations;
    s["seed"] = options.seed;
    s["p_rule"] = p_value_rule_name(options.rule);
    s["alpha"] = alpha;
    s["adjust"] = args.text("adjust");
    s["years"] = years;
    s["style_field"] = style_field;
    s["output"] = written.path;
    nlohmann::json fields_written = nlohmann::json::array();
    for (auto& col : columns) fields_written.push_back(col.name);
    s["fields"] = fields_written;

    std::ostringstream os;
    os << "local Geary's c of "
       << (fields.size() > 1 ? std::to_string(fields.size()) + " fields" : "'" + fields[0].name + "'") << " in "
       << layer.path << "\n"
       << "  weights: " << weights.description << "\n"
       << "  p-values: " << inference << "; clusters where p < " << alpha << "\n";
    os << text_table({"field", "n", "HH", "LL", "other +", "negative", "not sig.", "isolated"}, rows);
    os << names_report(names, renamed, columns, result);
    os << "  style: categorised on " << style_field << "\n";
    result.report = os.str();
    note_written(result, "output", written);
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(LocalGearyAlgorithm)

}  // namespace rs
