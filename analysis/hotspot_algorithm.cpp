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
#include "analysis/local_statistic.hpp"

namespace rs {
namespace {

constexpr const char* kIsolatedEn = "Isolated";
constexpr const char* kIsolatedZh = "孤立单元";

class HotspotAlgorithm : public LocalStatisticAlgorithm {
 public:
  std::string name() const override { return "hotspot"; }
  std::string display_name() const override { return "Hot spots (Getis-Ord Gi*)"; }
  std::string short_help() const override {
    return "Getis-Ord Gi* hot and cold spots (Gi with --gi) for one field or every year of a panel";
  }
  std::string description() const override {
    return "Gi* z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2)/(n-1))), S the population sd, "
           "W_i = sum_j w_ij, S1_i = sum_j w_ij^2, j including i (self weight 1): ArcGIS GiZScore, R spdep "
           "localG on include.self() weights. --gi leaves i out (spdep localG on plain weights).\n"
           "GiPValue is the two-sided normal p of GiZScore (ArcGIS), or with --permutations N the "
           "conditional-permutation pseudo p (--p-rule, --seed; same result for any --threads).\n"
           "HotCold comes from Gi_Bin (|bin| 3 or 2: hot/cold, 1: sub) or, with --classes natural-breaks, "
           "from Jenks natural breaks of GiZScore in five classes. Units with a NULL value are excluded (NULL "
           "results); units without neighbours get NULL statistics and the label 'Isolated' (孤立单元).\n"
           "Panels: --field gdp_* (or repeated) analyses every year, names the fields with their panel names "
           "and the year (GiZ_2011: Shapefile-safe) and prints one row per year with the hot and cold spots "
           "at 99, 95 and 90 %.\n"
           "Without -o the run only prints its summary and writes nothing (command line: --json prints it as JSON).\n"
           "Style: the output opens in QGIS categorised on Gi_Bin (of the last year): 3 #d62f27, 2 #ed7551, "
           "1 #fab984, 0 #f7f7f7, -1 #a6bddb, -2 #5c8ac3, -3 #2166ac; on HotCold with natural breaks or with "
           "--lang zh (legend 热点区, 次热点区, 过渡区, 次冷点区, 冷点区). The legend tells units without "
           "neighbours (NNeighbors 0) from units without data.";
  }
  std::vector<std::string> references() const override {
    return {"Getis, A. & Ord, J. K. (1992). The analysis of spatial association by use of distance statistics. Geographical Analysis 24(3), 189-206.",
            "Ord, J. K. & Getis, A. (1995). Local spatial autocorrelation statistics: distributional issues and an application. Geographical Analysis 27(4), 286-306."};
  }
  std::vector<Parameter> method_parameters() const override {
    const Parameter gi = make_parameter("gi", ParamType::Boolean,
                                        "Gi (self excluded) instead of Gi* (self included)", "false", false);
    Parameter classes = make_parameter(
        "classes", ParamType::Enum,
        "Five-class hot/cold labelling from significance bins or natural breaks of GiZScore", "bins", false);
    classes.choices = {"bins", "natural-breaks"};
    return {gi, classes};
  }
  void adapt_inference(std::vector<Parameter>& inference) const override {
    for (auto& p : inference)
      if (p.name == "permutations") {
        p.default_value = "0";
        p.label = "Random permutations for pseudo p-values (0: analytical p of the z-score, as ArcGIS)";
      }
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "layer", "The input layer with the hot spot fields"},
            {"hot_spots", "number", "Hot spots at 90 % or more (last field)"},
            {"cold_spots", "number", "Cold spots at 90 % or more (last field)"}};
  }
  std::vector<ResultField> result_fields() const override {
    using T = ResultType;
    return {{"GiValue", "GiV", T::Real,
             "the statistic itself (Getis-Ord 1992): G_i* = sum_j w_ij x_j / sum_j x_j over all units, on the "
             "weights as transformed; with --gi, G_i = sum_{j != i} w_ij x_j / sum_{j != i} x_j; spdep localG's "
             "attr \"internals\" G*i / Gi; meaningful for positive x", "", {}},
            {"GiZScore", "GiZ", T::Real, "z-score of G_i* (of G_i with --gi)", "", {}},
            {"GiPValue", "GiP", T::Real, "two-sided normal p of the z-score, or the pseudo p", "", {}},
            {"GiPAdj", "GiPA", T::Real, "p adjusted for multiple tests (with --adjust fdr|bonferroni)", "", {}},
            {"Gi_Bin", "GiBin", T::Integer, "+-3, +-2, +-1 for p < 0.01, 0.05, 0.10 signed by z; 0 not significant", "", {}},
            {"NNeighbors", "NNb", T::Integer, "number of neighbours, self excluded", "", {}},
            {"HotCold", "HC", T::Integer, "2 hot, 1 sub-hot, 0 transition, -1 sub-cold, -2 cold", "", {}},
            {"HotCold_en", "HCen", T::Text, "the five classes in English", "", {}},
            {"HotCold_zh", "HCzh", T::Text, "the five classes in Chinese: 热点区, 次热点区, 过渡区, 次冷点区, 冷点区", "", {}}};
  }

  std::vector<ResultColumn> result_columns(const Arguments& args, LocalResult r,
                                           const std::vector<std::size_t>& islands) const override {
    const PAdjustment adjust = parse_p_adjustment(args.text("adjust"));
    const bool permuted = permutation_options(args).permutations > 0;
    const std::size_t m = r.neighbours.size();
    // Moved, not copied: at a million units every copy of a result vector is 8 MB more at the peak.
    std::vector<double> z = std::move(r.z.empty() ? r.statistic : r.z);
    std::vector<double> p = std::move(permuted ? r.p_permutation : r.p_analytical);
    std::vector<double> g_value = std::move(r.g_value);
    std::vector<bool> island(m, false);
    for (auto i : islands) {
      island[i] = true;
      z[i] = p[i] = g_value[i] = std::nan("");
    }
    std::vector<double> p_adjusted = adjust_p_values(p, adjust);
    const std::vector<int> bins = gi_bins(z, p_adjusted);
    const std::vector<int> classes = hot_cold_classes(z, bins, island, args.text("classes") == "natural-breaks");

    std::vector<std::optional<std::int64_t>> bin_out(m), class_out(m), neighbours(m);
    std::vector<std::optional<std::string>> label_en(m), label_zh(m);
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
    }
    std::vector<ResultColumn> out;
    out.push_back(real_column("GiValue", std::move(g_value)));
    out.push_back(real_column("GiZScore", std::move(z)));
    out.push_back(real_column("GiPValue", std::move(p)));
    if (adjust != PAdjustment::None) out.push_back(real_column("GiPAdj", std::move(p_adjusted)));
    out.push_back(integer_column("Gi_Bin", std::move(bin_out)));
    out.push_back(integer_column("NNeighbors", std::move(neighbours)));
    out.push_back(integer_column("HotCold", std::move(class_out)));
    out.push_back(text_column("HotCold_en", std::move(label_en)));
    out.push_back(text_column("HotCold_zh", std::move(label_zh)));
    return out;
  }

  LocalFieldOutput compute(const LocalField& in) const override {
    const bool star = !in.args.flag("gi");
    const SpatialWeights w = star ? weights_with_self(in.weights, in.units) : in.units.weights;
    const std::vector<double>& x = in.units.values[0];
    LocalResult r = local_g(x, w, star, permutation_options(in.args), in.feedback);
    LocalFieldOutput out;
    out.columns = result_columns(in.args, std::move(r), in.units.islands);

    const std::size_t m = x.size();
    const auto& bins = result_column(out.columns, "Gi_Bin").integers;
    const auto& classes = result_column(out.columns, "HotCold").integers;
    std::map<int, std::size_t> bin_count;
    std::map<int, std::vector<std::string>> bin_ids;
    std::size_t class_count[5] = {0, 0, 0, 0, 0};
    for (std::size_t i = 0; i < m; ++i) {
      if (!bins[i]) continue;  // no neighbours
      const int b = static_cast<int>(*bins[i]);
      bin_count[b]++;
      // The listing names 25 units per bin at most; the counts are in bin_count.
      if (bin_ids[b].size() < 26) bin_ids[b].push_back(in.layer.ids[in.units.units[i]]);
      class_count[std::min<std::int64_t>(std::max<std::int64_t>(*classes[i] + 2, 0), 4)]++;
    }
    auto count = [&](int b) { return bin_count.count(b) ? bin_count[b] : std::size_t{0}; };
    const std::size_t isolated = in.units.islands.size();
    out.year = {{"isolated", isolated},
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
                             {"cold", class_count[0]}}}};
    out.row = {in.field.name, std::to_string(m), std::to_string(count(3)), std::to_string(count(2)),
               std::to_string(count(1)), std::to_string(count(-1)), std::to_string(count(-2)),
               std::to_string(count(-3)), std::to_string(count(0)), std::to_string(isolated)};
    if (!in.panel) {
      const std::pair<int, const char*> order[] = {{3, "hot spots, 99 %"},  {2, "hot spots, 95 %"},
                                                   {1, "hot spots, 90 %"},  {-1, "cold spots, 90 %"},
                                                   {-2, "cold spots, 95 %"}, {-3, "cold spots, 99 %"}};
      for (auto& [b, label] : order) {
        if (!bin_ids.count(b)) continue;
        std::string line = std::string("  ") + label + ":";
        for (std::size_t j = 0; j < bin_ids[b].size() && j < 25; ++j) line += (j ? ", " : " ") + bin_ids[b][j];
        if (bin_count[b] > 25) line += ", ... (" + std::to_string(bin_count[b]) + ")";
        out.lines.push_back(line);
      }
    }
    return out;
  }

  // Chinese legends show the five classes (热点区 .. 冷点区) that Chinese reports print.
  static bool five_classes(const Arguments& args) {
    return args.text("classes") == "natural-breaks" || legend_language(args.text("lang")) == LegendLanguage::Chinese;
  }
  std::string style_field(const Arguments& args) const override { return five_classes(args) ? "HotCold" : "Gi_Bin"; }
  void style(const Arguments& args, const std::string& field, const std::function<std::string(const std::string&)>& final_name,
             geo::WriteOptions& write) const override {
    const LegendLanguage lang = legend_language(args.text("lang"));
    const std::string neighbours = final_name("NNeighbors");
    write.style_qml = five_classes(args) ? hot_cold_style(field, neighbours, lang) : gi_bin_style(field, neighbours, lang);
    write.style_name = std::string(args.flag("gi") ? "Gi" : "Gi*") + " hot spots (" + field + ")";
  }

  void summarise(const Arguments& args, nlohmann::json& s) const override {
    s["statistic"] = args.flag("gi") ? "Gi" : "Gi*";
    s["classes"] = args.text("classes") == "natural-breaks" ? "natural-breaks" : "bins";
    s["hot_spots"] = s["years"].back()["hot_spots"];
    s["cold_spots"] = s["years"].back()["cold_spots"];
  }

  LocalTexts texts(const Arguments& args) const override {
    const bool star = !args.flag("gi");
    const bool natural_breaks = args.text("classes") == "natural-breaks";
    LocalTexts t;
    t.statistic = std::string("Getis-Ord ") + (star ? "Gi* (self included)" : "Gi (self excluded)") + " hot spots";
    if (star) t.weights_note = ", self included before the transform (spdep include.self)";
    t.details = std::string("  five classes (HotCold): ") + (natural_breaks ? "natural breaks of GiZScore" : "from Gi_Bin") + "\n";
    t.header = {"field", "n", "hot 99%", "hot 95%", "hot 90%", "cold 90%", "cold 95%", "cold 99%", "not sig.", "isolated"};
    t.style_note = natural_breaks ? " (hot reds, cold blues)" : " (hot bins red, cold bins blue, not significant pale)";
    return t;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(HotspotAlgorithm)

}  // namespace rs
