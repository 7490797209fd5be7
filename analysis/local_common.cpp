#include "analysis/local_common.hpp"

#include "analysis/display_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/display_text.hpp"

namespace rs {

std::vector<AnalysedField> analysed_fields(const Arguments& args, const geo::Layer& layer,
                                           const std::string& parameter) {
  std::vector<AnalysedField> out;
  for (auto& name : expand_fields(args, parameter, layer)) {
    layer.numeric(name);  // throws DataError naming a text field
    // The tag is the run of digits at the end (a year), else the whole name.
    std::size_t start = name.size();
    while (start > 0 && std::isdigit(static_cast<unsigned char>(name[start - 1]))) --start;
    std::string tag = start < name.size() ? name.substr(start) : name;
    out.push_back({name, tag});
  }
  if (out.empty()) throw ParameterError(parameter, "give the field to analyse with {parameter}");
  return out;
}

ValidUnits units_with_values(const geo::Layer& layer, const LayerWeights& weights,
                             const std::vector<std::string>& fields, Feedback& feedback) {
  std::vector<geo::NumericColumn> columns;
  // numeric_field: throws DataError for a text field, and warns with the count of missing values.
  for (auto& f : fields) columns.push_back(numeric_field(layer, f, feedback));
  std::vector<const geo::NumericColumn*> pointers;
  for (auto& c : columns) pointers.push_back(&c);
  return valid_units(pointers, weights, feedback);
}

ValidUnits local_units(const geo::Layer& layer, const LayerWeights& weights, const std::vector<std::string>& fields,
                       Feedback& feedback) {
  ValidUnits units = units_with_values(layer, weights, fields, feedback);
  if (units.units.size() < 3)
    throw DataError("field '" + fields.front() + "' of '" + layer.path + "' has only " +
                    std::to_string(units.units.size()) + " unit(s) with a value; a local statistic needs at least 3");
  for (std::size_t f = 0; f < fields.size(); ++f) {
    auto [lo, hi] = std::minmax_element(units.values[f].begin(), units.values[f].end());
    if (*lo == *hi) {
      std::ostringstream os;
      os.precision(10);
      os << "field '" << fields[f] << "' of '" << layer.path << "' has the same value (" << *lo
         << ") for every unit: its variance is zero and there is no spatial pattern to test";
      throw DataError(os.str());
    }
  }
  return units;
}

SpatialWeights weights_with_self(const LayerWeights& weights, const ValidUnits& units) {
  // Every unit's own value enters its sum with weight 1, in place of any self-link the weights
  // had; no copy of the layer's weights is made when no unit is excluded (a million units).
  const SpatialWeights& all = weights.untransformed;
  const SpatialWeights self = units.excluded > 0 ? all.subset(units.units).with_self(1.0, true)
                                                 : all.with_self(1.0, true);
  return self.transformed(weights.style);
}

void PanelFeedback::start_field(std::size_t index, const std::string& /*name*/) { index_ = index; }

void PanelFeedback::progress(double fraction) {
  inner_.progress((static_cast<double>(index_) + fraction) / static_cast<double>(fields_ ? fields_ : 1));
}

std::string output_driver(const Arguments& args) {
  const std::string format = args.text("format");
  if (!format.empty()) return format;
  const std::string output = args.text("output");
  return output.empty() ? std::string() : geo::driver_for_path(output);
}

void write_local_output(const Arguments& args, const geo::Layer& layer, const std::vector<geo::OutputColumn>& columns,
                        const geo::WriteOptions& write, Result& result) {
  const std::string output = args.text("output");
  if (output.empty()) {
    result.summary["output"] = nullptr;
    result.report += "nothing written (summary only; give -o OUTPUT to write the fields)\n";
    return;
  }
  const geo::WriteReport written = geo::write_layer(layer, output, columns, write);
  result.summary["output"] = written.path;
  note_written(result, "output", written);
}

ResultNames::ResultNames(const Arguments& args, const geo::Layer& layer, bool panel)
    : args_(args), panel_(panel), shapefile_(output_driver(args) == "ESRI Shapefile") {
  for (auto& f : layer.fields) existing_.push_back(f.name);
  if (shapefile_) existing_ = geo::shapefile_field_names({}, existing_);
  if (panel_ && (args.given("prefix") || args.given("suffix"))) {
    const std::string both = args.text("prefix") + args.text("suffix");
    if (both.find("{field}") == std::string::npos && both.find("{year}") == std::string::npos)
      throw UsageError("with several fields, --prefix/--suffix must contain {field} or {year} "
                       "(e.g. --suffix _{year}) so that each year gets its own result fields");
  }
}

std::string ResultNames::name(const std::string& base, const std::string& short_base, const AnalysedField& field) {
  if (!panel_) return output_field_name(args_, base, field.name);
  if (std::find(short_names_.begin(), short_names_.end(), std::make_pair(base, short_base)) == short_names_.end())
    short_names_.emplace_back(base, short_base);
  if (!args_.given("prefix") && !args_.given("suffix")) return short_base + "_" + field.tag;
  auto fill_year = [&](std::string s) {
    const std::string key = "{year}";
    for (auto pos = s.find(key); pos != std::string::npos; pos = s.find(key)) s.replace(pos, key.size(), field.tag);
    const std::string fkey = "{field}";
    for (auto pos = s.find(fkey); pos != std::string::npos; pos = s.find(fkey)) s.replace(pos, fkey.size(), field.name);
    return s;
  };
  return fill_year(args_.text("prefix")) + short_base + fill_year(args_.text("suffix"));
}

std::map<std::string, std::string> ResultNames::finalise(std::vector<geo::OutputColumn>& columns) const {
  std::map<std::string, std::string> renamed;
  std::vector<std::string> requested;
  for (auto& c : columns) requested.push_back(c.name);
  std::set<std::string> unique(requested.begin(), requested.end());
  if (unique.size() != requested.size())
    throw UsageError("result field names repeat; give --prefix/--suffix with {field} or {year}");
  if (!shapefile_) return renamed;
  std::vector<std::string> names = geo::shapefile_field_names(existing_, requested);
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (names[k] != requested[k]) renamed[requested[k]] = names[k];
    columns[k].name = names[k];
  }
  return renamed;
}

std::string names_report(const ResultNames& names, const std::map<std::string, std::string>& renamed,
                         const std::vector<geo::OutputColumn>& columns, Result& result) {
  std::ostringstream os;
  if (names.panel()) {
    os << "  panel field names:";
    nlohmann::json mapping = nlohmann::json::object();
    for (auto& [base, short_base] : names.short_names()) {
      os << " " << base << "->" << short_base;
      mapping[base] = short_base;
    }
    os << " (+ _YEAR)\n";
    result.summary["panel_names"] = mapping;
  } else {
    os << "  fields:";
    for (auto& c : columns) os << " " << c.name;
    os << "\n";
  }
  for (auto& [from, to] : renamed) os << "  field " << from << " written as " << to << " (Shapefile limit)\n";
  if (!renamed.empty()) result.summary["shapefile_renamed"] = renamed;
  return os.str();
}

std::string text_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  // Widths in terminal columns: a Chinese field or unit name takes two per character.
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
  for (auto& row : rows)
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  std::ostringstream os;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) os << "  " << pad_left(cells[c], widths[c]);
    os << "\n";
  };
  line(header);
  std::vector<std::string> rule;
  for (auto w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (auto& row : rows) line(row);
  return os.str();
}

std::string inference_text(int permutations, std::uint64_t seed, const std::string& rule,
                           const std::string& adjust) {
  std::ostringstream os;
  if (permutations > 0)
    os << permutations << " conditional permutations (seed " << seed << ", " << rule << " pseudo p)";
  else
    os << "analytical (normal approximation, two-sided p)";
  if (adjust != "none") os << ", p adjusted by " << (adjust == "fdr" ? "Benjamini-Hochberg FDR" : "Bonferroni");
  return os.str();
}

std::string report_number(double value, int precision) {
  if (!std::isfinite(value)) return "NA";
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(precision);
  os << value;
  return os.str();
}

}  // namespace rs
