// The boundaries of polygon units as flat arrays, for the contiguity builders: the boundary
// points (every ring vertex of every part, holes included) and the boundary segments.
// Internal to geo/contiguity*.cpp.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "algorithms/feedback.hpp"
#include "geo/layer.hpp"

namespace rs::geo::contiguity_detail {

struct BoundaryPoint {
  double x;
  double y;
  std::uint32_t unit;
};

struct BoundarySegment {
  double ax, ay, bx, by;
  std::uint32_t unit;
};

// The ring vertices of each unit in ring order, listed as spdep's poly2nb lists them: every
// coordinate of every ring (so each ring's closing vertex repeats its first one) except the
// very first coordinate of the unit. The repeats matter for rook contiguity, which counts
// matching point pairs (see contiguity.cpp). Units with a null geometry have no points.
std::vector<BoundaryPoint> boundary_points(const Layer& layer, Feedback& feedback);

// Every ring edge of positive length, of every unit.
std::vector<BoundarySegment> boundary_segments(const Layer& layer, Feedback& feedback);

// An unordered unit pair a < b as one sortable key.
inline std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
}
inline std::uint32_t pair_first(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
inline std::uint32_t pair_second(std::uint64_t key) { return static_cast<std::uint32_t>(key); }

}  // namespace rs::geo::contiguity_detail
