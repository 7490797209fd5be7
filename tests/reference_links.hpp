// Reading the expected values that tests/reference/*.R scripts write, and comparing weights to
// them. Links are CSV lines `from,to,value` with unit ids (see distance_reference.R).
#pragma once

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "algorithms/spatial_weights.hpp"

namespace rs::test {

inline std::string reference_path(const std::string& name) {
  return std::string(REGIONSTAT_REFERENCE_DIR) + "/" + name;
}

// Rows of a CSV file with a header line, split on commas (no quoting in our reference files).
inline std::vector<std::vector<std::string>> read_csv_rows(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

using LinkMap = std::map<std::pair<std::string, std::string>, double>;

inline LinkMap read_links(const std::string& name) {
  LinkMap links;
  for (const auto& row : read_csv_rows(reference_path(name))) {
    EXPECT_EQ(row.size(), 3u) << name;
    if (row.size() == 3) links[{row[0], row[1]}] = std::stod(row[2]);
  }
  EXPECT_FALSE(links.empty()) << name;
  return links;
}

inline LinkMap links_of(const SpatialWeights& w) {
  LinkMap links;
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t k = w.offsets()[i]; k < w.offsets()[i + 1]; ++k)
      links[{w.ids()[i], w.ids()[w.indices()[k]]}] = w.weights()[k];
  return links;
}

// Same links; values compared when tolerance >= 0 (|a - b| <= tol * max(1, |b|) when relative,
// else |a - b| <= tol).
inline void expect_same_links(const SpatialWeights& w, const LinkMap& expected, double tolerance = -1,
                              bool relative = false) {
  const LinkMap actual = links_of(w);
  std::size_t missing = 0, extra = 0, differ = 0;
  for (const auto& [key, value] : expected) {
    auto it = actual.find(key);
    if (it == actual.end()) {
      if (++missing <= 5) ADD_FAILURE() << "missing link " << key.first << " -> " << key.second;
      continue;
    }
    if (tolerance >= 0) {
      const double scale = relative ? std::max(1e-300, std::abs(value)) : 1.0;
      if (std::abs(it->second - value) > tolerance * scale && ++differ <= 5)
        ADD_FAILURE() << "link " << key.first << " -> " << key.second << ": " << it->second
                      << " (expected " << value << ")";
    }
  }
  for (const auto& [key, value] : actual)
    if (!expected.count(key) && ++extra <= 5) ADD_FAILURE() << "extra link " << key.first << " -> " << key.second;
  EXPECT_EQ(missing, 0u);
  EXPECT_EQ(extra, 0u);
  EXPECT_EQ(differ, 0u);
  EXPECT_EQ(actual.size(), expected.size());
}

}  // namespace rs::test
