// regionstat coupling: coupling degree C, coordination index T and coupling coordination degree
// D of two or more subsystem indices, with the ten classes and three groups (algorithms/coupling).
#include <cmath>

#include "algorithms/coupling.hpp"
#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/index_parameters.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {
namespace {

// Red (extreme imbalance) through yellow to green (high-quality coordination).
const char* const kClassColours[10] = {"#a50026", "#d73027", "#f46d43", "#fdae61", "#fee08b",
                                       "#d9ef8b", "#a6d96a", "#66bd63", "#1a9850", "#006837"};

class CouplingAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "coupling"; }
  std::string display_name() const override { return "Coupling coordination degree"; }
  std::string group() const override { return "Composite indices"; }
  std::string short_help() const override {
    return "Coupling degree C, coordination index T and coupling coordination degree D of subsystem indices, in ten classes";
  }
  std::vector<std::string> references() const override {
    return {"Liao Chongbin (1999). 环境与经济协调发展的定量评判及其分类体系. 热带地理 19(2), 171-177.",
            "Liu Yaobin, Li Rendong & Song Xuefeng (2005). 中国城市化与生态环境耦合度分析. 自然资源学报 20(1), 105-112. (right-closed classes, 临界协调)"};
  }
  std::string description() const override {
    return "C = n [prod_i U_i / (sum_i U_i)^n]^(1/n) (two systems: 2 sqrt(U1 U2)/(U1 + U2)), in [0, 1]; "
           "--variant half uses sqrt(U1 U2)/(U1 + U2) (two systems, maximum 0.5), the form some papers use. "
           "T = sum_i a_i U_i with --weights a1,a2,... (equal by default, summing to 1); D = sqrt(C T).\n"
           "The systems must be indices in [0, 1] (for example entropy scores); --scale minmax first rescales each "
           "system field to (x - min)/(max - min) over the units of its year.\n"
           "Ten classes of width 0.1: 1 极度失调 extreme imbalance, 2 严重失调, 3 中度失调, 4 轻度失调, 5 濒临失调 "
           "(--class5 borderline: 临界协调), 6 勉强协调, 7 初级协调, 8 中级协调, 9 良好协调, 10 优质协调. "
           "--intervals left: [0, 0.1), ..., [0.9, 1] (Liao 1999); right: [0, 0.1], (0.1, 0.2], ... (Liu 2005). "
           "Groups: 失调衰退 (classes 1-4), 过渡协调 (5-6), 协调发展 (7-10).\n"
           "Panels: --systems 'u1_*','u2_*' pairs the fields by year.";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter systems = input_field_parameter("systems", ParamType::Fields,
                                              "Subsystem index fields U1,U2[,U3...] (patterns such as u1_* for a panel)", false);
    Parameter weights = make_parameter("weights", ParamType::String, "Weights a1,a2,... of T (default: equal)");
    Parameter variant = make_parameter("variant", ParamType::Enum, "Coupling degree formula", "standard");
    variant.choices = {"standard", "half"};
    Parameter intervals = make_parameter("intervals", ParamType::Enum, "Class intervals closed on the left or right", "left");
    intervals.choices = {"left", "right"};
    Parameter class5 = make_parameter("class5", ParamType::Enum, "Name of class 5: 濒临失调 (verge) or 临界协调 (borderline)", "verge");
    class5.choices = {"verge", "borderline"};
    Parameter scale = make_parameter("scale", ParamType::Enum, "Systems are indices in [0, 1] (none) or raw values to min-max scale", "none");
    scale.choices = {"none", "minmax"};
    return {systems, weights, variant, intervals, class5, scale};
  }
  std::vector<ResultField> result_fields() const override {
    std::vector<StyleCategory> classes;
    for (int k = 1; k <= 10; ++k)
      classes.push_back({std::to_string(k), std::to_string(k) + " " + coupling::class_zh(k) + " " + coupling::class_en(k),
                         kClassColours[k - 1]});
    return {{"CC_C", "CCC", ResultType::Real, "coupling degree C", "", {}},
            {"CC_T", "CCT", ResultType::Real, "comprehensive coordination index T", "", {}},
            {"CC_D", "CCD", ResultType::Real, "coupling coordination degree D = sqrt(C T)", "", {}},
            {"CC_Class", "CCcl", ResultType::Integer, "class of D, 1 (extreme imbalance) to 10 (high quality)", "", classes},
            {"CC_zh", "CCzh", ResultType::Text, "class name in Chinese", "", {}},
            {"CC_en", "CCen", ResultType::Text, "class name in English", "", {}}};
  }

  TableOutput compute(const TableInput& input) const override {
    const Arguments& args = input.args();
    const IndicatorPanel panel = indicator_panel(input.fields("systems"), "systems");
    if (panel.indicators.size() < 2)
      throw UsageError("--systems: coupling needs at least two systems, got " + std::to_string(panel.indicators.size()));
    std::vector<double> a;
    for (const auto& w : args.list("weights")) {
      try {
        a.push_back(std::stod(w));
      } catch (const std::exception&) {
        throw UsageError("--weights: '" + w + "' is not a number");
      }
    }
    const coupling::Variant variant = coupling::parse_variant(args.text("variant"));
    const coupling::Closure closure = coupling::parse_closure(args.text("intervals"));
    const coupling::Class5Name class5 = coupling::parse_class5_name(args.text("class5"));
    const bool minmax = args.text("scale") == "minmax";
    const std::size_t n = input.size();

    TableOutput out;
    ReportTable counts{"Units per coordination class", {"class", "D", "name", "group"}, {}};
    for (auto& tag : panel.tags) counts.header.push_back(tag.empty() ? "units" : tag);
    for (int k = 1; k <= 10; ++k)
      counts.rows.push_back({std::to_string(k), format_number((k - 1) / 10.0, 1) + "-" + format_number(k / 10.0, 1),
                             coupling::class_zh(k, class5), coupling::group_zh(coupling::coordination_group(k))});
    ReportTable means{"Mean by year", {"year", "n", "mean C", "mean T", "mean D"}, {}};
    nlohmann::json& json = out.summary;
    json["variant"] = coupling::variant_name(variant);
    json["intervals"] = coupling::closure_name(closure);
    json["systems"] = panel.indicators;
    json["class_counts"] = nlohmann::json::object();

    for (std::size_t t = 0; t < panel.tags.size(); ++t) {
      std::vector<std::vector<double>> systems;
      for (const auto& field : panel.fields[t]) {
        std::vector<double> v = input.numbers(field);
        if (minmax) {
          double lo = INFINITY, hi = -INFINITY;
          for (double x : v)
            if (!std::isnan(x)) lo = std::min(lo, x), hi = std::max(hi, x);
          if (!(hi > lo)) throw DataError("--scale minmax: system field '" + field + "' is constant");
          for (double& x : v) x = (x - lo) / (hi - lo);
        } else {
          for (double x : v)
            if (x < 0 || x > 1)
              throw DataError("system field '" + field + "' has the value " + std::to_string(x) +
                              " outside [0, 1]: give indices in [0, 1] or --scale minmax");
        }
        systems.push_back(std::move(v));
      }
      const std::string& tag = panel.tags[t];
      ResultColumn c{"CC_C", tag, "", {}, {}, {}}, tt{"CC_T", tag, "", {}, {}, {}}, d{"CC_D", tag, "", {}, {}, {}},
          cls{"CC_Class", tag, "", {}, {}, {}}, zh{"CC_zh", tag, "", {}, {}, {}}, en{"CC_en", tag, "", {}, {}, {}};
      std::vector<int> per_class(11, 0);
      double sc = 0, st = 0, sd = 0;
      std::size_t count = 0;
      for (std::size_t u = 0; u < n; ++u) {
        std::vector<double> uu;
        for (auto& s : systems) uu.push_back(s[u]);
        const coupling::Degree g = coupling::coupling_degree(uu, a, variant);
        c.reals.push_back(g.c);
        tt.reals.push_back(g.t);
        d.reals.push_back(g.d);
        const int k = coupling::coordination_class(g.d, closure);
        ++per_class[static_cast<std::size_t>(k)];
        if (k == 0) {
          cls.integers.emplace_back();
          zh.texts.emplace_back();
          en.texts.emplace_back();
          continue;
        }
        cls.integers.emplace_back(k);
        zh.texts.emplace_back(coupling::class_zh(k, class5));
        en.texts.emplace_back(coupling::class_en(k, class5));
        if (!std::isnan(g.c)) sc += g.c;
        st += g.t;
        sd += g.d;
        ++count;
      }
      for (int k = 1; k <= 10; ++k) counts.rows[static_cast<std::size_t>(k - 1)].push_back(std::to_string(per_class[static_cast<std::size_t>(k)]));
      json["class_counts"][tag.empty() ? "all" : tag] = std::vector<int>(per_class.begin() + 1, per_class.end());
      const double dn = static_cast<double>(count);
      means.rows.push_back({tag.empty() ? "-" : tag, std::to_string(count), format_number(count ? sc / dn : NAN, 4),
                            format_number(count ? st / dn : NAN, 4), format_number(count ? sd / dn : NAN, 4)});
      if (per_class[0] > 0)
        out.notes.push_back(std::to_string(per_class[0]) + " unit(s)" + (tag.empty() ? "" : " in " + tag) +
                            " with a missing system value: NULL results");
      for (ResultColumn* col : {&c, &tt, &d, &cls, &zh, &en}) out.columns.push_back(std::move(*col));
    }
    json["years"] = panel.panel() ? nlohmann::json(panel.tags) : nlohmann::json::array();
    json["units"] = n;
    out.tables.push_back(std::move(counts));
    out.tables.push_back(std::move(means));
    out.notes.push_back(std::string("C: ") + (variant == coupling::Variant::Half ? "sqrt(U1 U2)/(U1 + U2) (half variant, max 0.5)" : "standard") +
                        "; intervals " + (closure == coupling::Closure::LeftClosed ? "left-closed [a, b)" : "right-closed (a, b]") +
                        (minmax ? "; systems min-max scaled per year" : ""));
    out.notes.push_back("style: categorised on CC_Class (red = imbalance, green = coordination)");
    return out;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(CouplingAlgorithm)

}  // namespace rs
