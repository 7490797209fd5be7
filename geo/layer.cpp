#include "geo/layer.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <iconv.h>
#include <malloc.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "algorithms/errors.hpp"
#include "geo/feature_reader.hpp"
#include "geo/validity_check.hpp"

namespace rs::geo {

const char* geometry_kind_name(GeometryKind kind) {
  switch (kind) {
    case GeometryKind::None: return "none";
    case GeometryKind::Point: return "point";
    case GeometryKind::Line: return "line";
    case GeometryKind::Polygon: return "polygon";
  }
  return "none";
}

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Large GeoJSON files (the French communes) exceed GDAL's default per-object limit.
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
  });
}

namespace {

bool is_numeric(OGRFieldType t) {
  return t == OFTInteger || t == OFTInteger64 || t == OFTReal;
}

// Keeps the polygonal part of a repaired geometry (MakeValid may return a collection with
// stray lines or points where a ring collapsed).
std::unique_ptr<OGRGeometry> polygonal_part(std::unique_ptr<OGRGeometry> g) {
  if (!g) return nullptr;
  auto type = wkbFlatten(g->getGeometryType());
  if (type == wkbPolygon || type == wkbMultiPolygon) return g;
  if (type != wkbGeometryCollection) return nullptr;
  auto multi = std::make_unique<OGRMultiPolygon>();
  for (auto* part : *g->toGeometryCollection()) {
    auto pt = wkbFlatten(part->getGeometryType());
    if (pt == wkbPolygon) {
      multi->addGeometry(part);
    } else if (pt == wkbMultiPolygon) {
      for (auto* poly : *part->toMultiPolygon()) multi->addGeometry(poly);
    }
  }
  if (multi->IsEmpty()) return nullptr;
  return multi;
}

std::string describe_ids(const std::vector<std::string>& ids) {
  std::ostringstream os;
  for (std::size_t i = 0; i < ids.size() && i < 5; ++i) os << (i ? ", " : "") << "'" << ids[i] << "'";
  if (ids.size() > 5) os << " and " << ids.size() - 5 << " more";
  return os.str();
}

bool parse_number(const std::string& text, double& out) {
  const char* begin = text.c_str();
  while (*begin == ' ' || *begin == '\t') ++begin;
  if (*begin == '\0') return false;
  char* end = nullptr;
  out = std::strtod(begin, &end);
  while (end && (*end == ' ' || *end == '\t')) ++end;
  return end && *end == '\0';
}

// The indices among `polygons` (ascending) of the geometries of `layer` that the check found
// invalid, ascending, and GEOS's reason for the first.
std::vector<std::size_t> invalid_polygons(const Layer& layer, const std::vector<std::size_t>& polygons,
                                          std::vector<std::pair<const OGRGeometry*, std::string>> invalid,
                                          std::string& first_reason) {
  std::vector<std::size_t> out;
  if (invalid.empty()) return out;
  const auto by_address = [](const auto& a, const auto& b) { return std::less<const OGRGeometry*>()(a.first, b.first); };
  std::sort(invalid.begin(), invalid.end(), by_address);
  for (std::size_t index : polygons) {
    const std::pair<const OGRGeometry*, std::string> key{layer.geometries[index].get(), {}};
    const auto it = std::lower_bound(invalid.begin(), invalid.end(), key, by_address);
    if (it == invalid.end() || it->first != key.first) continue;
    if (out.empty()) first_reason = it->second;
    out.push_back(index);
  }
  return out;
}

// A missing local file gets a plain message rather than GDAL's list of drivers that failed.
void check_exists(const std::string& path) {
  if (path.rfind("/vsi", 0) == 0) return;
  VSIStatBufL st;
  if (VSIStatL(path.c_str(), &st) != 0)
    throw DataError("cannot open '" + path + "': no such file or directory");
}

}  // namespace

bool wildcard_match(const std::string& pattern, const std::string& text) {
  const char* s = text.c_str();
  const char* p = pattern.c_str();
  const char* star = nullptr;
  const char* resume = s;
  while (*s) {
    if (*p == '?' || *p == *s) {
      ++s;
      ++p;
    } else if (*p == '*') {
      star = p++;
      resume = s;
    } else if (star) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (*p == '*') ++p;
  return *p == '\0';
}

std::vector<std::string> source_open_options(const std::string& path, const ReadOptions& options) {
  std::vector<std::string> out;
  if (!options.encoding.empty()) {
    // GDAL silently reads an unknown encoding as UTF-8: ask iconv, which GDAL recodes with.
    iconv_t converter = iconv_open("UTF-8", options.encoding.c_str());
    const bool known = converter != reinterpret_cast<iconv_t>(-1);
    if (known) iconv_close(converter);
    if (!known)
      throw UsageError("unknown encoding '" + options.encoding + "' for '" + path +
                       "' (use a name iconv knows, such as GBK, GB18030, UTF-8, CP936, BIG5)");
    out.push_back("ENCODING=" + options.encoding);
  }
  // CSV with coordinates: let GDAL find the usual column names, and type the columns.
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  const bool is_csv = lower.size() > 4 && (lower.substr(lower.size() - 4) == ".csv" ||
                                           lower.find(".csv.gz") != std::string::npos);
  if (is_csv) {
    out.push_back("X_POSSIBLE_NAMES=lon,lng,long,longitude,x,经度");
    out.push_back("Y_POSSIBLE_NAMES=lat,latitude,y,纬度");
    out.push_back("KEEP_GEOM_COLUMNS=YES");
    out.push_back("AUTODETECT_TYPE=YES");
  }
  return out;
}

Layer read_layer(const std::string& path, const ReadOptions& options) {
  ensure_gdal();
  Layer layer;
  layer.path = path;
  layer.options = options;

  check_exists(path);
  CPLStringList open_options;
  for (const auto& option : source_open_options(path, options)) open_options.AddString(option.c_str());
  CPLErrorReset();
  GDALDatasetUniquePtr ds(GDALDataset::Open(
      path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr,
      open_options.List(), nullptr));
  if (!ds) {
    std::string why = CPLGetLastErrorMsg();
    throw DataError("cannot read '" + path + "' as a vector layer" +
                    (why.empty() ? std::string() : ": " + why));
  }
  layer.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
  if (ds->GetLayerCount() == 0) throw DataError("'" + path + "' contains no layer");

  OGRLayer* src = nullptr;
  if (options.layer.empty()) {
    src = ds->GetLayer(0);
  } else {
    src = ds->GetLayerByName(options.layer.c_str());
    if (!src) {
      std::string names;
      for (auto* l : ds->GetLayers()) names += std::string(names.empty() ? "" : ", ") + l->GetName();
      throw DataError("'" + path + "' has no layer '" + options.layer + "' (layers: " + names + ")");
    }
  }
  layer.layer_name = src->GetName();
  if (!options.where.empty()) {
    CPLErrorReset();
    if (src->SetAttributeFilter(options.where.c_str()) != OGRERR_NONE)
      throw UsageError("invalid attribute filter '" + options.where + "' on '" + path + "': " + CPLGetLastErrorMsg());
  }
  layer.kind = feature_reader::kind_of(src->GetGeomType());
  layer.geometry_type = OGRGeometryTypeToName(src->GetGeomType());
  if (const OGRSpatialReference* srs = src->GetSpatialRef()) {
    layer.crs = std::make_shared<OGRSpatialReference>(*srs);
  }
  if (!options.assign_crs.empty()) {
    auto srs = std::make_shared<OGRSpatialReference>();
    if (srs->SetFromUserInput(options.assign_crs.c_str()) != OGRERR_NONE)
      throw UsageError("unknown CRS '" + options.assign_crs + "'");
    layer.crs = srs;
  }
  if (layer.crs) layer.crs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  OGRFeatureDefn* defn = src->GetLayerDefn();
  const int nfields = defn->GetFieldCount();
  for (int f = 0; f < nfields; ++f) {
    OGRFieldDefn* fd = defn->GetFieldDefn(f);
    layer.fields.push_back({fd->GetNameRef(), OGRFieldDefn::GetFieldTypeName(fd->GetType()),
                            is_numeric(fd->GetType())});
  }
  int id_index = -1;
  if (!options.id_field.empty()) {
    id_index = defn->GetFieldIndex(options.id_field.c_str());
    if (id_index < 0) {
      std::string names;
      for (auto& f : layer.fields) names += (names.empty() ? "" : ", ") + f.name;
      throw DataError("'" + path + "' has no id field '" + options.id_field + "' (fields: " +
                      names + ")");
    }
  }
  layer.attributes.assign(static_cast<std::size_t>(nfields), {});
  const std::vector<int> read_fields = feature_reader::fields_to_read(*src, layer);

  // Polygons are checked on other threads while the reading goes on, then the invalid ones
  // repaired.
  ValidityCheck check(options.threads);
  feature_reader::FeaturesRead read =
      feature_reader::read_features(*ds, *src, layer, read_fields, id_index, &check);
  std::string invalid_reason;  // GEOS's reason for the first invalid geometry
  layer.invalid_geometry = invalid_polygons(layer, read.polygons, check.finish(), invalid_reason);
  std::vector<std::size_t>().swap(read.polygons);
  for (std::size_t index : layer.invalid_geometry) {
    auto& geom = layer.geometries[index];
    if (options.repair) {
      CPLPushErrorHandler(CPLQuietErrorHandler);
      auto fixed = polygonal_part(std::unique_ptr<OGRGeometry>(geom->MakeValid()));
      CPLPopErrorHandler();
      if (fixed) {
        layer.repaired_geometry.push_back(index);
        geom = std::move(fixed);
      } else {
        geom.reset();
      }
    } else {
      geom.reset();
    }
  }

  if (read.failures > 0)
    throw DataError("cannot read '" + path + "': " + read.first_failure + " (" + std::to_string(read.failures) +
                    " read error(s) after " + std::to_string(layer.ids.size()) +
                    " features; the file may be truncated or damaged)");
  if (!read.bad_text.empty())
    layer.warnings.push_back("field '" + read.bad_text + "' of '" + path + "' has text that is not valid UTF-8" +
                             (options.encoding.empty() ? "; if it is Chinese, try --encoding GBK" : std::string()));
  if (!read.empty_ids.empty())
    throw DataError("'" + path + "': id field '" + options.id_field + "' is empty for " +
                    describe_ids(read.empty_ids) + "; every unit needs an id");
  if (id_index >= 0) {
    std::map<std::string, int> seen;
    std::vector<std::string> duplicates;
    for (auto& id : layer.ids)
      if (++seen[id] == 2) duplicates.push_back(id);
    if (!duplicates.empty())
      throw DataError("'" + path + "': id field '" + options.id_field + "' has duplicate values " +
                      describe_ids(duplicates) + "; choose a field with unique ids");
  }
  auto ids_of = [&](const std::vector<std::size_t>& idx) {
    std::vector<std::string> out;
    for (auto i : idx) out.push_back(layer.ids[i]);
    return describe_ids(out);
  };
  // A table (no geometry column) has no empty geometries to report.
  if (src->GetGeomType() == wkbNone) layer.empty_geometry.clear();
  if (!layer.empty_geometry.empty())
    layer.warnings.push_back(std::to_string(layer.empty_geometry.size()) +
                             " feature(s) with empty geometry excluded: " + ids_of(layer.empty_geometry));
  if (!layer.repaired_geometry.empty())
    layer.warnings.push_back(std::to_string(layer.repaired_geometry.size()) +
                             " invalid geometry(ies) repaired: " + ids_of(layer.repaired_geometry));
  std::vector<std::size_t> dropped;
  for (auto i : layer.invalid_geometry)
    if (!layer.geometries[i]) dropped.push_back(i);
  if (!dropped.empty())
    layer.warnings.push_back(std::to_string(dropped.size()) +
                             " invalid geometry(ies) excluded: " + ids_of(dropped));
  if (!layer.invalid_geometry.empty() && !invalid_reason.empty())
    layer.warnings.push_back("first invalid geometry ('" + layer.ids[layer.invalid_geometry[0]] +
                             "'): " + invalid_reason);
  return layer;
}

std::vector<std::string> list_layers(const std::string& path) {
  ensure_gdal();
  check_exists(path);
  CPLErrorReset();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    std::string why = CPLGetLastErrorMsg();
    throw DataError("cannot read '" + path + "' as a vector dataset" + (why.empty() ? "" : ": " + why));
  }
  std::vector<std::string> out;
  for (auto* l : ds->GetLayers()) out.emplace_back(l->GetName());
  return out;
}

namespace {
// Layers from this many units return the memory of their geometries to the system.
constexpr std::size_t kTrimFromUnits = 200000;
}  // namespace

void Layer::release_geometries() {
  std::vector<char> repaired(geometries.size(), 0);
  for (std::size_t i : repaired_geometry) repaired[i] = 1;
  for (std::size_t i = 0; i < geometries.size(); ++i)
    if (!repaired[i]) geometries[i].reset();
  geometries_released = true;
  // glibc keeps the freed blocks otherwise. On a small layer they are better kept: the trim
  // (a walk of the heap) and the page faults of the next allocations, which would have reused
  // them, cost 0.03 s on the 35,357 French communes, for some 50 MB.
  if (geometries.size() >= kTrimFromUnits) malloc_trim(0);
}

bool Layer::geographic() const { return crs && crs->IsGeographic(); }

std::string Layer::crs_name() const {
  if (!crs) return "none";
  std::string name = crs->GetName() ? crs->GetName() : "unnamed";
  const char* auth = crs->GetAuthorityName(nullptr);
  const char* code = crs->GetAuthorityCode(nullptr);
  if (auth && code) name += std::string(" (") + auth + ":" + code + ")";
  return name;
}

bool Layer::has_field(const std::string& name) const {
  return std::any_of(fields.begin(), fields.end(), [&](const FieldInfo& f) { return f.name == name; });
}

std::size_t Layer::field_index(const std::string& name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return i;
  // GDAL matches field names case-insensitively; so do we, as a second chance.
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (EQUAL(fields[i].name.c_str(), name.c_str())) return i;
  std::string names;
  for (auto& f : fields) names += (names.empty() ? "" : ", ") + f.name;
  throw DataError("'" + path + "' has no field '" + name + "' (fields: " + names + ")");
}

bool Layer::has_values(std::size_t field) const {
  return field < attributes.size() && attributes[field].size() >= size();
}

namespace {

// Asking for a field whose values were not read (ReadOptions::fields) is the caller's mistake.
void require_values(const Layer& layer, std::size_t f) {
  if (!layer.has_values(f))
    throw std::logic_error("field '" + layer.fields[f].name + "' of '" + layer.path + "' was not read");
}

}  // namespace

NumericColumn Layer::numeric(const std::string& name) const {
  const std::size_t f = field_index(name);
  require_values(*this, f);
  NumericColumn col;
  col.field = fields[f].name;
  col.values.assign(size(), std::nan(""));
  for (std::size_t i = 0; i < size(); ++i) {
    const auto& v = attributes[f][i];
    if (std::holds_alternative<double>(v)) {
      double d = std::get<double>(v);
      if (std::isfinite(d)) col.values[i] = d; else ++col.null_count;
    } else if (std::holds_alternative<std::string>(v)) {
      double d;
      if (parse_number(std::get<std::string>(v), d) && std::isfinite(d)) {
        col.values[i] = d;
      } else {
        if (col.text_count == 0) col.first_bad_text = std::get<std::string>(v);
        ++col.text_count;
      }
    } else {
      ++col.null_count;
    }
  }
  if (col.text_count > 0 && col.text_count + col.null_count == size())
    throw DataError("field '" + col.field + "' of '" + path + "' is not numeric (value '" +
                    col.first_bad_text + "'); choose a numeric field");
  return col;
}

std::vector<std::optional<std::string>> Layer::text(const std::string& name) const {
  const std::size_t f = field_index(name);
  require_values(*this, f);
  std::vector<std::optional<std::string>> out(size());
  for (std::size_t i = 0; i < size(); ++i) {
    const auto& v = attributes[f][i];
    if (std::holds_alternative<std::string>(v)) {
      out[i] = std::get<std::string>(v);
    } else if (std::holds_alternative<double>(v)) {
      std::ostringstream os;
      os.precision(15);
      os << std::get<double>(v);
      out[i] = os.str();
    }
  }
  return out;
}

std::vector<std::string> Layer::match_fields(const std::string& pattern) const {
  std::vector<std::string> out;
  for (auto& f : fields)
    if (wildcard_match(pattern, f.name)) out.push_back(f.name);
  return out;
}

}  // namespace rs::geo
