// `regionstat map`: a print-ready figure (PNG, PDF, SVG) of a layer RegionStat wrote, through
// QGIS's print layout, with the editable QGIS project beside it. The rendering is QGIS's own:
// this class checks the arguments and the outputs, writes the figure's settings as JSON and runs
// the renderer (plugin/regionstat/maps/render.py) with QGIS's Python, writing to staged paths
// that are renamed into place only when the renderer succeeded. Inside QGIS the plugin calls the
// same renderer in-process instead (plugin/regionstat/maps/processing.py).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "algorithms/errors.hpp"
#include "analysis/centrography_support.hpp"
#include "analysis/layer_styles.hpp"
#include "analysis/provenance.hpp"
#include "analysis/qgis_python.hpp"
#include "analysis/step_timer.hpp"
#include "geo/output_file.hpp"

namespace rs {
namespace {

namespace fs = std::filesystem;

// A named style (the QML RegionStat writes for its class fields), or a .qml file as given.
std::string named_style_qml(const std::string& style, const std::string& field, const std::string& lang) {
  const LegendLanguage language = legend_language(lang);
  if (style == "lisa") return lisa_cluster_style(field, language);
  if (style == "gi-bin") return gi_bin_style(field, "", language);
  if (style == "hot-cold") return hot_cold_style(field, "", language);
  if (style == "local-geary") return local_geary_cluster_style(field, language);
  return "";
}

// --pixels WIDTHxHEIGHT; empty: a paper size.
std::vector<int> parse_pixels(const std::string& text) {
  if (text.empty()) return {};
  const std::size_t x = text.find_first_of("xX");
  char* end = nullptr;
  const long width = x == std::string::npos ? 0 : std::strtol(text.c_str(), &end, 10);
  const bool width_ok = x != std::string::npos && end == text.c_str() + x;
  const long height = width_ok ? std::strtol(text.c_str() + x + 1, &end, 10) : 0;
  if (!width_ok || *end != '\0' || width < 100 || height < 100 || width > 20000 || height > 20000)
    throw UsageError("--pixels expects WIDTHxHEIGHT between 100 and 20000, e.g. 2400x1600, not '" + text + "'");
  return {static_cast<int>(width), static_cast<int>(height)};
}

void write_small_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out.flush()) throw DataError("cannot write '" + path.string() + "'");
}

// --results: the --json summary of the command that wrote the layer, whose data, weights,
// inference and seed the figure then prints under its credit line.
Parameter results_parameter() {
  Parameter results = make_parameter("results", ParamType::InputFile,
                                     "JSON summary (command line: --json) of the command that wrote the layer: the figure names its "
                                     "data, weights, inference and seed");
  results.file_filter = "JSON summaries (*.json)";
  return results;
}

nlohmann::json provenance_of_results(const std::string& path) {
  nlohmann::json lines = nlohmann::json::array();
  if (path.empty()) return lines;
  std::ifstream in(path);
  if (!in) throw DataError("--results '" + path + "' cannot be read");
  const nlohmann::json summary = nlohmann::json::parse(in, nullptr, false);
  if (summary.is_discarded() || !summary.is_object())
    throw DataError("--results '" + path + "' is not the JSON summary of a regionstat command (--json)");
  for (auto& line : provenance_lines(summary)) lines.push_back({line.label, line.text});
  return lines;
}

void remove_quietly(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

class MapAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "map"; }
  std::string display_name() const override { return "Print-ready map"; }
  std::string group() const override { return "Maps and reports"; }
  std::string short_help() const override {
    return "A print-ready map or small multiples (PNG, PDF, SVG) through QGIS's print layout, with the QGIS project";
  }
  std::string help() const override {
    return "Renders a layer that RegionStat wrote with QGIS's print layout: one map, or with several "
           "fields (--field 'LisCL_*') small multiples in a grid, each panel titled by the year in its "
           "field name, with one shared legend, a title, a north arrow, a scale bar in km and a source "
           "line; with --results (the JSON summary of the command that wrote the layer) the lines under "
           "it say which data, weights, inference and seed produced the map. The symbology is the layer's own style (the QML RegionStat stores in the GeoPackage's "
           "layer_styles table or beside the file), pointed at each panel's field; --style names another "
           "(lisa, gi-bin, hot-cold, local-geary) or a .qml file. Legend labels in English or Chinese "
           "(--lang). Lon/lat layers are drawn in an Albers equal-area projection fitted to what is "
           "shown (--map-crs for another).\n"
           "Overlays (--overlay PATH, PATH|layername=NAME or PATH|subset=SQL, several separated by commas, bottom to top): "
           "the migration output (ellipses, trajectory, centres; an inset zooms on the path of the centre), "
           "gravity links drawn wider the stronger they are (five classes of strength), points labelled by "
           "name, zones of influence coloured by centre. With links, points or zones the maps show their "
           "extent; the input layer is then the grey base map.\n"
           "Page: A4 or A3, portrait or landscape, or --pixels WIDTHxHEIGHT; --dpi. The figure's format "
           "follows the extension of -o; PDF and SVG keep text as text with the fonts embedded. The QGIS "
           "project (-p, default FIGURE.qgz) holds the layers, styles and the print layout, to adjust in "
           "QGIS and print again. Needs QGIS (apt-get install qgis python3-qgis) and, for Chinese, "
           "fonts-noto-cjk; a text whose glyphs the font lacks is an error, not tofu.";
  }
  std::vector<std::string> references() const override {
    return {"QGIS Development Team. QGIS Geographic Information System. Open Source Geospatial Foundation. https://qgis.org"};
  }
  std::vector<Parameter> parameters() const override {
    Parameter fields = make_parameter("field", ParamType::Fields, "Field(s) to map, one panel each (a pattern such as LisCL_* for the years)");
    fields.parent = "input";
    fields.numeric = false;
    Parameter style = make_parameter("style", ParamType::String, "Style: empty for the layer's own, lisa, gi-bin, hot-cold, local-geary or a .qml file");
    Parameter overlay = make_parameter("overlay", ParamType::String, "Overlay layers, comma-separated (PATH, PATH|layername=NAME, PATH|subset=SQL), bottom to top");
    Parameter lang = make_parameter("lang", ParamType::Enum, "Language of the legend and texts", "en", false);
    lang.choices = {"en", "zh"};
    Parameter page = make_parameter("page", ParamType::Enum, "Paper size", "A4", false);
    page.choices = {"A4", "A3"};
    Parameter orientation = make_parameter("orientation", ParamType::Enum, "Page orientation", "landscape", false);
    orientation.choices = {"landscape", "portrait"};
    Parameter pixels = make_parameter("pixels", ParamType::String, "Page in pixels instead of paper, WIDTHxHEIGHT (e.g. 2400x1600)");
    Parameter dpi = make_parameter("dpi", ParamType::Double, "Resolution (dots per inch)", "300", false);
    dpi.minimum = 30;
    dpi.maximum = 1200;
    Parameter columns = make_parameter("columns", ParamType::Integer, "Panels per row (0: the arrangement with the largest maps)", "0", false);
    columns.minimum = 0;
    columns.maximum = 20;
    Parameter output = make_parameter("output", ParamType::OutputFile, "Figure to write (.png, .pdf or .svg)", "", false);
    output.short_flag = "-o";
    output.file_filter = "PNG images (*.png);;PDF files (*.pdf);;SVG images (*.svg)";
    Parameter project = make_parameter("project", ParamType::OutputFile, "QGIS project with the layout (default: the figure's name with .qgz)");
    project.short_flag = "-p";
    project.file_filter = "QGIS projects (*.qgz)";
    Parameter overwrite = make_parameter("overwrite", ParamType::Boolean, "Replace existing output files");
    overwrite.default_value = "false";
    overwrite.advanced = true;
    std::vector<Parameter> look{
        make_parameter("legend_title", ParamType::String, "Legend title (default: the kind of the mapped field)"),
        make_parameter("credit", ParamType::String, "Source and credit line (default: the data files)"),
        results_parameter(),
        make_parameter("map_crs", ParamType::String, "CRS of the maps (EPSG code or PROJ string; default: fitted Albers for lon/lat)")};
    for (auto& p : look) p.advanced = true;
    return concat(input_parameters(), std::vector<Parameter>{where_parameter(), fields, style, overlay,
                  make_parameter("title", ParamType::String, "Title (default: what is mapped and the years)"),
                  lang, page, orientation, pixels, dpi, columns},
                  look, std::vector<Parameter>{output, project, overwrite});
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"output", "file", "The figure"},
            {"project", "file", "QGIS project with the print layout"},
            {"panels", "number", "Number of map panels"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    const std::string input = args.text("input");
    const std::string output = args.text("output");
    const std::string extension = fs::path(output).extension().string();
    if (extension != ".png" && extension != ".pdf" && extension != ".svg")
      throw UsageError("--output must end in .png, .pdf or .svg, not '" + output + "'");
    std::string project = args.text("project");
    if (project.empty()) project = fs::path(output).replace_extension(".qgz").string();
    if (fs::path(project).extension() != ".qgz")
      throw UsageError("--project must end in .qgz, not '" + project + "'");
    const std::vector<int> pixels = parse_pixels(args.text("pixels"));
    const bool overwrite = args.flag("overwrite");
    std::vector<std::string> inputs{input};
    for (auto& overlay : args.list("overlay")) inputs.push_back(overlay.substr(0, overlay.find('|')));
    for (auto& path : inputs)
      if (!fs::exists(path)) throw DataError("'" + path + "' does not exist");
    geo::check_output_file(output, overwrite, inputs);
    geo::check_output_file(project, overwrite, inputs);

    const nlohmann::json provenance = provenance_of_results(args.text("results"));
    // The fields, expanded and checked against the layer before QGIS starts.
    std::vector<std::string> fields;
    if (args.given("field")) {
      geo::Layer layer = read_filtered_input(args, feedback);
      fields = expand_fields(args, "field", layer);
    }
    timer.lap("read");
    ScriptFolder work;
    std::string style = args.text("style");
    if (!style.empty() && fs::path(style).extension() != ".qml") {
      const std::string qml = named_style_qml(style, fields.empty() ? "" : fields.front(), args.text("lang"));
      if (qml.empty())
        throw UsageError("--style must be lisa, gi-bin, hot-cold, local-geary or a .qml file, not '" + style + "'");
      if (fields.empty()) throw UsageError("--style " + style + " needs --field (the class field it colours)");
      style = (work.path() / "style.qml").string();
      write_small_file(style, qml);
    } else if (!style.empty()) {
      if (!fs::exists(style)) throw DataError("--style '" + style + "' does not exist");
      style = fs::absolute(style).string();
    }

    const std::string staged_figure = geo::staged_path(output);
    const std::string staged_project = geo::staged_path(project);
    nlohmann::json spec = {
        {"layer", fs::absolute(input).string()}, {"layer_name", args.text("layer")},
        {"subset", args.text("where")}, {"fields", fields}, {"style", style},
        {"overlays", args.list("overlay")}, {"title", args.text("title")},
        {"legend_title", args.text("legend_title")}, {"credit", args.text("credit")},
        {"provenance", provenance},
        {"lang", args.text("lang")}, {"page", args.text("page")},
        {"orientation", args.text("orientation")}, {"pixels", pixels},
        {"dpi", args.number("dpi")}, {"columns", args.integer("columns")},
        {"map_crs", args.text("map_crs")}, {"output", staged_figure}, {"project", staged_project},
        {"layout_name", fs::path(output).stem().string()}};
    const fs::path spec_path = work.path() / "figure.json";
    write_small_file(spec_path, spec.dump(2));
    if (feedback.cancelled()) throw Cancelled();
    const std::string renderer = maps_script("render.py");
    feedback.info("map: rendering with QGIS (" + renderer + ")");
    std::string answer;
    try {
      answer = run_qgis_script(renderer, {spec_path.string()});
    } catch (...) {
      remove_quietly(staged_figure);
      remove_quietly(staged_project);
      throw;
    }
    if (feedback.cancelled()) {
      remove_quietly(staged_figure);
      remove_quietly(staged_project);
      throw Cancelled();
    }
    timer.lap("render");  // QGIS: start, load the layers, lay out and export
    nlohmann::json made = nlohmann::json::parse(answer, nullptr, false);
    if (made.is_discarded()) made = nlohmann::json::object();
    geo::commit_staged_file(staged_figure, output, overwrite);
    geo::commit_staged_file(staged_project, project, overwrite);

    Result result;
    result.files["output"] = output;
    result.files["project"] = project;
    result.summary = made;
    result.summary["output"] = output;
    result.summary["project"] = project;
    result.summary["panels"] = fields.empty() ? 1 : fields.size();
    result.summary.erase("figure");
    timer.lap("write");
    result.summary["seconds"] = timer.json();
    std::ostringstream os;
    os << "map: " << output << " (" << (fields.empty() ? 1 : fields.size()) << " panel"
       << (fields.size() > 1 ? "s" : "") << ", " << args.text("lang") << ", "
       << (pixels.empty() ? args.text("page") + " " + args.text("orientation")
                               : std::to_string(pixels[0]) + "x" + std::to_string(pixels[1]) + " px")
       << ", " << args.number("dpi") << " dpi)\n"
       << "  QGIS project with the layout: " << project << "\n";
    result.report = os.str();
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(MapAlgorithm)

}  // namespace rs
