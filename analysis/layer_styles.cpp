#include "analysis/layer_styles.hpp"

#include <cstdio>
#include <sstream>

#include "geo/output_file.hpp"

namespace rs {
namespace {

// "#d7191c" -> "215,25,28,255" (QGIS's colour encoding).
std::string qgis_color(const std::string& hex) {
  unsigned r = 0, g = 0, b = 0;
  if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
  return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + ",255";
}

// One SimpleFill symbol as QGIS 3.22 writes it (Option map, with the legacy <prop> copies that
// older versions read).
void write_fill_symbol(std::ostringstream& os, int index, const std::string& color, const std::string& brush) {
  const std::pair<const char*, std::string> props[] = {
      {"border_width_map_unit_scale", "3x:0,0,0,0,0,0"},
      {"color", qgis_color(color)},
      {"joinstyle", "bevel"},
      {"offset", "0,0"},
      {"offset_map_unit_scale", "3x:0,0,0,0,0,0"},
      {"offset_unit", "MM"},
      {"outline_color", "128,128,128,255"},
      {"outline_style", "solid"},
      {"outline_width", "0.1"},
      {"outline_width_unit", "MM"},
      {"style", brush},
  };
  const char* no_properties =
      "      <Option type=\"Map\">\n"
      "       <Option type=\"QString\" value=\"\" name=\"name\"/>\n"
      "       <Option name=\"properties\"/>\n"
      "       <Option type=\"QString\" value=\"collection\" name=\"type\"/>\n"
      "      </Option>\n";
  os << "   <symbol type=\"fill\" name=\"" << index << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
     << "    <data_defined_properties>\n" << no_properties << "    </data_defined_properties>\n"
     << "    <layer class=\"SimpleFill\" locked=\"0\" pass=\"0\" enabled=\"1\">\n"
     << "     <Option type=\"Map\">\n";
  for (auto& [k, v] : props) os << "      <Option type=\"QString\" value=\"" << v << "\" name=\"" << k << "\"/>\n";
  os << "     </Option>\n";
  for (auto& [k, v] : props) os << "     <prop k=\"" << k << "\" v=\"" << v << "\"/>\n";
  os << "     <data_defined_properties>\n" << no_properties << "     </data_defined_properties>\n"
     << "    </layer>\n"
     << "   </symbol>\n";
}

}  // namespace

std::string categorized_polygon_style(const std::string& field, const std::vector<StyleCategory>& categories,
                                      const std::string& null_label) {
  std::ostringstream os;
  os << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
     << "<qgis version=\"3.22.16-Białowieża\" styleCategories=\"Symbology\">\n"
     << " <renderer-v2 forceraster=\"0\" referencescale=\"-1\" enableorderby=\"0\" attr=\"" << geo::markup_escape(field)
     << "\" symbollevels=\"0\" type=\"categorizedSymbol\">\n"
     << "  <categories>\n";
  int symbol = 0;
  for (auto& c : categories)
    os << "   <category render=\"true\" value=\"" << geo::markup_escape(c.value) << "\" label=\"" << geo::markup_escape(c.label)
       << "\" symbol=\"" << symbol++ << "\"/>\n";
  // An empty value is QGIS's "all other values" category: here the NULLs of excluded units.
  os << "   <category render=\"true\" value=\"\" label=\"" << geo::markup_escape(null_label) << "\" symbol=\"" << symbol << "\"/>\n"
     << "  </categories>\n"
     << "  <symbols>\n";
  for (std::size_t k = 0; k < categories.size(); ++k)
    write_fill_symbol(os, static_cast<int>(k), categories[k].color, "solid");
  write_fill_symbol(os, symbol, "#bdbdbd", "b_diagonal");
  os << "  </symbols>\n"
     << "  <rotation/>\n"
     << "  <sizescale/>\n"
     << " </renderer-v2>\n"
     << " <blendMode>0</blendMode>\n"
     << " <featureBlendMode>0</featureBlendMode>\n"
     << " <layerGeometryType>2</layerGeometryType>\n"
     << "</qgis>\n";
  return os.str();
}

LegendLanguage legend_language(const std::string& lang) {
  return lang == "zh" ? LegendLanguage::Chinese : LegendLanguage::English;
}

namespace {

// English or Chinese, as the legend asks.
const char* in(LegendLanguage lang, const char* english, const char* chinese) {
  return lang == LegendLanguage::Chinese ? chinese : english;
}

const char* no_data(LegendLanguage lang) { return in(lang, "No data", "无数据"); }

// The class of units without neighbours, told apart from units without data: their class field
// is NULL in both cases, but only an island has a neighbour count (0).
std::string island_aware(const std::string& field, const std::string& neighbours_field,
                         std::vector<StyleCategory>& categories, LegendLanguage lang) {
  if (neighbours_field.empty()) return field;
  categories.push_back({"none", in(lang, "No neighbours", "无邻接单元"), "#969696"});
  return "if(\"" + field + "\" IS NULL AND \"" + neighbours_field + "\" = 0, 'none', \"" + field + "\")";
}

}  // namespace

std::string lisa_cluster_style(const std::string& field, LegendLanguage lang) {
  return categorized_polygon_style(field,
                                   {{"1", in(lang, "High-High", "高-高集聚"), "#d7191c"},
                                    {"2", in(lang, "Low-Low", "低-低集聚"), "#2c7bb6"},
                                    {"3", in(lang, "Low-High", "低-高异常"), "#abd9e9"},
                                    {"4", in(lang, "High-Low", "高-低异常"), "#f4a6a6"},
                                    {"0", in(lang, "Not significant", "不显著"), "#eeeeee"},
                                    {"5", in(lang, "Undefined", "未定义"), "#bdbdbd"},
                                    {"6", in(lang, "Isolated (no neighbours)", "孤立单元"), "#969696"}},
                                   no_data(lang));
}

std::string gi_bin_style(const std::string& field, const std::string& neighbours_field, LegendLanguage lang) {
  std::vector<StyleCategory> categories{
      {"3", in(lang, "Hot spot - 99% confidence", "热点 (99% 置信度)"), "#d62f27"},
      {"2", in(lang, "Hot spot - 95% confidence", "热点 (95% 置信度)"), "#ed7551"},
      {"1", in(lang, "Hot spot - 90% confidence", "热点 (90% 置信度)"), "#fab984"},
      {"0", in(lang, "Not significant", "不显著"), "#f7f7f7"},
      {"-1", in(lang, "Cold spot - 90% confidence", "冷点 (90% 置信度)"), "#a6bddb"},
      {"-2", in(lang, "Cold spot - 95% confidence", "冷点 (95% 置信度)"), "#5c8ac3"},
      {"-3", in(lang, "Cold spot - 99% confidence", "冷点 (99% 置信度)"), "#2166ac"}};
  const std::string attribute = island_aware(field, neighbours_field, categories, lang);
  return categorized_polygon_style(attribute, categories, no_data(lang));
}

std::string hot_cold_style(const std::string& field, const std::string& neighbours_field, LegendLanguage lang) {
  std::vector<StyleCategory> categories{{"2", in(lang, "Hot spot", "热点区"), "#d62f27"},
                                        {"1", in(lang, "Sub-hot spot", "次热点区"), "#fab984"},
                                        {"0", in(lang, "Transition", "过渡区"), "#f7f7f7"},
                                        {"-1", in(lang, "Sub-cold spot", "次冷点区"), "#a6bddb"},
                                        {"-2", in(lang, "Cold spot", "冷点区"), "#2166ac"}};
  const std::string attribute = island_aware(field, neighbours_field, categories, lang);
  return categorized_polygon_style(attribute, categories, no_data(lang));
}

std::string local_geary_cluster_style(const std::string& field, LegendLanguage lang) {
  return categorized_polygon_style(field,
                                   {{"1", in(lang, "High-High", "高-高集聚"), "#b2182b"},
                                    {"2", in(lang, "Low-Low", "低-低集聚"), "#ef8a62"},
                                    {"3", in(lang, "Other positive", "其他正相关"), "#fddbc7"},
                                    {"4", in(lang, "Negative", "负相关"), "#67adc7"},
                                    {"0", in(lang, "Not significant", "不显著"), "#eeeeee"},
                                    {"5", in(lang, "Undefined", "未定义"), "#bdbdbd"},
                                    {"6", in(lang, "Isolated (no neighbours)", "孤立单元"), "#969696"}},
                                   no_data(lang));
}

}  // namespace rs
