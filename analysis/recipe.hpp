// A recipe: inputs (globs) and the steps to run on each of them, read from TOML or JSON.
// A step names any registered algorithm (`run = "lisa"`) and gives its options as the command
// line would (`field = "gdp_{year}"`), so every command - present and future - is a recipe step.
// Options are patterns of the input's name and of the year: {stem}, {name}, {dir}, {input},
// {year}. A step whose options use {year} runs once per year of its `years` (or of the
// recipe's), or for the year in the input's name. A step with `chain = true` hands its output
// to the following steps as their input (a join, a conversion).
//
//   inputs = ["layers/*.gpkg"]             # relative to the recipe's folder
//   output_dir = "results"                 # idem; outputs are relative to it
//   years = "2002-2011"
//   [[steps]]
//   run = "lisa"
//   field = "gdp_{year}"
//   output = "{stem}_lisa_{year}.gpkg"
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rs {

struct RecipeStep {
  std::string algorithm;  // a registered algorithm's name
  // Option values as written (patterns), keyed by parameter name (dashes read as underscores).
  std::map<std::string, std::vector<std::string>> options;
  std::vector<std::string> years;  // its own years; empty: the recipe's
  bool chain = false;              // later steps read this step's output
};

struct Recipe {
  std::string origin;                 // the file it came from (for messages)
  std::string base_dir;               // relative inputs and output_dir are relative to it
  std::vector<std::string> inputs;    // files or globs, as written
  std::string output_dir = ".";       // as written
  std::vector<std::string> years;     // default years of steps that use {year}
  std::vector<RecipeStep> steps;
};

// Parses a recipe already read as JSON (TOML is converted to the same tree). `base_dir`: the
// folder relative paths are resolved against. Throws UsageError naming the key at fault.
Recipe parse_recipe(const nlohmann::json& tree, const std::string& origin, const std::string& base_dir);
// TOML text to the JSON tree parse_recipe reads; throws UsageError with the line at fault.
nlohmann::json toml_to_json(const std::string& text, const std::string& origin);
// Reads FILE.toml or FILE.json.
Recipe load_recipe(const std::string& path);

// Checks the recipe against the registry: known algorithms and options, an input and output
// for every chained step, known pattern keys, years only where {year} is used.
void validate_recipe(const Recipe& recipe);

// "2002-2011", "2002..2011", "2002,2005" or a list -> the years as text.
std::vector<std::string> parse_years(const nlohmann::json& value, const std::string& key);

// The year in a file name: the last run of exactly four digits from 1800 to 2199; "" if none.
std::string year_in_name(const std::string& stem);

// Replaces {key} by values.at(key); throws UsageError naming an unknown key.
std::string expand_pattern(const std::string& pattern, const std::map<std::string, std::string>& values);

// Input files of the recipe: its globs expanded, relative to base_dir, in order, no repeats.
std::vector<std::string> recipe_inputs(const Recipe& recipe);

// One run of an algorithm on one input, ready to execute: option values resolved, outputs as
// paths relative to the output folder.
struct PlannedStep {
  std::size_t step = 0;         // index in Recipe::steps
  std::string algorithm;
  std::string year;             // "" when the step is not per year
  std::string input_parameter;  // receives the layer the step reads
  std::string input;            // that layer: the input file, or an earlier output (relative)
  bool input_is_output = false;
  std::map<std::string, std::vector<std::string>> values;  // every other given option
  std::map<std::string, std::string> outputs;              // output parameter -> relative path
};

// The steps for one input file; throws DataError when a pattern cannot be filled for it
// ({year} with no years and no year in its name).
std::vector<PlannedStep> plan_input(const Recipe& recipe, const std::string& input_file);

// The command line a planned step amounts to (for --dry-run), outputs under `output_dir`.
std::string describe_step(const PlannedStep& step, const std::string& output_dir);

}  // namespace rs
