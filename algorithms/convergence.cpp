#include "algorithms/convergence.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <boost/math/distributions/students_t.hpp>

#include "algorithms/errors.hpp"

namespace rs::convergence {

BetaConvergence absolute_beta(const std::vector<double>& initial, const std::vector<double>& final_level,
                              double years) {
  if (initial.size() != final_level.size())
    throw DataError("the initial and final levels differ in number of units");
  if (!(years > 0) || !std::isfinite(years))
    throw UsageError("the number of years between the first and last level must be > 0 (got " +
                     std::to_string(years) + ")");
  const std::size_t n = initial.size();
  if (n < 3) throw DataError("beta convergence needs at least 3 units (got " + std::to_string(n) + ")");
  std::vector<double> x(n), g(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!(initial[i] > 0) || !(final_level[i] > 0) || !std::isfinite(initial[i]) || !std::isfinite(final_level[i]))
      throw DataError("unit " + std::to_string(i + 1) + " has a level that is not a positive number (" +
                      std::to_string(initial[i]) + ", " + std::to_string(final_level[i]) +
                      "): growth rates need logs");
    x[i] = std::log(initial[i]);
    g[i] = std::log(final_level[i] / initial[i]) / years;
  }
  const double nn = static_cast<double>(n);
  double mx = 0, mg = 0;
  for (std::size_t i = 0; i < n; ++i) mx += x[i], mg += g[i];
  mx /= nn;
  mg /= nn;
  double sxx = 0, sxg = 0, sgg = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxg += (x[i] - mx) * (g[i] - mg);
    sgg += (g[i] - mg) * (g[i] - mg);
  }
  if (!(sxx > 0)) throw DataError("all initial levels are equal: beta is undefined");

  BetaConvergence b;
  b.growth = g;
  b.n = n;
  b.years = years;
  b.beta = sxg / sxx;
  b.alpha = mg - b.beta * mx;
  double rss = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double e = g[i] - b.alpha - b.beta * x[i];
    rss += e * e;
  }
  const double sigma2 = rss / (nn - 2);
  b.se_beta = std::sqrt(sigma2 / sxx);
  b.se_alpha = std::sqrt(sigma2 * (1 / nn + mx * mx / sxx));
  b.r_squared = sgg > 0 ? 1 - rss / sgg : std::numeric_limits<double>::quiet_NaN();
  if (b.se_beta > 0) {
    b.t = b.beta / b.se_beta;
    boost::math::students_t dist(nn - 2);
    b.p = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(b.t)));
  } else {  // a perfect fit
    b.t = b.beta == 0 ? 0 : std::copysign(std::numeric_limits<double>::infinity(), b.beta);
    b.p = b.beta == 0 ? 1 : 0;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  b.speed = 1 + b.beta * years > 0 ? -std::log(1 + b.beta * years) / years : nan;
  b.half_life = b.speed > 0 ? std::log(2.0) / b.speed : nan;
  return b;
}

}  // namespace rs::convergence
