// Recipes: TOML and JSON parsing, years, patterns, validation against the registry, and the
// plan of steps for one input (per-year runs, chaining, paths).
#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "analysis/recipe.hpp"

namespace rs {
namespace {

const char* kRecipe = R"(
description = "LISA and hot spots per year"
inputs = ["layers/*.gpkg", "extra/prov_2015.shp"]
output_dir = "results"
years = "2002-2004"

[[steps]]
run = "convert"
t-srs = "EPSG:4490"
output = "{stem}_cgcs.gpkg"
chain = true

[[steps]]
run = "lisa"
field = "grp_{year}"
permutations = 99
weights_file = "provinces.gal"
alpha = 0.05
overwrite = false
output = "{stem}/lisa_{year}.gpkg"

[[steps]]
run = "migration"
weight = ["grp_2002", "grp_2004"]
output = "{stem}_centres.gpkg"
)";

Recipe sample_recipe() { return parse_recipe(toml_to_json(kRecipe, "sample.toml"), "sample.toml", "/data/recipes"); }

TEST(RecipeTest, YearInNameIsTheLastFourDigitYear) {
  EXPECT_EQ(year_in_name("gdp_2011"), "2011");
  EXPECT_EQ(year_in_name("prov2015_v2"), "2015");
  EXPECT_EQ(year_in_name("census_2000_2010"), "2010");
  EXPECT_EQ(year_in_name("tracts_12345"), "");  // five digits: not a year
  EXPECT_EQ(year_in_name("zone_1700"), "");     // out of range
  EXPECT_EQ(year_in_name("provinces"), "");
}

TEST(RecipeTest, YearsFromRangesAndLists) {
  EXPECT_EQ(parse_years("2002-2004", "years"), (std::vector<std::string>{"2002", "2003", "2004"}));
  EXPECT_EQ(parse_years("2010..2011", "years"), (std::vector<std::string>{"2010", "2011"}));
  EXPECT_EQ(parse_years("2002, 2005", "years"), (std::vector<std::string>{"2002", "2005"}));
  EXPECT_EQ(parse_years(nlohmann::json::array({2002, "2005-2006"}), "years"),
            (std::vector<std::string>{"2002", "2005", "2006"}));
  EXPECT_THROW(parse_years("20x2", "years"), UsageError);
  EXPECT_THROW(parse_years("2011-2002", "years"), UsageError);
  EXPECT_THROW(parse_years(nlohmann::json::array(), "years"), UsageError);
}

TEST(RecipeTest, PatternsFillKnownKeysAndNameUnknownOnes) {
  const std::map<std::string, std::string> values{{"stem", "china_provinces"}, {"year", "2011"}};
  EXPECT_EQ(expand_pattern("{stem}_lisa_{year}.gpkg", values), "china_provinces_lisa_2011.gpkg");
  EXPECT_EQ(expand_pattern("plain.gpkg", values), "plain.gpkg");
  try {
    expand_pattern("{stme}.gpkg", values);
    FAIL() << "an unknown key must be an error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("{stme}"), std::string::npos);
  }
  EXPECT_THROW(expand_pattern("{stem.gpkg", values), UsageError);
}

TEST(RecipeTest, TomlRecipeParsesIntoStepsAndOptions) {
  const Recipe recipe = sample_recipe();
  EXPECT_EQ(recipe.inputs, (std::vector<std::string>{"layers/*.gpkg", "extra/prov_2015.shp"}));
  EXPECT_EQ(recipe.output_dir, "results");
  EXPECT_EQ(recipe.years, (std::vector<std::string>{"2002", "2003", "2004"}));
  ASSERT_EQ(recipe.steps.size(), 3u);
  EXPECT_EQ(recipe.steps[0].algorithm, "convert");
  EXPECT_TRUE(recipe.steps[0].chain);
  EXPECT_EQ(recipe.steps[0].options.at("t_srs"), std::vector<std::string>{"EPSG:4490"});  // dashes read as underscores
  EXPECT_FALSE(recipe.steps[1].chain);
  EXPECT_EQ(recipe.steps[1].options.at("permutations"), std::vector<std::string>{"99"});
  EXPECT_EQ(recipe.steps[1].options.at("alpha"), std::vector<std::string>{"0.05"});
  EXPECT_EQ(recipe.steps[1].options.at("overwrite"), std::vector<std::string>{"false"});
  EXPECT_EQ(recipe.steps[2].options.at("weight"), (std::vector<std::string>{"grp_2002", "grp_2004"}));
  EXPECT_NO_THROW(validate_recipe(recipe));
}

TEST(RecipeTest, JsonRecipeReadsTheSameAsToml) {
  const auto tree = nlohmann::json::parse(R"({"inputs": "a.gpkg", "steps": [{"run": "hotspot", "field": "gdp_2011",
                                              "output": "{stem}_gi.gpkg"}]})");
  const Recipe recipe = parse_recipe(tree, "r.json", ".");
  EXPECT_EQ(recipe.inputs, std::vector<std::string>{"a.gpkg"});
  EXPECT_EQ(recipe.output_dir, ".");
  ASSERT_EQ(recipe.steps.size(), 1u);
  EXPECT_EQ(recipe.steps[0].options.at("field"), std::vector<std::string>{"gdp_2011"});
}

TEST(RecipeTest, MistakesNameTheirPlace) {
  auto message = [](const std::string& toml) {
    try {
      Recipe r = parse_recipe(toml_to_json(toml, "bad.toml"), "bad.toml", ".");
      validate_recipe(r);
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("inputs = [\"a\"]\n[[steps]]\nfield = \"x\"\n").find("step 1 needs run"), std::string::npos);
  EXPECT_NE(message("inputs = [\"a\"]\nouput_dir = \"x\"\n[[steps]]\nrun = \"lisa\"\n").find("ouput_dir: unknown key"),
            std::string::npos);
  EXPECT_NE(message("inputs = [\"a\"]\n[[steps]]\nrun = \"lisaa\"\n").find("no such command"), std::string::npos);
  EXPECT_NE(message("inputs = [\"a\"]\n[[steps]]\nrun = \"lisa\"\nfeild = \"x\"\n").find("no option 'feild'"),
            std::string::npos);
  EXPECT_NE(message("inputs = [\"a\"]\n[[steps]]\nrun = \"lisa\"\nyears = \"2002-2003\"\nfield = \"gdp_2011\"\n")
                .find("none of its options uses {year}"),
            std::string::npos);
  EXPECT_NE(message("inputs = [\"a\"]\n[[steps]]\nrun = \"lisa\"\noutput = \"/tmp/x.gpkg\"\n").find("inside output_dir"),
            std::string::npos);
  EXPECT_NE(message("inputs = [\"a\"]\n[[steps]]\nrun = \"run\"\n").find("no such command"), std::string::npos);
  EXPECT_NE(message("inputs = [\"a\"\n").find("bad.toml, line 1"), std::string::npos);  // TOML syntax
}

TEST(RecipeTest, PlanRunsPerYearAndChainsTheConvertedLayer) {
  const Recipe recipe = sample_recipe();
  const auto plan = plan_input(recipe, "/data/layers/china_provinces.gpkg");
  ASSERT_EQ(plan.size(), 1u + 3u + 1u);  // convert, lisa for 2002-2004, migration
  EXPECT_EQ(plan[0].algorithm, "convert");
  EXPECT_EQ(plan[0].input_parameter, "input");
  EXPECT_EQ(plan[0].input, "/data/layers/china_provinces.gpkg");
  EXPECT_FALSE(plan[0].input_is_output);
  EXPECT_EQ(plan[0].outputs.at("output"), "china_provinces_cgcs.gpkg");
  for (int k = 0; k < 3; ++k) {
    const PlannedStep& lisa = plan[1 + k];
    const std::string year = std::to_string(2002 + k);
    EXPECT_EQ(lisa.year, year);
    EXPECT_EQ(lisa.input, "china_provinces_cgcs.gpkg");
    EXPECT_TRUE(lisa.input_is_output);
    EXPECT_EQ(lisa.values.at("field"), std::vector<std::string>{"grp_" + year});
    EXPECT_EQ(lisa.values.at("weights_file"), std::vector<std::string>{"/data/recipes/provinces.gal"});  // beside the recipe
    EXPECT_EQ(lisa.outputs.at("output"), "china_provinces/lisa_" + year + ".gpkg");
  }
  EXPECT_EQ(plan[4].year, "");
  EXPECT_EQ(plan[4].input, "china_provinces_cgcs.gpkg");
  EXPECT_EQ(describe_step(plan[1], "/out"),
            "regionstat lisa /out/china_provinces_cgcs.gpkg --alpha 0.05 --field grp_2002 --overwrite false "
            "--permutations 99 --weights-file /data/recipes/provinces.gal --output /out/china_provinces/lisa_2002.gpkg");
}

TEST(RecipeTest, YearComesFromTheInputNameWithoutYearsListed) {
  const std::string toml = "inputs = [\"x\"]\n[[steps]]\nrun = \"hotspot\"\nfield = \"gdp_{year}\"\noutput = \"{stem}_gi.gpkg\"\n";
  const Recipe recipe = parse_recipe(toml_to_json(toml, "r.toml"), "r.toml", ".");
  const auto plan = plan_input(recipe, "in/prov_2015.gpkg");
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].values.at("field"), std::vector<std::string>{"gdp_2015"});
  EXPECT_EQ(plan[0].outputs.at("output"), "prov_2015_gi.gpkg");
  EXPECT_THROW(plan_input(recipe, "in/provinces.gpkg"), DataError);  // no year anywhere
}

}  // namespace
}  // namespace rs
