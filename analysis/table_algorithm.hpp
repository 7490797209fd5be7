// The runner of algorithms that work on the fields of a layer or of a table (composite indices,
// inequality, Markov chains, detectors): an algorithm declares its own parameters and result
// fields and implements compute(); reading (layers and tables alike, wide or long), panel
// patterns and year tags, weights, naming of the result fields (prefix/suffix, year, the
// Shapefile limit), the staged write, the printed tables, --output-csv and --json belong to
// the runner (DESIGN.md, "What an algorithm is").
//
// A long table (one row per unit and year, `--year FIELD`) is pivoted into one field per year
// (`gdp` -> `gdp_2011`), so `--field 'gdp_*'` means the same on both shapes; results computed
// per year are written back onto the long rows of that year.
// FRAMEWORK READY
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/algorithm.hpp"
#include "analysis/layer_styles.hpp"
#include "analysis/local_common.hpp"
#include "analysis/valid_units.hpp"
#include "geo/layer.hpp"

namespace rs {

enum class ResultType { Real, Integer, Text };

// A result field, declared once: the help's field list, the QGIS outputs, the panel and
// Shapefile names and the style all come from this declaration.
struct ResultField {
  std::string name;         // full name ("EW_Score"): one field, a table, a long table
  std::string short_name;   // panel base of at most 5 characters: "EW" -> "EW_2011"
  ResultType type = ResultType::Real;
  std::string description;  // one line, shown in --help and QGIS
  std::string unit;         // "" or e.g. "%", "km"
  std::vector<StyleCategory> categories;  // non-empty: the output opens categorised on it
};

// The values of one declared field for one year of a panel (tag "" outside a panel), one per
// unit of the input (TableInput::size()).
struct ResultColumn {
  std::string field;  // ResultField::name
  std::string tag;    // "" or the year tag ("2011")
  std::string name;   // an explicit output name (fields made per factor); empty: derived
  std::vector<double> reals;                          // NaN is written as NULL
  std::vector<std::optional<std::int64_t>> integers;
  std::vector<std::optional<std::string>> texts;
};

// A table printed on the terminal; the first one of a run is also what --output-csv writes.
struct ReportTable {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  bool printed = true;  // false: too long for the terminal (density curves), only --output-csv
};

struct TableOutput {
  std::vector<ResultColumn> columns;                  // per-unit results, written with -o
  nlohmann::json summary = nlohmann::json::object();  // --json
  std::vector<ReportTable> tables;                    // printed; tables[0] is --output-csv
  std::vector<std::string> notes;                     // printed after the tables
  std::map<std::string, std::string> files;           // other files written (figures)
};

// What compute() sees: the units (rows of a wide input, or the units of a long table), their
// fields, the arguments, feedback, and the weights when the algorithm asks for them.
class TableInput {
 public:
  TableInput(const geo::Layer& layer, const Arguments& args, Feedback& feedback, bool long_table,
             const LayerWeights* weights);

  std::size_t size() const { return layer_.size(); }
  const std::vector<std::string>& ids() const { return layer_.ids; }
  // The values of a Field/Fields parameter, patterns (gdp_*) expanded in layer order, each with
  // its year tag (trailing digits of the name, else the name).
  std::vector<AnalysedField> fields(const std::string& parameter) const;
  // NaN for NULL and non-numeric text, counted in one warning per field; a field of text only
  // is a DataError naming it.
  std::vector<double> numbers(const std::string& field) const;
  std::vector<std::optional<std::string>> texts(const std::string& field) const;
  bool long_table() const { return long_table_; }
  const Arguments& args() const { return args_; }
  Feedback& feedback() const { return feedback_; }
  // The weights among the units (only for algorithms whose needs_weights() is true).
  const LayerWeights& weights() const;
  const geo::Layer& layer() const { return layer_; }

 private:
  const geo::Layer& layer_;
  const Arguments& args_;
  Feedback& feedback_;
  bool long_table_;
  const LayerWeights* weights_;
};

class TableAlgorithm : public Algorithm {
 public:
  // Formula, method and options; help() appends the declared result fields.
  virtual std::string description() const = 0;
  // The algorithm's own parameters; the runner adds input, output and (if needed) weights.
  virtual std::vector<Parameter> method_parameters() const = 0;
  virtual std::vector<ResultField> result_fields() const = 0;
  // Numbers returned to QGIS models besides the layer (keys of the summary).
  virtual std::vector<OutputDefinition> numeric_outputs() const { return {}; }
  // Whether the algorithm has the weights parameters, and whether a given run reads them (a
  // Markov chain needs weights only for its spatial form, so a table without geometry works).
  virtual bool needs_weights() const { return false; }
  virtual bool uses_weights(const Arguments& /*args*/) const { return needs_weights(); }
  virtual TableOutput compute(const TableInput& input) const = 0;

  std::string help() const final;
  std::vector<Parameter> parameters() const final;
  std::vector<OutputDefinition> outputs() const final;
  Result run(const Arguments& args, Feedback& feedback) const final;
};

// The help's list of the declared result fields (empty for none): "\nFields written with the
// output ...", one line per field with its panel name, type, description and unit.
std::string result_fields_help(const std::vector<ResultField>& fields);

// The declaration of the result field `name` of `algorithm` (a logic error when it has none).
const ResultField& declared_field(const std::vector<ResultField>& fields, const std::string& name,
                                  const std::string& algorithm);

// One declared column's values as an output column of `rows` rows: value u goes to row
// index[u] (or, with `by_row`, row r takes value index[r]); -1: none, NULL. With `merge_into`
// the values are placed into that column and an empty one is returned.
geo::OutputColumn output_column(const ResultField& field, const ResultColumn& column, const std::string& name,
                                const std::vector<std::size_t>& index, std::size_t rows,
                                geo::OutputColumn* merge_into = nullptr, bool by_row = false);

// A long table (one row per unit and year) as one unit per row with one field per year:
// numeric columns become NAME_YEAR, text columns that are constant within a unit are kept.
// Exposed for tests; `rows[u][year]` gives the source row of each unit-year.
struct PivotedTable {
  geo::Layer layer;
  std::vector<std::map<std::string, std::size_t>> rows;  // per unit: year tag -> source row
};
PivotedTable pivot_long_table(const geo::Layer& source, const std::string& id_field, const std::string& year_field);

// Display width of UTF-8 text on a terminal: East Asian wide characters take two columns.
std::size_t display_width(const std::string& text);

}  // namespace rs
