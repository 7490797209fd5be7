#include "geo/feature_reader.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <memory>
#include <thread>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>

#include "algorithms/errors.hpp"

namespace rs::geo::feature_reader {
namespace {

// Below this many features a second connection to the file is not worth opening: on the
// 35,357 French communes it cost more than it saved (with the validity checks running on other
// threads alongside the reading, see geo/validity_check.hpp: 0.15 s read instead of 0.12 s).
constexpr GIntBig kParallelFrom = 50000;
// Threads beyond this add little: they share the file and the memory allocator.
constexpr std::size_t kMaxParts = 4;
// Beyond this many features a count from the driver is not trusted to reserve memory with.
constexpr GIntBig kMaxReserved = GIntBig{1} << 27;

// Collects GDAL's failures while features are read: a truncated or corrupt file makes GDAL
// report CE_Failure and skip or cut features, which must fail the run instead of analysing
// what happened to be read. GDAL's error handlers belong to a thread: each reading thread
// has its own.
class ReadErrors {
 public:
  ReadErrors() { CPLPushErrorHandlerEx(&ReadErrors::handle, this); }
  ~ReadErrors() { CPLPopErrorHandler(); }
  ReadErrors(const ReadErrors&) = delete;
  ReadErrors& operator=(const ReadErrors&) = delete;
  const std::string& first() const { return first_; }
  std::size_t count() const { return count_; }

 private:
  static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<ReadErrors*>(CPLGetErrorHandlerUserData());
    if (level < CE_Failure || !self) return;
    if (self->count_++ == 0) self->first_ = message ? message : "unknown error";
  }
  std::string first_;
  std::size_t count_ = 0;
};

// Text that is not UTF-8 (a Chinese Shapefile in GBK without a .cpg) would be written garbled.
bool valid_utf8(const std::string& text) { return CPLIsUTF8(text.c_str(), static_cast<int>(text.size())) != 0; }

// An SQL name ("...") or string literal ('...'), with its quote doubled inside.
std::string quoted(const std::string& text, char quote = '"') {
  std::string out(1, quote);
  for (char c : text) out += c == quote ? std::string(2, c) : std::string(1, c);
  return out + quote;
}

// The features of `src` appended to `out`, whose fields (names, types), options and kind so
// far are those of `layer` (which may be `out` itself).
FeaturesRead read_all(OGRLayer& src, const Layer& layer, Layer& out, const std::vector<int>& fields, int id_index,
                      ValidityCheck* check) {
  FeaturesRead read;
  ReadErrors errors;
  ValidityBatch to_check(check);
  const bool real_id = id_index >= 0 && src.GetLayerDefn()->GetFieldDefn(id_index)->GetType() == OFTReal;
  src.ResetReading();
  for (auto& feature : src) {
    const std::size_t index = out.ids.size();
    out.fids.push_back(feature->GetFID());
    for (int f : fields) {
      auto& column = out.attributes[static_cast<std::size_t>(f)];
      if (!feature->IsFieldSetAndNotNull(f)) {
        column.emplace_back(std::monostate{});
      } else if (layer.fields[static_cast<std::size_t>(f)].numeric) {
        column.emplace_back(feature->GetFieldAsDouble(f));
      } else {
        column.emplace_back(std::string(feature->GetFieldAsString(f)));
        if (read.bad_text.empty() && !valid_utf8(std::get<std::string>(column.back())))
          read.bad_text = layer.fields[static_cast<std::size_t>(f)].name;
      }
    }
    if (id_index >= 0) {
      std::string id;
      if (feature->IsFieldSetAndNotNull(id_index)) {
        // Real ids (dBase N(19,15) columns) print as 37001.000000000000000: keep them short.
        id = real_id ? CPLSPrintf("%.15g", feature->GetFieldAsDouble(id_index)) : feature->GetFieldAsString(id_index);
      }
      if (id.empty()) read.empty_ids.push_back("feature " + std::to_string(feature->GetFID()));
      out.ids.push_back(id);
    } else {
      out.ids.push_back(std::to_string(feature->GetFID()));
    }

    std::unique_ptr<OGRGeometry> geom(feature->StealGeometry());
    if (geom && geom->hasCurveGeometry()) geom.reset(geom->getLinearGeometry());
    if (!geom || geom->IsEmpty()) {
      out.empty_geometry.push_back(index);
      out.geometries.push_back(nullptr);
      continue;
    }
    const GeometryKind kind = kind_of(geom->getGeometryType());
    if (out.kind == GeometryKind::None) out.kind = kind;
    if (kind == GeometryKind::Polygon) {
      read.polygons.push_back(index);
      to_check.add(geom.get());
    }
    out.geometries.push_back(std::move(geom));
  }
  to_check.flush();
  read.failures = errors.count();
  read.first_failure = errors.first();
  return read;
}

// The first row of `sql`'s result, or none; quietly (a failure means one pass instead).
std::unique_ptr<OGRFeature> first_row(GDALDataset& dataset, const std::string& sql) {
  std::unique_ptr<OGRFeature> row;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  if (OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
    row.reset(result->GetNextFeature());
    dataset.ReleaseResultSet(result);
  }
  CPLPopErrorHandler();
  return row;
}

// The bounds b0 < b1 < ... of the feature-id ranges (b[p], b[p+1]] that threads read, or none
// when the layer is to be read in one pass: not a GeoPackage table (a view may list its rows in
// another order) read whole, one thread, few features, or feature ids too far apart.
std::vector<GIntBig> fid_bounds(GDALDataset& dataset, OGRLayer& src, const Layer& layer) {
  const ReadOptions& options = layer.options;
  if (layer.driver != "GPKG" || !options.where.empty() || layer.path.rfind("/vsi", 0) == 0) return {};
  std::size_t parts =
      options.threads > 0 ? static_cast<std::size_t>(options.threads) : std::thread::hardware_concurrency();
  parts = std::min(parts, kMaxParts);
  if (parts < 2 || !src.TestCapability(OLCFastFeatureCount) || src.GetFeatureCount(FALSE) < kParallelFrom)
    return {};
  const std::string fid = src.GetFIDColumn() ? src.GetFIDColumn() : "";
  if (fid.empty()) return {};
  const auto type = first_row(dataset, "SELECT type FROM sqlite_master WHERE lower(name) = lower(" +
                                           quoted(src.GetName(), '\'') + ")");
  if (!type || !EQUAL(type->GetFieldAsString(0), "table")) return {};
  const auto range =
      first_row(dataset, "SELECT MIN(" + quoted(fid) + "), MAX(" + quoted(fid) + ") FROM " + quoted(src.GetName()));
  if (!range || !range->IsFieldSetAndNotNull(0)) return {};
  const GIntBig lo = range->GetFieldAsInteger64(0), hi = range->GetFieldAsInteger64(1);
  if (lo < 0 || hi < lo || hi > (GIntBig{1} << 52)) return {};
  std::vector<GIntBig> bounds;
  for (std::size_t p = 0; p <= parts; ++p)
    bounds.push_back(lo - 1 + (hi - lo + 1) * static_cast<GIntBig>(p) / static_cast<GIntBig>(parts));
  return bounds;
}

// Restricts `src` to the features with an id in (after, last]; false when GDAL refuses.
bool restrict_to(OGRLayer& src, const std::string& fid, GIntBig after, GIntBig last) {
  const std::string filter =
      quoted(fid) + " > " + std::to_string(after) + " AND " + quoted(fid) + " <= " + std::to_string(last);
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const bool done = src.SetAttributeFilter(filter.c_str()) == OGRERR_NONE;
  CPLPopErrorHandler();
  return done;
}

// One range of features, read by its own thread through its own connection to the file.
struct Part {
  Layer columns;
  FeaturesRead read;
  std::exception_ptr error;
};

void read_range(const Layer& layer, const std::string& fid, GIntBig after, GIntBig last,
                const std::vector<int>& fields, int id_index, ValidityCheck* check, Part& part) {
  try {
    CPLStringList open_options;
    for (const auto& option : source_open_options(layer.path, layer.options)) open_options.AddString(option.c_str());
    const char* drivers[] = {"GPKG", nullptr};
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr dataset(GDALDataset::Open(layer.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                                   open_options.List(), nullptr));
    CPLPopErrorHandler();
    OGRLayer* src = dataset ? dataset->GetLayerByName(layer.layer_name.c_str()) : nullptr;
    if (!src) throw DataError("cannot read '" + layer.path + "' as a vector layer: " + CPLGetLastErrorMsg());
    fields_to_read(*src, layer);
    if (!restrict_to(*src, fid, after, last))
      throw DataError("cannot read '" + layer.path + "': features " + std::to_string(after + 1) + " to " +
                      std::to_string(last) + " cannot be selected");
    part.columns.attributes.resize(layer.attributes.size());
    const auto expected = static_cast<std::size_t>(std::min(last - after, kMaxReserved));
    part.columns.ids.reserve(expected);
    part.columns.fids.reserve(expected);
    part.columns.geometries.reserve(expected);
    for (int f : fields) part.columns.attributes[static_cast<std::size_t>(f)].reserve(expected);
    part.read = read_all(*src, layer, part.columns, fields, id_index, check);
  } catch (...) {
    part.error = std::current_exception();
  }
}

template <class T>
void move_append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  std::vector<T>().swap(from);
}

// Puts the features of `part` after those of `layer`, as if read in the same pass.
void append(Layer& layer, FeaturesRead& read, Part& part, const std::vector<int>& fields) {
  const std::size_t offset = layer.size();
  Layer& columns = part.columns;
  move_append(layer.fids, columns.fids);
  move_append(layer.ids, columns.ids);
  move_append(layer.geometries, columns.geometries);
  for (int f : fields) {
    const auto k = static_cast<std::size_t>(f);
    move_append(layer.attributes[k], columns.attributes[k]);
  }
  for (std::size_t i : columns.empty_geometry) layer.empty_geometry.push_back(offset + i);
  for (std::size_t i : part.read.polygons) read.polygons.push_back(offset + i);
  move_append(read.empty_ids, part.read.empty_ids);
  if (read.bad_text.empty()) read.bad_text = part.read.bad_text;
  if (read.failures == 0) read.first_failure = part.read.first_failure;
  read.failures += part.read.failures;
  if (layer.kind == GeometryKind::None) layer.kind = columns.kind;
}

}  // namespace

GeometryKind kind_of(OGRwkbGeometryType type) {
  switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint: return GeometryKind::Point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve: return GeometryKind::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface: return GeometryKind::Polygon;
    default: return GeometryKind::None;
  }
}

std::vector<int> fields_to_read(OGRLayer& src, const Layer& layer) {
  const ReadOptions& options = layer.options;
  std::vector<char> wanted(layer.fields.size(), options.fields ? 0 : 1);
  if (options.fields)
    for (const auto& name : *options.fields) {
      if (name.find_first_of("*?") == std::string::npos) {
        wanted[layer.field_index(name)] = 1;
        continue;
      }
      // A pattern (--field 'gdp_*'): every field it matches; one that matches none is the
      // command's to report, as it does for a layer read whole.
      for (std::size_t f = 0; f < layer.fields.size(); ++f)
        if (wildcard_match(name, layer.fields[f].name)) wanted[f] = 1;
    }
  std::vector<int> out;
  CPLStringList ignored;
  for (std::size_t f = 0; f < layer.fields.size(); ++f) {
    const std::string& name = layer.fields[f].name;
    if (wanted[f]) out.push_back(static_cast<int>(f));
    else if (!EQUAL(name.c_str(), options.id_field.c_str())) ignored.AddString(name.c_str());
  }
  if (!ignored.empty() && options.where.empty()) {
    ignored.AddString("OGR_STYLE");
    if (src.SetIgnoredFields(const_cast<const char**>(ignored.List())) != OGRERR_NONE)
      src.SetIgnoredFields(nullptr);  // then GDAL reads them all, which is merely slower
  }
  return out;
}

FeaturesRead read_features(GDALDataset& dataset, OGRLayer& src, Layer& layer, const std::vector<int>& fields,
                           int id_index, ValidityCheck* check) {
  // The number of features, when the driver knows it without reading them (GeoPackage,
  // Shapefile), reserves the arrays once instead of growing (copying) them as features come.
  if (layer.options.where.empty() && src.TestCapability(OLCFastFeatureCount)) {
    const GIntBig expected = src.GetFeatureCount(FALSE);
    if (expected > 0 && expected < kMaxReserved) {
      const auto n = static_cast<std::size_t>(expected);
      layer.ids.reserve(n);
      layer.fids.reserve(n);
      layer.geometries.reserve(n);
      for (int f : fields) layer.attributes[static_cast<std::size_t>(f)].reserve(n);
    }
  }
  const std::vector<GIntBig> bounds = fid_bounds(dataset, src, layer);
  const std::string fid = src.GetFIDColumn() ? src.GetFIDColumn() : "";
  if (bounds.empty()) return read_all(src, layer, layer, fields, id_index, check);
  if (!restrict_to(src, fid, bounds[0], bounds[1])) {
    src.SetAttributeFilter(nullptr);  // no filter of the caller's: bounds are for whole layers
    return read_all(src, layer, layer, fields, id_index, check);
  }

  // The first range on this thread and connection, the others each on its own.
  std::vector<Part> parts(bounds.size() - 2);
  std::vector<std::thread> threads;
  for (std::size_t p = 0; p < parts.size(); ++p)
    threads.emplace_back(read_range, std::cref(layer), std::cref(fid), bounds[p + 1], bounds[p + 2],
                         std::cref(fields), id_index, check, std::ref(parts[p]));
  FeaturesRead read;
  std::exception_ptr error;
  try {
    read = read_all(src, layer, layer, fields, id_index, check);
  } catch (...) {
    error = std::current_exception();
  }
  for (auto& thread : threads) thread.join();
  src.SetAttributeFilter(nullptr);
  // A failed part's geometries go with it: the checks of the polygons handed over must end first.
  const bool failed = error || std::any_of(parts.begin(), parts.end(), [](const Part& p) { return p.error; });
  if (failed && check) check->abandon();
  if (error) std::rethrow_exception(error);
  for (auto& part : parts) {
    if (part.error) std::rethrow_exception(part.error);
    append(layer, read, part, fields);
  }
  return read;
}

}  // namespace rs::geo::feature_reader
