// The local statistics on the weights (lisa, hotspot, local-geary and every new one), on the
// panel runner (analysis/panel_algorithm): an algorithm declares its result fields once and
// supplies its compute step for one field (the kept units' values and weights -> result
// columns, one summary row, its JSON) and its texts; this class adds their shared parameters,
// the summary (--json) and the printed report (DESIGN.md, "What an algorithm is").
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "algorithms/local_autocorrelation.hpp"
#include "analysis/algorithm.hpp"
#include "analysis/local_common.hpp"
#include "analysis/panel_algorithm.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {

// What compute() sees for one field of a panel.
struct LocalField {
  const AnalysedField& field;
  const ValidUnits& units;      // the units with a value in every analysed field, the weights among them
  const LayerWeights& weights;  // the layer's weights (untransformed, for Gi*'s self weights)
  const geo::Layer& layer;
  const Arguments& args;
  Feedback& feedback;           // progress within the field; warnings grouped by year
  bool panel;                   // one of several fields
};

// What compute() returns for one field: its entry in the summary's "years" (the runner adds
// field, tag, n, excluded) and the rest as PanelFieldOutput says.
using LocalFieldOutput = PanelFieldOutput;

// The texts of a run's report: "<statistic> of <fields><after_fields> in <path>", "  weights:
// <weights><weights_note>", "  p-values: <inference><p_note>", then `details` (whole lines), the
// table with `header`, and "  style: categorised on <field><style_note>".
struct LocalTexts {
  std::string statistic;
  std::string after_fields;
  std::string weights_note;
  std::string p_note;
  std::string details;
  std::vector<std::string> header;
  std::string style_note;
};

class LocalStatisticAlgorithm : public PanelAlgorithm {
 public:
  std::string group() const override { return "Hot spots and clusters"; }
  // Parameters after --field (the runner adds input, field, weights, inference, output, --lang).
  virtual std::vector<Parameter> method_parameters() const { return {}; }
  // Changes to the inference parameters (a default or a label).
  virtual void adapt_inference(std::vector<Parameter>& /*inference*/) const {}
  // Each result field, declared once.
  std::vector<ResultField> result_fields() const override = 0;
  virtual LocalFieldOutput compute(const LocalField& in) const = 0;
  // The result columns of a local result on its units, as written: shared by compute() and the
  // partitioned run (analysis/partitioned_local), which only the statistics it runs override.
  virtual std::vector<ResultColumn> result_columns(const Arguments& args, LocalResult r,
                                                   const std::vector<std::size_t>& islands) const;
  std::string style_field(const Arguments& args) const override = 0;
  void style(const Arguments& args, const std::string& field,
             const std::function<std::string(const std::string&)>& final_name,
             geo::WriteOptions& write) const override = 0;
  // Inference without permutations: "" when the statistic has an analytical one, else what the
  // summary says instead (and "p_values" is null).
  virtual std::string without_permutations() const { return ""; }
  virtual LocalTexts texts(const Arguments& args) const = 0;
  // The statistic's own summary keys; the runner has set weights, inference, permutations,
  // seed, p_rule, p_values, adjust, years, style_field, fields and output.
  virtual void summarise(const Arguments& args, nlohmann::json& summary) const = 0;

  std::vector<Parameter> parameters() const final;
  // The inference options and the p adjustment, checked before the layer is read.
  void check_arguments(const Arguments& args) const final;
  std::unique_ptr<PanelRun> start(const geo::Layer& layer, const Arguments& args,
                                  const std::vector<AnalysedField>& fields, Feedback& feedback,
                                  StepTimer& timer) const final;
};

// The declared column named `field` among `columns` (a logic error when it is absent).
const ResultColumn& result_column(const std::vector<ResultColumn>& columns, const std::string& field);

// A column of values on the kept units (`units`).
ResultColumn real_column(const std::string& field, std::vector<double> values);
ResultColumn integer_column(const std::string& field, std::vector<std::optional<std::int64_t>> values);
ResultColumn text_column(const std::string& field, std::vector<std::optional<std::string>> values);

}  // namespace rs
