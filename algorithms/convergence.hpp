// Absolute beta convergence (Barro and Sala-i-Martin 1992): the OLS regression, over units i,
//   g_i = alpha + beta ln(x_i0) + e_i,   g_i = ln(x_iT / x_i0) / T,
// of the average annual log growth rate between the first and the last year on the log of the
// initial level (the common form in regional papers; T = number of years between them).
// beta < 0 (and significant) means poorer units grow faster: absolute convergence. Implied
//   speed      theta = -ln(1 + beta T) / T        (from beta = -(1 - e^{-theta T}) / T)
//   half-life  ln(2) / theta                      (years to close half the gap)
// Standard errors are the classical OLS ones (residual variance over n - 2 degrees of freedom);
// p is two-sided from Student's t with n - 2 degrees of freedom.
#pragma once

#include <cstddef>
#include <vector>

namespace rs::convergence {

struct BetaConvergence {
  std::size_t n = 0;
  double years = 0;  // T
  double alpha = 0, se_alpha = 0;
  double beta = 0, se_beta = 0;
  double t = 0, p = 0;  // of beta
  double r_squared = 0;
  // NaN when undefined: speed when 1 + beta T <= 0, half-life when the speed is not > 0
  // (no convergence).
  double speed = 0;
  double half_life = 0;
  std::vector<double> growth;  // the dependent variable per unit: ln(x_iT / x_i0) / T
};

// `initial` and `final` hold the levels x_i0 and x_iT (> 0) of the same units; `years` = T > 0.
// Needs at least 3 units and initial levels that are not all equal.
BetaConvergence absolute_beta(const std::vector<double>& initial, const std::vector<double>& final_level,
                              double years);

}  // namespace rs::convergence
