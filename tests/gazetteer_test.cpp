// The gazetteer of China's divisions against its source (every division of
// ../shared/data/admin_divisions_cn/ found by code and by name within its parent), against the
// names and GB/T 2260 codes of Natural Earth's admin-1 layer (an independent source), and the
// spellings yearbooks use, written out here with their official codes.
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "geo/gazetteer_cn.hpp"
#include "geo/layer.hpp"
#include "local_reference_data.hpp"

namespace {

using rs::geo::AdminHint;
using rs::geo::AdminLevel;
using rs::geo::AdminMatch;
using rs::geo::GazetteerCN;

const GazetteerCN& gazetteer() { return GazetteerCN::instance(); }

// The code a key resolves to, or "?" (unknown) / "ambiguous".
std::string code_of(const std::string& key, const AdminHint& hint = {}) {
  const AdminMatch m = gazetteer().resolve(key, hint);
  if (m.status == AdminMatch::Status::Unknown) return "?";
  if (m.status == AdminMatch::Status::Ambiguous) return "ambiguous";
  return m.division()->code;
}

std::vector<std::vector<std::string>> source_rows(const std::string& file) {
  return rs::test::read_csv_cells(rs::test::shared_path("admin_divisions_cn/" + file)).value_or(rs::test::CsvCells{}).rows;
}

bool source_available() { return rs::test::shared_exists("admin_divisions_cn"); }

const std::set<std::string> kPlaceholders = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};

TEST(GazetteerCN, EveryDivisionOfTheSourceByCodeAndByNameInItsParent) {
  if (!source_available()) GTEST_SKIP() << "../shared/data/admin_divisions_cn is absent";
  std::size_t checked = 0;
  for (const auto& row : source_rows("provinces.csv")) {
    EXPECT_EQ(code_of(row[0]), row[0] + "0000");
    EXPECT_EQ(code_of(row[0] + "0000"), row[0] + "0000");
    EXPECT_EQ(code_of(row[1]), row[0] + "0000") << row[1];
    ++checked;
  }
  for (const auto& row : source_rows("cities.csv")) {  // code, name, provinceCode
    EXPECT_EQ(code_of(row[0]), row[0] + "00");
    if (kPlaceholders.count(row[1])) continue;
    EXPECT_EQ(code_of(row[1], {{AdminLevel::Prefecture}, row[2]}), row[0] + "00") << row[1];
    ++checked;
  }
  for (const auto& row : source_rows("areas.csv")) {  // code, name, cityCode, provinceCode
    if (row[0] == row[2] + "00") continue;  // a prefecture without counties, repeated (东莞市)
    EXPECT_EQ(code_of(row[0]), row[0]);
    EXPECT_EQ(code_of(row[1], {{AdminLevel::County}, row[2]}), row[0]) << row[1] << " in " << row[2];
    ++checked;
  }
  EXPECT_EQ(checked, 31u + 342u - 9u + 2978u - 3u);
  EXPECT_EQ(gazetteer().divisions().size(), 31u + 3u + 342u + 2978u - 3u);
}

TEST(GazetteerCN, NaturalEarthNamesAndCodes) {
  const std::string path = rs::test::shared_path("china_admin1_naturalearth.geojson");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  const rs::geo::Layer layer = rs::geo::read_layer(path);
  const auto adcode = layer.text("adcode");
  const auto name_zh = layer.text("name_zh");
  const auto name_en = layer.text("name_en");
  const auto type_en = layer.text("type_en");
  std::size_t checked = 0;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    if (!adcode[i]) continue;
    EXPECT_EQ(code_of(*name_zh[i]), *adcode[i]) << *name_zh[i];
    EXPECT_EQ(code_of(*name_en[i]), *adcode[i]) << *name_en[i];
    EXPECT_EQ(code_of(*name_en[i] + " " + *type_en[i]), *adcode[i]) << *name_en[i] << " " << *type_en[i];
    ++checked;
  }
  EXPECT_EQ(checked, 31u);
}

TEST(GazetteerCN, ProvinceSpellingsOfRealData) {
  const std::map<std::string, std::string> expected = {
      {"北京", "110000"}, {"北京市", "110000"}, {"内蒙古", "150000"}, {"内蒙古自治区", "150000"},
      {"新疆", "650000"}, {"新疆维吾尔自治区", "650000"}, {"香港", "810000"}, {"香港特别行政区", "810000"},
      {"广西壮族自治区", "450000"}, {"广西", "450000"}, {"宁夏回族自治区", "640000"},
      {"山西", "140000"}, {"陕西", "610000"}, {"Shanxi", "140000"}, {"Shaanxi", "610000"},
      {"Inner Mongolia", "150000"}, {"Inner Mongol", "150000"}, {"Nei Mongol", "150000"},
      {"Nei Menggu", "150000"}, {"Nei Mongol Zizhiqu", "150000"}, {"Tibet", "540000"},
      {"Xizang", "540000"}, {"Tibet Autonomous Region", "540000"}, {"Xinjiang Uygur", "650000"},
      {"Xinjiang Uyghur Autonomous Region", "650000"}, {"Guangxi Zhuang", "450000"},
      {"Guangxi Zhuang Autonomous Region", "450000"}, {"Ningxia Hui", "640000"}, {"Hong Kong", "810000"},
      {"Hong Kong SAR", "810000"}, {"HONGKONG", "810000"}, {"Macau", "820000"}, {"Macao", "820000"},
      {"Macao Special Administrative Region", "820000"}, {"Beijing Shi", "110000"},
      {"Beijing Municipality", "110000"}, {"Sichuan Sheng", "510000"}, {"Sichuan Province", "510000"},
      {"  guang dong ", "440000"}, {"Shaan'xi", "610000"}, {"Taiwan", "710000"},
      // traditional characters
      {"廣西", "450000"}, {"貴州", "520000"}, {"內蒙古自治區", "150000"}, {"黑龍江省", "230000"},
      {"臺灣", "710000"}, {"澳門特別行政區", "820000"}, {"陝西", "610000"}, {"遼寧", "210000"},
      // full-width characters and codes as numbers
      {"ＢＥＩＪＩＮＧ", "110000"}, {"11", "110000"}, {"110000", "110000"}, {"110000.0", "110000"},
      {"1101", "110100"}, {"110101", "110101"}, {"110101000000", "110101"}};
  for (const auto& [key, code] : expected) EXPECT_EQ(code_of(key), code) << key;
}

TEST(GazetteerCN, UnknownKeysAndCodes) {
  for (const std::string key : {"火星", "Atlantis", "", "   ", "999999", "123", "110101001001", "Shan"})
    EXPECT_EQ(code_of(key), "?") << key;
}

TEST(GazetteerCN, AmbiguousNamesResolvedByParentOrLevel) {
  // 朝阳区: districts of Beijing (110105) and Changchun (220104).
  const AdminMatch m = gazetteer().resolve("朝阳区");
  ASSERT_EQ(m.status, AdminMatch::Status::Ambiguous);
  std::set<std::string> codes;
  for (auto* d : m.candidates) codes.insert(d->code);
  EXPECT_EQ(codes, (std::set<std::string>{"110105", "220104"}));
  EXPECT_EQ(code_of("朝阳区", {{}, "北京"}), "110105");
  EXPECT_EQ(code_of("朝阳区", {{}, "22"}), "220104");
  EXPECT_EQ(code_of("朝阳区", {{}, "长春市"}), "220104");
  EXPECT_EQ(code_of("朝阳区", {{}, "河北"}), "?");
  EXPECT_EQ(code_of("北京市朝阳区"), "110105");
  EXPECT_EQ(code_of("吉林省长春市朝阳区"), "220104");
  // 朝阳 short for the prefecture 朝阳市 (211300), the county 朝阳县 and both districts.
  EXPECT_EQ(code_of("朝阳"), "ambiguous");
  EXPECT_EQ(code_of("朝阳", {{AdminLevel::Prefecture}, ""}), "211300");
  // 吉林: the province and its prefecture 吉林市; 海南: the province and 海南藏族自治州 (Qinghai).
  EXPECT_EQ(code_of("吉林"), "ambiguous");
  EXPECT_EQ(code_of("吉林", {{AdminLevel::Province}, ""}), "220000");
  EXPECT_EQ(code_of("吉林市"), "220200");
  EXPECT_EQ(code_of("海南", {{AdminLevel::Province}, ""}), "460000");
  EXPECT_EQ(code_of("海南州"), "632500");
  // Short names of autonomous prefectures and counties.
  EXPECT_EQ(code_of("延边"), "222400");
  EXPECT_EQ(code_of("延边州"), "222400");
  EXPECT_EQ(code_of("延邊朝鮮族自治州"), "222400");
  EXPECT_EQ(code_of("博尔塔拉"), "652700");
  EXPECT_EQ(code_of("浦东新区"), "310115");
  EXPECT_EQ(code_of("浦东"), "310115");
}

TEST(GazetteerCN, QualifiedNames) {
  const auto* county = gazetteer().by_code("220104");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(gazetteer().qualified_name(*county), "吉林省 长春市 朝阳区");
  EXPECT_EQ(gazetteer().qualified_name(*gazetteer().by_code("110105")), "北京市 朝阳区");
  EXPECT_EQ(gazetteer().qualified_name(*gazetteer().by_code("65")), "新疆维吾尔自治区");
}

}  // namespace
