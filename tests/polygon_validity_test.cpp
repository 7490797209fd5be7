// The proof of polygon validity that spares GEOS (geo/polygon_validity.hpp): it may only ever
// claim "valid" where GEOS agrees; every invalid shape must be left to GEOS. GEOS (through
// OGRGeometry::IsValid) is the oracle throughout.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <unistd.h>
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include "geo/layer.hpp"
#include "geo/polygon_validity.hpp"

namespace rs::geo::polygon_validity {
namespace {

std::unique_ptr<OGRGeometry> from_wkt(const std::string& wkt) {
  OGRGeometry* g = nullptr;
  EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g), OGRERR_NONE) << wkt;
  return std::unique_ptr<OGRGeometry>(g);
}

bool geos_valid(const OGRGeometry& g, std::string* reason = nullptr) {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
  const bool valid = g.IsValid();
  if (reason) *reason = CPLGetLastErrorMsg();
  CPLPopErrorHandler();
  return valid;
}

// Valid and invalid shapes of every kind the proof meets or leaves to GEOS.
const std::vector<std::string> kShapes{
    "POLYGON ((0 0,1 0,1 1,0 1,0 0))",
    "POLYGON ((1 0,3 2,3 0,1 2,1 0))",                               // bow-tie
    "POLYGON ((0 0,4 0,4 1,1 1,1 4,0 4,0 0))",                       // concave
    "POLYGON ((0 0,2 0,2 2,1 0,0 2,0 0))",                           // self-touching
    "MULTIPOLYGON (((0 0,10 0,10 10,9 1,8 10,7 1,6 10,0 10,0 0)))",  // comb
    "POLYGON ((0 0,4 0,4 4,2 0,0 4,0 0))",                           // vertex on an edge
    "POLYGON ((0 0,4 0,4 4,0 4,0 2,-3 2,0 2,0 0))",                  // spike
    "POLYGON ((0 0,1 0,1 0,1 1,0 1,0 0))",                           // repeated vertex (valid)
    "POLYGON ((0 0,4 0,4 4,0 4,0 0),(5 5,6 5,6 6,5 6,5 5))",         // hole outside
    "POLYGON ((0 0,4 0,4 4,0 4,0 0),(1 1,2 1,2 2,1 2,1 1))",         // hole inside (valid)
    "POLYGON ((0 0,9 0,9 9,0 9,0 0),(1 1,8 1,8 8,1 8,1 1),(2 2,3 2,3 3,2 3,2 2))",  // nested holes
    "POLYGON ((0 0,4 0,4 4,0 4,0 0),(0 1,2 1,2 3,0 3,0 1))",         // hole along the shell
    "MULTIPOLYGON (((0 0,2 0,2 2,0 2,0 0)),((1 1,3 1,3 3,1 3,1 1)))",  // overlapping parts
    "POLYGON ((0 0,2 0,1 1,2 2,0 2,1 1,0 0))",                       // figure eight
    "POLYGON ((0 0,1 0,2 0,0 0))",                                   // zero area
};

// A polygon of one ring through the points, closed.
std::unique_ptr<OGRGeometry> ring_polygon(const std::vector<std::pair<double, double>>& points) {
  auto ring = std::make_unique<OGRLinearRing>();
  for (const auto& [x, y] : points) ring->addPoint(x, y);
  ring->addPoint(points[0].first, points[0].second);
  auto polygon = std::make_unique<OGRPolygon>();
  polygon->addRingDirectly(ring.release());
  return polygon;
}

TEST(PolygonValidity, OrientationSignsAreCertainOrZero) {
  EXPECT_EQ(certain_orientation(0, 0, 1, 0, 0, 1), 1);
  EXPECT_EQ(certain_orientation(0, 0, 1, 0, 0, -1), -1);
  EXPECT_EQ(certain_orientation(0, 0, 1, 0, 2, 0), 0);      // collinear
  EXPECT_EQ(certain_orientation(0, 0, 1, 1, 0.5, 0.5), 0);  // on the line
  // One unit in the last place off a long line: too close to call in doubles -> 0 (uncertain)
  // or the true sign, never the wrong one.
  const double x = 123456.789, y = 6543210.123;
  const double near = std::nextafter(y + 1.0, 1e300);
  const int s = certain_orientation(x, y, x + 2.0, y + 2.0, x + 1.0, near);
  EXPECT_TRUE(s == 0 || s == 1);
  // Non-finite, overflowing and underflowing inputs are uncertain.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(certain_orientation(0, 0, 1, 0, nan, 1), 0);
  EXPECT_EQ(certain_orientation(0, 0, 1, 0, inf, 1), 0);
  EXPECT_EQ(certain_orientation(0, 0, 1e200, 0, 0, 1e200), 0);
  EXPECT_EQ(certain_orientation(0, 0, 1e-170, 0, 0, 1e-170), 0);
}

// Valid polygons the proof covers: GEOS agrees, and the proof does prove them.
TEST(PolygonValidity, ProvesSimpleRingsValid) {
  for (const char* wkt : {
           "POLYGON ((0 0,1 0,1 1,0 1,0 0))",                          // square
           "POLYGON ((0 0,0 1,1 1,1 0,0 0))",                          // clockwise
           "POLYGON ((0 0,4 0,0 3,0 0))",                              // triangle
           "POLYGON ((0 0,4 0,4 1,1 1,1 4,0 4,0 0))",                  // concave L
           "POLYGON ((0 0,10 0,10 10,9 1,8 10,7 1,6 10,0 10,0 0))",    // comb: edges close, apart
           "MULTIPOLYGON (((0 0,4 0,4 1,1 1,1 4,0 4,0 0)))",           // one part
           "POLYGON Z ((0 0 5,4 0 5,4 1 5,1 1 5,1 4 5,0 4 5,0 0 5))",  // with heights
           "POLYGON ((700000.5 6600000.25,700010.125 6600001.5,700004.75 6600004,700009 6600009.5,"
           "700000.5 6600008,700000.5 6600000.25))",                   // concave, in metres
       }) {
    auto g = from_wkt(wkt);
    EXPECT_TRUE(geos_valid(*g)) << wkt;
    EXPECT_TRUE(certainly_valid(*g)) << wkt;
  }
}

// Shapes the proof must leave to GEOS: every invalid one of them (GEOS says which) and the
// valid ones outside its reach (holes, several parts, repeated or collinear vertices).
TEST(PolygonValidity, LeavesEverythingElseToGeos) {
  struct Case {
    const char* wkt;
    bool valid;  // GEOS's verdict
  };
  for (const Case& c : std::vector<Case>{
           {"POLYGON ((1 0,3 2,3 0,1 2,1 0))", false},                          // bow-tie
           {"POLYGON ((0 10,5.878 -8.09,-9.511 3.09,9.511 3.09,-5.878 -8.09,0 10))", false},  // pentagram
           {"POLYGON ((0 0,2 0,2 2,1 0,0 2,0 0))", false},  // self-touching: vertex on a vertex
           {"POLYGON ((0 0,4 0,4 4,2 0,0 4,0 0))", false},  // self-touching: vertex on an edge
           {"POLYGON ((0 0,2 0,1 1,2 2,0 2,1 1,0 0))", false},  // figure eight through one vertex
           {"POLYGON ((0 0,4 0,4 4,0 4,0 2,-3 2,0 2,0 0))", false},  // spike out
           {"POLYGON ((0 0,4 0,4 4,0 4,0 2,3 2,0 2,0 0))", false},   // spike in
           {"POLYGON ((0 0,4 0,2 0,2 3,0 0))", false},               // edge doubling back
           {"POLYGON ((0 0,1 0,2 0,0 0))", false},                   // zero area
           {"POLYGON ((0 0,1 1,0 0,1 1,0 0))", false},               // zero area, repeated
           {"POLYGON ((0 0,2 0,2 2,0 2,0 0,2 0,2 2,0 2,0 0))", false},  // ring going round twice
           {"POLYGON ((0 0,4 0,4 4,0 4,0 0),(5 5,6 5,6 6,5 6,5 5))", false},   // hole outside
           {"POLYGON ((0 0,4 0,4 4,0 4,0 0),(0 0,2 1,1 2,0 0))", true},        // hole touching once
           {"POLYGON ((0 0,4 0,4 4,0 4,0 0),(0 1,2 1,2 3,0 3,0 1))", false},   // hole along shell
           {"POLYGON ((0 0,9 0,9 9,0 9,0 0),(1 1,8 1,8 8,1 8,1 1),(2 2,3 2,3 3,2 3,2 2))", false},  // nested
           {"POLYGON ((0 0,4 0,4 4,0 4,0 0),(1 1,2 1,2 2,1 2,1 1))", true},    // ordinary hole
           {"MULTIPOLYGON (((0 0,2 0,2 2,0 2,0 0)),((1 1,3 1,3 3,1 3,1 1)))", false},  // overlap
           {"MULTIPOLYGON (((0 0,1 0,1 1,0 1,0 0)),((2 2,3 2,3 3,2 3,2 2)))", true},   // two parts
           {"POLYGON ((0 0,1 0,1 0,1 1,0 1,0 0))", true},   // repeated vertex: GEOS accepts it
           {"POLYGON ((0 0,1 0,2 0,2 2,0 2,0 0))", true},   // collinear vertex: GEOS accepts it
           {"POLYGON ((0 0,1 0,1 1,0 0,0 0))", true},       // repeated closing vertex
           {"POLYGON ((0 0,1 0,0 0))", false},              // too few points
       }) {
    auto g = from_wkt(c.wkt);
    EXPECT_EQ(geos_valid(*g), c.valid) << c.wkt;
    EXPECT_FALSE(certainly_valid(*g)) << c.wkt;
  }
}

TEST(PolygonValidity, UnclosedAndNonFiniteRingsAreNotProved) {
  {
    auto ring = std::make_unique<OGRLinearRing>();  // not closed
    for (auto [x, y] : std::vector<std::pair<double, double>>{{0, 0}, {1, 0}, {1, 1}, {0, 1}}) ring->addPoint(x, y);
    EXPECT_FALSE(certainly_simple_ring(*ring));
    EXPECT_FALSE(strictly_convex_ring(*ring));
    OGRPolygon polygon;
    polygon.addRingDirectly(ring.release());
    EXPECT_FALSE(certainly_valid(polygon));
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (double bad : {nan, inf, -inf}) {
    auto g = ring_polygon({{0, 0}, {4, 0}, {4, 1}, {1, 1}, {bad, 4}, {0, 4}});
    EXPECT_FALSE(certainly_valid(*g));
    EXPECT_FALSE(geos_valid(*g));
  }
  EXPECT_FALSE(certainly_valid(*from_wkt("LINESTRING (0 0,1 1)")));
  EXPECT_FALSE(certainly_valid(*from_wkt("POINT (0 0)")));
}

// Vertices a rounding error away from another edge: whatever the proof claims, GEOS agrees.
TEST(PolygonValidity, NearTouchingVerticesNeverProvedWrongly) {
  int proved = 0;
  for (int k = -4; k <= 4; ++k) {
    // A notch whose tip (tx, ty) reaches, up to k units in the last place, the edge from
    // (0, 0) to (x1, y1) of a long thin ring in projected coordinates.
    const double x0 = 651234.5, y0 = 6862345.25, x1 = x0 + 3000.0, y1 = y0 + 1000.0;
    double tx = x0 + 1500.0, ty = y0 + 500.0;  // exactly on the edge
    for (int step = 0; step < std::abs(k); ++step) ty = std::nextafter(ty, k > 0 ? 1e300 : -1e300);
    auto g = ring_polygon({{x0, y0}, {x1, y1}, {x1, y1 + 10.0}, {tx + 1.0, y0 + 2000.0}, {tx, ty},
                           {tx - 1.0, y0 + 2000.0}, {x0, y0 + 10.0}});
    const bool valid = geos_valid(*g);
    if (certainly_valid(*g)) {
      ++proved;
      EXPECT_TRUE(valid) << "k = " << k;
    }
    if (k == 0) {
      EXPECT_FALSE(valid);
    }
  }
  EXPECT_LT(proved, 9);  // the touching one at least is left to GEOS
}

// Random rings on a small integer grid are full of touching, crossing, collinear and repeated
// vertices; random star-shaped rings are mostly valid. Every ring proved valid must be valid
// for GEOS, and the proof must cover most of the valid star-shaped ones.
TEST(PolygonValidity, RandomRingsAgreeWithGeos) {
  std::mt19937_64 random(20240601);
  int proved_grid = 0, valid_grid = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::uniform_int_distribution<int> count(3, 9), coordinate(0, 4);
    std::vector<std::pair<double, double>> points(static_cast<std::size_t>(count(random)));
    for (auto& p : points) p = {coordinate(random), coordinate(random)};
    auto g = ring_polygon(points);
    const bool valid = geos_valid(*g);
    valid_grid += valid;
    if (certainly_valid(*g)) {
      ++proved_grid;
      ASSERT_TRUE(valid) << g->exportToWkt();
    }
  }
  EXPECT_GT(proved_grid, 100);
  EXPECT_GT(valid_grid, proved_grid);  // repeated and collinear vertices are left to GEOS

  int proved_star = 0, valid_star = 0;
  for (int trial = 0; trial < 5000; ++trial) {
    std::uniform_int_distribution<int> count(3, 200);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int n = count(random);
    std::vector<std::pair<double, double>> points;
    for (int i = 0; i < n; ++i) {
      const double angle = 2 * M_PI * (i + 0.9 * unit(random)) / n;
      const double radius = 100.0 * (0.2 + unit(random));
      points.emplace_back(700000.0 + radius * std::cos(angle), 6600000.0 + radius * std::sin(angle));
    }
    if (trial % 3 == 1) {  // a vertex moved onto another vertex or into another edge
      const std::size_t a = static_cast<std::size_t>(n) / 3, b = 2 * static_cast<std::size_t>(n) / 3;
      if (n >= 6) {
        const auto& p = points[b];
        const auto& q = points[(b + 1) % points.size()];
        points[a] = trial % 2 ? p : std::make_pair(p.first + (q.first - p.first) * 0.5, p.second + (q.second - p.second) * 0.5);
      }
    }
    if (trial % 3 == 2 && n >= 6) std::swap(points[1], points[static_cast<std::size_t>(n) / 2]);  // likely crossing
    auto g = ring_polygon(points);
    const bool valid = geos_valid(*g);
    valid_star += valid;
    if (certainly_valid(*g)) {
      ++proved_star;
      ASSERT_TRUE(valid) << g->exportToWkt();
    }
  }
  EXPECT_GT(valid_star, 1000);
  EXPECT_GE(proved_star, valid_star * 9 / 10);
}

// Through read_layer, where the checks run on other threads while the layer is read, batch by
// batch: every polygon GEOS finds invalid is reported (with GEOS's reason for the first) and
// repaired, whatever the number of threads.
TEST(PolygonValidity, ReadLayerFindsEveryInvalidPolygon) {
  const auto folder = std::filesystem::temp_directory_path() / ("rs_validity_" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const std::string path = (folder / "shapes.geojson").string();
  std::vector<std::size_t> invalid;
  std::string first_reason;
  {
    std::ofstream out(path);
    out << R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < 1000; ++i) {  // several batches of ValidityCheck::kBatch
      auto g = from_wkt(kShapes[(i * 7) % kShapes.size()]);
      std::string reason;
      if (!geos_valid(*g, &reason)) {
        if (invalid.empty()) first_reason = reason;
        invalid.push_back(i);
      }
      char* json = g->exportToJson();
      out << (i ? "," : "") << R"({"type":"Feature","properties":{"code":"u)" << i << R"("},"geometry":)" << json << "}";
      CPLFree(json);
    }
    out << "]}";
  }
  ASSERT_GT(invalid.size(), 300u);
  for (int threads : {1, 2, 3}) {
    ReadOptions options;
    options.id_field = "code";
    options.threads = threads;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const Layer layer = read_layer(path, options);
    CPLPopErrorHandler();
    EXPECT_EQ(layer.invalid_geometry, invalid) << threads << " threads";
    bool reason_given = false;
    for (const auto& w : layer.warnings)
      reason_given |= w.find("first invalid geometry ('u" + std::to_string(invalid[0]) + "'): " + first_reason) !=
                      std::string::npos;
    EXPECT_TRUE(reason_given) << threads << " threads";
    for (std::size_t i : layer.invalid_geometry) {
      if (layer.geometries[i]) {
        EXPECT_TRUE(geos_valid(*layer.geometries[i]));
      }
    }
  }
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace rs::geo::polygon_validity
