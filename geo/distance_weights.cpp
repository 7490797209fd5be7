// Distance-based weights on the units' points.
//
// Distances: projected layers use the Euclidean distance (std::hypot, as spdep) in layer units;
// geographic layers the great-circle distance in km of algorithms/great_circle.hpp (spdep's
// gcdist), so that neighbour sets and band membership agree with spdep `longlat = TRUE`.
//
// Searches run on a Boost.Geometry R-tree: 2D layer coordinates for projected layers, 3D
// unit-sphere points for geographic ones (no seam at the antimeridian, no pole problem). The tree
// only proposes candidates, with a conservative margin; every decision uses the exact distance.
//
// Ties in k nearest neighbours: candidates are ranked by (distance, unit index) and the first k
// kept, i.e. among units at the same distance the one earlier in the layer wins. This is what
// spdep's knearneigh C code does (strict insertion while scanning units in order).
//
// Kernels follow libpysal's `Kernel` (weights/distance.py, after Anselin and Rey 2014), with
// z = d / h:
//   triangular    K(z) = 1 - z
//   uniform       K(z) = 1/2
//   Epanechnikov  K(z) = 3/4 (1 - z^2)         (libpysal "quadratic")
//   quartic       K(z) = 15/16 (1 - z^2)^2
//   Gaussian      K(z) = exp(-z^2 / 2) / sqrt(2 pi), truncated at the bandwidth
// for all units within the bandwidth h (d <= h), the unit itself included with weight K(0)
// (libpysal's default; `kernel_diagonal = false` drops the diagonal). A fixed bandwidth is
// the given distance; an adaptive one is unit i's distance to its k-th nearest neighbour times
// 1.0000001 (libpysal's eps, so that the k-th neighbour keeps a positive weight), and the
// neighbours are then exactly the k nearest.
#include "geo/distance_weights.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "algorithms/errors.hpp"
#include "algorithms/great_circle.hpp"
#include "geo/projection.hpp"

namespace rs::geo {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

// Above this many units, inverse distance without a band (n^2 links) is refused.
constexpr std::size_t kMaxAllPairs = 5000;
// libpysal's adaptive-bandwidth factor.
constexpr double kAdaptiveEps = 1.0000001;
// Relative slack between the R-tree's own Euclidean distance and std::hypot.
constexpr double kPlanarSlack = 1e-9;

using Point3 = bg::model::point<double, 3, bg::cs::cartesian>;
using Box3 = bg::model::box<Point3>;
using Entry = std::pair<Point3, std::size_t>;  // planar layers use z = 0

std::string format_number(double v) {
  std::ostringstream os;
  os.precision(10);
  os << v;
  return os.str();
}

// The units' points, an R-tree over the valid ones, and exact distances.
class PointIndex {
 public:
  PointIndex(const UnitPoints& points) : p_(points) {
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < p_.x.size(); ++i)
      if (p_.valid[i]) entries.emplace_back(index_point(i), i);
    valid_count_ = entries.size();
    tree_ = bgi::rtree<Entry, bgi::quadratic<16>>(entries.begin(), entries.end());  // packed
  }

  std::size_t size() const { return p_.x.size(); }
  std::size_t valid_count() const { return valid_count_; }
  bool valid(std::size_t i) const { return p_.valid[i]; }

  // Exact distance, computed from i to j as spdep does (unit i first).
  double distance(std::size_t i, std::size_t j) const {
    if (p_.geographic) return great_circle_km(p_.x[i], p_.y[i], p_.x[j], p_.y[j]);
    return std::hypot(p_.x[i] - p_.x[j], p_.y[i] - p_.y[j]);
  }

  // The k nearest other units of i, by (distance, index). Fewer if fewer valid units exist.
  // Asks the tree for the m nearest by index distance (m = k+1, then doubling) until the
  // farthest of them is, even at its lower bound, strictly farther than the k-th best exact
  // distance: no unit left out can then enter or tie.
  std::vector<std::pair<double, std::size_t>> nearest(std::size_t i, std::size_t k) const {
    const Point3 q = index_point(i);
    std::vector<std::pair<double, std::size_t>> best;
    std::vector<Entry> found;
    for (std::size_t m = std::min(k + 1, valid_count_);; m = std::min(2 * m, valid_count_)) {
      found.clear();
      tree_.query(bgi::nearest(q, static_cast<unsigned>(m)), std::back_inserter(found));
      best.clear();
      double farthest = 0.0;
      for (const auto& e : found) {
        farthest = std::max(farthest, bg::distance(q, e.first));
        if (e.second != i) best.emplace_back(distance(i, e.second), e.second);
      }
      std::sort(best.begin(), best.end());
      if (best.size() > k) best.resize(k);
      if (m >= valid_count_ || (best.size() == k && lower_bound(farthest) > best.back().first)) break;
    }
    return best;
  }

  // All other units j with distance(i, j) <= d, sorted by index, with their distances.
  std::vector<std::pair<std::size_t, double>> within(std::size_t i, double d) const {
    std::vector<std::pair<std::size_t, double>> out;
    const Point3 q = index_point(i);
    const double r = search_radius(d);
    Box3 box(Point3(bg::get<0>(q) - r, bg::get<1>(q) - r, bg::get<2>(q) - r),
             Point3(bg::get<0>(q) + r, bg::get<1>(q) + r, bg::get<2>(q) + r));
    std::vector<Entry> found;
    tree_.query(bgi::intersects(box), std::back_inserter(found));
    for (const auto& e : found) {
      if (e.second == i) continue;
      const double dij = distance(i, e.second);
      if (dij <= d) out.emplace_back(e.second, dij);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  Point3 index_point(std::size_t i) const {
    if (p_.geographic) {
      auto s = unit_sphere_point(p_.x[i], p_.y[i]);
      return Point3(s[0], s[1], s[2]);
    }
    return Point3(p_.x[i], p_.y[i], 0.0);
  }
  // Smallest exact distance a point at index distance e can have.
  double lower_bound(double e) const {
    if (p_.geographic) return kGreatCircleLow * kWgs84RadiusKm * chord_to_angle(e);
    return e * (1.0 - kPlanarSlack);
  }
  // Index distance enclosing every point within exact distance d.
  double search_radius(double d) const {
    if (p_.geographic) {
      const double angle = d / (kGreatCircleLow * kWgs84RadiusKm);
      return angle >= M_PI ? 2.5 : angle_to_chord(angle) * (1.0 + kPlanarSlack) + 1e-12;
    }
    return d * (1.0 + kPlanarSlack);
  }

  const UnitPoints& p_;
  std::size_t valid_count_ = 0;
  bgi::rtree<Entry, bgi::quadratic<16>> tree_;
};

// The spec's distance in the units distances are measured in (km for geographic layers and
// for projected ones measured on their ellipsoid, where a plain number is in the CRS's unit).
double distance_in_layer_units(const Layer& layer, const WeightsSpec& spec) {
  const std::string& unit = spec.distance_unit;
  if (layer.geographic()) return unit == "m" ? spec.distance / 1000.0 : spec.distance;
  if (measured_on_ellipsoid(layer)) {
    if (unit == "km") return spec.distance;
    if (unit == "m") return spec.distance / 1000.0;
    return spec.distance * layer.crs->GetLinearUnits() / 1000.0;
  }
  if (unit.empty()) return spec.distance;
  double metres_per_unit = 0.0;
  if (layer.crs) metres_per_unit = layer.crs->GetLinearUnits();
  if (!layer.crs || std::fabs(metres_per_unit - 1.0) > 1e-12) {
    throw UsageError("'" + layer.path + "': a distance in " + unit + " needs a layer in metres, but " +
                     (layer.crs ? "its CRS " + layer.crs_name() + " measures in units of " +
                                      format_number(metres_per_unit) + " m"
                                : std::string("the layer has no CRS")) +
                     "; give the distance as a plain number in layer units");
  }
  return unit == "km" ? spec.distance * 1000.0 : spec.distance;
}

UnitPoints points_of(const Layer& layer, const WeightsSpec& spec, Feedback& feedback) {
  UnitPoints points = unit_points(layer, spec.points, spec.points_layer, spec.points_id);
  if (!points.geographic && measured_on_ellipsoid(layer)) {
    // Great-circle distances on the CRS's own lon/lat (units without a point are left out).
    std::vector<double> x, y;
    for (std::size_t i = 0; i < points.valid.size(); ++i)
      if (points.valid[i]) x.push_back(points.x[i]), y.push_back(points.y[i]);
    to_own_lonlat(layer, x, y);
    for (std::size_t i = 0, k = 0; i < points.valid.size(); ++i)
      if (points.valid[i]) points.x[i] = x[k], points.y[i] = y[k++];
    points.geographic = true;
    feedback.warning("'" + layer.path + "': " + ellipsoid_reason(layer) + " (great-circle km)");
  }
  std::size_t missing = 0;
  std::string example;
  for (std::size_t i = 0; i < points.valid.size(); ++i)
    if (!points.valid[i]) {
      if (missing++ == 0) example = layer.ids[i];
    }
  if (missing > 0)
    feedback.warning(std::to_string(missing) + " unit(s) without a point (e.g. '" + example +
                     "') have no neighbours in distance weights");
  return points;
}

void require_points(const Layer& layer, const PointIndex& index, std::size_t needed, const std::string& why) {
  if (index.valid_count() < needed)
    throw DataError("'" + layer.path + "' has " + std::to_string(index.valid_count()) +
                    " unit(s) with a point; " + why);
}

double kernel_value(KernelFunction f, double z) {
  switch (f) {
    case KernelFunction::Triangular: return 1.0 - z;
    case KernelFunction::Uniform: return 0.5;
    case KernelFunction::Epanechnikov: return 0.75 * (1.0 - z * z);
    case KernelFunction::Quartic: return (15.0 / 16.0) * (1.0 - z * z) * (1.0 - z * z);
    case KernelFunction::Gaussian: return std::exp(-z * z / 2.0) / std::sqrt(2.0 * M_PI);
  }
  return 0.0;
}

void report_progress(Feedback& feedback, std::size_t i, std::size_t n) {
  if (i % 1024 == 0) {
    feedback.check_cancelled();
    feedback.progress(n ? static_cast<double>(i) / static_cast<double>(n) : 1.0);
  }
}

}  // namespace

SpatialWeights distance_weights(const Layer& layer, const WeightsSpec& spec, Feedback& feedback) {
  const UnitPoints points = points_of(layer, spec, feedback);
  const PointIndex index(points);
  const std::size_t n = layer.size();
  std::vector<std::vector<std::size_t>> neighbours(n);
  std::vector<std::vector<double>> weights(n);

  switch (spec.method) {
    case WeightsMethod::Knn: {
      if (spec.k < 1) throw UsageError("knn weights need k >= 1");
      const auto k = static_cast<std::size_t>(spec.k);
      require_points(layer, index, k + 1,
                     "k=" + std::to_string(k) + " nearest neighbours need at least k+1 units");
      for (std::size_t i = 0; i < n; ++i) {
        report_progress(feedback, i, n);
        if (!index.valid(i)) continue;
        for (const auto& [d, j] : index.nearest(i, k)) neighbours[i].push_back(j);
      }
      SpatialWeights w = SpatialWeights::from_lists(layer.ids, neighbours);
      return spec.symmetrise ? w.symmetrised() : w;
    }
    case WeightsMethod::Band:
    case WeightsMethod::InverseDistance: {
      const bool idw = spec.method == WeightsMethod::InverseDistance;
      const bool banded = spec.distance > 0;
      if (!banded && !idw) throw UsageError("distance band weights need a distance, e.g. band:150km");
      if (idw && !banded && index.valid_count() > kMaxAllPairs)
        throw UsageError("'" + layer.path + "' has " + std::to_string(index.valid_count()) +
                         " units: inverse distance between all pairs would need " +
                         "n^2 links; give a distance band, e.g. idw:300km or --distance");
      const double d = banded ? distance_in_layer_units(layer, spec) : 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        report_progress(feedback, i, n);
        if (!index.valid(i)) continue;
        std::vector<std::pair<std::size_t, double>> found;
        if (banded) {
          found = index.within(i, d);
        } else {
          for (std::size_t j = 0; j < n; ++j)
            if (j != i && index.valid(j)) found.emplace_back(j, index.distance(i, j));
        }
        for (const auto& [j, dij] : found) {
          if (idw && dij == 0.0)
            throw DataError("'" + layer.path + "': units '" + layer.ids[i] + "' and '" + layer.ids[j] +
                            "' have the same point, so inverse distance is infinite; use band or knn weights");
          neighbours[i].push_back(j);
          weights[i].push_back(idw ? std::pow(dij, -spec.power) : 1.0);
        }
      }
      if (!idw) return SpatialWeights::from_lists(layer.ids, neighbours);
      return SpatialWeights::from_lists(layer.ids, neighbours, weights, WeightsStyle::Unstandardised);
    }
    case WeightsMethod::Kernel: {
      double fixed_h = 0.0;
      if (!spec.adaptive) {
        if (spec.distance <= 0)
          throw UsageError("a fixed kernel bandwidth needs a distance, e.g. kernel:gaussian:bandwidth=100km");
        fixed_h = distance_in_layer_units(layer, spec);
      } else {
        if (spec.k < 1) throw UsageError("an adaptive kernel needs k >= 1, e.g. kernel:gaussian:k=8");
        require_points(layer, index, static_cast<std::size_t>(spec.k) + 1,
                       "an adaptive kernel with k=" + std::to_string(spec.k) + " needs at least k+1 units");
      }
      for (std::size_t i = 0; i < n; ++i) {
        report_progress(feedback, i, n);
        if (!index.valid(i)) continue;
        std::vector<std::pair<std::size_t, double>> found;
        double h = fixed_h;
        if (spec.adaptive) {
          auto near = index.nearest(i, static_cast<std::size_t>(spec.k));
          h = near.back().first * kAdaptiveEps;
          for (const auto& [dij, j] : near) found.emplace_back(j, dij);
        } else {
          found = index.within(i, h);
        }
        if (h <= 0)
          throw DataError("'" + layer.path + "': unit '" + layer.ids[i] +
                          "' has a zero adaptive bandwidth (its k nearest units share its point); increase k");
        if (spec.kernel_diagonal) found.emplace_back(i, 0.0);
        for (const auto& [j, dij] : found) {
          neighbours[i].push_back(j);
          weights[i].push_back(kernel_value(spec.kernel, dij / h));
        }
      }
      return SpatialWeights::from_lists(layer.ids, neighbours, weights, WeightsStyle::Unstandardised);
    }
    default:
      throw UsageError("distance weights cannot build '" + describe(spec) + "'");
  }
}

std::string distance_unit(const Layer& layer) {
  if (measured_on_ellipsoid(layer)) return "km";
  if (layer.crs && layer.crs->IsProjected() && std::fabs(layer.crs->GetLinearUnits() - 1.0) < 1e-12) return "m";
  return "layer units";
}

double minimum_threshold_distance(const Layer& layer, const WeightsSpec& spec) {
  Feedback& quiet = silent_feedback();
  const UnitPoints points = points_of(layer, spec, quiet);
  const PointIndex index(points);
  require_points(layer, index, 2, "a distance band needs at least two units");
  double largest = 0.0;
  for (std::size_t i = 0; i < index.size(); ++i) {
    if (!index.valid(i)) continue;
    largest = std::max(largest, index.nearest(i, 1).front().first);
  }
  return largest;
}

}  // namespace rs::geo
