// Tapio (2005) decoupling elasticity and states (METHODS.md, "Tapio decoupling"):
//   e = (dC / C0) / (dA / A0),  dC = C1 - C0 (pressure, e.g. CO2 per capita),
//                               dA = A1 - A0 (driver, e.g. GDP or a development index)
// The eight states follow from the signs of dC and dA and the thresholds 0, 0.8, 1.2, exactly
// as the truth table data/seed/tapio_decoupling_states.csv prints them:
//   dC < 0, dA > 0: e < 0          strong decoupling            强脱钩       (脱钩)
//   dC > 0, dA > 0: 0 <= e < 0.8   weak decoupling              弱脱钩       (脱钩)
//                   0.8 <= e <= 1.2 expansive coupling          增长连结     (连结)
//                   e > 1.2        expansive negative decoupling 扩张负脱钩  (负脱钩)
//   dC < 0, dA < 0: e > 1.2        recessive decoupling         衰退脱钩     (脱钩)
//                   0.8 <= e <= 1.2 recessive coupling          衰退连结     (连结)
//                   0 <= e < 0.8   weak negative decoupling     弱负脱钩     (负脱钩)
//   dC > 0, dA < 0: e < 0          strong negative decoupling   强负脱钩     (负脱钩)
//
// Degenerate cases (never a division by zero):
//   dC = 0, dA != 0: e = 0 exactly, which the truth table's intervals [0, 0.8) place in weak
//     decoupling (dA > 0) or weak negative decoupling (dA < 0).
//   dA = 0: e is undefined (NaN) and the state is the named DriverUnchanged (no group):
//     "driver unchanged" / 驱动无变化, whatever dC.
//   C0 <= 0 or A0 <= 0: relative changes are undefined; e NaN, state Undefined (no group).
//   a NaN input: e NaN, state Missing.
#pragma once

#include <string>

namespace rs::decoupling {

enum class State {
  StrongDecoupling = 1,
  WeakDecoupling,
  RecessiveDecoupling,
  ExpansiveCoupling,
  RecessiveCoupling,
  ExpansiveNegativeDecoupling,
  WeakNegativeDecoupling,
  StrongNegativeDecoupling,
  DriverUnchanged,   // dA = 0
  Undefined,         // a base value <= 0
  Missing            // a NaN input
};

enum class Group { None, Decoupling, Coupling, NegativeDecoupling };  // -, 脱钩, 连结, 负脱钩

struct Elasticity {
  double e = 0;      // NaN when undefined
  State state = State::Missing;
};

Elasticity tapio(double pressure_base, double pressure_end, double driver_base, double driver_end);

// State from the signs of the changes and the elasticity (the truth table itself). `e` is only
// read when both changes are non-zero or dC = 0.
State classify(double d_pressure, double d_driver, double e);

Group group_of(State s);
const char* state_en(State s);   // "strong decoupling", ...; "" for Missing
const char* state_zh(State s);   // 强脱钩, ...; "" for Missing
const char* group_en(Group g);   // decoupling / coupling / negative decoupling; "" for None
const char* group_zh(Group g);   // 脱钩 / 连结 / 负脱钩; "" for None

}  // namespace rs::decoupling
