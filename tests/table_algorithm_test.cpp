// The runner of field and table algorithms (analysis/table_algorithm): long tables pivoted to
// one field per year and results written back onto their rows, panel names, outputs checked
// before any work, the printed table aligned by display width, CSV with a byte-order mark.
#include "analysis/table_algorithm.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "geo/layer.hpp"

namespace fs = std::filesystem;

namespace rs {
namespace {

// A test algorithm: each unit's value of every field of --field times two (a per-year result),
// and the count of years with a value (a per-unit result).
class DoubleAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "double"; }
  std::string display_name() const override { return "Double"; }
  std::string group() const override { return "Test"; }
  std::string short_help() const override { return "Doubles values"; }
  std::string description() const override { return "x2 = 2 x"; }
  std::vector<Parameter> method_parameters() const override { return {panel_fields_parameter()}; }
  std::vector<ResultField> result_fields() const override {
    return {{"Double", "Dbl", ResultType::Real, "twice the value", "", {}},
            {"NYears", "NYr", ResultType::Integer, "years with a value", "", {{"1", "one", "#ff0000"}}}};
  }
  TableOutput compute(const TableInput& input) const override {
    TableOutput out;
    std::vector<std::optional<std::int64_t>> years(input.size(), std::int64_t{0});
    ReportTable table{"", {"field", "名称", "sum"}, {}};
    for (const auto& field : input.fields("field")) {
      ResultColumn column;
      column.field = "Double";
      column.tag = field.tag;
      double sum = 0;
      for (double v : input.numbers(field.name)) {
        column.reals.push_back(2 * v);
        if (std::isfinite(v)) sum += v;
      }
      for (std::size_t u = 0; u < input.size(); ++u)
        if (std::isfinite(column.reals[u])) *years[u] += 1;
      out.columns.push_back(column);
      table.rows.push_back({field.name, "北京", std::to_string(static_cast<long long>(sum))});
    }
    ResultColumn n;
    n.field = "NYears";
    n.integers = years;
    out.columns.push_back(n);
    out.tables.push_back(table);
    out.summary["units"] = input.size();
    return out;
  }
};

class TableAlgorithmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rs_table_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream wide(dir_ / "wide.csv");
    wide << "name,gdp_2010,gdp_2011\nA,1,2\nB,3,\nC,5,6\n";
    std::ofstream long_table(dir_ / "long.csv");
    long_table << "name,year,gdp,region\nA,2010,1,east\nA,2011,2,east\nB,2010,3,west\nC,2011,6,west\nC,2010,5,west\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result run(const std::vector<std::pair<std::string, std::string>>& values) {
    DoubleAlgorithm algorithm;
    Arguments args = algorithm.arguments();
    for (auto& [k, v] : values) args.add(k, v);
    return algorithm.run(args, silent_feedback());
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(TableAlgorithmTest, PivotsALongTableIntoOneFieldPerYear) {
  const geo::Layer source = geo::read_layer(path("long.csv"));
  const PivotedTable pivoted = pivot_long_table(source, "name", "year");
  ASSERT_EQ(pivoted.layer.size(), 3u);
  EXPECT_EQ(pivoted.layer.ids, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_TRUE(pivoted.layer.has_field("gdp_2010"));
  EXPECT_TRUE(pivoted.layer.has_field("gdp_2011"));
  EXPECT_TRUE(pivoted.layer.has_field("region"));  // constant within each unit: kept
  const auto gdp_2011 = pivoted.layer.numeric("gdp_2011").values;
  EXPECT_EQ(gdp_2011[0], 2);
  EXPECT_TRUE(std::isnan(gdp_2011[1]));  // B has no 2011 row
  EXPECT_EQ(gdp_2011[2], 6);
  EXPECT_EQ(pivoted.rows[2].at("2010"), 4u);  // C's 2010 row is the fifth
}

TEST_F(TableAlgorithmTest, RejectsTwoRowsForOneUnitAndYear) {
  std::ofstream(path("dup.csv")) << "name,year,gdp\nA,2010,1\nA,2010,2\n";
  const geo::Layer source = geo::read_layer(path("dup.csv"));
  try {
    pivot_long_table(source, "name", "year");
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("unit 'A' and year 2010"), std::string::npos) << e.what();
  }
}

TEST_F(TableAlgorithmTest, WritesPanelFieldsOfAWideTable) {
  run({{"input", path("wide.csv")}, {"field", "gdp_*"}, {"output", path("out.csv")}});
  const geo::Layer out = geo::read_layer(path("out.csv"));
  EXPECT_TRUE(out.has_field("Dbl_2010"));
  EXPECT_TRUE(out.has_field("Dbl_2011"));
  EXPECT_TRUE(out.has_field("NYears"));
  EXPECT_EQ(out.numeric("Dbl_2011").values[2], 12);
  EXPECT_TRUE(std::isnan(out.numeric("Dbl_2011").values[1]));  // NULL in, NULL out
  EXPECT_EQ(out.numeric("NYears").values[1], 1);
}

TEST_F(TableAlgorithmTest, WritesPerYearResultsBackOntoTheRowsOfALongTable) {
  run({{"input", path("long.csv")}, {"id", "name"}, {"year", "year"}, {"field", "gdp_*"},
       {"output", path("out.csv")}});
  const geo::Layer out = geo::read_layer(path("out.csv"));
  ASSERT_EQ(out.size(), 5u);  // the long rows, unchanged in number and order
  const auto doubled = out.numeric("Double").values;
  EXPECT_EQ(doubled, (std::vector<double>{2, 4, 6, 12, 10}));
  const auto years = out.numeric("NYears").values;
  EXPECT_EQ(years, (std::vector<double>{2, 2, 1, 2, 2}));
}

TEST_F(TableAlgorithmTest, ALongTableNeedsTheIdField) {
  EXPECT_THROW(run({{"input", path("long.csv")}, {"year", "year"}, {"field", "gdp_*"}}), UsageError);
}

TEST_F(TableAlgorithmTest, RefusesAnExistingOutputBeforeAnyWork) {
  std::ofstream(path("exists.csv")) << "x\n1\n";
  EXPECT_THROW(run({{"input", path("wide.csv")}, {"field", "gdp_*"}, {"output_csv", path("exists.csv")}}), DataError);
  std::ifstream in(path("exists.csv"));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "x\n1\n");
  EXPECT_THROW(run({{"input", path("wide.csv")}, {"field", "gdp_*"}, {"output", path("wide.csv")}, {"overwrite", "true"}}),
               DataError);
}

TEST_F(TableAlgorithmTest, WritesTheTableAsCsvWithAByteOrderMarkOnRequest) {
  run({{"input", path("wide.csv")}, {"field", "gdp_*"}, {"output_csv", path("t.csv")}, {"csv_bom", "true"}});
  std::ifstream in(path("t.csv"), std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "\xEF\xBB\xBF" "field,名称,sum\ngdp_2010,北京,9\ngdp_2011,北京,8\n");
  for (auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos) << "staged file left behind";
}

TEST_F(TableAlgorithmTest, AlignsChineseTextByDisplayWidth) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("北京"), 4u);
  EXPECT_EQ(display_width("热点区 hot"), 10u);
  const Result r = run({{"input", path("wide.csv")}, {"field", "gdp_*"}});
  // The header "名称" is 4 columns wide, as is "北京": no padding is added in front of either.
  EXPECT_NE(r.report.find("  名称"), std::string::npos) << r.report;
  EXPECT_NE(r.report.find("  ----"), std::string::npos) << r.report;
}

// Warnings that differ only by the year of a panel field come once, with their years.
class RecordingFeedback : public Feedback {
 public:
  void warning(const std::string& message) override { warnings.push_back(message); }
  std::vector<std::string> warnings;
};

TEST_F(TableAlgorithmTest, RepeatedYearWarningsArePrintedOnce) {
  std::ofstream(path("nulls.csv")) << "name,gdp_2010,gdp_2011,gdp_2012\nA,1,2,3\nB,,,\nC,5,6,7\n";
  DoubleAlgorithm algorithm;
  Arguments args = algorithm.arguments();
  args.add("input", path("nulls.csv"));
  args.add("field", "gdp_*");
  RecordingFeedback feedback;
  algorithm.run(args, feedback);
  ASSERT_EQ(feedback.warnings.size(), 1u) << feedback.warnings[0];
  // The unit is named by its id (the CSV row's FID without --id).
  EXPECT_EQ(feedback.warnings[0], "field 'gdp_{year}': 1 unit(s) excluded (1 NULL): 2 (years: 2010, 2011, 2012)");
}

TEST_F(TableAlgorithmTest, HelpListsTheDeclaredFields) {
  DoubleAlgorithm algorithm;
  const std::string help = algorithm.help();
  EXPECT_NE(help.find("Double (Dbl_YEAR), real: twice the value"), std::string::npos) << help;
  EXPECT_NE(help.find("NYears (NYr_YEAR), integer"), std::string::npos) << help;
}

}  // namespace
}  // namespace rs
