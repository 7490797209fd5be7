// Reading the expected values written by the R scripts in tests/reference/ (CSV with a header,
// fields optionally quoted, "NA" for missing) and the neighbour lists they used.
#pragma once

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
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

inline Table read_table(const std::string& name) {
  std::ifstream in(reference_path(name));
  if (!in) throw std::runtime_error("cannot open " + reference_path(name));
  std::string line;
  std::getline(in, line);
  const auto header = split_csv_line(line);
  Table t;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto cells = split_csv_line(line);
    if (cells.size() != header.size()) throw std::runtime_error("ragged row in " + name);
    for (std::size_t c = 0; c < header.size(); ++c) t.columns[header[c]].push_back(cells[c]);
    ++t.rows;
  }
  return t;
}

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
