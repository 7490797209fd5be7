// GAL and GWT files as GeoDa writes them (and spdep's read.gal / read.gwt2nb read them):
//
//   GAL   header `0 n layer id_field` (or the legacy `n`), then per unit two lines:
//         `id count` and the `count` neighbour ids, separated by blanks.
//   GWT   header `0 n layer id_field` (or the legacy `n`), then one link per line: `i j w`.
//
// Ids in files are text, matched exactly to the layer's unit ids (e.g. columbus.gal uses
// POLYID 1..49, ncCC89.gal FIPSNO, baltk4.GWT STATION). Units of the layer that a GAL file
// does not list are an error; in a GWT file a unit without a line is an island (as GeoDa
// writes islands). Files are written to a temporary name and renamed into place.
#include "geo/weights_io.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>
#include <unistd.h>

#include "algorithms/errors.hpp"
#include "geo/output_file.hpp"

namespace rs::geo {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext;
}

std::vector<std::string> tokens(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream is(line);
  std::string t;
  while (is >> t) out.push_back(t);
  return out;
}

// Reads the header; returns the number of units it announces.
std::size_t read_header(std::istream& in, const std::string& path) {
  std::string line;
  while (std::getline(in, line) && tokens(line).empty()) {
  }
  auto t = tokens(line);
  std::string count;
  if (t.size() == 1) count = t[0];
  else if (t.size() >= 4 && t[0] == "0") count = t[1];
  else if (t.size() == 2 || t.size() == 3) count = t[1];  // `0 n` or `0 n layer` without id field
  else throw DataError("'" + path + "': invalid header '" + line + "' (expected '0 n layer id_field' or 'n')");
  char* end = nullptr;
  const long n = std::strtol(count.c_str(), &end, 10);
  if (*end != '\0' || n < 1)
    throw DataError("'" + path + "': invalid number of units '" + count + "' in header '" + line + "'");
  return static_cast<std::size_t>(n);
}

// A whole-text number, or NaN.
double as_number(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v)) return std::nan("");
  return v;
}

// Ids are matched as text; failing that, as numbers, because a numeric id field may print as
// "37001.000000000000000" (a Shapefile Real) where the file says "37001".
class IdLookup {
 public:
  IdLookup(const std::vector<std::string>& ids, const std::string& path) : path_(path) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      index_.emplace(ids[i], i);
      const double v = as_number(ids[i]);
      if (!std::isnan(v) && !by_number_.emplace(v, i).second) ambiguous_.push_back(v);
    }
    for (double v : ambiguous_) by_number_.erase(v);
  }
  std::size_t operator()(const std::string& id, std::size_t line) const {
    auto it = index_.find(id);
    if (it != index_.end()) return it->second;
    const double v = as_number(id);
    if (!std::isnan(v))
      if (auto nt = by_number_.find(v); nt != by_number_.end()) return nt->second;
    {
      throw DataError("'" + path_ + "' line " + std::to_string(line) + ": id '" + id +
                      "' is not a unit id of the layer (check --id: the file's ids must be the values of the id field)");
    }
  }

 private:
  std::string path_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<double, std::size_t> by_number_;
  std::vector<double> ambiguous_;
};

std::string missing_units(const std::vector<std::string>& ids, const std::vector<bool>& seen) {
  std::string list;
  std::size_t count = 0;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!seen[i]) {
      if (count < 5) list += (count ? ", '" : "'") + ids[i] + "'";
      ++count;
    }
  if (count > 5) list += " and " + std::to_string(count - 5) + " more";
  return list;
}

SpatialWeights read_gal(std::istream& in, const std::string& path, const std::vector<std::string>& ids) {
  const std::size_t n = read_header(in, path);
  IdLookup lookup(ids, path);
  std::vector<std::vector<std::size_t>> lists(ids.size());
  std::vector<bool> seen(ids.size(), false);
  std::string line;
  std::size_t line_no = 1;
  for (std::size_t r = 0; r < n; ++r) {
    std::vector<std::string> head;
    while (head.empty()) {
      if (!std::getline(in, line))
        throw DataError("'" + path + "' ends after " + std::to_string(r) + " of " + std::to_string(n) + " units");
      ++line_no;
      head = tokens(line);
    }
    if (head.size() < 2)
      throw DataError("'" + path + "' line " + std::to_string(line_no) + ": expected 'id count', found '" + line + "'");
    const std::size_t i = lookup(head[0], line_no);
    if (seen[i]) throw DataError("'" + path + "' line " + std::to_string(line_no) + ": unit '" + head[0] + "' listed twice");
    seen[i] = true;
    char* end = nullptr;
    const long count = std::strtol(head[1].c_str(), &end, 10);
    if (*end != '\0' || count < 0)
      throw DataError("'" + path + "' line " + std::to_string(line_no) + ": invalid neighbour count '" + head[1] + "'");
    std::vector<std::string> nb;
    if (count > 0) {
      if (!std::getline(in, line))
        throw DataError("'" + path + "': unit '" + head[0] + "' lacks its neighbour line");
      ++line_no;
      nb = tokens(line);
    } else {
      // An island: GeoDa and PySAL write a blank neighbour line, spdep none. Consume the next
      // line only if it is blank; otherwise it is the next unit's header.
      const std::streampos at = in.tellg();
      if (std::getline(in, line) && tokens(line).empty()) {
        ++line_no;
      } else {
        in.clear();
        in.seekg(at);
      }
    }
    if (nb.size() != static_cast<std::size_t>(count))
      throw DataError("'" + path + "' line " + std::to_string(line_no) + ": unit '" + head[0] + "' announces " +
                      std::to_string(count) + " neighbours but lists " + std::to_string(nb.size()));
    for (const auto& id : nb) {
      const std::size_t j = lookup(id, line_no);
      if (std::find(lists[i].begin(), lists[i].end(), j) != lists[i].end())
        throw DataError("'" + path + "' line " + std::to_string(line_no) + ": unit '" + head[0] +
                        "' lists neighbour '" + id + "' twice");
      lists[i].push_back(j);
    }
  }
  if (std::find(seen.begin(), seen.end(), false) != seen.end())
    throw DataError("'" + path + "' lists " + std::to_string(n) + " units and lacks unit(s) " +
                    missing_units(ids, seen) + " of the layer's " + std::to_string(ids.size()));
  return SpatialWeights::from_lists(ids, lists);
}

// Up to five ids of `units`, then how many more.
std::string some_ids(const std::vector<std::string>& ids, const std::vector<std::size_t>& units) {
  std::string list;
  for (std::size_t k = 0; k < units.size() && k < 5; ++k) list += (k ? ", " : "") + ids[units[k]];
  if (units.size() > 5) list += " and " + std::to_string(units.size() - 5) + " more";
  return list;
}

SpatialWeights read_gwt(std::istream& in, const std::string& path, const std::vector<std::string>& ids,
                        std::vector<std::string>* warnings) {
  const std::size_t n = read_header(in, path);
  if (n != ids.size())
    throw DataError("'" + path + "' has " + std::to_string(n) + " units but the layer has " +
                    std::to_string(ids.size()));
  IdLookup lookup(ids, path);
  std::vector<std::vector<std::size_t>> lists(n);
  std::vector<std::vector<double>> values(n);
  std::string line;
  std::size_t line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    auto t = tokens(line);
    if (t.empty()) continue;
    if (t.size() != 3)
      throw DataError("'" + path + "' line " + std::to_string(line_no) + ": expected 'i j weight', found '" + line + "'");
    const std::size_t i = lookup(t[0], line_no);
    const std::size_t j = lookup(t[1], line_no);
    char* end = nullptr;
    const double v = std::strtod(t[2].c_str(), &end);
    if (*end != '\0' || !std::isfinite(v))
      throw DataError("'" + path + "' line " + std::to_string(line_no) + ": weight '" + t[2] + "' is not a number");
    if (std::find(lists[i].begin(), lists[i].end(), j) != lists[i].end())
      throw DataError("'" + path + "' line " + std::to_string(line_no) + ": link " + t[0] + " -> " + t[1] +
                      " appears twice");
    lists[i].push_back(j);
    values[i].push_back(v);
  }
  // A row of zero weights has no neighbour in any statistic (row-standardising it would divide
  // by zero): such units are islands. Negative weights are kept, as the file gives them, but
  // said, since row standardisation and the cluster quadrants assume non-negative weights.
  std::vector<std::size_t> negative, all_zero;
  for (std::size_t i = 0; i < n; ++i) {
    if (lists[i].empty()) continue;
    if (std::any_of(values[i].begin(), values[i].end(), [](double v) { return v < 0; })) negative.push_back(i);
    if (std::all_of(values[i].begin(), values[i].end(), [](double v) { return v == 0; })) {
      all_zero.push_back(i);
      lists[i].clear();
      values[i].clear();
    }
  }
  if (warnings && !negative.empty())
    warnings->push_back("'" + path + "': " + std::to_string(negative.size()) + " unit(s) have negative weights (" +
                        some_ids(ids, negative) + "); they are used as given, but row-standardised weights "
                        "and cluster quadrants assume weights >= 0");
  if (warnings && !all_zero.empty())
    warnings->push_back("'" + path + "': the links of " + std::to_string(all_zero.size()) + " unit(s) all weigh 0 (" +
                        some_ids(ids, all_zero) + "); they are islands, without neighbours");
  return SpatialWeights::from_lists(ids, lists, values, WeightsStyle::Unstandardised);
}

// GeoDa's header tokens cannot contain blanks.
std::string header_token(const std::string& text, const std::string& fallback) {
  std::string t = text.empty() ? fallback : text;
  for (char& c : t)
    if (std::isspace(static_cast<unsigned char>(c))) c = '_';
  return t;
}

void check_ids_writable(const std::string& path, const SpatialWeights& w) {
  for (const auto& id : w.ids())
    if (id.empty() || std::any_of(id.begin(), id.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
      throw DataError("cannot write '" + path + "': unit id '" + id +
                      "' is empty or contains blanks, which GAL/GWT files cannot hold; choose another --id field");
}

std::string header(const SpatialWeights& w, const std::string& layer_name, const std::string& id_field) {
  return "0 " + std::to_string(w.size()) + " " + header_token(layer_name, "layer") + " " +
         header_token(id_field, "FID") + "\n";
}

}  // namespace

SpatialWeights read_weights_file(const std::string& path, const std::vector<std::string>& ids,
                                 std::vector<std::string>* warnings) {
  const std::string ext = lower_extension(path);
  if (ext != ".gal" && ext != ".gwt")
    throw UsageError("weights file '" + path + "' must end in .gal or .gwt");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError("cannot open weights file '" + path + "': " + std::strerror(errno));
  return ext == ".gal" ? read_gal(in, path, ids) : read_gwt(in, path, ids, warnings);
}

void write_gal(const std::string& path, const SpatialWeights& w, bool overwrite, const std::string& layer_name,
               const std::string& id_field) {
  check_ids_writable(path, w);
  std::string text = header(w, layer_name, id_field);
  const auto& ids = w.ids();
  // Appended piece by piece, into room reserved once (from the ids' mean length): no
  // temporary strings, no copies of a text of tens of megabytes as it grows.
  std::size_t id_bytes = 0;
  for (const auto& id : ids) id_bytes += id.size();
  const std::size_t mean_id = w.size() ? id_bytes / w.size() + 1 : 0;
  text.reserve(text.size() + id_bytes + w.size() * 8 + w.links() * (mean_id + 1));
  for (std::size_t i = 0; i < w.size(); ++i) {
    text += ids[i];
    text += ' ';
    text += std::to_string(w.neighbour_count(i));
    text += '\n';
    for (std::size_t k = w.offsets()[i]; k < w.offsets()[i + 1]; ++k) {
      if (k > w.offsets()[i]) text += ' ';
      text += ids[w.indices()[k]];
    }
    text += '\n';
  }
  write_text_file(path, text, overwrite);
}

void write_gwt(const std::string& path, const SpatialWeights& w, bool overwrite, const std::string& layer_name,
               const std::string& id_field) {
  check_ids_writable(path, w);
  std::string text = header(w, layer_name, id_field);
  const auto& ids = w.ids();
  char number[32];
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t k = w.offsets()[i]; k < w.offsets()[i + 1]; ++k) {
      // 17 significant digits: the weight read back is the same double.
      std::snprintf(number, sizeof number, "%.17g", w.weights()[k]);
      text += ids[i] + " " + ids[w.indices()[k]] + " " + number + "\n";
    }
  write_text_file(path, text, overwrite);
}

}  // namespace rs::geo
