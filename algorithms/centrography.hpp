// Centrography on planar coordinates: weighted mean centre, median centre (Weiszfeld), central
// feature and the standard deviational ellipse. Coordinates are planar (a projected CRS, or a
// projection chosen by geo/projection for geographic layers); lengths come out in their unit.
//
// Weights: an empty vector means every point weighs 1. Weights must be finite and >= 0 with a
// positive total; the caller removes missing values first (and counts them).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rs::centrography {

struct MeanCentre {
  double x = 0, y = 0;
  std::size_t n = 0;
  double total_weight = 0;
};

// x_bar = sum w_i x_i / sum w_i (and y). Throws std::invalid_argument on bad input.
MeanCentre mean_centre(const std::vector<double>& x, const std::vector<double>& y,
                       const std::vector<double>& w = {});

// ArcGIS Standard Distance at one standard deviation: sqrt(sum w_i ((x_i - x_bar)^2 +
// (y_i - y_bar)^2) / sum w_i) around the weighted mean centre (divisor sum w, not n - 1, as
// ArcGIS's "How Standard Distance works"). Throws std::invalid_argument on bad input.
double standard_distance(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<double>& w = {});

struct MedianOptions {
  double tolerance = 1e-10;   // stop when the move is below tolerance * (spread of the points)
  int max_iterations = 10000;
};

struct MedianCentre {
  double x = 0, y = 0;
  double objective = 0;   // sum w_i * ||p_i - centre||
  int iterations = 0;
  bool converged = false;
};

// The point minimising sum w_i ||p_i - c|| (the spatial median, "centre of minimum distance";
// ArcGIS Median Center), by Weiszfeld's iteration from the weighted mean centre. When the iterate
// lands on a data point, Vardi and Zhang's (2000) modification is used, so the iteration neither
// divides by zero nor sticks at a point that is not optimal.
MedianCentre median_centre(const std::vector<double>& x, const std::vector<double>& y,
                           const std::vector<double>& w = {}, const MedianOptions& options = {});

// Index of the point with the smallest sum_j w_j ||p_i - p_j|| (ArcGIS Central Feature: the
// weights weigh the distances from each other feature). Ties: the first.
std::size_t central_feature(const std::vector<double>& x, const std::vector<double>& y,
                            const std::vector<double>& w = {});

// How the standard distances along the ellipse axes are scaled.
//   ArcGIS   - sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i)  ("How Directional Distribution
//              works", ArcGIS Pro); default, and what regional papers print.
//   CrimeStat- sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i * n / (n - 2)): the same sqrt(2)
//              with the n-2 degrees-of-freedom correction of Levine's CrimeStat manual (ch. 4).
//   Unscaled - sigma = sqrt(sum w_i d_i^2 / sum w_i): the plain weighted standard deviation along
//              each axis (Lefever 1926, Yuill 1971), i.e. the square roots of the eigenvalues of
//              the weighted covariance matrix.
// d_i is the coordinate of point i along the axis, relative to the weighted mean centre.
enum class EllipseConvention { ArcGIS, CrimeStat, Unscaled };
EllipseConvention parse_ellipse_convention(const std::string& text);  // arcgis|crimestat|unscaled
const char* ellipse_convention_name(EllipseConvention c);

struct Ellipse {
  double center_x = 0, center_y = 0;
  double semi_major = 0, semi_minor = 0;  // a >= b, already multiplied by the number of SD
  double rotation_deg = 0;  // azimuth of the major axis, degrees clockwise from north (+y), [0, 180)
  double flattening = 0;    // (a - b) / a
  double area = 0;          // pi a b
  double perimeter = 0;     // Ramanujan's second approximation
  double sigma_x = 0, sigma_y = 0;  // ArcGIS's XStdDist / YStdDist (axis at rotation+90 / rotation)
  std::size_t n = 0;
  double total_weight = 0;
};

// Standard deviational ellipse at `std_devs` (1, 2, 3) standard deviations.
Ellipse standard_deviational_ellipse(const std::vector<double>& x, const std::vector<double>& y,
                                     const std::vector<double>& w = {}, double std_devs = 1.0,
                                     EllipseConvention convention = EllipseConvention::ArcGIS);

// Ramanujan's second approximation: pi (a + b) (1 + 3h / (10 + sqrt(4 - 3h))), h = ((a-b)/(a+b))^2.
double ramanujan_perimeter(double a, double b);

// `segments` points (x, y) on the ellipse boundary, counter-clockwise, not closed.
void ellipse_outline(const Ellipse& e, int segments, std::vector<double>& x, std::vector<double>& y);

}  // namespace rs::centrography
