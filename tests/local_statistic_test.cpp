// The runner of the local statistics (analysis/local_statistic): every field a command writes
// is declared once, with its panel name; a panel's feedback is one progress line, with its
// repeated information lines and warnings printed once, after it.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/local_common.hpp"
#include "analysis/local_statistic.hpp"

namespace rs {
namespace {

namespace fs = std::filesystem;

const std::string kSample = std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg";

struct Recorder : Feedback {
  std::vector<std::string> events;  // "progress", "info: ...", "warning: ..."
  std::vector<double> fractions;
  void progress(double fraction) override {
    if (events.empty() || events.back() != "progress") events.push_back("progress");
    fractions.push_back(fraction);
  }
  void info(const std::string& message) override { events.push_back("info: " + message); }
  void warning(const std::string& message) override { events.push_back("warning: " + message); }
};

TEST(PanelFeedback, OneProgressLineThenEachMessageOnceWithItsYears) {
  Recorder out;
  {
    PanelFeedback panel(out, 3);
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string year = std::to_string(2009 + k);
      panel.start_field(k, "gdp_" + year);
      panel.progress(0);
      panel.info("weights restricted to the 31 unit(s) with values");
      panel.warning("field 'gdp_" + year + "': 3 unit(s) excluded (3 NULL): 32, 33, 34");
      panel.progress(1);
    }
  }
  const std::vector<std::string> expected{
      "progress", "info: weights restricted to the 31 unit(s) with values",
      "warning: field 'gdp_{year}': 3 unit(s) excluded (3 NULL): 32, 33, 34 (years: 2009, 2010, 2011)"};
  EXPECT_EQ(out.events, expected);
  for (std::size_t k = 1; k < out.fractions.size(); ++k) EXPECT_LE(out.fractions[k - 1], out.fractions[k]);
  EXPECT_DOUBLE_EQ(out.fractions.back(), 1.0);
}

TEST(PanelFeedback, OneFieldPassesInformationThrough) {
  Recorder out;
  PanelFeedback panel(out, 1);
  panel.start_field(0, "gdp_2011");
  panel.info("weights restricted to the 31 unit(s) with values");
  panel.warning("field 'gdp_2011': 3 unit(s) excluded (3 NULL): 32, 33, 34");
  EXPECT_EQ(out.events, std::vector<std::string>{"info: weights restricted to the 31 unit(s) with values"});
  panel.flush();
  EXPECT_EQ(out.events.back(), "warning: field 'gdp_2011': 3 unit(s) excluded (3 NULL): 32, 33, 34");
}

// Runs a local statistic on a panel of two years, summary only, and returns its summary.
nlohmann::json panel_summary(const Algorithm& algorithm, std::vector<std::pair<std::string, std::string>> options) {
  Arguments args = algorithm.arguments();
  options.insert(options.end(), {{"input", kSample}, {"permutations", "99"}});
  for (auto& [k, v] : options) args.set(k, v);
  for (const char* year : {"gdp_2010", "gdp_2011"}) args.add("field", year);
  return algorithm.run(args, silent_feedback()).summary;
}

TEST(LocalStatistic, EveryWrittenFieldIsDeclaredWithItsPanelName) {
  if (!fs::exists(kSample)) GTEST_SKIP() << "sample layer " << kSample << " is absent";
  const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> runs{
      {"lisa", {{"adjust", "fdr"}, {"moments", "true"}}},
      {"hotspot", {{"adjust", "bonferroni"}}},
      {"local-geary", {{"adjust", "fdr"}}}};
  for (auto& [command, extra] : runs) {
    const auto* algorithm = dynamic_cast<const LocalStatisticAlgorithm*>(find_algorithm(command));
    ASSERT_NE(algorithm, nullptr) << command << " runs on the local statistics runner";
    std::set<std::string> declared;
    for (const ResultField& f : algorithm->result_fields()) {
      EXPECT_LE(f.short_name.size(), 5u) << command << " " << f.name << ": short name within 10 with _YEAR";
      declared.insert(f.short_name + "_2010");
      declared.insert(f.short_name + "_2011");
    }
    const nlohmann::json summary = panel_summary(*algorithm, extra);
    ASSERT_TRUE(summary.contains("fields")) << command;
    // Every declared field is written here (all options on), each once per year.
    EXPECT_EQ(summary["fields"].size(), declared.size()) << command;
    for (auto& name : summary["fields"]) EXPECT_TRUE(declared.count(name.get<std::string>())) << command << ": " << name;
    EXPECT_EQ(summary["years"].size(), 2u) << command;
    EXPECT_EQ(summary["output"], nullptr) << command;
  }
}

}  // namespace
}  // namespace rs
