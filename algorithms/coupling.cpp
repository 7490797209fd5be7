#include "algorithms/coupling.hpp"

#include <cmath>
#include <limits>

#include "algorithms/errors.hpp"

namespace rs::coupling {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* const kClassZh[10] = {"极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
                                  "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"};
const char* const kClassEn[10] = {"extreme imbalance",        "severe imbalance",
                                  "moderate imbalance",       "mild imbalance",
                                  "verge of imbalance",       "barely coordinated",
                                  "primary coordination",     "intermediate coordination",
                                  "good coordination",        "high-quality coordination"};

void check_class(int cls) {
  if (cls < 1 || cls > 10) throw UsageError("coordination class must be 1-10, got " + std::to_string(cls));
}

}  // namespace

Variant parse_variant(const std::string& text) {
  if (text == "standard") return Variant::Standard;
  if (text == "half") return Variant::Half;
  throw UsageError("variant: unknown value '" + text + "' (standard, half)");
}

const char* variant_name(Variant v) { return v == Variant::Half ? "half" : "standard"; }

Degree coupling_degree(const std::vector<double>& u, const std::vector<double>& a, Variant variant) {
  const std::size_t n = u.size();
  if (n < 2) throw UsageError("coupling needs at least two systems, got " + std::to_string(n));
  if (variant == Variant::Half && n != 2)
    throw UsageError("the half variant sqrt(U1 U2)/(U1 + U2) is defined for two systems, got " +
                     std::to_string(n));
  if (!a.empty()) {
    if (a.size() != n)
      throw UsageError("coupling weights: " + std::to_string(a.size()) + " for " + std::to_string(n) + " systems");
    double total = 0;
    for (double w : a) {
      if (!(w >= 0)) throw UsageError("coupling weights must be >= 0, got " + std::to_string(w));
      total += w;
    }
    if (std::fabs(total - 1) > 1e-9)
      throw UsageError("coupling weights must sum to 1, they sum to " + std::to_string(total));
  }
  double sum = 0, weighted = 0, log_prod = 0;
  bool any_zero = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(u[i])) return {kNaN, kNaN, kNaN};
    if (u[i] < 0 || u[i] > 1)
      throw DataError("system index " + std::to_string(u[i]) + " is outside [0, 1]: scale the systems first");
    sum += u[i];
    weighted += (a.empty() ? 1.0 / static_cast<double>(n) : a[i]) * u[i];
    if (u[i] == 0) any_zero = true; else log_prod += std::log(u[i]);
  }
  Degree g;
  g.t = weighted;
  if (sum == 0) {
    g.c = kNaN;  // 0/0; D is 0 all the same since T = 0
    g.d = 0;
    return g;
  }
  const double dn = static_cast<double>(n);
  if (any_zero) {
    g.c = 0;
  } else if (variant == Variant::Half) {
    g.c = std::sqrt(u[0] * u[1]) / sum;
  } else {
    // In logs: the product of many small indices would underflow.
    g.c = dn * std::exp((log_prod - dn * std::log(sum)) / dn);
  }
  g.d = std::sqrt(g.c * g.t);
  return g;
}

Closure parse_closure(const std::string& text) {
  if (text == "left") return Closure::LeftClosed;
  if (text == "right") return Closure::RightClosed;
  throw UsageError("intervals: unknown value '" + text + "' (left, right)");
}

const char* closure_name(Closure c) { return c == Closure::RightClosed ? "right" : "left"; }

int coordination_class(double d, Closure closure) {
  if (std::isnan(d)) return 0;
  if (d < 0 || d > 1) throw DataError("coordination degree " + std::to_string(d) + " is outside [0, 1]");
  // Boundaries as k / 10.0, the doubles nearest 0.1 ... 0.9: a D read as "0.3" sits exactly on one.
  int cls = 1;
  for (int k = 1; k <= 9; ++k) {
    const double edge = k / 10.0;
    if (closure == Closure::LeftClosed ? d >= edge : d > edge) cls = k + 1;
  }
  return cls;
}

Class5Name parse_class5_name(const std::string& text) {
  if (text == "verge") return Class5Name::VergeOfImbalance;
  if (text == "borderline") return Class5Name::Borderline;
  throw UsageError("class 5 name: unknown value '" + text + "' (verge, borderline)");
}

const char* class_zh(int cls, Class5Name name) {
  check_class(cls);
  if (cls == 5 && name == Class5Name::Borderline) return "临界协调";
  return kClassZh[cls - 1];
}

const char* class_en(int cls, Class5Name name) {
  check_class(cls);
  if (cls == 5 && name == Class5Name::Borderline) return "borderline coordination";
  return kClassEn[cls - 1];
}

int coordination_group(int cls) {
  check_class(cls);
  return cls <= 4 ? 1 : cls <= 6 ? 2 : 3;
}

const char* group_zh(int group) {
  if (group == 1) return "失调衰退";
  if (group == 2) return "过渡协调";
  if (group == 3) return "协调发展";
  throw UsageError("coordination group must be 1-3, got " + std::to_string(group));
}

const char* group_en(int group) {
  if (group == 1) return "imbalanced decline";
  if (group == 2) return "transitional coordination";
  if (group == 3) return "coordinated development";
  throw UsageError("coordination group must be 1-3, got " + std::to_string(group));
}

}  // namespace rs::coupling
