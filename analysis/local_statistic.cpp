#include "analysis/local_statistic.hpp"

#include <map>
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

Result LocalStatisticAlgorithm::run(const Arguments& args, Feedback& feedback) const {
  StepTimer timer;
  // Only the analysed fields' values are read (the writer copies the others from the input):
  // at a million units each unread field is tens of MB less and part of the read time.
  std::vector<std::string> analysed_names = args.list("field");
  if (args.given("field2")) analysed_names.push_back(args.text("field2"));
  geo::Layer layer = read_input(args, feedback, analysed_names);
  timer.lap("read");
  const std::vector<AnalysedField> fields = analysed_fields(args, layer);
  check(args, fields);
  const PermutationOptions options = permutation_options(args);
  parse_p_adjustment(args.text("adjust"));
  const LayerWeights weights = layer_weights(args, layer, feedback);
  layer.release_geometries();  // not needed any more: the writer reads them again
  timer.lap("weights");
  const std::size_t n_all = layer.size();
  const std::vector<ResultField> declared = result_fields();

  ResultNames names(args, layer, fields.size() > 1);
  std::vector<geo::OutputColumn> columns;
  std::map<std::string, std::string> last_names;  // declared field -> its name for the last field
  nlohmann::json years = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> lines;

  PanelFeedback panel(feedback, fields.size());
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const AnalysedField& field = fields[k];
    panel.start_field(k, field.name);
    feedback.check_cancelled();
    const ValidUnits units = local_units(layer, weights, analysed(args, field), panel);
    LocalFieldOutput out = compute({field, units, weights, layer, args, panel, fields.size() > 1});
    timer.lap("statistic");
    for (ResultColumn& column : out.columns) {
      const ResultField& f = declared_field(declared, column.field, name());
      const std::string requested = names.name(f.name, f.short_name.empty() ? f.name : f.short_name, field);
      last_names[f.name] = requested;
      columns.push_back(output_column(f, column, requested, units.units, n_all));
      column = ResultColumn();  // its values are in the output column now
    }
    out.year["field"] = field.name;
    out.year["tag"] = field.tag;
    out.year["n"] = units.units.size();
    out.year["excluded"] = units.excluded;
    years.push_back(std::move(out.year));
    rows.push_back(std::move(out.row));
    for (auto& line : out.lines) lines.push_back(line);
  }

  timer.lap("classes");
  const std::map<std::string, std::string> renamed = names.finalise(columns);
  auto final_name = [&](const std::string& field) {
    const std::string& requested = last_names.at(field);
    const auto it = renamed.find(requested);
    return it == renamed.end() ? requested : it->second;
  };
  const std::string styled = style_field(args);
  const std::string style_name = styled.empty() ? std::string() : final_name(styled);
  geo::WriteOptions write = write_options(args, feedback);
  if (!style_name.empty()) style(args, style_name, final_name, write);
  Result result;
  write_local_output(args, layer, columns, write, result);
  timer.lap("write");

  const bool permuted = options.permutations > 0;
  const std::string without = without_permutations();
  const std::string inference = permuted || without.empty()
                                    ? inference_text(options.permutations, options.seed,
                                                     p_value_rule_name(options.rule), args.text("adjust"))
                                    : without;
  auto& s = result.summary;
  s["seconds"] = timer.json();
  s["weights"] = weights.description;
  s["p_values"] = permuted ? nlohmann::json("permutation")
                           : without.empty() ? nlohmann::json("analytical") : nlohmann::json(nullptr);
  s["inference"] = inference;
  s["permutations"] = options.permutations;
  s["seed"] = options.seed;
  s["p_rule"] = p_value_rule_name(options.rule);
  s["adjust"] = args.text("adjust");
  s["years"] = years;
  s["style_field"] = style_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(style_name);
  nlohmann::json fields_written = nlohmann::json::array();
  for (auto& c : columns) fields_written.push_back(c.name);
  s["fields"] = fields_written;
  summarise(args, s);

  const LocalTexts t = texts(args);
  std::ostringstream os;
  os << t.statistic << " of "
     << (fields.size() > 1 ? std::to_string(fields.size()) + " fields" : "'" + fields[0].name + "'") << t.after_fields
     << " in " << layer.path << "\n"
     << "  weights: " << weights.description << t.weights_note << "\n"
     << "  p-values: " << inference << t.p_note << "\n"
     << t.details;
  os << text_table(t.header, rows);
  for (auto& line : lines) os << line << "\n";
  os << names_report(names, renamed, columns, result);
  if (!style_name.empty()) os << "  style: categorised on " << style_name << t.style_note << "\n";
  result.report = os.str() + result.report;
  return result;
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
