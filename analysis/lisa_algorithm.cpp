// `regionstat lisa`: local Moran's I (LISA), univariate or bivariate, for one field or a panel
// of yearly fields, written back as ArcGIS/GeoDa fields with a styled cluster map.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/global_autocorrelation.hpp"
#include "algorithms/local_autocorrelation.hpp"
#include "algorithms/local_classification.hpp"
#include "algorithms/multiple_testing.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/layer_styles.hpp"
#include "analysis/local_common.hpp"

namespace rs {
namespace {

class LisaAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "lisa"; }
  std::string display_name() const override { return "Local Moran's I (LISA)"; }
  std::string group() const override { return "Hot spots and clusters"; }
  std::string short_help() const override {
    return "Local Moran's I (LISA) clusters and outliers, univariate or bivariate, for one field or every year of a panel";
  }
  std::string help() const override {
    return "I_i = z_i * sum_j w_ij z_j / m2 with z = x - mean, m2 = sum z^2 / (n-1) and row-standardised "
           "weights (GeoDa LISA_I, esda Is, ArcGIS LMiIndex; R spdep localmoran with mlvar=FALSE). "
           "Bivariate with --field2 G: z_x,i times the lag of z_y (GeoDa's bivariate LISA).\n"
           "Inference: conditional permutations (default 999; a unit's neighbours are drawn from the "
           "other n-1 values; same --seed, same result for any --threads); --permutations 0 gives the "
           "analytical z and two-sided normal p under randomisation: LMiZScore then equals Z.Ii and LMiPValue "
           "Pr(z != E(Ii)) of spdep localmoran(x, listw) with its default mlvar=TRUE (a z-score does not "
           "depend on m2; localmoran(mlvar=FALSE) gives our LMiIndex but, in spdep 1.2, a Z.Ii from moments "
           "computed with m2 = sum z^2 / n).\n"
           "Fields: LMiIndex (I_i), LMiZScore ((I_i - mean)/sd of the permutations; analytical z with "
           "--permutations 0), LMiPValue (pseudo p, or analytical p), LMiPAdj (with --adjust), LMiExpect and LMiVar (with --moments: E[I_i] and Var[I_i] "
           "under conditional randomisation, the exact moments of LMiIndex, i.e. spdep localmoran's E.Ii times "
           "(n-1)/n and Var.Ii times ((n-1)/n)^2), COType "
           "(HH, LL, LH, HL where p < --alpha, empty otherwise), LISA_CL (GeoDa code: 0 not significant, "
           "1 HH, 2 LL, 3 LH, 4 HL, 5 undefined, 6 isolated), Quadrant (Moran scatterplot quadrant of "
           "every unit, no significance filter), NNeighbors. Units with a NULL value are excluded "
           "(NULL results); units without neighbours get NULL statistics and LISA_CL 6.\n"
           "Panels: --field gdp_* (or repeated) analyses every year and names the fields with the year: "
           "LMiI_2011, LMiZ_2011, LMiP_2011, LMiPA_2011, LMiE_2011, LMiV_2011, COT_2011, LisCL_2011, Quad_2011, NNb_2011 "
           "(10 characters, Shapefile-safe), and prints one row per year: n, global Moran's I and the "
           "counts of HH, LL, LH, HL clusters.\n"
           "Without -o the run only prints its summary (with --json, as JSON) and writes nothing.\n"
           "Style: the output opens in QGIS categorised on LISA_CL (of the last year): HH red #d7191c, "
           "LL blue #2c7bb6, LH light blue #abd9e9, HL pink #f4a6a6, not significant light grey, "
           "undefined and isolated darker grey, NULL hatched.";
  }
  std::vector<std::string> references() const override {
    return {"Anselin, L. (1995). Local indicators of spatial association - LISA. Geographical Analysis 27(2), 93-115.",
            "Anselin, L., Syabri, I. & Smirnov, O. (2002). Visualizing multivariate spatial correlation with dynamically linked windows. (bivariate LISA)"};
  }
  std::vector<Parameter> parameters() const override {
    const Parameter field = panel_fields_parameter();
    Parameter field2 = input_field_parameter("field2", ParamType::Field,
                                             "Second field for a bivariate LISA (x against the lag of this field)");
    const Parameter moments = make_parameter(
        "moments", ParamType::Boolean,
        "Also write E[I_i] and Var[I_i] under randomisation (LMiExpect, LMiVar; spdep localmoran E.Ii, Var.Ii)",
        "false", false);
    return concat(input_parameters(), std::vector<Parameter>{field, field2, moments}, weights_parameters(),
                  inference_parameters(), output_parameters(false), std::vector<Parameter>{legend_language_parameter()});
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "layer", "The input layer with the LISA fields"},
            {"moran_i", "number", "Global Moran's I (of the last field)"},
            {"high_high", "number", "Significant High-High units (last field)"},
            {"low_low", "number", "Significant Low-Low units (last field)"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::Layer layer = read_input(args, feedback);
    timer.lap("read");
    const std::vector<AnalysedField> fields = analysed_fields(args, layer);
    const std::string field2 = args.text("field2");
    if (!field2.empty() && fields.size() > 1)
      throw UsageError("a bivariate LISA (--field2) takes one --field, not a panel of " +
                       std::to_string(fields.size()) + " fields");
    const LayerWeights weights = layer_weights(args, layer, feedback);
    layer.release_geometries();  // not needed any more: the writer reads them again
    timer.lap("weights");
    const PermutationOptions options = permutation_options(args);
    const PAdjustment adjust = parse_p_adjustment(args.text("adjust"));
    const double alpha = args.number("alpha");
    const bool moments = args.flag("moments");
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
      std::vector<std::string> used{field.name};
      if (!field2.empty()) used.push_back(field2);
      const ValidUnits units = local_units(layer, weights, used, panel);
      const SpatialWeights& w = units.weights;
      const std::vector<std::size_t>& islands = units.islands;
      const std::vector<double>& x = units.values[0];
      const std::vector<double>& y = field2.empty() ? x : units.values[1];

      LocalResult r = field2.empty() ? local_moran(x, w, options, panel)
                                     : local_moran_bivariate(x, y, w, options, panel);
      timer.lap("statistic");
      const bool permuted = options.permutations > 0;
      // Moved, not copied: at a million units every copy of a result vector is 8 MB more at the peak.
      std::vector<double> index = std::move(r.statistic);
      std::vector<double> z = std::move(permuted ? r.z_permutation : r.z);
      std::vector<double> p = std::move(permuted ? r.p_permutation : r.p_analytical);
      std::vector<double> expected = std::move(r.expected), variance = std::move(r.variance);
      for (auto i : islands) index[i] = z[i] = p[i] = expected[i] = variance[i] = std::nan("");
      const std::vector<double> p_adjusted = adjust_p_values(p, adjust);
      // Quadrants from the Moran scatterplot: standardised x against the lag of standardised y.
      const LisaClasses classes = classify_lisa(r.standardised, r.lag, p_adjusted, r.neighbours, alpha);

      const std::size_t m = x.size();
      std::vector<std::optional<std::string>> co_type(m), quadrant(m);
      std::vector<std::optional<std::int64_t>> cluster(m), neighbours(m);
      std::size_t counts[7] = {0, 0, 0, 0, 0, 0, 0};
      for (std::size_t i = 0; i < m; ++i) {
        const bool island = r.neighbours[i] == 0;
        cluster[i] = island ? 6 : classes.cluster_code[i];
        counts[island ? 6 : std::min(std::max(classes.cluster_code[i], 0), 6)]++;
        if (!island) {
          co_type[i] = classes.co_type[i];
          if (const char* q = quadrant_name(classes.quadrant[i])) quadrant[i] = q;
        }
        neighbours[i] = r.neighbours[i];
      }

      auto nm = [&](const char* base, const char* short_base) { return names.name(base, short_base, field); };
      columns.push_back(geo::OutputColumn::real(nm("LMiIndex", "LMiI"), scatter(index, units.units, n_all)));
      columns.push_back(geo::OutputColumn::real(nm("LMiZScore", "LMiZ"), scatter(z, units.units, n_all)));
      columns.push_back(geo::OutputColumn::real(nm("LMiPValue", "LMiP"), scatter(p, units.units, n_all)));
      if (adjust != PAdjustment::None)
        columns.push_back(geo::OutputColumn::real(nm("LMiPAdj", "LMiPA"), scatter(p_adjusted, units.units, n_all)));
      if (moments) {
        columns.push_back(geo::OutputColumn::real(nm("LMiExpect", "LMiE"), scatter(expected, units.units, n_all)));
        columns.push_back(geo::OutputColumn::real(nm("LMiVar", "LMiV"), scatter(variance, units.units, n_all)));
      }
      columns.push_back(geo::OutputColumn::text(nm("COType", "COT"), scatter(co_type, units.units, n_all)));
      style_field = nm("LISA_CL", "LisCL");
      columns.push_back(geo::OutputColumn::integer(style_field, scatter(cluster, units.units, n_all)));
      columns.push_back(geo::OutputColumn::text(nm("Quadrant", "Quad"), scatter(quadrant, units.units, n_all)));
      columns.push_back(geo::OutputColumn::integer(nm("NNeighbors", "NNb"), scatter(neighbours, units.units, n_all)));

      // Global Moran's I of the year with its analytical z and p (randomisation) - or, for the
      // bivariate I, which has no analytical inference, its permutation p.
      PermutationOptions global_options = options;
      if (field2.empty()) global_options.permutations = 0;
      const GlobalResult global = field2.empty() ? moran(x, w, global_options)
                                                 : moran_bivariate(x, y, w, global_options);
      const double moran_i = global.statistic;
      const double moran_z = field2.empty() ? global.randomisation.z : global.permutation.z;
      const double moran_p = field2.empty() ? global.randomisation.p : global.permutation.p;
      years.push_back({{"field", field.name},
                       {"tag", field.tag},
                       {"n", m},
                       {"excluded", units.excluded},
                       {"isolated", counts[6]},
                       {"moran_i", moran_i},
                       {"moran_z", moran_z},
                       {"moran_p", moran_p},
                       {"high_high", counts[1]},
                       {"low_low", counts[2]},
                       {"low_high", counts[3]},
                       {"high_low", counts[4]},
                       {"not_significant", counts[0]},
                       {"undefined", counts[5]}});
      rows.push_back({field.name, std::to_string(m), report_number(moran_i), report_number(moran_z, 3),
                      report_number(moran_p, 4), std::to_string(counts[1]),
                      std::to_string(counts[2]), std::to_string(counts[3]), std::to_string(counts[4]),
                      std::to_string(counts[0]), std::to_string(counts[6])});
    }

    timer.lap("classes");
    const std::map<std::string, std::string> renamed = names.finalise(columns);
    if (auto it = renamed.find(style_field); it != renamed.end()) style_field = it->second;
    geo::WriteOptions write = write_options(args, feedback);
    write.style_qml = lisa_cluster_style(style_field, legend_language(args.text("lang")));
    write.style_name = "LISA clusters (" + style_field + ")";
    Result result;
    write_local_output(args, layer, columns, write, result);

    timer.lap("write");
    auto& s = result.summary;
    s["seconds"] = timer.json();
    const std::string inference = inference_text(options.permutations, options.seed,
                                                 p_value_rule_name(options.rule), args.text("adjust"));
    s["statistic"] = field2.empty() ? "local Moran's I" : "bivariate local Moran's I";
    s["field2"] = field2;
    s["weights"] = weights.description;
    s["p_values"] = options.permutations > 0 ? "permutation" : "analytical";
    s["inference"] = inference;
    s["permutations"] = options.permutations;
    s["seed"] = options.seed;
    s["p_rule"] = p_value_rule_name(options.rule);
    s["alpha"] = alpha;
    s["adjust"] = args.text("adjust");
    s["years"] = years;
    s["style_field"] = style_field;
    const auto& last = years.back();
    s["moran_i"] = last["moran_i"];
    s["high_high"] = last["high_high"];
    s["low_low"] = last["low_low"];
    s["low_high"] = last["low_high"];
    s["high_low"] = last["high_low"];
    nlohmann::json fields_written = nlohmann::json::array();
    for (auto& c : columns) fields_written.push_back(c.name);
    s["fields"] = fields_written;

    std::ostringstream os;
    os << s["statistic"].get<std::string>() << " (LISA) of "
       << (fields.size() > 1 ? std::to_string(fields.size()) + " fields" : "'" + fields[0].name + "'")
       << (field2.empty() ? "" : " against the lag of '" + field2 + "'") << " in " << layer.path << "\n"
       << "  weights: " << weights.description << "\n"
       << "  p-values: " << inference << "; clusters where p < " << alpha << "\n"
       << "  Moran's I: " << (field2.empty() ? "z and p under randomisation (" + std::string(p_value_rule_name(options.rule)) + " p)"
                                             : "bivariate, permutation z and p") << "\n";
    os << text_table({"field", "n", "Moran's I", "z", "p", "HH", "LL", "LH", "HL", "not sig.", "isolated"}, rows);
    os << names_report(names, renamed, columns, result);
    os << "  style: categorised on " << style_field << " (HH red, LL blue, LH light blue, HL pink)\n";
    result.report = os.str() + result.report;
    return result;
  }

};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(LisaAlgorithm)

}  // namespace rs
