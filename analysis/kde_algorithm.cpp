// `regionstat kde`: Gaussian kernel density curves of a field, or of every year of a panel, for
// all units and per group, evaluated exactly at each grid point; the curves as a table and as
// the figure papers print (one curve per year, or a ridge / 3-D view of the years).
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "algorithms/errors.hpp"
#include "algorithms/kernel_density.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/figure.hpp"
#include "analysis/table_algorithm.hpp"
#include "geo/output_file.hpp"

namespace rs {
namespace {

std::string number_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// --bandwidth: a rule (silverman = R bw.nrd0, scott = R bw.nrd) or a positive number.
struct BandwidthChoice {
  bool fixed = false;
  double value = 0;
  kde::BandwidthRule rule = kde::BandwidthRule::Silverman;
  std::string name;  // "silverman", "scott" or "fixed"
};

BandwidthChoice parse_bandwidth(const std::string& text) {
  BandwidthChoice c;
  if (text == "silverman" || text == "nrd0") {
    c.name = "silverman";
    return c;
  }
  if (text == "scott" || text == "nrd") {
    c.rule = kde::BandwidthRule::Scott;
    c.name = "scott";
    return c;
  }
  std::size_t used = 0;
  try {
    c.value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !(c.value > 0) || !std::isfinite(c.value))
    throw UsageError("--bandwidth '" + text + "': give silverman, scott or a positive number");
  c.fixed = true;
  c.name = "fixed";
  return c;
}

class KdeAlgorithm : public TableAlgorithm {
 public:
  std::string name() const override { return "kde"; }
  std::string display_name() const override { return "Kernel density curves"; }
  std::string group() const override { return "Inequality and convergence"; }
  std::string short_help() const override {
    return "Gaussian kernel density of a field or of every year of a panel, for all units and per group, as a table "
           "and a figure";
  }
  std::vector<std::string> references() const override {
    return {"Silverman, B. W. (1986). Density Estimation for Statistics and Data Analysis. Chapman and Hall. (rule of thumb, R bw.nrd0)",
            "Scott, D. W. (1992). Multivariate Density Estimation. Wiley. (R bw.nrd)",
            "Quah, D. T. (1996). Twin peaks: growth and convergence in models of distribution dynamics. Economic Journal 106, 1045-1055."};
  }
  std::string description() const override {
    return "Gaussian kernel density f(x) = 1/(n h) sum_i phi((x - x_i)/h), evaluated exactly at each of --points grid "
           "points (the sum of the kernels: no binning or FFT, which R's density() uses and so only approximates). "
           "The grid runs from min - 3h to max + 3h, as density()'s default cut = 3.\n"
           "Bandwidth (--bandwidth): silverman (default) = R bw.nrd0 = 0.9 min(sd, IQR/1.34) n^-1/5 (falling back to "
           "the sd, |x_1| or 1 when that is 0); scott = R bw.nrd = 1.06 min(sd, IQR/1.34) n^-1/5; or a number in the "
           "field's unit. sd is the sample sd, the IQR from R's default (type 7) quantiles. Each curve (field, group) "
           "has its own bandwidth and grid.\n"
           "A curve is drawn for all units of each field (year), and with --group for each group as well. Units "
           "with a NULL value (or group) are left out.\n"
           "The printed table has one row per curve: n, bandwidth, the peak (highest point) and its density, and "
           "the number of local maxima (peaks). With --output-csv the first table is the curves themselves, one row "
           "per grid point: field, group, x, density (group empty for all units).\n"
           "--figure FILE.png|svg|pdf draws the curves with matplotlib (plugin/regionstat/figures/kde_curves.py): "
           "--figure-style curves (one curve per year, one panel per group), ridge (years stacked) or 3d (x, year, "
           "density).\n"
           "The JSON summary (command line: --json): `bandwidth` (a number for one curve; else field -> bandwidth of its all-units curve), "
           "`bandwidth_rule`, `points`, and `curves`: field, year, group, n, bandwidth, peak_x, peak_density, peaks, "
           "x, density.";
  }
  std::vector<Parameter> method_parameters() const override {
    Parameter field = panel_fields_parameter();
    Parameter group = input_field_parameter("group", ParamType::Field, "Group field: one more curve per group");
    group.numeric = false;
    Parameter bandwidth = make_parameter("bandwidth", ParamType::String,
                                         "Bandwidth: silverman (R bw.nrd0), scott (R bw.nrd) or a number", "silverman");
    Parameter points = make_parameter("points", ParamType::Integer, "Grid points per curve", "512");
    points.minimum = 2;
    points.maximum = 100000;
    Parameter figure = make_parameter("figure", ParamType::OutputFile, "Figure of the curves (.png, .svg or .pdf)");
    figure.file_filter = "Figures (*.png *.svg *.pdf)";
    Parameter style = make_parameter("figure_style", ParamType::Enum,
                                     "Figure: one curve per year, a ridge of years, or a 3-D view", "curves");
    style.choices = {"curves", "ridge", "3d"};
    return {field, group, bandwidth, points, figure, style};
  }
  std::vector<ResultField> result_fields() const override { return {}; }

  TableOutput compute(const TableInput& input) const override {
    const Arguments& args = input.args();
    const std::vector<AnalysedField> fields = input.fields("field");
    if (fields.empty()) throw UsageError("--field: no field to analyse");
    const std::string group = args.text("group");
    if (!group.empty() && !input.layer().has_field(group)) throw DataError("--group: the input has no field '" + group + "'");
    const BandwidthChoice choice = parse_bandwidth(args.text("bandwidth"));
    const long long points = args.integer("points");
    if (points < 2) throw UsageError("--points must be at least 2 (got " + std::to_string(points) + ")");
    const std::string figure = args.text("figure");
    if (!figure.empty()) geo::check_output_file(figure, args.flag("overwrite"), {args.text("input")});

    std::vector<std::optional<std::string>> labels;
    if (!group.empty()) labels = input.texts(group);

    TableOutput out;
    ReportTable curves_table{"Density curves", {"field", "group", "x", "density"}, {}};
    ReportTable summary{"Kernel density (" + choice.name + " bandwidth, " + std::to_string(points) + " points)",
                        {"field", "group", "n", "bandwidth", "peak_x", "peak_density", "peaks"}, {}};
    nlohmann::json curves = nlohmann::json::array();
    nlohmann::json bandwidths = nlohmann::json::object();
    std::size_t no_group = 0;

    for (const AnalysedField& field : fields) {
      input.feedback().check_cancelled();
      const std::vector<double> values = input.numbers(field.name);
      std::map<std::string, std::vector<double>> by_group;  // "" = all units
      std::vector<std::string> order{""};
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        by_group[""].push_back(values[i]);
        if (group.empty()) continue;
        if (!labels[i] || labels[i]->empty()) {
          ++no_group;
          continue;
        }
        if (!by_group.count(*labels[i])) order.push_back(*labels[i]);
        by_group[*labels[i]].push_back(values[i]);
      }
      for (const std::string& g : order) {
        const std::vector<double>& x = by_group[g];
        const std::string what = "field '" + field.name + "'" + (g.empty() ? "" : ", group '" + g + "'");
        if (x.size() < 2 && !choice.fixed && !g.empty()) {
          // A group of one unit has no spread for a bandwidth rule; the other curves still make sense.
          input.feedback().warning(what + ": one value, no curve (a bandwidth rule needs 2; give --bandwidth VALUE)");
          continue;
        }
        kde::Curve c;
        try {
          const double h = choice.fixed ? choice.value : kde::bandwidth(x, choice.rule);
          c = kde::gaussian_density(x, h, static_cast<std::size_t>(points));
        } catch (const DataError& e) {
          throw DataError(what + ": " + e.what());
        }
        const std::vector<std::size_t> peaks = kde::local_maxima(c.density);
        std::size_t top = 0;
        for (std::size_t k = 1; k < c.density.size(); ++k)
          if (c.density[k] > c.density[top]) top = k;
        curves.push_back({{"field", field.name}, {"year", field.tag}, {"group", g}, {"n", x.size()},
                          {"bandwidth", c.bandwidth}, {"peak_x", c.x[top]}, {"peak_density", c.density[top]},
                          {"peaks", peaks.size()}, {"x", c.x}, {"density", c.density}});
        if (g.empty()) bandwidths[field.name] = c.bandwidth;
        summary.rows.push_back({field.name, g, std::to_string(x.size()), number_text(c.bandwidth),
                                number_text(c.x[top]), number_text(c.density[top]), std::to_string(peaks.size())});
        for (std::size_t k = 0; k < c.x.size(); ++k)
          curves_table.rows.push_back({field.name, g, number_text(c.x[k]), number_text(c.density[k])});
      }
    }
    if (no_group)
      input.feedback().warning(std::to_string(no_group) + " value(s) without a group in '" + group +
                               "' left out of the group curves (kept in the all-units curve)");

    // The curves (one line per grid point) are the CSV, too long to print.
    curves_table.printed = false;
    out.tables.push_back(curves_table);
    out.tables.push_back(summary);
    out.summary["bandwidth_rule"] = choice.name;
    out.summary["points"] = points;
    out.summary["bandwidth"] = curves.size() == 1 ? curves.front()["bandwidth"] : bandwidths;
    out.summary["curves"] = curves;

    if (!figure.empty()) {
      nlohmann::json data;
      data["style"] = args.text("figure_style");
      data["title"] = "Kernel density" + std::string(group.empty() ? "" : " by " + group);
      // The variable without its year: gdp_2011, gdp_2012 ... -> gdp.
      std::string variable = fields.front().name;
      const std::string year_suffix = "_" + fields.front().tag;
      if (fields.size() > 1 && variable.size() > year_suffix.size() &&
          variable.compare(variable.size() - year_suffix.size(), year_suffix.size(), year_suffix) == 0)
        variable.erase(variable.size() - year_suffix.size());
      data["xlabel"] = variable;
      data["ylabel"] = "Density";
      nlohmann::json drawn = nlohmann::json::array();
      for (const auto& c : curves)
        drawn.push_back({{"label", fields.size() == 1 ? c["field"] : c["year"]}, {"group", c["group"]},
                         {"x", c["x"]}, {"density", c["density"]}});
      data["curves"] = drawn;
      render_figure("kde_curves", data, figure, args.flag("overwrite"), input.feedback());
      out.files["figure"] = figure;
      out.notes.push_back("wrote the figure to " + figure);
    }
    return out;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(KdeAlgorithm)

}  // namespace rs
