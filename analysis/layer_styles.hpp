// QGIS styles (QML) for the class fields of the local statistics, so that QGIS opens a result
// with the conventional symbology already applied. The writer stores the QML in the
// GeoPackage `layer_styles` table (QGIS's default style for the layer) or beside the output
// as NAME.qml (see geo::WriteOptions::style_qml).
//
// Colours (documented in the help of each command):
//   LISA clusters (GeoDa codes): HH #d7191c red, LL #2c7bb6 blue, LH #abd9e9 light blue,
//     HL #f4a6a6 pink (GeoDa's light red for High-Low), not significant #eeeeee light grey,
//     undefined #bdbdbd and isolated #969696 darker greys.
//   Gi_Bin: 3 #d62f27, 2 #ed7551, 1 #fab984 (hot, 99/95/90 %), 0 #f7f7f7 (pale),
//     -1 #a6bddb, -2 #5c8ac3, -3 #2166ac (cold, 90/95/99 %) - ArcGIS's hot spot ramp.
//   Hot/cold five classes: hot #d62f27, sub-hot #fab984, transition #f7f7f7, sub-cold
//     #a6bddb, cold #2166ac.
//   Local Geary clusters (GeoDa): HH #b2182b, LL #ef8a62, other positive #fddbc7,
//     negative #67adc7, not significant #eeeeee, undefined #bdbdbd, isolated #969696.
// Every style ends with a catch-all category for NULL (units excluded for missing values):
// grey hatching, labelled "No data" (for Gi_Bin and HotCold "No data or no neighbours").
#pragma once

#include <string>
#include <vector>

namespace rs {

struct StyleCategory {
  std::string value;  // the field value, as text ("1", "-3", "HH")
  std::string label;  // legend text
  std::string color;  // "#rrggbb"
};

// A QGIS 3.22 categorized-symbol renderer on `field` (a field name or a QGIS expression) with
// one solid fill per category, plus the catch-all category for NULL labelled `null_label`.
std::string categorized_polygon_style(const std::string& field, const std::vector<StyleCategory>& categories,
                                      const std::string& null_label = "No data");

// The language of legend labels (--lang en|zh).
enum class LegendLanguage { English, Chinese };
LegendLanguage legend_language(const std::string& lang);

// On the GeoDa cluster code field (LISA_CL): 0 not significant, 1 HH, 2 LL, 3 LH, 4 HL,
// 5 undefined, 6 isolated.
std::string lisa_cluster_style(const std::string& field, LegendLanguage lang = LegendLanguage::English);
// On the ArcGIS Gi_Bin field (-3..3). With `neighbours_field` (NNeighbors), units without
// neighbours (NULL bin, 0 neighbours) get their own class, apart from units without data.
std::string gi_bin_style(const std::string& field, const std::string& neighbours_field = "",
                         LegendLanguage lang = LegendLanguage::English);
// On the five-class hot/cold code field (2 hot .. -2 cold: 热点区 .. 冷点区 in Chinese);
// `neighbours_field` as for gi_bin_style.
std::string hot_cold_style(const std::string& field, const std::string& neighbours_field = "",
                           LegendLanguage lang = LegendLanguage::English);
// On the local Geary cluster field (GeoDa codes 0..6).
std::string local_geary_cluster_style(const std::string& field, LegendLanguage lang = LegendLanguage::English);

}  // namespace rs
