#include "algorithms/centrography.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rs::centrography {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Checks sizes and weights; returns the weights (ones when `w` is empty) and their total.
std::vector<double> checked_weights(const std::vector<double>& x, const std::vector<double>& y,
                                    const std::vector<double>& w, double& total) {
  if (x.size() != y.size()) throw std::invalid_argument("x and y differ in length");
  if (x.empty()) throw std::invalid_argument("no points");
  if (!w.empty() && w.size() != x.size()) throw std::invalid_argument("weights differ in length from the points");
  std::vector<double> out = w.empty() ? std::vector<double>(x.size(), 1.0) : w;
  total = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) throw std::invalid_argument("a coordinate is not finite");
    if (!std::isfinite(out[i]) || out[i] < 0) throw std::invalid_argument("weights must be finite and non-negative");
    total += out[i];
  }
  if (!(total > 0)) throw std::invalid_argument("the weights sum to zero");
  return out;
}

}  // namespace

MeanCentre mean_centre(const std::vector<double>& x, const std::vector<double>& y,
                       const std::vector<double>& w) {
  double total = 0;
  std::vector<double> ww = checked_weights(x, y, w, total);
  MeanCentre c;
  for (std::size_t i = 0; i < x.size(); ++i) {
    c.x += ww[i] * x[i];
    c.y += ww[i] * y[i];
  }
  c.x /= total;
  c.y /= total;
  c.n = x.size();
  c.total_weight = total;
  return c;
}

double standard_distance(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<double>& w) {
  double total = 0;
  const std::vector<double> ww = checked_weights(x, y, w, total);
  const MeanCentre c = mean_centre(x, y, ww);
  double sum = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - c.x, dy = y[i] - c.y;
    sum += ww[i] * (dx * dx + dy * dy);
  }
  return std::sqrt(sum / total);
}

MedianCentre median_centre(const std::vector<double>& x, const std::vector<double>& y,
                           const std::vector<double>& w, const MedianOptions& options) {
  double total = 0;
  std::vector<double> ww = checked_weights(x, y, w, total);
  const std::size_t n = x.size();
  auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
  auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
  const double spread = std::max({*xmax - *xmin, *ymax - *ymin, std::numeric_limits<double>::min()});
  const double coincide = spread * 1e-14;  // closer than this, the iterate sits on the point
  auto objective = [&](double cx, double cy) {
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += ww[i] * std::hypot(x[i] - cx, y[i] - cy);
    return s;
  };

  MeanCentre start = mean_centre(x, y, ww);
  MedianCentre m;
  double cx = start.x, cy = start.y;
  for (int it = 1; it <= options.max_iterations; ++it) {
    double sw = 0, sx = 0, sy = 0;  // sums over points not at the iterate
    double rx = 0, ry = 0;          // resultant of unit vectors towards those points
    double eta = 0;                 // weight of the data point(s) at the iterate
    for (std::size_t i = 0; i < n; ++i) {
      const double dx = x[i] - cx, dy = y[i] - cy;
      const double d = std::hypot(dx, dy);
      if (d <= coincide) {
        eta += ww[i];
        continue;
      }
      const double k = ww[i] / d;
      sw += k;
      sx += k * x[i];
      sy += k * y[i];
      rx += k * dx;
      ry += k * dy;
    }
    double nx = cx, ny = cy;
    if (sw > 0) {
      const double tx = sx / sw, ty = sy / sw;
      if (eta > 0) {
        // Vardi-Zhang: move towards the Weiszfeld point only as far as the pull of the other
        // points exceeds the weight sitting at the iterate; if it does not, the iterate is optimal.
        const double r = std::hypot(rx, ry);
        const double gamma = r > 0 ? std::min(1.0, eta / r) : 1.0;
        nx = (1 - gamma) * tx + gamma * cx;
        ny = (1 - gamma) * ty + gamma * cy;
      } else {
        nx = tx;
        ny = ty;
      }
    }
    const double move = std::hypot(nx - cx, ny - cy);
    cx = nx;
    cy = ny;
    m.iterations = it;
    if (move <= options.tolerance * spread) {
      m.converged = true;
      break;
    }
  }
  m.x = cx;
  m.y = cy;
  m.objective = objective(cx, cy);
  return m;
}

std::size_t central_feature(const std::vector<double>& x, const std::vector<double>& y,
                            const std::vector<double>& w) {
  double total = 0;
  std::vector<double> ww = checked_weights(x, y, w, total);
  std::size_t best = 0;
  double best_sum = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < x.size(); ++i) {
    double s = 0;
    for (std::size_t j = 0; j < x.size(); ++j) s += ww[j] * std::hypot(x[i] - x[j], y[i] - y[j]);
    if (s < best_sum) {
      best_sum = s;
      best = i;
    }
  }
  return best;
}

EllipseConvention parse_ellipse_convention(const std::string& text) {
  if (text == "arcgis") return EllipseConvention::ArcGIS;
  if (text == "crimestat") return EllipseConvention::CrimeStat;
  if (text == "unscaled") return EllipseConvention::Unscaled;
  throw std::invalid_argument("unknown ellipse convention '" + text + "' (arcgis, crimestat, unscaled)");
}

const char* ellipse_convention_name(EllipseConvention c) {
  switch (c) {
    case EllipseConvention::ArcGIS: return "arcgis";
    case EllipseConvention::CrimeStat: return "crimestat";
    case EllipseConvention::Unscaled: return "unscaled";
  }
  return "arcgis";
}

double ramanujan_perimeter(double a, double b) {
  if (a + b <= 0) return 0;
  const double h = std::pow((a - b) / (a + b), 2);
  return kPi * (a + b) * (1 + 3 * h / (10 + std::sqrt(4 - 3 * h)));
}

Ellipse standard_deviational_ellipse(const std::vector<double>& x, const std::vector<double>& y,
                                     const std::vector<double>& w, double std_devs,
                                     EllipseConvention convention) {
  if (!(std_devs > 0)) throw std::invalid_argument("the number of standard deviations must be positive");
  MeanCentre c = mean_centre(x, y, w);
  const std::size_t n = x.size();
  if (convention == EllipseConvention::CrimeStat && n <= 2)
    throw std::invalid_argument("the CrimeStat ellipse needs more than 2 points (n - 2 degrees of freedom)");
  // Weighted second moments about the mean centre.
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double wi = w.empty() ? 1.0 : w[i];
    const double dx = x[i] - c.x, dy = y[i] - c.y;
    sxx += wi * dx * dx;
    syy += wi * dy * dy;
    sxy += wi * dx * dy;
  }
  sxx /= c.total_weight;
  syy /= c.total_weight;
  sxy /= c.total_weight;
  // Eigenvalues of [[sxx, sxy], [sxy, syy]]: the variances along the major and minor axes. The
  // ArcGIS formula tan(theta) = (A + B) / C gives the same axis as the major eigenvector.
  const double mean = 0.5 * (sxx + syy);
  const double radius = std::hypot(0.5 * (sxx - syy), sxy);
  const double var_major = mean + radius;
  const double var_minor = std::max(0.0, mean - radius);
  double factor = 1.0;
  if (convention == EllipseConvention::ArcGIS) factor = 2.0;
  if (convention == EllipseConvention::CrimeStat)
    factor = 2.0 * static_cast<double>(n) / static_cast<double>(n - 2);

  Ellipse e;
  e.center_x = c.x;
  e.center_y = c.y;
  e.n = n;
  e.total_weight = c.total_weight;
  e.sigma_y = std::sqrt(factor * var_major);
  e.sigma_x = std::sqrt(factor * var_minor);
  e.semi_major = std_devs * e.sigma_y;
  e.semi_minor = std_devs * e.sigma_x;
  // Direction of the major axis: angle phi from +x counter-clockwise; azimuth = 90 - phi.
  const double phi = radius > 0 ? 0.5 * std::atan2(2 * sxy, sxx - syy) : kPi / 2;
  double azimuth = 90.0 - phi * 180.0 / kPi;
  azimuth = std::fmod(azimuth, 180.0);
  if (azimuth < 0) azimuth += 180.0;
  if (azimuth >= 180.0) azimuth -= 180.0;
  e.rotation_deg = azimuth;
  e.flattening = e.semi_major > 0 ? (e.semi_major - e.semi_minor) / e.semi_major : 0.0;
  e.area = kPi * e.semi_major * e.semi_minor;
  e.perimeter = ramanujan_perimeter(e.semi_major, e.semi_minor);
  return e;
}

void ellipse_outline(const Ellipse& e, int segments, std::vector<double>& x, std::vector<double>& y) {
  x.clear();
  y.clear();
  const double az = e.rotation_deg * kPi / 180.0;
  // Unit vectors of the major axis (azimuth az) and the minor axis (az + 90 degrees).
  const double ux = std::sin(az), uy = std::cos(az);
  const double vx = std::cos(az), vy = -std::sin(az);
  for (int k = 0; k < segments; ++k) {
    const double t = 2 * kPi * k / segments;
    const double p = e.semi_major * std::cos(t), q = -e.semi_minor * std::sin(t);
    x.push_back(e.center_x + p * ux + q * vx);
    y.push_back(e.center_y + p * uy + q * vy);
  }
}

}  // namespace rs::centrography
