#include "algorithms/spatial_weights.hpp"

#include <gtest/gtest.h>

namespace rs {
namespace {

// A path 0-1-2 and an island 3, with one asymmetric link 2->0.
SpatialWeights small() {
  return SpatialWeights::from_lists({"a", "b", "c", "d"}, {{1}, {0, 2}, {1, 0}, {}});
}

TEST(SpatialWeights, CsrLayoutAndQueries) {
  SpatialWeights w = small();
  EXPECT_EQ(w.size(), 4u);
  EXPECT_EQ(w.links(), 5u);
  EXPECT_EQ(w.offsets(), (std::vector<std::size_t>{0, 1, 3, 5, 5}));
  EXPECT_EQ(w.indices(), (std::vector<std::size_t>{1, 0, 2, 0, 1}));  // rows sorted
  EXPECT_EQ(w.islands(), std::vector<std::size_t>{3});
  EXPECT_EQ(w.component_count(), 2u);
  EXPECT_FALSE(w.is_symmetric());
  EXPECT_TRUE(w.symmetrised().is_symmetric());
  EXPECT_EQ(w.symmetrised().links(), 6u);
}

TEST(SpatialWeights, RowStandardisationKeepsIslandsEmpty) {
  SpatialWeights w = small().row_standardised();
  EXPECT_DOUBLE_EQ(w.row_sum(0), 1.0);
  EXPECT_DOUBLE_EQ(w.row_sum(1), 1.0);
  EXPECT_DOUBLE_EQ(w.weight(1, 2), 0.5);
  EXPECT_EQ(w.row_sum(3), 0.0);
}

TEST(SpatialWeights, ConstantsByHand) {
  // Binary symmetric path a-b-c: S0 = 4, S1 = 1/2 * 4 * (1+1)^2 = 8, S2 = (2)^2 + (4)^2 + (2)^2 = 24.
  SpatialWeights w = SpatialWeights::from_lists({"a", "b", "c"}, {{1}, {0, 2}, {1}});
  EXPECT_DOUBLE_EQ(w.s0(), 4.0);
  EXPECT_DOUBLE_EQ(w.s1(), 8.0);
  EXPECT_DOUBLE_EQ(w.s2(), 24.0);
  // Asymmetric single link a->b: S1 = 1/2 * 2 * 1 = 1, S2 = 1 + 1 = 2.
  SpatialWeights a = SpatialWeights::from_lists({"a", "b"}, {{1}, {}});
  EXPECT_DOUBLE_EQ(a.s1(), 1.0);
  EXPECT_DOUBLE_EQ(a.s2(), 2.0);
}

TEST(SpatialWeights, SelfAndSubset) {
  SpatialWeights w = small().with_self();
  EXPECT_TRUE(w.has_self_links());
  EXPECT_EQ(w.neighbour_count(3), 1u);
  SpatialWeights s = small().subset({0, 1});
  EXPECT_EQ(s.size(), 2u);
  EXPECT_EQ(s.links(), 2u);
  EXPECT_EQ(s.ids()[1], "b");
}

TEST(SpatialWeights, RejectsDuplicateNeighbours) {
  EXPECT_THROW(SpatialWeights::from_lists({"a", "b"}, {{1, 1}, {0}}), std::invalid_argument);
}

}  // namespace
}  // namespace rs
