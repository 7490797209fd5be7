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
