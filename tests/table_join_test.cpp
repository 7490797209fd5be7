// Joins of yearbook tables to the sample layer of provinces. The tables (tests/data/join/,
// made by make_tables.py from the NBS GDP table in ../shared/data) carry the GDP that the sample
// layer's gdp_YYYY fields hold (sample_layers/build_samples.R joined the same figures): each
// join must give back exactly those values, whatever the keys (short names, codes, traditional
// characters, pinyin), the shape (long, wide) or the file (CSV, GBK CSV, XLSX).
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "geo/table_join.hpp"

namespace {

using namespace rs::geo;

const std::string kLayer = std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg";
std::string table_path(const std::string& name) { return std::string(REGIONSTAT_TEST_DATA) + "/join/" + name; }

const Layer& provinces() {
  static const Layer layer = read_layer(kLayer);
  return layer;
}

const OutputColumn& column(const JoinResult& r, const std::string& name) {
  for (const auto& c : r.columns)
    if (c.name == name) return c;
  throw std::runtime_error("no column " + name);
}

// The joined column equals the layer's own field, unit by unit (NULL where the layer has none).
void expect_same_as_layer(const JoinResult& r, const std::string& joined, const std::string& field) {
  const NumericColumn expected = provinces().numeric(field);
  const OutputColumn& got = column(r, joined);
  ASSERT_EQ(got.type, OutputColumn::Type::Real) << joined;
  ASSERT_EQ(got.reals.size(), expected.values.size());
  for (std::size_t i = 0; i < expected.values.size(); ++i) {
    if (std::isnan(expected.values[i]))
      EXPECT_TRUE(std::isnan(got.reals[i])) << joined << " unit " << provinces().text("name_zh")[i].value();
    else
      EXPECT_NEAR(got.reals[i], expected.values[i], 1e-9 * std::abs(expected.values[i])) << joined << " unit " << i;
  }
}

const std::vector<std::string> kOutside = {"台湾省", "香港特别行政区", "澳门特别行政区"};

JoinResult join_2011(const std::string& table, const std::string& table_key, const std::string& layer_key) {
  JoinOptions o;
  o.layer_key = layer_key;
  o.table_key = table_key;
  o.match = KeyMatch::AdminCN;
  return join_table(provinces(), read_table(table_path(table)), o);
}

void expect_31_matched(const JoinResult& r) {
  EXPECT_EQ(r.report.matched.size(), 31u);
  EXPECT_EQ(r.report.unmatched_layer.size(), 3u);
  EXPECT_TRUE(r.report.unmatched_table.empty());
  EXPECT_TRUE(r.report.ambiguous.empty());
  EXPECT_TRUE(r.report.non_numeric.empty());
  expect_same_as_layer(r, "gdp_2011", "gdp_2011");
}

TEST(TableJoin, LongTableWithShortNamesBecomesOneFieldPerYear) {
  JoinOptions o;
  o.layer_key = "name_zh_full";
  o.table_key = "province";
  o.year_field = "year";
  o.match = KeyMatch::AdminCN;
  const JoinResult r = join_table(provinces(), read_table(table_path("gdp_long_short.csv")), o);
  EXPECT_EQ(r.report.matched.size(), 31u);
  EXPECT_EQ(r.report.unmatched_layer, kOutside);
  EXPECT_TRUE(r.report.unmatched_table.empty());
  EXPECT_EQ(r.report.years.size(), 10u);
  EXPECT_EQ(r.report.value_columns, (std::vector<std::string>{"gdp", "primary"}));
  ASSERT_EQ(r.columns.size(), 20u);
  EXPECT_EQ(r.columns[0].name, "gdp_2002");
  for (int year = 2002; year <= 2011; ++year)
    expect_same_as_layer(r, "gdp_" + std::to_string(year), "gdp_" + std::to_string(year));
  expect_same_as_layer(r, "primary_2011", "primary_2011");
  EXPECT_EQ(r.report.matched[4].layer_key, "内蒙古自治区");
  EXPECT_EQ(r.report.matched[4].table_key, "内蒙古");
  EXPECT_EQ(r.report.matched[4].code, "150000");
}

TEST(TableJoin, CodesMatchPinyinNamesOfTheLayer) { expect_31_matched(join_2011("gdp_2011_codes.csv", "code", "name_en")); }

TEST(TableJoin, TraditionalCharactersMatchCodesOfTheLayer) {
  expect_31_matched(join_2011("gdp_2011_traditional.csv", "地區", "adcode"));
}

TEST(TableJoin, PinyinMatchesShortNamesOfTheLayer) {
  expect_31_matched(join_2011("gdp_2011_pinyin.csv", "region", "name_zh"));
}

TEST(TableJoin, Xlsx) { expect_31_matched(join_2011("gdp_2011_codes.xlsx", "code", "name_zh_full")); }

TEST(TableJoin, GbkCsvWithAndWithoutTheEncodingGiven) {
  for (const std::string encoding : {"GBK", ""}) {
    const Layer table = read_table(table_path("gdp_long_gbk.csv"), "", encoding);
    EXPECT_EQ(table.warnings.size(), encoding.empty() ? 1u : 0u);
    JoinOptions o;
    o.layer_key = "name_zh";
    o.table_key = "省份";
    o.year_field = "年份";
    const JoinResult r = join_table(provinces(), table, o);  // exact: the short names are the same
    EXPECT_EQ(r.report.matched.size(), 31u);
    expect_same_as_layer(r, "地区生产总值_2011", "gdp_2011");
  }
}

TEST(TableJoin, ReportsUnknownAndMissingUnitsAndTextValues) {
  const JoinResult r = join_2011("gdp_2011_problems.csv", "province", "name_zh_full");
  EXPECT_EQ(r.report.matched.size(), 30u);
  std::vector<std::string> missing = {"青海省"};
  missing.insert(missing.end(), kOutside.begin(), kOutside.end());
  EXPECT_EQ(r.report.unmatched_layer, missing);
  EXPECT_EQ(r.report.unmatched_table, std::vector<std::string>{"火星"});
  ASSERT_EQ(r.report.non_numeric.size(), 1u);
  EXPECT_EQ(r.report.non_numeric[0].field, "gdp_2011");
  EXPECT_EQ(r.report.non_numeric[0].key, "河北");
  EXPECT_EQ(r.report.non_numeric[0].value, "n/a");
  const auto& gdp = column(r, "gdp_2011");
  EXPECT_EQ(gdp.type, OutputColumn::Type::Real);
  EXPECT_TRUE(std::isnan(gdp.reals[2]));   // 河北
  EXPECT_TRUE(std::isnan(gdp.reals[28]));  // 青海
  EXPECT_DOUBLE_EQ(gdp.reals[0], 16251.93);
}

TEST(TableJoin, ExactMatchDoesNotReadNames) {
  JoinOptions o;
  o.layer_key = "name_zh_full";  // 北京市 is not 北京
  o.table_key = "province";
  const JoinResult r = join_table(provinces(), read_table(table_path("gdp_2011_problems.csv")), o);
  EXPECT_TRUE(r.report.matched.empty());
  EXPECT_EQ(r.report.unmatched_table.size(), 31u);
  o.layer_key = "name_zh";
  EXPECT_EQ(join_table(provinces(), read_table(table_path("gdp_2011_problems.csv")), o).report.matched.size(), 30u);
}

TEST(TableJoin, DuplicateKeysAreAnErrorNamingThem) {
  try {
    join_2011("gdp_2011_duplicate.csv", "province", "name_zh_full");  // 北京 and 北京市
    FAIL() << "no error";
  } catch (const rs::DataError& e) {
    EXPECT_NE(std::string(e.what()).find("'北京市'"), std::string::npos) << e.what();
  }
  JoinOptions o;
  o.layer_key = "region3";  // 东部 for eleven provinces
  o.table_key = "province";
  EXPECT_THROW(join_table(provinces(), read_table(table_path("gdp_2011_codes.csv")), o), rs::DataError);
}

// A table in memory: text columns.
Layer make_table(const std::vector<std::string>& fields, const std::vector<std::vector<std::string>>& rows) {
  Layer t;
  t.path = "memory";
  for (const auto& f : fields) t.fields.push_back({f, "String", false});
  t.attributes.resize(fields.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    t.ids.push_back(std::to_string(r));
    for (std::size_t f = 0; f < fields.size(); ++f)
      t.attributes[f].push_back(rows[r][f].empty() ? AttributeValue{} : AttributeValue{rows[r][f]});
  }
  return t;
}

TEST(TableJoin, AmbiguousCountyNamesReportedOrResolvedByParent) {
  const Layer counties = make_table({"name"}, {{"北京市朝阳区"}, {"吉林省长春市朝阳区"}, {"110108"}});
  const Layer table = make_table({"county", "city", "pop"}, {{"朝阳区", "长春", "1"}, {"海淀", "北京", "2"}});
  JoinOptions o;
  o.layer_key = "name";
  o.table_key = "county";
  o.match = KeyMatch::AdminCN;
  JoinResult r = join_table(counties, table, o);
  ASSERT_EQ(r.report.ambiguous.size(), 1u);
  EXPECT_EQ(r.report.ambiguous[0].side, "table");
  EXPECT_EQ(r.report.ambiguous[0].key, "朝阳区");
  EXPECT_EQ(r.report.ambiguous[0].candidates,
            (std::vector<std::string>{"北京市 朝阳区 (110105)", "吉林省 长春市 朝阳区 (220104)"}));
  EXPECT_EQ(r.report.matched.size(), 1u);  // 海淀 = 110108
  o.table_parent = "city";
  r = join_table(counties, table, o);
  EXPECT_TRUE(r.report.ambiguous.empty());
  EXPECT_EQ(r.report.matched.size(), 2u);
  EXPECT_TRUE(std::isnan(column(r, "pop").reals[0]));
  EXPECT_EQ(column(r, "pop").reals[1], 1.0);
  EXPECT_EQ(column(r, "pop").reals[2], 2.0);
}

TEST(TableJoin, TextColumnsStayText) {
  const Layer layer = make_table({"id"}, {{"a"}, {"b"}});
  const Layer table = make_table({"id", "label"}, {{"a", "east"}, {"b", "west"}});
  JoinOptions o;
  o.layer_key = o.table_key = "id";
  const JoinResult r = join_table(layer, table, o);
  ASSERT_EQ(r.columns.size(), 1u);
  EXPECT_EQ(r.columns[0].type, OutputColumn::Type::Text);
  EXPECT_EQ(r.columns[0].texts[1].value(), "west");
  EXPECT_TRUE(r.report.non_numeric.empty());
}

TEST(TableJoin, DuplicateUnitYearIsAnError) {
  const Layer layer = make_table({"id"}, {{"a"}});
  const Layer table = make_table({"id", "year", "v"}, {{"a", "2011", "1"}, {"a", "2012", "2"}, {"a", "2011", "3"}});
  JoinOptions o;
  o.layer_key = o.table_key = "id";
  o.year_field = "year";
  EXPECT_THROW(join_table(layer, table, o), rs::DataError);
}

TEST(TableJoin, PanelFieldsToLongTableAndBack) {
  const std::vector<OutputColumn> table = panel_to_long(provinces(), "name_zh", {"gdp_*"});
  ASSERT_EQ(table.size(), 3u);
  EXPECT_EQ(table[0].name, "name_zh");
  EXPECT_EQ(table[1].name, "year");
  EXPECT_EQ(table[2].name, "gdp");
  ASSERT_EQ(table[2].reals.size(), 34u * 10u);
  EXPECT_EQ(table[0].texts[10].value(), "天津");
  EXPECT_EQ(table[1].integers[10].value(), 2002);
  EXPECT_DOUBLE_EQ(table[2].reals[19], provinces().numeric("gdp_2011").values[1]);

  // Back to one field per year: the layer's own values.
  Layer long_table = make_table({"name_zh", "year"}, {});
  long_table.fields.push_back({"gdp", "Real", true});
  long_table.attributes.emplace_back();
  for (std::size_t r = 0; r < table[2].reals.size(); ++r) {
    long_table.ids.push_back(std::to_string(r));
    long_table.attributes[0].push_back(table[0].texts[r].value());
    long_table.attributes[1].push_back(std::to_string(table[1].integers[r].value()));
    long_table.attributes[2].push_back(std::isnan(table[2].reals[r]) ? AttributeValue{} : AttributeValue{table[2].reals[r]});
  }
  JoinOptions o;
  o.layer_key = o.table_key = "name_zh";
  o.year_field = "year";
  const JoinResult r = join_table(provinces(), long_table, o);
  EXPECT_EQ(r.report.matched.size(), 34u);
  for (int year = 2002; year <= 2011; ++year)
    expect_same_as_layer(r, "gdp_" + std::to_string(year), "gdp_" + std::to_string(year));
}

}  // namespace
