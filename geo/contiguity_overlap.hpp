// Contiguity from boundary segments rather than vertices: finds units whose boundaries touch
// or run along each other although their vertices differ (T-junctions, where one unit's
// vertex lies on the middle of its neighbour's edge, and digitising noise).
// Internal to geo/contiguity.cpp.
#pragma once

#include <cstdint>
#include <vector>

#include "algorithms/feedback.hpp"
#include "geo/contiguity_boundary.hpp"

namespace rs::geo::contiguity_detail {

// Unit pairs (pair_key) not in `known` (sorted) whose boundaries
//   queen: come within `tolerance` of each other anywhere (a touching point is enough);
//   rook:  run within `tolerance` of each other along a stretch longer than `tolerance`
//          (a shared boundary of positive length).
// Candidate segment pairs come from a Boost.Geometry R-tree of the segments' boxes expanded
// by the tolerance, so the work grows with the number of segments, not with its square; on
// large layers the queries run on several threads. Returns the pairs sorted.
std::vector<std::uint64_t> shared_boundary_pairs(const std::vector<BoundarySegment>& segments,
                                                 bool queen, double tolerance,
                                                 const std::vector<std::uint64_t>& known,
                                                 Feedback& feedback);

// The geometric tests, exposed for unit tests.
double segment_distance(const BoundarySegment& s, const BoundarySegment& t);
bool segments_overlap(const BoundarySegment& s, const BoundarySegment& t, double tolerance);

}  // namespace rs::geo::contiguity_detail
