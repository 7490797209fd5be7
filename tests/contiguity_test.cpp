// Queen and rook contiguity: the links of R spdep's poly2nb on real layers (expected files
// written by tests/reference/contiguity_reference.R), and hand-made layers whose links are
// known by construction (T-junctions, snapping, multipart units, corner touching).
#include "geo/contiguity.hpp"

#include <gtest/gtest.h>

#include <cpl_vsi.h>
#include <ogr_geometry.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/errors.hpp"
#include "geo/contiguity_boundary.hpp"
#include "geo/contiguity_overlap.hpp"

namespace rs::geo {
namespace {

using Links = std::set<std::pair<std::size_t, std::size_t>>;  // 1-based (from < to), as the R script writes

bool exists(const std::string& path) {
  VSIStatBufL stat;
  return VSIStatL(path.c_str(), &stat) == 0;
}

// Reads "from,to" lines (a header first); `.gz` files through GDAL's /vsigzip/.
Links read_reference(const std::string& name) {
  std::string path = std::string(REGIONSTAT_REFERENCE_DIR) + "/contiguity_" + name + ".csv";
  if (!exists(path)) path = "/vsigzip/" + path + ".gz";
  VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
  if (!file) throw std::runtime_error("cannot open reference file " + path);
  Links links;
  bool header = true;
  while (const char* line = CPLReadLineL(file)) {
    if (header) {
      header = false;
      continue;
    }
    std::size_t from = 0, to = 0;
    if (std::sscanf(line, "%zu,%zu", &from, &to) == 2) links.emplace(from, to);
  }
  VSIFCloseL(file);
  return links;
}

Links links_of(const SpatialWeights& w) {
  Links links;
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t k = w.offsets()[i]; k < w.offsets()[i + 1]; ++k)
      if (i < w.indices()[k]) links.emplace(i + 1, w.indices()[k] + 1);
  return links;
}

// The links in `a` and not in `b`, a few of them, for a readable failure.
std::string difference(const Links& a, const Links& b) {
  std::string text;
  std::size_t shown = 0, count = 0;
  for (const auto& link : a) {
    if (b.count(link)) continue;
    ++count;
    if (shown++ < 10) text += " " + std::to_string(link.first) + "-" + std::to_string(link.second);
  }
  return std::to_string(count) + (count ? ":" + text : "");
}

void expect_same_links(const SpatialWeights& w, const std::string& reference) {
  const Links expected = read_reference(reference);
  const Links ours = links_of(w);
  EXPECT_TRUE(w.is_symmetric());
  EXPECT_EQ(ours.size(), expected.size()) << reference;
  EXPECT_TRUE(ours == expected) << reference << ": missing " << difference(expected, ours)
                                << "; extra " << difference(ours, expected);
}

// spdep's default snap, sqrt(.Machine$double.eps).
constexpr double kSpdepSnap = 1.4901161193847656e-08;

// Rook pairs by the overlap mode's own test alone: a shared stretch of boundary, whatever the
// vertices (1-based, as the reference files).
Links shared_edge_pairs(const Layer& layer) {
  using namespace contiguity_detail;
  Links links;
  for (std::uint64_t key : shared_boundary_pairs(boundary_segments(layer, silent_feedback()), false,
                                                 kSpdepSnap, {}, silent_feedback()))
    links.emplace(pair_first(key) + 1, pair_second(key) + 1);
  return links;
}

// Builds queen and rook weights in exact mode, in snap mode with spdep's default snap and in
// overlap mode, and checks them against poly2nb. These layers' borders have identical
// vertices on both sides, so the overlap mode adds nothing, and spdep's rook (two matching
// points) is exactly "a shared stretch of boundary".
void check_against_spdep(const std::string& path, const std::string& name) {
  const Layer layer = read_layer(path);
  for (bool queen : {true, false}) {
    const std::string reference = name + (queen ? "_queen" : "_rook");
    SCOPED_TRACE(reference);
    expect_same_links(contiguity_weights(layer, queen, ContiguityMode::Exact, 0.0), reference);
    expect_same_links(contiguity_weights(layer, queen, ContiguityMode::Snap, kSpdepSnap), reference);
    expect_same_links(contiguity_weights(layer, queen, ContiguityMode::Overlap, 0.0), reference);
  }
  EXPECT_EQ(shared_edge_pairs(layer), read_reference(name + "_rook"));
}

std::set<std::string> island_names(const Layer& layer) {
  const auto names = layer.text("name_en");
  std::set<std::string> islands;
  for (std::size_t i : contiguity_weights(layer, true, ContiguityMode::Exact, 0.0).islands())
    islands.insert(names[i].value_or("?"));
  return islands;
}

std::string spdata(const std::string& file) { return std::string(SPDATA_DIR) + "/shapes/" + file; }

TEST(ContiguitySpdep, Columbus) {
  if (!exists(spdata("columbus.shp"))) GTEST_SKIP() << "R spData (r-cran-spdata) is not installed";
  const Layer layer = read_layer(spdata("columbus.shp"));
  // The counts spdep's documentation gives for columbus.
  EXPECT_EQ(contiguity_weights(layer, true, ContiguityMode::Exact, 0.0).links(), 236u);
  EXPECT_EQ(contiguity_weights(layer, false, ContiguityMode::Exact, 0.0).links(), 200u);
  check_against_spdep(spdata("columbus.shp"), "columbus");
}

TEST(ContiguitySpdep, Sids) {
  if (!exists(spdata("sids.shp"))) GTEST_SKIP() << "R spData (r-cran-spdata) is not installed";
  check_against_spdep(spdata("sids.shp"), "sids");
}

TEST(ContiguitySpdep, BostonTracts) {
  if (!exists(spdata("boston_tracts.shp"))) GTEST_SKIP() << "R spData (r-cran-spdata) is not installed";
  check_against_spdep(spdata("boston_tracts.shp"), "boston");
}

TEST(ContiguitySpdep, ChinaAdmin1) {
  const std::string path = std::string(SHARED_DATA_DIR) + "/china_admin1_naturalearth.geojson";
  if (!exists(path)) GTEST_SKIP() << path << " is absent (shared source data)";
  check_against_spdep(path, "china_admin1");
  const Layer layer = read_layer(path);
  EXPECT_EQ(island_names(layer), (std::set<std::string>{"Hainan", "Kinmen", "Paracel Islands",
                                                        "Penghu", "Macau"}));
}

TEST(ContiguitySpdep, ChinaProvinces) {
  const std::string path = std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg";
  const std::string reference = std::string(REGIONSTAT_REFERENCE_DIR) + "/contiguity_china_provinces_queen.csv";
  if (!exists(path) || !exists(reference))
    GTEST_SKIP() << "sample_layers/china_provinces.gpkg or its reference links are absent";
  check_against_spdep(path, "china_provinces");
  // Hainan (with the Paracel Islands, one multipart unit) and Taiwan are islands; so is Macao,
  // whose Natural Earth outline stays 0.0007 degrees (about 80 m) off Guangdong's.
  const Layer layer = read_layer(path);
  EXPECT_EQ(island_names(layer), (std::set<std::string>{"Hainan", "Taiwan", "Macao"}));
  const SpatialWeights w = contiguity_weights(layer, true, ContiguityMode::Exact, 0.0);
  EXPECT_EQ(w.size(), 34u);
}

TEST(ContiguitySpdep, FrenchCommunes) {
  const std::string path = "/vsigzip/" + std::string(SHARED_DATA_DIR) + "/communes_fr_2018.geojson.gz";
  if (!exists(std::string(SHARED_DATA_DIR) + "/communes_fr_2018.geojson.gz"))
    GTEST_SKIP() << "communes_fr_2018.geojson.gz is absent (shared source data)";
  const Layer layer = read_layer(path);
  ASSERT_EQ(layer.size(), 35357u);
  for (bool queen : {true, false}) {
    const std::string reference = std::string("communes") + (queen ? "_queen" : "_rook");
    SCOPED_TRACE(reference);
    const SpatialWeights w = contiguity_weights(layer, queen, ContiguityMode::Exact, 0.0);
    expect_same_links(w, reference);
    EXPECT_EQ(w.islands().size(), 15u);
  }
  expect_same_links(contiguity_weights(layer, true, ContiguityMode::Snap, kSpdepSnap), "communes_queen");
  // spdep's rook and "a shared stretch of boundary" differ by one pair: Brouckerque (59110,
  // feature 22120) and Dunkerque (59183, feature 22394) touch at two separate points only.
  Links spdep_rook = read_reference("communes_rook");
  const Links shared_edges = shared_edge_pairs(layer);
  EXPECT_EQ(spdep_rook.erase({22120, 22394}), 1u);
  EXPECT_EQ(shared_edges, spdep_rook);
}

// ---- hand-made layers ---------------------------------------------------------------------

// A layer from WKT polygons (an empty string is a null geometry), ids "0", "1", ...
Layer layer_from_wkt(const std::vector<std::string>& wkts) {
  Layer layer;
  layer.path = "test layer";
  layer.kind = GeometryKind::Polygon;
  for (std::size_t k = 0; k < wkts.size(); ++k) {
    layer.ids.push_back(std::to_string(k));
    layer.fids.push_back(static_cast<std::int64_t>(k));
    if (wkts[k].empty()) {
      layer.geometries.push_back(nullptr);
      continue;
    }
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkts[k].c_str(), nullptr, &g) != OGRERR_NONE)
      throw std::runtime_error("bad WKT " + wkts[k]);
    layer.geometries.emplace_back(g);
  }
  return layer;
}

Links build(const Layer& layer, bool queen, ContiguityMode mode, double tolerance = 0.0) {
  return links_of(contiguity_weights(layer, queen, mode, tolerance));
}

// Big square 1 (0..2 x 0..2). Its right edge x = 2 has no vertex at y = 1, where small squares
// 2 (y 0..1) and 3 (y 1..2) meet on it: two T-junctions. Small square 4 sits on the middle of
// its top edge y = 2 (x 0.5..1.5) without sharing any vertex with it.
Layer t_junctions() {
  return layer_from_wkt({
      "POLYGON ((0 0,2 0,2 2,0 2,0 0))",
      "POLYGON ((2 0,3 0,3 1,2 1,2 0))",
      "POLYGON ((2 1,3 1,3 2,2 2,2 1))",
      "POLYGON ((0.5 2,1.5 2,1.5 3,0.5 3,0.5 2))",
  });
}

TEST(ContiguityHandMade, TJunctionsNeedTheOverlapMode) {
  const Layer layer = t_junctions();
  // Exact vertices: 1 shares only the corner (2,0) with 2 and (2,2) with 3 -> queen, not rook;
  // 2 and 3 share the edge (2,1)-(3,1); 4 shares no vertex with anyone.
  EXPECT_EQ(build(layer, true, ContiguityMode::Exact), (Links{{1, 2}, {1, 3}, {2, 3}}));
  EXPECT_EQ(build(layer, false, ContiguityMode::Exact), (Links{{2, 3}}));
  // Shared boundary segments: 1 shares half its right edge with 2 and with 3, and half its top
  // edge with 4.
  const Links all{{1, 2}, {1, 3}, {1, 4}, {2, 3}};
  EXPECT_EQ(build(layer, true, ContiguityMode::Overlap), all);
  EXPECT_EQ(build(layer, false, ContiguityMode::Overlap), all);
}

TEST(ContiguityHandMade, OverlapModeFindsTouchingPointsForQueenOnly) {
  // Square 2's corner (2,1) lies on the middle of square 1's right edge: a touching point.
  const Layer layer = layer_from_wkt({
      "POLYGON ((0 0,2 0,2 2,0 2,0 0))",
      "POLYGON ((2 1,3 0,4 1,3 2,2 1))",  // a diamond with its left corner on the edge
  });
  EXPECT_TRUE(build(layer, true, ContiguityMode::Exact).empty());
  EXPECT_EQ(build(layer, true, ContiguityMode::Overlap), (Links{{1, 2}}));
  EXPECT_TRUE(build(layer, false, ContiguityMode::Overlap).empty());
}

TEST(ContiguityHandMade, SnappingJoinsVerticesWithinTheTolerance) {
  // The shared edge of two unit squares, digitised twice: x = 1 and x = 1 + 1e-7.
  const Layer layer = layer_from_wkt({
      "POLYGON ((0 0,1 0,1 1,0 1,0 0))",
      "POLYGON ((1.0000001 0,2 0,2 1,1.0000001 1,1.0000001 0))",
  });
  for (bool queen : {true, false}) {
    EXPECT_TRUE(build(layer, queen, ContiguityMode::Exact).empty());
    EXPECT_TRUE(build(layer, queen, ContiguityMode::Snap, kSpdepSnap).empty());  // as poly2nb's default
    EXPECT_TRUE(build(layer, queen, ContiguityMode::Snap, 0.9e-7).empty());
    EXPECT_EQ(build(layer, queen, ContiguityMode::Snap, 1.1e-7), (Links{{1, 2}}));
    EXPECT_EQ(build(layer, queen, ContiguityMode::Overlap, 1.1e-7), (Links{{1, 2}}));
    // A tolerance given with the exact mode means snapping (WeightsSpec: "> 0 implies Snap").
    EXPECT_EQ(build(layer, queen, ContiguityMode::Exact, 1e-6), (Links{{1, 2}}));
  }
}

TEST(ContiguityHandMade, SnappingAcrossCellsAndOnlyWithinTheDistance) {
  // With tolerance 1: unit 2's corner (0.9, 0.9) is 1.27 from unit 1's (0, 0), in the same
  // grid cell but too far; unit 3's (-0.99, 0.01) is 0.99 from it, in the adjacent cell.
  const Layer layer = layer_from_wkt({
      "POLYGON ((0 0,-5 0,-5 -5,0 -5,0 0))",
      "POLYGON ((0.9 0.9,5 0.9,5 5,0.9 5,0.9 0.9))",
      "POLYGON ((-0.99 0.01,-0.99 0.5,-3 0.5,-0.99 0.01))",
  });
  EXPECT_EQ(build(layer, true, ContiguityMode::Snap, 1.0), (Links{{1, 3}}));
}

TEST(ContiguityHandMade, MultipartUnitIsOneUnitAndNullGeometryIsAnIsland) {
  // Unit 1 has two parts: one touches unit 2 along an edge, the other, far away, touches unit
  // 3. Units 2 and 3 do not touch. Unit 4 has no geometry.
  const Layer layer = layer_from_wkt({
      "MULTIPOLYGON (((0 0,1 0,1 1,0 1,0 0)),((10 0,11 0,11 1,10 1,10 0)))",
      "POLYGON ((1 0,2 0,2 1,1 1,1 0))",
      "POLYGON ((11 0,12 0,12 1,11 1,11 0))",
      "",
  });
  for (bool queen : {true, false})
    for (ContiguityMode mode : {ContiguityMode::Exact, ContiguityMode::Overlap}) {
      const SpatialWeights w = contiguity_weights(layer, queen, mode, 0.0);
      EXPECT_EQ(links_of(w), (Links{{1, 2}, {1, 3}}));
      EXPECT_EQ(w.islands(), std::vector<std::size_t>{3});
      EXPECT_EQ(w.ids(), (std::vector<std::string>{"0", "1", "2", "3"}));
    }
}

// The squares of a 3 x 3 grid, cell (r, c) is unit 3r + c + 1.
Layer grid(bool black_only) {
  std::vector<std::string> wkts;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      if (black_only && (r + c) % 2 == 1) continue;
      const std::string x0 = std::to_string(c), x1 = std::to_string(c + 1);
      const std::string y0 = std::to_string(r), y1 = std::to_string(r + 1);
      wkts.push_back("POLYGON ((" + x0 + " " + y0 + "," + x1 + " " + y0 + "," + x1 + " " + y1 + "," +
                     x0 + " " + y1 + "," + x0 + " " + y0 + "))");
    }
  return layer_from_wkt(wkts);
}

TEST(ContiguityHandMade, QueenAndRookOnAGrid) {
  // 3 x 3 grid: 12 shared edges (rook: 24 links) and 2 x 4 = 8 diagonal corner contacts
  // (queen adds 16 links: 40).
  const Layer layer = grid(false);
  for (ContiguityMode mode : {ContiguityMode::Exact, ContiguityMode::Overlap}) {
    EXPECT_EQ(contiguity_weights(layer, false, mode, 0.0).links(), 24u);
    EXPECT_EQ(contiguity_weights(layer, true, mode, 0.0).links(), 40u);
  }
  // The centre (unit 5) has 4 rook and 8 queen neighbours.
  EXPECT_EQ(contiguity_weights(layer, false, ContiguityMode::Exact, 0.0).neighbour_count(4), 4u);
  EXPECT_EQ(contiguity_weights(layer, true, ContiguityMode::Exact, 0.0).neighbour_count(4), 8u);
}

TEST(ContiguityHandMade, CheckerboardTouchesOnlyAtCorners) {
  // The five black squares of a 3 x 3 checkerboard: the centre (unit 3) touches the four
  // corner squares at one point each; nobody shares an edge.
  const Layer layer = grid(true);
  for (ContiguityMode mode : {ContiguityMode::Exact, ContiguityMode::Overlap}) {
    EXPECT_EQ(build(layer, true, mode), (Links{{1, 3}, {2, 3}, {3, 4}, {3, 5}}));
    EXPECT_TRUE(build(layer, false, mode).empty());
  }
}

TEST(ContiguityHandMade, TwoSeparateTouchingPointsAreRookAsInSpdep) {
  // Square 1 and a U-shaped unit 2 touching it at the corners (1,0) and (1,1) but not along
  // the edge between them: two matching points, so poly2nb's rook (and ours) links them.
  const Layer layer = layer_from_wkt({
      "POLYGON ((0 0,1 0,1 1,0 1,0 0))",
      "POLYGON ((1 0,3 -1,3 2,1 1,2 0.5,1 0))",
  });
  EXPECT_EQ(build(layer, false, ContiguityMode::Exact), (Links{{1, 2}}));
}

TEST(ContiguityHandMade, LocationsSharingAHashAreToldApart) {
  // (6910, 0) and (65374, 0) have the same 32-bit location hash (found by search), so the
  // exact matching sees the points of all four units in one run and must split it by place:
  // 1 and 3 meet at the first, 2 and 4 at the second.
  ASSERT_EQ(contiguity_detail::location_hash(6910, 0), contiguity_detail::location_hash(65374, 0));
  const Layer layer = layer_from_wkt({
      "POLYGON ((6910 0,6911 0,6911 1,6910 1,6910 0))",
      "POLYGON ((65374 0,65375 0,65375 1,65374 1,65374 0))",
      "POLYGON ((6909 -1,6910 -1,6910 0,6909 0,6909 -1))",
      "POLYGON ((65373 -1,65374 -1,65374 0,65373 0,65373 -1))",
  });
  EXPECT_EQ(build(layer, true, ContiguityMode::Exact), (Links{{1, 3}, {2, 4}}));
}

TEST(ContiguityHandMade, SegmentGeometry) {
  using contiguity_detail::BoundarySegment;
  using contiguity_detail::segment_distance;
  using contiguity_detail::segments_overlap;
  const BoundarySegment s{0, 0, 4, 0, 0};
  EXPECT_DOUBLE_EQ(segment_distance(s, {1, -1, 1, 1, 1}), 0.0);       // crossing
  EXPECT_DOUBLE_EQ(segment_distance(s, {2, 0, 2, 5, 1}), 0.0);        // T: end point on s
  EXPECT_DOUBLE_EQ(segment_distance(s, {5, 0, 6, 0, 1}), 1.0);        // collinear, 1 apart
  EXPECT_DOUBLE_EQ(segment_distance(s, {2, 3, 2, 1, 1}), 1.0);        // above the middle
  EXPECT_TRUE(segments_overlap(s, {3, 0, 6, 0, 1}, 1e-9));            // shares [3, 4]
  EXPECT_TRUE(segments_overlap(s, {1, 1e-10, 2, -1e-10, 1}, 1e-9));   // within tolerance
  EXPECT_FALSE(segments_overlap(s, {1, 1e-3, 2, 1e-3, 1}, 1e-9));     // parallel, apart
  EXPECT_FALSE(segments_overlap(s, {4, 0, 6, 0, 1}, 1e-9));           // end to end: a point
  EXPECT_FALSE(segments_overlap(s, {2, 0, 2, 3, 1}, 1e-9));           // perpendicular
}

TEST(ContiguityErrors, NegativeToleranceIsAUsageError) {
  const Layer layer = grid(false);
  EXPECT_THROW(contiguity_weights(layer, true, ContiguityMode::Snap, -1.0), UsageError);
}

TEST(ContiguityErrors, TooSmallATolerance) {
  const Layer layer = layer_from_wkt({"POLYGON ((1e300 0,2e300 0,2e300 1,1e300 0))"});
  EXPECT_THROW(contiguity_weights(layer, true, ContiguityMode::Snap, 1e-300), UsageError);
}

class CancelAtOnce : public Feedback {
 public:
  bool cancelled() const override { return true; }
};

TEST(ContiguityErrors, HonoursCancellation) {
  const Layer layer = grid(false);
  CancelAtOnce cancel;
  for (ContiguityMode mode : {ContiguityMode::Exact, ContiguityMode::Snap, ContiguityMode::Overlap})
    EXPECT_THROW(contiguity_weights(layer, true, mode, 0.5, cancel), Cancelled);
}

}  // namespace
}  // namespace rs::geo
