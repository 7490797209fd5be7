// Coupling coordination degree of n subsystems (METHODS.md, "Coupling coordination"; Liao 1999,
// Liu et al. 2005), on subsystem indices U_i in [0, 1]:
//   C = n [prod_i U_i / (sum_i U_i)^n]^(1/n)        Standard: in [0, 1]; for two systems
//                                                    2 sqrt(U1 U2) / (U1 + U2)
//   C = sqrt(U1 U2) / (U1 + U2)                      Half: two systems only, maximum 0.5; a
//                                                    flawed form that papers still use (Jiang
//                                                    Cheng et al. 2025), so an explicit option
//   T = sum_i a_i U_i                                a_i >= 0 summing to 1 (equal by default)
//   D = sqrt(C T)
// and the ten classes of width 0.1 with the three groups of the literature.
#pragma once

#include <string>
#include <vector>

namespace rs::coupling {

enum class Variant { Standard, Half };
Variant parse_variant(const std::string& text);  // standard|half (UsageError)
const char* variant_name(Variant v);

struct Degree {
  double c = 0;  // coupling degree C (NaN when every U_i is 0: C is 0/0)
  double t = 0;  // comprehensive coordination index T
  double d = 0;  // coupling coordination degree D (0 when T = 0, whatever C)
};

// `u`: the n >= 2 subsystem indices of one unit; `a`: their weights (empty = 1/n each).
// A NaN in `u` gives NaN everywhere. UsageError: fewer than 2 systems, Half with n != 2, weights
// of the wrong size, negative or not summing to 1 (within 1e-9). DataError: a U_i outside [0, 1]
// (the systems must be indices already scaled to [0, 1]).
Degree coupling_degree(const std::vector<double>& u, const std::vector<double>& a = {},
                       Variant variant = Variant::Standard);

// Which side of a class interval a boundary value such as D = 0.3 belongs to.
//   LeftClosed  - [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0]  (Jiang Cheng et al. 2025: 0.70 is class 8)
//   RightClosed - [0, 0.1], (0.1, 0.2], ..., (0.9, 1.0]  (Sun Hui et al. 2020, after Liu 2005)
enum class Closure { LeftClosed, RightClosed };
Closure parse_closure(const std::string& text);  // left|right (UsageError)
const char* closure_name(Closure c);

// Class 1 (extreme imbalance) ... 10 (high-quality coordination) of D in [0, 1]; 0 for NaN.
// DataError for D outside [0, 1].
int coordination_class(double d, Closure closure);

// Class 5 is called 濒临失调 ("on the verge of imbalance", Liao 1999) or 临界协调 ("borderline
// coordination", Liu 2005): the same interval under two names.
enum class Class5Name { VergeOfImbalance, Borderline };
Class5Name parse_class5_name(const std::string& text);  // verge|borderline (UsageError)
const char* class_zh(int cls, Class5Name name = Class5Name::VergeOfImbalance);
const char* class_en(int cls, Class5Name name = Class5Name::VergeOfImbalance);

// The three groups: classes 1-4 失调衰退 (imbalanced decline, D <= 0.4), 5-6 过渡协调
// (transitional, 0.4 < D <= 0.6), 7-10 协调发展 (coordinated development). Group 1, 2, 3.
int coordination_group(int cls);
const char* group_zh(int group);
const char* group_en(int group);

}  // namespace rs::coupling
