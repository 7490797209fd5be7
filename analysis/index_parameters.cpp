#include "analysis/index_parameters.hpp"

#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"

namespace rs {
namespace {

// The year at the end of a field name and the name without it ("gdp_2011" -> "gdp", "2011").
bool split_year(const std::string& name, std::string& base, std::string& year) {
  if (name.size() < 5) return false;
  const std::size_t start = name.size() - 4;
  for (std::size_t i = start; i < name.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return false;
  if (std::isdigit(static_cast<unsigned char>(name[start - 1]))) return false;  // 5+ digits: not a year
  year = name.substr(start);
  base = name.substr(0, start);
  if (!base.empty() && base.back() == '_') base.pop_back();
  return !base.empty();
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

}  // namespace

IndicatorPanel indicator_panel(const std::vector<AnalysedField>& fields, const std::string& parameter) {
  if (fields.empty()) throw UsageError("--" + parameter + ": no fields given");
  IndicatorPanel p;
  std::vector<std::string> bases, years;
  std::set<std::string> distinct_years;
  bool all_years = true;
  for (const auto& f : fields) {
    std::string base, year;
    if (!split_year(f.name, base, year)) {
      all_years = false;
      break;
    }
    bases.push_back(base);
    years.push_back(year);
    distinct_years.insert(year);
  }
  if (!all_years || distinct_years.size() < 2) {
    p.tags = {""};
    p.fields.emplace_back();
    for (const auto& f : fields) {
      p.indicators.push_back(f.name);
      p.fields[0].push_back(f.name);
    }
    return p;
  }
  std::map<std::string, std::map<std::string, std::string>> by_base;  // base -> year -> field
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (!by_base.count(bases[k])) p.indicators.push_back(bases[k]);
    by_base[bases[k]][years[k]] = fields[k].name;
  }
  p.tags.assign(distinct_years.begin(), distinct_years.end());
  for (const auto& tag : p.tags) {
    p.fields.emplace_back();
    for (const auto& base : p.indicators) {
      auto it = by_base[base].find(tag);
      if (it == by_base[base].end())
        throw DataError("--" + parameter + ": indicator '" + base + "' has no field for " + tag +
                        " (other indicators have one, e.g. '" + by_base.begin()->second.begin()->second + "')");
      p.fields.back().push_back(it->second);
    }
  }
  return p;
}

std::set<std::size_t> named_indicators(const TableInput& input, const std::string& parameter,
                                       const IndicatorPanel& panel) {
  std::set<std::size_t> out;
  if (!input.args().given(parameter)) return out;
  for (const auto& item : input.args().list(parameter)) {
    bool found = false;
    for (std::size_t j = 0; j < panel.indicators.size(); ++j) {
      bool match = panel.indicators[j] == item;
      for (const auto& year : panel.fields) match = match || year[j] == item;
      if (item.find_first_of("*?") != std::string::npos) {
        for (const auto& name : input.layer().match_fields(item))
          for (const auto& year : panel.fields) match = match || year[j] == name;
      }
      if (match) {
        out.insert(j);
        found = true;
      }
    }
    if (!found) throw UsageError("--" + parameter + ": '" + item + "' is not one of the indicators");
  }
  return out;
}

std::vector<entropy::Indicator> indicators_of_year(const TableInput& input, const IndicatorPanel& panel,
                                                   std::size_t year, const std::set<std::size_t>& negative) {
  std::vector<entropy::Indicator> out;
  for (std::size_t j = 0; j < panel.indicators.size(); ++j)
    out.push_back({panel.fields[year][j], input.numbers(panel.fields[year][j]), negative.count(j) > 0});
  return out;
}

std::vector<entropy::Indicator> pooled_indicators(const TableInput& input, const IndicatorPanel& panel,
                                                  const std::set<std::size_t>& negative) {
  std::vector<entropy::Indicator> out;
  for (std::size_t j = 0; j < panel.indicators.size(); ++j) {
    entropy::Indicator ind{panel.indicators[j], {}, negative.count(j) > 0};
    for (std::size_t t = 0; t < panel.tags.size(); ++t) {
      const auto values = input.numbers(panel.fields[t][j]);
      ind.values.insert(ind.values.end(), values.begin(), values.end());
    }
    out.push_back(std::move(ind));
  }
  return out;
}

std::vector<entropy::Dimension> parse_dimensions(const std::string& spec, const IndicatorPanel& panel) {
  std::vector<entropy::Dimension> dims;
  std::map<std::string, std::size_t> index;
  for (std::size_t j = 0; j < panel.indicators.size(); ++j) index[panel.indicators[j]] = j;
  std::stringstream groups(spec);
  std::string group;
  while (std::getline(groups, group, ';')) {
    group = trim(group);
    if (group.empty()) continue;
    const auto eq = group.find('=');
    if (eq == std::string::npos || trim(group.substr(0, eq)).empty())
      throw UsageError("--dimensions: '" + group + "' is not NAME=indicator,indicator,...");
    entropy::Dimension d{trim(group.substr(0, eq)), {}};
    std::stringstream members(group.substr(eq + 1));
    std::string member;
    while (std::getline(members, member, ',')) {
      member = trim(member);
      if (member.empty()) continue;
      auto it = index.find(member);
      if (it == index.end())
        throw UsageError("--dimensions: '" + member + "' (dimension '" + d.name + "') is not one of the indicators");
      d.indicators.push_back(it->second);
    }
    dims.push_back(std::move(d));
  }
  if (dims.empty()) throw UsageError("--dimensions: no dimension in '" + spec + "'");
  return dims;
}

Parameter indicators_parameter() {
  return input_field_parameter("indicators", ParamType::Fields,
                               "Indicator fields (several, or patterns such as gdp_* for a panel of years)", false);
}

Parameter negative_parameter() {
  return input_field_parameter("negative", ParamType::Fields,
                               "Negative indicators (smaller is better): fields, patterns or indicator names");
}

Parameter dimensions_parameter() {
  return make_parameter("dimensions", ParamType::String,
                        "Layered weighting: dimensions and their indicators, e.g. econ=gdp,income;social=beds,pension");
}

Parameter standardise_parameter() {
  Parameter p = make_parameter("standardise", ParamType::Enum,
                               "Panel: standardise and weigh each year apart, or pool all unit-years (one set of weights)",
                               "per-year");
  p.choices = {"per-year", "pooled"};
  return p;
}

std::string dimension_field_name(const std::string& prefix, const std::string& dimension, const std::string& tag) {
  std::string name = prefix + "_";
  for (char c : dimension) name += (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) ? c : '_';
  if (!tag.empty()) name += "_" + tag;
  return name;
}

std::string format_number(double value, int decimals) {
  if (std::isnan(value)) return "";
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(decimals);
  os << value;
  return os.str();
}

}  // namespace rs
