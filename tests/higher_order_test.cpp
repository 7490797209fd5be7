// Higher-order neighbours against spdep nblag / nblag_cumul on columbus queen contiguity
// (spData's columbus.gal, read with our GAL reader), and transforms against nb2listw.
#include "algorithms/higher_order.hpp"

#include <gtest/gtest.h>

#include "geo/layer.hpp"
#include "geo/weights_io.hpp"
#include "reference_links.hpp"

namespace rs {
namespace {

using test::expect_same_links;
using test::read_links;

SpatialWeights columbus_queen() {
  geo::ReadOptions o;
  o.id_field = "POLYID";
  geo::Layer layer = geo::read_layer(std::string(SPDATA_DIR) + "/shapes/columbus.shp", o);
  return geo::read_weights_file(std::string(SPDATA_DIR) + "/weights/columbus.gal", layer.ids);
}

TEST(HigherOrder, ColumbusQueenMatchesNblag) {
  SpatialWeights q = columbus_queen();
  ASSERT_EQ(q.links(), 230u);  // columbus.gal (spdep read.gal agrees; poly2nb finds 236)
  expect_same_links(higher_order(q, 1, false), test::links_of(q));
  expect_same_links(higher_order(q, 2, false), read_links("distance_columbus_queen_lag2.csv"));
  expect_same_links(higher_order(q, 3, false), read_links("distance_columbus_queen_lag3.csv"));
  expect_same_links(higher_order(q, 3, true), read_links("distance_columbus_queen_cumul3.csv"));
}

TEST(HigherOrder, PathByHand) {
  // Path a-b-c-d and an island e: order 2 links a-c and b-d; cumulative 2 adds the order-1 links.
  SpatialWeights w = SpatialWeights::from_lists({"a", "b", "c", "d", "e"}, {{1}, {0, 2}, {1, 3}, {2}, {}});
  SpatialWeights two = higher_order(w, 2, false);
  EXPECT_EQ(two.links(), 4u);
  EXPECT_EQ(two.weight(0, 2), 1.0);
  EXPECT_EQ(two.weight(1, 3), 1.0);
  EXPECT_EQ(two.weight(0, 1), 0.0);
  EXPECT_EQ(higher_order(w, 2, true).links(), 10u);
  EXPECT_EQ(higher_order(w, 3, false).links(), 2u);  // a-d
  EXPECT_EQ(higher_order(w, 4, false).links(), 0u);
  EXPECT_EQ(two.islands().size(), 1u);
}

TEST(Transforms, ColumbusQueenStylesMatchNb2listw) {
  SpatialWeights q = columbus_queen();
  expect_same_links(q.transformed(WeightsStyle::Row), read_links("distance_columbus_queen_styleW.csv"), 1e-14);
  expect_same_links(q.transformed(WeightsStyle::Binary), read_links("distance_columbus_queen_styleB.csv"), 0);
  expect_same_links(q.transformed(WeightsStyle::VarianceStabilising),
                    read_links("distance_columbus_queen_styleS.csv"), 1e-14);
  expect_same_links(q.transformed(WeightsStyle::Global), read_links("distance_columbus_queen_styleC.csv"), 1e-14);
}

TEST(Transforms, AsymmetricInverseDistanceStylesMatchNb2listw) {
  // China 6-NN with general weights 1/d (spdep's distances), styles W, S, C.
  auto knn = read_links("distance_china_knn6.csv");
  std::vector<std::string> ids;
  std::map<std::string, std::size_t> at;
  for (const auto& row : test::read_csv_rows(test::reference_path("distance_china_centroids.csv"))) {
    at[row[0]] = ids.size();
    ids.push_back(row[0]);
  }
  std::vector<std::vector<std::size_t>> lists(ids.size());
  std::vector<std::vector<double>> values(ids.size());
  for (const auto& [key, d] : knn) {
    lists[at.at(key.first)].push_back(at.at(key.second));
    values[at.at(key.first)].push_back(1.0 / d);
  }
  SpatialWeights w = SpatialWeights::from_lists(ids, lists, values, WeightsStyle::Unstandardised);
  expect_same_links(w.transformed(WeightsStyle::Row), read_links("distance_china_knn6_invdist_styleW.csv"), 1e-14);
  expect_same_links(w.transformed(WeightsStyle::VarianceStabilising),
                    read_links("distance_china_knn6_invdist_styleS.csv"), 1e-14);
  expect_same_links(w.transformed(WeightsStyle::Global), read_links("distance_china_knn6_invdist_styleC.csv"), 1e-14);
}

}  // namespace
}  // namespace rs
