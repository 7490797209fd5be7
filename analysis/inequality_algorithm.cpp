// `regionstat inequality`: Theil's T (equal-weighted or weighted, decomposed by a group field),
// the Gini coefficient, CV and sd of logs, and Dagum's Gini decomposition, for one field or every
// year of a panel, with absolute beta convergence over the panel as an option.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "algorithms/convergence.hpp"
#include "algorithms/dagum_gini.hpp"
#include "algorithms/errors.hpp"
#include "algorithms/inequality.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {
namespace {

std::string fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

// The units of one field that enter the measures: a value, and a group and weight when asked.
struct Sample {
  std::vector<std::size_t> units;  // indices into the input
  std::vector<double> y, weights;
  std::vector<std::string> groups;
};

// The weight field of a year: WEIGHT_YEAR when the layer has it (a long table pivots `pop` into
// `pop_2011`), else WEIGHT itself for every year.
std::string weight_field_of(const TableInput& input, const std::string& weight, const AnalysedField& field) {
  const std::string yearly = weight + "_" + field.tag;
  return input.layer().has_field(yearly) ? yearly : weight;
}

Sample sample_of(const TableInput& input, const AnalysedField& field, const std::vector<double>& values,
                 const std::string& group, const std::string& weight) {
  std::vector<std::optional<std::string>> groups;
  if (!group.empty()) groups = input.texts(group);
  std::vector<double> weights;
  std::string weight_name;
  if (!weight.empty()) {
    weight_name = weight_field_of(input, weight, field);
    weights = input.numbers(weight_name);
  }
  Sample s;
  std::size_t no_group = 0, no_weight = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) continue;
    if (!group.empty() && (!groups[i] || groups[i]->empty())) {
      ++no_group;
      continue;
    }
    if (!weight.empty() && !std::isfinite(weights[i])) {
      ++no_weight;
      continue;
    }
    if (values[i] < 0)
      throw DataError("field '" + field.name + "': unit '" + input.ids()[i] + "' has a negative value (" +
                      fixed(values[i], 6) + "); inequality measures need values >= 0");
    if (!weight.empty() && !(weights[i] > 0))
      throw DataError("weight field '" + weight_name + "': unit '" + input.ids()[i] +
                      "' has a weight that is not > 0 (" + fixed(weights[i], 6) + ")");
    s.units.push_back(i);
    s.y.push_back(values[i]);
    if (!group.empty()) s.groups.push_back(*groups[i]);
    if (!weight.empty()) s.weights.push_back(weights[i]);
  }
  if (no_group)
    input.feedback().warning("field '" + field.name + "': " + std::to_string(no_group) +
                             " unit(s) without a group in '" + group + "' excluded");
  if (no_weight)
    input.feedback().warning("field '" + field.name + "': " + std::to_string(no_weight) +
                             " unit(s) without a weight in '" + weight_name + "' excluded");
  if (s.y.size() < 2)
    throw DataError("field '" + field.name + "': " + std::to_string(s.y.size()) +
                    " unit(s) with a value; inequality needs at least 2");
  return s;
}

// Runs a numeric step, naming the field in its data errors.
template <typename F>
auto for_field(const std::string& field, F&& step) -> decltype(step()) {
  try {
    return step();
  } catch (const DataError& e) {
    throw DataError("field '" + field + "': " + e.what());
  }
}

// Unit columns of one field: the share of the total and the unit's Theil term.
void add_unit_columns(TableOutput& out, const TableInput& input, const Sample& s, const std::string& tag) {
  const std::size_t n = input.size();
  ResultColumn share{"IneqShare", tag, "", std::vector<double>(n, std::nan("")), {}, {}};
  ResultColumn term{"TheilTerm", tag, "", std::vector<double>(n, std::nan("")), {}, {}};
  double total = 0;
  for (double v : s.y) total += v;
  const std::vector<double> terms = inequality::theil_terms(s.y, s.weights);
  for (std::size_t k = 0; k < s.units.size(); ++k) {
    share.reals[s.units[k]] = s.y[k] / total;
    term.reals[s.units[k]] = terms[k];
  }
  out.columns.push_back(std::move(share));
  out.columns.push_back(std::move(term));
}

class InequalityAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "inequality"; }
  std::string display_name() const override { return "Regional inequality: Theil, Gini, Dagum and convergence"; }
  std::string group() const override { return "Inequality and convergence"; }
  std::string short_help() const override {
    return "Theil T with between/within decomposition, Gini, CV, sd of logs and Dagum's Gini decomposition per field "
           "or year, and absolute beta convergence over a panel";
  }
  std::vector<std::string> references() const override {
    return {"Theil, H. (1967). Economics and Information Theory. North-Holland.",
            "Shorrocks, A. F. (1980). The class of additively decomposable inequality measures. Econometrica 48(3), 613-625.",
            "Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality ratio. Empirical Economics 22, 515-531.",
            "Rey, S. J. & Sastre-Gutierrez, M. L. (2010). Interregional inequality dynamics in Mexico. Spatial Economic Analysis 5(3), 277-298. (PySAL inequality)",
            "Barro, R. J. & Sala-i-Martin, X. (1992). Convergence. Journal of Political Economy 100(2), 223-251."};
  }
  std::string description() const override {
    return "Inequality of a non-negative variable across units, for one field or every year of a panel "
           "(--field gdp_*; a long table with --year works the same).\n"
           "Theil T (GE(1)): T = sum_i s_i ln(n s_i), s_i = y_i / sum y (PySAL inequality Theil; a zero value "
           "contributes 0). With --weight P (population, or any positive field): T = sum_i (y_i/Y) ln((y_i/Y)/(p_i/P)) "
           "as regional papers weight provinces; for a panel the weight of year YYYY is P_YYYY when the input has it, "
           "else P. With --group G: between = sum_g s_g ln(s_g / (P_g/P)) (PySAL TheilD bg; P_g/P = n_g/n without "
           "weights), within = sum_g s_g T_g = T - between, each group's T_g, share s_g = Y_g/Y and contribution "
           "s_g T_g / T.\n"
           "Gini as PySAL gini.Gini: sum_i sum_j |y_i - y_j| / (2 n^2 ybar). CV = sd / mean and the sd of ln y "
           "(sigma convergence) with the sample sd (n - 1, as papers print; --sd population for n); sd_log is "
           "NULL when a value is 0. Gini, CV, sd_log and Dagum do not use --weight.\n"
           "Dagum (1997) with --group: G, G_jj per group, G_jh and D_jh per pair of groups (the richer group "
           "first: D_jh in [0, 1]), G_w = sum G_jj p_j s_j, net between G_nb = sum G_jh (p_j s_h + p_h s_j) D_jh, "
           "transvariation G_t = the same with 1 - D_jh; G = G_w + G_nb + G_t; contributions in % of G.\n"
           "--convergence (a panel of at least 2 years): absolute beta convergence, the OLS of the average annual "
           "growth rate ln(x_T/x_0)/T on ln(x_0) between the first and the last year (T = difference of the year "
           "tags); beta, its standard error, t, two-sided p (Student t, n - 2 df), R^2, the speed "
           "-ln(1 + beta T)/T and the half-life ln 2 / speed.\n"
           "The table (--output-csv) has one row per field (year): n, T, between, within and their shares in %, "
           "T_g and contribution % per group, gini, cv, sd_log, Dagum G, G_jj per group, G_jh and D_jh per pair, "
           "and the within / net between / transvariation contributions in %.\n"
           "The JSON summary (command line: --json): one field gives the object {field, year, n, theil {T, between, within, groups}, gini, cv, "
           "sd_log, dagum {G, within, net_between, transvariation, *_pct, groups, means, pairs}}; several fields "
           "give `results`, a list of those; `convergence` holds the beta regression.\n"
           "Units with a NULL value, group or weight are left out (counted in a warning).";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter field = panel_fields_parameter();
    Parameter group = input_field_parameter("group", ParamType::Field,
                                            "Group field (region) for the Theil and Dagum decompositions");
    group.numeric = false;
    Parameter weight = input_field_parameter("weight", ParamType::Field,
                                             "Weight field of the Theil index (population); per year WEIGHT_YEAR when present");
    Parameter sd = make_parameter("sd", ParamType::Enum, "Standard deviation of CV and sd of logs", "sample");
    sd.choices = {"sample", "population"};
    sd.advanced = true;
    Parameter beta = make_parameter("convergence", ParamType::Boolean,
                                    "Absolute beta convergence between the first and the last year of the panel",
                                    "false");
    return {field, group, weight, sd, beta};
  }
  std::vector<ResultField> result_fields() const override {
    return {{"IneqShare", "Shr", ResultType::Real, "the unit's share of the total of the field", "", {}},
            {"TheilTerm", "ThT", ResultType::Real,
             "the unit's term (y_i/Y) ln((y_i/Y)/(p_i/P)) of Theil's T (the terms sum to T)", "", {}},
            {"GrowthRate", "", ResultType::Real,
             "average annual log growth rate ln(x_T/x_0)/T (with --convergence)", "", {}}};
  }

  TableOutput compute(const TableInput& input) const override {
    const Arguments& args = input.args();
    const std::vector<AnalysedField> fields = input.fields("field");
    if (fields.empty()) throw UsageError("--field: no field to analyse");
    const std::string group = args.text("group");
    const std::string weight = args.text("weight");
    if (!group.empty() && !input.layer().has_field(group))
      throw DataError("--group: the input has no field '" + group + "'");
    if (!weight.empty() && !input.layer().has_field(weight) &&
        !input.layer().has_field(weight + "_" + fields.front().tag))
      throw DataError("--weight: the input has no field '" + weight + "'");
    const inequality::Deviation deviation = inequality::parse_deviation(args.text("sd"));
    const bool tagged = fields.size() > 1 || input.long_table();

    TableOutput out;
    nlohmann::json results = nlohmann::json::array();
    std::vector<std::string> group_names, pair_names;  // table columns, in order of appearance
    std::vector<std::map<std::string, std::string>> cells;  // per field: column -> text
    std::size_t zero_values = 0;
    std::map<std::string, std::vector<double>> values;  // per field, read once (one NULL warning each)

    for (const AnalysedField& field : fields) {
      input.feedback().check_cancelled();
      values[field.name] = input.numbers(field.name);
      const Sample s = sample_of(input, field, values[field.name], group, weight);
      nlohmann::json r;
      r["field"] = field.name;
      r["year"] = field.tag;
      r["n"] = s.y.size();
      std::map<std::string, std::string> row;
      row["field"] = field.name;
      row["n"] = std::to_string(s.y.size());

      nlohmann::json theil;
      theil["weighted"] = !weight.empty();
      if (!weight.empty()) theil["weight"] = weight_field_of(input, weight, field);
      if (!group.empty()) {
        const auto d = for_field(field.name, [&] { return inequality::theil_decomposition(s.y, s.groups, s.weights); });
        theil["T"] = d.T;
        theil["between"] = d.between;
        theil["within"] = d.within;
        theil["between_pct"] = 100 * d.between_contribution;
        theil["within_pct"] = 100 * d.within_contribution;
        nlohmann::json groups = nlohmann::json::object();
        for (const auto& g : d.groups) {
          groups[g.name] = {{"n", g.n}, {"T", g.T}, {"share", g.share}, {"weight_share", g.weight_share},
                            {"contribution_pct", 100 * g.contribution}};
          if (std::find(group_names.begin(), group_names.end(), g.name) == group_names.end()) group_names.push_back(g.name);
          row["T_" + g.name] = fixed(g.T, 6);
          row["T_" + g.name + "_pct"] = fixed(100 * g.contribution, 2);
        }
        theil["groups"] = groups;
        row["theil_T"] = fixed(d.T, 6);
        row["theil_between"] = fixed(d.between, 6);
        row["theil_within"] = fixed(d.within, 6);
        row["between_pct"] = fixed(100 * d.between_contribution, 2);
        row["within_pct"] = fixed(100 * d.within_contribution, 2);
      } else {
        const double T = for_field(field.name, [&] { return inequality::theil(s.y, s.weights); });
        theil["T"] = T;
        row["theil_T"] = fixed(T, 6);
      }
      r["theil"] = theil;

      const double gini = for_field(field.name, [&] { return inequality::gini(s.y); });
      const double cv = for_field(field.name, [&] { return inequality::coefficient_of_variation(s.y, deviation); });
      bool has_zero = false;
      for (double v : s.y) has_zero = has_zero || v == 0;
      const double sd_log = has_zero ? std::nan("")
                                     : for_field(field.name, [&] { return inequality::sd_of_logs(s.y, deviation); });
      if (has_zero) ++zero_values;
      r["gini"] = gini;
      r["cv"] = cv;
      r["sd_log"] = number_or_null(sd_log);
      r["sd"] = inequality::deviation_name(deviation);
      row["gini"] = fixed(gini, 6);
      row["cv"] = fixed(cv, 6);
      row["sd_log"] = fixed(sd_log, 6);

      if (!group.empty()) {
        const auto d = for_field(field.name, [&] { return dagum::decompose(s.y, s.groups); });
        nlohmann::json dj;
        dj["G"] = d.G;
        dj["within"] = d.G_w;
        dj["net_between"] = d.G_nb;
        dj["transvariation"] = d.G_t;
        dj["within_pct"] = d.within_pct;
        dj["net_between_pct"] = d.net_between_pct;
        dj["transvariation_pct"] = d.transvariation_pct;
        nlohmann::json gjj = nlohmann::json::object(), means = nlohmann::json::object(),
                       contributions = nlohmann::json::object(), order = nlohmann::json::array();
        for (const auto& g : d.groups) {
          gjj[g.name] = g.G_jj;
          means[g.name] = g.mean;
          contributions[g.name] = g.contribution;
          order.push_back(g.name);
          row["Gjj_" + g.name] = fixed(g.G_jj, 6);
        }
        dj["groups"] = gjj;
        dj["means"] = means;
        dj["group_contributions_pct"] = contributions;
        dj["order"] = order;
        nlohmann::json pairs = nlohmann::json::array();
        for (const auto& p : d.pairs) {
          const std::string a = d.groups[p.a].name, b = d.groups[p.b].name;
          pairs.push_back({{"a", a}, {"b", b}, {"G_jh", p.G_jh}, {"D_jh", p.D_jh}, {"d_jh", p.d_jh}, {"p_jh", p.p_jh}});
          // One table column per unordered pair, named by the order it first appeared in.
          std::string key = a + "-" + b;
          if (std::find(pair_names.begin(), pair_names.end(), key) == pair_names.end()) {
            const std::string swapped = b + "-" + a;
            if (std::find(pair_names.begin(), pair_names.end(), swapped) != pair_names.end()) key = swapped;
            else pair_names.push_back(key);
          }
          row["Gjh_" + key] = fixed(p.G_jh, 6);
          row["Djh_" + key] = fixed(p.D_jh, 6);
        }
        dj["pairs"] = pairs;
        r["dagum"] = dj;
        row["dagum_G"] = fixed(d.G, 6);
        row["Gw_pct"] = fixed(d.within_pct, 2);
        row["Gnb_pct"] = fixed(d.net_between_pct, 2);
        row["Gt_pct"] = fixed(d.transvariation_pct, 2);
      }
      add_unit_columns(out, input, s, tagged ? field.tag : "");
      results.push_back(r);
      cells.push_back(row);
    }

    // The per-year table papers print.
    std::vector<std::string> header{"field", "n", "theil_T"};
    if (!group.empty()) {
      for (const char* c : {"theil_between", "theil_within", "between_pct", "within_pct"}) header.push_back(c);
      for (const auto& g : group_names) header.push_back("T_" + g), header.push_back("T_" + g + "_pct");
    }
    for (const char* c : {"gini", "cv", "sd_log"}) header.push_back(c);
    if (!group.empty()) {
      header.push_back("dagum_G");
      for (const auto& g : group_names) header.push_back("Gjj_" + g);
      for (const auto& p : pair_names) header.push_back("Gjh_" + p);
      for (const auto& p : pair_names) header.push_back("Djh_" + p);
      for (const char* c : {"Gw_pct", "Gnb_pct", "Gt_pct"}) header.push_back(c);
    }
    ReportTable table{"Inequality per field" + std::string(weight.empty() ? "" : " (Theil weighted by " + weight + ")"),
                      header, {}};
    for (auto& row : cells) {
      std::vector<std::string> line;
      for (const auto& h : header) line.push_back(row.count(h) ? row[h] : "");
      table.rows.push_back(line);
    }
    out.tables.push_back(table);
    if (zero_values)
      out.notes.push_back("sd_log is empty for " + std::to_string(zero_values) + " field(s) with a value of 0 (no logarithm)");

    if (fields.size() == 1) {
      out.summary = results.front();
    } else {
      out.summary["results"] = results;
    }
    if (args.flag("convergence")) add_convergence(out, input, fields, values);
    return out;
  }

 private:
  static void add_convergence(TableOutput& out, const TableInput& input, const std::vector<AnalysedField>& fields,
                              const std::map<std::string, std::vector<double>>& values) {
    if (fields.size() < 2)
      throw UsageError("--convergence needs a panel of at least 2 years (--field 'gdp_*'), not one field");
    const AnalysedField& first = fields.front();
    const AnalysedField& last = fields.back();
    double years = 0;
    try {
      std::size_t used0 = 0, used1 = 0;
      years = std::stod(last.tag, &used1) - std::stod(first.tag, &used0);
      if (used0 != first.tag.size() || used1 != last.tag.size()) throw std::invalid_argument("tag");
    } catch (const std::exception&) {
      throw UsageError("--convergence: fields '" + first.name + "' and '" + last.name +
                       "' do not end in years (gdp_2002 ... gdp_2011), so the length of the period is unknown");
    }
    if (!(years > 0))
      throw UsageError("--convergence: the last field '" + last.name + "' is not later than the first '" + first.name + "'");
    const std::vector<double>& x0 = values.at(first.name);
    const std::vector<double>& xT = values.at(last.name);
    std::vector<double> a, b;
    std::vector<std::size_t> units;
    std::size_t not_positive = 0;
    for (std::size_t i = 0; i < x0.size(); ++i) {
      if (!std::isfinite(x0[i]) || !std::isfinite(xT[i])) continue;
      if (!(x0[i] > 0) || !(xT[i] > 0)) {
        ++not_positive;
        continue;
      }
      a.push_back(x0[i]);
      b.push_back(xT[i]);
      units.push_back(i);
    }
    if (not_positive)
      input.feedback().warning("--convergence: " + std::to_string(not_positive) +
                               " unit(s) with a level <= 0 in '" + first.name + "' or '" + last.name + "' excluded (no logarithm)");
    const auto c = for_field(first.name + "' and '" + last.name, [&] { return convergence::absolute_beta(a, b, years); });
    out.summary["convergence"] = {{"first", first.name},     {"last", last.name},
                                  {"years", years},          {"n", c.n},
                                  {"alpha", c.alpha},        {"se_alpha", c.se_alpha},
                                  {"beta", c.beta},          {"se", c.se_beta},
                                  {"t", c.t},                {"p", c.p},
                                  {"r_squared", c.r_squared}, {"speed", number_or_null(c.speed)},
                                  {"half_life", number_or_null(c.half_life)},
                                  {"dependent", "ln(x_T / x_0) / T"}};
    ResultColumn growth{"GrowthRate", "", "", std::vector<double>(input.size(), std::nan("")), {}, {}};
    for (std::size_t k = 0; k < units.size(); ++k) growth.reals[units[k]] = c.growth[k];
    // Not per year: in a long table the runner writes it onto every row of the unit.
    out.columns.push_back(std::move(growth));
    out.notes.push_back("beta convergence " + first.tag + " -> " + last.tag + " (n = " + std::to_string(c.n) +
                        ", ln growth per year on ln initial level): beta = " + fixed(c.beta, 6) +
                        " (se " + fixed(c.se_beta, 6) + ", t " + fixed(c.t, 3) + ", p " + fixed(c.p, 4) +
                        "), R^2 = " + fixed(c.r_squared, 4) + ", speed = " +
                        (std::isfinite(c.speed) ? fixed(c.speed, 6) : std::string("undefined")) + ", half-life = " +
                        (std::isfinite(c.half_life) ? fixed(c.half_life, 2) + " years" : std::string("none (no convergence)")));
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(InequalityAlgorithm)

}  // namespace rs
