// The compact weights spec (--weights) is strict: every value is named or can mean one thing
// only, and a value given twice or one the method does not use is an error, never ignored.
// Every example the help texts print is parsed here.
#include "geo/weights_spec.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "algorithms/errors.hpp"
#include "analysis/algorithm.hpp"

namespace rs {
namespace {

std::string message_of(const std::string& spec) {
  try {
    geo::parse_weights_spec(spec);
  } catch (const UsageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "'" << spec << "' was accepted";
  return "";
}

TEST(WeightsSpec, BareNumbersOnlyWhereUnambiguous) {
  EXPECT_EQ(geo::parse_weights_spec("knn:6").k, 6);
  EXPECT_EQ(geo::parse_weights_spec("knn:k=6").k, 6);
  EXPECT_EQ(geo::parse_weights_spec("band:150km").distance, 150);
  const geo::WeightsSpec idw = geo::parse_weights_spec("idw:300km:power=2");
  EXPECT_EQ(idw.distance, 300);
  EXPECT_EQ(idw.distance_unit, "km");
  EXPECT_EQ(idw.power, 2);
  // The help's old example: "2" could be the power or a distance; it used to run with power 1.
  EXPECT_NE(message_of("idw:2:300km").find("'2' in 'idw:2:300km' is ambiguous; name it: power=2 or distance=2"),
            std::string::npos);
  EXPECT_NE(message_of("kernel:gaussian:8").find("k=8 or bandwidth=8"), std::string::npos);
  EXPECT_EQ(geo::parse_weights_spec("kernel:gaussian:800km").distance, 800);
  EXPECT_EQ(geo::parse_weights_spec("idw:distance=1.5").distance, 1.5);
}

TEST(WeightsSpec, RepeatedAndStrayValuesAreErrors) {
  EXPECT_NE(message_of("knn:6:k=8").find("gives the k twice"), std::string::npos);
  EXPECT_NE(message_of("idw:300km:power=2:power=3").find("gives the power twice"), std::string::npos);
  EXPECT_NE(message_of("knn:6:power=2").find("'power=2' (power) does not apply to knn weights"), std::string::npos);
  EXPECT_NE(message_of("queen:k=4").find("does not apply to queen weights"), std::string::npos);
  EXPECT_NE(message_of("band:100km:snap=0.1").find("does not apply to band weights"), std::string::npos);
  EXPECT_NE(message_of("queen:5").find("unexpected '5' after queen"), std::string::npos);
  EXPECT_NE(message_of("kernel:gaussian:uniform").find("gives the kernel twice"), std::string::npos);
}

TEST(WeightsSpec, EveryExampleOfTheHelpParses) {
  // The label of --weights lists examples separated by commas.
  const Algorithm* lisa = find_algorithm("lisa");
  ASSERT_NE(lisa, nullptr);
  std::string label;
  for (const auto& p : lisa->parameters())
    if (p.name == "weights") label = p.label;
  ASSERT_NE(label.find(':'), std::string::npos);
  std::string list = label.substr(label.find(':') + 1);
  std::vector<std::string> examples;
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    item.erase(0, item.find_first_not_of(' '));
    if (item.rfind("or ", 0) != 0 && !item.empty()) examples.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  ASSERT_GE(examples.size(), 6u) << label;
  for (const auto& example : examples) EXPECT_NO_THROW(geo::parse_weights_spec(example)) << example;
  // The README's and --help's other forms.
  for (const char* example : {"queen:snap=0.001", "queen:overlap", "queen:order=2:cumulative", "knn:4:points=surface",
                              "idw:300km:power=2", "kernel:gaussian:k=8", "rook:overlap", "knn:6:symmetric",
                              "kernel:gaussian:bandwidth=100km:fixed"})
    EXPECT_NO_THROW(geo::parse_weights_spec(example)) << example;
}

}  // namespace
}  // namespace rs
