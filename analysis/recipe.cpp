#include "analysis/recipe.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <glob.h>

#include <toml++/toml.h>

#include "algorithms/errors.hpp"
#include "analysis/algorithm.hpp"

namespace fs = std::filesystem;

namespace rs {
namespace {

const std::set<std::string>& pattern_keys() {
  static const std::set<std::string> keys{"stem", "name", "dir", "input", "year"};
  return keys;
}

std::string parameter_name(std::string key) {
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

bool is_output(ParamType type) { return type == ParamType::OutputLayer || type == ParamType::OutputFile; }

// An option value as the command line would receive it.
std::string option_text(const nlohmann::json& value, const std::string& where) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) return value.dump();  // the shortest text that reads back the same (0.05)
  throw UsageError(where + " must be text, a number, true/false or a list of them");
}

// The {key}s a pattern uses.
std::vector<std::string> pattern_uses(const std::string& pattern) {
  std::vector<std::string> keys;
  for (std::size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
    std::size_t close = pattern.find('}', open);
    if (close == std::string::npos) break;
    keys.push_back(pattern.substr(open + 1, close - open - 1));
  }
  return keys;
}

bool uses_year(const RecipeStep& step) {
  for (auto& [name, values] : step.options)
    for (auto& v : values)
      for (auto& key : pattern_uses(v))
        if (key == "year") return true;
  return false;
}

std::string step_label(const Recipe& recipe, std::size_t k) {
  return recipe.origin + ": step " + std::to_string(k + 1) + " (" + recipe.steps[k].algorithm + ")";
}

// parameters() returns by value; keep the list alive while pointers into it are used.
struct AlgorithmParameters {
  explicit AlgorithmParameters(const Algorithm& algorithm) : list(algorithm.parameters()) {}
  const Parameter* find(const std::string& name) const {
    for (auto& p : list)
      if (p.name == name) return &p;
    return nullptr;
  }
  // The parameter that receives the layer a step reads: its first input layer, positional first.
  const Parameter* input() const {
    const Parameter* found = nullptr;
    for (auto& p : list) {
      if (p.type != ParamType::InputLayer) continue;
      if (p.positional) return &p;
      if (!found) found = &p;
    }
    return found;
  }
  std::vector<Parameter> list;
};

nlohmann::json toml_node_to_json(const toml::node& node) {
  if (auto* table = node.as_table()) {
    nlohmann::json out = nlohmann::json::object();
    for (auto& [key, value] : *table) out[std::string(key.str())] = toml_node_to_json(value);
    return out;
  }
  if (auto* array = node.as_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (auto& value : *array) out.push_back(toml_node_to_json(value));
    return out;
  }
  if (auto* s = node.as_string()) return s->get();
  if (auto* i = node.as_integer()) return i->get();
  if (auto* d = node.as_floating_point()) return d->get();
  if (auto* b = node.as_boolean()) return b->get();
  // Dates and times: as written, the way a command line would take them.
  std::ostringstream os;
  node.visit([&os](auto&& v) { os << v; });
  return os.str();
}

}  // namespace

std::vector<std::string> parse_years(const nlohmann::json& value, const std::string& key) {
  std::vector<std::string> out;
  auto add_range = [&](const std::string& text) {
    std::string s;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    for (std::size_t start = 0; start <= s.size();) {
      std::size_t comma = s.find(',', start);
      std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      std::size_t dash = item.find("..") != std::string::npos ? item.find("..") : item.find('-', 1);
      auto number = [&](const std::string& t) {
        if (t.empty() || !std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); }))
          throw UsageError(key + ": '" + text + "' is not a list of years (e.g. \"2002-2011\" or [2002, 2011])");
        return std::stoi(t);
      };
      if (dash == std::string::npos) {
        out.push_back(std::to_string(number(item)));
      } else {
        const int from = number(item.substr(0, dash));
        const int to = number(item.substr(dash + (item.compare(dash, 2, "..") == 0 ? 2 : 1)));
        if (to < from || to - from > 1000) throw UsageError(key + ": '" + item + "' is not a range of years");
        for (int y = from; y <= to; ++y) out.push_back(std::to_string(y));
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  };
  if (value.is_array()) {
    for (auto& v : value) {
      if (v.is_number_integer()) out.push_back(std::to_string(v.get<long long>()));
      else if (v.is_string()) add_range(v.get<std::string>());
      else throw UsageError(key + " must list years as numbers or text");
    }
  } else if (value.is_string()) {
    add_range(value.get<std::string>());
  } else if (value.is_number_integer()) {
    out.push_back(std::to_string(value.get<long long>()));
  } else {
    throw UsageError(key + " must be a list of years or a range such as \"2002-2011\"");
  }
  if (out.empty()) throw UsageError(key + " lists no year");
  return out;
}

std::string year_in_name(const std::string& stem) {
  std::string found;
  for (std::size_t k = 0; k < stem.size();) {
    if (!std::isdigit(static_cast<unsigned char>(stem[k]))) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < stem.size() && std::isdigit(static_cast<unsigned char>(stem[end]))) ++end;
    if (end - k == 4) {
      const int year = std::stoi(stem.substr(k, 4));
      if (year >= 1800 && year <= 2199) found = stem.substr(k, 4);
    }
    k = end;
  }
  return found;
}

std::string expand_pattern(const std::string& pattern, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t open = pattern.find('{', pos);
    if (open == std::string::npos) break;
    std::size_t close = pattern.find('}', open);
    if (close == std::string::npos) throw UsageError("pattern '" + pattern + "' has a '{' without '}'");
    const std::string key = pattern.substr(open + 1, close - open - 1);
    auto it = values.find(key);
    if (it == values.end())
      throw UsageError("pattern '" + pattern + "' uses {" + key + "}; known are {stem}, {name}, {dir}, {input}, {year}");
    out += pattern.substr(pos, open - pos) + it->second;
    pos = close + 1;
  }
  return out + pattern.substr(std::min(pos, pattern.size()));
}

nlohmann::json toml_to_json(const std::string& text, const std::string& origin) {
  try {
    toml::table table = toml::parse(text, origin);
    return toml_node_to_json(table);
  } catch (const toml::parse_error& e) {
    std::ostringstream os;
    os << origin << ", line " << e.source().begin.line << ", column " << e.source().begin.column << ": "
       << e.description();
    throw UsageError(os.str());
  }
}

Recipe parse_recipe(const nlohmann::json& tree, const std::string& origin, const std::string& base_dir) {
  if (!tree.is_object()) throw UsageError(origin + ": a recipe is a table of keys (inputs, steps, ...)");
  Recipe recipe;
  recipe.origin = origin;
  recipe.base_dir = base_dir;
  for (auto& [key, value] : tree.items()) {
    const std::string where = origin + ": " + key;
    if (key == "inputs") {
      if (value.is_string()) {
        recipe.inputs.push_back(value.get<std::string>());
      } else if (value.is_array()) {
        for (auto& v : value) {
          if (!v.is_string()) throw UsageError(where + " must list file names or globs");
          recipe.inputs.push_back(v.get<std::string>());
        }
      } else {
        throw UsageError(where + " must be a file name, a glob or a list of them");
      }
    } else if (key == "output_dir") {
      if (!value.is_string()) throw UsageError(where + " must be a folder name");
      recipe.output_dir = value.get<std::string>();
    } else if (key == "years") {
      recipe.years = parse_years(value, where);
    } else if (key == "steps") {
      if (!value.is_array()) throw UsageError(where + " must be a list of tables ([[steps]] in TOML)");
      for (std::size_t k = 0; k < value.size(); ++k) {
        const nlohmann::json& table = value[k];
        const std::string step_where = origin + ": step " + std::to_string(k + 1);
        if (!table.is_object()) throw UsageError(step_where + " must be a table of options");
        if (!table.contains("run") || !table["run"].is_string())
          throw UsageError(step_where + " needs run = \"COMMAND\" (e.g. run = \"lisa\")");
        RecipeStep step;
        step.algorithm = table["run"].get<std::string>();
        for (auto& [option, v] : table.items()) {
          const std::string option_where = step_where + ", " + option;
          if (option == "run") continue;
          if (option == "years") {
            step.years = parse_years(v, option_where);
          } else if (option == "chain") {
            if (!v.is_boolean()) throw UsageError(option_where + " must be true or false");
            step.chain = v.get<bool>();
          } else if (v.is_array()) {
            auto& values = step.options[parameter_name(option)];
            for (auto& item : v) values.push_back(option_text(item, option_where));
          } else {
            step.options[parameter_name(option)] = {option_text(v, option_where)};
          }
        }
        recipe.steps.push_back(std::move(step));
      }
    } else if (key != "description") {
      throw UsageError(where + ": unknown key (a recipe has inputs, output_dir, years, steps, description)");
    }
  }
  if (recipe.inputs.empty()) throw UsageError(origin + ": no inputs (inputs = [\"layers/*.gpkg\"])");
  if (recipe.steps.empty()) throw UsageError(origin + ": no steps ([[steps]] with run = \"COMMAND\")");
  return recipe;
}

Recipe load_recipe(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError("cannot read recipe '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  nlohmann::json tree;
  if (ext == ".json") {
    try {
      tree = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
      throw UsageError(path + ": " + e.what());
    }
  } else if (ext == ".toml") {
    tree = toml_to_json(text.str(), path);
  } else {
    throw UsageError("recipe '" + path + "' must be a .toml or .json file");
  }
  const fs::path folder = fs::path(path).parent_path();
  return parse_recipe(tree, path, folder.empty() ? "." : folder.string());
}

void validate_recipe(const Recipe& recipe) {
  for (std::size_t k = 0; k < recipe.steps.size(); ++k) {
    const RecipeStep& step = recipe.steps[k];
    const std::string where = step_label(recipe, k);
    const Algorithm* algorithm = step.algorithm == "run" ? nullptr : find_algorithm(step.algorithm);
    if (!algorithm) {
      std::string names;
      for (auto& a : algorithms())
        if (a->name() != "run") names += (names.empty() ? "" : ", ") + a->name();
      throw UsageError(where + ": no such command; a step runs one of " + names);
    }
    AlgorithmParameters parameters(*algorithm);
    const Parameter* input = parameters.input();
    for (auto& [name, values] : step.options) {
      const Parameter* p = parameters.find(name);
      if (!p) {
        std::string names;
        for (auto& q : parameters.list) names += (names.empty() ? "" : ", ") + q.name;
        throw UsageError(where + ": " + step.algorithm + " has no option '" + name + "'; its options are " + names);
      }
      if (values.size() > 1 && p->type != ParamType::Fields && name != "lco")
        throw UsageError(where + ": option '" + name + "' takes one value, not a list");
      for (auto& v : values)
        for (auto& key : pattern_uses(v))
          if (!pattern_keys().count(key))
            throw UsageError(where + ": option '" + name + "' uses {" + key +
                             "}; known are {stem}, {name}, {dir}, {input}, {year}");
      if (is_output(p->type))
        for (auto& v : values)
          if (fs::path(v).is_absolute() || v.find("..") != std::string::npos)
            throw UsageError(where + ": output '" + v + "' must be a path inside output_dir");
    }
    if (!input && !step.options.count("input"))
      throw UsageError(where + ": " + step.algorithm + " reads no layer, so it cannot run on the inputs");
    if (!step.years.empty() && !uses_year(step))
      throw UsageError(where + ": lists years but none of its options uses {year}");
    if (step.chain) {
      if (uses_year(step)) throw UsageError(where + ": a chained step cannot run once per year");
      bool has_output = false;
      for (auto& [name, values] : step.options) {
        const Parameter* p = parameters.find(name);
        if (p && p->type == ParamType::OutputLayer) has_output = true;
      }
      if (!has_output) throw UsageError(where + ": chain = true needs an output layer (output = \"...\")");
    }
  }
}

std::vector<std::string> recipe_inputs(const Recipe& recipe) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (auto& pattern : recipe.inputs) {
    const fs::path full = (fs::path(pattern).is_absolute() ? fs::path(pattern) : fs::path(recipe.base_dir) / pattern)
                              .lexically_normal();
    std::vector<std::string> found;
    if (pattern.find_first_of("*?[") != std::string::npos) {
      glob_t matches{};
      if (::glob(full.string().c_str(), 0, nullptr, &matches) == 0)
        for (std::size_t k = 0; k < matches.gl_pathc; ++k) found.emplace_back(matches.gl_pathv[k]);
      ::globfree(&matches);
    } else if (fs::exists(full)) {
      found.push_back(full.string());
    }
    if (found.empty()) throw DataError(recipe.origin + ": input '" + pattern + "' matches no file");
    for (auto& f : found)
      if (seen.insert(fs::weakly_canonical(f).string()).second) files.push_back(f);
  }
  return files;
}

std::vector<PlannedStep> plan_input(const Recipe& recipe, const std::string& input_file) {
  const fs::path path(input_file);
  std::map<std::string, std::string> values{{"stem", path.stem().string()},
                                            {"name", path.filename().string()},
                                            {"dir", path.parent_path().string()},
                                            {"input", input_file}};
  const std::string name_year = year_in_name(path.stem().string());
  if (!name_year.empty()) values["year"] = name_year;
  std::string current = input_file;  // the layer the next step reads
  bool current_is_output = false;
  std::vector<PlannedStep> plan;
  for (std::size_t k = 0; k < recipe.steps.size(); ++k) {
    const RecipeStep& step = recipe.steps[k];
    const Algorithm* algorithm = find_algorithm(step.algorithm);
    if (!algorithm) throw UsageError(step_label(recipe, k) + ": no such command");
    AlgorithmParameters parameters(*algorithm);
    std::vector<std::string> years{""};
    if (uses_year(step)) {
      years = !step.years.empty() ? step.years : !recipe.years.empty() ? recipe.years : std::vector<std::string>{};
      if (years.empty()) {
        if (name_year.empty())
          throw DataError(step_label(recipe, k) + " uses {year}, the recipe lists no years and '" +
                          path.filename().string() + "' has no year in its name");
        years = {name_year};
      }
    }
    std::string chained_output;
    for (auto& year : years) {
      std::map<std::string, std::string> filled = values;
      if (!year.empty()) filled["year"] = year;
      PlannedStep planned;
      planned.step = k;
      planned.algorithm = step.algorithm;
      planned.year = year;
      const Parameter* input = parameters.input();
      planned.input_parameter = input ? input->name : "input";
      planned.input = current;
      planned.input_is_output = current_is_output;
      for (auto& [name, patterns] : step.options) {
        std::vector<std::string> resolved;
        for (auto& p : patterns) {
          try {
            resolved.push_back(expand_pattern(p, filled));
          } catch (const UsageError& e) {
            throw DataError(step_label(recipe, k) + ", option '" + name + "' for '" + path.filename().string() +
                            "': " + e.what() + (name_year.empty() ? " ({year}: no year in the input's name)" : ""));
          }
        }
        const Parameter* p = parameters.find(name);
        // Files a recipe names are relative to the recipe, as its inputs are.
        if (p && (p->type == ParamType::InputLayer || p->type == ParamType::InputFile))
          for (auto& v : resolved)
            if (!v.empty() && fs::path(v).is_relative() && v.rfind("/vsi", 0) != 0)
              v = (fs::path(recipe.base_dir) / v).lexically_normal().string();
        if (name == planned.input_parameter) {
          // An explicit input: a file, not an earlier output.
          planned.input = resolved.front();
          planned.input_is_output = false;
        } else if (p && is_output(p->type)) {
          planned.outputs[name] = resolved.front();
          if (p->type == ParamType::OutputLayer && chained_output.empty()) chained_output = resolved.front();
        } else {
          planned.values[name] = resolved;
        }
      }
      plan.push_back(std::move(planned));
    }
    if (step.chain) {
      current = chained_output;
      current_is_output = true;
    }
  }
  return plan;
}

std::string describe_step(const PlannedStep& step, const std::string& output_dir) {
  auto quote = [](const std::string& s) {
    if (!s.empty() && s.find_first_of(" '\"*?$;&|<>(){}") == std::string::npos) return s;
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  const fs::path dir(output_dir);
  std::ostringstream os;
  os << "regionstat " << step.algorithm << " "
     << quote(step.input_is_output ? (dir / step.input).string() : step.input);
  for (auto& [name, values] : step.values) {
    std::string flag = "--" + name;
    std::replace(flag.begin(), flag.end(), '_', '-');
    for (auto& v : values) os << " " << flag << " " << quote(v);
  }
  for (auto& [name, path] : step.outputs) {
    std::string flag = "--" + name;
    std::replace(flag.begin(), flag.end(), '_', '-');
    os << " " << flag << " " << quote((dir / path).string());
  }
  return os.str();
}

}  // namespace rs
