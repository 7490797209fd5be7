// Gaussian kernel density estimates evaluated exactly: at each grid point the sum of the
// kernels, f(x) = 1/(n h) sum_i phi((x - x_i) / h), with no binning and no FFT (R's density()
// bins and interpolates, so it is only close to this). Bandwidths as R's stats package:
//   Silverman (bw.nrd0): 0.9 min(sd, IQR / 1.34) n^(-1/5), falling back to sd, then |x_1|,
//                        then 1 when that minimum is 0;
//   Scott (bw.nrd):      1.06 min(sd, IQR / 1.34) n^(-1/5);
// sd is the sample (n - 1) standard deviation, the IQR from R's default (type 7) quantiles.
// The grid is as density()'s default cut = 3: N equally spaced points from min - 3h to max + 3h.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs::kde {

enum class BandwidthRule { Silverman, Scott };

// R's bw.nrd0 and bw.nrd; need at least 2 finite values.
double silverman_bandwidth(const std::vector<double>& data);
double scott_bandwidth(const std::vector<double>& data);
double bandwidth(const std::vector<double>& data, BandwidthRule rule);

// The p-quantile of `sorted` (ascending) by linear interpolation (R type 7, numpy "linear").
double quantile(const std::vector<double>& sorted, double p);

struct Curve {
  double bandwidth = 0;
  std::vector<double> x;
  std::vector<double> density;
};

// The density at `points` >= 2 grid points from min - cut h to max + cut h.
Curve gaussian_density(const std::vector<double>& data, double bandwidth, std::size_t points, double cut = 3.0);

// Indices of the local maxima of a curve (the peaks papers read off a density: a higher
// neighbour on neither side; a flat top counts once, at its first point). An end point is a
// peak when it is above its one neighbour.
std::vector<std::size_t> local_maxima(const std::vector<double>& density);

// The exact density at one point.
double density_at(const std::vector<double>& data, double bandwidth, double x);

}  // namespace rs::kde
