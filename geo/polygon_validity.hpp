// A cheap, exact proof that a polygon is valid, so that GEOS's IsValid (most of the reading
// time of a layer of many polygons) runs only where the proof fails. Internal to geo/layer.cpp;
// declared here for the tests.
//
// The proof only ever answers "certainly valid" or "don't know": a polygon it does not prove
// valid goes to GEOS, which decides (and gives the reason) exactly as before. It proves valid a
// single polygon without holes (a Polygon, or a MultiPolygon of one such part) whose exterior
// ring is closed, has finite coordinates, no two equal consecutive vertices, a certain turn
// (not collinear) at every vertex, and no two non-adjacent edges that meet. Such a ring is
// simple with a non-empty interior, which is what GEOS requires of a polygon without holes.
// Holes, several parts, repeated or collinear vertices, touching or crossing edges and any
// orientation whose sign double arithmetic cannot certify are all left to GEOS.
#pragma once

#include <ogr_geometry.h>

namespace rs::geo::polygon_validity {

// The sign of the orientation of c relative to the directed line a -> b: +1 left (counter-
// clockwise), -1 right, 0 when it is 0 or its sign is not certain in double arithmetic
// (Shewchuk's error bound for orient2d; tiny, huge and non-finite values are uncertain).
int certain_orientation(double ax, double ay, double bx, double by, double cx, double cy);

// True when `ring` is closed, strictly convex and goes round once (lattices of squares or
// hexagons): an O(n) shortcut ahead of certainly_simple_ring.
bool strictly_convex_ring(const OGRLinearRing& ring);

// True when `ring` is certainly a simple closed ring of at least three vertices that is not
// degenerate (see above); false when it is not or when that cannot be proved cheaply.
bool certainly_simple_ring(const OGRLinearRing& ring);

// True when GEOS would certainly find `geometry` valid (see above); false: ask GEOS.
bool certainly_valid(const OGRGeometry& geometry);

}  // namespace rs::geo::polygon_validity
