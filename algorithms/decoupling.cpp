#include "algorithms/decoupling.hpp"

#include <cmath>
#include <limits>

namespace rs::decoupling {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLow = 0.8, kHigh = 1.2;  // Tapio's +-20 % band around e = 1
}  // namespace

State classify(double d_pressure, double d_driver, double e) {
  if (std::isnan(d_pressure) || std::isnan(d_driver)) return State::Missing;
  if (d_driver == 0) return State::DriverUnchanged;
  if (d_driver > 0) {
    if (d_pressure < 0) return State::StrongDecoupling;
    if (e < kLow) return State::WeakDecoupling;  // includes dC = 0 (e = 0)
    if (e <= kHigh) return State::ExpansiveCoupling;
    return State::ExpansiveNegativeDecoupling;
  }
  if (d_pressure > 0) return State::StrongNegativeDecoupling;
  if (e < kLow) return State::WeakNegativeDecoupling;  // includes dC = 0 (e = 0)
  if (e <= kHigh) return State::RecessiveCoupling;
  return State::RecessiveDecoupling;
}

Elasticity tapio(double pressure_base, double pressure_end, double driver_base, double driver_end) {
  if (std::isnan(pressure_base) || std::isnan(pressure_end) || std::isnan(driver_base) ||
      std::isnan(driver_end))
    return {kNaN, State::Missing};
  if (!(pressure_base > 0) || !(driver_base > 0)) return {kNaN, State::Undefined};
  const double dc = pressure_end - pressure_base;
  const double da = driver_end - driver_base;
  if (da == 0) return {kNaN, State::DriverUnchanged};
  const double e = dc == 0 ? 0.0 : (dc / pressure_base) / (da / driver_base);
  return {e, classify(dc, da, e)};
}

Group group_of(State s) {
  switch (s) {
    case State::StrongDecoupling:
    case State::WeakDecoupling:
    case State::RecessiveDecoupling: return Group::Decoupling;
    case State::ExpansiveCoupling:
    case State::RecessiveCoupling: return Group::Coupling;
    case State::ExpansiveNegativeDecoupling:
    case State::WeakNegativeDecoupling:
    case State::StrongNegativeDecoupling: return Group::NegativeDecoupling;
    case State::DriverUnchanged:
    case State::Undefined:
    case State::Missing: break;
  }
  return Group::None;
}

const char* state_en(State s) {
  switch (s) {
    case State::StrongDecoupling: return "strong decoupling";
    case State::WeakDecoupling: return "weak decoupling";
    case State::RecessiveDecoupling: return "recessive decoupling";
    case State::ExpansiveCoupling: return "expansive coupling";
    case State::RecessiveCoupling: return "recessive coupling";
    case State::ExpansiveNegativeDecoupling: return "expansive negative decoupling";
    case State::WeakNegativeDecoupling: return "weak negative decoupling";
    case State::StrongNegativeDecoupling: return "strong negative decoupling";
    case State::DriverUnchanged: return "driver unchanged";
    case State::Undefined: return "undefined (base value <= 0)";
    case State::Missing: break;
  }
  return "";
}

const char* state_zh(State s) {
  switch (s) {
    case State::StrongDecoupling: return "强脱钩";
    case State::WeakDecoupling: return "弱脱钩";
    case State::RecessiveDecoupling: return "衰退脱钩";
    case State::ExpansiveCoupling: return "增长连结";
    case State::RecessiveCoupling: return "衰退连结";
    case State::ExpansiveNegativeDecoupling: return "扩张负脱钩";
    case State::WeakNegativeDecoupling: return "弱负脱钩";
    case State::StrongNegativeDecoupling: return "强负脱钩";
    case State::DriverUnchanged: return "驱动无变化";
    case State::Undefined: return "无法计算（基期值≤0）";
    case State::Missing: break;
  }
  return "";
}

const char* group_en(Group g) {
  switch (g) {
    case Group::Decoupling: return "decoupling";
    case Group::Coupling: return "coupling";
    case Group::NegativeDecoupling: return "negative decoupling";
    case Group::None: break;
  }
  return "";
}

const char* group_zh(Group g) {
  switch (g) {
    case Group::Decoupling: return "脱钩";
    case Group::Coupling: return "连结";
    case Group::NegativeDecoupling: return "负脱钩";
    case Group::None: break;
  }
  return "";
}

}  // namespace rs::decoupling
