// Progress, messages and cancellation for long work. The command line prints progress on
// stderr and turns Ctrl-C into a cancel; the QGIS plugin forwards to QgsProcessingFeedback.
#pragma once

#include <string>

#include "algorithms/errors.hpp"

namespace rs {

class Feedback {
 public:
  virtual ~Feedback() = default;
  virtual void progress(double /*fraction 0..1*/) {}
  virtual void info(const std::string& /*message*/) {}
  virtual void warning(const std::string& /*message*/) {}
  virtual bool cancelled() const { return false; }
  void check_cancelled() const {
    if (cancelled()) throw Cancelled();
  }
};

// For callers that want none of it (tests, internal steps).
inline Feedback& silent_feedback() {
  static Feedback none;
  return none;
}

}  // namespace rs
