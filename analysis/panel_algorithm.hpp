// The runner of every algorithm that works field by field on a layer, one field or a panel of
// yearly fields: lisa, hotspot, local-geary (analysis/local_statistic), moran, geary,
// general-g (analysis/global_statistic) and migration. The runner reads the layer once,
// expands the field patterns with each field's year tag, builds or loads the weights once,
// finds each field's valid units, calls the algorithm's compute step for each field (values and
// weights -> result columns, one summary row, its JSON), names the result columns (prefix/
// suffix, year, Shapefile limit), styles and writes them once, and hands the per-field outputs
// to the algorithm's finish step, which makes the summary, the printed report and any other
// output (a CSV table, an HTML report, the layers of a migration). Progress is one line for
// the whole panel and a warning repeated for every year is printed once with its years
// (PanelFeedback). Algorithms on tables (composite indices, inequality, ...) have the table
// runner (analysis/table_algorithm), whose naming and column output this runner shares.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/algorithm.hpp"
#include "analysis/local_common.hpp"
#include "analysis/step_timer.hpp"
#include "analysis/table_algorithm.hpp"
#include "analysis/valid_units.hpp"
#include "geo/layer.hpp"

namespace rs {

// What compute() sees for one field of a panel.
struct PanelField {
  const AnalysedField& field;
  std::size_t index;            // the field's position in the panel
  const ValidUnits* units;      // with weights: the units with a value in every analysed field and
                                // the weights among them; null for an algorithm without weights
  const LayerWeights* weights;  // the layer's weights (untransformed); null without
  const geo::Layer& layer;
  const Arguments& args;
  Feedback& feedback;           // progress within the field; warnings grouped by year
  bool panel;                   // one of several fields
};

// What compute() returns for one field.
struct PanelFieldOutput {
  std::vector<ResultColumn> columns;  // declared fields on the kept units (PanelField::units), in output order
  nlohmann::json year;                // the field's entry in the summary
  std::vector<std::string> row;       // its row in the printed table
  std::vector<std::string> lines;     // printed after the table
};

// The result columns as written: their names and the report on them.
struct WrittenColumns {
  std::vector<geo::OutputColumn> columns;  // every field's, in output order
  std::string style_field;                 // the final name of the field the output is styled on, or ""
  std::string names_report;                // lines naming the fields (and Shapefile renames)
};

// What finish() sees, once every field is computed and the result columns are written.
struct PanelEnd {
  const geo::Layer& layer;
  const Arguments& args;
  Feedback& feedback;
  const std::vector<AnalysedField>& fields;
  const LayerWeights* weights;             // null for an algorithm without weights
  std::vector<PanelFieldOutput>& outputs;  // one per field, in order (their columns moved to `written`)
  const WrittenColumns& written;
  StepTimer& timer;                        // lap "write" after writing other outputs
};

// One run of a panel algorithm: compute() is called for each field in order, then finish()
// once. It holds what the algorithm keeps between fields (a Moran scatterplot, a year's centre).
class PanelRun {
 public:
  virtual ~PanelRun() = default;
  virtual PanelFieldOutput compute(const PanelField& in) = 0;
  // The summary (--json), the printed report (Result::report, before what the runner printed)
  // and the algorithm's other outputs. The runner adds "seconds" after it.
  virtual void finish(const PanelEnd& end, Result& result) = 0;
};

class PanelAlgorithm : public Algorithm {
 public:
  // Formula, method and options; help() appends the declared result fields.
  virtual std::string description() const = 0;
  std::string help() const final;
  // The parameter naming the analysed fields ("field"; migration's "weight").
  virtual std::string fields_parameter() const { return "field"; }
  // Checks of the arguments before the layer is read (throw UsageError).
  virtual void check_arguments(const Arguments& /*args*/) const {}
  // The layer with the values of the fields this run reads (by default only the analysed ones:
  // at a million units each unread field is tens of MB less and part of the read time).
  virtual geo::Layer read(const Arguments& args, Feedback& feedback) const;
  // Checks of the arguments against the layer's fields, before the weights are built.
  virtual void check(const Arguments& /*args*/, const std::vector<AnalysedField>& /*fields*/) const {}
  // Whether the algorithm uses the spatial weights (and the runner builds them).
  virtual bool uses_weights() const { return true; }
  // The fields a unit needs a value in to be analysed for `field` (a bivariate --field2 adds one).
  virtual std::vector<std::string> analysed(const Arguments& /*args*/, const AnalysedField& field) const {
    return {field.name};
  }
  // A field's valid units and the weights among them; by default those of a local statistic
  // (at least 3 units, not constant: analysis/local_common's local_units).
  virtual ValidUnits field_units(const geo::Layer& layer, const LayerWeights& weights,
                                 const std::vector<std::string>& fields, Feedback& feedback) const;
  // Each per-unit result field, declared once (none: nothing written per unit).
  virtual std::vector<ResultField> result_fields() const { return {}; }
  // The declared field the output's style is categorised on ("" for none).
  virtual std::string style_field(const Arguments& /*args*/) const { return ""; }
  // The style on `field` (its final name); `final_name` gives that of any declared field.
  virtual void style(const Arguments& /*args*/, const std::string& /*field*/,
                     const std::function<std::string(const std::string&)>& /*final_name*/,
                     geo::WriteOptions& /*write*/) const {}
  // A run over the fields of `layer`; `timer` may lap steps of its own (migration's "points").
  virtual std::unique_ptr<PanelRun> start(const geo::Layer& layer, const Arguments& args,
                                          const std::vector<AnalysedField>& fields, Feedback& feedback,
                                          StepTimer& timer) const = 0;

  Result run(const Arguments& args, Feedback& feedback) const final;
};

}  // namespace rs
