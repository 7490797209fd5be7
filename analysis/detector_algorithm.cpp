// `detector`: Wang's geographic detector (factor, interaction, risk and ecological detectors)
// on the fields of a layer or table, with the discretisation of numeric factors and the
// optimal-parameters search; one run per Y field (per year of a panel).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>

#include "algorithms/discretization.hpp"
#include "algorithms/errors.hpp"
#include "algorithms/geographic_detector.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/figure.hpp"
#include "analysis/table_algorithm.hpp"
#include "geo/output_file.hpp"

namespace rs {

namespace {

namespace gd = geodetector;
namespace disc = discretization;

const char* kSpecHelp =
    "[FIELD=]quantile:K | equal:K | natural:K | geometric:K | sd:K | breaks:C1,C2,... | "
    "opgd[:KMIN-KMAX]";

// How one numeric factor is turned into strata.
struct DiscretizeSpec {
  enum class Kind { Categories, Method, Breaks, Optimal } kind = Kind::Categories;
  disc::Method method = disc::Method::Quantile;
  int classes = 0;
  std::vector<double> cuts;
  int min_classes = 3, max_classes = 7;  // GD's vignette range 3:7
  std::string text;                      // as given, for the report
};

double parse_number(const std::string& text, const std::string& context) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size()) return v;
  } catch (const std::exception&) {
  }
  throw UsageError("--discretize: '" + text + "' in '" + context + "' is not a number");
}

int parse_classes(const std::string& text, const std::string& context) {
  const double v = parse_number(text, context);
  if (v != std::floor(v) || v < 2 || v > 100)
    throw UsageError("--discretize: the number of classes in '" + context +
                     "' must be an integer from 2 to 100");
  return static_cast<int>(v);
}

DiscretizeSpec parse_spec(const std::string& text) {
  DiscretizeSpec s;
  s.text = text;
  const auto colon = text.find(':');
  const std::string head = text.substr(0, colon);
  const std::string tail = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (head == "opgd" || head == "optimal") {
    s.kind = DiscretizeSpec::Kind::Optimal;
    if (!tail.empty()) {
      const auto dash = tail.find('-');
      if (dash == std::string::npos) throw UsageError("--discretize: write the range as opgd:3-7, got '" + text + "'");
      s.min_classes = parse_classes(tail.substr(0, dash), text);
      s.max_classes = parse_classes(tail.substr(dash + 1), text);
      if (s.max_classes < s.min_classes)
        throw UsageError("--discretize: empty range of classes in '" + text + "'");
    }
    return s;
  }
  if (head == "breaks") {
    s.kind = DiscretizeSpec::Kind::Breaks;
    std::stringstream ss(tail);
    std::string item;
    while (std::getline(ss, item, ',')) s.cuts.push_back(parse_number(item, text));
    if (s.cuts.empty()) throw UsageError("--discretize: no breaks in '" + text + "' (breaks:10,20,30)");
    for (std::size_t i = 1; i < s.cuts.size(); ++i)
      if (!(s.cuts[i] > s.cuts[i - 1]))
        throw UsageError("--discretize: breaks must increase, got '" + text + "'");
    return s;
  }
  s.kind = DiscretizeSpec::Kind::Method;
  try {
    s.method = disc::parse_method(head);
  } catch (const UsageError&) {
    throw UsageError("--discretize: unknown method '" + head + "' (use " + kSpecHelp + ")");
  }
  if (tail.empty()) throw UsageError("--discretize: give the number of classes, e.g. " + head + ":5");
  s.classes = parse_classes(tail, text);
  return s;
}

// "--discretize 'quantile:5;gdp=natural:4'": a default for every numeric factor and overrides
// per field.
struct DiscretizePlan {
  std::optional<DiscretizeSpec> all;
  std::map<std::string, DiscretizeSpec> by_field;
  const DiscretizeSpec* of(const std::string& field) const {
    auto it = by_field.find(field);
    if (it != by_field.end()) return &it->second;
    return all ? &*all : nullptr;
  }
};

DiscretizePlan parse_plan(const std::string& text) {
  DiscretizePlan plan;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ';')) {
    if (item.empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      plan.all = parse_spec(item);
    } else {
      plan.by_field[item.substr(0, eq)] = parse_spec(item.substr(eq + 1));
    }
  }
  return plan;
}

std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string p_text(double p) {
  if (std::isnan(p)) return "";
  if (p < 0.0001) return "<0.0001";
  return fixed(p, 4);
}

std::string general(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// A factor of one run: its strata on the analysed units.
struct Factor {
  std::string name;
  std::vector<int> codes;            // per analysed unit
  std::vector<std::string> labels;   // code -> label
  std::vector<int> classes_of_unit;  // discretised: class per unit of the layer (0 missing)
  nlohmann::json discretization;     // method, breaks, candidates
};

// Codes of labels in label order: numeric labels by value, text by bytes.
void encode(const std::vector<std::string>& values, const std::vector<double>& numbers, Factor& f) {
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const bool numeric = !numbers.empty();
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return numeric ? numbers[a] < numbers[b] : values[a] < values[b];
  });
  std::map<std::string, int> code;
  for (std::size_t i : order)
    if (code.emplace(values[i], static_cast<int>(f.labels.size())).second) f.labels.push_back(values[i]);
  f.codes.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) f.codes[i] = code.at(values[i]);
}

nlohmann::json number_or_null(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

class DetectorAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "detector"; }
  std::string display_name() const override { return "Geographic detector"; }
  std::string group() const override { return "Drivers"; }
  std::string short_help() const override {
    return "Wang's geographic detector: factor (q), interaction, risk and ecological detectors, "
           "with discretisation of numeric factors and the optimal-parameters search.";
  }
  std::vector<std::string> references() const override {
    return {"Wang J F, Li X H, Christakos G, et al. Geographical detectors-based health risk assessment "
            "and its application in the neural tube defects study of the Heshun region, China. IJGIS, 2010, 24(1): 107-127.",
            "Wang J F, Xu C D. Geodetector: principle and prospective. Acta Geographica Sinica, 2017, 72(1): 116-134.",
            "Song Y Z, Wang J F, Ge Y, Xu C D. An optimal parameters-based geographical detector model enhances "
            "geographic characteristics of explanatory variables for spatial heterogeneity analysis. "
            "GIScience & Remote Sensing, 2020, 57(5): 593-610."};
  }

  std::string description() const override {
    return "Factor detector: q = 1 - sum_h N_h sigma_h^2 / (N sigma^2) (population variances); "
           "F = (N - L)/(L - 1) q/(1 - q) with L strata; p from the non-central F(L - 1, N - L) with "
           "lambda = (sum_h mean_h^2 - (sum_h sqrt(N_h) mean_h)^2 / N) / s^2 (s^2 the sample variance), "
           "as the R package geodetector computes it.\n"
           "Interaction detector: q of the overlay of two factors, typed as 非线性减弱 nonlinear_weaken "
           "(q < min), 单因子非线性减弱 uni_weaken (min <= q <= max), 双因子增强 bi_enhance (max < q < sum), "
           "独立 independent (q = q_a + q_b within --tolerance) or 非线性增强 nonlinear_enhance (q > sum).\n"
           "Risk detector: mean of Y per stratum and Welch's t test (Welch-Satterthwaite df, two-sided p) "
           "for every pair of strata.\n"
           "Ecological detector: F = N_a (N_b - 1) SSW_a / (N_b (N_a - 1) SSW_b) for every pair of factors, "
           "two-sided p from F(N_a - 1, N_b - 1).\n"
           "Strata with a single unit add nothing to SSW, enter lambda with their value, and get no t test "
           "(as geodetector); they are counted in the output.\n"
           "Factors: text fields are categories; numeric fields are categories by value unless "
           "--discretize turns them into classes: quantile (R type 7), equal, natural (Jenks), geometric, "
           "sd (the R package GD's rules), user breaks, or opgd (every method and every number of classes "
           "in a range; the largest q wins; every candidate's q is reported).\n"
           "Units with a missing Y or factor value are left out with a counted warning. A pattern "
           "(--field 'y_*') runs every year: one row per year per factor.";
  }

  std::vector<Parameter> method_parameters() const override {
    Parameter field = input_field_parameter("field", ParamType::Fields,
                                            "Explained variable Y (a pattern such as gdp_* runs every year)", false);
    Parameter factors = input_field_parameter("factors", ParamType::Fields,
                                              "Factors X (text: categories; numeric: categories or --discretize)", false);
    factors.numeric = false;
    Parameter discretize = make_parameter(
        "discretize", ParamType::String,
        std::string("Discretisation of numeric factors, items separated by ';': ") + kSpecHelp);
    Parameter tolerance = make_parameter("tolerance", ParamType::Double,
                                         "Tolerance for 'equal' q values in the interaction types", "1e-9");
    tolerance.minimum = 0;
    tolerance.advanced = true;
    Parameter figure = make_parameter("figure", ParamType::OutputFile,
                                      "Heat map of the interaction matrix (.png, .svg or .pdf)");
    figure.file_filter = "Figures (*.png *.svg *.pdf)";
    Parameter strata = make_parameter("write_strata", ParamType::Boolean,
                                      "Write the classes of discretised factors as fields (with --output)",
                                      "false", false);
    return {field, factors, discretize, tolerance, figure, strata};
  }

  std::vector<ResultField> result_fields() const override {
    ResultField cls;
    cls.name = "FACTOR_cls";
    cls.short_name = "";
    cls.type = ResultType::Integer;
    cls.description = "class (1..k) of a discretised factor, named after the factor (--write-strata)";
    return {cls};
  }

  TableOutput compute(const TableInput& input) const override {
    const Arguments& args = input.args();
    const double tolerance = args.number("tolerance");
    const std::string figure = args.text("figure");
    if (!figure.empty()) geo::check_output_file(figure, args.flag("overwrite"), {args.text("input")});
    const DiscretizePlan plan = parse_plan(args.text("discretize"));

    const std::vector<AnalysedField> ys = input.fields("field");
    const std::vector<AnalysedField> xs = input.fields("factors");
    if (xs.empty()) throw UsageError("--factors: give at least one factor field");
    for (const auto& [field, spec] : plan.by_field) {
      if (std::none_of(xs.begin(), xs.end(), [&](const AnalysedField& x) { return x.name == field; }))
        throw UsageError("--discretize names '" + field + "', which is not one of --factors");
    }
    const geo::Layer& layer = input.layer();
    for (const auto& y : ys)
      for (const auto& x : xs)
        if (x.name == y.name) throw UsageError("--factors: '" + x.name + "' is also the explained variable Y");

    // Factor values as text (categories) or numbers (to discretise), once.
    std::map<std::string, std::vector<std::optional<std::string>>> texts;
    std::map<std::string, std::vector<double>> numbers;
    for (const auto& x : xs) {
      const bool numeric = layer.fields[layer.field_index(x.name)].numeric;
      if (numeric) {
        numbers[x.name] = input.numbers(x.name);
      } else {
        if (plan.by_field.count(x.name))
          throw UsageError("--discretize: '" + x.name + "' is a text field; only numeric factors are discretised");
        texts[x.name] = input.texts(x.name);
      }
    }

    TableOutput out;
    out.summary["factor"] = nlohmann::json::array();
    out.summary["interaction"] = nlohmann::json::array();
    out.summary["risk"] = nlohmann::json::array();
    out.summary["risk_means"] = nlohmann::json::array();
    out.summary["ecological"] = nlohmann::json::array();
    out.summary["discretization"] = nlohmann::json::array();
    out.summary["tolerance"] = tolerance;
    ReportTable factor_table{"Factor detector (q ranked within each Y)",
                             {"y", "factor", "q", "p", "rank", "strata", "n"}, {}};
    ReportTable interaction_table{"Interaction detector", {"y", "a", "b", "q(a)", "q(b)", "q(a∩b)", "type", "类型"}, {}};
    std::vector<ReportTable> matrices;
    ReportTable means_table{"Risk detector: mean of Y per stratum", {"y", "factor", "stratum", "n", "mean"}, {}};
    ReportTable risk_table{"Risk detector: Welch t tests between strata",
                           {"y", "factor", "a", "b", "mean a", "mean b", "t", "df", "p"}, {}};
    ReportTable eco_table{"Ecological detector", {"y", "a", "b", "F", "p"}, {}};
    ReportTable opgd_table{"Optimal discretisation (OPGD): q of every candidate",
                           {"y", "factor", "method", "k", "strata", "q", "best"}, {}};
    nlohmann::json figure_data = nlohmann::json::object();
    figure_data["runs"] = nlohmann::json::array();
    const bool write_strata = args.flag("write_strata");
    const bool several = ys.size() > 1;

    for (const auto& y_field : ys) {
      input.feedback().check_cancelled();
      const std::vector<double> y_all = input.numbers(y_field.name);
      // Units with Y and every factor present.
      std::vector<std::size_t> units;
      for (std::size_t u = 0; u < input.size(); ++u) {
        bool ok = std::isfinite(y_all[u]);
        for (const auto& x : xs) {
          if (!ok) break;
          if (numbers.count(x.name)) ok = std::isfinite(numbers[x.name][u]);
          else ok = texts[x.name][u].has_value() && !texts[x.name][u]->empty();
        }
        if (ok) units.push_back(u);
      }
      if (units.size() < input.size())
        input.feedback().warning(y_field.name + ": " + std::to_string(input.size() - units.size()) +
                                 " of " + std::to_string(input.size()) +
                                 " units left out (missing Y or factor value)");
      if (units.size() < 3)
        throw DataError("'" + y_field.name + "': only " + std::to_string(units.size()) +
                        " units have Y and every factor; the geographic detector needs at least 3");
      std::vector<double> y;
      for (std::size_t u : units) y.push_back(y_all[u]);
      const std::string tag = several || input.long_table() ? y_field.tag : "";

      std::vector<Factor> factors;
      for (const auto& x : xs) {
        Factor f;
        f.name = x.name;
        if (texts.count(x.name)) {
          std::vector<std::string> values;
          for (std::size_t u : units) values.push_back(*texts[x.name][u]);
          encode(values, {}, f);
        } else {
          std::vector<double> xv;
          for (std::size_t u : units) xv.push_back(numbers[x.name][u]);
          const DiscretizeSpec* spec = plan.of(x.name);
          if (!spec) {
            std::vector<std::string> values;
            for (double v : xv) values.push_back(general(v));
            encode(values, xv, f);
          } else {
            discretise(*spec, y, xv, y_field.name, f, opgd_table);
            f.classes_of_unit.assign(input.size(), 0);
            for (std::size_t i = 0; i < units.size(); ++i)
              f.classes_of_unit[units[i]] = std::stoi(f.labels[static_cast<std::size_t>(f.codes[i])]);
            f.discretization["field"] = y_field.name;
            f.discretization["factor"] = x.name;
            out.summary["discretization"].push_back(f.discretization);
          }
        }
        if (f.labels.size() < 2)
          throw DataError("factor '" + x.name + "' has a single stratum ('" + f.labels.front() +
                          "') among the units analysed for '" + y_field.name + "'");
        if (f.labels.size() * 2 > units.size())
          out.notes.push_back("note: factor '" + x.name + "' has " + std::to_string(f.labels.size()) +
                              " strata for " + std::to_string(units.size()) +
                              " units (R geodetector refuses more than N/2): discretise it?");
        factors.push_back(std::move(f));
      }

      // Factor detector.
      std::vector<gd::FactorResult> results;
      std::vector<double> qs;
      for (const auto& f : factors) {
        results.push_back(gd::factor_detector(y, f.codes));
        qs.push_back(results.back().q);
      }
      const std::vector<int> ranks = gd::q_ranks(qs);
      std::vector<std::size_t> order(factors.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
      for (std::size_t i : order) {
        const auto& r = results[i];
        nlohmann::json j{{"field", y_field.name}, {"year", y_field.tag}, {"factor", factors[i].name},
                         {"q", r.q}, {"p", number_or_null(r.p)}, {"strata", r.strata},
                         {"F", number_or_null(r.F)}, {"lambda", r.lambda}, {"n", r.units},
                         {"rank", ranks[i]}, {"single_unit_strata", r.single_unit_strata}};
        out.summary["factor"].push_back(j);
        factor_table.rows.push_back({y_field.name, factors[i].name, fixed(r.q, 4), p_text(r.p),
                                     std::to_string(ranks[i]), std::to_string(r.strata), std::to_string(r.units)});
        if (r.single_unit_strata > 0)
          out.notes.push_back("note: " + y_field.name + " ~ " + factors[i].name + ": " +
                              std::to_string(r.single_unit_strata) +
                              " stratum/strata with a single unit (no variance: 0 in SSW, no t test)");
      }

      // Interaction and ecological detectors, pairs in factor order.
      ReportTable matrix{"Interaction matrix of " + y_field.name + ": q(a∩b) and type (diagonal: q)",
                         {""}, {}};
      for (const auto& f : factors) matrix.header.push_back(f.name);
      std::vector<std::vector<std::string>> cells(factors.size(), std::vector<std::string>(factors.size()));
      nlohmann::json run{{"field", y_field.name}, {"year", y_field.tag}, {"factors", nlohmann::json::array()},
                         {"q", nlohmann::json::array()}, {"type", nlohmann::json::array()}};
      for (std::size_t i = 0; i < factors.size(); ++i) {
        run["factors"].push_back(factors[i].name);
        cells[i][i] = fixed(qs[i], 3);
      }
      std::vector<std::vector<double>> qm(factors.size(), std::vector<double>(factors.size(), NAN));
      std::vector<std::vector<std::string>> tm(factors.size(), std::vector<std::string>(factors.size()));
      for (std::size_t i = 0; i < factors.size(); ++i) {
        qm[i][i] = qs[i];
        for (std::size_t j = i + 1; j < factors.size(); ++j) {
          const gd::FactorResult both = gd::factor_detector(y, gd::overlay_strata(factors[i].codes, factors[j].codes));
          const gd::InteractionType type = gd::classify_interaction(qs[i], qs[j], both.q, tolerance);
          out.summary["interaction"].push_back(
              {{"field", y_field.name}, {"year", y_field.tag}, {"a", factors[i].name}, {"b", factors[j].name},
               {"q", both.q}, {"q_a", qs[i]}, {"q_b", qs[j]}, {"type", gd::interaction_code(type)},
               {"type_zh", gd::interaction_name_zh(type)}, {"type_en", gd::interaction_name_en(type)},
               {"strata", both.strata}});
          interaction_table.rows.push_back({y_field.name, factors[i].name, factors[j].name, fixed(qs[i], 4),
                                            fixed(qs[j], 4), fixed(both.q, 4), gd::interaction_code(type),
                                            gd::interaction_name_zh(type)});
          cells[j][i] = fixed(both.q, 3) + " " + gd::interaction_name_zh(type);
          qm[i][j] = qm[j][i] = both.q;
          tm[i][j] = tm[j][i] = gd::interaction_code(type);

          const gd::EcologicalResult eco = gd::ecological_detector(y, factors[i].codes, factors[j].codes);
          out.summary["ecological"].push_back({{"field", y_field.name}, {"year", y_field.tag},
                                               {"a", factors[i].name}, {"b", factors[j].name},
                                               {"F", number_or_null(eco.F)}, {"p", number_or_null(eco.p)},
                                               {"df1", eco.df1}, {"df2", eco.df2}});
          eco_table.rows.push_back({y_field.name, factors[i].name, factors[j].name, fixed(eco.F, 4), p_text(eco.p)});
        }
      }
      for (std::size_t i = 0; i < factors.size(); ++i) {
        std::vector<std::string> row{factors[i].name};
        for (std::size_t j = 0; j < factors.size(); ++j) row.push_back(cells[i][j]);
        matrix.rows.push_back(row);
      }
      if (factors.size() > 1) matrices.push_back(matrix);
      run["q"] = qm;
      run["type"] = tm;
      figure_data["runs"].push_back(run);

      // Risk detector.
      for (const auto& f : factors) {
        const gd::RiskResult risk = gd::risk_detector(y, f.codes);
        for (const auto& s : risk.per_stratum) {
          const std::string& label = f.labels[static_cast<std::size_t>(s.stratum)];
          out.summary["risk_means"].push_back({{"field", y_field.name}, {"year", y_field.tag},
                                               {"factor", f.name}, {"stratum", label},
                                               {"n", s.count}, {"mean", s.mean}});
          means_table.rows.push_back({y_field.name, f.name, label, std::to_string(s.count), fixed(s.mean, 4)});
        }
        for (const auto& pair : risk.pairs) {
          const std::string& a = f.labels[static_cast<std::size_t>(pair.a)];
          const std::string& b = f.labels[static_cast<std::size_t>(pair.b)];
          out.summary["risk"].push_back({{"field", y_field.name}, {"year", y_field.tag}, {"factor", f.name},
                                         {"a", a}, {"b", b}, {"mean_a", pair.mean_a}, {"mean_b", pair.mean_b},
                                         {"t", number_or_null(pair.test.t)}, {"df", number_or_null(pair.test.df)},
                                         {"p", number_or_null(pair.test.p)}});
          risk_table.rows.push_back({y_field.name, f.name, a, b, fixed(pair.mean_a, 4), fixed(pair.mean_b, 4),
                                     fixed(pair.test.t, 3), fixed(pair.test.df, 2), p_text(pair.test.p)});
        }
      }

      if (write_strata) {
        for (const auto& f : factors) {
          if (f.classes_of_unit.empty()) continue;
          ResultColumn c;
          c.field = "FACTOR_cls";
          c.tag = tag;
          c.name = f.name + "_cls" + (several && !input.long_table() ? "_" + y_field.tag : "");
          for (int k : f.classes_of_unit)
            c.integers.push_back(k > 0 ? std::optional<std::int64_t>(k) : std::nullopt);
          out.columns.push_back(std::move(c));
        }
      }
    }

    out.tables.push_back(factor_table);
    for (auto& m : matrices) out.tables.push_back(m);
    if (!interaction_table.rows.empty()) out.tables.push_back(interaction_table);
    out.tables.push_back(means_table);
    out.tables.push_back(risk_table);
    if (!eco_table.rows.empty()) out.tables.push_back(eco_table);
    if (!opgd_table.rows.empty()) out.tables.push_back(opgd_table);
    out.notes.push_back("p (factor): upper tail of the non-central F, as R geodetector; risk: Welch's t, two-sided; "
                        "ecological: two-sided F test; 'equal' in the interaction types: |difference| <= " +
                        general(tolerance));
    if (write_strata && !args.given("output"))
      out.notes.push_back("note: --write-strata has no effect without --output");

    if (!figure.empty()) {
      figure_data["title"] = "Interaction detector";
      render_figure("interaction_matrix", figure_data, figure, args.flag("overwrite"), input.feedback());
      out.files["figure"] = figure;
      out.notes.push_back("wrote the interaction heat map to " + figure);
    }
    return out;
  }

 private:
  // Classes of one numeric factor on the analysed units; labels "1".."k".
  static void discretise(const DiscretizeSpec& spec, const std::vector<double>& y, const std::vector<double>& x,
                         const std::string& y_name, Factor& f, ReportTable& opgd_table) {
    std::vector<int> classes;
    nlohmann::json& d = f.discretization;
    d["spec"] = spec.text;
    try {
      switch (spec.kind) {
        case DiscretizeSpec::Kind::Breaks:
          classes = disc::classify_by_cuts(x, spec.cuts);
          d["method"] = "breaks";
          d["breaks"] = spec.cuts;
          break;
        case DiscretizeSpec::Kind::Method: {
          const auto b = disc::breaks(x, spec.method, spec.classes);
          classes = disc::classify(x, b);
          d["method"] = disc::method_name(spec.method);
          d["classes"] = spec.classes;
          d["breaks"] = b;
          break;
        }
        case DiscretizeSpec::Kind::Optimal: {
          const auto opt = disc::optimal_discretization(y, x, disc::all_methods(), spec.min_classes, spec.max_classes);
          const auto& best = opt.candidates[opt.best];
          classes = disc::classify(x, best.breaks);
          d["method"] = disc::method_name(best.method);
          d["classes"] = best.classes;
          d["breaks"] = best.breaks;
          d["candidates"] = nlohmann::json::array();
          for (std::size_t i = 0; i < opt.candidates.size(); ++i) {
            const auto& c = opt.candidates[i];
            d["candidates"].push_back({{"method", disc::method_name(c.method)}, {"k", c.classes},
                                       {"strata", c.strata}, {"q", number_or_null(c.q)},
                                       {"rejected", c.rejected}, {"best", i == opt.best}});
            opgd_table.rows.push_back({y_name, f.name, disc::method_name(c.method), std::to_string(c.classes),
                                       std::to_string(c.strata), c.rejected ? "rejected" : fixed(c.q, 4),
                                       i == opt.best ? "*" : ""});
          }
          break;
        }
        case DiscretizeSpec::Kind::Categories: break;
      }
    } catch (const DataError& e) {
      throw DataError("factor '" + f.name + "' (" + spec.text + "): " + e.what());
    }
    std::vector<std::string> values;
    std::vector<double> numeric;
    for (int c : classes) {
      values.push_back(std::to_string(c));
      numeric.push_back(c);
    }
    encode(values, numeric, f);
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(DetectorAlgorithm)

}  // namespace rs
