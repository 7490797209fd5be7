// regionstat markov: discrete Markov chain of quantile classes over the years of a panel, with
// Rey's spatial Markov chain (--spatial) and LISA Markov with the space-time transition types
// (--lisa) (algorithms/quantile_classes, markov_chain, spatial_markov, lisa_markov).
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/lisa_markov.hpp"
#include "algorithms/markov_chain.hpp"
#include "algorithms/quantile_classes.hpp"
#include "algorithms/spatial_markov.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/table_algorithm.hpp"
#include "analysis/valid_units.hpp"

namespace rs {
namespace {

using nlohmann::json;
using markov::Matrix;

std::string fixed(double v, int digits) {
  if (std::isinf(v)) return "inf";
  if (std::isnan(v)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

std::string count_text(double v) { return std::to_string(static_cast<long long>(std::llround(v))); }

// Infinite passage times (a state never reached) are JSON null.
json matrix_json(const Matrix& m) {
  json out = json::array();
  for (const auto& row : m) {
    json r = json::array();
    for (double v : row) r.push_back(std::isfinite(v) ? json(v) : json(nullptr));
    out.push_back(r);
  }
  return out;
}

// One steady state (the usual case) as a vector; several recurrent classes as a list of them.
json steady_state_json(const std::vector<std::vector<double>>& states) {
  return states.size() == 1 ? json(states.front()) : json(states);
}

// The fields in year order when every tag is a four-digit year, else as given.
std::vector<AnalysedField> by_year(std::vector<AnalysedField> fields) {
  const bool years = std::all_of(fields.begin(), fields.end(), [](const AnalysedField& f) {
    return f.tag.size() == 4 &&
           std::all_of(f.tag.begin(), f.tag.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  });
  if (years)
    std::stable_sort(fields.begin(), fields.end(),
                     [](const AnalysedField& a, const AnalysedField& b) { return a.tag < b.tag; });
  return fields;
}

std::vector<double> parse_breaks(const std::string& text) {
  std::vector<double> values;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    std::size_t used = 0;
    double v = 0;
    try {
      v = std::stod(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    while (used < item.size() && std::isspace(static_cast<unsigned char>(item[used]))) ++used;
    if (used == 0 || used != item.size())
      throw UsageError("--breaks must be per-year, pooled or comma-separated numbers, not '" + text + "'");
    values.push_back(v);
  }
  return values;
}

// Rows "class, n_i, p_i1 .. p_iK" as papers print a transition matrix.
void add_matrix_rows(ReportTable& table, const std::string& prefix, const Matrix& counts, const Matrix& p) {
  const std::vector<double> totals = markov::row_totals(counts);
  for (std::size_t i = 0; i < p.size(); ++i) {
    std::vector<std::string> row;
    if (!prefix.empty()) row.push_back(prefix);
    row.push_back(std::to_string(i + 1));
    row.push_back(count_text(totals[i]));
    for (double v : p[i]) row.push_back(fixed(v, 3));
    table.rows.push_back(row);
  }
}

std::vector<std::string> matrix_header(const std::string& first, int classes, bool with_lag) {
  std::vector<std::string> header;
  if (with_lag) header.push_back("lag class");
  header.push_back(first);
  header.push_back("n_i");
  for (int j = 1; j <= classes; ++j) header.push_back(std::to_string(j));
  return header;
}

// Results on the kept units -> one value per unit of the input (NULL elsewhere).
std::vector<std::optional<std::int64_t>> scattered(const std::vector<std::size_t>& keep, std::size_t n,
                                                   const std::vector<int>& values, int offset) {
  std::vector<std::optional<std::int64_t>> out(n);
  for (std::size_t k = 0; k < keep.size(); ++k) out[keep[k]] = values[k] + offset;
  return out;
}
std::vector<std::optional<std::string>> scattered(const std::vector<std::size_t>& keep, std::size_t n,
                                                  const std::vector<std::string>& values) {
  std::vector<std::optional<std::string>> out(n);
  for (std::size_t k = 0; k < keep.size(); ++k) out[keep[k]] = values[k];
  return out;
}

class MarkovAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "markov"; }
  std::string display_name() const override { return "Markov and spatial Markov chains"; }
  std::string group() const override { return "Dynamics"; }
  std::string short_help() const override {
    return "Transition matrices of quantile classes over the years of a panel, conditioned on the neighbours' class "
           "(spatial Markov) or between Moran scatterplot quadrants (LISA Markov, space-time transition types)";
  }
  std::vector<std::string> references() const override {
    return {"Rey, S. J. (2001). Spatial empirics for economic growth and convergence. Geographical Analysis 33(3), 195-214.",
            "Bickenbach, F., Bode, E. (2003). Evaluating the Markov property in studies of economic convergence. "
            "International Regional Science Review 26(3), 363-392.",
            "Kemeny, J. G., Snell, J. L. (1976). Finite Markov Chains. Springer.",
            "Rey, S. J., Kang, W., Wolf, L. (2016). The properties of tests for spatial effects in discrete Markov chain "
            "models of regional income distribution dynamics. Journal of Geographical Systems 18(4), 377-398."};
  }
  std::string description() const override {
    return "Each unit is put in one of K classes every year (1 lowest ... K highest) and the moves between "
           "consecutive fields (a lag of one period) are counted: n_ij units went from class i to class j, "
           "P_ij = n_ij / n_i. Classes are quantiles as PySAL mapclassify.Quantiles: cut-offs at the 100/K, 200/K, "
           "... percentiles with numpy's linear interpolation; a value equal to a cut-off is in the lower class; "
           "repeated cut-offs (ties) merge classes. --breaks pooled (default) cuts all unit-years at once "
           "(giddy Spatial_Markov fixed=True; classes can then show growth), per-year cuts every year at its own "
           "quantiles, or give inner cut-offs such as 0.8,0.9,1,1.2. --relative divides each year by its mean "
           "first. Printed and in the JSON summary (command line: --json): the counts (transitions), the probabilities, the steady state and the "
           "mean first passage times (mfpt: expected years to first reach class j from class i; null when it "
           "may never happen), as giddy.markov.Markov; a class with no observed transition keeps a row of zeros "
           "and is treated as absorbing for the steady state and the passage times, as giddy does.\n"
           "--spatial: Rey's spatial Markov chain. The spatial lag of every unit (row-standardised weights of "
           "--weights, whatever --transform says) is cut into K classes at the quantiles of all lags pooled; a "
           "transition is counted in the matrix of the lag class at its start (K x K x K, lag class first; the "
           "matrices sum to the plain one). Homogeneity tests of Bickenbach and Bode (2003) as giddy: Q, LR, "
           "their chi-squared p-values and dof = sum_i (b_i - 1)(a_i - 1). Islands get a lag of 0 (as PySAL), "
           "which puts them in the lowest lag classes: they are named in a warning.\n"
           "--lisa: the Moran scatterplot quadrant of every unit and year (standardised value against the lag "
           "of the standardised values: 1 HH, 2 LH, 3 LL, 4 HL as giddy.markov.LISA_Markov; a value at the mean "
           "counts as low), the 4 x 4 transition matrix between quadrants, and Rey's (2001) space-time "
           "transition types per period with their shares: type 0 nothing moves, I only the unit moves "
           "(HH<->LH, HL<->LL), II only its neighbours (HH<->HL, LH<->LL), III both (HH<->LL, LH<->HL).\n"
           "Units with a missing value in any year are left out (NULL results). Years: --field gdp_* takes "
           "the fields in year order; transitions go from each field to the next, whatever the gap.";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter classes = make_parameter("classes", ParamType::Integer, "Number of quantile classes K", "5", false);
    classes.minimum = 2;
    classes.maximum = 20;
    Parameter breaks = make_parameter("breaks", ParamType::String,
                                      "Class breaks: pooled (quantiles of all years), per-year, or inner cut-offs "
                                      "such as 0.8,0.9,1,1.2",
                                      "pooled", false);
    Parameter relative = make_parameter("relative", ParamType::Boolean,
                                        "Divide each year by its mean first (relative values)", "false", false);
    Parameter spatial = make_parameter("spatial", ParamType::Boolean,
                                       "Spatial Markov chain conditioned on the neighbours' class (needs weights)",
                                       "false", false);
    Parameter lisa = make_parameter("lisa", ParamType::Boolean,
                                    "LISA Markov: transitions between Moran scatterplot quadrants and the space-time "
                                    "transition types (needs weights)",
                                    "false", false);
    return {panel_fields_parameter(), classes, breaks, relative, spatial, lisa};
  }
  // The weights are read only with --spatial or --lisa: a plain chain works on a table without
  // geometry.
  bool needs_weights() const override { return true; }
  bool uses_weights(const Arguments& args) const override { return args.flag("spatial") || args.flag("lisa"); }
  std::vector<ResultField> result_fields() const override {
    static const char* const ramp[] = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
    std::vector<StyleCategory> classes;
    for (int k = 1; k <= 5; ++k)
      classes.push_back({std::to_string(k), "class " + std::to_string(k), ramp[k - 1]});
    return {{"MK_Lag", "MKL", ResultType::Integer, "class 1..K of the spatial lag in the year (--spatial)", "", {}},
            {"MK_Quad", "MKQ", ResultType::Text, "Moran scatterplot quadrant in the year: HH, LH, LL, HL (--lisa)", "", {}},
            {"MK_Type", "MKT", ResultType::Text,
             "space-time transition type 0, I, II, III of the period ending in the year (--lisa)", "", {}},
            {"MK_Class", "MKC", ResultType::Integer, "quantile class 1 (lowest) .. K (highest) in the year", "", classes}};
  }
  std::vector<OutputDefinition> numeric_outputs() const override {
    return {{"class_count", "number", "Number of classes K"}};
  }

  TableOutput compute(const TableInput& input) const override {
    const Arguments& args = input.args();
    Feedback& feedback = input.feedback();
    const std::vector<AnalysedField> fields = by_year(input.fields("field"));
    if (fields.size() < 2)
      throw UsageError("--field: a Markov chain needs two or more fields (years), e.g. --field 'gdp_*'; got " +
                       std::to_string(fields.size()));
    const int requested = static_cast<int>(args.integer("classes"));
    const std::string breaks_text = args.text("breaks");
    BreakScope scope = BreakScope::UserBreaks;
    std::vector<double> breaks;
    if (breaks_text == "pooled" || breaks_text == "per-year") {
      scope = parse_break_scope(breaks_text);
    } else {
      breaks = parse_breaks(breaks_text);
    }
    const bool relative = args.flag("relative"), spatial = args.flag("spatial"), lisa = args.flag("lisa");

    // The panel of the units with a value in every year.
    const std::size_t n = input.size();
    std::vector<std::vector<double>> columns;
    for (const auto& f : fields) columns.push_back(input.numbers(f.name));
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < n; ++i)
      if (std::all_of(columns.begin(), columns.end(), [&](const std::vector<double>& c) { return std::isfinite(c[i]); }))
        keep.push_back(i);
    if (keep.size() < 2) throw DataError("--field: fewer than 2 units have a value in every year");
    Panel y(keep.size(), std::vector<double>(fields.size()));
    for (std::size_t k = 0; k < keep.size(); ++k)
      for (std::size_t t = 0; t < fields.size(); ++t) y[k][t] = columns[t][keep[k]];
    if (relative) y = relative_to_period_mean(y);

    const PanelClasses classes = classify_panel(y, requested, scope, breaks);
    const markov::MarkovChain chain = markov::estimate_chain(classes.ids, classes.classes);
    const int K = classes.classes;

    TableOutput out;
    json& s = out.summary;
    s["fields"] = json::array();
    s["years"] = json::array();
    for (const auto& f : fields) s["fields"].push_back(f.name), s["years"].push_back(f.tag);
    s["units"] = keep.size();
    s["excluded"] = n - keep.size();
    s["classes"] = K;
    s["class_count"] = K;  // the QGIS output (an output may not share a parameter's name)
    s["breaks"] = scope == BreakScope::Pooled ? "pooled" : scope == BreakScope::PerPeriod ? "per-year" : "values";
    s["relative"] = relative;
    s["cutoffs"] = scope == BreakScope::PerPeriod ? json(classes.cutoffs) : json(classes.cutoffs.front());
    s["transitions"] = chain.transitions;
    s["row_totals"] = chain.row_totals;
    s["probabilities"] = chain.probabilities;
    s["irreducible"] = chain.structure.irreducible();
    s["steady_state"] = steady_state_json(chain.steady_states);
    s["mfpt"] = matrix_json(chain.mfpt);

    if (n > keep.size())
      out.notes.push_back(std::to_string(n - keep.size()) + " unit(s) with a missing value in some year left out (NULL results)");
    if (scope != BreakScope::UserBreaks && K < requested)
      out.notes.push_back("ties: the quantile cut-offs repeat, " + std::to_string(K) + " classes instead of " +
                          std::to_string(requested));
    for (std::size_t t = 0; t < fields.size(); ++t)
      if (scope == BreakScope::PerPeriod && classes.period_classes[t] < requested)
        out.notes.push_back("ties: " + fields[t].name + " has only " + std::to_string(classes.period_classes[t]) +
                            " distinct quantile classes (numbered 1.." + std::to_string(classes.period_classes[t]) + ")");
    out.notes.push_back("transitions from each field to the next: " + fields.front().tag + " -> ... -> " +
                        fields.back().tag + " (" + std::to_string(fields.size() - 1) + " periods, " +
                        std::to_string(keep.size() * (fields.size() - 1)) + " transitions)");

    ReportTable plain{"Markov transition probabilities (rows: class in year t; columns: class in t+1)",
                      matrix_header("class", K, false), {}};
    add_matrix_rows(plain, "", chain.transitions, chain.probabilities);
    out.tables.push_back(plain);

    ReportTable longrun{"Steady state and mean first passage times (years)", {"class", "steady state"}, {}};
    for (int j = 1; j <= K; ++j) longrun.header.push_back("mfpt to " + std::to_string(j));
    for (int i = 0; i < K; ++i) {
      std::vector<std::string> row{std::to_string(i + 1)};
      std::string share;
      for (const auto& st : chain.steady_states) share += (share.empty() ? "" : " / ") + fixed(st[i], 4);
      row.push_back(share);
      for (int j = 0; j < K; ++j) row.push_back(fixed(chain.mfpt[i][j], 2));
      longrun.rows.push_back(row);
    }
    out.tables.push_back(longrun);
    if (chain.steady_states.size() > 1)
      out.notes.push_back("the chain has " + std::to_string(chain.steady_states.size()) +
                          " recurrent classes: one steady state each (steady_state is a list)");

    SpatialWeights weights;
    if (spatial || lisa) {
      const LayerWeights& layer = input.weights();
      if (layer.untransformed.size() != n)
        throw DataError("--weights: " + std::to_string(layer.untransformed.size()) + " units in the weights, " +
                        std::to_string(n) + " in the input");
      weights = layer.untransformed.subset(keep);
      std::string islands;
      for (std::size_t i : weights.islands()) islands += (islands.empty() ? "" : ", ") + input.ids()[keep[i]];
      if (!islands.empty())
        feedback.warning("units without neighbours (lag 0, as PySAL): " + islands);
      s["weights"] = layer.description;
    }

    std::vector<ResultColumn> written;
    if (spatial) {
      const markov::SpatialMarkov sm = markov::spatial_markov(y, classes.ids, K, weights, K);
      json j;
      j["lag_classes"] = sm.lag_classes;
      j["lag_cutoffs"] = sm.lag_cutoffs;
      j["transitions"] = sm.transitions;
      j["probabilities"] = sm.probabilities;
      j["Q"] = sm.homogeneity.q;
      j["Q_p"] = sm.homogeneity.q_p;
      j["LR"] = sm.homogeneity.lr;
      j["LR_p"] = sm.homogeneity.lr_p;
      j["dof"] = sm.homogeneity.dof;
      j["islands"] = json::array();
      for (std::size_t i : sm.islands) j["islands"].push_back(input.ids()[keep[i]]);
      s["spatial"] = j;
      ReportTable table{"Spatial Markov transition probabilities by the neighbours' (lag) class",
                        matrix_header("class", K, true), {}};
      for (int m = 0; m < sm.lag_classes; ++m)
        add_matrix_rows(table, std::to_string(m + 1), sm.transitions[m], sm.probabilities[m]);
      out.tables.push_back(table);
      out.notes.push_back("homogeneity (Bickenbach and Bode 2003): Q = " + fixed(sm.homogeneity.q, 4) +
                          " (p = " + fixed(sm.homogeneity.q_p, 4) + "), LR = " + fixed(sm.homogeneity.lr, 4) +
                          " (p = " + fixed(sm.homogeneity.lr_p, 4) + "), dof = " + std::to_string(sm.homogeneity.dof));
      if (sm.lag_classes < K)
        out.notes.push_back("ties: the lag cut-offs repeat, " + std::to_string(sm.lag_classes) + " lag classes");
      for (std::size_t t = 0; t < fields.size(); ++t) {
        std::vector<int> ids(keep.size());
        for (std::size_t k = 0; k < keep.size(); ++k) ids[k] = sm.lag_ids[k][t];
        ResultColumn c{"MK_Lag", fields[t].tag, "", {}, scattered(keep, n, ids, 1), {}};
        written.push_back(std::move(c));
      }
    }

    if (lisa) {
      const markov::LisaMarkov lm = markov::lisa_markov(y, weights);
      json j;
      j["quadrants"] = {"HH", "LH", "LL", "HL"};
      j["transitions"] = lm.chain.transitions;
      j["probabilities"] = lm.chain.probabilities;
      j["steady_state"] = steady_state_json(lm.chain.steady_states);
      j["periods"] = json::array();
      ReportTable types{"Space-time transition types (Rey 2001) per period: count (share %)",
                        {"period", "type 0", "type I", "type II", "type III", "units"}, {}};
      auto type_row = [&](const std::string& label, const std::array<int, 4>& counts) {
        int total = 0;
        for (int c : counts) total += c;
        std::vector<std::string> row{label};
        json period{{"period", label}, {"counts", json::object()}, {"shares", json::object()}};
        for (int type = 0; type < 4; ++type) {
          const double share = total > 0 ? static_cast<double>(counts[type]) / total : 0.0;
          row.push_back(std::to_string(counts[type]) + " (" + fixed(100.0 * share, 1) + ")");
          period["counts"][markov::space_time_type_label(type)] = counts[type];
          period["shares"][markov::space_time_type_label(type)] = share;
        }
        row.push_back(std::to_string(total));
        types.rows.push_back(row);
        return period;
      };
      for (std::size_t t = 0; t + 1 < fields.size(); ++t)
        j["periods"].push_back(type_row(fields[t].tag + "-" + fields[t + 1].tag, lm.type_counts[t]));
      j["total"] = type_row("all", lm.type_totals);
      s["lisa"] = j;
      ReportTable quadrants{"LISA Markov: transitions between Moran scatterplot quadrants",
                            {"quadrant", "n_i", "HH", "LH", "LL", "HL"}, {}};
      add_matrix_rows(quadrants, "", lm.chain.transitions, lm.chain.probabilities);
      for (std::size_t q = 0; q < 4; ++q) quadrants.rows[q][0] = markov::quadrant_label(static_cast<int>(q) + 1);
      out.tables.push_back(quadrants);
      out.tables.push_back(types);
      for (std::size_t t = 0; t < fields.size(); ++t) {
        std::vector<std::string> labels(keep.size());
        for (std::size_t k = 0; k < keep.size(); ++k) labels[k] = markov::quadrant_label(lm.quadrants[k][t]);
        written.push_back({"MK_Quad", fields[t].tag, "", {}, {}, scattered(keep, n, labels)});
        if (t == 0) continue;
        for (std::size_t k = 0; k < keep.size(); ++k) labels[k] = markov::space_time_type_label(lm.types[k][t - 1]);
        written.push_back({"MK_Type", fields[t].tag, "", {}, {}, scattered(keep, n, labels)});
      }
    }

    // Classes last: the output opens categorised on the last year's class.
    for (std::size_t t = 0; t < fields.size(); ++t) {
      std::vector<int> ids(keep.size());
      for (std::size_t k = 0; k < keep.size(); ++k) ids[k] = classes.ids[k][t];
      written.push_back({"MK_Class", fields[t].tag, "", {}, scattered(keep, n, ids, 1), {}});
    }
    out.columns = std::move(written);
    return out;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(MarkovAlgorithm)

}  // namespace rs
