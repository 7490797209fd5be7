// Errors that reach the user. Each names the file, layer, field or value at fault; the command
// line maps UsageError to exit code 2 and DataError to exit code 1 (DESIGN.md, Conventions).
#pragma once

#include <stdexcept>
#include <string>

namespace rs {

// The call is wrong: an unknown option, a missing parameter, a value out of range.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A usage error about one parameter. The message names it as "{parameter}", which each front
// end renders in its own words: the command line as its flag (--p-rule), QGIS as its parameter
// name (P_RULE); what() is the command line's wording.
class ParameterError : public UsageError {
 public:
  ParameterError(std::string parameter, std::string message)
      : UsageError(render(message, flag(parameter))), parameter_(std::move(parameter)), message_(std::move(message)) {}
  const std::string& parameter() const { return parameter_; }
  // The message with the parameter shown as `shown`.
  std::string rendered(const std::string& shown) const { return render(message_, shown); }
  // --name with dashes, as the command line spells it.
  static std::string flag(const std::string& parameter) {
    std::string out = "--" + parameter;
    for (auto& c : out)
      if (c == '_') c = '-';
    return out;
  }

 private:
  static std::string render(std::string message, const std::string& shown) {
    const std::string key = "{parameter}";
    for (auto pos = message.find(key); pos != std::string::npos; pos = message.find(key, pos + shown.size()))
      message.replace(pos, key.size(), shown);
    return message;
  }
  std::string parameter_;
  std::string message_;
};

// The data cannot be analysed as asked: missing file or field, duplicate ids, zero variance...
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The user cancelled (Ctrl-C on the command line, Cancel in QGIS).
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled by the user") {}
};

}  // namespace rs
