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
#include "analysis/local_statistic.hpp"

namespace rs {
namespace {

class LisaAlgorithm : public LocalStatisticAlgorithm {
 public:
  std::string name() const override { return "lisa"; }
  std::string display_name() const override { return "Local Moran's I (LISA)"; }
  std::string short_help() const override {
    return "Local Moran's I (LISA) clusters and outliers, univariate or bivariate, for one field or every year of a panel";
  }
  std::string description() const override {
    return "I_i = z_i * sum_j w_ij z_j / m2 with z = x - mean, m2 = sum z^2 / (n-1) and row-standardised "
           "weights (GeoDa LISA_I, esda Is, ArcGIS LMiIndex; R spdep localmoran with mlvar=FALSE). "
           "Bivariate with --field2 G: z_x,i times the lag of z_y (GeoDa's bivariate LISA).\n"
           "Inference: conditional permutations (default 999; a unit's neighbours are drawn from the "
           "other n-1 values; same --seed, same result for any --threads); --permutations 0 gives the "
           "analytical z and two-sided normal p under randomisation: LMiZScore then equals Z.Ii and LMiPValue "
           "Pr(z != E(Ii)) of spdep localmoran(x, listw) with its default mlvar=TRUE (a z-score does not "
           "depend on m2; localmoran(mlvar=FALSE) gives our LMiIndex but, in spdep 1.2, a Z.Ii from moments "
           "computed with m2 = sum z^2 / n).\n"
           "Units with a NULL value are excluded (NULL results); units without neighbours get NULL "
           "statistics and LISA_CL 6.\n"
           "Panels: --field gdp_* (or repeated) analyses every year, names the fields with their panel names "
           "and the year (LMiI_2011: 10 characters, Shapefile-safe) and prints one row per year: n, global "
           "Moran's I and the counts of HH, LL, LH, HL clusters.\n"
           "Without -o the run only prints its summary and writes nothing (command line: --json prints it as JSON).\n"
           "Style: the output opens in QGIS categorised on LISA_CL (of the last year): HH red #d7191c, "
           "LL blue #2c7bb6, LH light blue #abd9e9, HL pink #f4a6a6, not significant light grey, "
           "undefined and isolated darker grey, NULL hatched.";
  }
  std::vector<std::string> references() const override {
    return {"Anselin, L. (1995). Local indicators of spatial association - LISA. Geographical Analysis 27(2), 93-115.",
            "Anselin, L., Syabri, I. & Smirnov, O. (2002). Visualizing multivariate spatial correlation with dynamically linked windows. (bivariate LISA)"};
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter field2 = input_field_parameter("field2", ParamType::Field,
                                             "Second field for a bivariate LISA (x against the lag of this field)");
    const Parameter moments = make_parameter(
        "moments", ParamType::Boolean,
        "Also write E[I_i] and Var[I_i] under randomisation (LMiExpect, LMiVar; spdep localmoran E.Ii, Var.Ii)",
        "false", false);
    return {field2, moments};
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "layer", "The input layer with the LISA fields"},
            {"moran_i", "number", "Global Moran's I (of the last field)"},
            {"high_high", "number", "Significant High-High units (last field)"},
            {"low_low", "number", "Significant Low-Low units (last field)"}};
  }
  std::vector<ResultField> result_fields() const override {
    using T = ResultType;
    return {{"LMiIndex", "LMiI", T::Real, "local Moran's I_i", "", {}},
            {"LMiZScore", "LMiZ", T::Real,
             "z of I_i: (I_i - mean) / sd of its permutations, or the analytical z with --permutations 0", "", {}},
            {"LMiPValue", "LMiP", T::Real, "pseudo p from the permutations, or the analytical p", "", {}},
            {"LMiPAdj", "LMiPA", T::Real, "p adjusted for multiple tests (with --adjust)", "", {}},
            {"LMiExpect", "LMiE", T::Real,
             "E[I_i] under conditional randomisation, the exact moment of LMiIndex: spdep localmoran's E.Ii "
             "times (n-1)/n (with --moments)", "", {}},
            {"LMiVar", "LMiV", T::Real,
             "Var[I_i] under conditional randomisation: spdep localmoran's Var.Ii times ((n-1)/n)^2 (with "
             "--moments)", "", {}},
            {"COType", "COT", T::Text, "HH, LL, LH or HL where p < --alpha, empty otherwise", "", {}},
            {"LISA_CL", "LisCL", T::Integer,
             "GeoDa cluster code: 0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 5 undefined, 6 isolated", "", {}},
            {"Quadrant", "Quad", T::Text, "Moran scatterplot quadrant of every unit, no significance filter", "", {}},
            {"NNeighbors", "NNb", T::Integer, "number of neighbours", "", {}}};
  }
  void check(const Arguments& args, const std::vector<AnalysedField>& fields) const override {
    if (!args.text("field2").empty() && fields.size() > 1)
      throw UsageError("a bivariate LISA (--field2) takes one --field, not a panel of " +
                       std::to_string(fields.size()) + " fields");
  }
  std::vector<std::string> analysed(const Arguments& args, const AnalysedField& field) const override {
    if (args.text("field2").empty()) return {field.name};
    return {field.name, args.text("field2")};
  }

  std::vector<ResultColumn> result_columns(const Arguments& args, LocalResult r,
                                           const std::vector<std::size_t>& islands) const override {
    const PAdjustment adjust = parse_p_adjustment(args.text("adjust"));
    const bool permuted = permutation_options(args).permutations > 0;
    // Moved, not copied: at a million units every copy of a result vector is 8 MB more at the peak.
    std::vector<double> index = std::move(r.statistic);
    std::vector<double> z = std::move(permuted ? r.z_permutation : r.z);
    std::vector<double> p = std::move(permuted ? r.p_permutation : r.p_analytical);
    std::vector<double> expected = std::move(r.expected), variance = std::move(r.variance);
    for (auto i : islands) index[i] = z[i] = p[i] = expected[i] = variance[i] = std::nan("");
    std::vector<double> p_adjusted = adjust_p_values(p, adjust);
    // Quadrants from the Moran scatterplot: standardised x against the lag of standardised y.
    const LisaClasses classes = classify_lisa(r.standardised, r.lag, p_adjusted, r.neighbours, args.number("alpha"));

    const std::size_t m = index.size();
    std::vector<std::optional<std::string>> co_type(m), quadrant(m);
    std::vector<std::optional<std::int64_t>> cluster(m), neighbours(m);
    for (std::size_t i = 0; i < m; ++i) {
      const bool island = r.neighbours[i] == 0;
      cluster[i] = island ? 6 : classes.cluster_code[i];
      if (!island) {
        co_type[i] = classes.co_type[i];
        if (const char* q = quadrant_name(classes.quadrant[i])) quadrant[i] = q;
      }
      neighbours[i] = r.neighbours[i];
    }
    std::vector<ResultColumn> out;
    out.push_back(real_column("LMiIndex", std::move(index)));
    out.push_back(real_column("LMiZScore", std::move(z)));
    out.push_back(real_column("LMiPValue", std::move(p)));
    if (adjust != PAdjustment::None) out.push_back(real_column("LMiPAdj", std::move(p_adjusted)));
    if (args.flag("moments")) {
      out.push_back(real_column("LMiExpect", std::move(expected)));
      out.push_back(real_column("LMiVar", std::move(variance)));
    }
    out.push_back(text_column("COType", std::move(co_type)));
    out.push_back(integer_column("LISA_CL", std::move(cluster)));
    out.push_back(text_column("Quadrant", std::move(quadrant)));
    out.push_back(integer_column("NNeighbors", std::move(neighbours)));
    return out;
  }

  LocalFieldOutput compute(const LocalField& in) const override {
    const std::string field2 = in.args.text("field2");
    const PermutationOptions options = permutation_options(in.args);
    const SpatialWeights& w = in.units.weights;
    const std::vector<double>& x = in.units.values[0];
    const std::vector<double>& y = field2.empty() ? x : in.units.values[1];
    LocalResult r = field2.empty() ? local_moran(x, w, options, in.feedback)
                                   : local_moran_bivariate(x, y, w, options, in.feedback);
    LocalFieldOutput out;
    out.columns = result_columns(in.args, std::move(r), in.units.islands);
    std::size_t counts[7] = {0, 0, 0, 0, 0, 0, 0};
    for (auto& code : result_column(out.columns, "LISA_CL").integers) counts[std::min<std::int64_t>(std::max<std::int64_t>(*code, 0), 6)]++;

    // Global Moran's I of the year with its analytical z and p (randomisation) - or, for the
    // bivariate I, which has no analytical inference, its permutation p.
    PermutationOptions global_options = options;
    if (field2.empty()) global_options.permutations = 0;
    const GlobalResult global = field2.empty() ? moran(x, w, global_options)
                                               : moran_bivariate(x, y, w, global_options);
    const double moran_i = global.statistic;
    const double moran_z = field2.empty() ? global.randomisation.z : global.permutation.z;
    const double moran_p = field2.empty() ? global.randomisation.p : global.permutation.p;
    const std::size_t m = x.size();
    out.year = {{"isolated", counts[6]},
                {"moran_i", moran_i},
                {"moran_z", moran_z},
                {"moran_p", moran_p},
                {"high_high", counts[1]},
                {"low_low", counts[2]},
                {"low_high", counts[3]},
                {"high_low", counts[4]},
                {"not_significant", counts[0]},
                {"undefined", counts[5]}};
    out.row = {in.field.name, std::to_string(m), report_number(moran_i), report_number(moran_z, 3),
               report_number(moran_p, 4), std::to_string(counts[1]),
               std::to_string(counts[2]), std::to_string(counts[3]), std::to_string(counts[4]),
               std::to_string(counts[0]), std::to_string(counts[6])};
    return out;
  }

  std::string style_field(const Arguments& /*args*/) const override { return "LISA_CL"; }
  void style(const Arguments& args, const std::string& field, const std::function<std::string(const std::string&)>& /*final_name*/,
             geo::WriteOptions& write) const override {
    write.style_qml = lisa_cluster_style(field, legend_language(args.text("lang")));
    write.style_name = "LISA clusters (" + field + ")";
  }

  void summarise(const Arguments& args, nlohmann::json& s) const override {
    s["statistic"] = args.text("field2").empty() ? "local Moran's I" : "bivariate local Moran's I";
    s["field2"] = args.text("field2");
    s["alpha"] = args.number("alpha");
    const auto last = s["years"].back();
    for (const char* key : {"moran_i", "high_high", "low_low", "low_high", "high_low"}) s[key] = last[key];
  }

  LocalTexts texts(const Arguments& args) const override {
    const std::string field2 = args.text("field2");
    const PermutationOptions options = permutation_options(args);
    std::ostringstream alpha;
    alpha << args.number("alpha");
    LocalTexts t;
    t.statistic = std::string(field2.empty() ? "local Moran's I" : "bivariate local Moran's I") + " (LISA)";
    if (!field2.empty()) t.after_fields = " against the lag of '" + field2 + "'";
    t.p_note = "; clusters where p < " + alpha.str();
    t.details = "  Moran's I: " + (field2.empty() ? "z and p under randomisation (" + std::string(p_value_rule_name(options.rule)) + " p)"
                                                  : std::string("bivariate, permutation z and p")) + "\n";
    t.header = {"field", "n", "Moran's I", "z", "p", "HH", "LL", "LH", "HL", "not sig.", "isolated"};
    t.style_note = " (HH red, LL blue, LH light blue, HL pink)";
    return t;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(LisaAlgorithm)

}  // namespace rs
