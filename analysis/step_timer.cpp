#include "analysis/step_timer.hpp"

#include <algorithm>
#include <chrono>

namespace rs {
namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

StepTimer::StepTimer() : last_(now_seconds()) {}

void StepTimer::lap(const std::string& step) {
  const double t = now_seconds();
  auto it = std::find_if(steps_.begin(), steps_.end(), [&](auto& s) { return s.first == step; });
  if (it == steps_.end()) steps_.emplace_back(step, t - last_);
  else it->second += t - last_;
  last_ = t;
}

nlohmann::json StepTimer::json() const {
  nlohmann::json out = nlohmann::json::object();
  for (auto& [step, seconds] : steps_) out[step] = seconds;
  return out;
}

}  // namespace rs
