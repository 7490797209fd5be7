// Gravity model, Huff, Reilly and primacy: distances against PROJ's `geod`, hand examples.
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "algorithms/errors.hpp"
#include "algorithms/gravity.hpp"
#include "analysis/algorithm.hpp"
#include "analysis/mass_expression.hpp"
#include "geo/layer.hpp"
#include "geo/projection.hpp"

namespace {

using namespace rs;

// Geodesic distances (km) between Henan cities of sample_layers/china_cities.gpkg, computed with
// PROJ's command-line tool (proj-bin 9.1.0), e.g.
//   echo "34.75 113.67 34.68 112.47" | geod +ellps=WGS84 -I +units=km -f "%.9f" -F "%.9f"
// (input: lat1 lon1 lat2 lon2; output: azimuth 1, azimuth 2, distance).
struct GeodPair {
  const char* a;
  const char* b;
  double lat1, lon1, lat2, lon2, azimuth, km;
};
const GeodPair kGeod[] = {
    {"Zhengzhou", "Luoyang", 34.75, 113.67, 34.68, 112.47, -93.699028989, 110.197554046},
    {"Zhengzhou", "Kaifeng", 34.75, 113.67, 34.85, 114.35, 79.697646612, 63.207632387},
    {"Zhengzhou", "Xinxiang", 34.75, 113.67, 35.32, 113.87, 16.040644465, 65.817205954},
    {"Luoyang", "Kaifeng", 34.68, 112.47, 34.85, 114.35, 83.211255163, 173.138495964},
    {"Luoyang", "Xinxiang", 34.68, 112.47, 35.32, 113.87, 60.545189189, 146.199559043},
    {"Kaifeng", "Xinxiang", 34.85, 114.35, 35.32, 113.87, -39.875155236, 68.080199756},
};
const std::map<std::string, double> kPop{
    {"Zhengzhou", 2023495}, {"Luoyang", 1397051}, {"Kaifeng", 581579}, {"Xinxiang", 747060}};

TEST(Gravity, GeodesicDistancesMatchGeod) {
  for (auto& p : kGeod) {
    double az = 0;
    const double d = geo::geodesic_km(6378137.0, 1 / 298.257223563, p.lat1, p.lon1, p.lat2, p.lon2, &az);
    EXPECT_NEAR(d, p.km, 1e-8) << p.a << "-" << p.b;
    EXPECT_NEAR(az, p.azimuth < 0 ? p.azimuth + 360 : p.azimuth, 1e-8) << p.a << "-" << p.b;
  }
}

TEST(Gravity, CommandStrengthsMatchHandComputedGeodDistances) {
  const Algorithm* a = find_algorithm("gravity");
  ASSERT_NE(a, nullptr);
  Arguments args = a->arguments();
  args.set("input", std::string(REGIONSTAT_SOURCE_DIR) + "/sample_layers/china_cities.gpkg");
  args.set("id", "name");
  args.set("mass", "pop");
  args.set("where", "province_zh = '河南' AND name IN ('Zhengzhou', 'Luoyang', 'Kaifeng', 'Xinxiang')");
  Result r = a->run(args, silent_feedback());
  ASSERT_EQ(r.summary["pairs"].get<int>(), 6);
  std::map<std::string, double> total;
  for (auto& link : r.summary["strongest_links"]) {
    const std::string o = link["origin"], d = link["destination"];
    const GeodPair* match = nullptr;
    for (auto& p : kGeod)
      if ((o == p.a && d == p.b) || (o == p.b && d == p.a)) match = &p;
    ASSERT_NE(match, nullptr) << o << "-" << d;
    const double expected = kPop.at(o) * kPop.at(d) / (match->km * match->km);
    EXPECT_NEAR(link["distance"].get<double>(), match->km, 1e-8);
    EXPECT_NEAR(link["strength"].get<double>(), expected, 1e-9 * expected) << o << "-" << d;
    total[o] += expected;
    total[d] += expected;
  }
  double all = 0;
  for (auto& [k, v] : total) all += v;
  for (auto& c : r.summary["centres"]) {
    const std::string id = c["id"];
    EXPECT_NEAR(c["total"].get<double>(), total[id], 1e-9 * total[id]) << id;
    EXPECT_NEAR(c["share"].get<double>(), total[id] / all, 1e-10) << id;  // geod prints 9 decimals
  }
  // Zhengzhou's strongest partner: Xinxiang (2023495 * 747060 / 65.8172^2 = 3.4896e8) beats
  // Kaifeng (2.9456e8) and Luoyang (2.3279e8).
  EXPECT_EQ(r.summary["centres"][0]["id"], "Zhengzhou");
  EXPECT_EQ(r.summary["centres"][0]["strongest"], "Xinxiang");
}

TEST(Gravity, ModelTopKAndThreshold) {
  // Three centres on a line at 0, 1, 3 with masses 1, 2, 4; beta 2, k 1.
  std::vector<double> d{0, 1, 3, 1, 0, 2, 3, 2, 0};
  auto g = gravity::gravity_model({1, 2, 4}, d);
  ASSERT_EQ(g.links.size(), 3u);
  EXPECT_DOUBLE_EQ(g.links[0].strength, 2.0);        // 1*2/1
  EXPECT_DOUBLE_EQ(g.links[1].strength, 4.0 / 9.0);  // 1*4/9
  EXPECT_DOUBLE_EQ(g.links[2].strength, 2.0);        // 2*4/4
  EXPECT_DOUBLE_EQ(g.totals[1], 4.0);
  EXPECT_DOUBLE_EQ(g.shares[0] + g.shares[1] + g.shares[2], 1.0);
  EXPECT_EQ(g.strongest[0], 1u);
  EXPECT_EQ(gravity::top_links(g.links, 3, 1).size(), 2u);  // the 0-2 link is nobody's strongest
  EXPECT_EQ(gravity::links_above(g.links, 1.0).size(), 2u);
  d[1] = d[3] = 0;
  EXPECT_THROW(gravity::gravity_model({1, 2, 4}, d), std::invalid_argument);
}

TEST(Gravity, HuffProbabilitiesSumToOne) {
  const std::vector<double> mass{2023495, 1397051, 581579, 747060};
  for (auto& p : kGeod) {
    std::vector<double> dist{p.km, 2 * p.km, 0.5 * p.km + 1, 3.3};
    auto prob = gravity::huff_probabilities(mass, dist, 2.0);
    double sum = 0;
    for (double v : prob) sum += v;
    EXPECT_NEAR(sum, 1.0, 1e-15);
  }
  // By hand: masses 1 and 4 at distances 1 and 4, beta 2: attractions 1 and 0.25 -> 0.8, 0.2.
  auto prob = gravity::huff_probabilities({1, 4}, {1, 4}, 2.0);
  EXPECT_DOUBLE_EQ(prob[0], 0.8);
  EXPECT_DOUBLE_EQ(prob[1], 0.2);
  // On a centre: it takes the unit.
  prob = gravity::huff_probabilities({1, 4}, {0, 4}, 2.0);
  EXPECT_DOUBLE_EQ(prob[0], 1.0);
  EXPECT_DOUBLE_EQ(prob[1], 0.0);
}

TEST(Gravity, ReillyBreakingPointByHand) {
  // D = 90 km, M_A = 400, M_B = 100: d_A = 90 / (1 + sqrt(1/4)) = 60 km from A, 30 km from B;
  // attractions there are equal: 400 / 60^2 = 100 / 30^2 = 1/9.
  EXPECT_DOUBLE_EQ(gravity::reilly_breaking_point(90, 400, 100), 60.0);
  EXPECT_DOUBLE_EQ(gravity::reilly_breaking_point(90, 100, 400), 30.0);
  EXPECT_DOUBLE_EQ(gravity::attraction(400, 60), gravity::attraction(100, 30));
}

TEST(Gravity, PrimacyByHand) {
  // Sizes 5, 10, 3, 2, 1 (total 21): first share 10/21, two-city 10/5 = 2, four-city 10/(5+3+2) = 1.
  auto p = gravity::primacy({5, 10, 3, 2, 1});
  EXPECT_EQ(p.first, 1u);
  EXPECT_EQ(p.second, 0u);
  EXPECT_DOUBLE_EQ(p.first_share, 10.0 / 21.0);
  EXPECT_DOUBLE_EQ(p.two_city, 2.0);
  EXPECT_DOUBLE_EQ(p.four_city, 1.0);
  auto small = gravity::primacy({3, 1});
  EXPECT_DOUBLE_EQ(small.two_city, 3.0);
  EXPECT_TRUE(std::isnan(small.four_city));
}

TEST(MassExpression, ParsesAndEvaluatesSafely) {
  MassExpression e("sqrt(pop * gdp) + 2 ^ 3 / 4 - -1");
  EXPECT_EQ(e.fields(), (std::vector<std::string>{"pop", "gdp"}));
  EXPECT_THROW(MassExpression("pop *"), UsageError);
  EXPECT_THROW(MassExpression("system(pop)"), UsageError);
  EXPECT_THROW(MassExpression("(pop"), UsageError);
  geo::Layer layer = geo::read_layer(std::string(SPDATA_DIR) + "/shapes/columbus.shp");
  MassExpression m("sqrt(INC * HOVAL) / 2");
  auto v = m.evaluate(layer, silent_feedback());
  auto inc = layer.numeric("INC").values, hoval = layer.numeric("HOVAL").values;
  for (std::size_t i = 0; i < v.size(); ++i) EXPECT_DOUBLE_EQ(v[i], std::sqrt(inc[i] * hoval[i]) / 2);
  EXPECT_THROW(MassExpression("NOPE * 2").evaluate(layer, silent_feedback()), DataError);
}

}  // namespace
