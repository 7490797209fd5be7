// Arguments: errors name the parameter, each front end in its own words (the command line as
// its flag, QGIS as its parameter name), and required parameters are checked before any work.
#include "analysis/algorithm.hpp"

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"

namespace rs {
namespace {

TEST(Arguments, ErrorsNameTheParameterForEachFrontEnd) {
  const Algorithm* lisa = find_algorithm("lisa");
  ASSERT_NE(lisa, nullptr);
  Arguments args = lisa->arguments();
  args.set("p_rule", "sideways");
  try {
    args.text("p_rule");
    FAIL() << "accepted";
  } catch (const ParameterError& e) {
    EXPECT_EQ(e.parameter(), "p_rule");
    EXPECT_EQ(std::string(e.what()).rfind("--p-rule must be one of folded, folded-ties", 0), 0u) << e.what();
    EXPECT_EQ(e.rendered("P_RULE").rfind("P_RULE must be one of", 0), 0u);
  }
  args.set("permutations", "-5");
  try {
    args.integer("permutations");
    FAIL() << "accepted";
  } catch (const ParameterError& e) {
    EXPECT_NE(std::string(e.what()).find("--permutations must be between 0 and"), std::string::npos) << e.what();
  }
}

TEST(Arguments, RequiredParametersAreCheckedBeforeAnyWork) {
  const Algorithm* lisa = find_algorithm("lisa");
  ASSERT_NE(lisa, nullptr);
  Arguments args = lisa->arguments();
  args.set("input", "/nonexistent/layer.gpkg");  // never opened: the check comes first
  try {
    args.check_required();
    FAIL() << "accepted";
  } catch (const ParameterError& e) {
    EXPECT_EQ(e.parameter(), "field");
  }
  args.set("field", "gdp_2011");
  EXPECT_NO_THROW(args.check_required());
}

}  // namespace
}  // namespace rs
