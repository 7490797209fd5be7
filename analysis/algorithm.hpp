// One class per algorithm, as QGIS's native algorithms: its name, group, help text, parameter
// definitions and run() in one place. The command line builds its options from parameters()
// and the QGIS provider builds its dialog from the same list, so the two cannot drift apart.
#pragma once

#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "algorithms/feedback.hpp"

namespace rs {

enum class ParamType {
  InputLayer,   // a vector layer path (QGIS exports its layer to a file first)
  Field,        // one field of the parent layer
  Fields,       // one or more fields, or patterns such as gdp_*
  Integer,
  Double,
  Boolean,
  Enum,         // one of `choices`
  String,
  InputFile,    // e.g. a GAL/GWT weights file
  OutputLayer,  // a vector layer to write
  OutputFile,   // any other file to write (HTML report, CSV table, weights file)
};

const char* param_type_name(ParamType type);

struct Parameter {
  std::string name;           // CLI --name (dashes), QGIS NAME (upper case, underscores)
  ParamType type = ParamType::String;
  std::string label;          // short text for dialogs and --help
  std::string default_value;  // as text; empty: no default
  bool optional = false;
  bool advanced = false;      // QGIS: in the "Advanced parameters" group
  bool positional = false;    // CLI: given without a flag (INPUT)
  bool multiple = false;      // positional: takes one or more values (convert a.shp b.shp)
  std::string short_flag;     // CLI: "-o", "-f"
  std::vector<std::string> choices;  // Enum
  std::string parent;         // Field(s): the layer parameter they belong to
  bool numeric = true;        // Field(s): numeric fields only
  double minimum = -std::numeric_limits<double>::infinity();
  double maximum = std::numeric_limits<double>::infinity();
  std::string file_filter;    // InputFile/OutputFile/OutputLayer: e.g. "GAL files (*.gal)"
};

// Something an algorithm returns besides its files, for QGIS outputs and models.
struct OutputDefinition {
  std::string name;          // key in Result::summary (and the QGIS output name, upper-cased)
  std::string type;          // "number", "string", "layer", "file", "html"
  std::string description;
};

// Argument values as text, keyed by parameter name; lists for Fields.
class Arguments {
 public:
  Arguments() = default;
  explicit Arguments(std::vector<Parameter> parameters);
  void set(const std::string& name, const std::string& value);
  void add(const std::string& name, const std::string& value);
  bool given(const std::string& name) const;  // set by the caller (not a default)
  // Throws UsageError naming the first required parameter (no default) that is not given, so
  // that a run fails before it reads anything.
  void check_required() const;

  // Typed access; the default applies when not given. Throw UsageError naming the parameter.
  std::string text(const std::string& name) const;
  std::vector<std::string> list(const std::string& name) const;
  long long integer(const std::string& name) const;
  double number(const std::string& name) const;
  bool flag(const std::string& name) const;
  const Parameter& parameter(const std::string& name) const;
  const std::vector<Parameter>& parameters() const { return parameters_; }

 private:
  std::vector<Parameter> parameters_;
  std::map<std::string, std::vector<std::string>> values_;
};

struct Result {
  nlohmann::json summary = nlohmann::json::object();  // --json and QGIS outputs
  std::string report;                                   // readable text for the terminal
  std::map<std::string, std::string> files;             // output parameter -> path written
};

class Algorithm {
 public:
  virtual ~Algorithm() = default;
  virtual std::string name() const = 0;          // "lisa": CLI command, QGIS id regionstat:lisa
  virtual std::string display_name() const = 0;  // "Local Moran's I (LISA)"
  virtual std::string group() const = 0;         // "Hot spots and clusters"
  virtual std::string short_help() const = 0;    // one sentence
  virtual std::string help() const = 0;          // formula, output fields, reference (Markdown-ish)
  virtual std::vector<Parameter> parameters() const = 0;
  // Literature the method follows, one citation each (bibliographic: not translated).
  virtual std::vector<std::string> references() const { return {}; }
  virtual std::vector<OutputDefinition> outputs() const { return {}; }
  virtual Result run(const Arguments& args, Feedback& feedback) const = 0;

  Arguments arguments() const { return Arguments(parameters()); }
};

// Self-registration: each algorithm file ends with REGIONSTAT_REGISTER_ALGORITHM(ClassName).
void register_algorithm(std::unique_ptr<Algorithm> algorithm);
const std::vector<std::unique_ptr<Algorithm>>& algorithms();  // sorted by group, then name
const Algorithm* find_algorithm(const std::string& name);

#define REGIONSTAT_REGISTER_ALGORITHM(Class)                                        \
  namespace {                                                                       \
  const bool registered_##Class = (::rs::register_algorithm(std::make_unique<Class>()), true); \
  }

}  // namespace rs
