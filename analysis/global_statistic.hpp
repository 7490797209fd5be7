// What `regionstat moran`, `geary` and `general-g` share, on the panel runner
// (analysis/panel_algorithm): parameters, one global statistic per field (a panel of years in
// one call), the per-field table, --json, --output-csv and --report. Each command supplies its
// statistic, names and help.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analysis/panel_algorithm.hpp"

namespace rs {

enum class GlobalStatistic { Moran, Geary, GeneralG };

class GlobalStatisticAlgorithm : public PanelAlgorithm {
 public:
  virtual GlobalStatistic statistic() const = 0;
  std::string group() const override { return "Spatial autocorrelation"; }
  std::vector<Parameter> parameters() const final;
  std::vector<OutputDefinition> outputs() const final;
  // The output files and General G's transform, checked before the layer is read.
  void check_arguments(const Arguments& args) const final;
  // The units with values in the field (and --field2) and the weights among them; the checks
  // (zero variance, too few units) are the statistic's own.
  ValidUnits field_units(const geo::Layer& layer, const LayerWeights& weights, const std::vector<std::string>& fields,
                         Feedback& feedback) const final;
  std::vector<std::string> analysed(const Arguments& args, const AnalysedField& field) const final;
  std::unique_ptr<PanelRun> start(const geo::Layer& layer, const Arguments& args,
                                  const std::vector<AnalysedField>& fields, Feedback& feedback,
                                  StepTimer& timer) const final;

 protected:
  // The help paragraphs on inference, missing values and islands that the three commands share.
  static std::string help_common();
};

}  // namespace rs
