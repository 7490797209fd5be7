#include "analysis/global_statistic.hpp"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/global_autocorrelation.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/display_text.hpp"
#include "analysis/local_common.hpp"
#include "analysis/provenance.hpp"
#include "analysis/scatterplot_report.hpp"
#include "analysis/step_timer.hpp"
#include "analysis/valid_units.hpp"
#include "geo/output_file.hpp"

namespace rs {
namespace {

const char* symbol(GlobalStatistic s) {
  switch (s) {
    case GlobalStatistic::Moran: return "I";
    case GlobalStatistic::Geary: return "C";
    case GlobalStatistic::GeneralG: return "G";
  }
  return "";
}

// JSON number, null for NaN (not defined for this statistic or not computed).
nlohmann::json num(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

std::string fmt(double v, int precision = 4) {
  if (!std::isfinite(v)) return "-";
  std::ostringstream os;
  if (v != 0 && std::fabs(v) < 1e-3) {
    os << std::scientific << std::setprecision(2) << v;
  } else {
    os << std::fixed << std::setprecision(precision) << v;
  }
  return os.str();
}

struct FieldRun {
  std::string field, field2;
  GlobalResult result;
  std::size_t excluded = 0;
  std::vector<std::string> island_ids;
  ScatterplotData scatter;
};

nlohmann::json to_json(const FieldRun& run, const std::string& weights) {
  const GlobalResult& r = run.result;
  nlohmann::json j;
  j["statistic_name"] = r.statistic_name;
  j["field"] = run.field;
  if (!run.field2.empty()) j["field2"] = run.field2;
  j["statistic"] = r.statistic;
  j["expected"] = r.expected;
  j["variance_normality"] = num(r.normality.variance);
  j["z_normality"] = num(r.normality.z);
  j["p_normality"] = num(r.normality.p);
  j["variance_randomization"] = num(r.randomisation.variance);
  j["z_randomization"] = num(r.randomisation.z);
  j["p_randomization"] = num(r.randomisation.p);
  j["kurtosis"] = num(r.kurtosis);
  const PermutationInference& p = r.permutation;
  j["permutations"] = p.permutations;
  j["seed"] = p.seed;
  j["p_rule"] = p_value_rule_name(p.rule);
  j["p_permutation"] = num(p.p);
  j["permutation_mean"] = num(p.mean);
  j["permutation_sd"] = num(p.sd);
  j["z_permutation"] = num(p.z);
  j["z_permutation_se"] = num(p.z_se);
  j["p_permutation_se_one_sided"] = num(p.p_se_one_sided);
  j["n"] = r.n;
  j["n_with_neighbours"] = r.n_with_neighbours;
  j["excluded_missing"] = run.excluded;
  j["islands"] = run.island_ids;
  j["weights"] = weights;
  // Which inference each number comes from, for the numbers this statistic has.
  nlohmann::json inference = nlohmann::json::object();
  if (r.normality.available)
    inference["normality"] = "variance_normality, z_normality, p_normality: analytical, x assumed normal "
                             "(spdep randomisation=FALSE)";
  if (r.randomisation.available)
    inference["randomization"] = r.statistic_name == "General G"
                                     ? "variance_randomization, z_randomization, p_randomization: analytical moments of "
                                       "Getis and Ord (1992) under random permutation (spdep globalG.test)"
                                     : "variance_randomization, z_randomization, p_randomization: analytical, all "
                                       "permutations of x equally likely, with the kurtosis term (spdep randomisation=TRUE)";
  if (p.permutations > 0) {
    inference["permutation"] = "p_permutation, permutation_mean, permutation_sd, z_permutation = (statistic - "
                               "permutation_mean) / permutation_sd: from the random permutations of " +
                               (run.field2.empty() ? run.field + " (spdep moran.mc/geary.mc)" : run.field2);
    inference["permutation_se"] = "z_permutation_se = (statistic - expected) / permutation_sd with its one-sided normal "
                                  "p_permutation_se_one_sided: the bootstrap standard error convention of published tables";
  }
  inference["p_rule"] = std::string(p_value_rule_name(p.rule)) +
                        ": applies to every p; z > 0 means positive spatial autocorrelation (Geary: C < 1)";
  j["inference"] = inference;
  return j;
}

}  // namespace

std::vector<Parameter> GlobalStatisticAlgorithm::parameters() const {
  const GlobalStatistic statistic = this->statistic();
  std::vector<Parameter> own{panel_fields_parameter()};
  if (statistic == GlobalStatistic::Moran) {
    Parameter field2 = input_field_parameter("field2", ParamType::Field,
                                             "Second field for bivariate Moran's I: each --field against the spatial lag of this one");
    own.push_back(field2);
  }
  std::vector<Parameter> inference;
  for (auto& p : inference_parameters())
    if (p.name != "alpha" && p.name != "adjust") inference.push_back(p);
  Parameter csv = make_parameter("output_csv", ParamType::OutputFile, "CSV file of the per-field table");
  csv.file_filter = "CSV files (*.csv)";
  Parameter report = make_parameter("report", ParamType::OutputFile,
                          statistic == GlobalStatistic::Moran ? "HTML report with the table and a Moran scatterplot per field"
                                                              : "HTML report with the table");
  report.file_filter = "HTML files (*.html)";
  Parameter overwrite = make_parameter("overwrite", ParamType::Boolean, "Replace existing output files");
  overwrite.default_value = "false";
  overwrite.advanced = true;
  return concat(input_parameters(), own,
                weights_parameters(statistic == GlobalStatistic::GeneralG ? "B" : "W"), inference,
                std::vector<Parameter>{csv, report, overwrite});
}

std::vector<OutputDefinition> GlobalStatisticAlgorithm::outputs() const {
  const GlobalStatistic statistic = this->statistic();
  const std::string s = symbol(statistic);
  return {{"statistic", "number", "The statistic (" + s + ") of the first field"},
          {"expected", "number", "Its expectation under the null"},
          {"z_randomization", "number", "z under randomisation"},
          {"p_randomization", "number", "p under randomisation"},
          {"p_permutation", "number", "Pseudo p from the permutations"},
          {"output_csv", "file", "Per-field table (CSV)"},
          {"report", "html", "HTML report"}};
}

std::string GlobalStatisticAlgorithm::help_common() {
  return "Inference, said for every number: 'normality' and 'randomization' are the analytical "
         "moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); "
         "'permutation' numbers come from --permutations random permutations of the field (spdep "
         "moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value "
         "gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; "
         "z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-"
         "standard-error convention of published tables. --p-rule (folded by default, c = min(c_ge, P - c_ge) as GeoDa and esda; folded-ties, greater, less, "
         "two-sided) applies to all p-values; a positive z means positive spatial autocorrelation "
         "(for Geary, C < 1), so 'greater' is spdep's default alternative.\n"
         "Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the "
         "same weights and seed and printed as one table row (--output-csv writes the table).\n"
         "Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are "
         "restricted to the remaining units, then transformed (as spdep's subset.listw). Units without "
         "neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and "
         "variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.";
}

void GlobalStatisticAlgorithm::check_arguments(const Arguments& args) const {
  permutation_options(args);
  for (const char* out : {"output_csv", "report"})
    if (args.given(out) && std::filesystem::exists(args.text(out)) && !args.flag("overwrite"))
      throw UsageError("'" + args.text(out) + "' exists; use --overwrite to replace it");
  if (statistic() == GlobalStatistic::GeneralG) {
    const geo::WeightsSpec spec = weights_spec(args);
    if (spec.style == WeightsStyle::Row || spec.style == WeightsStyle::VarianceStabilising)
      throw UsageError(std::string("General G needs binary (B) or non-standardised (U) weights, not ") +
                       (spec.style == WeightsStyle::Row ? "row-standardised (W)" : "variance-stabilising (S)") +
                       " ones: use --transform B (or U for distance-based weights such as idw)");
  }
}

ValidUnits GlobalStatisticAlgorithm::field_units(const geo::Layer& layer, const LayerWeights& weights,
                                                 const std::vector<std::string>& fields, Feedback& feedback) const {
  return units_with_values(layer, weights, fields, feedback);
}

std::vector<std::string> GlobalStatisticAlgorithm::analysed(const Arguments& args, const AnalysedField& field) const {
  if (statistic() == GlobalStatistic::Moran && args.given("field2")) return {field.name, args.text("field2")};
  return {field.name};
}

namespace {

// One run: the statistic of each field, then the table, --json, --output-csv and --report.
class GlobalRun : public PanelRun {
 public:
  GlobalRun(GlobalStatistic statistic, const geo::Layer& layer, const Arguments& args)
      : statistic_(statistic), options_(permutation_options(args)), report_(args.given("report")) {
    if (statistic == GlobalStatistic::Moran && args.given("field2")) {
      field2_ = layer.fields[layer.field_index(args.text("field2"))].name;
      layer.numeric(field2_);  // a text field is a DataError naming it, before any statistic
    }
  }

  PanelFieldOutput compute(const PanelField& in) override {
    const ValidUnits& v = *in.units;
    // The permutations are a task of their own after the weights': report its start (after the
    // information lines above, which would break its line), as its first report can already be
    // 100 % - the other threads may finish every block before the reporting one finishes its
    // first - which the progress printer would take for the weights' 100 % said again.
    if (in.index == 0 && options_.permutations > 0) in.feedback.progress(0.0);
    FieldRun run;
    run.field = in.field.name;
    run.field2 = field2_;
    run.excluded = v.excluded;
    for (auto i : v.islands) run.island_ids.push_back(v.weights.ids()[i]);
    switch (statistic_) {
      case GlobalStatistic::Moran:
        run.result = field2_.empty()
                         ? moran(v.values[0], v.weights, options_, in.feedback, run.field)
                         : moran_bivariate(v.values[0], v.values[1], v.weights, options_, in.feedback, run.field, field2_);
        break;
      case GlobalStatistic::Geary: run.result = geary(v.values[0], v.weights, options_, in.feedback, run.field); break;
      case GlobalStatistic::GeneralG:
        run.result = general_g(v.values[0], v.weights, options_, in.feedback, run.field);
        break;
    }
    run.result.simulated.clear();
    run.result.simulated.shrink_to_fit();
    if (statistic_ == GlobalStatistic::Moran && report_) {
      const std::vector<double>& y = field2_.empty() ? v.values[0] : v.values[1];
      MoranScatter s = moran_scatter(v.values[0], y, v.weights);
      run.scatter.title = field2_.empty() ? run.field : run.field + " and lagged " + field2_;
      run.scatter.x_label = run.field + " (standardised)";
      run.scatter.y_label = "spatial lag of " + (field2_.empty() ? run.field : field2_) + " (standardised)";
      run.scatter.x = std::move(s.z);
      run.scatter.y = std::move(s.lag);
      for (auto i : v.units) run.scatter.ids.push_back(in.layer.ids[i]);
      run.scatter.slope = s.slope;
      run.scatter.caption = run.result.statistic_name + " = " + fmt(run.result.statistic) + "; line slope " + fmt(s.slope);
    }
    PanelFieldOutput out;
    out.year = to_json(run, in.weights->description);
    out.row = table_row(run);
    runs_.push_back(std::move(run));
    return out;
  }

  void finish(const PanelEnd& end, Result& result) override;

 private:
  // The table regional papers print: one row per field (year).
  static std::vector<std::string> table_row(const FieldRun& run) {
    const GlobalResult& r = run.result;
    std::vector<std::string> row{run.field, std::to_string(r.n), fmt(r.statistic), fmt(r.expected)};
    if (r.randomisation.available) {
      row.push_back(fmt(r.randomisation.z, 3));
      row.push_back(fmt(r.randomisation.p));
    }
    row.push_back(fmt(r.permutation.z, 3));
    row.push_back(fmt(r.permutation.p));
    return row;
  }

  GlobalStatistic statistic_;
  PermutationOptions options_;
  bool report_;
  std::string field2_;
  std::vector<FieldRun> runs_;
};

void GlobalRun::finish(const PanelEnd& end, Result& result) {
  const Arguments& args = end.args;
  const std::string& weights = end.weights->description;
  if (runs_.size() == 1) {
    result.summary = std::move(end.outputs[0].year);
  } else {
    nlohmann::json list = nlohmann::json::array();
    for (auto& out : end.outputs) list.push_back(std::move(out.year));
    result.summary["statistic_name"] = runs_[0].result.statistic_name;
    result.summary["weights"] = weights;
    result.summary["permutations"] = options_.permutations;
    result.summary["seed"] = options_.seed;
    result.summary["p_rule"] = p_value_rule_name(options_.rule);
    result.summary["results"] = list;
    // The first field's numbers at the top level too, for QGIS outputs and models.
    for (const char* key : {"statistic", "expected", "z_randomization", "p_randomization", "p_permutation"})
      result.summary[key] = list[0][key];
  }
  const bool bivariate = !field2_.empty();
  const std::string s = bivariate ? "I_xy" : symbol(statistic_);
  const bool has_randomisation = runs_[0].result.randomisation.available;
  std::vector<std::string> header{"field", "n", s, "E[" + s + "]"};
  if (has_randomisation) {
    header.push_back("z (rand.)");
    header.push_back("p (rand.)");
  }
  header.push_back("z (perm.)");
  header.push_back("p (perm.)");
  HtmlTable table;
  table.header = header;
  for (auto& out : end.outputs) table.rows.push_back(std::move(out.row));
  // Columns measured by display width: a field name may be Chinese (two columns a character).
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = display_width(header[c]);
    for (auto& row : table.rows) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::ostringstream os;
  const std::string title = runs_[0].result.statistic_name + (bivariate ? " of each field and lagged " + field2_ : "");
  os << title << " - " << end.layer.path << "\n"
     << "weights: " << weights << "; " << options_.permutations << " permutations, seed " << options_.seed
     << ", p rule " << p_value_rule_name(options_.rule) << "\n";
  auto print_row = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c)
      os << (c ? "  " : "") << (c == 0 ? pad_right(row[c], widths[c]) : pad_left(row[c], widths[c]));
    os << "\n";
  };
  print_row(header);
  for (auto& row : table.rows) print_row(row);
  std::vector<std::string> notes;
  if (has_randomisation)
    notes.push_back("z, p (rand.): analytical under randomisation (spdep " +
                    std::string(statistic_ == GlobalStatistic::Moran ? "moran.test" : statistic_ == GlobalStatistic::Geary ? "geary.test" : "globalG.test") +
                    "); z, p (perm.): from the permutations.");
  else
    notes.push_back("z, p (perm.): from permutations of " + field2_ + " (no analytical inference for bivariate Moran).");
  if (statistic_ == GlobalStatistic::Geary) notes.push_back("Geary's z is (1 - C) / sd: positive for positive spatial autocorrelation.");
  if (runs_.size() == 1) {
    const GlobalResult& r = runs_[0].result;
    std::ostringstream d;
    if (r.normality.available)
      d << "normality: variance " << fmt(r.normality.variance, 6) << ", z " << fmt(r.normality.z, 3) << ", p " << fmt(r.normality.p) << "\n";
    if (r.randomisation.available)
      d << "randomization: variance " << fmt(r.randomisation.variance, 6) << ", z " << fmt(r.randomisation.z, 3) << ", p "
        << fmt(r.randomisation.p) << "\n";
    if (r.permutation.permutations > 0)
      d << "permutation: mean " << fmt(r.permutation.mean) << ", sd " << fmt(r.permutation.sd) << ", z "
        << fmt(r.permutation.z, 3) << ", pseudo p " << fmt(r.permutation.p) << "; with the permutation SE: z = ("
        << s << " - E) / SE = " << fmt(r.permutation.z_se, 3) << ", one-sided p " << fmt(r.permutation.p_se_one_sided) << "\n";
    os << d.str();
  }
  for (auto& n : notes) os << n << "\n";

  const bool overwrite = args.flag("overwrite");
  if (args.given("output_csv")) {
    std::ostringstream csv;
    csv.precision(17);
    csv << "field,field2,statistic_name,n,n_with_neighbours,excluded_missing,statistic,expected,variance_normality,"
           "z_normality,p_normality,variance_randomization,z_randomization,p_randomization,permutations,seed,p_rule,"
           "permutation_mean,permutation_sd,z_permutation,p_permutation,z_permutation_se,p_permutation_se_one_sided\n";
    auto c = [](double v) {
      if (!std::isfinite(v)) return std::string();
      std::ostringstream o;
      o.precision(17);
      o << v;
      return o.str();
    };
    auto quote = [](const std::string& t) { return "\"" + t + "\""; };
    for (auto& run : runs_) {
      const GlobalResult& r = run.result;
      csv << quote(run.field) << "," << quote(run.field2) << "," << quote(r.statistic_name) << "," << r.n << ","
          << r.n_with_neighbours << "," << run.excluded << "," << c(r.statistic) << "," << c(r.expected) << ","
          << c(r.normality.variance) << "," << c(r.normality.z) << "," << c(r.normality.p) << ","
          << c(r.randomisation.variance) << "," << c(r.randomisation.z) << "," << c(r.randomisation.p) << ","
          << r.permutation.permutations << "," << r.permutation.seed << "," << p_value_rule_name(r.permutation.rule) << ","
          << c(r.permutation.mean) << "," << c(r.permutation.sd) << "," << c(r.permutation.z) << "," << c(r.permutation.p)
          << "," << c(r.permutation.z_se) << "," << c(r.permutation.p_se_one_sided) << "\n";
    }
    const std::string path = args.text("output_csv");
    geo::write_text_file(path, csv.str(), overwrite);
    result.files["output_csv"] = path;
    result.summary["output_csv"] = path;
    os << "wrote " << path << "\n";
  }
  if (args.given("report")) {
    std::vector<ScatterplotData> plots;
    for (auto& run : runs_)
      if (!run.scatter.x.empty()) plots.push_back(run.scatter);
    // The data, weights, inference and seed, as `regionstat report` prints them from --json.
    record_input(args, result.summary);
    std::vector<std::string> page_notes;
    for (auto& line : provenance_lines(result.summary)) page_notes.push_back(line.label + ": " + line.text);
    page_notes.insert(page_notes.end(), notes.begin(), notes.end());
    const std::string path = args.text("report");
    geo::write_text_file(path, html_report(title, page_notes, table, plots), overwrite);
    result.files["report"] = path;
    result.summary["report"] = path;
    os << "wrote " << path << "\n";
  }
  if (args.given("output_csv") || args.given("report")) end.timer.lap("write");
  result.report = os.str() + result.report;
}

}  // namespace

std::unique_ptr<PanelRun> GlobalStatisticAlgorithm::start(const geo::Layer& layer, const Arguments& args,
                                                          const std::vector<AnalysedField>& /*fields*/,
                                                          Feedback& /*feedback*/, StepTimer& /*timer*/) const {
  return std::make_unique<GlobalRun>(statistic(), layer, args);
}

}  // namespace rs
