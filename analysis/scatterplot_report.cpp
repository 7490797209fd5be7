#include "analysis/scatterplot_report.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "geo/output_file.hpp"

namespace rs {

std::string moran_scatterplot_svg(const ScatterplotData& d, int width, int height) {
  const double left = 56, right = 16, top = 28, bottom = 48;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  // Symmetric extent around 0 on both axes, as GeoDa draws it, so the quadrants are visible.
  double extent = 1e-9;
  for (std::size_t i = 0; i < d.x.size(); ++i)
    extent = std::max({extent, std::fabs(d.x[i]), std::fabs(d.y[i])});
  extent *= 1.08;
  auto px = [&](double v) { return left + (v + extent) / (2 * extent) * plot_w; };
  auto py = [&](double v) { return top + (extent - v) / (2 * extent) * plot_h; };

  std::ostringstream os;
  os.precision(5);
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
     << "\" viewBox=\"0 0 " << width << " " << height << "\" role=\"img\" aria-label=\"Moran scatterplot of "
     << geo::markup_escape(d.title) << "\">\n";
  os << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << plot_w << "\" height=\"" << plot_h
     << "\" fill=\"#ffffff\" stroke=\"#888\"/>\n";
  os << "<text x=\"" << width / 2.0 << "\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-family=\"sans-serif\">"
     << geo::markup_escape(d.title) << "</text>\n";
  // Axes through 0 and quadrant labels.
  os << "<line x1=\"" << px(0) << "\" y1=\"" << top << "\" x2=\"" << px(0) << "\" y2=\"" << top + plot_h
     << "\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n";
  os << "<line x1=\"" << left << "\" y1=\"" << py(0) << "\" x2=\"" << left + plot_w << "\" y2=\"" << py(0)
     << "\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n";
  const char* quadrant_style = "font-size=\"12\" font-family=\"sans-serif\" fill=\"#666\"";
  os << "<text x=\"" << left + plot_w - 6 << "\" y=\"" << top + 16 << "\" text-anchor=\"end\" " << quadrant_style << ">HH</text>\n";
  os << "<text x=\"" << left + 6 << "\" y=\"" << top + 16 << "\" " << quadrant_style << ">LH</text>\n";
  os << "<text x=\"" << left + 6 << "\" y=\"" << top + plot_h - 6 << "\" " << quadrant_style << ">LL</text>\n";
  os << "<text x=\"" << left + plot_w - 6 << "\" y=\"" << top + plot_h - 6 << "\" text-anchor=\"end\" " << quadrant_style << ">HL</text>\n";
  // Ticks at integers.
  for (int t = -static_cast<int>(std::floor(extent)); t <= static_cast<int>(std::floor(extent)); ++t) {
    os << "<text x=\"" << px(t) << "\" y=\"" << top + plot_h + 14 << "\" text-anchor=\"middle\" font-size=\"10\" font-family=\"sans-serif\">" << t << "</text>\n";
    os << "<text x=\"" << left - 6 << "\" y=\"" << py(t) + 3 << "\" text-anchor=\"end\" font-size=\"10\" font-family=\"sans-serif\">" << t << "</text>\n";
  }
  os << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << height - 18 << "\" text-anchor=\"middle\" font-size=\"12\" font-family=\"sans-serif\">"
     << geo::markup_escape(d.x_label) << "</text>\n";
  os << "<text x=\"14\" y=\"" << top + plot_h / 2 << "\" text-anchor=\"middle\" font-size=\"12\" font-family=\"sans-serif\" transform=\"rotate(-90 14 "
     << top + plot_h / 2 << ")\">" << geo::markup_escape(d.y_label) << "</text>\n";
  // Points, coloured by quadrant (HH red, LL blue, LH light blue, HL pink).
  os << "<g stroke=\"#333\" stroke-width=\"0.5\" fill-opacity=\"0.85\">\n";
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const bool hx = d.x[i] >= 0, hy = d.y[i] >= 0;
    const char* colour = hx && hy ? "#e31a1c" : !hx && !hy ? "#1f78b4" : !hx && hy ? "#a6cee3" : "#fb9a99";
    os << "<circle cx=\"" << px(d.x[i]) << "\" cy=\"" << py(d.y[i]) << "\" r=\"3.5\" fill=\"" << colour << "\"><title>"
       << geo::markup_escape(i < d.ids.size() ? d.ids[i] : std::to_string(i)) << ": (" << d.x[i] << ", " << d.y[i]
       << ")</title></circle>\n";
  }
  os << "</g>\n";
  // Fitted line through the origin's mean point (z has mean 0).
  double mean_y = 0;
  for (double v : d.y) mean_y += v;
  if (!d.y.empty()) mean_y /= static_cast<double>(d.y.size());
  double x0 = -extent, x1 = extent;
  os << "<line x1=\"" << px(x0) << "\" y1=\"" << py(mean_y + d.slope * x0) << "\" x2=\"" << px(x1) << "\" y2=\""
     << py(mean_y + d.slope * x1) << "\" stroke=\"#6a3d9a\" stroke-width=\"1.5\" clip-path=\"none\"/>\n";
  os << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << height - 4 << "\" text-anchor=\"middle\" font-size=\"11\" font-family=\"sans-serif\" fill=\"#6a3d9a\">"
     << geo::markup_escape(d.caption) << "</text>\n";
  os << "</svg>\n";
  return os.str();
}

std::string html_report(const std::string& title, const std::vector<std::string>& notes, const HtmlTable& table,
                        const std::vector<ScatterplotData>& plots) {
  std::ostringstream os;
  os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << geo::markup_escape(title)
     << "</title>\n<style>\nbody{font-family:sans-serif;margin:1.5em;color:#222}\n"
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}\n"
        "th{background:#eee}td:first-child{text-align:left}\n.plots{display:flex;flex-wrap:wrap;gap:12px}\n"
        "p.note{color:#444;font-size:90%;max-width:60em}\n</style>\n</head>\n<body>\n<h1>"
     << geo::markup_escape(title) << "</h1>\n";
  for (auto& n : notes) os << "<p class=\"note\">" << geo::markup_escape(n) << "</p>\n";
  os << "<table>\n<tr>";
  for (auto& h : table.header) os << "<th>" << geo::markup_escape(h) << "</th>";
  os << "</tr>\n";
  for (auto& row : table.rows) {
    os << "<tr>";
    for (auto& cell : row) os << "<td>" << geo::markup_escape(cell) << "</td>";
    os << "</tr>\n";
  }
  os << "</table>\n";
  if (!plots.empty()) {
    os << "<h2>Moran scatterplot</h2>\n<div class=\"plots\">\n";
    for (auto& p : plots) os << moran_scatterplot_svg(p);
    os << "</div>\n";
  }
  os << "</body>\n</html>\n";
  return os.str();
}

}  // namespace rs
