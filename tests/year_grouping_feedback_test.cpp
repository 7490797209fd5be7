// Warnings repeated per year (analysis/year_grouping_feedback): one line with the years they
// concern, each year listed once even when a caller gives the same year's warning again.
#include "analysis/year_grouping_feedback.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rs {
namespace {

class Recorder : public Feedback {
 public:
  void info(const std::string& message) override { infos.push_back(message); }
  void warning(const std::string& message) override { warnings.push_back(message); }
  std::vector<std::string> infos, warnings;
};

TEST(YearGroupingFeedback, EachYearIsListedOnce) {
  Recorder out;
  {
    YearGroupingFeedback grouped(out);
    // A base year is read for every period of a panel (decoupling from a base year).
    for (const char* year : {"2010", "2011", "2010", "2012", "2010"})
      grouped.warning(std::string("field 'co2_") + year + "': 1 unit(s) excluded (1 NULL): b");
  }
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0], "field 'co2_{year}': 1 unit(s) excluded (1 NULL): b (years: 2010, 2011, 2012)");
}

TEST(YearGroupingFeedback, OneYearGivenTwiceIsOneWarning) {
  Recorder out;
  YearGroupingFeedback grouped(out, true);
  grouped.info("field 'gdp_2011': 2 unit(s) without neighbours");
  grouped.info("field 'gdp_2011': 2 unit(s) without neighbours");
  grouped.warning("field 'gdp_2011': 3 unit(s) excluded (3 NULL): 32, 33, 34");
  grouped.warning("field 'gdp_2011': 3 unit(s) excluded (3 NULL): 32, 33, 34");
  grouped.flush();
  EXPECT_EQ(out.infos, std::vector<std::string>{"field 'gdp_2011': 2 unit(s) without neighbours"});
  EXPECT_EQ(out.warnings, std::vector<std::string>{"field 'gdp_2011': 3 unit(s) excluded (3 NULL): 32, 33, 34"});
}

}  // namespace
}  // namespace rs
