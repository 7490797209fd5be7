#include "analysis/provenance.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace rs {
namespace {

using nlohmann::json;

bool is_rows(const json& value) { return value.is_array() && !value.empty() && value.front().is_object(); }

// The per-field rows of a summary: global statistics list them in "results", local ones in
// "years"; a single-field run is its own row.
std::vector<const json*> rows_of(const json& summary) {
  std::vector<const json*> rows;
  for (const char* key : {"results", "years"})
    if (summary.contains(key) && is_rows(summary[key])) {
      for (auto& row : summary[key]) rows.push_back(&row);
      return rows;
    }
  rows.push_back(&summary);
  return rows;
}

// A key of the summary, else of its first row (global statistics keep theirs in the rows).
const json* find(const json& summary, const std::vector<const json*>& rows, const std::string& key) {
  if (summary.contains(key) && !summary[key].is_null()) return &summary[key];
  if (!rows.empty() && rows.front()->contains(key) && !(*rows.front())[key].is_null()) return &(*rows.front())[key];
  return nullptr;
}

std::string text_of(const json* value) {
  if (!value) return "";
  if (value->is_string()) return value->get<std::string>();
  return value->dump();
}

// 2002, 2003, ..., 2011 -> "2002-2011"; gaps are listed.
std::string year_span(const std::vector<int>& years) {
  if (years.empty()) return "";
  bool consecutive = true;
  for (std::size_t k = 1; k < years.size(); ++k) consecutive = consecutive && years[k] == years[k - 1] + 1;
  if (years.size() == 1) return std::to_string(years[0]);
  if (consecutive) return std::to_string(years.front()) + "-" + std::to_string(years.back());
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

std::string list_text(const std::vector<std::string>& items, std::size_t shown = 6) {
  if (items.size() > shown) return items.front() + " ... " + items.back() + " (" + std::to_string(items.size()) + ")";
  std::string out;
  for (auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string data_line(const json& summary, const std::vector<const json*>& rows) {
  std::string input = text_of(find(summary, rows, "input"));
  std::ostringstream os;
  os << (input.empty() ? "input not recorded in this summary" : input);
  if (const json* layer = find(summary, rows, "layer"); layer && !text_of(layer).empty()) os << ", layer " << text_of(layer);
  if (const json* where = find(summary, rows, "where"); where && !text_of(where).empty()) os << ", where " << text_of(where);
  std::vector<std::string> fields;
  std::set<std::string> seen;
  std::vector<int> years;
  static const std::regex year(R"((^|[^0-9])((18|19|20|21)[0-9]{2})($|[^0-9]))");
  for (const json* row : rows) {
    if (!row->contains("field") || !(*row)["field"].is_string()) continue;
    const std::string field = (*row)["field"].get<std::string>();
    if (!seen.insert(field).second) continue;
    fields.push_back(field);
    std::smatch m;
    const std::string tag = row->contains("tag") && (*row)["tag"].is_string() ? (*row)["tag"].get<std::string>() : field;
    if (std::regex_search(tag, m, year)) years.push_back(std::stoi(m[2]));
  }
  if (!fields.empty()) os << "; field" << (fields.size() > 1 ? "s " : " ") << list_text(fields);
  if (const json* field2 = find(summary, rows, "field2"); field2 && !text_of(field2).empty())
    os << " against the spatial lag of " << text_of(field2);
  if (years.size() == fields.size() && !years.empty()) os << "; year" << (years.size() > 1 ? "s " : " ") << year_span(years);
  return os.str();
}

std::string weights_line(const std::vector<const json*>& rows, const std::string& weights) {
  std::ostringstream os;
  os << weights_in_words(weights);
  std::set<long long> n;
  std::size_t excluded = 0;
  std::vector<std::string> islands;
  std::set<std::string> seen_islands;
  std::size_t isolated = 0;
  for (const json* row : rows) {
    if (row->contains("n") && (*row)["n"].is_number()) n.insert((*row)["n"].get<long long>());
    for (const char* key : {"excluded_missing", "excluded"})
      if (row->contains(key) && (*row)[key].is_number()) excluded = std::max(excluded, (*row)[key].get<std::size_t>());
    if (row->contains("islands") && (*row)["islands"].is_array())
      for (auto& id : (*row)["islands"])
        if (seen_islands.insert(text_of(&id)).second) islands.push_back(text_of(&id));
    if (row->contains("isolated") && (*row)["isolated"].is_number())
      isolated = std::max(isolated, (*row)["isolated"].get<std::size_t>());
  }
  if (!n.empty()) {
    os << "; " << (n.size() == 1 ? std::to_string(*n.begin()) : std::to_string(*n.begin()) + "-" + std::to_string(*n.rbegin()))
       << " units analysed";
    if (excluded > 0) os << " (" << excluded << " with missing values excluded)";
  }
  if (!islands.empty())
    os << "; " << islands.size() << " without neighbours (island" << (islands.size() > 1 ? "s" : "") << "): " << list_text(islands, 10);
  else if (isolated > 0)
    os << "; " << isolated << " without neighbours (island" << (isolated > 1 ? "s" : "") << ")";
  else if (!n.empty())
    os << "; no unit without neighbours";
  return os.str();
}

std::string inference_line(const json& summary, const std::vector<const json*>& rows) {
  const json* inference = find(summary, rows, "inference");
  const json* permutations = find(summary, rows, "permutations");
  const long long count = permutations && permutations->is_number() ? permutations->get<long long>() : 0;
  const std::string rule = text_of(find(summary, rows, "p_rule"));
  std::ostringstream os;
  if (inference && inference->is_string()) {
    os << inference->get<std::string>();
    if (count > 0 && !rule.empty() && os.str().find(rule) == std::string::npos) os << "; p rule " << rule;
  } else {
    std::vector<std::string> analytical;
    if (inference && inference->is_object()) {
      if (inference->contains("normality")) analytical.push_back("normality");
      if (inference->contains("randomization")) analytical.push_back("randomisation");
    } else if (text_of(find(summary, rows, "p_values")) == "analytical") {
      analytical.push_back("normal approximation");
    }
    if (!analytical.empty()) os << "analytical (" << list_text(analytical) << ")";
    if (count > 0) os << (analytical.empty() ? "" : " and ") << count << " random permutations";
    if (analytical.empty() && count == 0) os << "none recorded";
    if (!rule.empty()) os << "; p rule " << rule;
  }
  const std::string adjust = text_of(find(summary, rows, "adjust"));
  if (!adjust.empty() && adjust != "none" && os.str().find(adjust) == std::string::npos) os << "; adjusted: " << adjust;
  if (const json* alpha = find(summary, rows, "alpha"); alpha && alpha->is_number())
    os << "; significant where p < " << alpha->get<double>();
  return os.str();
}

}  // namespace

void record_input(const Arguments& args, json& summary) {
  if (!summary.is_object()) return;
  for (const char* key : {"input", "layer", "where"}) {
    bool declared = false;
    for (auto& p : args.parameters()) declared = declared || p.name == key;
    if (!declared || summary.contains(key) || !args.given(key)) continue;
    const std::vector<std::string> values = args.list(key);
    summary[key] = values.size() == 1 ? json(values.front()) : json(values);
  }
}

std::string weights_in_words(const std::string& description) {
  static const std::map<std::string, std::string> styles{{"W", "row-standardised"},
                                                        {"B", "binary"},
                                                        {"S", "variance-stabilising"},
                                                        {"C", "globally standardised"},
                                                        {"U", "as built, not standardised"}};
  const std::size_t comma = description.rfind(", ");
  if (comma == std::string::npos) return description;
  const auto style = styles.find(description.substr(comma + 2));
  if (style == styles.end()) return description;
  return description.substr(0, comma) + ", " + style->second + " (" + style->first + ")";
}

std::vector<ProvenanceLine> provenance_lines(const json& summary) {
  const std::vector<const json*> rows = rows_of(summary);
  std::vector<ProvenanceLine> lines{{"Data", data_line(summary, rows)}};
  const std::string weights = text_of(find(summary, rows, "weights"));
  if (!weights.empty()) lines.push_back({"Weights", weights_line(rows, weights)});
  if (find(summary, rows, "permutations") || find(summary, rows, "p_values") || find(summary, rows, "inference"))
    lines.push_back({"Inference", inference_line(summary, rows)});
  if (const json* seed = find(summary, rows, "seed")) {
    const json* permutations = find(summary, rows, "permutations");
    const bool used = !permutations || !permutations->is_number() || permutations->get<long long>() > 0;
    lines.push_back({"Seed", text_of(seed) + (used ? "" : " (not used: no permutations)")});
  }
  return lines;
}

}  // namespace rs
