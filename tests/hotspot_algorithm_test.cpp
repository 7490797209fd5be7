// The local statistics commands (hotspot, lisa, local-geary) run end to end on the China
// provinces sample against R spdep: the expected values come from
// tests/reference/hotspot_reference.R (localG with and without include.self, localmoran with
// mlvar = FALSE, localC, on queen contiguity among the 31 provinces with a GDP value).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "analysis/algorithm.hpp"
#include "geo/layer.hpp"
#include "local_reference_data.hpp"

namespace rs {
namespace {

namespace fs = std::filesystem;

const std::string kSample = std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg";

// One row of the reference CSV per province, by adcode; empty cells are NaN.
struct Reference {
  std::vector<std::string> columns;
  std::map<std::string, std::map<std::string, double>> rows;
  double at(const std::string& adcode, const std::string& column) const { return rows.at(adcode).at(column); }
};

Reference read_reference() {
  Reference ref;
  std::ifstream in(std::string(REGIONSTAT_REFERENCE_DIR) + "/hotspot_reference.csv");
  std::string line;
  std::getline(in, line);
  ref.columns = test::split_csv_line(line);
  while (std::getline(in, line)) {
    auto cells = test::split_csv_line(line);
    auto& row = ref.rows[cells[0]];
    for (std::size_t k = 2; k < cells.size(); ++k) row[ref.columns[k]] = cells[k].empty() ? std::nan("") : std::stod(cells[k]);
  }
  return ref;
}

class LocalCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kSample)) GTEST_SKIP() << "sample layer " << kSample << " is absent";
    dir_ = fs::temp_directory_path() / ("regionstat_hotspot_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Runs a command on gdp_2011 with queen weights and reads its output back, ids = adcode.
  geo::Layer run(const std::string& command, const std::map<std::string, std::string>& extra) {
    const Algorithm* algorithm = find_algorithm(command);
    EXPECT_NE(algorithm, nullptr);
    Arguments args = algorithm->arguments();
    const std::string output = (dir_ / (command + std::to_string(runs_++) + ".gpkg")).string();
    args.set("input", kSample);
    args.add("field", "gdp_2011");
    args.set("weights", "queen");
    args.set("output", output);
    for (auto& [k, v] : extra) args.set(k, v);
    algorithm->run(args, silent_feedback());
    geo::ReadOptions options;
    options.id_field = "adcode";
    return geo::read_layer(output, options);
  }

  // Compares a result field with a reference column on every province with a GDP value;
  // NaN in the reference (Hainan, an island) must be NULL in the output.
  static void expect_matches(const geo::Layer& out, const std::string& field, const Reference& ref,
                             const std::string& column, double tolerance = 1e-10) {
    const geo::NumericColumn values = out.numeric(field);
    std::size_t compared = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      auto row = ref.rows.find(out.ids[i]);
      if (row == ref.rows.end()) {
        EXPECT_TRUE(std::isnan(values.values[i])) << field << " of " << out.ids[i] << " (NULL gdp) should be NULL";
        continue;
      }
      const double expected = row->second.at(column);
      if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(values.values[i])) << field << " of " << out.ids[i] << " should be NULL";
      } else {
        EXPECT_NEAR(values.values[i], expected, tolerance) << field << " of " << out.ids[i] << " vs spdep " << column;
        ++compared;
      }
    }
    EXPECT_EQ(compared, 30u) << field;  // 31 provinces with GDP, Hainan without neighbours
  }

  fs::path dir_;
  int runs_ = 0;
};

TEST_F(LocalCommands, GiStarMatchesSpdepLocalGWithIncludeSelf) {
  const Reference ref = read_reference();
  geo::Layer out = run("hotspot", {});
  expect_matches(out, "GiZScore", ref, "localG_star");
  expect_matches(out, "GiPValue", ref, "localG_star_p");
  // G_i* itself, next to its z: spdep localG's internals G*i on the same (W) weights.
  expect_matches(out, "GiValue", ref, "G_star_value", 1e-13);
  // Neighbour counts (self excluded) as spdep's card().
  const geo::NumericColumn nn = out.numeric("NNeighbors");
  for (std::size_t i = 0; i < out.size(); ++i)
    if (ref.rows.count(out.ids[i])) {
      EXPECT_EQ(nn.values[i], ref.at(out.ids[i], "n_neighbours")) << out.ids[i];
    }
  // Gi_Bin follows from z and p: +-3, +-2, +-1 for p < 0.01, 0.05, 0.10.
  const geo::NumericColumn bins = out.numeric("Gi_Bin");
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!ref.rows.count(out.ids[i]) || std::isnan(ref.at(out.ids[i], "localG_star"))) continue;
    const double z = ref.at(out.ids[i], "localG_star"), p = ref.at(out.ids[i], "localG_star_p");
    const int level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
    EXPECT_EQ(bins.values[i], z > 0 ? level : -level) << out.ids[i];
  }
  // Hainan (460000) is an island: NULL statistics, labelled isolated.
  const auto labels = out.text("HotCold_en");
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out.ids[i] == "460000") {
      EXPECT_TRUE(std::isnan(bins.values[i]));
      EXPECT_EQ(labels[i].value_or(""), "Isolated");
    }
}

TEST_F(LocalCommands, GiWithoutSelfMatchesSpdepLocalG) {
  const Reference ref = read_reference();
  geo::Layer out = run("hotspot", {{"gi", "true"}});
  expect_matches(out, "GiZScore", ref, "localG");
  expect_matches(out, "GiValue", ref, "G_value", 1e-13);
}

TEST_F(LocalCommands, LisaAnalyticalMatchesSpdepLocalmoranWithoutMlvar) {
  const Reference ref = read_reference();
  geo::Layer out = run("lisa", {{"permutations", "0"}});
  expect_matches(out, "LMiIndex", ref, "Ii");
  expect_matches(out, "LMiZScore", ref, "Z_Ii");
  expect_matches(out, "LMiPValue", ref, "P_Ii");
  // Hainan: isolated cluster code, no quadrant.
  const geo::NumericColumn cl = out.numeric("LISA_CL");
  const auto quadrant = out.text("Quadrant");
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out.ids[i] == "460000") {
      EXPECT_EQ(cl.values[i], 6.0);
      EXPECT_FALSE(quadrant[i].has_value());
    }
}

// --moments: E[I_i] and Var[I_i] of LMiIndex under randomisation; LMiIndex uses m2 with n - 1,
// spdep's default m2 with n, so its E.Ii and Var.Ii scale by (n-1)/n and its square (n = 31).
TEST_F(LocalCommands, LisaMomentsMatchSpdepLocalmoran) {
  const Reference ref = read_reference();
  geo::Layer out = run("lisa", {{"permutations", "0"}, {"moments", "true"}});
  const double scale = 30.0 / 31.0;
  const geo::NumericColumn e = out.numeric("LMiExpect"), v = out.numeric("LMiVar");
  std::size_t compared = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto row = ref.rows.find(out.ids[i]);
    if (row == ref.rows.end() || std::isnan(row->second.at("E_Ii"))) {
      EXPECT_TRUE(std::isnan(e.values[i]) && std::isnan(v.values[i])) << out.ids[i];
      continue;
    }
    EXPECT_NEAR(e.values[i], row->second.at("E_Ii") * scale, 1e-13) << out.ids[i];
    EXPECT_NEAR(v.values[i], row->second.at("Var_Ii") * scale * scale, 1e-12) << out.ids[i];
    ++compared;
  }
  EXPECT_EQ(compared, 30u);
  // Without --moments the fields are not written.
  geo::Layer plain = run("lisa", {{"permutations", "0"}});
  for (auto& f : plain.fields) EXPECT_NE(f.name, "LMiExpect");
}

// --permutations 0: C_i alone, a NULL p-value and no cluster field.
TEST_F(LocalCommands, LocalGearyWithoutPermutationsGivesCiAlone) {
  const Reference ref = read_reference();
  geo::Layer out = run("local-geary", {{"permutations", "0"}});
  expect_matches(out, "LCIndex", ref, "localC");
  for (double p : out.numeric("LCPValue").values) EXPECT_TRUE(std::isnan(p));
  for (auto& f : out.fields) EXPECT_NE(f.name, "LC_CL");
}

// --json without -o: the summary of a run, nothing written.
TEST_F(LocalCommands, SummaryOnlyRunWithoutOutput) {
  for (const char* command : {"lisa", "hotspot", "local-geary"}) {
    const Algorithm* algorithm = find_algorithm(command);
    ASSERT_NE(algorithm, nullptr);
    Arguments args = algorithm->arguments();
    args.set("input", kSample);
    args.add("field", "gdp_2011");
    args.set("weights", "queen");
    args.set("permutations", "99");
    const Result r = algorithm->run(args, silent_feedback());
    EXPECT_TRUE(r.summary["output"].is_null()) << command;
    EXPECT_EQ(r.summary["years"][0]["n"].get<std::size_t>(), 31u) << command;
    EXPECT_TRUE(r.files.empty()) << command;
    EXPECT_NE(r.report.find("nothing written"), std::string::npos) << command;
  }
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(LocalCommands, LocalGearyMatchesSpdepLocalC) {
  const Reference ref = read_reference();
  geo::Layer out = run("local-geary", {{"permutations", "99"}});
  expect_matches(out, "LCIndex", ref, "localC");
}

TEST_F(LocalCommands, PermutationResultsDoNotDependOnThreads) {
  geo::Layer one = run("lisa", {{"threads", "1"}, {"seed", "7"}});
  geo::Layer two = run("lisa", {{"threads", "2"}, {"seed", "7"}});
  for (const char* field : {"LMiPValue", "LMiZScore", "LISA_CL"}) {
    const auto a = one.numeric(field).values, b = two.numeric(field).values;
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!std::isnan(a[i]) || !std::isnan(b[i])) {
        EXPECT_EQ(a[i], b[i]) << field << " of " << one.ids[i];
      }
  }
}

}  // namespace
}  // namespace rs
