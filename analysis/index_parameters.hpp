// What the composite-index commands (entropy, topsis, coupling, decoupling, growth) share: the
// indicator fields of a cross-section or a panel grouped by year, negative indicators, the
// layered dimension spec, and number formatting for their printed tables.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "algorithms/entropy_weights.hpp"
#include "analysis/table_algorithm.hpp"

namespace rs {

// Indicator fields by year. A field name ending in a 4-digit year (gdp_2011, gdp2011) belongs
// to the panel year of that tag when the fields span at least two years; the indicator is the
// name without the year (gdp). Otherwise the input is one cross-section and each field is an
// indicator under its own name (x1, x2, ... stay indicators, not years).
struct IndicatorPanel {
  std::vector<std::string> indicators;            // base names (field names in a cross-section)
  std::vector<std::string> tags;                  // year tags; {""} for a cross-section
  std::vector<std::vector<std::string>> fields;   // fields[t][j]: indicator j in year t
  bool panel() const { return !tags.empty() && !tags.front().empty(); }
};

// DataError naming the field that is missing when an indicator lacks a year the others have.
IndicatorPanel indicator_panel(const std::vector<AnalysedField>& fields, const std::string& parameter);

// Indices of the indicators named by a Fields parameter (field names, patterns or base names):
// an indicator is named when its base name or any of its yearly fields is. UsageError for a
// name that is not an indicator.
std::set<std::size_t> named_indicators(const TableInput& input, const std::string& parameter,
                                       const IndicatorPanel& panel);

// The indicators of one year as entropy::Indicator (values from the input, NaN missing).
std::vector<entropy::Indicator> indicators_of_year(const TableInput& input, const IndicatorPanel& panel,
                                                   std::size_t year, const std::set<std::size_t>& negative);

// All years stacked, year-major (observation t * n + u): the pooled panel.
std::vector<entropy::Indicator> pooled_indicators(const TableInput& input, const IndicatorPanel& panel,
                                                  const std::set<std::size_t>& negative);

// --dimensions "econ=gdp,income;social=beds,pension": dimension name = indicator base names,
// dimensions separated by ';'. Every indicator in exactly one dimension (UsageError naming it).
std::vector<entropy::Dimension> parse_dimensions(const std::string& spec, const IndicatorPanel& panel);

// Parameters: --indicators, --negative, --dimensions, --standardise (per-year|pooled).
Parameter indicators_parameter();
Parameter negative_parameter();
Parameter dimensions_parameter();
Parameter standardise_parameter();

// The output field of a dimension's score: prefix, the dimension name with characters other
// than letters, digits and non-ASCII (Chinese: GDAL writes UTF-8 names) replaced by '_', and the
// year tag: "EW_econ", "EW_econ_2011". An empty tag for a long table, whose rows carry the year.
std::string dimension_field_name(const std::string& prefix, const std::string& dimension, const std::string& tag);

// A table cell: fixed decimals, "" for NaN.
std::string format_number(double value, int decimals);

}  // namespace rs
