#include "algorithms/local_autocorrelation.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "algorithms/conditional_permutation.hpp"
#include "algorithms/errors.hpp"
#include "algorithms/tile.hpp"

namespace rs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Two-sided p of a standard normal z.
double normal_two_sided(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

LocalResult empty_result(std::size_t n, int permutations) {
  LocalResult r;
  r.statistic.assign(n, kNaN);
  r.expected.assign(n, kNaN);
  r.variance.assign(n, kNaN);
  r.z.assign(n, kNaN);
  r.p_analytical.assign(n, kNaN);
  r.p_permutation.assign(n, kNaN);
  r.z_permutation.assign(n, kNaN);
  r.mean_permutation.assign(n, kNaN);
  r.variance_permutation.assign(n, kNaN);
  r.standardised.assign(n, kNaN);
  r.lag.assign(n, kNaN);
  r.g_value.assign(n, kNaN);
  r.neighbours.assign(n, 0);
  r.permutations = std::max(permutations, 0);
  return r;
}

void check_input(const std::vector<double>& x, const SpatialWeights& w, const char* what) {
  if (x.size() != w.size())
    throw std::invalid_argument(std::string(what) + ": " + std::to_string(x.size()) +
                                " values for " + std::to_string(w.size()) + " units");
  if (w.size() < 3)
    throw DataError(std::string(what) + " needs at least 3 units, got " + std::to_string(w.size()));
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]))
      throw DataError(std::string(what) + ": value of unit " + w.ids()[i] + " is not finite");
}

void refuse_self_links(const SpatialWeights& w, const char* what) {
  if (w.has_self_links())
    throw UsageError(std::string(what) + " needs weights without self-links (a unit is not its "
                     "own neighbour)");
}

// x - mean, its sum of squares, and x standardised by the sd with divisor `divisor`.
struct Centred {
  std::vector<double> centred;
  std::vector<double> standardised;
  double sum_squares = 0;
};

Centred centre(const std::vector<double>& x, double divisor, const char* what) {
  const std::size_t n = x.size();
  double mean = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(n);
  Centred c;
  c.centred.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    c.centred[i] = x[i] - mean;
    c.sum_squares += c.centred[i] * c.centred[i];
  }
  // Zero variance, allowing for the rounding of a constant column's mean.
  if (!(c.sum_squares > 1e-24 * static_cast<double>(n) * (mean * mean)) || !(c.sum_squares > 0))
    throw DataError(std::string(what) + ": the variable has zero variance (all values equal)");
  const double sd = std::sqrt(c.sum_squares / divisor);
  c.standardised.resize(n);
  for (std::size_t i = 0; i < n; ++i) c.standardised[i] = c.centred[i] / sd;
  return c;
}

// Weighted sums over the neighbours of local unit l (unit i of a whole layer), self-links apart;
// v covers the layer (tile.hpp).
struct RowSums {
  std::size_t k = 0;       // neighbours, self excluded
  double w_sum = 0;        // W_i (self included if present)
  double w_sq_sum = 0;     // S1_i = sum w^2 (self included if present)
  double self = 0;         // w_ii
  double lag = 0;          // sum_j w_ij v_j (self included if present)
};

RowSums row_sums(const SpatialWeights& w, std::size_t l, const std::vector<double>& v,
                 const Tile& tile = Tile{}) {
  RowSums s;
  const auto& idx = w.indices();
  const auto& wt = w.weights();
  for (std::size_t e = w.offsets()[l]; e < w.offsets()[l + 1]; ++e) {
    const double we = wt[e];
    if (idx[e] == l) {
      s.self = we;
    } else {
      ++s.k;
    }
    s.w_sum += we;
    s.w_sq_sum += we * we;
    s.lag += we * v[tile.unit(idx[e])];
  }
  return s;
}

void store_permutations(LocalResult& r, const PermutationSummary& s) {
  r.p_permutation = s.p;
  r.z_permutation = s.z;
  r.mean_permutation = s.mean;
  r.variance_permutation = s.variance;
}

// Local Moran and its bivariate form share the moments: I_i = a_i * lag_i(b) with b permuted
// over the other n-1 units. With b centred (sum b = 0) and B = sum b^2, the others' b have mean
// -b_i/(n-1), so E[lag_i] = -W_i b_i/(n-1) and, drawing without replacement,
// Var[lag_i] = (S1_i - W_i^2/(n-1)) (B - n b_i^2/(n-1)) / (n-2)  (spdep localmoran).
// a and b cover the layer; the result has one entry per row of the tile (tile.hpp).
LocalResult moran_like(const std::vector<double>& a, const std::vector<double>& b,
                       double b_sum_squares, const SpatialWeights& w,
                       const PermutationOptions& options, Feedback& feedback, const Tile& tile = Tile{}) {
  const std::size_t rows = tile.row_count(w);
  const double nd = static_cast<double>(tile.layer_size(w));
  LocalResult r = empty_result(rows, options.permutations);
  for (std::size_t row = 0; row < rows; ++row) {
    const std::size_t l = tile.row(row);
    const std::size_t i = tile.unit(l);
    r.standardised[row] = a[i];
    const RowSums s = row_sums(w, l, b, tile);
    r.neighbours[row] = static_cast<int>(s.k);
    if (s.k == 0) continue;
    r.lag[row] = s.lag;
    r.statistic[row] = a[i] * s.lag;
    r.expected[row] = -a[i] * b[i] * s.w_sum / (nd - 1.0);
    const double lag_variance = (s.w_sq_sum - s.w_sum * s.w_sum / (nd - 1.0)) *
                                (b_sum_squares - nd * b[i] * b[i] / (nd - 1.0)) / (nd - 2.0);
    r.variance[row] = a[i] * a[i] * lag_variance;
    r.z[row] = (r.statistic[row] - r.expected[row]) / std::sqrt(r.variance[row]);
    r.p_analytical[row] = normal_two_sided(r.z[row]);
  }
  if (options.permutations > 0) {
    const double* ap = r.standardised.data();  // a of each row
    auto statistic = [ap](std::size_t row, const double* sums) { return ap[row] * sums[0]; };
    store_permutations(r, conditional_permutations<1>(w, b, statistic, options, feedback, tile));
  }
  return r;
}

// Gi* (star) or Gi on the layer's x and its standardised zs (divisor n-1), for the rows of a
// tile (tile.hpp).
LocalResult local_g_rows(const std::vector<double>& x, const std::vector<double>& v, const SpatialWeights& w,
                         bool star, const PermutationOptions& options, Feedback& feedback,
                         const Tile& tile = Tile{}) {
  const std::size_t rows = tile.row_count(w);
  const double nd = static_cast<double>(tile.layer_size(w));
  const double total_sq = nd - 1.0;
  LocalResult r = empty_result(rows, options.permutations);
  double x_total = 0;
  for (double value : x) x_total += value;
  // z_i = (lag_i - W_i mean_i) / sd_i = (sum over drawn neighbours + offset_i) * scale_i.
  std::vector<double> offset(rows, kNaN), scale(rows, kNaN);
  for (std::size_t row = 0; row < rows; ++row) {
    const std::size_t l = tile.row(row);
    const std::size_t i = tile.unit(l);
    r.standardised[row] = v[i];
    const RowSums s = row_sums(w, l, v, tile);
    r.neighbours[row] = static_cast<int>(s.k);
    if (s.k == 0) continue;
    double mean_i, variance_i, lag_variance;
    if (star) {  // all n values: mean 0, population variance (n-1)/n
      mean_i = 0.0;
      variance_i = total_sq / nd;
      lag_variance = variance_i * (nd * s.w_sq_sum - s.w_sum * s.w_sum) / (nd - 1.0);
    } else {  // the other n-1 values
      mean_i = -v[i] / (nd - 1.0);
      variance_i = (total_sq - v[i] * v[i]) / (nd - 1.0) - mean_i * mean_i;
      lag_variance = variance_i * ((nd - 1.0) * s.w_sq_sum - s.w_sum * s.w_sum) / (nd - 2.0);
    }
    scale[row] = 1.0 / std::sqrt(lag_variance);
    offset[row] = s.self * v[i] - s.w_sum * mean_i;
    r.lag[row] = s.lag;
    r.g_value[row] = row_sums(w, l, x, tile).lag / (star ? x_total : x_total - x[i]);
    r.statistic[row] = (s.lag - s.w_sum * mean_i) * scale[row];
    r.expected[row] = 0.0;
    r.variance[row] = 1.0;
    r.z[row] = r.statistic[row];
    r.p_analytical[row] = normal_two_sided(r.z[row]);
  }
  if (options.permutations > 0) {
    const double* o = offset.data();
    const double* sc = scale.data();
    auto statistic = [o, sc](std::size_t row, const double* sums) { return (sums[0] + o[row]) * sc[row]; };
    store_permutations(r, conditional_permutations<1>(w, v, statistic, options, feedback, tile));
  }
  return r;
}

void check_tile(const std::vector<double>& v, const SpatialWeights& w, const Tile& tile, const char* what) {
  if (tile.units.size() != w.size())
    throw std::invalid_argument(std::string(what) + " (tile): " + std::to_string(tile.units.size()) +
                                " layer indices for weights of " + std::to_string(w.size()) + " units");
  if (v.size() != tile.layer_units)
    throw std::invalid_argument(std::string(what) + " (tile): " + std::to_string(v.size()) +
                                " values for a layer of " + std::to_string(tile.layer_units) + " units");
  if (tile.layer_units < 3)
    throw DataError(std::string(what) + " needs at least 3 units, got " + std::to_string(tile.layer_units));
  for (std::size_t l = 0; l < tile.units.size(); ++l) {
    if (tile.units[l] >= tile.layer_units || (l > 0 && tile.units[l] <= tile.units[l - 1]))
      throw std::invalid_argument(std::string(what) + " (tile): the layer indices of the tile's units must "
                                  "increase and stay below the layer's " + std::to_string(tile.layer_units) + " units");
  }
  for (std::size_t r = 0; r < tile.rows.size(); ++r)
    if (tile.rows[r] >= w.size())
      throw std::invalid_argument(std::string(what) + " (tile): row " + std::to_string(tile.rows[r]) +
                                  " is not a unit of the tile");
}

}  // namespace

LocalResult local_moran(const std::vector<double>& x, const SpatialWeights& w,
                        const PermutationOptions& options, Feedback& feedback, bool n_minus_one) {
  check_input(x, w, "local Moran's I");
  refuse_self_links(w, "local Moran's I");
  const double nd = static_cast<double>(x.size());
  // z / sqrt(m2): then I_i = zs_i * lag_i(zs) and sum zs^2 = n-1 (or n).
  const double divisor = n_minus_one ? nd - 1.0 : nd;
  const Centred c = centre(x, divisor, "local Moran's I");
  return moran_like(c.standardised, c.standardised, divisor, w, options, feedback);
}

std::vector<double> local_standardised(const std::vector<double>& x, bool n_minus_one, const char* what) {
  if (x.size() < 3) throw DataError(std::string(what) + " needs at least 3 units, got " + std::to_string(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]))
      throw DataError(std::string(what) + ": value of unit " + std::to_string(i) + " is not finite");
  const double nd = static_cast<double>(x.size());
  return centre(x, n_minus_one ? nd - 1.0 : nd, what).standardised;
}

LocalResult local_moran_tile(const std::vector<double>& z, const SpatialWeights& w, const Tile& tile,
                             const PermutationOptions& options, Feedback& feedback, bool n_minus_one) {
  check_tile(z, w, tile, "local Moran's I");
  refuse_self_links(w, "local Moran's I");
  const double nd = static_cast<double>(tile.layer_units);
  return moran_like(z, z, n_minus_one ? nd - 1.0 : nd, w, options, feedback, tile);
}

LocalResult local_g_tile(const std::vector<double>& x, const std::vector<double>& z, const SpatialWeights& w,
                         bool star, const Tile& tile, const PermutationOptions& options, Feedback& feedback) {
  const char* what = star ? "Getis-Ord Gi*" : "Getis-Ord Gi";
  check_tile(z, w, tile, what);
  if (x.size() != z.size()) throw std::invalid_argument(std::string(what) + " (tile): x and z differ in size");
  if (star && !w.has_self_links())
    throw UsageError("Getis-Ord Gi* needs weights that include each unit itself (self-links)");
  if (!star) refuse_self_links(w, what);
  return local_g_rows(x, z, w, star, options, feedback, tile);
}

LocalResult local_moran_bivariate(const std::vector<double>& x, const std::vector<double>& y,
                                  const SpatialWeights& w, const PermutationOptions& options,
                                  Feedback& feedback) {
  check_input(x, w, "bivariate local Moran's I (x)");
  check_input(y, w, "bivariate local Moran's I (y)");
  refuse_self_links(w, "bivariate local Moran's I");
  const double nd = static_cast<double>(x.size());
  const Centred cx = centre(x, nd - 1.0, "bivariate local Moran's I (x)");
  const Centred cy = centre(y, nd - 1.0, "bivariate local Moran's I (y)");
  return moran_like(cx.standardised, cy.standardised, nd - 1.0, w, options, feedback);
}

LocalResult local_g(const std::vector<double>& x, const SpatialWeights& w, bool star,
                    const PermutationOptions& options, Feedback& feedback) {
  const char* what = star ? "Getis-Ord Gi*" : "Getis-Ord Gi";
  check_input(x, w, what);
  if (star && !w.has_self_links())
    throw UsageError("Getis-Ord Gi* needs weights that include each unit itself (self-links)");
  if (!star) refuse_self_links(w, what);
  // Gi is invariant to shifting and scaling x, so work with zs = (x - mean) / sd: sum zs = 0,
  // sum zs^2 = n-1, which keeps the moments free of cancellation.
  const Centred c = centre(x, static_cast<double>(x.size()) - 1.0, what);
  return local_g_rows(x, c.standardised, w, star, options, feedback);
}

LocalResult local_geary(const std::vector<double>& x, const SpatialWeights& w,
                        const PermutationOptions& options, Feedback& feedback) {
  check_input(x, w, "local Geary's C");
  refuse_self_links(w, "local Geary's C");
  const std::size_t n = x.size();
  const Centred c = centre(x, static_cast<double>(n) - 1.0, "local Geary's C");
  const std::vector<double>& v = c.standardised;
  LocalResult r = empty_result(n, options.permutations);
  r.standardised = v;
  std::vector<double> w_sum(n, 0.0);
  const auto& idx = w.indices();
  const auto& wt = w.weights();
  for (std::size_t i = 0; i < n; ++i) {
    const RowSums s = row_sums(w, i, v);
    r.neighbours[i] = static_cast<int>(s.k);
    if (s.k == 0) continue;
    w_sum[i] = s.w_sum;
    r.lag[i] = s.lag;
    double ci = 0;
    for (std::size_t e = w.offsets()[i]; e < w.offsets()[i + 1]; ++e) {
      const double d = v[i] - v[idx[e]];
      ci += wt[e] * d * d;
    }
    r.statistic[i] = ci;
  }
  if (options.permutations > 0) {
    // C_i = z_i^2 W_i - 2 z_i sum w z_d + sum w z_d^2: draws carry z and z^2 side by side.
    std::vector<double> pairs(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
      pairs[2 * i] = v[i];
      pairs[2 * i + 1] = v[i] * v[i];
    }
    const double* z = v.data();
    const double* ws = w_sum.data();
    auto statistic = [z, ws](std::size_t i, const double* sums) {
      return z[i] * z[i] * ws[i] - 2.0 * z[i] * sums[0] + sums[1];
    };
    store_permutations(r, conditional_permutations<2>(w, pairs, statistic, options, feedback));
  }
  return r;
}

}  // namespace rs
