// `regionstat hotspot`: Getis-Ord Gi* (or Gi) hot and cold spots for one field or a panel of
// yearly fields, written back as ArcGIS fields with the five-class hot/cold labelling of
// regional papers and a styled map.
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

constexpr const char* kIsolatedEn = "Isolated";
constexpr const char* kIsolatedZh = "孤立单元";

class HotspotAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "hotspot"; }
  std::string display_name() const override { return "Hot spots (Getis-Ord Gi*)"; }
  std::string group() const override { return "Hot spots and clusters"; }
  std::string short_help() const override {
    return "Getis-Ord Gi* hot and cold spots (Gi with --gi) for one field or every year of a panel";
  }
  std::string help() const override {
    return "Gi* z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2)/(n-1))), S the population sd, "
           "W_i = sum_j w_ij, S1_i = sum_j w_ij^2, j including i (self weight 1): ArcGIS GiZScore, R spdep "
           "localG on include.self() weights. --gi leaves i out (spdep localG on plain weights).\n"
           "GiPValue is the two-sided normal p of GiZScore (ArcGIS), or with --permutations N the "
           "conditional-permutation pseudo p (--p-rule, --seed; same result for any --threads).\n"
           "Fields: GiValue (the statistic itself, Getis-Ord 1992: G_i* = sum_j w_ij x_j / sum_j x_j over all "
           "units, on the weights as transformed; with --gi, G_i = sum_{j != i} w_ij x_j / sum_{j != i} x_j; spdep "
           "localG's attr \"internals\" G*i / Gi; meaningful for positive x), GiZScore, GiPValue, GiPAdj (with --adjust fdr|bonferroni), Gi_Bin (+-3, +-2, +-1 for "
           "p < 0.01, 0.05, 0.10 signed by z; 0 not significant), NNeighbors (neighbours, self excluded), "
           "HotCold (2 hot, 1 sub-hot, 0 transition, -1 sub-cold, -2 cold), HotCold_en and HotCold_zh "
           "(热点区, 次热点区, 过渡区, 次冷点区, 冷点区). HotCold comes from Gi_Bin (|bin| 3 or 2: hot/cold, 1: "
           "sub) or, with --classes natural-breaks, from Jenks natural breaks of GiZScore in five classes. "
           "Units with a NULL value are excluded (NULL results); units without neighbours get NULL "
           "statistics and the label 'Isolated' (孤立单元).\n"
           "Panels: --field gdp_* (or repeated) analyses every year and names the fields with the year: "
           "GiV_2011, GiZ_2011, GiP_2011, GiPA_2011, GiBin_2011, NNb_2011, HC_2011, HCen_2011, HCzh_2011 "
           "(Shapefile-safe), and prints one row per year with the hot and cold spots at 99, 95 and 90 %.\n"
           "Without -o the run only prints its summary (with --json, as JSON) and writes nothing.\n"
           "Style: the output opens in QGIS categorised on Gi_Bin (of the last year): 3 #d62f27, 2 #ed7551, "
           "1 #fab984, 0 #f7f7f7, -1 #a6bddb, -2 #5c8ac3, -3 #2166ac; on HotCold with natural breaks or with "
           "--lang zh (legend 热点区, 次热点区, 过渡区, 次冷点区, 冷点区). The legend tells units without "
           "neighbours (NNeighbors 0) from units without data.";
  }
  std::vector<std::string> references() const override {
    return {"Getis, A. & Ord, J. K. (1992). The analysis of spatial association by use of distance statistics. Geographical Analysis 24(3), 189-206.",
            "Ord, J. K. & Getis, A. (1995). Local spatial autocorrelation statistics: distributional issues and an application. Geographical Analysis 27(4), 286-306."};
  }
  std::vector<Parameter> parameters() const override {
    const Parameter field = panel_fields_parameter();
    const Parameter gi = make_parameter("gi", ParamType::Boolean,
                                        "Gi (self excluded) instead of Gi* (self included)", "false", false);
    Parameter classes = make_parameter(
        "classes", ParamType::Enum,
        "Five-class hot/cold labelling from significance bins or natural breaks of GiZScore", "bins", false);
    classes.choices = {"bins", "natural-breaks"};
    std::vector<Parameter> inference = inference_parameters();
    for (auto& p : inference)
      if (p.name == "permutations") {
        p.default_value = "0";
        p.label = "Random permutations for pseudo p-values (0: analytical p of the z-score, as ArcGIS)";
      }
    return concat(input_parameters(), std::vector<Parameter>{field, gi, classes}, weights_parameters(), inference,
                  output_parameters(false), std::vector<Parameter>{legend_language_parameter()});
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "layer", "The input layer with the hot spot fields"},
            {"hot_spots", "number", "Hot spots at 90 % or more (last field)"},
            {"cold_spots", "number", "Cold spots at 90 % or more (last field)"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::Layer layer = read_input(args, feedback);
    timer.lap("read");
    const std::vector<AnalysedField> fields = analysed_fields(args, layer);
    const bool star = !args.flag("gi");
    const bool natural_breaks = args.text("classes") == "natural-breaks";
    const LayerWeights weights = layer_weights(args, layer, feedback);
    layer.release_geometries();  // not needed any more: the writer reads them again
    timer.lap("weights");
    const PermutationOptions options = permutation_options(args);
    const PAdjustment adjust = parse_p_adjustment(args.text("adjust"));
    const std::size_t n_all = layer.size();

    ResultNames names(args, layer, fields.size() > 1);
    std::vector<geo::OutputColumn> columns;
    std::string style_field, neighbours_field;
    const LegendLanguage lang = legend_language(args.text("lang"));
    nlohmann::json years = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> listing;  // ids per class, for a single field

    PanelFeedback panel(feedback, fields.size());
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const AnalysedField& field = fields[k];
      panel.start_field(k, field.name);
      feedback.check_cancelled();
      const ValidUnits units = local_units(layer, weights, {field.name}, panel);
      const SpatialWeights w = star ? weights_with_self(weights, units) : units.weights;
      const std::vector<std::size_t>& islands = units.islands;
      const std::vector<double>& x = units.values[0];
      LocalResult r = local_g(x, w, star, options, panel);
      timer.lap("statistic");

      const std::size_t m = x.size();
      // Moved, not copied: at a million units every copy of a result vector is 8 MB more at the peak.
      std::vector<double> z = std::move(r.z.empty() ? r.statistic : r.z);
      std::vector<double> p = std::move(options.permutations > 0 ? r.p_permutation : r.p_analytical);
      std::vector<double> g_value = std::move(r.g_value);
      std::vector<bool> island(m, false);
      for (auto i : islands) {
        island[i] = true;
        z[i] = p[i] = g_value[i] = std::nan("");
      }
      const std::vector<double> p_adjusted = adjust_p_values(p, adjust);
      const std::vector<int> bins = gi_bins(z, p_adjusted);

      const std::vector<int> classes = hot_cold_classes(z, bins, island, natural_breaks);

      std::vector<std::optional<std::int64_t>> bin_out(m), class_out(m), neighbours(m);
      std::vector<std::optional<std::string>> label_en(m), label_zh(m);
      std::map<int, std::size_t> bin_count;
      std::map<int, std::vector<std::string>> bin_ids;
      for (std::size_t i = 0; i < m; ++i) {
        neighbours[i] = r.neighbours[i];
        if (island[i]) {
          label_en[i] = kIsolatedEn;
          label_zh[i] = kIsolatedZh;
          continue;
        }
        bin_out[i] = bins[i];
        class_out[i] = classes[i];
        label_en[i] = hot_cold_label_en(classes[i]);
        label_zh[i] = hot_cold_label_zh(classes[i]);
        bin_count[bins[i]]++;
        // The listing names 25 units per bin at most; the counts are in bin_count.
        if (bin_ids[bins[i]].size() < 26) bin_ids[bins[i]].push_back(layer.ids[units.units[i]]);
      }

      auto nm = [&](const char* base, const char* short_base) { return names.name(base, short_base, field); };
      columns.push_back(geo::OutputColumn::real(nm("GiValue", "GiV"), scatter(g_value, units.units, n_all)));
      columns.push_back(geo::OutputColumn::real(nm("GiZScore", "GiZ"), scatter(z, units.units, n_all)));
      columns.push_back(geo::OutputColumn::real(nm("GiPValue", "GiP"), scatter(p, units.units, n_all)));
      if (adjust != PAdjustment::None)
        columns.push_back(geo::OutputColumn::real(nm("GiPAdj", "GiPA"), scatter(p_adjusted, units.units, n_all)));
      const std::string bin_name = nm("Gi_Bin", "GiBin");
      columns.push_back(geo::OutputColumn::integer(bin_name, scatter(bin_out, units.units, n_all)));
      columns.push_back(geo::OutputColumn::integer(nm("NNeighbors", "NNb"), scatter(neighbours, units.units, n_all)));
      const std::string class_name = nm("HotCold", "HC");
      columns.push_back(geo::OutputColumn::integer(class_name, scatter(class_out, units.units, n_all)));
      columns.push_back(geo::OutputColumn::text(nm("HotCold_en", "HCen"), scatter(label_en, units.units, n_all)));
      columns.push_back(geo::OutputColumn::text(nm("HotCold_zh", "HCzh"), scatter(label_zh, units.units, n_all)));
      // Chinese legends show the five classes (热点区 .. 冷点区) that Chinese reports print.
      style_field = natural_breaks || lang == LegendLanguage::Chinese ? class_name : bin_name;
      neighbours_field = nm("NNeighbors", "NNb");

      std::size_t class_count[5] = {0, 0, 0, 0, 0};
      for (std::size_t i = 0; i < m; ++i)
        if (!island[i]) class_count[std::min(std::max(classes[i] + 2, 0), 4)]++;
      auto count = [&](int b) { return bin_count.count(b) ? bin_count[b] : std::size_t{0}; };
      years.push_back({{"field", field.name},
                       {"tag", field.tag},
                       {"n", m},
                       {"excluded", units.excluded},
                       {"isolated", islands.size()},
                       {"hot_99", count(3)},
                       {"hot_95", count(2)},
                       {"hot_90", count(1)},
                       {"not_significant", count(0)},
                       {"cold_90", count(-1)},
                       {"cold_95", count(-2)},
                       {"cold_99", count(-3)},
                       {"hot_spots", count(3) + count(2) + count(1)},
                       {"cold_spots", count(-3) + count(-2) + count(-1)},
                       {"classes", {{"hot", class_count[4]},
                                    {"sub_hot", class_count[3]},
                                    {"transition", class_count[2]},
                                    {"sub_cold", class_count[1]},
                                    {"cold", class_count[0]}}}});
      rows.push_back({field.name, std::to_string(m), std::to_string(count(3)), std::to_string(count(2)),
                      std::to_string(count(1)), std::to_string(count(-1)), std::to_string(count(-2)),
                      std::to_string(count(-3)), std::to_string(count(0)), std::to_string(islands.size())});
      if (fields.size() == 1) {
        const std::pair<int, const char*> order[] = {{3, "hot spots, 99 %"},  {2, "hot spots, 95 %"},
                                                     {1, "hot spots, 90 %"},  {-1, "cold spots, 90 %"},
                                                     {-2, "cold spots, 95 %"}, {-3, "cold spots, 99 %"}};
        for (auto& [b, label] : order) {
          if (!bin_ids.count(b)) continue;
          std::string line = std::string("  ") + label + ":";
          for (std::size_t j = 0; j < bin_ids[b].size() && j < 25; ++j) line += (j ? ", " : " ") + bin_ids[b][j];
          if (bin_count[b] > 25) line += ", ... (" + std::to_string(bin_count[b]) + ")";
          listing.push_back(line);
        }
      }
    }

    timer.lap("classes");
    const std::map<std::string, std::string> renamed = names.finalise(columns);
    if (auto it = renamed.find(style_field); it != renamed.end()) style_field = it->second;
    if (auto it = renamed.find(neighbours_field); it != renamed.end()) neighbours_field = it->second;
    geo::WriteOptions write = write_options(args, feedback);
    write.style_qml = natural_breaks || lang == LegendLanguage::Chinese
                          ? hot_cold_style(style_field, neighbours_field, lang)
                          : gi_bin_style(style_field, neighbours_field, lang);
    write.style_name = std::string(star ? "Gi*" : "Gi") + " hot spots (" + style_field + ")";
    Result result;
    write_local_output(args, layer, columns, write, result);

    timer.lap("write");
    auto& s = result.summary;
    s["seconds"] = timer.json();
    const std::string inference = inference_text(options.permutations, options.seed,
                                                 p_value_rule_name(options.rule), args.text("adjust"));
    s["statistic"] = star ? "Gi*" : "Gi";
    s["weights"] = weights.description;
    s["p_values"] = options.permutations > 0 ? "permutation" : "analytical";
    s["inference"] = inference;
    s["permutations"] = options.permutations;
    s["seed"] = options.seed;
    s["p_rule"] = p_value_rule_name(options.rule);
    s["adjust"] = args.text("adjust");
    s["classes"] = natural_breaks ? "natural-breaks" : "bins";
    s["years"] = years;
    s["style_field"] = style_field;
    s["hot_spots"] = years.back()["hot_spots"];
    s["cold_spots"] = years.back()["cold_spots"];
    nlohmann::json fields_written = nlohmann::json::array();
    for (auto& c : columns) fields_written.push_back(c.name);
    s["fields"] = fields_written;

    std::ostringstream os;
    os << "Getis-Ord " << (star ? "Gi* (self included)" : "Gi (self excluded)") << " hot spots of "
       << (fields.size() > 1 ? std::to_string(fields.size()) + " fields" : "'" + fields[0].name + "'") << " in "
       << layer.path << "\n"
       << "  weights: " << weights.description << (star ? ", self included before the transform (spdep include.self)" : "") << "\n"
       << "  p-values: " << inference << "\n"
       << "  five classes (HotCold): " << (natural_breaks ? "natural breaks of GiZScore" : "from Gi_Bin") << "\n";
    os << text_table({"field", "n", "hot 99%", "hot 95%", "hot 90%", "cold 90%", "cold 95%", "cold 99%",
                      "not sig.", "isolated"},
                     rows);
    for (auto& line : listing) os << line << "\n";
    os << names_report(names, renamed, columns, result);
    os << "  style: categorised on " << style_field
       << (natural_breaks ? " (hot reds, cold blues)" : " (hot bins red, cold bins blue, not significant pale)") << "\n";
    result.report = os.str() + result.report;
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(HotspotAlgorithm)

}  // namespace rs
