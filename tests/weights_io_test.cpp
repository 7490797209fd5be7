// GAL / GWT files: spData's files read as spdep's read.gal / read.gwt2nb read them, round trips
// of ours, and the errors for files that do not fit the layer.
#include "geo/weights_io.hpp"

#include <filesystem>
#include <fstream>
#include <functional>

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "geo/distance_weights.hpp"
#include "geo/layer.hpp"
#include "reference_links.hpp"

namespace rs {
namespace {

namespace fs = std::filesystem;
using test::expect_same_links;
using test::read_links;

std::vector<std::string> layer_ids(const std::string& shape, const std::string& id_field) {
  geo::ReadOptions o;
  o.id_field = id_field;
  return geo::read_layer(std::string(SPDATA_DIR) + "/shapes/" + shape, o).ids;
}

std::string spdata_weights(const std::string& name) { return std::string(SPDATA_DIR) + "/weights/" + name; }

// A fresh directory for one test's files.
std::string scratch(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) / ("weights_io_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

TEST(WeightsIo, ReadsSpDataGalFilesAsSpdep) {
  SpatialWeights columbus = geo::read_weights_file(spdata_weights("columbus.gal"), layer_ids("columbus.shp", "POLYID"));
  EXPECT_EQ(columbus.links(), 230u);  // spdep: sum(card(read.gal(...))) (poly2nb finds 236)
  expect_same_links(columbus, read_links("distance_gal_columbus.csv"));
  // The NC files use the FIPS codes (FIPS as text, FIPSNO as number in sids.shp).
  const auto sids = layer_ids("sids.shp", "FIPS");
  expect_same_links(geo::read_weights_file(spdata_weights("ncCC89.gal"), sids), read_links("distance_gal_ncCC89.csv"));
  expect_same_links(geo::read_weights_file(spdata_weights("ncCR85.gal"), sids), read_links("distance_gal_ncCR85.csv"));
  // FIPSNO is a Real field whose ids print as "37001.000000000000000": matched as numbers.
  SpatialWeights by_number = geo::read_weights_file(spdata_weights("ncCC89.gal"), layer_ids("sids.shp", "FIPSNO"));
  SpatialWeights by_text = geo::read_weights_file(spdata_weights("ncCC89.gal"), sids);
  EXPECT_EQ(by_number.offsets(), by_text.offsets());
  EXPECT_EQ(by_number.indices(), by_text.indices());
  // NY_nb.gal has the legacy header `281` and numbers the tracts 0..280: the Shapefile's FIDs.
  expect_same_links(geo::read_weights_file(spdata_weights("NY_nb.gal"), layer_ids("NY8_utm18.shp", "")),
                    read_links("distance_gal_NY_nb.csv"));
}

TEST(WeightsIo, ReadsSpDataGwtAsSpdep) {
  // baltk4.GWT: 4 nearest neighbours of the Baltimore stations (ids STATION), distances as weights.
  SpatialWeights w = geo::read_weights_file(spdata_weights("baltk4.GWT"), layer_ids("baltim.shp", "STATION"));
  EXPECT_EQ(w.links(), 211u * 4u);
  expect_same_links(w, read_links("distance_gwt_baltk4.csv"), 0);
}

TEST(WeightsIo, GalRoundTripWithIslands) {
  const std::string dir = scratch("gal");
  SpatialWeights w = SpatialWeights::from_lists({"10", "20", "30", "40"}, {{1, 2}, {0}, {0}, {}});
  geo::write_gal(dir + "/w.gal", w, false, "my layer", "code");
  std::ifstream in(dir + "/w.gal");
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "0 4 my_layer code");
  SpatialWeights back = geo::read_weights_file(dir + "/w.gal", {"40", "30", "20", "10"});  // other order
  EXPECT_EQ(back.links(), 4u);
  EXPECT_EQ(back.islands(), std::vector<std::size_t>{0});
  EXPECT_EQ(back.weight(3, 2), 1.0);  // 10 -> 20
  EXPECT_EQ(back.weight(1, 3), 1.0);  // 30 -> 10
}

TEST(WeightsIo, GwtRoundTripKeepsWeightsExactly) {
  const std::string dir = scratch("gwt");
  geo::ReadOptions o;
  o.id_field = "id";
  o.assign_crs = "EPSG:4326";
  geo::Layer cn = geo::read_layer(test::reference_path("distance_china_centroids.csv"), o);
  SpatialWeights w = geo::distance_weights(cn, geo::parse_weights_spec("kernel:gaussian:k=6"));  // with diagonal
  geo::write_gwt(dir + "/k.gwt", w, false, "china", "id");
  SpatialWeights back = geo::read_weights_file(dir + "/k.gwt", cn.ids);
  EXPECT_EQ(back.offsets(), w.offsets());
  EXPECT_EQ(back.indices(), w.indices());
  EXPECT_EQ(back.weights(), w.weights());
  // And the spData GAL files survive our writer.
  const auto ids = layer_ids("columbus.shp", "POLYID");
  SpatialWeights q = geo::read_weights_file(spdata_weights("columbus.gal"), ids);
  geo::write_gal(dir + "/q.gal", q, false);
  expect_same_links(geo::read_weights_file(dir + "/q.gal", ids), test::links_of(q), 0);
}

TEST(WeightsIo, RefusesToOverwriteAndWritesNothingHalf) {
  const std::string dir = scratch("overwrite");
  SpatialWeights w = SpatialWeights::from_lists({"a", "b"}, {{1}, {0}});
  geo::write_gal(dir + "/w.gal", w, false);
  // An existing file is a data error, as for every other output.
  EXPECT_THROW(geo::write_gal(dir + "/w.gal", w, false), DataError);
  EXPECT_NO_THROW(geo::write_gal(dir + "/w.gal", w, true));
  // Ids with blanks cannot be written; nothing is left behind.
  SpatialWeights bad = SpatialWeights::from_lists({"a b", "c"}, {{1}, {0}});
  EXPECT_THROW(geo::write_gwt(dir + "/bad.gwt", bad, false), DataError);
  EXPECT_FALSE(fs::exists(dir + "/bad.gwt"));
  std::size_t files = 0;
  for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1u);  // no temporary file left
}

TEST(WeightsIo, ClearErrorsForFilesThatDoNotFitTheLayer) {
  const std::string dir = scratch("errors");
  const std::vector<std::string> ids{"1", "2", "3"};
  write_text(dir + "/unknown.gal", "0 3 layer id\n1 1\n2\n2 1\n1\n7 0\n\n");
  std::string e = error_of([&] { geo::read_weights_file(dir + "/unknown.gal", ids); });
  EXPECT_NE(e.find("unknown.gal"), std::string::npos) << e;
  EXPECT_NE(e.find("'7'"), std::string::npos) << e;
  EXPECT_THROW(geo::read_weights_file(dir + "/unknown.gal", ids), DataError);

  write_text(dir + "/short.gal", "2\n1 1\n2\n2 1\n1\n");
  e = error_of([&] { geo::read_weights_file(dir + "/short.gal", ids); });
  EXPECT_NE(e.find("short.gal"), std::string::npos) << e;
  EXPECT_NE(e.find("'3'"), std::string::npos) << e;  // the unit missing from the file

  write_text(dir + "/count.gal", "0 3 layer id\n1 2\n2\n2 0\n\n3 0\n");
  e = error_of([&] { geo::read_weights_file(dir + "/count.gal", ids); });
  EXPECT_NE(e.find("announces 2 neighbours but lists 1"), std::string::npos) << e;

  write_text(dir + "/unknown.gwt", "0 3 layer id\n1 2 0.5\n2 9 1.5\n");
  e = error_of([&] { geo::read_weights_file(dir + "/unknown.gwt", ids); });
  EXPECT_NE(e.find("unknown.gwt"), std::string::npos) << e;
  EXPECT_NE(e.find("'9'"), std::string::npos) << e;

  write_text(dir + "/bad.gwt", "0 3 layer id\n1 2 heavy\n");
  EXPECT_THROW(geo::read_weights_file(dir + "/bad.gwt", ids), DataError);
  EXPECT_THROW(geo::read_weights_file(dir + "/absent.gal", ids), DataError);
  EXPECT_THROW(geo::read_weights_file(dir + "/w.txt", ids), UsageError);
}

TEST(WeightsIo, LegacyHeaderAndIslandsWithoutBlankLine) {
  const std::string dir = scratch("legacy");
  // spdep's write.nb.gal writes no neighbour line for an island? Accept both forms.
  write_text(dir + "/a.gal", "3\n1 1\n2\n2 1\n1\n3 0\n");
  SpatialWeights w = geo::read_weights_file(dir + "/a.gal", {"1", "2", "3"});
  EXPECT_EQ(w.links(), 2u);
  write_text(dir + "/b.gal", "3\n3 0\n1 1\n2\n2 1\n1\n");
  EXPECT_EQ(geo::read_weights_file(dir + "/b.gal", {"1", "2", "3"}).links(), 2u);
  write_text(dir + "/c.gal", "3\n3 0\n\n1 1\n2\n2 1\n1\n");
  EXPECT_EQ(geo::read_weights_file(dir + "/c.gal", {"1", "2", "3"}).links(), 2u);
}

}  // namespace
}  // namespace rs
