// Layers in and out: what read_layer and write_layer promise, on the fixtures of tests/data
// (made by tests/data/make_fixtures.sh, which says what each holds).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gdal_priv.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include "algorithms/errors.hpp"
#include "geo/layer.hpp"
#include "geo/layer_writer.hpp"

namespace fs = std::filesystem;
using ::testing::HasSubstr;

namespace rs::geo {
namespace {

std::string fixture(const std::string& name) { return std::string(REGIONSTAT_TEST_DATA) + "/" + name; }

const std::vector<std::string> kNames{"北京", "天津", "内蒙古", "黑龙江"};

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

std::string text_at(const Layer& layer, const std::string& field, std::size_t i) {
  auto v = layer.text(field)[i];
  return v ? *v : "<NULL>";
}

const FieldInfo& field_info(const Layer& layer, const std::string& name) {
  return layer.fields[layer.field_index(name)];
}

// The message of the exception `f` throws as E (fails the test if it throws nothing or else).
template <typename E, typename F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception";
  return "";
}

// A fresh folder per test, removed afterwards.
class LayerIo : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("regionstat-layer-io-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string out(const std::string& name) const { return (dir_ / name).string(); }
  std::set<std::string> listing() const {
    std::set<std::string> names;
    for (auto& e : fs::directory_iterator(dir_)) names.insert(e.path().filename().string());
    return names;
  }
  fs::path dir_;
};

// The typed fixture grid, read with ids from `code`.
Layer units(const std::string& file = "units.geojson", ReadOptions options = {}) {
  options.id_field = "code";
  return read_layer(file.front() == '/' ? file : fixture(file), options);
}

void expect_units(const Layer& layer) {
  ASSERT_EQ(layer.size(), 4u);
  EXPECT_EQ(layer.ids, (std::vector<std::string>{"A1", "A2", "B1", "B2"}));
  EXPECT_EQ(layer.kind, GeometryKind::Polygon);
  EXPECT_TRUE(layer.geographic());
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(text_at(layer, "name", i), kNames[i]) << layer.path;
    ASSERT_TRUE(layer.geometries[i]);
    EXPECT_DOUBLE_EQ(layer.geometries[i]->toPolygon() ? layer.geometries[i]->toPolygon()->get_Area()
                                                      : layer.geometries[i]->toMultiPolygon()->get_Area(),
                     1.0);
  }
  NumericColumn gdp = layer.numeric("gdp");
  EXPECT_EQ(gdp.values, (std::vector<double>{1.5, 2.25, -3.125, 4.0}));
  NumericColumn pop = layer.numeric("pop");
  EXPECT_EQ(pop.null_count, 1u);
  EXPECT_EQ(pop.values[2], 300.0);
  EXPECT_TRUE(std::isnan(pop.values[3]));
  EXPECT_TRUE(layer.warnings.empty());
}

// --- reading ---------------------------------------------------------------------------------

TEST_F(LayerIo, GeoJsonKeepsTypesAndUtf8) {
  Layer layer = units();
  expect_units(layer);
  EXPECT_EQ(layer.driver, "GeoJSON");
  EXPECT_EQ(field_info(layer, "code").type, "String");
  EXPECT_EQ(field_info(layer, "pop").type, "Integer");
  EXPECT_EQ(field_info(layer, "big").type, "Integer64");
  EXPECT_EQ(field_info(layer, "gdp").type, "Real");
  EXPECT_EQ(field_info(layer, "founded").type, "Date");
  EXPECT_TRUE(field_info(layer, "big").numeric);
  EXPECT_FALSE(field_info(layer, "founded").numeric);
  EXPECT_EQ(layer.numeric("big").values[0], 5000000001.0);
  EXPECT_EQ(text_at(layer, "founded", 1), "2002/03/04");
  EXPECT_EQ(text_at(layer, "label", 3), "丁");
}

TEST_F(LayerIo, DefaultIdsAreFeatureIds) {
  Layer layer = read_layer(fixture("units.geojson"));
  EXPECT_EQ(layer.ids, (std::vector<std::string>{"0", "1", "2", "3"}));
}

TEST_F(LayerIo, GeoPackageLayerChosenByName) {
  EXPECT_EQ(list_layers(fixture("two_layers.gpkg")), (std::vector<std::string>{"units", "capitals"}));
  Layer first = units("two_layers.gpkg");
  EXPECT_EQ(first.layer_name, "units");
  expect_units(first);
  EXPECT_EQ(field_info(first, "founded").type, "Date");

  ReadOptions options;
  options.layer = "capitals";
  Layer capitals = read_layer(fixture("two_layers.gpkg"), options);
  EXPECT_EQ(capitals.layer_name, "capitals");
  EXPECT_EQ(capitals.kind, GeometryKind::Point);
  ASSERT_EQ(capitals.size(), 3u);
  EXPECT_EQ(text_at(capitals, "name", 1), "上海");
  EXPECT_DOUBLE_EQ(capitals.geometries[2]->toPoint()->getX(), 113.25);

  options.layer = "provinces";
  std::string msg = message_of<DataError>([&] { read_layer(fixture("two_layers.gpkg"), options); });
  EXPECT_THAT(msg, HasSubstr("no layer 'provinces'"));
  EXPECT_THAT(msg, HasSubstr("units, capitals"));
}

TEST_F(LayerIo, ShapefileWithCpgIsUtf8) {
  Layer layer = units("units_utf8.shp");
  EXPECT_EQ(layer.driver, "ESRI Shapefile");
  expect_units(layer);
  EXPECT_EQ(field_info(layer, "big").type, "Integer64");
  EXPECT_EQ(field_info(layer, "founded").type, "Date");
}

TEST_F(LayerIo, GbkShapefileWithoutCpgNeedsTheEncoding) {
  ASSERT_FALSE(fs::exists(fixture("units_gbk.cpg")));
  ReadOptions gbk;
  gbk.encoding = "GBK";
  expect_units(units("units_gbk.shp", gbk));
  // Without the encoding GDAL takes the bytes as ISO-8859-1: the names come out garbled.
  Layer guessed = units("units_gbk.shp");
  EXPECT_NE(text_at(guessed, "name", 0), "北京");
}

TEST_F(LayerIo, TextThatIsNotUtf8GetsTheEncodingHint) {
  Layer guessed = units("units_gbk.shp");
  ASSERT_EQ(guessed.warnings.size(), 1u);
  EXPECT_NE(guessed.warnings[0].find("not valid UTF-8; if it is Chinese, try --encoding GBK"), std::string::npos)
      << guessed.warnings[0];
}

TEST_F(LayerIo, UnknownEncodingIsAnError) {
  ReadOptions options;
  options.encoding = "GBX";
  const std::string message = message_of<rs::UsageError>([&] { units("units_gbk.shp", options); });
  EXPECT_NE(message.find("unknown encoding 'GBX'"), std::string::npos) << message;
}

TEST_F(LayerIo, TruncatedShapefileIsADataErrorNamingTheFile) {
  // The last feature's bytes cut off: GDAL reports a read failure, which must not pass.
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
    fs::copy_file(fixture(std::string("units_utf8") + ext), out(std::string("cut") + ext));
  fs::resize_file(out("cut.shp"), fs::file_size(out("cut.shp")) - 40);
  const std::string message = message_of<rs::DataError>([&] { units(out("cut.shp")); });
  EXPECT_NE(message.find("cannot read '" + out("cut.shp") + "'"), std::string::npos) << message;
  EXPECT_NE(message.find("truncated or damaged"), std::string::npos) << message;
}

TEST_F(LayerIo, CsvWithLonLatColumns) {
  ReadOptions options;
  options.assign_crs = "EPSG:4326";
  options.id_field = "name";
  Layer layer = read_layer(fixture("capitals.csv"), options);
  EXPECT_EQ(layer.driver, "CSV");
  EXPECT_EQ(layer.kind, GeometryKind::Point);
  EXPECT_TRUE(layer.geographic());
  EXPECT_EQ(layer.ids, (std::vector<std::string>{"北京", "上海", "广州"}));
  EXPECT_TRUE(field_info(layer, "pop").numeric);
  EXPECT_EQ(layer.numeric("pop").values[1], 15017783.0);
  ASSERT_TRUE(layer.geometries[0]);
  EXPECT_DOUBLE_EQ(layer.geometries[0]->toPoint()->getX(), 116.40);
  EXPECT_DOUBLE_EQ(layer.geometries[0]->toPoint()->getY(), 39.93);
}

TEST_F(LayerIo, GzippedGeoJsonThroughVsigzip) {
  ReadOptions options;
  options.id_field = "code";
  Layer zipped = read_layer("/vsigzip/" + fixture("units.geojson.gz"), options);
  EXPECT_EQ(zipped.driver, "GeoJSON");
  expect_units(zipped);
}

TEST_F(LayerIo, MissingFileNamesThePath) {
  for (auto* reader : {+[](const std::string& p) { read_layer(p); },
                       +[](const std::string& p) { list_layers(p); }}) {
    std::string msg = message_of<DataError>([&] { reader(out("nowhere.gpkg")); });
    EXPECT_THAT(msg, HasSubstr(out("nowhere.gpkg") + "': no such file or directory"));
  }
  // A file GDAL cannot read: named, with GDAL's reason.
  std::ofstream(out("notes.txt")) << "not a layer\n";
  EXPECT_THAT(message_of<DataError>([&] { read_layer(out("notes.txt")); }), HasSubstr(out("notes.txt")));
}

TEST_F(LayerIo, UnknownIdFieldNamesIt) {
  ReadOptions options;
  options.id_field = "adcode";
  std::string msg = message_of<DataError>([&] { read_layer(fixture("units.geojson"), options); });
  EXPECT_THAT(msg, HasSubstr("'adcode'"));
  EXPECT_THAT(msg, HasSubstr("code, name"));
}

TEST_F(LayerIo, DuplicateIdsAreNamed) {
  ReadOptions options;
  options.id_field = "dup";
  std::string msg = message_of<DataError>([&] { read_layer(fixture("units.geojson"), options); });
  EXPECT_THAT(msg, HasSubstr("'dup'"));
  EXPECT_THAT(msg, HasSubstr("duplicate values 'x'"));
}

TEST_F(LayerIo, EmptyIdsAreNamed) {
  ReadOptions options;
  options.id_field = "blank";
  // Feature 1 has an empty string, feature 2 a NULL.
  std::string msg = message_of<DataError>([&] { read_layer(fixture("units.geojson"), options); });
  EXPECT_THAT(msg, HasSubstr("'blank' is empty for 'feature 1', 'feature 2'"));
}

TEST_F(LayerIo, InvalidGeometryRepairedEmptyExcluded) {
  ReadOptions options;
  options.id_field = "code";
  Layer layer = read_layer(fixture("geometry_problems.geojson"), options);
  ASSERT_EQ(layer.ids, (std::vector<std::string>{"ok", "bowtie", "null", "empty", "flat"}));
  EXPECT_EQ(layer.empty_geometry, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(layer.invalid_geometry, (std::vector<std::size_t>{1, 4}));
  EXPECT_EQ(layer.repaired_geometry, (std::vector<std::size_t>{1}));
  // The bow-tie (1,0)-(3,2)-(3,0)-(1,2) becomes its two triangles, each of area 1.
  ASSERT_TRUE(layer.geometries[1]);
  EXPECT_TRUE(layer.geometries[1]->IsValid());
  ASSERT_EQ(wkbFlatten(layer.geometries[1]->getGeometryType()), wkbMultiPolygon);
  EXPECT_EQ(layer.geometries[1]->toMultiPolygon()->getNumGeometries(), 2);
  EXPECT_DOUBLE_EQ(layer.geometries[1]->toMultiPolygon()->get_Area(), 2.0);
  // A zero-area ring has no polygonal part left: excluded, not a crash.
  EXPECT_FALSE(layer.geometries[4]);
  EXPECT_FALSE(layer.geometries[2]);
  EXPECT_FALSE(layer.geometries[3]);
  ASSERT_EQ(layer.warnings.size(), 4u);
  EXPECT_THAT(layer.warnings[0], HasSubstr("2 feature(s) with empty geometry excluded: 'null', 'empty'"));
  EXPECT_THAT(layer.warnings[1], HasSubstr("1 invalid geometry(ies) repaired: 'bowtie'"));
  EXPECT_THAT(layer.warnings[2], HasSubstr("1 invalid geometry(ies) excluded: 'flat'"));
  EXPECT_THAT(layer.warnings[3], HasSubstr("('bowtie'): Self-intersection at or near point 2 1"));

  options.repair = false;
  Layer strict = read_layer(fixture("geometry_problems.geojson"), options);
  EXPECT_FALSE(strict.geometries[1]);
  EXPECT_TRUE(strict.repaired_geometry.empty());
}

// Convex and other simple rings skip GEOS (geo/polygon_validity.cpp): a pentagram turns the
// same way at every vertex yet crosses itself, and must still be found invalid; a collinear
// vertex is valid (GEOS decides).
TEST_F(LayerIo, ConvexShortcutStillFindsSelfCrossingRings) {
  std::ofstream(out("shapes.geojson"))
      << R"({"type":"FeatureCollection","features":[)"
      << R"({"type":"Feature","properties":{"code":"square"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},)"
      << R"({"type":"Feature","properties":{"code":"star"},"geometry":{"type":"Polygon","coordinates":[[[0,10],[5.878,-8.09],[-9.511,3.09],[9.511,3.09],[-5.878,-8.09],[0,10]]]}},)"
      << R"({"type":"Feature","properties":{"code":"collinear"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[2,0],[2,2],[0,2],[0,0]]]}},)"
      << R"({"type":"Feature","properties":{"code":"hexagon"},"geometry":{"type":"MultiPolygon","coordinates":[[[[2,0],[1,1.7320508075688772],[-1,1.7320508075688772],[-2,0],[-1,-1.7320508075688772],[1,-1.7320508075688772],[2,0]]]]}},)"
      << R"({"type":"Feature","properties":{"code":"clockwise"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}})"
      << "]}";
  ReadOptions options;
  options.id_field = "code";
  options.repair = false;
  for (int threads : {1, 3}) {
    options.threads = threads;
    Layer layer = read_layer(out("shapes.geojson"), options);
    EXPECT_EQ(layer.invalid_geometry, std::vector<std::size_t>{1});
    EXPECT_FALSE(layer.geometries[1]);
    EXPECT_TRUE(layer.geometries[0] && layer.geometries[2] && layer.geometries[3] && layer.geometries[4]);
  }
}

TEST_F(LayerIo, TextFieldAskedAsNumberIsAClearError) {
  Layer layer = units();
  std::string msg = message_of<DataError>([&] { layer.numeric("label"); });
  EXPECT_THAT(msg, HasSubstr("field 'label'"));
  EXPECT_THAT(msg, HasSubstr("not numeric"));
  EXPECT_THAT(msg, HasSubstr("'甲'"));
  EXPECT_THAT(message_of<DataError>([&] { layer.numeric("gdp2011"); }), HasSubstr("no field 'gdp2011'"));
}

TEST_F(LayerIo, NullsAndNonNumericTextAreCounted) {
  NumericColumn mixed = units().numeric("mixed");
  EXPECT_EQ(mixed.values[0], 1.5);
  EXPECT_TRUE(std::isnan(mixed.values[1]));
  EXPECT_TRUE(std::isnan(mixed.values[2]));
  EXPECT_EQ(mixed.values[3], 4.0);
  EXPECT_EQ(mixed.null_count, 1u);
  EXPECT_EQ(mixed.text_count, 1u);
  EXPECT_EQ(mixed.missing(), 2u);
  EXPECT_EQ(mixed.first_bad_text, "n/a");
}

// --- writing ---------------------------------------------------------------------------------

std::vector<OutputColumn> result_columns() {
  return {OutputColumn::real("score", {0.5, NAN, -1.25, 1e-12}),
          OutputColumn::integer("rank", {1, 2, std::nullopt, 4}),
          OutputColumn::text("类别", {std::string("高-高"), std::nullopt, std::string("低-低"), std::string("不显著")})};
}

// `schema`: false for GeoJSON, which stores no field types (GDAL infers Integer from the values).
void expect_round_trip(const std::string& path, const std::string& category_field, bool schema = true) {
  SCOPED_TRACE(path);
  Layer back = units(path);  // reads with ids from `code`
  expect_units(back);
  EXPECT_EQ(field_info(back, "pop").type, "Integer");
  EXPECT_EQ(field_info(back, "gdp").type, "Real");
  EXPECT_EQ(field_info(back, "big").type, "Integer64");
  EXPECT_EQ(field_info(back, "founded").type, "Date");
  EXPECT_EQ(text_at(back, "founded", 0), "2001/02/03");
  EXPECT_EQ(back.numeric("big").values[3], 5000000004.0);
  EXPECT_EQ(field_info(back, "score").type, "Real");
  EXPECT_EQ(field_info(back, "rank").type, schema ? "Integer64" : "Integer");
  EXPECT_EQ(field_info(back, category_field).type, "String");
  NumericColumn score = back.numeric("score");
  EXPECT_EQ(score.values[0], 0.5);
  EXPECT_TRUE(std::isnan(score.values[1]));
  EXPECT_EQ(score.values[2], -1.25);
  EXPECT_EQ(score.values[3], 1e-12);
  NumericColumn rank = back.numeric("rank");
  EXPECT_EQ(rank.values[3], 4.0);
  EXPECT_EQ(rank.null_count, 1u);
  EXPECT_EQ(text_at(back, category_field, 0), "高-高");
  EXPECT_EQ(text_at(back, category_field, 2), "低-低");
  EXPECT_EQ(text_at(back, category_field, 3), "不显著");
}

TEST_F(LayerIo, Utf8RoundTripToGeoPackage) {
  WriteReport r = write_layer(units(), out("result.gpkg"), result_columns(), {});
  EXPECT_EQ(r.driver, "GPKG");
  EXPECT_EQ(r.layer_name, "result");
  EXPECT_EQ(r.features, 4u);
  EXPECT_TRUE(r.renamed_fields.empty());
  expect_round_trip(out("result.gpkg"), "类别");
  // A score column of NaN is NULL in the file, not a NaN value.
  EXPECT_EQ(units(out("result.gpkg")).numeric("score").null_count, 1u);
}

TEST_F(LayerIo, Utf8RoundTripToShapefile) {
  WriteReport r = write_layer(units(), out("result.shp"), result_columns(), {});
  EXPECT_EQ(r.driver, "ESRI Shapefile");
  EXPECT_TRUE(r.renamed_fields.empty());  // 类别 is 6 bytes
  EXPECT_EQ(read_bytes(out("result.cpg")), "UTF-8");
  expect_round_trip(out("result.shp"), "类别");
}

TEST_F(LayerIo, Utf8RoundTripToGeoJson) {
  WriteReport r = write_layer(units(), out("result.geojson"), result_columns(), {});
  EXPECT_EQ(r.driver, "GeoJSON");
  expect_round_trip(out("result.geojson"), "类别", false);
}

TEST_F(LayerIo, GbkShapefileWrittenAsUtf8) {
  ReadOptions gbk;
  gbk.encoding = "GBK";
  write_layer(units("units_gbk.shp", gbk), out("from_gbk.gpkg"), {}, {});
  expect_units(units(out("from_gbk.gpkg")));
}

TEST_F(LayerIo, RepairedGeometriesAreWrittenAndEmptyOnesKeptAsRows) {
  ReadOptions options;
  options.id_field = "code";
  Layer layer = read_layer(fixture("geometry_problems.geojson"), options);
  write_layer(layer, out("problems.gpkg"), {OutputColumn::real("v", {1, 2, 3, 4, 5})}, {});
  Layer back = read_layer(out("problems.gpkg"), options);
  ASSERT_EQ(back.size(), 5u);  // every source row is kept, in order
  // The repaired bow-tie is written repaired; the unrepairable ring as it was in the source.
  EXPECT_EQ(back.invalid_geometry, std::vector<std::size_t>{4});
  EXPECT_EQ(back.empty_geometry, (std::vector<std::size_t>{2, 3}));
  ASSERT_TRUE(back.geometries[1]);
  EXPECT_DOUBLE_EQ(back.geometries[1]->toMultiPolygon()->get_Area(), 2.0);
  EXPECT_EQ(back.numeric("v").values[4], 5.0);
}

TEST_F(LayerIo, ExistingOutputRefusedAndUntouched) {
  write_layer(units(), out("result.gpkg"), result_columns(), {});
  const std::string before = read_bytes(out("result.gpkg"));
  std::string msg = message_of<DataError>(
      [&] { write_layer(units(), out("result.gpkg"), {OutputColumn::real("other", {1, 2, 3, 4})}, {}); });
  EXPECT_THAT(msg, HasSubstr(out("result.gpkg")));
  EXPECT_THAT(msg, HasSubstr("--overwrite"));
  EXPECT_EQ(read_bytes(out("result.gpkg")), before);
  EXPECT_EQ(listing(), (std::set<std::string>{"result.gpkg"}));

  WriteOptions overwrite;
  overwrite.overwrite = true;
  write_layer(units(), out("result.gpkg"), {OutputColumn::real("other", {1, 2, 3, 4})}, overwrite);
  Layer back = units(out("result.gpkg"));
  EXPECT_TRUE(back.has_field("other"));
  EXPECT_FALSE(back.has_field("score"));
  EXPECT_EQ(listing(), (std::set<std::string>{"result.gpkg"}));
}

TEST_F(LayerIo, OverwritingAShapefileReplacesItsCompanions) {
  WriteOptions styled;
  styled.style_qml = "<qgis/>";
  write_layer(units(), out("r.shp"), {}, styled);
  EXPECT_TRUE(fs::exists(out("r.qml")));
  WriteOptions overwrite;
  overwrite.overwrite = true;
  write_layer(units(), out("r.shp"), {OutputColumn::real("v", {1, 2, 3, 4})}, overwrite);
  EXPECT_FALSE(fs::exists(out("r.qml")));  // the old style would not fit the new file
  EXPECT_TRUE(units(out("r.shp")).has_field("v"));
}

TEST_F(LayerIo, InputIsNeverTheOutput) {
  fs::copy_file(fixture("units.geojson"), out("in.geojson"));
  const std::string before = read_bytes(out("in.geojson"));
  Layer layer = units(out("in.geojson"));
  WriteOptions overwrite;
  overwrite.overwrite = true;
  for (const std::string& same : {out("in.geojson"), (dir_ / "." / "in.geojson").string()}) {
    std::string msg = message_of<UsageError>([&] { write_layer(layer, same, {}, overwrite); });
    EXPECT_THAT(msg, HasSubstr("is the input layer"));
  }
  EXPECT_EQ(read_bytes(out("in.geojson")), before);
  EXPECT_EQ(listing(), (std::set<std::string>{"in.geojson"}));
}

TEST_F(LayerIo, FailedWriteLeavesNoFiles) {
  // A result column named like an input field fails after the staging folder was made.
  for (const char* name : {"clash.gpkg", "clash.shp", "clash.geojson"}) {
    std::string msg = message_of<DataError>(
        [&] { write_layer(units(), out(name), {OutputColumn::real("gdp", {1, 2, 3, 4})}, {}); });
    EXPECT_THAT(msg, HasSubstr("already has a field 'gdp'")) << name;
    EXPECT_TRUE(listing().empty()) << name;
  }
  // A folder that does not exist.
  std::string msg = message_of<DataError>([&] { write_layer(units(), out("no/such/r.gpkg"), {}, {}); });
  EXPECT_THAT(msg, HasSubstr("does not exist"));
  // An unknown format.
  EXPECT_THAT(message_of<UsageError>([&] { write_layer(units(), out("r.xyz"), {}, {}); }),
              HasSubstr("r.xyz"));
  EXPECT_TRUE(listing().empty());
}

TEST_F(LayerIo, FormatOptionOverridesTheExtension) {
  WriteOptions options;
  options.format = "GPKG";
  WriteReport r = write_layer(units(), out("result.dat"), result_columns(), options);
  EXPECT_EQ(r.driver, "GPKG");
  expect_round_trip(out("result.dat"), "类别");
}

TEST_F(LayerIo, ShapefileFieldNamesShortenedUniquelyAndReported) {
  std::vector<OutputColumn> columns{OutputColumn::real("local_moran_i", {1, 2, 3, 4}),
                                    OutputColumn::real("local_moran_p", {5, 6, 7, 8}),
                                    OutputColumn::real("local_moran_z", {9, 10, 11, 12})};
  WriteReport r = write_layer(units(), out("lisa.shp"), columns, {});
  ASSERT_EQ(r.renamed_fields.size(), 3u);
  std::set<std::string> written;
  for (auto& [requested, name] : r.renamed_fields) {
    EXPECT_LE(name.size(), 10u) << name;
    EXPECT_EQ(name.substr(0, 5), "local");
    written.insert(name);
  }
  EXPECT_EQ(written.size(), 3u);
  Layer back = units(out("lisa.shp"));
  EXPECT_EQ(back.numeric(r.renamed_fields.at("local_moran_i")).values[0], 1.0);
  EXPECT_EQ(back.numeric(r.renamed_fields.at("local_moran_p")).values[0], 5.0);
  EXPECT_EQ(back.numeric(r.renamed_fields.at("local_moran_z")).values[0], 9.0);

  // Long input field names (from a GeoPackage) are shortened too, and reported.
  write_layer(units(), out("long.gpkg"), columns, {});
  WriteReport copied = write_layer(units(out("long.gpkg")), out("copy.shp"), {}, {});
  EXPECT_EQ(copied.renamed_fields.size(), 3u);
  Layer copy = units(out("copy.shp"));
  EXPECT_EQ(copy.numeric(copied.renamed_fields.at("local_moran_z")).values[3], 12.0);
}

TEST(ShapefileFieldNames, UniqueUtf8SafeAndCaseInsensitive) {
  auto names = shapefile_field_names({"gdp", "POP"}, {"short", "abcdefghijkl", "abcdefghijXY",
                                                      "名称结果字段", "pop_share_2011", "pop"});
  ASSERT_EQ(names.size(), 6u);
  EXPECT_EQ(names[0], "short");
  EXPECT_EQ(names[1], "abcdefghij");
  EXPECT_EQ(names[2], "abcdefgh_1");
  EXPECT_EQ(names[3], "名称结");  // 9 bytes: a 3-byte character never split
  EXPECT_EQ(names[4], "pop_share_");
  EXPECT_NE(names[5], "pop");  // dBase names are case-insensitive: "POP" is taken
  EXPECT_LE(names[5].size(), 10u);
  std::set<std::string> upper;
  for (auto n : names) {
    for (auto& c : n) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    upper.insert(n);
  }
  EXPECT_EQ(upper.size(), 6u);
  // Numbered names of multi-byte names stay valid UTF-8.
  auto cjk = shapefile_field_names({}, {"名称结果一", "名称结果二"});
  EXPECT_EQ(cjk[0], "名称结");
  EXPECT_EQ(cjk[1], "名称_1");
}

TEST_F(LayerIo, GeoPackageStyleInLayerStyles) {
  WriteOptions options;
  options.style_qml = "<!DOCTYPE qgis><qgis version=\"3.22\"><renderer-v2 type=\"singleSymbol\"/></qgis>";
  options.style_name = "LISA clusters";
  write_layer(units(), out("styled.gpkg"), result_columns(), options);

  GDALDatasetUniquePtr ds(GDALDataset::Open(out("styled.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  OGRLayer* styles = ds->GetLayerByName("layer_styles");
  ASSERT_NE(styles, nullptr);
  ASSERT_EQ(styles->GetFeatureCount(), 1);
  std::unique_ptr<OGRFeature> row(styles->GetNextFeature());
  EXPECT_STREQ(row->GetFieldAsString("f_table_name"), "styled");
  EXPECT_STREQ(row->GetFieldAsString("f_geometry_column"), "geom");
  EXPECT_STREQ(row->GetFieldAsString("styleName"), "LISA clusters");
  EXPECT_EQ(std::string(row->GetFieldAsString("styleQML")), options.style_qml);
  EXPECT_EQ(row->GetFieldAsInteger("useAsDefault"), 1);
  // The data layer itself is unchanged by the style.
  expect_round_trip(out("styled.gpkg"), "类别");
}

TEST_F(LayerIo, QmlBesideAShapefile) {
  WriteOptions options;
  options.style_qml = "<qgis>样式</qgis>";
  write_layer(units(), out("styled.shp"), {}, options);
  EXPECT_EQ(read_bytes(out("styled.qml")), options.style_qml);
  EXPECT_EQ(listing(), (std::set<std::string>{"styled.shp", "styled.shx", "styled.dbf", "styled.prj",
                                              "styled.cpg", "styled.qml"}));
}

// --- GeoPackage to GeoPackage: the input file copied, the columns appended -----------------

// A GeoPackage holding layer `name`, declared `type` (EPSG:3857), one feature per WKT with
// fids 1..n and a field `v` = 10 * fid; plus empty point layers named in `others`.
void make_geopackage(const std::string& path, const std::string& name, OGRwkbGeometryType type,
                     const std::vector<std::string>& wkts, const std::vector<std::string>& others = {}) {
  ensure_gdal();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRSpatialReference srs;
  srs.importFromEPSG(3857);
  OGRLayer* layer = ds->CreateLayer(name.c_str(), &srs, type, nullptr);
  ASSERT_NE(layer, nullptr);
  OGRFieldDefn v("v", OFTReal);
  ASSERT_EQ(layer->CreateField(&v), OGRERR_NONE);
  for (std::size_t i = 0; i < wkts.size(); ++i) {
    OGRFeature feature(layer->GetLayerDefn());
    OGRGeometry* g = nullptr;
    ASSERT_EQ(OGRGeometryFactory::createFromWkt(wkts[i].c_str(), nullptr, &g), OGRERR_NONE);
    feature.SetGeometryDirectly(g);
    feature.SetField(0, 10.0 * static_cast<double>(i + 1));
    ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  }
  for (const auto& other : others) ASSERT_NE(ds->CreateLayer(other.c_str(), &srs, wkbPoint, nullptr), nullptr);
}

// Two unit squares side by side, a bow-tie (repaired into two triangles of area 1 each) and a
// square far away.
const std::vector<std::string> kLattice{"POLYGON ((0 0,1 0,1 1,0 1,0 0))", "POLYGON ((1 0,2 0,2 1,1 1,1 0))",
                                        "POLYGON ((2 0,4 2,4 0,2 2,2 0))",
                                        "POLYGON ((10 10,11 10,11 11,10 11,10 10))"};

std::vector<OutputColumn> lattice_columns(const std::string& suffix = "") {
  return {OutputColumn::real("score" + suffix, {0.5, NAN, -1.25, 1e-300}),
          OutputColumn::integer("rank" + suffix, {1, std::nullopt, 3, -4}),
          OutputColumn::text("类别" + suffix, {std::string("高-高"), std::nullopt, std::string(""), std::string("不显著")})};
}

// Feature ids that a bounding-box query returns (GDAL answers it from the R-tree).
std::vector<GIntBig> fids_in(OGRLayer* layer, double x0, double y0, double x1, double y1) {
  layer->SetSpatialFilterRect(x0, y0, x1, y1);
  std::vector<GIntBig> out;
  for (auto& f : *layer) out.push_back(f->GetFID());
  layer->SetSpatialFilter(nullptr);
  return out;
}

std::string sql_value(GDALDataset& ds, const std::string& sql) {
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result) return "<error>";
  std::unique_ptr<OGRFeature> row(result->GetNextFeature());
  std::string value = row ? row->GetFieldAsString(0) : "<none>";
  ds.ReleaseResultSet(result);
  return value;
}

// Counts GDAL's warnings (an inconsistent geometry type is one, on opening).
class WarningCounter {
 public:
  WarningCounter() { CPLPushErrorHandlerEx(&WarningCounter::handle, this); }
  ~WarningCounter() { CPLPopErrorHandler(); }
  int count = 0;

 private:
  static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char*) {
    if (level >= CE_Warning) ++static_cast<WarningCounter*>(CPLGetErrorHandlerUserData())->count;
  }
};

void expect_lattice_output(const std::string& path, const std::string& layer_name, const std::string& suffix = "") {
  SCOPED_TRACE(path);
  WarningCounter warnings;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayerByName(layer_name.c_str());
  ASSERT_NE(layer, nullptr);
  EXPECT_EQ(layer->GetGeomType(), wkbMultiPolygon);  // polygons are written as multipolygons
  EXPECT_EQ(layer->GetFeatureCount(), 4);
  const double areas[] = {1, 1, 2, 1};
  const double scores[] = {0.5, NAN, -1.25, 1e-300};
  const char* classes[] = {"高-高", nullptr, "", "不显著"};
  GIntBig fid = 0;
  for (auto& f : *layer) {
    const std::size_t i = static_cast<std::size_t>(fid++);
    EXPECT_EQ(f->GetFID(), fid);
    EXPECT_EQ(f->GetFieldAsDouble("v"), 10.0 * static_cast<double>(fid));
    const OGRGeometry* g = f->GetGeometryRef();
    ASSERT_NE(g, nullptr);
    ASSERT_EQ(wkbFlatten(g->getGeometryType()), wkbMultiPolygon);
    EXPECT_TRUE(g->IsValid());
    EXPECT_DOUBLE_EQ(g->toMultiPolygon()->get_Area(), areas[i]);
    const int score = f->GetFieldIndex(("score" + suffix).c_str());
    if (std::isnan(scores[i])) {
      EXPECT_TRUE(f->IsFieldNull(score));
    } else {
      EXPECT_EQ(f->GetFieldAsDouble(score), scores[i]);
    }
    const int rank = f->GetFieldIndex(("rank" + suffix).c_str());
    EXPECT_EQ(f->IsFieldNull(rank), i == 1);
    if (i != 1) {
      EXPECT_EQ(f->GetFieldAsInteger64(rank), i == 3 ? -4 : static_cast<GIntBig>(i + 1));
    }
    const int category = f->GetFieldIndex(("类别" + suffix).c_str());
    if (classes[i]) {
      EXPECT_STREQ(f->GetFieldAsString(category), classes[i]);
    } else {
      EXPECT_TRUE(f->IsFieldNull(category));
    }
  }
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex(("score" + suffix).c_str()))->GetType(), OFTReal);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex(("rank" + suffix).c_str()))->GetType(), OFTInteger64);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex(("类别" + suffix).c_str()))->GetType(), OFTString);
  // The spatial index answers for the new name and knows the repaired bow-tie's box.
  EXPECT_TRUE(layer->TestCapability(OLCFastSpatialFilter));
  EXPECT_EQ(fids_in(layer, 10.2, 10.2, 10.8, 10.8), std::vector<GIntBig>{4});
  EXPECT_EQ(fids_in(layer, 3.5, 0.2, 3.9, 0.4), std::vector<GIntBig>{3});
  EXPECT_EQ(fids_in(layer, 0.2, 0.2, 1.5, 0.8), (std::vector<GIntBig>{1, 2}));
  EXPECT_EQ(sql_value(*ds, "SELECT count(*) FROM \"rtree_" + layer_name + "_geom\""), "4");
  EXPECT_EQ(sql_value(*ds, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(warnings.count, 0);
}

TEST_F(LayerIo, GeoPackageToGeoPackageKeepsGeometriesIndexAndValues) {
  for (OGRwkbGeometryType type : {wkbPolygon, wkbMultiPolygon, wkbUnknown}) {
    SCOPED_TRACE(OGRGeometryTypeToName(type));
    make_geopackage(out("in.gpkg"), "cells", type, kLattice);
    const std::string before = read_bytes(out("in.gpkg"));
    Layer layer = read_layer(out("in.gpkg"));
    EXPECT_EQ(layer.repaired_geometry, std::vector<std::size_t>{2});
    WriteOptions options;
    options.style_qml = "<qgis>样式</qgis>";
    options.overwrite = true;
    WriteReport r = write_layer(layer, out("result.gpkg"), lattice_columns(), options);
    EXPECT_EQ(r.driver, "GPKG");
    EXPECT_EQ(r.layer_name, "result");
    EXPECT_EQ(r.features, 4u);
    expect_lattice_output(out("result.gpkg"), "result");
    EXPECT_EQ(read_bytes(out("in.gpkg")), before);  // the input is never modified
    EXPECT_EQ(listing(), (std::set<std::string>{"in.gpkg", "result.gpkg"}));
    GDALDatasetUniquePtr ds(GDALDataset::Open(out("result.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    EXPECT_EQ(ds->GetLayerCount(), 2);  // the layer and layer_styles
    EXPECT_EQ(sql_value(*ds, "SELECT count(*) FROM layer_styles WHERE f_table_name = 'result'"), "1");
  }
}

TEST_F(LayerIo, CancelledWriteLeavesNothing) {
  // A signal or a Cancel while the features are written: Cancelled, no output, no staged file.
  WriteOptions options;
  options.cancelled = [] { return true; };
  for (const char* name : {"r.gpkg", "r.shp", "r.geojson"}) {
    EXPECT_THROW(write_layer(units(), out(name), {OutputColumn::real("score", {1, 2, 3, 4})}, options), Cancelled)
        << name;
    EXPECT_TRUE(listing().empty()) << name;
  }
  // The GeoPackage copy of a GeoPackage input, which appends the columns in SQLite.
  make_geopackage(out("in.gpkg"), "cells", wkbMultiPolygon, kLattice);
  const std::string before = read_bytes(out("in.gpkg"));
  Layer layer = read_layer(out("in.gpkg"));
  EXPECT_THROW(write_layer(layer, out("result.gpkg"), lattice_columns(), options), Cancelled);
  EXPECT_EQ(listing(), (std::set<std::string>{"in.gpkg"}));
  EXPECT_EQ(read_bytes(out("in.gpkg")), before);
  // Not cancelled: written.
  options.cancelled = [] { return false; };
  EXPECT_EQ(write_layer(layer, out("result.gpkg"), lattice_columns(), options).features, 4u);
}

TEST_F(LayerIo, GeoPackageOutputAsInputGetsItsOwnStyleOnly) {
  make_geopackage(out("in.gpkg"), "cells", wkbPolygon, kLattice);
  WriteOptions options;
  options.style_qml = "<qgis>first</qgis>";
  write_layer(read_layer(out("in.gpkg")), out("first.gpkg"), lattice_columns(), options);
  // The first output, with its style, analysed again: its fields are kept, the new ones
  // appended, and the layer_styles table holds the new style alone.
  options.style_qml = "<qgis>second</qgis>";
  options.layer_name = "again";
  write_layer(read_layer(out("first.gpkg")), out("second.gpkg"), lattice_columns("_2"), options);
  expect_lattice_output(out("second.gpkg"), "again", "_2");
  expect_lattice_output(out("second.gpkg"), "again", "");
  GDALDatasetUniquePtr ds(GDALDataset::Open(out("second.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  EXPECT_EQ(sql_value(*ds, "SELECT count(*) FROM layer_styles"), "1");
  EXPECT_EQ(sql_value(*ds, "SELECT f_table_name || ' ' || styleQML FROM layer_styles"), "again <qgis>second</qgis>");
  // Without a style, none is left.
  write_layer(read_layer(out("first.gpkg")), out("plain.gpkg"), lattice_columns("_2"), {});
  GDALDatasetUniquePtr plain(GDALDataset::Open(out("plain.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  EXPECT_EQ(plain->GetLayerCount(), 1);
  // A result named like a field of the input is refused, as for any format.
  EXPECT_THAT(message_of<DataError>(
                  [&] { write_layer(read_layer(out("first.gpkg")), out("clash.gpkg"), lattice_columns(), {}); }),
              HasSubstr("already has a field 'score'"));
  EXPECT_FALSE(fs::exists(out("clash.gpkg")));
}

TEST_F(LayerIo, GeoPackageInputsTheCopyDoesNotFitAreWrittenTheGeneralWay) {
  // Another layer in the file, a filter, creation options: each output holds just the layer.
  make_geopackage(out("two.gpkg"), "cells", wkbPolygon, kLattice, {"points"});
  ReadOptions read;
  read.layer = "cells";
  write_layer(read_layer(out("two.gpkg"), read), out("from_two.gpkg"), lattice_columns(), {});
  expect_lattice_output(out("from_two.gpkg"), "from_two");
  GDALDatasetUniquePtr ds(GDALDataset::Open(out("from_two.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  EXPECT_EQ(ds->GetLayerCount(), 1);

  make_geopackage(out("in.gpkg"), "cells", wkbPolygon, kLattice);
  WriteOptions lco;
  lco.creation_options = {"SPATIAL_INDEX=NO"};
  write_layer(read_layer(out("in.gpkg")), out("no_index.gpkg"), lattice_columns(), lco);
  GDALDatasetUniquePtr no_index(GDALDataset::Open(out("no_index.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  EXPECT_FALSE(no_index->GetLayer(0)->TestCapability(OLCFastSpatialFilter));

  read = {};
  read.where = "v > 15";
  Layer filtered = read_layer(out("in.gpkg"), read);
  ASSERT_EQ(filtered.size(), 3u);
  write_layer(filtered, out("filtered.gpkg"), {OutputColumn::real("w", {1, 2, 3})}, {});
  Layer back = read_layer(out("filtered.gpkg"));
  EXPECT_EQ(back.numeric("v").values, (std::vector<double>{20, 30, 40}));
  EXPECT_EQ(back.numeric("w").values, (std::vector<double>{1, 2, 3}));
}

TEST_F(LayerIo, WriteFeaturesMakesANewLayer) {
  std::vector<std::unique_ptr<OGRGeometry>> points;
  points.push_back(std::make_unique<OGRPoint>(116.4, 39.93));
  points.push_back(nullptr);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  WriteReport r = write_features(out("centres.gpkg"), points, &wgs84,
                                 {OutputColumn::text("名称", {std::string("北京"), std::string("无")})}, {});
  EXPECT_EQ(r.features, 2u);
  Layer back = read_layer(out("centres.gpkg"));
  EXPECT_EQ(back.kind, GeometryKind::Point);
  EXPECT_TRUE(back.geographic());
  EXPECT_EQ(text_at(back, "名称", 0), "北京");
  EXPECT_EQ(back.empty_geometry, std::vector<std::size_t>{1});
}

}  // namespace
}  // namespace rs::geo
