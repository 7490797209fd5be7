// The panel runner (analysis/panel_algorithm): the seven field-by-field commands run on it, and
// a new statistic on it is its compute step and its declared fields - reading, panels, valid
// units, naming, writing and the grouped warnings come from the runner.
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "analysis/common_parameters.hpp"
#include "analysis/panel_algorithm.hpp"
#include "geo/layer.hpp"

namespace rs {
namespace {

namespace fs = std::filesystem;

const std::string kSample = std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg";

TEST(PanelAlgorithm, TheSevenFieldCommandsRunOnIt) {
  for (const char* command : {"lisa", "hotspot", "local-geary", "moran", "geary", "general-g", "migration"})
    EXPECT_NE(dynamic_cast<const PanelAlgorithm*>(find_algorithm(command)), nullptr)
        << command << " runs on the panel runner";
}

TEST(PanelAlgorithm, TheHelpListsTheDeclaredFields) {
  for (const char* command : {"lisa", "hotspot", "local-geary"}) {
    const auto* algorithm = dynamic_cast<const PanelAlgorithm*>(find_algorithm(command));
    ASSERT_NE(algorithm, nullptr) << command;
    const std::string help = algorithm->help();
    ASSERT_FALSE(algorithm->result_fields().empty()) << command;
    for (const ResultField& f : algorithm->result_fields())
      EXPECT_NE(help.find("\n  " + f.name + " (" + f.short_name + "_YEAR), "), std::string::npos)
          << command << ": " << f.name << " is not listed from its declaration";
  }
}

// A statistic written for this test: each kept unit's own value, so that what the runner writes
// can be checked against the input field itself.
class EchoRun : public PanelRun {
 public:
  PanelFieldOutput compute(const PanelField& in) override {
    ResultColumn column;
    column.field = "Echo";
    column.reals = in.units->values[0];
    PanelFieldOutput out;
    out.columns.push_back(std::move(column));
    out.year["n"] = in.units->units.size();
    return out;
  }
  void finish(const PanelEnd& end, Result& result) override {
    result.summary["years"] = nlohmann::json::array();
    for (auto& out : end.outputs) result.summary["years"].push_back(out.year);
  }
};

class EchoAlgorithm : public PanelAlgorithm {
 public:
  std::string name() const override { return "echo"; }
  std::string display_name() const override { return "Echo"; }
  std::string group() const override { return "Test"; }
  std::string short_help() const override { return "Each unit's value"; }
  std::string description() const override { return "x_i"; }
  std::vector<Parameter> parameters() const override {
    return concat(input_parameters(), std::vector<Parameter>{panel_fields_parameter()}, weights_parameters(),
                  output_parameters(false));
  }
  std::vector<ResultField> result_fields() const override {
    return {{"Echo", "Echo", ResultType::Real, "the unit's value", "", {}}};
  }
  std::unique_ptr<PanelRun> start(const geo::Layer&, const Arguments&, const std::vector<AnalysedField>&,
                                  Feedback&, StepTimer&) const override {
    return std::make_unique<EchoRun>();
  }
};

TEST(PanelAlgorithm, ANewStatisticIsItsComputeStep) {
  if (!fs::exists(kSample)) GTEST_SKIP() << "sample layer " << kSample << " is absent";
  const fs::path dir = fs::temp_directory_path() / ("rs_panel_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string out = (dir / "echo.gpkg").string();

  EchoAlgorithm echo;
  Arguments args = echo.arguments();
  args.set("input", kSample);
  args.set("output", out);
  args.add("field", "gdp_201*");  // a pattern: gdp_2010 and gdp_2011
  const Result result = echo.run(args, silent_feedback());

  const nlohmann::json& s = result.summary;
  EXPECT_EQ(s["fields"], nlohmann::json({"Echo_2010", "Echo_2011"}));
  ASSERT_EQ(s["years"].size(), 2u);
  for (const char* step : {"read", "weights", "statistic", "write"}) EXPECT_TRUE(s["seconds"].contains(step)) << step;

  // Written once, beside the input's fields: each year's values where the input has one, NULL
  // where it has none (the units the runner left out), in the input's order.
  geo::ReadOptions read;
  const geo::Layer input = geo::read_layer(kSample, read);
  const geo::Layer written = geo::read_layer(out, read);
  ASSERT_EQ(written.size(), input.size());
  for (const char* year : {"2010", "2011"}) {
    const geo::NumericColumn x = input.numeric(std::string("gdp_") + year);
    const geo::NumericColumn e = written.numeric(std::string("Echo_") + year);
    std::size_t with_value = 0;
    for (std::size_t i = 0; i < input.size(); ++i) {
      if (std::isnan(x.values[i])) {
        EXPECT_TRUE(std::isnan(e.values[i])) << year << " unit " << input.ids[i];
      } else {
        EXPECT_EQ(e.values[i], x.values[i]) << year << " unit " << input.ids[i];
        ++with_value;
      }
    }
    EXPECT_GT(with_value, 30u);
    EXPECT_LT(with_value, input.size());  // the sample has units without GDP: the exclusion is exercised
  }
  fs::remove_all(dir);
}

struct Recorder : Feedback {
  std::vector<std::string> warnings;
  void progress(double) override {}
  void info(const std::string&) override {}
  void warning(const std::string& message) override { warnings.push_back(message); }
};

TEST(PanelAlgorithm, GroupedWarningsListTheirYearsInOrder) {
  // A bivariate panel meets --field2's year after the field's: gdp_2011 then gdp_2002.
  Recorder out;
  {
    PanelFeedback panel(out, 2);
    for (std::size_t k = 0; k < 2; ++k) {
      panel.start_field(k, k == 0 ? "gdp_2010" : "gdp_2011");
      for (const char* year : {k == 0 ? "2010" : "2011", "2002"})
        panel.warning(std::string("field 'gdp_") + year + "': 3 unit(s) excluded (3 NULL): 32, 33, 34");
    }
  }
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0], "field 'gdp_{year}': 3 unit(s) excluded (3 NULL): 32, 33, 34 (years: 2002, 2010, 2011)");
}

}  // namespace
}  // namespace rs
