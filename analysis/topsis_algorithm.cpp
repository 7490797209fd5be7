// regionstat topsis: closeness to the ideal solution of indicator fields, weighted by entropy
// weights, equal weights or a given list; layered by dimension (algorithms/topsis).
#include <cmath>

#include "algorithms/entropy_weights.hpp"
#include "algorithms/errors.hpp"
#include "algorithms/growth.hpp"
#include "algorithms/topsis.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/index_parameters.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {
namespace {

class TopsisAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "topsis"; }
  std::string display_name() const override { return "TOPSIS (closeness to the ideal solution)"; }
  std::string group() const override { return "Composite indices"; }
  std::string short_help() const override {
    return "TOPSIS closeness of each unit to the ideal solution, with entropy, equal or given weights";
  }
  std::vector<std::string> references() const override {
    return {"Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications. Springer."};
  }
  std::string description() const override {
    return "Vector normalisation z_ij = x_ij / sqrt(sum_i x_ij^2); v_ij = w_j z_ij; ideal v+_j = max_i v_ij and "
           "anti-ideal v-_j = min_i v_ij (reversed for negative indicators); D+ and D- Euclidean distances to them; "
           "closeness C = D- / (D+ + D-) in [0, 1]; rank 1 = closest to the ideal, ties share the best rank.\n"
           "--weights entropy (default: entropy weights of the min-max scaled indicators, as the entropy command "
           "computes them), equal, or a list of numbers in the order of the indicators (rescaled to sum 1).\n"
           "--dimensions econ=a,b;social=c,d: layered entropy weights (dimension weight x weight within the "
           "dimension), and one closeness per dimension with the within-dimension weights.\n"
           "Panels: --standardise per-year (normalisation and ideals per year) or pooled (over all unit-years, so C "
           "compares across years); ranks are always within a year. A unit with a missing value gets NULL results.";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter weights = make_parameter("weights", ParamType::String,
                                       "Weights: entropy, equal, or numbers in the order of the indicators", "entropy");
    return {indicators_parameter(), negative_parameter(), weights, dimensions_parameter(), standardise_parameter()};
  }
  std::vector<ResultField> result_fields() const override {
    return {{"TOPSIS_C", "TC", ResultType::Real, "closeness to the ideal solution C = D-/(D+ + D-)", "", {}},
            {"TOPSIS_Dp", "TDp", ResultType::Real, "distance to the ideal solution D+", "", {}},
            {"TOPSIS_Dm", "TDm", ResultType::Real, "distance to the anti-ideal solution D-", "", {}},
            {"TOPSIS_Rk", "TRk", ResultType::Integer, "rank of C within the year (1 = best; ties share)", "", {}},
            {"TOPSIS_Dim", "TCd", ResultType::Real, "closeness within one dimension, written as TOPSIS_<dimension>", "", {}}};
  }

  TableOutput compute(const TableInput& input) const override {
    const Arguments& args = input.args();
    const IndicatorPanel panel = indicator_panel(input.fields("indicators"), "indicators");
    const std::set<std::size_t> negative = named_indicators(input, "negative", panel);
    const bool pooled = args.text("standardise") == "pooled" && panel.panel();
    const bool layered = args.given("dimensions");
    const std::vector<entropy::Dimension> dims =
        layered ? parse_dimensions(args.text("dimensions"), panel) : std::vector<entropy::Dimension>{};
    const std::vector<std::string> weight_spec = args.list("weights");
    const std::string mode = weight_spec.size() == 1 && (weight_spec[0] == "entropy" || weight_spec[0] == "equal")
                                 ? weight_spec[0] : "given";
    if (layered && mode != "entropy") throw UsageError("--dimensions works with --weights entropy (layered entropy weights)");
    std::vector<double> given;
    if (mode == "given") {
      for (const auto& w : weight_spec) {
        try {
          given.push_back(std::stod(w));
        } catch (const std::exception&) {
          throw UsageError("--weights: '" + w + "' is not a number (nor entropy or equal)");
        }
      }
      if (given.size() != panel.indicators.size())
        throw UsageError("--weights: " + std::to_string(given.size()) + " numbers for " +
                         std::to_string(panel.indicators.size()) + " indicators");
    }
    const std::size_t n = input.size();

    TableOutput out;
    nlohmann::json& json = out.summary;
    json["method"] = "topsis";
    json["weighting"] = layered ? "layered entropy" : mode;
    json["standardise"] = pooled ? "pooled" : "per-year";
    json["weights"] = nlohmann::json::object();
    ReportTable weights_table{"TOPSIS weights", {}, {}};
    if (panel.panel() && !pooled) weights_table.header.push_back("year");
    weights_table.header.insert(weights_table.header.end(), {"indicator", "direction", "weight", "ideal v+", "anti-ideal v-"});
    ReportTable best{"Closeness by year", {"year", "n", "mean C", "max C", "best unit"}, {}};

    auto run_block = [&](const std::vector<entropy::Indicator>& inds, const std::vector<std::string>& tags,
                         const std::string& year_cell) {
      std::vector<double> w;
      std::vector<std::vector<double>> within_weights;
      if (mode == "equal") {
        w.assign(inds.size(), 1.0);
      } else if (mode == "given") {
        w = given;
      } else if (layered) {
        const entropy::LayeredResult r = entropy::layered_entropy_weights(inds, dims);
        w = r.combined;
        for (std::size_t d = 0; d < dims.size(); ++d) {
          within_weights.push_back(r.within[d].weights);
          nlohmann::json& layer_json = year_cell.empty() ? json : json["by_year"][year_cell];
          layer_json["dimension_weights"][dims[d].name] = r.between.weights[d];
        }
      } else {
        w = entropy::entropy_weights(inds).weights;
      }
      const topsis::Result r = topsis::topsis(inds, w);
      for (std::size_t j = 0; j < inds.size(); ++j) {
        json["weights"][inds[j].name] = r.weights[j];
        std::vector<std::string> row;
        if (!year_cell.empty()) row.push_back(year_cell);
        row.insert(row.end(), {inds[j].name, inds[j].negative ? "negative" : "positive", format_number(r.weights[j], 4),
                               format_number(r.ideal[j], 6), format_number(r.anti_ideal[j], 6)});
        weights_table.rows.push_back(row);
      }
      if (r.excluded > 0)
        out.notes.push_back(std::to_string(r.excluded) + " observation(s)" + (year_cell.empty() ? "" : " in " + year_cell) +
                            " with a missing indicator value left out (NULL results)");
      // Per-dimension closeness with the within-dimension weights.
      std::vector<std::vector<double>> dim_c;
      for (std::size_t d = 0; d < within_weights.size(); ++d) {
        std::vector<entropy::Indicator> members;
        for (std::size_t j : dims[d].indicators) members.push_back(inds[j]);
        dim_c.push_back(topsis::topsis(members, within_weights[d]).closeness);
      }
      for (std::size_t t = 0; t < tags.size(); ++t) {
        ResultColumn c{"TOPSIS_C", tags[t], "", {}, {}, {}}, dp{"TOPSIS_Dp", tags[t], "", {}, {}, {}},
            dm{"TOPSIS_Dm", tags[t], "", {}, {}, {}}, rk{"TOPSIS_Rk", tags[t], "", {}, {}, {}};
        for (std::size_t u = 0; u < n; ++u) {
          c.reals.push_back(r.closeness[t * n + u]);
          dp.reals.push_back(r.d_plus[t * n + u]);
          dm.reals.push_back(r.d_minus[t * n + u]);
        }
        rk.integers = growth::competition_ranks(c.reals);
        double sum = 0, top = -INFINITY;
        std::size_t count = 0, top_unit = 0;
        for (std::size_t u = 0; u < n; ++u) {
          if (std::isnan(c.reals[u])) continue;
          sum += c.reals[u];
          ++count;
          if (c.reals[u] > top) top = c.reals[u], top_unit = u;
        }
        best.rows.push_back({tags[t].empty() ? "-" : tags[t], std::to_string(count),
                             format_number(count ? sum / static_cast<double>(count) : NAN, 4),
                             format_number(count ? top : NAN, 4), count ? input.ids()[top_unit] : ""});
        out.columns.push_back(std::move(c));
        out.columns.push_back(std::move(dp));
        out.columns.push_back(std::move(dm));
        out.columns.push_back(std::move(rk));
        for (std::size_t d = 0; d < dim_c.size(); ++d) {
          ResultColumn dc{"TOPSIS_Dim", tags[t], dimension_field_name("TOPSIS", dims[d].name, input.long_table() ? "" : tags[t]), {}, {}, {}};
          for (std::size_t u = 0; u < n; ++u) dc.reals.push_back(dim_c[d][t * n + u]);
          out.columns.push_back(std::move(dc));
        }
      }
    };

    if (pooled) {
      run_block(pooled_indicators(input, panel, negative), panel.tags, "");
    } else {
      for (std::size_t t = 0; t < panel.tags.size(); ++t)
        run_block(indicators_of_year(input, panel, t, negative), {panel.tags[t]}, panel.tags[t]);
    }
    json["years"] = panel.panel() ? nlohmann::json(panel.tags) : nlohmann::json::array();
    json["units"] = n;
    out.tables.push_back(std::move(weights_table));
    out.tables.push_back(std::move(best));
    return out;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(TopsisAlgorithm)

}  // namespace rs
