#include "geo/table_join.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <cpl_conv.h>
#include <cpl_string.h>

#include "algorithms/errors.hpp"
#include "geo/gazetteer_cn.hpp"

namespace rs::geo {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lower_extension(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto dot = lower.find_last_of('.');
  return dot == std::string::npos ? "" : lower.substr(dot);
}

bool parse_number(const std::string& text, double& value) {
  const std::string s = trim(text);
  if (s.empty()) return false;
  char* end = nullptr;
  value = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(value);
}

// Converts every text of a table read byte for byte (a CSV) from `encoding` to UTF-8.
void recode(Layer& table, const std::string& encoding) {
  auto convert = [&](std::string& s) {
    char* utf8 = CPLRecode(s.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    s = utf8;
    CPLFree(utf8);
  };
  for (auto& field : table.fields) convert(field.name);
  for (auto& column : table.attributes)
    for (auto& value : column)
      if (auto* text = std::get_if<std::string>(&value)) convert(*text);
}

bool all_utf8(const Layer& table) {
  for (const auto& field : table.fields)
    if (!CPLIsUTF8(field.name.c_str(), -1)) return false;
  for (const auto& column : table.attributes)
    for (const auto& value : column)
      if (const auto* text = std::get_if<std::string>(&value))
        if (!CPLIsUTF8(text->c_str(), -1)) return false;
  return true;
}

std::vector<std::string> key_texts(const Layer& layer, const std::string& field) {
  std::vector<std::string> out;
  for (const auto& value : layer.text(field)) out.push_back(value ? trim(*value) : "");
  return out;
}

std::string describe(const AdminDivision& d) {
  return GazetteerCN::instance().qualified_name(d) + " (" + d.code + ")";
}

// The key each row joins on: its trimmed text, or (AdminCN) the code of the division it names;
// empty when there is none (NULL key, unknown or ambiguous name).
struct ResolvedKeys {
  std::vector<std::string> keys;
  std::vector<bool> ambiguous;
};

ResolvedKeys resolve_keys(const std::vector<std::string>& texts, const std::vector<std::string>& parents,
                          const JoinOptions& options, const std::vector<AdminLevel>& levels, const std::string& side,
                          JoinReport& report) {
  ResolvedKeys out{std::vector<std::string>(texts.size()), std::vector<bool>(texts.size(), false)};
  std::set<std::string> reported;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].empty()) continue;
    if (options.match == KeyMatch::Exact) {
      out.keys[i] = texts[i];
      continue;
    }
    const AdminMatch m = GazetteerCN::instance().resolve(texts[i], {levels, parents.empty() ? "" : parents[i]});
    if (m.status == AdminMatch::Status::Unique) {
      out.keys[i] = m.division()->code;
    } else if (m.status == AdminMatch::Status::Ambiguous) {
      out.ambiguous[i] = true;
      if (!reported.insert(texts[i]).second) continue;
      AmbiguousKey a{side, texts[i], {}};
      for (const AdminDivision* d : m.candidates) a.candidates.push_back(describe(*d));
      report.ambiguous.push_back(a);
    }
  }
  return out;
}

// The levels (province, prefecture, county) the layer's units are at: what the table's short
// names are read as (吉林 is the province in a layer of provinces, the city in one of cities).
std::vector<AdminLevel> layer_levels(const std::vector<std::string>& texts, const std::vector<std::string>& parents) {
  std::map<AdminLevel, std::size_t> count;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const AdminMatch m = GazetteerCN::instance().resolve(texts[i], {{}, parents.empty() ? "" : parents[i]});
    if (m.status == AdminMatch::Status::Unique) ++count[m.division()->level];
  }
  std::vector<AdminLevel> out;
  for (const auto& [level, n] : count) out.push_back(level);
  return out;
}

std::string year_text(const std::string& value, std::size_t row, const std::string& field) {
  double y = 0;
  if (!parse_number(value, y) || y != std::floor(y))
    throw DataError("year field '" + field + "' has '" + value + "' in row " + std::to_string(row + 1) +
                    "; years must be whole numbers");
  std::ostringstream os;
  os << static_cast<long long>(y);
  return os.str();
}

std::string list_keys(const std::vector<std::string>& keys) {
  std::string out;
  for (std::size_t k = 0; k < keys.size() && k < 20; ++k) out += (k ? ", " : "") + ("'" + keys[k] + "'");
  if (keys.size() > 20) out += ", ... (" + std::to_string(keys.size()) + " in all)";
  return out;
}

std::vector<std::string> value_columns(const Layer& table, const JoinOptions& options) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  if (options.fields.empty()) {
    for (const auto& f : table.fields)
      if (f.name != options.table_key && f.name != options.year_field && f.name != options.table_parent)
        out.push_back(f.name);
    return out;
  }
  for (const auto& item : options.fields) {
    std::vector<std::string> names = item.find_first_of("*?") == std::string::npos
                                         ? std::vector<std::string>{table.fields[table.field_index(item)].name}
                                         : table.match_fields(item);
    if (names.empty()) throw DataError("no column of table '" + table.path + "' matches '" + item + "'");
    for (auto& n : names)
      if (seen.insert(n).second) out.push_back(n);
  }
  return out;
}

// A column is numeric when its type is, or when at least half of its non-empty values are numbers.
bool numeric_column(const Layer& table, std::size_t f) {
  if (table.fields[f].numeric) return true;
  std::size_t numbers = 0, texts = 0;
  double v = 0;
  for (const auto& value : table.attributes[f]) {
    if (std::holds_alternative<double>(value)) {
      ++numbers;
    } else if (const auto* s = std::get_if<std::string>(&value)) {
      if (trim(*s).empty()) continue;
      ++(parse_number(*s, v) ? numbers : texts);
    }
  }
  return numbers > 0 && numbers >= texts;
}

}  // namespace

Layer read_table(const std::string& path, const std::string& layer_name, const std::string& encoding) {
  ReadOptions options;
  options.layer = layer_name;
  options.repair = false;
  const std::string ext = lower_extension(path);
  const bool csv = ext == ".csv" || ext == ".tsv" || ext == ".txt" || path.find(".csv.gz") != std::string::npos;
  if (ext == ".shp" || ext == ".dbf") options.encoding = encoding;
  Layer table = read_layer(path, options);
  // The reader's warnings are about layers: a table has no geometry by nature, and the text of
  // a CSV is recoded below (the reader's advice to use --encoding is for Shapefiles).
  const bool no_geometry = table.empty_geometry.size() == table.size();
  const bool recoding = csv && (!encoding.empty() || !all_utf8(table));
  table.warnings.erase(std::remove_if(table.warnings.begin(), table.warnings.end(),
                                      [&](const std::string& w) {
                                        return (no_geometry && w.find("with empty geometry") != std::string::npos) ||
                                               (recoding && w.find("not valid UTF-8") != std::string::npos);
                                      }),
                       table.warnings.end());
  if (csv) {
    std::string from = encoding;
    if (from.empty() && !all_utf8(table)) {
      from = "GB18030";
      table.warnings.push_back("table '" + path + "' is not UTF-8: read as GB18030 (GBK); give --table-encoding if it is another encoding");
    }
    if (!from.empty()) recode(table, from);
  } else if (!encoding.empty() && options.encoding.empty()) {
    table.warnings.push_back("--table-encoding is ignored for '" + path + "' (" + table.driver + " stores its own encoding)");
  }
  return table;
}

JoinResult join_table(const Layer& layer, const Layer& table, const JoinOptions& options) {
  JoinResult result;
  JoinReport& report = result.report;
  report.layer_units = layer.size();
  report.table_rows = table.size();
  const bool long_table = !options.year_field.empty();

  const std::vector<std::string> layer_texts = key_texts(layer, options.layer_key);
  const std::vector<std::string> table_texts = key_texts(table, options.table_key);
  const std::vector<std::string> layer_parents =
      options.layer_parent.empty() ? std::vector<std::string>{} : key_texts(layer, options.layer_parent);
  const std::vector<std::string> table_parents =
      options.table_parent.empty() ? std::vector<std::string>{} : key_texts(table, options.table_parent);
  std::vector<std::string> years(table.size());
  if (long_table) {
    const auto raw = key_texts(table, options.year_field);
    for (std::size_t r = 0; r < table.size(); ++r) years[r] = year_text(raw[r], r, options.year_field);
  }
  report.value_columns = value_columns(table, options);

  std::vector<AdminLevel> levels;
  if (options.match == KeyMatch::AdminCN) levels = layer_levels(layer_texts, layer_parents);
  const ResolvedKeys layer_keys = resolve_keys(layer_texts, layer_parents, options, levels, "layer", report);
  const ResolvedKeys table_keys = resolve_keys(table_texts, table_parents, options, levels, "table", report);

  // Units by key; two units with one key would get the same row: an error naming them.
  std::map<std::string, std::size_t> unit_of;
  std::map<std::string, std::vector<std::string>> layer_duplicates;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const std::string& key = layer_keys.keys[i];
    if (key.empty()) continue;
    auto [it, inserted] = unit_of.emplace(key, i);
    if (!inserted) layer_duplicates[key] = {layer_texts[it->second], layer_texts[i]};
  }
  if (!layer_duplicates.empty()) {
    std::vector<std::string> names;
    for (auto& [key, texts] : layer_duplicates) names.push_back(texts[0] == texts[1] ? texts[0] : texts[0] + "' and '" + texts[1]);
    throw DataError("layer field '" + options.layer_key + "' has duplicate keys: " + list_keys(names) +
                    "; each unit must have its own key");
  }

  // Rows by (key, year); a second row for the same unit (and year) is an error naming them.
  std::map<std::pair<std::string, std::string>, std::size_t> row_of;
  std::vector<std::string> duplicates;
  std::set<std::string> unmatched_seen;
  std::set<std::string> year_set;
  for (std::size_t r = 0; r < table.size(); ++r) {
    const std::string& key = table_keys.keys[r];
    if (key.empty()) {
      if (table_keys.ambiguous[r]) continue;
      const std::string name = table_texts[r].empty() ? "(empty key, row " + std::to_string(r + 1) + ")" : table_texts[r];
      if (unmatched_seen.insert(name).second) report.unmatched_table.push_back(name);
      continue;
    }
    if (!row_of.emplace(std::make_pair(key, years[r]), r).second) {
      const std::string name = table_texts[r] + (long_table ? " " + years[r] : "");
      if (std::find(duplicates.begin(), duplicates.end(), name) == duplicates.end()) duplicates.push_back(name);
    }
    if (!unit_of.count(key)) {
      if (unmatched_seen.insert(table_texts[r]).second) report.unmatched_table.push_back(table_texts[r]);
      continue;
    }
    if (long_table) year_set.insert(years[r]);
  }
  if (!duplicates.empty())
    throw DataError("table field '" + options.table_key + "' has duplicate keys" +
                    (long_table ? " for the same year (field '" + options.year_field + "')" : std::string()) + ": " +
                    list_keys(duplicates) + "; keep one row per unit" + (long_table ? " and year" : ""));
  report.years.assign(year_set.begin(), year_set.end());
  std::sort(report.years.begin(), report.years.end(),
            [](const std::string& a, const std::string& b) { return std::stoll(a) < std::stoll(b); });
  if (!long_table) report.years = {""};

  // Matched units, units without a row.
  std::map<std::string, std::size_t> first_row;  // a unit's first row, for the report
  for (const auto& [key_year, r] : row_of) {
    auto [it, inserted] = first_row.emplace(key_year.first, r);
    if (!inserted) it->second = std::min(it->second, r);
  }
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const std::string& key = layer_keys.keys[i];
    if (layer_keys.ambiguous[i]) continue;
    auto row = key.empty() ? first_row.end() : first_row.find(key);
    if (row != first_row.end()) {
      report.matched.push_back({layer_texts[i], table_texts[row->second], options.match == KeyMatch::AdminCN ? key : ""});
    } else {
      report.unmatched_layer.push_back(layer_texts[i].empty() ? "(empty key, feature " + std::to_string(i + 1) + ")"
                                                               : layer_texts[i]);
    }
  }

  // The columns: one per value column (and year), a value per unit.
  for (const std::string& column : report.value_columns) {
    const std::size_t f = table.field_index(column);
    const bool numeric = numeric_column(table, f);
    for (const std::string& year : report.years) {
      const std::string name = long_table ? column + "_" + year : column;
      std::vector<double> reals(layer.size(), std::nan(""));
      std::vector<std::optional<std::string>> texts(layer.size());
      for (std::size_t i = 0; i < layer.size(); ++i) {
        if (layer_keys.keys[i].empty()) continue;
        auto it = row_of.find({layer_keys.keys[i], year});
        if (it == row_of.end()) continue;
        const AttributeValue& value = table.attributes[f][it->second];
        if (const auto* d = std::get_if<double>(&value)) {
          reals[i] = *d;
          std::ostringstream os;
          os.precision(15);
          os << *d;
          texts[i] = os.str();
        } else if (const auto* s = std::get_if<std::string>(&value)) {
          texts[i] = *s;
          if (numeric && !trim(*s).empty() && !parse_number(*s, reals[i])) {
            reals[i] = std::nan("");
            report.non_numeric.push_back({name, table_texts[it->second], *s});
          }
        }
      }
      result.columns.push_back(numeric ? OutputColumn::real(name, reals) : OutputColumn::text(name, texts));
    }
  }
  if (!long_table) report.years.clear();
  return result;
}

std::vector<OutputColumn> panel_to_long(const Layer& layer, const std::string& key_field,
                                        const std::vector<std::string>& patterns, const std::string& year_name) {
  static const std::regex panel_name("(.+)_([0-9]{4})");
  std::vector<std::string> stems;
  std::set<long long> years;
  std::map<std::pair<std::string, long long>, std::size_t> field_of;  // (stem, year) -> field index
  const std::vector<std::string> wanted = patterns.empty() ? std::vector<std::string>{"*"} : patterns;
  for (std::size_t f = 0; f < layer.fields.size(); ++f) {
    const std::string& name = layer.fields[f].name;
    std::smatch m;
    if (!std::regex_match(name, m, panel_name)) continue;
    if (std::none_of(wanted.begin(), wanted.end(), [&](const std::string& p) { return wildcard_match(p, name); }))
      continue;
    const std::string stem = m[1];
    const long long year = std::stoll(m[2]);
    if (std::find(stems.begin(), stems.end(), stem) == stems.end()) stems.push_back(stem);
    years.insert(year);
    field_of[{stem, year}] = f;
  }
  if (stems.empty()) {
    std::string asked;
    for (auto& p : wanted) asked += (asked.empty() ? "" : " ") + p;
    throw DataError("no panel field (name_YYYY, e.g. gdp_2011) of '" + layer.path + "' matches '" + asked + "'");
  }
  const std::vector<std::string> keys = key_texts(layer, key_field);
  std::vector<std::optional<std::string>> key_column;
  std::vector<std::optional<std::int64_t>> year_column;
  std::vector<std::vector<double>> values(stems.size());
  for (std::size_t i = 0; i < layer.size(); ++i) {
    for (long long year : years) {
      key_column.push_back(keys[i]);
      year_column.push_back(year);
      for (std::size_t s = 0; s < stems.size(); ++s) {
        double v = std::nan("");
        auto it = field_of.find({stems[s], year});
        if (it != field_of.end()) {
          const AttributeValue& value = layer.attributes[it->second][i];
          if (const auto* d = std::get_if<double>(&value)) v = *d;
          else if (const auto* t = std::get_if<std::string>(&value); t && !parse_number(*t, v)) v = std::nan("");
        }
        values[s].push_back(v);
      }
    }
  }
  std::vector<OutputColumn> out{OutputColumn::text(key_field, key_column), OutputColumn::integer(year_name, year_column)};
  for (std::size_t s = 0; s < stems.size(); ++s) out.push_back(OutputColumn::real(stems[s], values[s]));
  return out;
}

}  // namespace rs::geo
