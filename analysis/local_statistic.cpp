#include "analysis/local_statistic.hpp"

#include <sstream>
#include <stdexcept>

#include "algorithms/multiple_testing.hpp"
#include "analysis/common_parameters.hpp"

namespace rs {

std::vector<ResultColumn> LocalStatisticAlgorithm::result_columns(const Arguments& /*args*/, LocalResult /*r*/,
                                                                  const std::vector<std::size_t>& /*islands*/) const {
  throw std::logic_error(name() + " has no partitioned run");
}

std::vector<Parameter> LocalStatisticAlgorithm::parameters() const {
  std::vector<Parameter> own{panel_fields_parameter()};
  for (auto& p : method_parameters()) own.push_back(p);
  std::vector<Parameter> inference = inference_parameters();
  adapt_inference(inference);
  return concat(input_parameters(), own, weights_parameters(), inference, output_parameters(false),
                std::vector<Parameter>{legend_language_parameter()});
}

void LocalStatisticAlgorithm::check_arguments(const Arguments& args) const {
  permutation_options(args);
  parse_p_adjustment(args.text("adjust"));
}

namespace {

// One run of a local statistic: each field's compute(), then the summary and the report.
class LocalRun : public PanelRun {
 public:
  explicit LocalRun(const LocalStatisticAlgorithm& algorithm) : algorithm_(algorithm) {}

  PanelFieldOutput compute(const PanelField& in) override {
    PanelFieldOutput out =
        algorithm_.compute({in.field, *in.units, *in.weights, in.layer, in.args, in.feedback, in.panel});
    out.year["field"] = in.field.name;
    out.year["tag"] = in.field.tag;
    out.year["n"] = in.units->units.size();
    out.year["excluded"] = in.units->excluded;
    return out;
  }

  void finish(const PanelEnd& end, Result& result) override {
    const Arguments& args = end.args;
    const PermutationOptions options = permutation_options(args);
    const bool permuted = options.permutations > 0;
    const std::string without = algorithm_.without_permutations();
    const std::string inference = permuted || without.empty()
                                      ? inference_text(options.permutations, options.seed,
                                                       p_value_rule_name(options.rule), args.text("adjust"))
                                      : without;
    nlohmann::json years = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> lines;
    for (auto& out : end.outputs) {
      years.push_back(std::move(out.year));
      rows.push_back(std::move(out.row));
      for (auto& line : out.lines) lines.push_back(line);
    }
    const std::string& style_name = end.written.style_field;
    auto& s = result.summary;
    s["weights"] = end.weights->description;
    s["p_values"] = permuted ? nlohmann::json("permutation")
                             : without.empty() ? nlohmann::json("analytical") : nlohmann::json(nullptr);
    s["inference"] = inference;
    s["permutations"] = options.permutations;
    s["seed"] = options.seed;
    s["p_rule"] = p_value_rule_name(options.rule);
    s["adjust"] = args.text("adjust");
    s["years"] = years;
    s["style_field"] = style_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(style_name);
    algorithm_.summarise(args, s);

    const LocalTexts t = algorithm_.texts(args);
    const auto& fields = end.fields;
    std::ostringstream os;
    os << t.statistic << " of "
       << (fields.size() > 1 ? std::to_string(fields.size()) + " fields" : "'" + fields[0].name + "'")
       << t.after_fields << " in " << end.layer.path << "\n"
       << "  weights: " << end.weights->description << t.weights_note << "\n"
       << "  p-values: " << inference << t.p_note << "\n"
       << t.details;
    os << text_table(t.header, rows);
    for (auto& line : lines) os << line << "\n";
    os << end.written.names_report;
    if (!style_name.empty()) os << "  style: categorised on " << style_name << t.style_note << "\n";
    result.report = os.str() + result.report;
  }

 private:
  const LocalStatisticAlgorithm& algorithm_;
};

}  // namespace

std::unique_ptr<PanelRun> LocalStatisticAlgorithm::start(const geo::Layer& /*layer*/, const Arguments& /*args*/,
                                                         const std::vector<AnalysedField>& /*fields*/,
                                                         Feedback& /*feedback*/, StepTimer& /*timer*/) const {
  return std::make_unique<LocalRun>(*this);
}

const ResultColumn& result_column(const std::vector<ResultColumn>& columns, const std::string& field) {
  for (auto& c : columns)
    if (c.field == field) return c;
  throw std::logic_error("no result column '" + field + "'");
}

ResultColumn real_column(const std::string& field, std::vector<double> values) {
  ResultColumn c;
  c.field = field;
  c.reals = std::move(values);
  return c;
}

ResultColumn integer_column(const std::string& field, std::vector<std::optional<std::int64_t>> values) {
  ResultColumn c;
  c.field = field;
  c.integers = std::move(values);
  return c;
}

ResultColumn text_column(const std::string& field, std::vector<std::optional<std::string>> values) {
  ResultColumn c;
  c.field = field;
  c.texts = std::move(values);
  return c;
}

}  // namespace rs
