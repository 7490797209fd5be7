// Reading a chosen set of attribute fields (ReadOptions::fields), a large GeoPackage read by
// several threads (geo/feature_reader), and the convex-ring shortcut of the validity check in
// both orientations (geo/layer.cpp).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include "algorithms/errors.hpp"
#include "geo/layer.hpp"

namespace rs::geo {
namespace {

const std::string kProvinces = std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg";

TEST(LayerFields, ChosenFieldsReadAsInAFullRead) {
  ReadOptions all;
  all.id_field = "name_en";
  const Layer full = read_layer(kProvinces, all);
  ReadOptions some = all;
  some.fields = std::vector<std::string>{"GDP_2011"};  // matched as field_index matches
  const Layer part = read_layer(kProvinces, some);

  ASSERT_EQ(part.size(), full.size());
  EXPECT_EQ(part.ids, full.ids);
  EXPECT_EQ(part.fids, full.fids);
  ASSERT_EQ(part.fields.size(), full.fields.size());
  for (std::size_t f = 0; f < full.fields.size(); ++f) EXPECT_EQ(part.fields[f].name, full.fields[f].name);
  const NumericColumn a = full.numeric("gdp_2011"), b = part.numeric("gdp_2011");
  ASSERT_EQ(a.values.size(), b.values.size());
  for (std::size_t i = 0; i < a.values.size(); ++i)
    EXPECT_TRUE(a.values[i] == b.values[i] || (std::isnan(a.values[i]) && std::isnan(b.values[i])));
  EXPECT_TRUE(part.has_values(part.field_index("gdp_2011")));
  for (std::size_t i = 0; i < part.size(); ++i) {
    ASSERT_TRUE(part.geometries[i] && full.geometries[i]);
    EXPECT_TRUE(part.geometries[i]->Equals(full.geometries[i].get()));
  }
  const std::string other = full.fields[0].name == "gdp_2011" ? full.fields[1].name : full.fields[0].name;
  EXPECT_FALSE(part.has_values(part.field_index(other)));
  EXPECT_THROW(part.numeric(other), std::logic_error);
  EXPECT_THROW(part.text(other), std::logic_error);
}

// A pattern (--field 'gdp_201*') reads every field it matches and no other; one that matches
// nothing reads nothing, and the command reports it as for a layer read whole.
TEST(LayerFields, PatternsReadTheFieldsTheyMatch) {
  ReadOptions options;
  options.fields = std::vector<std::string>{"gdp_201*", "no_such_*"};
  const Layer part = read_layer(kProvinces, options);
  for (const auto& f : part.fields)
    EXPECT_EQ(part.has_values(part.field_index(f.name)), f.name == "gdp_2010" || f.name == "gdp_2011") << f.name;
  EXPECT_EQ(part.numeric("gdp_2010").values.size(), part.size());
}

TEST(LayerFields, NoFieldsStillGivesIdsAndGeometries) {
  ReadOptions options;
  options.id_field = "name_en";
  const Layer full = read_layer(kProvinces, options);
  options.fields.emplace();
  const Layer bare = read_layer(kProvinces, options);
  EXPECT_EQ(bare.ids, full.ids);
  EXPECT_EQ(bare.invalid_geometry, full.invalid_geometry);
  EXPECT_EQ(bare.repaired_geometry, full.repaired_geometry);
  for (const auto& column : bare.attributes) EXPECT_TRUE(column.empty());
}

// GeoJSON's filter is evaluated by OGR on the features read: a field it names must be fetched.
TEST(LayerFields, FilterOnAFieldNotReadStillApplies) {
  ReadOptions options;
  options.id_field = "code";
  options.where = "pop > 150";
  const std::string units = std::string(REGIONSTAT_TEST_DATA) + "/units.geojson";
  const Layer full = read_layer(units, options);
  options.fields = std::vector<std::string>{"gdp"};
  const Layer part = read_layer(units, options);
  ASSERT_GT(full.size(), 0u);
  ASSERT_LT(full.size(), 4u);
  EXPECT_EQ(part.ids, full.ids);
  EXPECT_EQ(part.numeric("gdp").values, full.numeric("gdp").values);
}

TEST(LayerFields, UnknownFieldNamed) {
  ReadOptions options;
  options.fields = std::vector<std::string>{"no_such_field"};
  try {
    read_layer(kProvinces, options);
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_field"), std::string::npos) << e.what();
  }
}

// A GeoPackage of 250 x 250 squares (over the size read in parallel), with an empty geometry,
// a self-crossing one and a NULL value in the later parts: read by one thread and by three,
// the layers are the same, feature for feature.
TEST(LayerFields, LargeGeoPackageReadInPartsAsInOnePass) {
  ensure_gdal();
  const std::string path =
      (std::filesystem::temp_directory_path() / ("regionstat_parts_" + std::to_string(::getpid()) + ".gpkg")).string();
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->CreateLayer("squares", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn code("code", OFTString), value("value", OFTReal);
    ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&value), OGRERR_NONE);
    ASSERT_EQ(ds->StartTransaction(), OGRERR_NONE);
    constexpr int kSide = 250;
    for (int k = 0; k < kSide * kSide; ++k) {
      const double x = k % kSide, y = k / kSide;
      OGRFeature feature(layer->GetLayerDefn());
      feature.SetField("code", ("c" + std::to_string(k)).c_str());
      if (k == 30001) feature.SetFieldNull(1); else feature.SetField("value", x * 0.5 + y);
      OGRLinearRing ring;
      if (k == 50002) {  // a bowtie
        for (auto [px, py] : {std::pair{x, y}, {x + 1, y + 1}, {x + 1, y}, {x, y + 1}, {x, y}}) ring.addPoint(px, py);
      } else {
        for (auto [px, py] : {std::pair{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}) ring.addPoint(px, py);
      }
      OGRPolygon square;
      square.addRing(&ring);
      if (k != 50003) feature.SetGeometry(&square);
      ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    ASSERT_EQ(ds->CommitTransaction(), OGRERR_NONE);
  }
  ReadOptions options;
  options.id_field = "code";
  options.threads = 1;
  const Layer one = read_layer(path, options);
  options.threads = 3;
  const Layer parts = read_layer(path, options);
  std::filesystem::remove(path);

  ASSERT_EQ(one.size(), 62500u);
  EXPECT_EQ(parts.ids, one.ids);
  EXPECT_EQ(parts.fids, one.fids);
  EXPECT_EQ(parts.attributes, one.attributes);
  EXPECT_EQ(parts.empty_geometry, (std::vector<std::size_t>{50003}));
  EXPECT_EQ(parts.invalid_geometry, (std::vector<std::size_t>{50002}));
  EXPECT_EQ(parts.repaired_geometry, one.repaired_geometry);
  EXPECT_EQ(parts.warnings, one.warnings);
  ASSERT_EQ(parts.geometries.size(), one.geometries.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    ASSERT_EQ(!parts.geometries[i], !one.geometries[i]) << i;
    if (one.geometries[i]) {
      EXPECT_TRUE(parts.geometries[i]->Equals(one.geometries[i].get())) << i;
    }
  }
}

// Rings that turn the same way at every vertex: the shortcut takes the convex ones, either
// orientation, and leaves the ones going round twice (a star, a hexagon drawn twice) to GEOS.
TEST(LayerFields, ConvexShortcutInBothOrientations) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("regionstat_rings_" + std::to_string(::getpid()) + ".geojson"))
          .string();
  {
    std::ofstream out(path);
    auto feature = [&](const char* code, const char* ring, bool last = false) {
      out << R"({"type":"Feature","properties":{"code":")" << code
          << R"("},"geometry":{"type":"Polygon","coordinates":[)" << ring << "]}}" << (last ? "" : ",");
    };
    out << R"({"type":"FeatureCollection","features":[)";
    feature("hex_ccw", "[[2,0],[1,1.7],[-1,1.7],[-2,0],[-1,-1.7],[1,-1.7],[2,0]]");
    feature("hex_cw", "[[2,0],[1,-1.7],[-1,-1.7],[-2,0],[-1,1.7],[1,1.7],[2,0]]");
    feature("star_cw", "[[0,10],[-5.878,-8.09],[9.511,3.09],[-9.511,3.09],[5.878,-8.09],[0,10]]");
    feature("twice", "[[2,0],[1,1.7],[-1,1.7],[-2,0],[-1,-1.7],[1,-1.7],[2,0],[1,1.7],[-1,1.7],[-2,0],"
                     "[-1,-1.7],[1,-1.7],[2,0]]",
            true);
    out << "]}";
  }
  ReadOptions options;
  options.id_field = "code";
  options.repair = false;
  const Layer layer = read_layer(path, options);
  std::filesystem::remove(path);
  ASSERT_EQ(layer.size(), 4u);
  EXPECT_EQ(layer.invalid_geometry, (std::vector<std::size_t>{2, 3}));
}

}  // namespace
}  // namespace rs::geo
