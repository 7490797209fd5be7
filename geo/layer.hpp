// A vector layer read into memory: unit ids, geometries, attributes and CRS.
//
// Every feature of the source is kept, in source order, so results can be written back feature
// by feature; features whose geometry is empty or could not be repaired keep a null geometry and
// are listed in `empty_geometry` / `invalid_geometry` (analyses give them NULL results).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

namespace rs::geo {

enum class GeometryKind { None, Point, Line, Polygon };
const char* geometry_kind_name(GeometryKind kind);

struct FieldInfo {
  std::string name;
  std::string type;  // GDAL's name: Integer, Integer64, Real, String, Date, ...
  bool numeric = false;
};

// One attribute value: NULL, a number, or text (dates and other types are kept as text).
using AttributeValue = std::variant<std::monostate, double, std::string>;

struct ReadOptions {
  std::string layer;     // layer name (GeoPackage, multi-layer sources); empty: the first
  std::string id_field;  // unit ids; empty: the feature id
  std::string encoding;  // e.g. "GBK" for a Shapefile without a .cpg; empty: GDAL's detection
  std::string assign_crs;  // e.g. "EPSG:4326" for a CSV or a layer without CRS
  bool repair = true;      // make invalid geometries valid (GEOS) instead of excluding them
  std::string where;       // OGR SQL attribute filter (e.g. "province = 'Henan'"); empty: all
  int threads = 0;         // threads reading a large GeoPackage and checking validity; 0: all cores
  // The attribute fields whose values are read (GDAL's names, matched as field_index does, or
  // patterns with * and ? as Layer::match_fields); the
  // others are still listed in Layer::fields but get no values (see Layer::has_values). Unset:
  // every field. A command that needs no attributes (weights) is spared their reading and
  // their memory (40 bytes a value: 200 MB for five fields of a million units).
  std::optional<std::vector<std::string>> fields;
};

// A numeric view of one field: NaN where the value is NULL, NaN or non-numeric text.
struct NumericColumn {
  std::string field;
  std::vector<double> values;
  std::size_t null_count = 0;     // NULL or NaN
  std::size_t text_count = 0;     // text that is not a number
  std::string first_bad_text;     // an example for the warning
  std::size_t missing() const { return null_count + text_count; }
};

class Layer {
 public:
  std::string path;        // as given (may be /vsigzip/...)
  std::string layer_name;  // the layer read
  ReadOptions options;     // how it was read (the writer reopens the source the same way)
  std::string driver;      // GDAL driver short name
  GeometryKind kind = GeometryKind::None;
  std::string geometry_type;  // e.g. "Multi Polygon"
  std::shared_ptr<OGRSpatialReference> crs;  // null if the layer has none
  std::vector<FieldInfo> fields;
  std::vector<std::string> ids;
  std::vector<std::int64_t> fids;
  std::vector<std::unique_ptr<OGRGeometry>> geometries;  // null where empty or unrepairable
  std::vector<std::vector<AttributeValue>> attributes;   // [field][feature]; empty if not read
  std::vector<std::size_t> empty_geometry;    // feature indices
  std::vector<std::size_t> invalid_geometry;  // invalid in the source (repaired or not)
  std::vector<std::size_t> repaired_geometry;
  std::vector<std::string> warnings;
  bool geometries_released = false;  // see release_geometries

  std::size_t size() const { return ids.size(); }
  // Frees the geometries (all but the repaired ones) once the analysis no longer needs them,
  // typically after the weights are built: write_layer reads them again from the source.
  void release_geometries();
  bool geographic() const;  // true for a geographic CRS (lengths in degrees)
  std::string crs_name() const;
  std::string id_field() const { return options.id_field; }

  // Index of a field; throws DataError naming the field and the fields available.
  std::size_t field_index(const std::string& name) const;
  bool has_field(const std::string& name) const;
  // False for a field left out by ReadOptions::fields (numeric and text refuse it).
  bool has_values(std::size_t field) const;
  NumericColumn numeric(const std::string& name) const;
  std::vector<std::optional<std::string>> text(const std::string& name) const;

  // Field names matching a pattern with `*` and `?` (e.g. "gdp_*"), in layer order.
  std::vector<std::string> match_fields(const std::string& pattern) const;
};

// GDAL open options for reading `path` as `options` say (encoding, CSV columns and types); the
// writer reopens a source with the same ones.
std::vector<std::string> source_open_options(const std::string& path, const ReadOptions& options);

// Reads a layer. Throws DataError naming the file (and layer, field) when it cannot.
Layer read_layer(const std::string& path, const ReadOptions& options = {});

// Names of the layers in a dataset.
std::vector<std::string> list_layers(const std::string& path);

// `*` any run of characters, `?` one character.
bool wildcard_match(const std::string& pattern, const std::string& text);

// Registers GDAL's drivers once (thread-safe); every geo entry point calls it.
void ensure_gdal();

}  // namespace rs::geo
