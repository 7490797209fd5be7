// Steps the local statistics commands (lisa, hotspot, local-geary) share: the fields of a
// panel and the year tag of each, the units with values and the weights among them, the names
// of the result fields (single field, panel, Shapefile limit), the panel's feedback and the
// write (analysis/local_statistic is the runner that uses them).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "algorithms/feedback.hpp"
#include "algorithms/spatial_weights.hpp"
#include "analysis/algorithm.hpp"
#include "analysis/step_timer.hpp"
#include "analysis/valid_units.hpp"
#include "analysis/year_grouping_feedback.hpp"
#include "geo/layer.hpp"
#include "geo/layer_writer.hpp"

namespace rs {

// One analysed field and the tag naming its results in a panel: the trailing year-like
// digits of the name ("gdp_2011" -> "2011"), else the name itself.
struct AnalysedField {
  std::string name;
  std::string tag;
};

// The fields of `parameter` (--field, repeated or patterns such as gdp_*), checked numeric.
std::vector<AnalysedField> analysed_fields(const Arguments& args, const geo::Layer& layer,
                                           const std::string& parameter = "field");

// The units with a value in every one of `fields` and the weights among them
// (analysis/valid_units); a text field is a DataError naming it, missing values a counted warning.
ValidUnits units_with_values(const geo::Layer& layer, const LayerWeights& weights,
                             const std::vector<std::string>& fields, Feedback& feedback);

// The same with the checks of a local statistic: a text field, fewer than 3
// units or a constant field is a DataError naming the field.
ValidUnits local_units(const geo::Layer& layer, const LayerWeights& weights, const std::vector<std::string>& fields,
                       Feedback& feedback);

// Gi* weights: the kept units' weights with the diagonal (self weight 1) added before the
// transform, as spdep's nb2listw(include.self(nb), style).
SpatialWeights weights_with_self(const LayerWeights& weights, const ValidUnits& units);

// Names of result fields. One field: the ArcGIS name with --prefix/--suffix ("{field}" in them
// stands for the field). Panel: a short base name with "_" + the year tag (GiZ_2011), or the
// user's --prefix/--suffix, which must then contain "{field}" or "{year}". For a Shapefile
// output the names are cut to 10 characters (unique, clear of the input's fields).
class ResultNames {
 public:
  ResultNames(const Arguments& args, const geo::Layer& layer, bool panel);
  bool panel() const { return panel_; }
  // Requested name of a result field: `base` for one field, `short_base` in a panel.
  std::string name(const std::string& base, const std::string& short_base, const AnalysedField& field);
  // Final names of the columns (Shapefile limit applied); returns the renames.
  std::map<std::string, std::string> finalise(std::vector<geo::OutputColumn>& columns) const;
  // The base -> panel short name mapping used, for the report.
  const std::vector<std::pair<std::string, std::string>>& short_names() const { return short_names_; }

 private:
  const Arguments& args_;
  bool panel_;
  bool shapefile_;
  std::vector<std::string> existing_;  // the input's field names as they will be written
  std::vector<std::pair<std::string, std::string>> short_names_;
};

// Report lines naming the result fields (or the panel's short names) and the Shapefile
// renames; adds them to the summary too.
std::string names_report(const ResultNames& names, const std::map<std::string, std::string>& renamed,
                         const std::vector<geo::OutputColumn>& columns, Result& result);

// Feedback for a run over the fields of a panel: progress of field k of K maps to
// [k/K, (k+1)/K] (one progress line for the whole panel), and a warning repeated for every
// year (the same units excluded, the same island) is printed once with the years it concerns
// (YearGroupingFeedback), at the run's end (flush() or the destructor); so are the information
// lines of a panel of several fields, which would otherwise break the progress line.
class PanelFeedback : public Feedback {
 public:
  PanelFeedback(Feedback& inner, std::size_t fields) : inner_(inner), grouped_(inner, fields > 1), fields_(fields) {}
  void start_field(std::size_t index, const std::string& name);
  void progress(double fraction) override;
  void info(const std::string& message) override { grouped_.info(message); }
  void warning(const std::string& message) override { grouped_.warning(message); }
  void flush() { grouped_.flush(); }
  bool cancelled() const override { return inner_.cancelled(); }

 private:
  Feedback& inner_;
  YearGroupingFeedback grouped_;
  std::size_t fields_;
  std::size_t index_ = 0;
};

// The driver an output will be written with ("GPKG", "ESRI Shapefile", ...); "" without -o.
std::string output_driver(const Arguments& args);

// Writes the result columns to -o and notes it in the result; without -o the run is
// summary-only (its summary, text or --json, is printed and nothing is written), which the
// report says. Sets summary["output"] to the path written or null.
void write_local_output(const Arguments& args, const geo::Layer& layer, const std::vector<geo::OutputColumn>& columns,
                        const geo::WriteOptions& write, Result& result);

// Fixed-width text table: header and rows, right-aligned columns.
std::string text_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// How the p-values were obtained, for the summary: "999 conditional permutations (seed 12345,
// folded pseudo p)" or "analytical (normal approximation)", plus the adjustment.
std::string inference_text(int permutations, std::uint64_t seed, const std::string& rule,
                           const std::string& adjust);

// Number formatting for reports.
std::string report_number(double value, int precision = 4);

}  // namespace rs
