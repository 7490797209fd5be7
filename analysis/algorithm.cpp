#include "analysis/algorithm.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "algorithms/errors.hpp"

namespace rs {

const char* param_type_name(ParamType type) {
  switch (type) {
    case ParamType::InputLayer: return "input_layer";
    case ParamType::Field: return "field";
    case ParamType::Fields: return "fields";
    case ParamType::Integer: return "integer";
    case ParamType::Double: return "double";
    case ParamType::Boolean: return "boolean";
    case ParamType::Enum: return "enum";
    case ParamType::String: return "string";
    case ParamType::InputFile: return "input_file";
    case ParamType::OutputLayer: return "output_layer";
    case ParamType::OutputFile: return "output_file";
  }
  return "string";
}

Arguments::Arguments(std::vector<Parameter> parameters) : parameters_(std::move(parameters)) {}

const Parameter& Arguments::parameter(const std::string& name) const {
  for (auto& p : parameters_)
    if (p.name == name) return p;
  throw std::logic_error("no parameter '" + name + "'");
}

void Arguments::set(const std::string& name, const std::string& value) {
  parameter(name);
  values_[name] = {value};
}

void Arguments::add(const std::string& name, const std::string& value) {
  parameter(name);
  values_[name].push_back(value);
}

bool Arguments::given(const std::string& name) const {
  auto it = values_.find(name);
  return it != values_.end() && !it->second.empty() && !(it->second.size() == 1 && it->second[0].empty());
}

void Arguments::check_required() const {
  for (const auto& p : parameters_)
    if (!p.optional && p.default_value.empty() && !given(p.name))
      throw ParameterError(p.name, "missing required parameter {parameter} (" + p.label + ")");
}

std::string Arguments::text(const std::string& name) const {
  const Parameter& p = parameter(name);
  if (given(name)) {
    const std::string& v = values_.at(name).front();
    if (p.type == ParamType::Enum && std::find(p.choices.begin(), p.choices.end(), v) == p.choices.end()) {
      std::string accepted;
      for (auto& c : p.choices) accepted += (accepted.empty() ? "" : ", ") + c;
      throw ParameterError(name, "{parameter} must be one of " + accepted + ", not '" + v + "'");
    }
    return v;
  }
  if (!p.optional && p.default_value.empty())
    throw ParameterError(name, "missing required parameter {parameter} (" + p.label + ")");
  return p.default_value;
}

std::vector<std::string> Arguments::list(const std::string& name) const {
  const Parameter& p = parameter(name);
  std::vector<std::string> out;
  if (given(name)) {
    // Accept both repeated values and comma-separated lists.
    for (auto& v : values_.at(name)) {
      std::size_t start = 0;
      while (start <= v.size()) {
        std::size_t comma = v.find(',', start);
        std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
  } else if (!p.default_value.empty()) {
    out.push_back(p.default_value);
  } else if (!p.optional) {
    throw ParameterError(name, "missing required parameter {parameter} (" + p.label + ")");
  }
  return out;
}

long long Arguments::integer(const std::string& name) const {
  const Parameter& p = parameter(name);
  std::string v = text(name);
  char* end = nullptr;
  long long out = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0')
    throw ParameterError(name, "{parameter} expects a whole number, not '" + v + "'");
  if (static_cast<double>(out) < p.minimum || static_cast<double>(out) > p.maximum)
    throw ParameterError(name, "{parameter} must be between " + std::to_string(static_cast<long long>(p.minimum)) +
                     " and " + std::to_string(static_cast<long long>(p.maximum)) + ", not " + v);
  return out;
}

double Arguments::number(const std::string& name) const {
  const Parameter& p = parameter(name);
  std::string v = text(name);
  char* end = nullptr;
  double out = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !std::isfinite(out))
    throw ParameterError(name, "{parameter} expects a number, not '" + v + "'");
  if (out < p.minimum || out > p.maximum)
    throw ParameterError(name, "{parameter} must be between " + std::to_string(p.minimum) + " and " +
                     std::to_string(p.maximum) + ", not " + v);
  return out;
}

bool Arguments::flag(const std::string& name) const {
  std::string v = text(name);
  std::transform(v.begin(), v.end(), v.begin(), ::tolower);
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v.empty() || v == "0" || v == "false" || v == "no" || v == "off") return false;
  throw ParameterError(name, "{parameter} expects true or false, not '" + v + "'");
}

namespace {
std::vector<std::unique_ptr<Algorithm>>& registry() {
  static std::vector<std::unique_ptr<Algorithm>> all;
  return all;
}
bool& registry_sorted() {
  static bool sorted = false;
  return sorted;
}
}  // namespace

void register_algorithm(std::unique_ptr<Algorithm> algorithm) {
  registry().push_back(std::move(algorithm));
  registry_sorted() = false;
}

const std::vector<std::unique_ptr<Algorithm>>& algorithms() {
  auto& all = registry();
  if (!registry_sorted()) {
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a->group() != b->group() ? a->group() < b->group() : a->name() < b->name();
    });
    registry_sorted() = true;
  }
  return all;
}

const Algorithm* find_algorithm(const std::string& name) {
  for (auto& a : algorithms())
    if (a->name() == name) return a.get();
  return nullptr;
}

}  // namespace rs
