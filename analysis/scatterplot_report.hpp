// A self-contained HTML report of global statistics: the per-field table and, for Moran's I,
// the Moran scatterplot of each field as inline SVG (no scripts, fonts or other external
// resources), so it opens anywhere and the QGIS plugin can show it in its results viewer.
#pragma once

#include <string>
#include <vector>

namespace rs {

struct ScatterplotData {
  std::string title;               // e.g. "gdp_2011"
  std::string x_label, y_label;    // axis labels
  std::vector<double> x, y;        // standardised values and their spatial lag
  std::vector<std::string> ids;    // unit ids (tooltips)
  double slope = 0.0;              // regression slope drawn through the points
  std::string caption;             // e.g. "Moran's I = 0.2704 (slope of the fitted line)"
};

struct HtmlTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// The SVG element of one Moran scatterplot (quadrants HH, LH, LL, HL coloured as GeoDa's map).
std::string moran_scatterplot_svg(const ScatterplotData& data, int width = 460, int height = 420);

// A full HTML page: title, notes (paragraphs, plain text), the table and the plots.
std::string html_report(const std::string& title, const std::vector<std::string>& notes, const HtmlTable& table,
                        const std::vector<ScatterplotData>& plots);


}  // namespace rs
