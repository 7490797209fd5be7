#include "analysis/panel_algorithm.hpp"

#include <map>
#include <optional>
#include <stdexcept>

#include "analysis/common_parameters.hpp"

namespace rs {

std::string PanelAlgorithm::help() const { return description() + result_fields_help(result_fields()); }

geo::Layer PanelAlgorithm::read(const Arguments& args, Feedback& feedback) const {
  std::vector<std::string> names = args.list(fields_parameter());
  if (args.given("field2")) names.push_back(args.text("field2"));
  return read_input(args, feedback, names);
}

ValidUnits PanelAlgorithm::field_units(const geo::Layer& layer, const LayerWeights& weights,
                                       const std::vector<std::string>& fields, Feedback& feedback) const {
  return local_units(layer, weights, fields, feedback);
}

Result PanelAlgorithm::run(const Arguments& args, Feedback& feedback) const {
  StepTimer timer;
  check_arguments(args);
  geo::Layer layer = read(args, feedback);
  timer.lap("read");
  const std::vector<AnalysedField> fields = analysed_fields(args, layer, fields_parameter());
  check(args, fields);
  std::optional<LayerWeights> weights;
  if (uses_weights()) {
    weights.emplace(layer_weights(args, layer, feedback));
    layer.release_geometries();  // not needed any more: the writer reads them again
    timer.lap("weights");
  }
  const std::size_t n_all = layer.size();
  const std::vector<ResultField> declared = result_fields();
  // Checked before any work: the names of a panel need {field} or {year} in --prefix/--suffix.
  std::optional<ResultNames> names;
  if (!declared.empty()) names.emplace(args, layer, fields.size() > 1);

  std::unique_ptr<PanelRun> panel_run = start(layer, args, fields, feedback, timer);
  std::vector<PanelFieldOutput> outputs;
  WrittenColumns written;
  std::map<std::string, std::string> last_names;  // declared field -> its name for the last field
  // One progress line for the panel; the warnings of every year (the same units excluded, the
  // same island) once, with the years, when the run ends.
  PanelFeedback panel(feedback, fields.size());
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const AnalysedField& field = fields[k];
    panel.start_field(k, field.name);
    feedback.check_cancelled();
    std::optional<ValidUnits> units;
    if (weights) units.emplace(field_units(layer, *weights, analysed(args, field), panel));
    PanelFieldOutput out = panel_run->compute({field, k, units ? &*units : nullptr, weights ? &*weights : nullptr,
                                               layer, args, panel, fields.size() > 1});
    timer.lap("statistic");
    for (ResultColumn& column : out.columns) {
      if (!names || !units) throw std::logic_error(name() + " returned result columns it did not declare");
      const ResultField& f = declared_field(declared, column.field, name());
      const std::string requested = names->name(f.name, f.short_name.empty() ? f.name : f.short_name, field);
      last_names[f.name] = requested;
      written.columns.push_back(output_column(f, column, requested, units->units, n_all));
      column = ResultColumn();  // its values are in the output column now
    }
    outputs.push_back(std::move(out));
  }

  Result result;
  if (names) {
    timer.lap("classes");
    const std::map<std::string, std::string> renamed = names->finalise(written.columns);
    auto final_name = [&](const std::string& field) {
      const std::string& requested = last_names.at(field);
      const auto it = renamed.find(requested);
      return it == renamed.end() ? requested : it->second;
    };
    const std::string styled = style_field(args);
    if (!styled.empty()) written.style_field = final_name(styled);
    geo::WriteOptions write = write_options(args, feedback);
    if (!written.style_field.empty()) style(args, written.style_field, final_name, write);
    write_local_output(args, layer, written.columns, write, result);
    timer.lap("write");
    nlohmann::json fields_written = nlohmann::json::array();
    for (auto& c : written.columns) fields_written.push_back(c.name);
    result.summary["fields"] = fields_written;
    written.names_report = names_report(*names, renamed, written.columns, result);
  }
  panel_run->finish({layer, args, feedback, fields, weights ? &*weights : nullptr, outputs, written, timer}, result);
  result.summary["seconds"] = timer.json();
  return result;
}

}  // namespace rs
