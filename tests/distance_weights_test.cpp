// Distance-based weights against R spdep (tests/reference/distance_reference.R): knearneigh,
// dnearneigh with longlat = TRUE, nbdists, nb2listwdist, and libpysal's kernel definitions
// evaluated on spdep's distances.
#include "geo/distance_weights.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "algorithms/great_circle.hpp"
#include "geo/unit_points.hpp"
#include "reference_links.hpp"

namespace rs {
namespace {

using test::expect_same_links;
using test::read_csv_rows;
using test::read_links;
using test::reference_path;

geo::Layer columbus() {
  geo::ReadOptions o;
  o.id_field = "POLYID";
  return geo::read_layer(std::string(SPDATA_DIR) + "/shapes/columbus.shp", o);
}

geo::Layer baltim() {
  geo::ReadOptions o;
  o.id_field = "STATION";
  return geo::read_layer(std::string(SPDATA_DIR) + "/shapes/baltim.shp", o);
}

// The China provinces' centroids as R computed them (planar, degrees), read as a WGS84 point layer.
geo::Layer china_points() {
  geo::ReadOptions o;
  o.id_field = "id";
  o.assign_crs = "EPSG:4326";
  return geo::read_layer(reference_path("distance_china_centroids.csv"), o);
}

geo::Layer grid_points() {
  geo::ReadOptions o;
  o.id_field = "id";
  return geo::read_layer(reference_path("distance_grid_points.csv"), o);
}

double min_threshold_reference(const std::string& dataset) {
  for (const auto& row : read_csv_rows(reference_path("distance_min_threshold.csv")))
    if (row[0] == dataset) return std::stod(row[1]);
  ADD_FAILURE() << "no minimum threshold for " << dataset;
  return 0;
}

SpatialWeights build(const geo::Layer& layer, const std::string& spec) {
  return geo::distance_weights(layer, geo::parse_weights_spec(spec));
}

// Our centroids (OGR) are the points the reference used (sf/GEOS, planar).
void expect_points_match(const geo::Layer& layer, const std::string& reference) {
  geo::UnitPoints p = geo::unit_points(layer);
  auto rows = read_csv_rows(reference_path(reference));
  ASSERT_EQ(rows.size(), layer.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i][0], layer.ids[i]);
    EXPECT_NEAR(p.x[i], std::stod(rows[i][1]), 1e-9) << layer.ids[i];
    EXPECT_NEAR(p.y[i], std::stod(rows[i][2]), 1e-9) << layer.ids[i];
  }
}

TEST(DistanceWeights, ColumbusCentroidsMatchSf) { expect_points_match(columbus(), "distance_columbus_centroids.csv"); }

TEST(DistanceWeights, ChinaCentroidsMatchSf) {
  geo::ReadOptions o;
  o.id_field = "adcode";
  expect_points_match(geo::read_layer(std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg", o),
                      "distance_china_centroids.csv");
}

TEST(DistanceWeights, KnnPlanarMatchesKnearneigh) {
  geo::Layer col = columbus();
  expect_same_links(build(col, "knn:4"), read_links("distance_columbus_knn4.csv"));
  expect_same_links(build(col, "knn:6"), read_links("distance_columbus_knn6.csv"));
  expect_same_links(build(baltim(), "knn:4"), read_links("distance_baltim_knn4.csv"));
}

TEST(DistanceWeights, KnnTiesFollowSpdep) {
  // On a lattice most neighbours tie; spdep keeps the earlier unit (ours: rank by distance,
  // then layer order). By hand: unit 13 (the centre, (2,2)) with k=3 has four units at
  // distance 1 - 8 (2,1), 12 (1,2), 14 (3,2), 18 (2,3) - and keeps 8, 12, 14.
  geo::Layer grid = grid_points();
  SpatialWeights w3 = build(grid, "knn:3");
  EXPECT_EQ(w3.weight(12, 7), 1.0);
  EXPECT_EQ(w3.weight(12, 11), 1.0);
  EXPECT_EQ(w3.weight(12, 13), 1.0);
  EXPECT_EQ(w3.weight(12, 17), 0.0);
  expect_same_links(w3, read_links("distance_grid_knn3.csv"));
  expect_same_links(build(grid, "knn:5"), read_links("distance_grid_knn5.csv"));
}

TEST(DistanceWeights, KnnLongLatMatchesKnearneigh) {
  geo::Layer cn = china_points();
  ASSERT_TRUE(cn.geographic());
  expect_same_links(build(cn, "knn:4"), read_links("distance_china_knn4.csv"));
  expect_same_links(build(cn, "knn:6"), read_links("distance_china_knn6.csv"));
}

TEST(DistanceWeights, SymmetrisedKnnIsTheUnion) {
  geo::Layer cn = china_points();
  SpatialWeights w = build(cn, "knn:4");
  SpatialWeights s = build(cn, "knn:4:symmetric");
  EXPECT_TRUE(s.is_symmetric());
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t j = 0; j < w.size(); ++j)
      EXPECT_EQ(s.weight(i, j), (w.weight(i, j) > 0 || w.weight(j, i) > 0) ? 1.0 : 0.0);
}

TEST(DistanceWeights, GreatCircleMatchesNbdists) {
  // Every link of the reference kNN and band files carries spdep's nbdists distance (km).
  geo::Layer cn = china_points();
  geo::UnitPoints p = geo::unit_points(cn);
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < cn.size(); ++i) at[cn.ids[i]] = i;
  std::size_t checked = 0;
  for (const char* file : {"distance_china_knn6.csv", "distance_china_band1000.csv"})
    for (const auto& [key, km] : read_links(file)) {
      const std::size_t i = at.at(key.first), j = at.at(key.second);
      EXPECT_NEAR(great_circle_km(p.x[i], p.y[i], p.x[j], p.y[j]), km, 1e-12 * km) << key.first << " " << key.second;
      ++checked;
    }
  EXPECT_GT(checked, 400u);
  EXPECT_EQ(great_circle_km(116.4, 39.9, 116.4, 39.9), 0.0);
}

TEST(DistanceWeights, BandLongLatMatchesDnearneigh) {
  geo::Layer cn = china_points();
  expect_same_links(build(cn, "band:500km"), read_links("distance_china_band500.csv"));
  expect_same_links(build(cn, "band:1000km"), read_links("distance_china_band1000.csv"));
  // A distance in metres is converted to km for geographic layers.
  expect_same_links(build(cn, "band:1000000m"), read_links("distance_china_band1000.csv"));
  // A plain number is km on a geographic layer.
  expect_same_links(build(cn, "band:500"), read_links("distance_china_band500.csv"));
}

TEST(DistanceWeights, BandAtTheMinimumThresholdKeepsTheEdgePair) {
  // The band equal to the largest nearest-neighbour distance: its farthest pair lies exactly on
  // the edge and must be kept (d <= band), as spdep does.
  geo::Layer cn = china_points();
  const double reference = min_threshold_reference("china");
  const double ours = geo::minimum_threshold_distance(cn, geo::parse_weights_spec("knn:1"));
  EXPECT_NEAR(ours, reference, 1e-12 * reference);
  geo::WeightsSpec spec = geo::parse_weights_spec("band:1");
  spec.distance = reference;
  SpatialWeights w = geo::distance_weights(cn, spec);
  expect_same_links(w, read_links("distance_china_band_min.csv"));
  EXPECT_TRUE(w.islands().empty());
}

TEST(DistanceWeights, MinimumThresholdMatchesSpdep) {
  const geo::WeightsSpec any = geo::parse_weights_spec("knn:1");
  EXPECT_NEAR(geo::minimum_threshold_distance(columbus(), any), min_threshold_reference("columbus"), 1e-12);
  EXPECT_NEAR(geo::minimum_threshold_distance(baltim(), any), min_threshold_reference("baltim"), 1e-10);
}

TEST(DistanceWeights, BandPlanarMatchesDnearneigh) {
  expect_same_links(build(columbus(), "band:1.5"), read_links("distance_columbus_band1.5.csv"));
}

TEST(DistanceWeights, InverseDistanceMatchesNb2listwdist) {
  geo::Layer cn = china_points();
  SpatialWeights w1 = build(cn, "idw:1000km");
  EXPECT_EQ(w1.style(), WeightsStyle::Unstandardised);
  expect_same_links(w1, read_links("distance_china_idw1_1000.csv"), 1e-12, true);
  expect_same_links(build(cn, "idw:1000km:power=2"), read_links("distance_china_idw2_1000.csv"), 1e-12, true);
}

TEST(DistanceWeights, InverseDistanceWithoutBandLinksAllPairs) {
  geo::Layer col = columbus();
  SpatialWeights w = build(col, "idw");
  EXPECT_EQ(w.links(), 49u * 48u);
  // 1 / d for a pair of the 4-NN reference (whose value is spdep's distance).
  auto knn = read_links("distance_columbus_knn4.csv");
  const auto& [key, d] = *knn.begin();
  std::size_t i = 0, j = 0;
  for (std::size_t u = 0; u < col.size(); ++u) {
    if (col.ids[u] == key.first) i = u;
    if (col.ids[u] == key.second) j = u;
  }
  EXPECT_NEAR(w.weight(i, j), 1.0 / d, 1e-12 / d);
}

TEST(DistanceWeights, InverseDistanceRefusesAllPairsOnLargeLayers) {
  const std::string path = ::testing::TempDir() + "/many_points.csv";
  {
    std::ofstream out(path);
    out << "id,x,y\n";
    for (int i = 0; i < 5001; ++i) out << i << "," << (i % 100) << "," << (i / 100) << "\n";
  }
  geo::ReadOptions o;
  o.id_field = "id";
  geo::Layer many = geo::read_layer(path, o);
  try {
    build(many, "idw");
    FAIL() << "expected a refusal";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("band"), std::string::npos) << e.what();
  }
  EXPECT_EQ(build(many, "idw:distance=1.5").size(), 5001u);  // with a band it is fine
  std::remove(path.c_str());
}

TEST(DistanceWeights, KernelsMatchLibpysalDefinitions) {
  geo::Layer cn = china_points();
  for (const char* kernel : {"triangular", "uniform", "epanechnikov", "quartic", "gaussian"}) {
    SCOPED_TRACE(kernel);
    SpatialWeights w = build(cn, std::string("kernel:") + kernel + ":k=6");
    EXPECT_EQ(w.style(), WeightsStyle::Unstandardised);
    expect_same_links(w, read_links(std::string("distance_china_kernel_") + kernel + "_k6.csv"), 1e-12);
  }
  for (const char* kernel : {"triangular", "gaussian"}) {
    SCOPED_TRACE(kernel);
    expect_same_links(build(cn, std::string("kernel:") + kernel + ":bandwidth=800km"),
                      read_links(std::string("distance_china_kernel_") + kernel + "_800.csv"), 1e-12);
  }
}

TEST(DistanceWeights, KernelWithoutDiagonal) {
  geo::Layer cn = china_points();
  SpatialWeights with = build(cn, "kernel:quartic:k=6");
  SpatialWeights without = build(cn, "kernel:quartic:k=6:nodiagonal");
  EXPECT_TRUE(with.has_self_links());
  EXPECT_DOUBLE_EQ(with.weight(0, 0), 15.0 / 16.0);
  EXPECT_FALSE(without.has_self_links());
  EXPECT_EQ(without.links() + cn.size(), with.links());
}

TEST(DistanceWeights, DistanceUnitsOnProjectedLayers) {
  // NY8 is in UTM metres: 2km == 2000 (layer units) == 2000m.
  geo::Layer ny = geo::read_layer(std::string(SPDATA_DIR) + "/shapes/NY8_utm18.shp");
  SpatialWeights plain = build(ny, "band:2000");
  EXPECT_GT(plain.links(), 0u);
  expect_same_links(build(ny, "band:2km"), test::links_of(plain));
  expect_same_links(build(ny, "band:2000m"), test::links_of(plain));
  // Columbus has no CRS: a distance in km cannot be converted.
  try {
    build(columbus(), "band:2km");
    FAIL() << "expected a refusal";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("columbus.shp"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no CRS"), std::string::npos) << e.what();
  }
}

TEST(DistanceWeights, RefusesKAtLeastTheNumberOfUnits) {
  EXPECT_THROW(build(columbus(), "knn:49"), DataError);
  EXPECT_NO_THROW(build(columbus(), "knn:48"));
}

TEST(DistanceWeights, GeographicSearchCrossesTheAntimeridian) {
  // By hand: on the equator 0.2 degrees of longitude are 2 pi a 0.2 / 360 = 22.26 km (a = 6378.137
  // km; the ellipsoid formula is exact along the equator); Fiji-like points either side of 180.
  const std::string path = ::testing::TempDir() + "/antimeridian.csv";
  std::ofstream(path) << "id,lon,lat\na,179.9,0\nb,-179.9,0\nc,179.5,0\nd,-179.0,0\n";
  geo::ReadOptions o;
  o.id_field = "id";
  o.assign_crs = "EPSG:4326";
  geo::Layer layer = geo::read_layer(path, o);
  SpatialWeights w = build(layer, "knn:1");
  EXPECT_EQ(w.weight(0, 1), 1.0);  // a -> b across the seam, not a -> c (44.5 km)
  EXPECT_EQ(w.weight(1, 0), 1.0);
  EXPECT_NEAR(great_circle_km(179.9, 0, -179.9, 0), 2 * M_PI * kWgs84RadiusKm * 0.2 / 360, 1e-9);
  SpatialWeights band = build(layer, "band:23km");
  EXPECT_EQ(band.links(), 2u);
  EXPECT_EQ(band.weight(0, 1), 1.0);
  std::remove(path.c_str());
}

TEST(DistanceWeights, JoinedPointLayer) {
  // The China units with their points from a joined layer (here the centroids themselves).
  geo::Layer cn = china_points();
  geo::WeightsSpec spec = geo::parse_weights_spec("knn:4");
  spec.points = geo::PointSource::Layer;
  spec.points_layer = reference_path("distance_china_centroids.csv");
  spec.points_id = "id";
  expect_same_links(geo::distance_weights(cn, spec), read_links("distance_china_knn4.csv"));
}

}  // namespace
}  // namespace rs
