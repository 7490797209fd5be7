// `regionstat primacy`: primacy indices of a set of cities, per region.
#include <cmath>
#include <sstream>

#include "algorithms/errors.hpp"
#include "algorithms/gravity.hpp"
#include "analysis/centrography_support.hpp"
#include "analysis/display_text.hpp"
#include "analysis/step_timer.hpp"

namespace rs {
namespace {

class PrimacyAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "primacy"; }
  std::string display_name() const override { return "Primacy indices"; }
  std::string group() const override { return "Centres of gravity"; }
  std::string short_help() const override {
    return "First-city share, two-city index P1/P2 and four-city index P1/(P2+P3+P4), per region";
  }
  std::string help() const override {
    return "Primacy of the largest city by --size (population, GDP, ...), over all units or per group "
           "(--group, e.g. province): first_share = P1 / sum P, two_city = P1 / P2, four_city = "
           "P1 / (P2 + P3 + P4), with P1 >= P2 >= ... the sizes sorted. Indices that need more cities "
           "than a group has are empty. A growth pole is expected to hold at least about 15 % of its "
           "region's output. Units with a NULL size are left out with a warning. The table is printed "
           "and, with --table, written as CSV.";
  }
  std::vector<std::string> references() const override {
    return {"Jefferson, M. (1939). The law of the primate city. Geographical Review 29(2), 226-232."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> own{
        input_field_parameter("size", ParamType::Field, "Size field (population, GDP)", false),
        input_field_parameter("group", ParamType::Field, "Grouping field: indices per group"),
        make_parameter("table", ParamType::OutputFile, "CSV table of the indices"),
        make_parameter("overwrite", ParamType::Boolean, "Replace an existing table", "false"),
        where_parameter(),
    };
    own[1].numeric = false;
    own[2].file_filter = "CSV files (*.csv)";
    return concat(input_parameters(), own);
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::Layer layer = read_filtered_input(args, feedback);
    timer.lap("read");
    const std::string size_field = args.text("size");
    geo::NumericColumn size = numeric_field(layer, size_field, feedback);
    UnitGroups groups = group_units(layer, args.text("group"), feedback);
    Result result;
    auto& s = result.summary;
    s["input"] = layer.path;
    s["size"] = size_field;
    s["groups"] = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    std::ostringstream os;
    os << "primacy of " << size_field << " in " << layer.path << "\n\n";
    char line[512];
    std::snprintf(line, sizeof line, "  %-16s %5s  %-16s %12s %9s %9s\n", "group", "n", "largest", "first_share",
                  "two_city", "four_city");
    os << line;
    for (std::size_t g = 0; g < groups.names.size(); ++g) {
      std::vector<double> sizes;
      std::vector<std::size_t> members;
      for (std::size_t i : groups.members[g]) {
        if (std::isnan(size.values[i])) continue;
        if (size.values[i] < 0)
          throw DataError("field '" + size_field + "' of unit " + layer.ids[i] + " is negative");
        sizes.push_back(size.values[i]);
        members.push_back(i);
      }
      if (sizes.empty()) continue;
      gravity::Primacy p = gravity::primacy(sizes);
      const std::string largest = layer.ids[members[p.first]];
      const std::string second = p.second == gravity::kNone ? "" : layer.ids[members[p.second]];
      auto num = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
      s["groups"].push_back({{"group", groups.names[g]}, {"n", p.n}, {"total", p.total}, {"largest", largest},
                             {"second", second}, {"first_share", num(p.first_share)}, {"two_city", num(p.two_city)},
                             {"four_city", num(p.four_city)}});
      rows.push_back({groups.names[g], std::to_string(p.n), format_significant(p.total, 12), largest, second,
                      format_significant(p.first_share, 8), format_significant(p.two_city, 8), format_significant(p.four_city, 8)});
      std::snprintf(line, sizeof line, "  %s %5zu  %s %12.4f %9.3f %9.3f\n", pad_right(groups.names[g], 16).c_str(), p.n,
                    pad_right(largest, 16).c_str(), p.first_share, p.two_city, p.four_city);
      os << line;
    }
    if (rows.empty()) throw DataError("field '" + size_field + "' has no value to rank");
    result.report = os.str();
    timer.lap("statistic");
    if (args.given("table")) {
      write_csv_table(args.text("table"),
                      {"group", "n", "total", "largest", "second", "first_share", "two_city", "four_city"}, rows,
                      args.flag("overwrite"));
      result.files["table"] = args.text("table");
      result.report += "wrote table " + args.text("table") + "\n";
      timer.lap("write");
    }
    s["seconds"] = timer.json();
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(PrimacyAlgorithm)

}  // namespace rs
