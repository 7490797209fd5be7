// Gravity model between development centres, spheres of influence (Huff, Reilly) and primacy
// indices. Distances are given by the caller (geodesic km, planar, or a cost matrix).
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace rs::gravity {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

struct Link {
  std::size_t origin = 0, destination = 0;  // origin < destination (linkage is symmetric)
  double distance = 0;
  double strength = 0;   // R_ij = k M_i M_j / d_ij^beta
};

struct GravityOptions {
  double k = 1.0;
  double beta = 2.0;
};

struct GravityResult {
  std::vector<Link> links;             // every pair i < j with a finite distance
  std::vector<double> totals;          // T_i = sum_j R_ij
  std::vector<double> shares;          // T_i / sum_m T_m
  std::vector<std::size_t> strongest;  // partner j with the largest R_ij (kNone if none)
  std::vector<double> strongest_strength;
};

// `distance` is the n x n matrix in row order; NaN marks a pair without a distance (left out).
// Masses must be finite and >= 0; a zero distance between two centres is an error
// (std::invalid_argument naming the pair's indices).
GravityResult gravity_model(const std::vector<double>& mass, const std::vector<double>& distance,
                            const GravityOptions& options = {});

// Keeps a link when it is among the `k` strongest links of its origin or of its destination.
std::vector<Link> top_links(const std::vector<Link>& links, std::size_t n, std::size_t k);
// Keeps links with strength >= threshold.
std::vector<Link> links_above(const std::vector<Link>& links, double threshold);

// Huff probabilities of one unit: P_c = (M_c / d_c^beta) / sum_m (M_m / d_m^beta). A unit that
// coincides with centres (d = 0) belongs to them alone, in proportion to their masses.
// Distances that are NaN (unknown) give P = 0. Returns all NaN when no centre attracts the unit.
std::vector<double> huff_probabilities(const std::vector<double>& mass, const std::vector<double>& distance,
                                       double beta = 2.0);

// Attraction M / d^beta (infinite at d = 0).
double attraction(double mass, double distance, double beta = 2.0);

// Reilly's breaking point: distance from A towards B where the attractions balance,
// d_A = D_AB / (1 + sqrt(M_B / M_A)).
double reilly_breaking_point(double distance_ab, double mass_a, double mass_b);

struct Primacy {
  std::size_t n = 0;
  double total = 0;
  double first_share = 0;  // P1 / sum P
  double two_city = 0;     // P1 / P2 (NaN with fewer than 2 cities)
  double four_city = 0;    // P1 / (P2 + P3 + P4) (NaN with fewer than 4 cities)
  std::size_t first = kNone, second = kNone;  // indices into the input of the two largest
};

// Sizes must be finite and >= 0 (missing values removed by the caller).
Primacy primacy(const std::vector<double>& sizes);

}  // namespace rs::gravity
