// Joining statistical tables (yearbook CSV, XLSX, ODS, a layer's attributes) to the units of a
// layer, and the reverse: a layer's panel fields (gdp_2011, gdp_2012, ...) as a long table.
// Every join says what happened to every key: matched, units without a row, rows without a unit,
// ambiguous names, values that are not numbers; duplicate keys are an error naming them.
#pragma once

#include <string>
#include <vector>

#include "geo/layer.hpp"
#include "geo/layer_writer.hpp"

namespace rs::geo {

enum class KeyMatch {
  Exact,    // the key texts are equal (after trimming spaces)
  AdminCN,  // both keys name the same division of China (GazetteerCN: names, codes, pinyin)
};

struct JoinOptions {
  std::string layer_key;             // field of the layer
  std::string table_key;             // field of the table
  KeyMatch match = KeyMatch::Exact;
  std::string year_field;            // a long table: one output field per value column and year
  std::vector<std::string> fields;   // value columns or patterns (gdp*); empty: every other column
  std::string layer_parent;          // AdminCN: a field naming each unit's province or prefecture
  std::string table_parent;          // AdminCN: the same in the table
};

struct JoinPair {
  std::string layer_key;
  std::string table_key;
  std::string code;  // AdminCN: the division both name; empty for exact matches
};

struct AmbiguousKey {
  std::string side;  // "layer" or "table"
  std::string key;
  std::vector<std::string> candidates;  // "吉林省 吉林市 (220200)"
};

struct NonNumericValue {
  std::string field;  // output field (gdp_2011)
  std::string key;    // table key of the row
  std::string value;
};

struct JoinReport {
  std::size_t layer_units = 0;
  std::size_t table_rows = 0;
  std::vector<JoinPair> matched;              // in layer order
  std::vector<std::string> unmatched_layer;   // layer keys without a row
  std::vector<std::string> unmatched_table;   // table keys without a unit (in table order, once each)
  std::vector<AmbiguousKey> ambiguous;
  std::vector<NonNumericValue> non_numeric;   // written as NULL
  std::vector<std::string> value_columns;     // the table columns joined
  std::vector<std::string> years;             // long tables: the years found, ascending
};

struct JoinResult {
  std::vector<OutputColumn> columns;  // one value per layer feature; NULL without a row
  JoinReport report;
};

// Reads a table (or a layer's attributes) for a join. `encoding` (GBK, GB18030, CP936, ...)
// recodes the text of a CSV or a dBase file; a CSV that is not valid UTF-8 and has no encoding
// given is read as GB18030 (a superset of GBK) with a warning in the table's warnings.
Layer read_table(const std::string& path, const std::string& layer_name = "", const std::string& encoding = "");

// Columns to append to `layer`: the table's value columns (wide) or one per column and year
// (long, named column_year). A column whose values are mostly numbers is numeric (its other
// values are reported and written NULL); a column without numbers is text.
// Throws DataError naming duplicate keys (in the table, or in the layer) and missing fields.
JoinResult join_table(const Layer& layer, const Layer& table, const JoinOptions& options);

// The reverse: panel fields stem_YYYY of `layer` (those matching `patterns`; empty: every field
// named stem_YYYY) as a long table: key, year, one column per stem; a row per unit and year.
std::vector<OutputColumn> panel_to_long(const Layer& layer, const std::string& key_field,
                                        const std::vector<std::string>& patterns, const std::string& year_name = "year");

}  // namespace rs::geo
