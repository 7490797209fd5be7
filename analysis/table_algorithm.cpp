#include "analysis/table_algorithm.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/year_grouping_feedback.hpp"
#include "geo/layer_writer.hpp"
#include "geo/output_file.hpp"

namespace rs {

// ---------------------------------------------------------------------------------------------
// Input

TableInput::TableInput(const geo::Layer& layer, const Arguments& args, Feedback& feedback, bool long_table,
                       const LayerWeights* weights)
    : layer_(layer), args_(args), feedback_(feedback), long_table_(long_table), weights_(weights) {}

std::vector<AnalysedField> TableInput::fields(const std::string& parameter) const {
  std::vector<AnalysedField> out;
  if (!args_.given(parameter) && args_.parameter(parameter).optional) return out;
  for (auto& name : expand_fields(args_, parameter, layer_)) {
    std::size_t start = name.size();
    while (start > 0 && std::isdigit(static_cast<unsigned char>(name[start - 1]))) --start;
    out.push_back({name, start < name.size() ? name.substr(start) : name});
  }
  return out;
}

std::vector<double> TableInput::numbers(const std::string& field) const {
  return numeric_field(layer_, field, feedback_).values;
}

std::vector<std::optional<std::string>> TableInput::texts(const std::string& field) const {
  return layer_.text(field);
}

const LayerWeights& TableInput::weights() const {
  if (!weights_) throw std::logic_error("weights asked for by a run whose uses_weights() is false");
  return *weights_;
}

namespace {

std::string year_text(const geo::AttributeValue& v) {
  if (auto d = std::get_if<double>(&v)) {
    std::ostringstream os;
    os.precision(15);
    os << *d;
    return os.str();
  }
  if (auto s = std::get_if<std::string>(&v)) return *s;
  return "";
}

std::string cell_text(const geo::AttributeValue& v) { return year_text(v); }

}  // namespace

PivotedTable pivot_long_table(const geo::Layer& source, const std::string& id_field, const std::string& year_field) {
  const std::size_t id_col = source.field_index(id_field);
  const std::size_t year_col = source.field_index(year_field);
  PivotedTable out;
  geo::Layer& layer = out.layer;
  layer.path = source.path;
  layer.layer_name = source.layer_name;
  layer.options = source.options;
  layer.driver = source.driver;
  layer.crs = source.crs;

  // Units in order of first appearance; years sorted.
  std::map<std::string, std::size_t> unit_index;
  std::set<std::string> years;
  for (std::size_t r = 0; r < source.size(); ++r) {
    const std::string id = cell_text(source.attributes[id_col][r]);
    const std::string year = year_text(source.attributes[year_col][r]);
    if (id.empty()) throw DataError("row " + std::to_string(r + 1) + " of '" + source.path + "' has no id in '" + id_field + "'");
    if (year.empty()) throw DataError("row " + std::to_string(r + 1) + " of '" + source.path + "' (unit '" + id + "') has no year in '" + year_field + "'");
    auto [it, inserted] = unit_index.emplace(id, layer.ids.size());
    if (inserted) {
      layer.ids.push_back(id);
      layer.fids.push_back(static_cast<std::int64_t>(layer.ids.size()));
      out.rows.emplace_back();
    }
    auto& unit_rows = out.rows[it->second];
    if (!unit_rows.emplace(year, r).second)
      throw DataError("'" + source.path + "' has two rows for unit '" + id + "' and year " + year +
                      " (fields '" + id_field + "', '" + year_field + "')");
    years.insert(year);
  }
  const std::size_t units = layer.ids.size();
  layer.geometries.resize(units);

  for (std::size_t f = 0; f < source.fields.size(); ++f) {
    if (f == id_col || f == year_col) continue;
    const geo::FieldInfo& info = source.fields[f];
    if (info.numeric) {
      for (const std::string& year : years) {
        layer.fields.push_back({info.name + "_" + year, info.type, true});
        std::vector<geo::AttributeValue> values(units);
        for (std::size_t u = 0; u < units; ++u)
          if (auto it = out.rows[u].find(year); it != out.rows[u].end()) values[u] = source.attributes[f][it->second];
        layer.attributes.push_back(std::move(values));
      }
    } else {
      // Text (a region, a name): kept when it is the same in every year of a unit.
      std::vector<geo::AttributeValue> values(units);
      bool constant = true;
      for (std::size_t u = 0; u < units && constant; ++u) {
        bool first = true;
        for (auto& [year, r] : out.rows[u]) {
          const geo::AttributeValue& v = source.attributes[f][r];
          if (first) values[u] = v;
          else if (v != values[u]) constant = false;
          first = false;
        }
      }
      if (!constant) continue;
      layer.fields.push_back(info);
      layer.attributes.push_back(std::move(values));
    }
  }
  // The id itself, so that it can be written or used as a group.
  layer.fields.push_back(source.fields[id_col]);
  std::vector<geo::AttributeValue> ids(units);
  for (std::size_t u = 0; u < units; ++u) ids[u] = layer.ids[u];
  layer.attributes.push_back(std::move(ids));
  layer.options.id_field = id_field;
  return out;
}

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0 && i + 3 < text.size() + 0) {
      cp = ((c & 0x07u) << 18) | ((text[i + 1] & 0x3Fu) << 12) | ((text[i + 2] & 0x3Fu) << 6) | (text[i + 3] & 0x3Fu);
      len = 4;
    } else if (c >= 0xE0 && i + 2 < text.size()) {
      cp = ((c & 0x0Fu) << 12) | ((text[i + 1] & 0x3Fu) << 6) | (text[i + 2] & 0x3Fu);
      len = 3;
    } else if (c >= 0xC0 && i + 1 < text.size()) {
      cp = ((c & 0x1Fu) << 6) | (text[i + 1] & 0x3Fu);
      len = 2;
    }
    // East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth W/F): CJK, Hangul, kana,
    // fullwidth forms and CJK punctuation take two terminal columns.
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
                      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

// ---------------------------------------------------------------------------------------------
// Description

namespace {

const char* result_type_name(ResultType type) {
  switch (type) {
    case ResultType::Real: return "real";
    case ResultType::Integer: return "integer";
    case ResultType::Text: return "text";
  }
  return "real";
}

}  // namespace

std::string result_fields_help(const std::vector<ResultField>& fields) {
  std::ostringstream os;
  if (!fields.empty()) {
    os << "\nFields written with the output (panel name + _YEAR for each year):";
    for (const auto& f : fields) {
      os << "\n  " << f.name;
      if (!f.short_name.empty() && f.short_name != f.name) os << " (" << f.short_name << "_YEAR)";
      os << ", " << result_type_name(f.type) << ": " << f.description;
      if (!f.unit.empty()) os << " [" << f.unit << "]";
    }
  }
  return os.str();
}

std::string TableAlgorithm::help() const {
  std::ostringstream os;
  os << description() << result_fields_help(result_fields());
  os << "\nInput: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); "
        "no geometry is needed. A long table (one row per unit and year) is read with the year field "
        "and the unit id field: each numeric column becomes one field per year (gdp -> gdp_2011), and "
        "per-year results are written back onto the rows of their year.";
  return os.str();
}

std::vector<Parameter> TableAlgorithm::parameters() const {
  std::vector<Parameter> input = input_parameters();
  input.front().label = "Input layer or table (any format GDAL reads: GeoPackage, Shapefile, CSV, XLSX, ODS)";
  Parameter year = input_field_parameter("year", ParamType::Field,
                                         "Year field of a long table (one row per unit and year; needs the id field)");
  year.numeric = false;
  input.push_back(year);
  std::vector<Parameter> out = input;
  for (auto& p : method_parameters()) out.push_back(p);
  if (needs_weights())
    for (auto& p : weights_parameters()) out.push_back(p);
  std::vector<Parameter> output = output_parameters(false);
  output.front().label = "Output layer or table: the input with the result fields appended (.gpkg, .shp, .csv, ...)";
  Parameter csv = make_parameter("output_csv", ParamType::OutputFile, "CSV file of the printed result table");
  csv.file_filter = "CSV files (*.csv)";
  Parameter bom = make_parameter("csv_bom", ParamType::Boolean,
                                 "Write CSV files as UTF-8 with a byte-order mark (for Excel on Chinese Windows)",
                                 "false", false);
  bom.advanced = true;
  output.push_back(csv);
  output.push_back(bom);
  for (auto& p : output) out.push_back(p);
  return out;
}

std::vector<OutputDefinition> TableAlgorithm::outputs() const {
  std::vector<OutputDefinition> out{{"output", "layer", "The input with the result fields"},
                                    {"output_csv", "file", "The result table as CSV"}};
  for (auto& o : numeric_outputs()) out.push_back(o);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Run

namespace {

std::string csv_text(const ReportTable& table, bool bom) {
  std::ostringstream os;
  if (bom) os << "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) os << (c ? "," : "") << geo::csv_cell(cells[c]);
    os << "\n";
  };
  line(table.header);
  for (auto& row : table.rows) line(row);
  return os.str();
}

// A table aligned by display width (CJK characters are two columns wide).
std::string aligned_table(const ReportTable& table) {
  std::vector<std::size_t> widths(table.header.size(), 0);
  for (std::size_t c = 0; c < table.header.size(); ++c) widths[c] = display_width(table.header[c]);
  for (auto& row : table.rows)
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  std::ostringstream os;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
      os << "  " << std::string(widths[c] - display_width(cells[c]), ' ') << cells[c];
    os << "\n";
  };
  if (!table.title.empty()) os << table.title << "\n";
  line(table.header);
  std::vector<std::string> rule;
  for (auto w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (auto& row : table.rows) line(row);
  return os.str();
}

}  // namespace

const ResultField& declared_field(const std::vector<ResultField>& fields, const std::string& name,
                                  const std::string& algorithm) {
  for (auto& f : fields)
    if (f.name == name) return f;
  throw std::logic_error(algorithm + ": result column '" + name + "' is not a declared result field");
}

geo::OutputColumn output_column(const ResultField& field, const ResultColumn& column, const std::string& name,
                                const std::vector<std::size_t>& index, std::size_t rows,
                                geo::OutputColumn* merge_into, bool by_row) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  auto place = [&](auto& target, const auto& values, auto empty) {
    if (target.empty()) target.assign(rows, empty);
    if (by_row) {
      for (std::size_t r = 0; r < rows; ++r)
        if (index[r] != none && index[r] < values.size()) target[r] = values[index[r]];
      return;
    }
    for (std::size_t u = 0; u < values.size() && u < index.size(); ++u)
      if (index[u] != none) target[index[u]] = values[u];
  };
  geo::OutputColumn fresh;
  geo::OutputColumn& out = merge_into ? *merge_into : fresh;
  out.name = name;
  switch (field.type) {
    case ResultType::Real:
      out.type = geo::OutputColumn::Type::Real;
      place(out.reals, column.reals, std::nan(""));
      break;
    case ResultType::Integer:
      out.type = geo::OutputColumn::Type::Integer;
      place(out.integers, column.integers, std::optional<std::int64_t>{});
      break;
    case ResultType::Text:
      out.type = geo::OutputColumn::Type::Text;
      place(out.texts, column.texts, std::optional<std::string>{});
      break;
  }
  return fresh;
}

Result TableAlgorithm::run(const Arguments& args, Feedback& feedback) const {
  StepTimer timer;
  // Check every output before any work.
  const bool overwrite = args.flag("overwrite");
  const std::string output = args.text("output");
  const std::string output_csv = args.text("output_csv");
  const std::string input_path = args.text("input");
  if (!output_csv.empty()) geo::check_output_file(output_csv, overwrite, {input_path});
  if (!output.empty()) geo::check_output_file(output, overwrite, {input_path});
  if (!output.empty() && output == output_csv) throw UsageError("--output and --output-csv name the same file");

  const std::string year_field = args.text("year");
  const bool long_table = !year_field.empty();
  if (long_table && !args.given("id"))
    throw UsageError("a long table (--year " + year_field + ") needs --id, the field that names the units");

  geo::ReadOptions read;
  read.layer = args.text("layer");
  read.encoding = args.text("encoding");
  read.assign_crs = args.text("crs");
  read.id_field = long_table ? "" : args.text("id");
  const geo::Layer source = geo::read_layer(input_path, read);
  for (auto& w : source.warnings) feedback.warning(w);
  if (source.size() == 0) throw DataError("'" + source.path + "' has no features or rows");
  PivotedTable pivoted;
  if (long_table) pivoted = pivot_long_table(source, args.text("id"), year_field);
  const geo::Layer& layer = long_table ? pivoted.layer : source;
  timer.lap("read");

  LayerWeights weights;
  const bool with_weights = needs_weights() && uses_weights(args);
  if (with_weights) {
    weights = layer_weights(args, layer, feedback);
    timer.lap("weights");
  }
  YearGroupingFeedback grouped(feedback);
  const TableInput input(layer, args, grouped, long_table, with_weights ? &weights : nullptr);
  feedback.check_cancelled();
  TableOutput computed = compute(input);
  grouped.flush();
  timer.lap("statistic");
  feedback.check_cancelled();

  Result result;
  result.summary = computed.summary;
  std::ostringstream report;
  report << display_name() << " - " << input_path;
  if (long_table) report << " (long table: " << layer.size() << " units by '" << args.text("id") << "', years from '" << year_field << "')";
  report << "\n";
  for (auto& table : computed.tables)
    if (table.printed) report << aligned_table(table);
  for (auto& note : computed.notes) report << note << "\n";

  if (!output_csv.empty()) {
    if (computed.tables.empty()) throw UsageError("--output-csv: " + name() + " prints no table to write");
    geo::write_text_file(output_csv, csv_text(computed.tables.front(), args.flag("csv_bom")), overwrite);
    result.files["output_csv"] = output_csv;
    report << "wrote the table to " << output_csv << "\n";
  }

  if (!output.empty()) {
    const std::vector<ResultField> fields = result_fields();
    const std::size_t rows = source.size();
    // Row of each unit in the written layer: itself (wide), or per year tag (long).
    std::vector<std::size_t> identity(layer.size());
    for (std::size_t u = 0; u < identity.size(); ++u) identity[u] = u;
    std::vector<geo::OutputColumn> columns;
    std::map<std::string, std::size_t> merged;  // long table: one output column per declared field
    std::string style_field;
    const ResultField* style = nullptr;
    bool any_tagged = false;
    for (auto& c : computed.columns) any_tagged = any_tagged || !c.tag.empty();
    std::optional<ResultNames> names;
    if (any_tagged && !long_table) names.emplace(args, source, true);

    for (const ResultColumn& column : computed.columns) {
      const ResultField& field = declared_field(fields, column.field, name());
      if (long_table && !column.tag.empty()) {
        // Back onto the rows of that year.
        std::vector<std::size_t> row_of_unit(layer.size(), static_cast<std::size_t>(-1));
        for (std::size_t u = 0; u < layer.size(); ++u)
          if (auto it = pivoted.rows[u].find(column.tag); it != pivoted.rows[u].end()) row_of_unit[u] = it->second;
        const std::string out_name = column.name.empty() ? output_field_name(args, field.name) : column.name;
        auto it = merged.find(out_name);
        if (it == merged.end()) {
          it = merged.emplace(out_name, columns.size()).first;
          columns.emplace_back();
        }
        output_column(field, column, out_name, row_of_unit, rows, &columns[it->second]);
        if (!field.categories.empty()) style_field = out_name, style = &field;
        continue;
      }
      if (long_table) {
        // A result per unit (not per year): on every row of the unit.
        std::vector<std::size_t> unit_of_row(rows, static_cast<std::size_t>(-1));
        for (std::size_t u = 0; u < layer.size(); ++u)
          for (auto& entry : pivoted.rows[u]) unit_of_row[entry.second] = u;
        const std::string out_name = column.name.empty() ? output_field_name(args, field.name) : column.name;
        columns.push_back(output_column(field, column, out_name, unit_of_row, rows, nullptr, true));
        if (!field.categories.empty()) style_field = out_name, style = &field;
        continue;
      }
      std::string out_name = column.name;
      if (out_name.empty()) {
        if (!column.tag.empty()) {
          out_name = names->name(field.name, field.short_name.empty() ? field.name : field.short_name,
                                 AnalysedField{column.field, column.tag});
        } else {
          out_name = output_field_name(args, field.name);
        }
      }
      columns.push_back(output_column(field, column, out_name, identity, rows, nullptr));
      if (!field.categories.empty()) style_field = out_name, style = &field;
    }

    // Names: unique, and within the Shapefile limit (reported).
    std::set<std::string> unique;
    for (auto& c : columns)
      if (!unique.insert(c.name).second)
        throw UsageError("result field '" + c.name + "' would be written twice; give --prefix/--suffix with {field} or {year}");
    for (auto& f : source.fields)
      if (unique.count(f.name))
        throw UsageError("the input already has a field '" + f.name + "'; give --prefix or --suffix to name the results apart");

    // Shapefile: names within 10 characters, clear of the input's, before the style is made.
    std::map<std::string, std::string> renamed;
    if (output_driver(args) == "ESRI Shapefile") {
      std::vector<std::string> existing, requested;
      for (auto& f : source.fields) existing.push_back(f.name);
      existing = geo::shapefile_field_names({}, existing);
      for (auto& c : columns) requested.push_back(c.name);
      const std::vector<std::string> short_names = geo::shapefile_field_names(existing, requested);
      for (std::size_t k = 0; k < columns.size(); ++k)
        if (short_names[k] != requested[k]) {
          renamed[requested[k]] = short_names[k];
          if (columns[k].name == style_field) style_field = short_names[k];
          columns[k].name = short_names[k];
        }
    }
    geo::WriteOptions options = write_options(args, feedback);
    if (style) {
      options.style_qml = categorized_polygon_style(style_field, style->categories);
      options.style_name = name() + " " + style_field;
    }
    feedback.check_cancelled();
    const geo::WriteReport written = geo::write_layer(source, output, columns, options);
    timer.lap("write");
    for (auto& [from, to] : renamed) report << "  field " << from << " written as " << to << " (Shapefile limit)\n";
    if (!renamed.empty()) result.summary["shapefile_renamed"] = renamed;
    std::ostringstream fields_line;
    fields_line << "  fields:";
    for (auto& c : columns) fields_line << " " << c.name;
    report << fields_line.str() << "\n";
    note_written(result, "output", written);
  }
  for (auto& [key, path] : computed.files) result.files[key] = path;
  result.report = report.str() + result.report;
  result.summary["seconds"] = timer.json();
  if (!result.files.empty()) result.summary["files"] = result.files;
  return result;
}

}  // namespace rs
