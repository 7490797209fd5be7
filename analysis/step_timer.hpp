// Wall-clock seconds of the steps of a command (read, weights, statistic, write, ...), reported
// in its JSON summary as "seconds" so that a run can be profiled without a debugger and the
// benchmarks in bench/ can compare each step with a peer.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace rs {

class StepTimer {
 public:
  StepTimer();
  // Seconds since the previous lap (or the start), added to `step` (a step met twice, as the
  // statistic of each field of a panel, sums its laps).
  void lap(const std::string& step);
  nlohmann::json json() const;

 private:
  double last_;
  std::vector<std::pair<std::string, double>> steps_;
};

}  // namespace rs
