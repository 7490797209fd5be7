// regionstat entropy: entropy weights and the composite score of indicator fields, per year or
// pooled over a panel, optionally layered by dimension (algorithms/entropy_weights).
#include <cmath>

#include "algorithms/entropy_weights.hpp"
#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/index_parameters.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {
namespace {

class EntropyAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "entropy"; }
  std::string display_name() const override { return "Entropy weight method (composite index)"; }
  std::string group() const override { return "Composite indices"; }
  std::string short_help() const override {
    return "Entropy weights of indicators and the weighted composite score, per year or pooled, optionally layered";
  }
  std::vector<std::string> references() const override {
    return {"Shannon, C. E. (1948). A mathematical theory of communication. Bell System Technical Journal 27, 379-423.",
            "Zhao Yu, Xie Qiyang & Ding Baogen (2020). 中国城镇化高质量发展的综合测度与演化特征. 区域经济评论 2020(5). (layered weights)"};
  }
  std::string description() const override {
    return "Min-max scaling x' = (x - min)/(max - min), reversed (max - x)/(max - min) for negative indicators; "
           "p_ij = x'_ij / sum_i x'_ij; e_j = -(1/ln m) sum_i p_ij ln p_ij with 0 ln 0 = 0 (m observations); "
           "w_j = (1 - e_j)/sum_k (1 - e_k); score = sum_j w_j x'_ij, in [0, 1] (x100 with --percent).\n"
           "--shift affine --shift-size 0.01 uses x'' = 0.01 + 0.99 x' (the 0.99 x' + 0.01 of papers) so no value is 0; "
           "--shift additive uses x' + size. Off by default.\n"
           "Panels (fields such as gdp_2011, or a long table with --year): --standardise per-year weighs each year apart; "
           "pooled scales and weighs all unit-years together, one set of weights, so scores compare across years.\n"
           "--dimensions econ=a,b;social=c,d: layered weighting. The entropy method within each dimension gives "
           "its indicator weights and a dimension score; the entropy method on the dimension scores gives the "
           "dimension weights W_d; the total is sum_d W_d S_d (combined indicator weight W_d w_j|d).\n"
           "A unit with a missing value in any indicator is left out of the weights and gets NULL scores (a counted "
           "warning); a constant indicator is an error naming it.";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter shift = make_parameter("shift", ParamType::Enum, "Shift after scaling so no value is 0", "none");
    shift.choices = {"none", "affine", "additive"};
    Parameter size = make_parameter("shift_size", ParamType::Double, "Size of the shift (affine: s + (1 - s) x')", "0.01");
    size.minimum = 0;
    size.maximum = 1;
    size.advanced = true;
    Parameter percent = make_parameter("percent", ParamType::Boolean, "Scores x100 (for display)", "false");
    return {indicators_parameter(), negative_parameter(), dimensions_parameter(), standardise_parameter(),
            shift, size, percent};
  }
  std::vector<ResultField> result_fields() const override {
    return {{"EW_Score", "EW", ResultType::Real, "entropy-weighted composite score (total)", "", {}},
            {"EW_Dim", "EWd", ResultType::Real,
             "score of one dimension when layered, written as EW_<dimension>", "", {}}};
  }

  TableOutput compute(const TableInput& input) const override {
    const Arguments& args = input.args();
    const IndicatorPanel panel = indicator_panel(input.fields("indicators"), "indicators");
    const std::set<std::size_t> negative = named_indicators(input, "negative", panel);
    entropy::Options options;
    options.shift = entropy::parse_shift_form(args.text("shift"));
    options.shift_size = args.number("shift_size");
    const bool pooled = args.text("standardise") == "pooled" && panel.panel();
    const bool layered = args.given("dimensions");
    const std::vector<entropy::Dimension> dims =
        layered ? parse_dimensions(args.text("dimensions"), panel) : std::vector<entropy::Dimension>{};
    const double scale = args.flag("percent") ? 100.0 : 1.0;
    const std::size_t n = input.size();

    TableOutput out;
    ReportTable weights_table{"Entropy weights", {}, {}};
    if (panel.panel() && !pooled) weights_table.header.push_back("year");
    weights_table.header.insert(weights_table.header.end(), {"indicator", "direction"});
    if (layered) weights_table.header.insert(weights_table.header.end(), {"dimension", "W_dim", "w_within"});
    weights_table.header.insert(weights_table.header.end(), {"entropy e", "1 - e", "weight"});
    ReportTable scores_table{"Scores", {"year", "n", "mean", "min", "max", "excluded"}, {}};

    nlohmann::json& json = out.summary;
    json["method"] = "entropy";
    json["standardise"] = pooled ? "pooled" : "per-year";
    json["shift"] = entropy::shift_form_name(options.shift);
    if (options.shift != entropy::ShiftForm::None) json["shift_size"] = options.shift_size;
    json["weights"] = nlohmann::json::object();
    json["entropy"] = nlohmann::json::object();

    // One weighting of `inds`: blocks of n observations, one block per entry of `tags` (one
    // year, or every year stacked when pooled); `year_cell` labels the rows of a per-year panel.
    auto weigh = [&](const std::vector<entropy::Indicator>& inds, const std::vector<std::string>& tags,
                     const std::string& year_cell) {
      std::vector<double> score;
      std::vector<std::vector<double>> dim_scores;
      std::vector<double> weights, entropies;
      std::vector<std::string> dim_of(inds.size());
      std::vector<double> dim_weight(inds.size()), within(inds.size());
      std::size_t excluded = 0;
      if (layered) {
        const entropy::LayeredResult r = entropy::layered_entropy_weights(inds, dims, options);
        score = r.score;
        weights = r.combined;
        entropies.assign(inds.size(), 0);
        excluded = r.excluded;
        // Per-year layered weights of a panel are keyed by year; otherwise at the top level.
        nlohmann::json& layer_json = year_cell.empty() ? json : json["by_year"][year_cell];
        for (std::size_t d = 0; d < dims.size(); ++d) {
          dim_scores.push_back(r.within[d].score);
          nlohmann::json within_json = nlohmann::json::object();
          for (std::size_t k = 0; k < dims[d].indicators.size(); ++k) {
            const std::size_t j = dims[d].indicators[k];
            entropies[j] = r.within[d].entropy[k];
            dim_of[j] = dims[d].name;
            dim_weight[j] = r.between.weights[d];
            within[j] = r.within[d].weights[k];
            within_json[inds[j].name] = r.within[d].weights[k];
          }
          layer_json["within_weights"][dims[d].name] = within_json;
          layer_json["dimension_weights"][dims[d].name] = r.between.weights[d];
          layer_json["dimension_entropy"][dims[d].name] = r.between.entropy[d];
        }
      } else {
        const entropy::Result r = entropy::entropy_weights(inds, options);
        score = r.score;
        weights = r.weights;
        entropies = r.entropy;
        excluded = r.excluded;
      }
      for (std::size_t j = 0; j < inds.size(); ++j) {
        json["weights"][inds[j].name] = weights[j];
        json["entropy"][inds[j].name] = entropies[j];
        std::vector<std::string> row;
        if (!year_cell.empty()) row.push_back(year_cell);
        row.insert(row.end(), {inds[j].name, inds[j].negative ? "negative" : "positive"});
        if (layered)
          row.insert(row.end(), {dim_of[j], format_number(dim_weight[j], 4), format_number(within[j], 4)});
        row.insert(row.end(), {format_number(entropies[j], 4), format_number(1 - entropies[j], 4),
                               format_number(weights[j], 4)});
        weights_table.rows.push_back(row);
      }
      if (excluded > 0)
        out.notes.push_back(std::to_string(excluded) + " observation(s)" + (year_cell.empty() ? "" : " in " + year_cell) +
                            " with a missing indicator value left out (NULL scores)");
      // Scatter the blocks of n back to their years.
      for (std::size_t t = 0; t < tags.size(); ++t) {
        ResultColumn total{"EW_Score", tags[t], "", {}, {}, {}};
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        std::size_t count = 0;
        for (std::size_t u = 0; u < n; ++u) {
          const double v = score[t * n + u] * scale;
          total.reals.push_back(v);
          if (std::isnan(v)) continue;
          sum += v;
          lo = std::min(lo, v);
          hi = std::max(hi, v);
          ++count;
        }
        scores_table.rows.push_back({tags[t].empty() ? "-" : tags[t], std::to_string(count),
                                     format_number(count ? sum / static_cast<double>(count) : NAN, 4),
                                     format_number(count ? lo : NAN, 4), format_number(count ? hi : NAN, 4),
                                     std::to_string(n - count)});
        out.columns.push_back(std::move(total));
        for (std::size_t d = 0; d < dim_scores.size(); ++d) {
          ResultColumn c{"EW_Dim", tags[t], dimension_field_name("EW", dims[d].name, input.long_table() ? "" : tags[t]), {}, {}, {}};
          for (std::size_t u = 0; u < n; ++u) c.reals.push_back(dim_scores[d][t * n + u] * scale);
          out.columns.push_back(std::move(c));
        }
      }
    };

    if (pooled) {
      weigh(pooled_indicators(input, panel, negative), panel.tags, "");
      json["fields"] = panel.fields;
    } else {
      for (std::size_t t = 0; t < panel.tags.size(); ++t)
        weigh(indicators_of_year(input, panel, t, negative), {panel.tags[t]}, panel.tags[t]);
    }
    if (!panel.panel()) {  // one field set: no year column
      scores_table.header.erase(scores_table.header.begin());
      for (auto& row : scores_table.rows) row.erase(row.begin());
    }
    json["years"] = panel.panel() ? nlohmann::json(panel.tags) : nlohmann::json::array();
    json["units"] = n;
    out.tables.push_back(std::move(weights_table));
    out.tables.push_back(std::move(scores_table));
    std::string note = pooled ? "weights pooled over all unit-years; " : panel.panel() ? "weights per year; " : "";
    if (layered) note += "layered: weight = W_dim x w_within; ";
    out.notes.push_back(note + "shift: " + entropy::shift_form_name(options.shift));
    return out;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(EntropyAlgorithm)

}  // namespace rs
