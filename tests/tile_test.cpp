// Partitioned local statistics (algorithms/tile.hpp): a tile's units with a one-ring halo give,
// for its own units, exactly the whole-layer results (same bits), whatever the split.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "algorithms/local_autocorrelation.hpp"
#include "algorithms/tile.hpp"

namespace rs {
namespace {

constexpr std::size_t kSide = 23;

// Queen contiguity of a kSide x kSide lattice, binary.
SpatialWeights lattice() {
  std::vector<std::string> ids;
  std::vector<std::vector<std::size_t>> lists(kSide * kSide);
  for (std::size_t r = 0; r < kSide; ++r)
    for (std::size_t c = 0; c < kSide; ++c) {
      ids.push_back(std::to_string(r * kSide + c));
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          const long rr = static_cast<long>(r) + dr, cc = static_cast<long>(c) + dc;
          if ((dr || dc) && rr >= 0 && cc >= 0 && rr < static_cast<long>(kSide) && cc < static_cast<long>(kSide))
            lists[r * kSide + c].push_back(static_cast<std::size_t>(rr) * kSide + static_cast<std::size_t>(cc));
        }
    }
  return SpatialWeights::from_lists(ids, lists);
}

std::vector<double> values() {
  std::vector<double> x;
  for (std::size_t i = 0; i < kSide * kSide; ++i)
    x.push_back(std::sin(static_cast<double>(i % kSide) / 4.0) + std::cos(static_cast<double>(i / kSide) / 5.0) +
                0.3 * std::sin(static_cast<double>(i) * 12.9898));
  return x;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void expect_same(const std::vector<double>& whole, const std::vector<double>& tile, const Tile& t,
                 const char* what) {
  ASSERT_EQ(tile.size(), t.rows.size()) << what;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::size_t i = t.units[t.rows[r]];
    EXPECT_TRUE(same_bits(whole[i], tile[r])) << what << " unit " << i << ": " << whole[i] << " vs " << tile[r];
  }
}

void expect_same(const LocalResult& whole, const LocalResult& tile, const Tile& t) {
  expect_same(whole.statistic, tile.statistic, t, "statistic");
  expect_same(whole.expected, tile.expected, t, "expected");
  expect_same(whole.variance, tile.variance, t, "variance");
  expect_same(whole.z, tile.z, t, "z");
  expect_same(whole.p_analytical, tile.p_analytical, t, "p_analytical");
  expect_same(whole.p_permutation, tile.p_permutation, t, "p_permutation");
  expect_same(whole.z_permutation, tile.z_permutation, t, "z_permutation");
  expect_same(whole.standardised, tile.standardised, t, "standardised");
  expect_same(whole.lag, tile.lag, t, "lag");
  expect_same(whole.g_value, tile.g_value, t, "g_value");
  for (std::size_t r = 0; r < t.rows.size(); ++r) EXPECT_EQ(whole.neighbours[t.units[t.rows[r]]], tile.neighbours[r]);
}

// The tiles: blocks of rows x columns of the lattice; a tile's local units are its block and the
// ring around it, in layer order.
std::vector<Tile> tiles(std::size_t block) {
  std::vector<Tile> out;
  for (std::size_t r0 = 0; r0 < kSide; r0 += block)
    for (std::size_t c0 = 0; c0 < kSide; c0 += block) {
      Tile t;
      t.layer_units = kSide * kSide;
      for (std::size_t r = 0; r < kSide; ++r)
        for (std::size_t c = 0; c < kSide; ++c) {
          const bool own = r >= r0 && r < r0 + block && c >= c0 && c < c0 + block;
          const bool halo = r + 1 >= r0 && r <= r0 + block && c + 1 >= c0 && c <= c0 + block;
          if (!own && !halo) continue;
          if (own) t.rows.push_back(t.units.size());
          t.units.push_back(r * kSide + c);
        }
      out.push_back(t);
    }
  return out;
}

PermutationOptions permutations() {
  PermutationOptions o;
  o.permutations = 199;
  o.seed = 42;
  o.threads = 2;
  return o;
}

TEST(Tile, LocalMoranEqualsTheWholeLayerBitForBit) {
  const SpatialWeights binary = lattice();
  const std::vector<double> x = values();
  for (bool n_minus_one : {true, false}) {
    const LocalResult whole = local_moran(x, binary.row_standardised(), permutations(), silent_feedback(), n_minus_one);
    const std::vector<double> z = local_standardised(x, n_minus_one, "test");
    std::size_t covered = 0;
    for (const Tile& t : tiles(7)) {
      const SpatialWeights w = binary.subset(t.units).row_standardised();
      const LocalResult r = local_moran_tile(z, w, t, permutations(), silent_feedback(), n_minus_one);
      expect_same(whole, r, t);
      covered += t.rows.size();
    }
    EXPECT_EQ(covered, binary.size());
  }
}

TEST(Tile, GetisOrdEqualsTheWholeLayerBitForBit) {
  const SpatialWeights binary = lattice();
  const std::vector<double> x = values();
  const std::vector<double> z = local_standardised(x, true, "test");
  for (bool star : {true, false}) {
    auto weights = [&](const SpatialWeights& w) { return star ? w.with_self(1.0).row_standardised() : w.row_standardised(); };
    const LocalResult whole = local_g(x, weights(binary), star, permutations());
    for (const Tile& t : tiles(5)) {
      const LocalResult r = local_g_tile(x, z, weights(binary.subset(t.units)), star, t, permutations());
      expect_same(whole, r, t);
    }
  }
}

// Without its halo a tile's border units lose neighbours: the results differ, which is what the
// halo is for (and shows the comparison above can fail).
TEST(Tile, WithoutTheHaloBorderUnitsDiffer) {
  const SpatialWeights binary = lattice();
  const std::vector<double> x = values();
  const LocalResult whole = local_moran(x, binary.row_standardised(), permutations());
  const std::vector<double> z = local_standardised(x, true, "test");
  Tile t;
  t.layer_units = binary.size();
  for (std::size_t i = 0; i < 5 * kSide; ++i) {  // the first five rows, no halo
    t.units.push_back(i);
    t.rows.push_back(i);
  }
  const LocalResult r = local_moran_tile(z, binary.subset(t.units).row_standardised(), t, permutations());
  const std::size_t border = 4 * kSide + 10;
  EXPECT_FALSE(same_bits(whole.statistic[border], r.statistic[border]));
  EXPECT_EQ(r.neighbours[border], 5);
  EXPECT_EQ(whole.neighbours[border], 8);
  EXPECT_TRUE(same_bits(whole.statistic[kSide + 10], r.statistic[kSide + 10]));
}

TEST(Tile, RefusesLocalUnitsOutOfLayerOrder) {
  const SpatialWeights binary = lattice();
  const std::vector<double> z = local_standardised(values(), true, "test");
  Tile t;
  t.layer_units = binary.size();
  t.units = {5, 3, 4};
  EXPECT_THROW(local_moran_tile(z, binary.subset({3, 4, 5}).row_standardised(), t, permutations()),
               std::invalid_argument);
}

}  // namespace
}  // namespace rs
