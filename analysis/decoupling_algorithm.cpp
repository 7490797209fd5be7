// regionstat decoupling: Tapio elasticity and decoupling state between a pressure (emissions)
// and a driver (GDP, an index), from a base year or year on year (algorithms/decoupling).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "algorithms/decoupling.hpp"
#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/index_parameters.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {
namespace {

using decoupling::State;

const State kStates[] = {State::StrongDecoupling,   State::WeakDecoupling,
                         State::RecessiveDecoupling, State::ExpansiveCoupling,
                         State::RecessiveCoupling,   State::ExpansiveNegativeDecoupling,
                         State::WeakNegativeDecoupling, State::StrongNegativeDecoupling,
                         State::DriverUnchanged,     State::Undefined};
// Greens for decoupling, yellows for coupling, reds for negative decoupling, greys undefined.
const char* const kStateColours[] = {"#006837", "#66bd63", "#b8e186", "#fee08b", "#fdae61",
                                     "#f46d43", "#d73027", "#a50026", "#bdbdbd", "#f0f0f0"};

// The fields of a Fields parameter ordered by their year when every name ends in one.
std::vector<AnalysedField> by_year(std::vector<AnalysedField> fields) {
  const bool years = std::all_of(fields.begin(), fields.end(), [](const AnalysedField& f) {
    return f.tag.size() == 4 && std::all_of(f.tag.begin(), f.tag.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  });
  if (years)
    std::stable_sort(fields.begin(), fields.end(), [](const AnalysedField& a, const AnalysedField& b) { return a.tag < b.tag; });
  return fields;
}

class DecouplingAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "decoupling"; }
  std::string display_name() const override { return "Tapio decoupling"; }
  std::string group() const override { return "Composite indices"; }
  std::string short_help() const override {
    return "Tapio decoupling elasticity and the eight decoupling states between a pressure and a driver";
  }
  std::vector<std::string> references() const override {
    return {"Tapio, P. (2005). Towards a theory of decoupling: degrees of decoupling in the EU and the case of road traffic in Finland between 1970 and 2001. Transport Policy 12(2), 137-151."};
  }
  std::string description() const override {
    return "e = (dC / C0) / (dA / A0) with C the pressure (e.g. CO2 emissions) and A the driver (e.g. GDP) at a "
           "base and an end year. States from the signs of dC and dA and the thresholds 0, 0.8, 1.2: "
           "dC<0, dA>0: 强脱钩 strong decoupling; dC>0, dA>0: e<0.8 弱脱钩 weak decoupling, 0.8-1.2 增长连结 "
           "expansive coupling, >1.2 扩张负脱钩 expansive negative decoupling; dC<0, dA<0: >1.2 衰退脱钩 recessive "
           "decoupling, 0.8-1.2 衰退连结 recessive coupling, <0.8 弱负脱钩 weak negative decoupling; dC>0, dA<0: "
           "强负脱钩 strong negative decoupling (0.8 and 1.2 belong to the coupling states). Groups 脱钩 / 连结 / 负脱钩.\n"
           "dC = 0 gives e = 0 (weak decoupling if the driver grew, weak negative decoupling if it fell); dA = 0 "
           "gives no elasticity (NULL) and the state 驱动无变化 driver unchanged; a base value <= 0 gives NULL and "
           "the state 'undefined'.\n"
           "--pressure C0,C1 --driver A0,A1 for one period; with more fields (patterns co2_*, gdp_*, ordered by "
           "year) --period base compares every year with the first, yoy each year with the previous one; the "
           "results are named by the end year.";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter pressure = input_field_parameter("pressure", ParamType::Fields,
                                               "Pressure fields C0,C1 (or a pattern such as co2_* for a panel)", false);
    Parameter driver = input_field_parameter("driver", ParamType::Fields,
                                             "Driver fields A0,A1 (or a pattern such as gdp_*), same years as the pressure", false);
    Parameter period = make_parameter("period", ParamType::Enum, "Panel periods: from the first year (base) or year on year (yoy)", "base");
    period.choices = {"base", "yoy"};
    return {pressure, driver, period};
  }
  std::vector<ResultField> result_fields() const override {
    std::vector<StyleCategory> states;
    for (std::size_t k = 0; k < std::size(kStates); ++k)
      states.push_back({std::to_string(static_cast<int>(kStates[k])),
                        std::string(decoupling::state_zh(kStates[k])) + " " + decoupling::state_en(kStates[k]),
                        kStateColours[k]});
    return {{"Tapio_e", "Tpe", ResultType::Real, "decoupling elasticity e = (dC/C0)/(dA/A0)", "", {}},
            {"Tapio_St", "TpSt", ResultType::Integer, "state code: 1 strong decoupling ... 8 strong negative decoupling, 9 driver unchanged, 10 undefined", "", states},
            {"Tapio_en", "Tpen", ResultType::Text, "decoupling state in English", "", {}},
            {"Tapio_zh", "Tpzh", ResultType::Text, "decoupling state in Chinese", "", {}},
            {"Tapio_Grp", "TpGr", ResultType::Text, "group: 脱钩 / 连结 / 负脱钩", "", {}}};
  }

  TableOutput compute(const TableInput& input) const override {
    const auto pressure = by_year(input.fields("pressure"));
    const auto driver = by_year(input.fields("driver"));
    if (pressure.size() < 2) throw UsageError("--pressure: give a base and an end field (C0,C1), got " + std::to_string(pressure.size()));
    if (pressure.size() != driver.size())
      throw UsageError("--pressure has " + std::to_string(pressure.size()) + " fields and --driver " +
                       std::to_string(driver.size()) + ": give the same years for both");
    for (std::size_t k = 0; k < pressure.size(); ++k)
      if (pressure[k].tag != pressure[k].name && driver[k].tag != driver[k].name && pressure[k].tag != driver[k].tag)
        throw UsageError("--pressure field '" + pressure[k].name + "' and --driver field '" + driver[k].name +
                         "' are of different years");
    const bool yoy = input.args().text("period") == "yoy";
    std::vector<std::pair<std::size_t, std::size_t>> periods;
    for (std::size_t k = 1; k < pressure.size(); ++k) periods.push_back({yoy ? k - 1 : 0, k});
    const bool one_period = periods.size() == 1;
    const std::size_t n = input.size();

    TableOutput out;
    ReportTable counts{"Units per decoupling state", {"state", "name", "group"}, {}};
    for (State s : kStates)
      counts.rows.push_back({std::to_string(static_cast<int>(s)), std::string(decoupling::state_zh(s)) + " " + decoupling::state_en(s),
                             decoupling::group_zh(decoupling::group_of(s))});
    // Each field is read once: the base year is in every period (and with yoy a year ends one
    // period and starts the next), and reading it again would repeat its warnings (NULLs).
    std::map<std::string, std::vector<double>> values;
    auto numbers = [&](const std::string& field) -> const std::vector<double>& {
      auto it = values.find(field);
      if (it == values.end()) it = values.emplace(field, input.numbers(field)).first;
      return it->second;
    };
    nlohmann::json& json = out.summary;
    json["period"] = yoy ? "yoy" : "base";
    json["periods"] = nlohmann::json::array();
    for (const auto& [b, e] : periods) {
      const std::string tag = one_period ? "" : pressure[e].tag;
      const std::string label = pressure[b].name + " -> " + pressure[e].name;
      counts.header.push_back(one_period ? "units" : pressure[b].tag + "-" + pressure[e].tag);
      const auto &c0 = numbers(pressure[b].name), &c1 = numbers(pressure[e].name);
      const auto &a0 = numbers(driver[b].name), &a1 = numbers(driver[e].name);
      ResultColumn ce{"Tapio_e", tag, "", {}, {}, {}}, cs{"Tapio_St", tag, "", {}, {}, {}}, cen{"Tapio_en", tag, "", {}, {}, {}},
          czh{"Tapio_zh", tag, "", {}, {}, {}}, cg{"Tapio_Grp", tag, "", {}, {}, {}};
      std::map<int, int> per_state;
      for (std::size_t u = 0; u < n; ++u) {
        const decoupling::Elasticity el = decoupling::tapio(c0[u], c1[u], a0[u], a1[u]);
        ce.reals.push_back(el.e);
        ++per_state[static_cast<int>(el.state)];
        if (el.state == State::Missing) {
          cs.integers.emplace_back();
          cen.texts.emplace_back();
          czh.texts.emplace_back();
          cg.texts.emplace_back();
          continue;
        }
        cs.integers.emplace_back(static_cast<int>(el.state));
        cen.texts.emplace_back(decoupling::state_en(el.state));
        czh.texts.emplace_back(decoupling::state_zh(el.state));
        const std::string grp = decoupling::group_zh(decoupling::group_of(el.state));
        cg.texts.push_back(grp.empty() ? std::optional<std::string>{} : std::optional<std::string>{grp});
      }
      nlohmann::json period_json{{"pressure", {pressure[b].name, pressure[e].name}},
                                 {"driver", {driver[b].name, driver[e].name}},
                                 {"states", nlohmann::json::object()}};
      for (std::size_t k = 0; k < std::size(kStates); ++k) {
        const int code = static_cast<int>(kStates[k]);
        counts.rows[k].push_back(std::to_string(per_state[code]));
        period_json["states"][decoupling::state_en(kStates[k])] = per_state[code];
      }
      if (per_state[static_cast<int>(State::Missing)] > 0)
        out.notes.push_back(std::to_string(per_state[static_cast<int>(State::Missing)]) + " unit(s) with a missing value in " +
                            label + ": NULL results");
      json["periods"].push_back(period_json);
      for (ResultColumn* col : {&ce, &cs, &cen, &czh, &cg}) out.columns.push_back(std::move(*col));
    }
    json["units"] = n;
    out.tables.push_back(std::move(counts));
    out.notes.push_back("style: categorised on Tapio_St (greens decoupling, yellows coupling, reds negative decoupling)");
    return out;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(DecouplingAlgorithm)

}  // namespace rs
