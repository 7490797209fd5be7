// `regionstat report`: one HTML page gathering the results of a run - the JSON summaries of
// earlier commands (`regionstat moran ... --json > moran.json`) as per-year tables, and the
// figures (`regionstat map`, Moran scatterplots) - each result headed by the data, weights,
// inference and seed that produced it. Every figure is also copied as a file into REPORT_files/.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/provenance.hpp"
#include "analysis/qgis_python.hpp"
#include "analysis/step_timer.hpp"
#include "geo/output_file.hpp"

namespace rs {
namespace {

namespace fs = std::filesystem;

// Summary keys that say where a result comes from, in the order they are printed.
const std::vector<std::string>& provenance_keys() {
  static const std::vector<std::string> keys{
      "statistic_name", "statistic", "input", "output", "weights", "inference", "p_values", "permutations",
      "seed", "p_rule", "adjust", "alpha", "classes", "measured_in", "moves_measured", "distance", "mass", "beta"};
  return keys;
}

// Columns that regional papers print, for tables too wide to print whole (the JSON keeps all).
const std::vector<std::string>& printed_columns() {
  static const std::vector<std::string> columns{
      "field", "year", "n", "statistic", "expected", "z_randomization", "p_randomization", "z_permutation",
      "p_permutation", "z_permutation_se", "p_permutation_se_one_sided", "hot_99", "hot_95", "hot_90",
      "not_significant", "cold_90", "cold_95", "cold_99", "isolated"};
  return columns;
}
constexpr std::size_t max_columns = 12;

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string cell(const nlohmann::json& value) {
  if (value.is_string()) return escape(value.get<std::string>());
  if (value.is_number_float()) {
    std::ostringstream os;
    os.precision(6);
    os << value.get<double>();
    return os.str();
  }
  if (value.is_null()) return "";
  if (value.is_array()) {
    std::string out;
    for (auto& v : value) out += (out.empty() ? "" : ", ") + cell(v);
    return out;
  }
  return escape(value.dump());
}

bool is_table(const nlohmann::json& value) {
  return value.is_array() && !value.empty() && value.front().is_object();
}

// An array of objects as a table: one row per object, a column per scalar key (nested values,
// such as each row's inference notes, are left to the provenance above the table).
std::string html_table(const std::string& caption, const nlohmann::json& rows) {
  std::vector<std::string> columns;
  std::set<std::string> seen;
  for (auto& row : rows)
    for (auto& [key, value] : row.items())
      if (!value.is_object() && !is_table(value) && seen.insert(key).second) columns.push_back(key);
  std::string note;
  if (columns.size() > max_columns) {
    std::vector<std::string> printed;
    for (auto& c : printed_columns())
      if (seen.count(c)) printed.push_back(c);
    if (printed.size() >= 2) {
      note = " (" + std::to_string(printed.size()) + " of " + std::to_string(columns.size()) +
             " columns; all are in the JSON)";
      columns = printed;
    }
  }
  std::ostringstream os;
  os << "<table width=\"100%\">\n<caption>" << escape(caption + note) << "</caption>\n<tr>";
  for (auto& c : columns) os << "<th>" << escape(c) << "</th>";
  os << "</tr>\n";
  for (auto& row : rows) {
    os << "<tr>";
    for (auto& c : columns) os << "<td>" << (row.contains(c) ? cell(row.at(c)) : "") << "</td>";
    os << "</tr>\n";
  }
  os << "</table>\n";
  return os.str();
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DataError("cannot read '" + path + "'");
  nlohmann::json value = nlohmann::json::parse(in, nullptr, false);
  if (value.is_discarded() || !value.is_object())
    throw DataError("'" + path + "' is not the JSON summary of a regionstat command (--json)");
  return value;
}

std::string result_section(const std::string& path, const nlohmann::json& summary) {
  std::ostringstream os;
  os << "<h2>" << escape(fs::path(path).filename().string()) << "</h2>\n<table class=\"provenance\">\n";
  // Which data, weights, inference and seed produced the result, in words...
  for (auto& line : provenance_lines(summary))
    os << "<tr><th>" << escape(line.label) << "</th><td>" << escape(line.text) << "</td></tr>\n";
  os << "</table>\n<table class=\"provenance\">\n<caption>settings</caption>\n";
  // ...and the settings as the JSON has them. Global statistics keep theirs in the rows: the
  // first row speaks for the run.
  const nlohmann::json& first = is_table(summary.value("results", nlohmann::json())) ? summary["results"][0] : summary;
  for (auto& key : provenance_keys()) {
    const nlohmann::json& source = summary.contains(key) ? summary : first;
    if (source.contains(key) && !source[key].is_object() && !is_table(source[key]))
      os << "<tr><th>" << escape(key) << "</th><td>" << cell(source[key]) << "</td></tr>\n";
  }
  os << "</table>\n";
  std::ostringstream scalars;
  for (auto& [key, value] : summary.items()) {
    if (is_table(value)) {
      os << html_table(key, value);
    } else if (!value.is_object() && !value.is_array() &&
               std::find(provenance_keys().begin(), provenance_keys().end(), key) == provenance_keys().end()) {
      scalars << "<tr><th>" << escape(key) << "</th><td>" << cell(value) << "</td></tr>\n";
    }
  }
  if (!scalars.str().empty()) os << "<table>\n<caption>summary</caption>\n" << scalars.str() << "</table>\n";
  return os.str();
}

class ReportAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "report"; }
  std::string display_name() const override { return "Report of a run"; }
  std::string group() const override { return "Maps and reports"; }
  std::string short_help() const override {
    return "An HTML report of a run: the JSON results of earlier commands as tables, and the figures";
  }
  std::string help() const override {
    return "Gathers the results of a run into one HTML page. --results takes the JSON summaries of "
           "the commands (command line: regionstat moran ... --json > moran.json): each becomes a "
           "section headed by where it comes from (input, weights, inference, permutations, seed, p rule, "
           "projection), with its per-year or per-unit lists as tables (Moran's I per year, cluster counts, "
           "migration moves, strongest links). --figures takes images (PNG, SVG; PDF linked), e.g. the "
           "figures of regionstat map and their .qgz projects; each is copied into the folder REPORT_files "
           "beside the report, so every figure is also a file of its own. Several files are separated by commas. "
           "--pdf prints the page to PDF with the Qt of QGIS (needs qgis, python3-qgis; fonts-noto-cjk for Chinese).";
  }
  std::vector<std::string> references() const override {
    return {"The Qt Company. Qt 5 rich text processing (QTextDocument), used to print the PDF. https://doc.qt.io/qt-5/richtext.html"};
  }
  std::vector<Parameter> parameters() const override {
    Parameter output = make_parameter("output", ParamType::OutputFile, "HTML report to write", "", false);
    output.short_flag = "-o";
    output.file_filter = "HTML files (*.html)";
    Parameter pdf = make_parameter("pdf", ParamType::OutputFile, "The report also as PDF (printed with QGIS's Qt)");
    pdf.file_filter = "PDF files (*.pdf)";
    Parameter overwrite = make_parameter("overwrite", ParamType::Boolean, "Replace existing output files");
    overwrite.default_value = "false";
    overwrite.advanced = true;
    return {make_parameter("title", ParamType::String, "Title of the report", "RegionStat report", false),
            make_parameter("results", ParamType::String, "JSON summaries of earlier commands (command line: --json), comma-separated"),
            make_parameter("figures", ParamType::String, "Figures to include (PNG, SVG, PDF), comma-separated"),
            output, pdf, overwrite};
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "html", "The report"}, {"pdf", "file", "The report as PDF"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    const std::string output = args.text("output");
    const bool overwrite = args.flag("overwrite");
    const std::vector<std::string> results = args.list("results");
    const std::vector<std::string> figures = args.list("figures");
    if (results.empty() && figures.empty()) throw UsageError("give --results or --figures: the report would be empty");
    std::vector<std::string> inputs = results;
    inputs.insert(inputs.end(), figures.begin(), figures.end());
    geo::check_output_file(output, overwrite, inputs);
    const std::string pdf = args.text("pdf");
    if (!pdf.empty()) geo::check_output_file(pdf, overwrite, inputs);
    const fs::path folder = fs::path(output).replace_extension("").string() + "_files";
    std::vector<std::string> copies;
    for (auto& figure : figures) {
      if (!fs::exists(figure)) throw DataError("figure '" + figure + "' does not exist");
      copies.push_back((folder / fs::path(figure).filename()).string());
      if (fs::exists(copies.back()) && !overwrite)  // the folder itself is made when writing
        throw DataError("'" + copies.back() + "' exists; use --overwrite to replace it");
    }

    std::ostringstream html;
    const std::string title = args.text("title");
    html << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << escape(title) << "</title>\n"
         << "<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em;max-width:70em}"
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
            "text-align:right}th{background:#f2f2f2}caption{font-weight:bold;text-align:left}"
            ".provenance th,.provenance td{text-align:left}img{max-width:100%;border:1px solid #ddd}</style>"
            "</head><body>\n<h1>" << escape(title) << "</h1>\n";
    for (auto& path : results) {
      html << result_section(path, read_json(path));
      feedback.info("report: " + path);
    }
    if (!figures.empty()) html << "<h2>Figures</h2>\n";
    for (std::size_t k = 0; k < figures.size(); ++k) {
      const std::string relative = (fs::path(folder.filename()) / fs::path(figures[k]).filename()).string();
      const std::string extension = fs::path(figures[k]).extension().string();
      html << "<figure>";
      if (extension == ".png" || extension == ".svg" || extension == ".jpg")
        html << "<img src=\"" << escape(relative) << "\" alt=\"" << escape(relative) << "\">";
      html << "<figcaption><a href=\"" << escape(relative) << "\">" << escape(relative) << "</a>";
      const fs::path project = fs::path(figures[k]).replace_extension(".qgz");
      if (fs::exists(project)) html << " (QGIS project: " << escape(project.filename().string()) << ")";
      html << "</figcaption></figure>\n";
    }
    html << "</body></html>\n";
    timer.lap("compose");

    fs::create_directories(folder);
    for (std::size_t k = 0; k < figures.size(); ++k) {
      const std::string staged = geo::staged_path(copies[k]);
      std::error_code ec;
      fs::copy_file(figures[k], staged, fs::copy_options::overwrite_existing, ec);
      if (ec) throw DataError("cannot copy '" + figures[k] + "' to '" + copies[k] + "': " + ec.message());
      geo::commit_staged_file(staged, copies[k], overwrite);
    }
    geo::write_text_file(output, html.str(), overwrite);
    timer.lap("write");

    Result result;
    if (!pdf.empty()) {
      const std::string staged = geo::staged_path(pdf);
      try {
        run_qgis_script(maps_script("html_pdf.py"), {output, staged});
      } catch (...) {
        std::error_code ec;
        fs::remove(staged, ec);
        throw;
      }
      geo::commit_staged_file(staged, pdf, overwrite);
      result.files["pdf"] = pdf;
      result.summary["pdf"] = pdf;
      timer.lap("pdf");  // QGIS prints the page
    }
    result.files["output"] = output;
    result.summary["output"] = output;
    result.summary["results"] = results;
    result.summary["figures"] = copies;
    result.summary["seconds"] = timer.json();
    result.report = "report: " + output + " (" + std::to_string(results.size()) + " result(s), " +
                    std::to_string(figures.size()) + " figure(s) in " + folder.string() + ")\n";
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(ReportAlgorithm)

}  // namespace rs
