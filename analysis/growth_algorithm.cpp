// regionstat growth: compound annual growth, year-on-year growth, shares of the total,
// competition ranks and rank differences (超前/同步/滞后) of a field over the years
// (algorithms/growth).
#include <algorithm>
#include <cctype>
#include <cmath>

#include "algorithms/errors.hpp"
#include "algorithms/growth.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/index_parameters.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {
namespace {

bool is_year(const std::string& tag) {
  return tag.size() == 4 && std::all_of(tag.begin(), tag.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

class GrowthAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "growth"; }
  std::string display_name() const override { return "Growth, shares and ranks"; }
  std::string group() const override { return "Composite indices"; }
  std::vector<std::string> references() const override {
    // The conventions of the printed tables the tests check (compound rate over k intervals,
    // competition ranks, rank differences).
    return {"沿海与内陆地区产业合作现状及\"十五五\"时期合作前景研究. 区域经济评论, 2025(3). (compound annual growth rates)",
            "王家庭, 齐嘉瀚, 王浩然. 新质生产力背景下中国人工智能发展的时空格局与驱动因素. 区域经济评论, 2025(3). "
            "(rank differences 超前/同步/滞后)"};
  }
  std::string short_help() const override {
    return "Compound annual growth, year-on-year growth, shares of the total, ranks and rank differences";
  }
  std::string description() const override {
    return "For a field over years (--field 'gdp_*', ordered by year): compound annual growth rate "
           "CAGR = (x_T / x_0)^(1/k) - 1 with k the number of intervals (the difference of the first and last "
           "years, e.g. 2016-2020: k = 4; the number of fields - 1 when the names carry no year), year-on-year "
           "growth x_t / x_{t-1} - 1, all in %; share of the total of the units in each year (%); competition "
           "ranks in each year (ties share the best rank; --order descending = 1 for the largest). "
           "--rank-against FIELD: the rank difference d = rank(field) - rank(FIELD) in each year, typed "
           "超前 ahead (d < 0), 同步 in step (d = 0), 滞后 lagging (d > 0). NULL where a value is missing, a "
           "base <= 0 (no growth rate) or the total is 0.";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter against = input_field_parameter("rank_against", ParamType::Field, "Field whose ranks the ranks are compared with (e.g. per-capita GDP)");
    Parameter order = make_parameter("order", ParamType::Enum, "Rank 1 for the largest (descending) or smallest value", "descending");
    order.choices = {"descending", "ascending"};
    return {panel_fields_parameter(), against, order};
  }
  std::vector<ResultField> result_fields() const override {
    const std::vector<StyleCategory> gaps = {{"超前", "超前 ahead", "#1a9850"}, {"同步", "同步 in step", "#ffffbf"},
                                             {"滞后", "滞后 lagging", "#d73027"}};
    return {{"CAGR", "CAGR", ResultType::Real, "compound annual growth rate, first to last year", "%", {}},
            {"YoY", "YoY", ResultType::Real, "growth on the previous year", "%", {}},
            {"Share", "Shr", ResultType::Real, "share of the total of the units", "%", {}},
            {"Rank", "Rk", ResultType::Integer, "competition rank (ties share the best rank)", "", {}},
            {"RankDiff", "RkD", ResultType::Integer, "rank minus the rank of --rank-against", "", {}},
            {"RankGap_zh", "RkGz", ResultType::Text, "超前 (< 0) / 同步 (0) / 滞后 (> 0)", "", gaps},
            {"RankGap_en", "RkGe", ResultType::Text, "ahead / in step / lagging", "", {}}};
  }

  TableOutput compute(const TableInput& input) const override {
    std::vector<AnalysedField> fields = input.fields("field");
    const bool years = std::all_of(fields.begin(), fields.end(), [](const AnalysedField& f) { return is_year(f.tag); });
    if (years)
      std::stable_sort(fields.begin(), fields.end(), [](const AnalysedField& a, const AnalysedField& b) { return a.tag < b.tag; });
    const bool panel = fields.size() > 1;
    const growth::RankOrder order =
        input.args().text("order") == "ascending" ? growth::RankOrder::Ascending : growth::RankOrder::Descending;
    const std::string against = input.args().text("rank_against");
    std::vector<std::optional<std::int64_t>> against_ranks;
    if (!against.empty()) against_ranks = growth::competition_ranks(input.numbers(against), order);
    const std::size_t n = input.size();

    TableOutput out;
    nlohmann::json& json = out.summary;
    std::vector<std::vector<double>> values;
    for (const auto& f : fields) values.push_back(input.numbers(f.name));
    ReportTable units{"Growth by unit", {"unit"}, {}};
    ReportTable by_year{"By year", {"year", "n", "total", "mean YoY %", "ahead", "in step", "lagging"}, {}};

    std::vector<double> cagr(n, NAN);
    int k = 0;
    if (panel) {
      k = years ? std::stoi(fields.back().tag) - std::stoi(fields.front().tag) : static_cast<int>(fields.size()) - 1;
      if (k < 1) throw UsageError("--field: the first and last years are the same (" + fields.front().tag + ")");
      for (std::size_t u = 0; u < n; ++u) cagr[u] = 100 * growth::compound_growth(values.front()[u], values.back()[u], k);
      out.columns.push_back({"CAGR", "", "", cagr, {}, {}});
      units.header.insert(units.header.end(), {fields.front().name, fields.back().name, "CAGR %"});
      json["cagr_intervals"] = k;
      json["cagr_from"] = fields.front().name;
      json["cagr_to"] = fields.back().name;
    }
    std::vector<std::vector<std::optional<std::int64_t>>> ranks;
    for (std::size_t t = 0; t < fields.size(); ++t) {
      const std::string tag = panel ? fields[t].tag : "";
      std::vector<double> share(n, NAN);
      double total = 0;
      for (double v : values[t])
        if (!std::isnan(v)) total += v;
      if (total != 0) share = growth::shares(values[t]);
      for (double& s : share) s *= 100;
      out.columns.push_back({"Share", tag, "", share, {}, {}});
      ranks.push_back(growth::competition_ranks(values[t], order));
      out.columns.push_back({"Rank", tag, "", {}, ranks.back(), {}});
      std::vector<std::string> year_row{fields[t].name, "", format_number(total, 2), "", "", "", ""};
      std::size_t count = 0;
      for (double v : values[t]) count += std::isnan(v) ? 0 : 1;
      year_row[1] = std::to_string(count);
      if (panel && t > 0) {
        std::vector<double> yoy(n);
        double sum = 0;
        std::size_t m = 0;
        for (std::size_t u = 0; u < n; ++u) {
          yoy[u] = 100 * growth::year_on_year(values[t - 1][u], values[t][u]);
          if (!std::isnan(yoy[u])) sum += yoy[u], ++m;
        }
        year_row[3] = format_number(m ? sum / static_cast<double>(m) : NAN, 2);
        out.columns.push_back({"YoY", tag, "", yoy, {}, {}});
      }
      if (!against.empty()) {
        ResultColumn diff{"RankDiff", tag, "", {}, {}, {}}, zh{"RankGap_zh", tag, "", {}, {}, {}},
            en{"RankGap_en", tag, "", {}, {}, {}};
        int gaps[3] = {0, 0, 0};
        for (std::size_t u = 0; u < n; ++u) {
          if (!ranks.back()[u] || !against_ranks[u]) {
            diff.integers.emplace_back();
            zh.texts.emplace_back();
            en.texts.emplace_back();
            continue;
          }
          const std::int64_t d = *ranks.back()[u] - *against_ranks[u];
          const growth::RankGap gap = growth::rank_gap(d);
          ++gaps[static_cast<int>(gap)];
          diff.integers.emplace_back(d);
          zh.texts.emplace_back(growth::rank_gap_zh(gap));
          en.texts.emplace_back(growth::rank_gap_en(gap));
        }
        for (int g = 0; g < 3; ++g) year_row[static_cast<std::size_t>(4 + g)] = std::to_string(gaps[g]);
        json["rank_gaps"][fields[t].name] = {{"ahead", gaps[0]}, {"in_step", gaps[1]}, {"lagging", gaps[2]}};
        for (ResultColumn* col : {&diff, &zh, &en}) out.columns.push_back(std::move(*col));
      }
      by_year.rows.push_back(year_row);
    }
    units.header.push_back("rank " + fields.front().name);
    if (panel) units.header.push_back("rank " + fields.back().name);
    for (std::size_t u = 0; u < n; ++u) {
      std::vector<std::string> row{input.ids()[u]};
      auto rank_text = [](const std::optional<std::int64_t>& r) { return r ? std::to_string(*r) : std::string(); };
      if (panel)
        row.insert(row.end(), {format_number(values.front()[u], 2), format_number(values.back()[u], 2), format_number(cagr[u], 2)});
      row.push_back(rank_text(ranks.front()[u]));
      if (panel) row.push_back(rank_text(ranks.back()[u]));
      units.rows.push_back(row);
    }
    if (against.empty()) {
      for (auto& row : by_year.rows) row.resize(4);
      by_year.header.resize(4);
    }
    json["fields"] = nlohmann::json::array();
    for (const auto& f : fields) json["fields"].push_back(f.name);
    json["units"] = n;
    out.tables.push_back(std::move(units));
    out.tables.push_back(std::move(by_year));
    return out;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(GrowthAlgorithm)

}  // namespace rs
