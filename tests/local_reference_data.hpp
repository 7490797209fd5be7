// Reading the expected values written by the R scripts in tests/reference/ (CSV with a header,
// fields optionally quoted, "NA" for missing), the neighbour lists they used, and the tables of
// the shared data folder.
#pragma once

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "algorithms/spatial_weights.hpp"

namespace rs::test {

inline std::string reference_path(const std::string& name) {
  return std::string(REGIONSTAT_REFERENCE_DIR) + "/" + name;
}

inline bool reference_exists(const std::string& name) {
  return std::ifstream(reference_path(name)).good();
}

// A CSV table: column name -> cells as text.
struct Table {
  std::map<std::string, std::vector<std::string>> columns;
  std::size_t rows = 0;

  const std::vector<std::string>& text(const std::string& column) const {
    auto it = columns.find(column);
    if (it == columns.end()) throw std::runtime_error("no column " + column);
    return it->second;
  }
  std::vector<double> numbers(const std::string& column) const {
    std::vector<double> out;
    for (const auto& cell : text(column))
      out.push_back(cell == "NA" ? std::numeric_limits<double>::quiet_NaN() : std::stod(cell));
    return out;
  }
};

inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') {
      quoted = !quoted;
    } else if (ch == ',' && !quoted) {
      cells.push_back(cell);
      cell.clear();
    } else if (ch != '\r') {
      cell += ch;
    }
  }
  cells.push_back(cell);
  return cells;
}

// The header and the data lines of a CSV file, split into cells, empty lines skipped; nothing
// when the file cannot be opened (the callers decide whether that fails or skips).
struct CsvCells {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

inline std::optional<CsvCells> read_csv_cells(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  CsvCells csv;
  std::string line;
  std::getline(in, line);
  csv.header = split_csv_line(line);
  while (std::getline(in, line))
    if (!line.empty()) csv.rows.push_back(split_csv_line(line));
  return csv;
}

// A committed reference table (tests/reference/NAME): it must exist and every row must have a
// cell for every column, since a short row means the R script and the test disagree.
inline Table read_table(const std::string& name) {
  const auto csv = read_csv_cells(reference_path(name));
  if (!csv) throw std::runtime_error("cannot open " + reference_path(name));
  Table t;
  for (const auto& cells : csv->rows) {
    if (cells.size() != csv->header.size()) throw std::runtime_error("ragged row in " + name);
    for (std::size_t c = 0; c < csv->header.size(); ++c) t.columns[csv->header[c]].push_back(cells[c]);
    ++t.rows;
  }
  return t;
}

// Any CSV file as a Table; no rows when it cannot be opened. A short row fills only the columns
// it has (some published seed tables leave trailing cells out).
inline Table read_csv_file(const std::string& path) {
  Table t;
  const auto csv = read_csv_cells(path);
  if (!csv) return t;
  for (const auto& cells : csv->rows) {
    for (std::size_t c = 0; c < csv->header.size() && c < cells.size(); ++c)
      t.columns[csv->header[c]].push_back(cells[c]);
    ++t.rows;
  }
  return t;
}

// A CSV file as one column -> cell map per row (short rows lack the missing columns); no rows
// when it cannot be opened. Named records, not rows: reference_links.hpp's read_csv_rows gives
// the rows as plain cell lists.
inline std::vector<std::map<std::string, std::string>> read_csv_records(const std::string& path) {
  std::vector<std::map<std::string, std::string>> records;
  const auto csv = read_csv_cells(path);
  if (!csv) return records;
  for (const auto& cells : csv->rows) {
    std::map<std::string, std::string> record;
    for (std::size_t c = 0; c < csv->header.size() && c < cells.size(); ++c) record[csv->header[c]] = cells[c];
    records.push_back(std::move(record));
  }
  return records;
}

// The shared data folder (../shared/data beside the checkout: published tables, the seed folder)
// is absent in a plain clone, so the tests that read it skip rather than fail there.
inline std::string shared_path(const std::string& relative) { return std::string(SHARED_DATA_DIR) + "/" + relative; }

inline bool shared_exists(const std::string& relative) { return std::filesystem::exists(shared_path(relative)); }

// The provinces' economy panel stands for the whole folder: every copy of it has the table.
inline bool shared_data_present() { return shared_exists("china_province_economy_2002_2011.csv"); }

// A table of the shared data folder; no rows when the folder (or the file) is absent.
inline Table shared_table(const std::string& relative) { return read_csv_file(shared_path(relative)); }

// Binary weights from local_D_nb.csv (0-based neighbour indices, space separated).
inline SpatialWeights reference_neighbours(const std::string& data_set) {
  const Table t = read_table("local_" + data_set + "_nb.csv");
  std::vector<std::vector<std::size_t>> lists;
  for (const auto& cell : t.text("neighbours")) {
    std::istringstream s(cell);
    std::vector<std::size_t> row;
    std::size_t j;
    while (s >> j) row.push_back(j);
    lists.push_back(row);
  }
  return SpatialWeights::from_lists(t.text("id"), lists);
}

// |a - b| <= tol * max(1, |b|), NaN equal to NaN.
inline bool close(double a, double b, double tol) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b));
}

}  // namespace rs::test
