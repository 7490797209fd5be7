// Centres and ellipses: reference values from sf and ESRI's formulas
// (tests/reference/centrography_reference.R), the identities of a published ellipse table, the
// median centre against a brute-force optimum, and hand examples.
#include <cmath>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "algorithms/centrography.hpp"
#include "algorithms/migration.hpp"
#include "analysis/algorithm.hpp"
#include "geo/layer.hpp"
#include "geo/unit_points.hpp"
#include "tests/local_reference_data.hpp"

namespace {

using namespace rs;
namespace fs = std::filesystem;

std::string dataset_path(const std::string& dataset) {
  if (dataset == "china_provinces") return std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_provinces.gpkg";
  return std::string(SPDATA_DIR) + "/shapes/" + dataset + ".shp";
}

Result run(const std::string& algorithm, const std::map<std::string, std::string>& values) {
  const Algorithm* a = find_algorithm(algorithm);
  EXPECT_NE(a, nullptr);
  Arguments args = a->arguments();
  for (auto& [k, v] : values) args.set(k, v);
  return a->run(args, silent_feedback());
}

void expect_close(double actual, double expected, double rel, const std::string& what) {
  EXPECT_NEAR(actual, expected, rel * std::max(1.0, std::fabs(expected))) << what;
}

TEST(CentrographyReference, EllipsesAndMeanCentresMatchSf) {
  const std::string path = test::reference_path("centrography_expected.csv");
  auto rows = test::read_csv_records(path);
  ASSERT_EQ(rows.size(), 19u) << path;
  for (auto& row : rows) {
    const std::string what = row["dataset"] + " " + row["weight"] + " " + row["convention"];
    std::map<std::string, std::string> values{{"input", dataset_path(row["dataset"])},
                                              {"convention", row["convention"]},
                                              {"std", row["std"]}};
    if (!row["weight"].empty()) values["weight"] = row["weight"];
    Result r = run("ellipse", values);
    const auto& s = r.summary;
    EXPECT_EQ(s["ellipses"][0]["n"].get<std::size_t>(), std::stoul(row["n"])) << what;
    expect_close(s["center_x"].get<double>(), std::stod(row["center_x"]), 1e-10, what + " center_x");
    expect_close(s["center_y"].get<double>(), std::stod(row["center_y"]), 1e-10, what + " center_y");
    expect_close(s["semi_major"].get<double>(), std::stod(row["semi_major"]), 1e-9, what + " semi_major");
    expect_close(s["semi_minor"].get<double>(), std::stod(row["semi_minor"]), 1e-9, what + " semi_minor");
    EXPECT_NEAR(s["rotation_deg"].get<double>(), std::stod(row["rotation"]), 1e-8) << what;
    const double a = s["semi_major"].get<double>(), b = s["semi_minor"].get<double>();
    EXPECT_NEAR(s["area"].get<double>(), M_PI * a * b, 1e-9 * M_PI * a * b) << what;
    EXPECT_NEAR(s["flattening"].get<double>(), (a - b) / a, 1e-12) << what;

    // The mean centre of `regionstat centre` is the ellipse's centre.
    std::map<std::string, std::string> cv{{"input", values["input"]}, {"type", "mean"}};
    if (!row["weight"].empty()) cv["weight"] = row["weight"];
    Result c = run("centre", cv);
    expect_close(c.summary["center_x"].get<double>(), std::stod(row["center_x"]), 1e-10, what + " mean centre x");
    expect_close(c.summary["center_y"].get<double>(), std::stod(row["center_y"]), 1e-10, what + " mean centre y");
    // ... and its standard distance is ESRI's Standard Distance (R, from the same points).
    expect_close(c.summary["standard_distance"].get<double>(), std::stod(row["standard_distance"]), 1e-9,
                 what + " standard distance");
  }
}

TEST(CentrographyReference, PublishedEllipseTableIdentities) {
  // ../shared/data/seed/sde_2006_2019.csv: a published standard deviational ellipse; its columns
  // must satisfy flattening = (a - b) / a, area = pi a b and perimeter = Ramanujan II (to 0.1 %).
  const std::string path = test::shared_path("seed/sde_2006_2019.csv");
  if (!fs::exists(path)) GTEST_SKIP() << "no " << path << " (a clone without ../shared)";
  auto rows = test::read_csv_records(path);
  ASSERT_EQ(rows.size(), 4u);
  for (auto& row : rows) {
    const double b = std::stod(row["minor_semi_axis_km"]), a = std::stod(row["major_semi_axis_km"]);
    EXPECT_NEAR(100 * (a - b) / a, std::stod(row["flattening_pct"]), 0.01) << row["year"];
    EXPECT_NEAR(M_PI * a * b / 1e4, std::stod(row["area_10k_km2"]), 1e-3 * std::stod(row["area_10k_km2"])) << row["year"];
    EXPECT_NEAR(centrography::ramanujan_perimeter(a, b), std::stod(row["perimeter_km"]),
                1e-3 * std::stod(row["perimeter_km"])) << row["year"];
    // And an ellipse built by our code with these axes reports the same identities.
    centrography::Ellipse e;
    e.semi_major = a;
    e.semi_minor = b;
    std::vector<double> ox, oy;
    centrography::ellipse_outline(e, 4, ox, oy);
    EXPECT_NEAR(std::hypot(ox[0], oy[0]), a, 1e-9);
    EXPECT_NEAR(std::hypot(ox[1], oy[1]), b, 1e-9);
  }
}

TEST(Centrography, RamanujanPerimeterOfACircleAndASegment) {
  EXPECT_NEAR(centrography::ramanujan_perimeter(1, 1), 2 * M_PI, 1e-15);
  // Degenerate ellipse (b = 0): perimeter 4a; Ramanujan II is off by about 0.04 % there.
  EXPECT_NEAR(centrography::ramanujan_perimeter(1, 0), 4.0, 4.0 * 5e-4);
}

TEST(Centrography, EllipseRotationIsTheAzimuthOfTheMajorAxis) {
  // Points along the line y = x (azimuth 45 degrees), and along y = -x (135 degrees).
  std::vector<double> x{-2, -1, 0, 1, 2, 0.1}, y{-2, -1, 0, 1, 2, -0.1};
  auto e = centrography::standard_deviational_ellipse(x, y);
  EXPECT_NEAR(e.rotation_deg, 45.0, 1e-9);
  for (auto& v : y) v = -v;
  e = centrography::standard_deviational_ellipse(x, y);
  EXPECT_NEAR(e.rotation_deg, 135.0, 1e-9);
  // Along the x axis: azimuth 90; the ArcGIS semi-major is sqrt(2) * the standard deviation.
  std::vector<double> x2{-1, 1, 0, 0}, y2{0, 0, 0.5, -0.5};
  e = centrography::standard_deviational_ellipse(x2, y2);
  EXPECT_NEAR(e.rotation_deg, 90.0, 1e-12);
  EXPECT_NEAR(e.semi_major, std::sqrt(2.0) * std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(e.semi_minor, std::sqrt(2.0) * std::sqrt(0.125), 1e-12);
  auto u = centrography::standard_deviational_ellipse(x2, y2, {}, 2.0, centrography::EllipseConvention::Unscaled);
  EXPECT_NEAR(u.semi_major, 2 * std::sqrt(0.5), 1e-12);
}

// Brute force: the best point of a grid, refined around the best cell until the cell is tiny.
std::pair<double, double> grid_optimum(const std::vector<double>& x, const std::vector<double>& y,
                                       const std::vector<double>& w) {
  auto f = [&](double cx, double cy) {
    double s = 0;
    for (std::size_t i = 0; i < x.size(); ++i) s += w[i] * std::hypot(x[i] - cx, y[i] - cy);
    return s;
  };
  double x0 = *std::min_element(x.begin(), x.end()), x1 = *std::max_element(x.begin(), x.end());
  double y0 = *std::min_element(y.begin(), y.end()), y1 = *std::max_element(y.begin(), y.end());
  double bx = x0, by = y0, best = f(bx, by);
  for (int round = 0; round < 12; ++round) {
    const int g = 100;
    for (int i = 0; i <= g; ++i)
      for (int j = 0; j <= g; ++j) {
        const double cx = x0 + (x1 - x0) * i / g, cy = y0 + (y1 - y0) * j / g;
        const double v = f(cx, cy);
        if (v < best) best = v, bx = cx, by = cy;
      }
    const double hx = (x1 - x0) / 10, hy = (y1 - y0) / 10;
    x0 = bx - hx, x1 = bx + hx, y0 = by - hy, y1 = by + hy;
  }
  return {bx, by};
}

TEST(Centrography, MedianCentreOfColumbusMatchesGridOptimum) {
  geo::Layer layer = geo::read_layer(std::string(SPDATA_DIR) + "/shapes/columbus.shp");
  geo::UnitPoints p = geo::unit_points(layer);
  std::vector<double> w = layer.numeric("INC").values;
  auto m = centrography::median_centre(p.x, p.y, w);
  ASSERT_TRUE(m.converged);
  auto [gx, gy] = grid_optimum(p.x, p.y, w);
  EXPECT_NEAR(m.x, gx, 1e-6);
  EXPECT_NEAR(m.y, gy, 1e-6);
}

TEST(Centrography, MedianCentreWhenTheIterateMeetsADataPoint) {
  // Weighted mean (0, 0) is a data point of small weight; the optimum is the heavy point (0, -2)
  // (weighted median of a collinear set: weight 2 there against 1.1 elsewhere).
  std::vector<double> x{0, 0, 0}, y{0, 4, -2}, w{0.1, 1, 2};
  auto m = centrography::median_centre(x, y, w);
  EXPECT_TRUE(m.converged);
  EXPECT_NEAR(m.x, 0, 1e-9);
  EXPECT_NEAR(m.y, -2, 1e-8);
  // A symmetric cross: the mean is the centre point, which is optimal; no division by zero.
  std::vector<double> cx{0, 1, -1, 0, 0}, cy{0, 0, 0, 1, -1};
  m = centrography::median_centre(cx, cy);
  EXPECT_TRUE(m.converged);
  EXPECT_EQ(m.x, 0);
  EXPECT_EQ(m.y, 0);
  EXPECT_NEAR(m.objective, 4.0, 1e-15);
}

// Four unit-weight points at distance 1, 1, 1, 1 from (0, 0): SD = 1; weighting one point
// moves the centre, and SD = sqrt(sum w d^2 / sum w) around it, by hand.
TEST(Centrography, StandardDistanceByHand) {
  const std::vector<double> x{1, -1, 0, 0}, y{0, 0, 1, -1};
  EXPECT_NEAR(centrography::standard_distance(x, y), 1.0, 1e-15);
  // weights 3, 1, 0, 0: centre (0.5, 0); squared distances 0.25, 2.25 -> (0.75 + 2.25) / 4
  EXPECT_NEAR(centrography::standard_distance(x, y, {3, 1, 0, 0}), std::sqrt(0.75), 1e-15);
  EXPECT_THROW(centrography::standard_distance(x, y, {0, 0, 0, 0}), std::invalid_argument);
}

TEST(Centrography, CentralFeatureByHand) {
  // Sums of distances: A(0,0): 1 + 3 = 4; B(1,0): 1 + 2 = 3; C(3,0): 3 + 2 = 5 -> B.
  EXPECT_EQ(centrography::central_feature({0, 1, 3}, {0, 0, 0}), 1u);
  // Weighting C by 10: A: 1 + 30 = 31; B: 1 + 20 = 21; C: 3 + 2 = 5 -> C.
  EXPECT_EQ(centrography::central_feature({0, 1, 3}, {0, 0, 0}, {1, 1, 10}), 2u);
}

TEST(Migration, CompassLabelsAndSteps) {
  EXPECT_STREQ(migration::compass_label(0), "N");
  EXPECT_STREQ(migration::compass_label(11.2), "N");
  EXPECT_STREQ(migration::compass_label(11.3), "NNE");
  EXPECT_STREQ(migration::compass_label(45), "NE");
  EXPECT_STREQ(migration::compass_label(180), "S");
  EXPECT_STREQ(migration::compass_label(292.5), "WNW");
  EXPECT_STREQ(migration::compass_label(349), "N");
  auto leg = migration::planar_leg(0, 0, -3000, -4000, 0.001);  // metres -> km
  EXPECT_NEAR(leg.distance, 5.0, 1e-12);
  EXPECT_NEAR(leg.azimuth_deg, 180 + std::atan2(3.0, 4.0) * 180 / M_PI, 1e-12);
  auto steps = migration::migration_steps({2002, 2004, 2005}, {{10, 90}, {3, 0}});
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].direction, "E");
  EXPECT_DOUBLE_EQ(steps[0].speed, 5.0);
  EXPECT_DOUBLE_EQ(steps[1].cumulative, 13.0);
  EXPECT_THROW(migration::migration_steps({2002, 2002}, {{1, 0}}), std::invalid_argument);
}

TEST(MigrationCommand, ChinaGdpCentresMatchTheReferenceEllipses) {
  // The centres of `migration` are those of `ellipse` per year (checked above against sf).
  const std::string path = test::reference_path("centrography_expected.csv");
  std::map<std::string, std::pair<double, double>> expected;
  for (auto& row : test::read_csv_records(path))
    if (row["dataset"] == "china_provinces" && row["convention"] == "arcgis")
      expected[row["weight"]] = {std::stod(row["center_x"]), std::stod(row["center_y"])};
  ASSERT_EQ(expected.size(), 10u);
  Result r = run("migration", {{"input", dataset_path("china_provinces")}, {"weight", "gdp_*"}});
  ASSERT_EQ(r.summary["years"].size(), 10u);
  double path_length = 0;
  for (auto& y : r.summary["years"]) {
    auto e = expected.at(y["field"].get<std::string>());
    EXPECT_NEAR(y["center_x"].get<double>(), e.first, 1e-9);
    EXPECT_NEAR(y["center_y"].get<double>(), e.second, 1e-9);
    if (y.contains("distance")) path_length += y["distance"].get<double>();
  }
  EXPECT_NEAR(r.summary["total_distance"].get<double>(), path_length, 1e-9);
}

}  // namespace
