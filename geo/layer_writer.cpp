#include "geo/layer_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <optional>
#include <set>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "algorithms/errors.hpp"
#include "geo/gpkg_copy.hpp"
#include "geo/output_file.hpp"

namespace fs = std::filesystem;

namespace rs::geo {

OutputColumn OutputColumn::real(std::string name, std::vector<double> values) {
  OutputColumn c;
  c.name = std::move(name);
  c.type = Type::Real;
  c.reals = std::move(values);
  return c;
}

OutputColumn OutputColumn::integer(std::string name, std::vector<std::optional<std::int64_t>> values) {
  OutputColumn c;
  c.name = std::move(name);
  c.type = Type::Integer;
  c.integers = std::move(values);
  return c;
}

OutputColumn OutputColumn::text(std::string name, std::vector<std::optional<std::string>> values) {
  OutputColumn c;
  c.name = std::move(name);
  c.type = Type::Text;
  c.texts = std::move(values);
  return c;
}

std::size_t OutputColumn::size() const {
  switch (type) {
    case Type::Real: return reals.size();
    case Type::Integer: return integers.size();
    case Type::Text: return texts.size();
  }
  return 0;
}

namespace {

// Every 4096 features: has the run been asked to stop (signal, Cancel)?
void check_cancelled(const WriteOptions& options, std::size_t row) {
  if (options.cancelled && row % 4096 == 0 && options.cancelled())
    throw Cancelled();
}


std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext;
}

// Field names compare case-insensitively in dBase, SQLite (GeoPackage) and GDAL's lookups.
std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// The longest prefix of `s` of at most `bytes` bytes that ends on a UTF-8 character boundary.
std::string utf8_prefix(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// The staging folder of one output, beside it (geo/output_file).
StagingFolder staging_for(const fs::path& output) {
  fs::path folder = output.parent_path();
  if (folder.empty()) folder = ".";
  if (!fs::is_directory(folder))
    throw DataError("cannot write '" + output.string() + "': folder '" + folder.string() + "' does not exist");
  return StagingFolder(folder, "." + output.filename().string() + ".regionstat");
}

OGRFieldType ogr_type(OutputColumn::Type t) {
  switch (t) {
    case OutputColumn::Type::Real: return OFTReal;
    case OutputColumn::Type::Integer: return OFTInteger64;
    case OutputColumn::Type::Text: return OFTString;
  }
  return OFTString;
}

void set_value(OGRFeature& feature, int field, const OutputColumn& column, std::size_t row) {
  switch (column.type) {
    case OutputColumn::Type::Real:
      if (std::isfinite(column.reals[row])) feature.SetField(field, column.reals[row]);
      else feature.SetFieldNull(field);
      break;
    case OutputColumn::Type::Integer:
      if (column.integers[row]) feature.SetField(field, static_cast<GIntBig>(*column.integers[row]));
      else feature.SetFieldNull(field);
      break;
    case OutputColumn::Type::Text:
      if (column.texts[row]) feature.SetField(field, column.texts[row]->c_str());
      else feature.SetFieldNull(field);
      break;
  }
}

struct OpenedOutput {
  GDALDatasetUniquePtr dataset;
  OGRLayer* layer = nullptr;
  WriteReport report;
  fs::path staged;
  bool shapefile = false;
};

void check_output(const fs::path& output, const WriteOptions& options, const std::string& input) {
  if (output.empty()) throw UsageError("no output file given");
  if (!input.empty()) {
    std::error_code ec;
    if (fs::exists(input, ec) && fs::exists(output, ec) && fs::equivalent(input, output, ec))
      throw UsageError("output '" + output.string() + "' is the input layer; RegionStat never "
                       "modifies its input - choose another output");
  }
  if (fs::exists(output) && !options.overwrite)
    throw DataError("output '" + output.string() + "' already exists; use --overwrite to replace it");
}

OpenedOutput open_output(const fs::path& output, StagingFolder& staging, const WriteOptions& options,
                         const OGRSpatialReference* crs, OGRwkbGeometryType geometry_type) {
  OpenedOutput out;
  const std::string driver_name = options.format.empty() ? driver_for_path(output.string()) : options.format;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
  if (!driver || !driver->GetMetadataItem(GDAL_DCAP_CREATE))
    throw UsageError("format '" + driver_name + "' cannot be written (try GPKG, ESRI Shapefile, GeoJSON)");
  out.shapefile = driver_name == "ESRI Shapefile";
  out.staged = staging.path_for(output);
  out.report.path = output.string();
  out.report.driver = driver_name;
  CPLErrorReset();
  out.dataset.reset(driver->Create(out.staged.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!out.dataset)
    throw DataError("cannot create '" + output.string() + "': " + CPLGetLastErrorMsg());
  std::string name = options.layer_name.empty() ? output.stem().string() : options.layer_name;
  CPLStringList lco;
  for (auto& o : options.creation_options) lco.AddString(o.c_str());
  if (out.shapefile && lco.FetchNameValue("ENCODING") == nullptr) lco.AddNameValue("ENCODING", "UTF-8");
  // GDAL 3.6 takes a non-const CRS but only clones it.
  out.layer = out.dataset->CreateLayer(name.c_str(), const_cast<OGRSpatialReference*>(crs),
                                       geometry_type, lco.List());
  if (!out.layer)
    throw DataError("cannot create layer '" + name + "' in '" + output.string() + "': " + CPLGetLastErrorMsg());
  out.report.layer_name = out.layer->GetName();
  return out;
}

// A result named like an input field (or like another result) is an error in every format;
// only names too long for a Shapefile are changed, and reported.
void check_result_names(const std::vector<std::string>& input_names, const std::vector<OutputColumn>& columns) {
  std::set<std::string> inputs, results;
  for (auto& e : input_names) inputs.insert(upper(e));
  for (auto& c : columns) {
    if (inputs.count(upper(c.name)))
      throw DataError("the input already has a field '" + c.name +
                      "'; use --prefix or --suffix to name the results apart");
    if (!results.insert(upper(c.name)).second)
      throw DataError("two result fields are named '" + c.name + "'");
  }
}

// Adds result fields; returns their indices in the output layer. `existing`: the fields already
// written (shortened in a Shapefile); `input_names`: their names in the input.
std::vector<int> add_columns(OpenedOutput& out, const std::vector<std::string>& existing,
                             const std::vector<std::string>& input_names,
                             const std::vector<OutputColumn>& columns) {
  std::vector<std::string> requested;
  for (auto& c : columns) requested.push_back(c.name);
  check_result_names(input_names, columns);
  std::vector<std::string> names = requested;
  if (out.shapefile) names = shapefile_field_names(existing, requested);
  std::vector<int> indices;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (names[k] != requested[k]) out.report.renamed_fields[requested[k]] = names[k];
    OGRFieldDefn fd(names[k].c_str(), ogr_type(columns[k].type));
    if (columns[k].type == OutputColumn::Type::Text && out.shapefile) fd.SetWidth(80);
    if (out.layer->CreateField(&fd) != OGRERR_NONE)
      throw DataError("cannot create field '" + names[k] + "' in '" + out.report.path + "'");
    indices.push_back(out.layer->GetLayerDefn()->GetFieldIndex(names[k].c_str()));
  }
  return indices;
}

void write_style(OpenedOutput& out, const WriteOptions& options) {
  if (options.style_qml.empty()) return;
  if (out.report.driver == "GPKG") {
    // QGIS reads the default style of a GeoPackage layer from the `layer_styles` table.
    OGRLayer* styles = out.dataset->CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (!styles) return;
    const char* text_fields[] = {"f_table_catalog", "f_table_schema", "f_table_name",
                                 "f_geometry_column", "styleName", "styleQML", "styleSLD",
                                 "description", "owner", "ui"};
    for (const char* f : text_fields) {
      OGRFieldDefn fd(f, OFTString);
      styles->CreateField(&fd);
    }
    OGRFieldDefn use_default("useAsDefault", OFTInteger);
    use_default.SetSubType(OFSTBoolean);
    styles->CreateField(&use_default);
    OGRFieldDefn update_time("update_time", OFTDateTime);
    styles->CreateField(&update_time);
    OGRFeature row(styles->GetLayerDefn());
    row.SetField("f_table_catalog", "");
    row.SetField("f_table_schema", "");
    row.SetField("f_table_name", out.report.layer_name.c_str());
    row.SetField("f_geometry_column", out.layer->GetGeometryColumn());
    row.SetField("styleName", (options.style_name.empty() ? out.report.layer_name : options.style_name).c_str());
    row.SetField("styleQML", options.style_qml.c_str());
    row.SetField("styleSLD", "");
    row.SetField("useAsDefault", 1);
    row.SetField("description", "RegionStat");
    row.SetField("owner", "");
    row.SetField("ui", "");
    if (styles->CreateFeature(&row) != OGRERR_NONE)
      throw DataError("cannot store the style in '" + out.report.path + "'");
  } else {
    fs::path qml = out.staged;
    qml.replace_extension(".qml");
    FILE* f = std::fopen(qml.string().c_str(), "wb");
    if (!f) throw DataError("cannot write style '" + qml.string() + "'");
    const bool written = std::fwrite(options.style_qml.data(), 1, options.style_qml.size(), f) == options.style_qml.size();
    if (std::fclose(f) != 0 || !written) throw DataError("cannot write style '" + qml.string() + "'");
  }
}

// Reads the staged file back: some drivers (GeoJSON) report no error when the disk fills up and
// leave a truncated file, which must not be moved into place as a result.
void verify_written(const OpenedOutput& out, const fs::path& output) {
  const char* drivers[] = {out.report.driver.c_str(), nullptr};
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDatasetUniquePtr back(GDALDataset::Open(out.staged.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              drivers, nullptr, nullptr));
  OGRLayer* layer = back ? back->GetLayerByName(out.report.layer_name.c_str()) : nullptr;
  const GIntBig count = layer ? layer->GetFeatureCount(TRUE) : -1;
  CPLPopErrorHandler();
  if (count != static_cast<GIntBig>(out.report.features))
    throw DataError("cannot finish writing '" + output.string() + "': the written file does not read back (" +
                    (count < 0 ? std::string("unreadable") : std::to_string(count) + " of " +
                                                                 std::to_string(out.report.features) + " features") +
                    "; is the disk full?)");
}

void finish(OpenedOutput& out, StagingFolder& staging, const fs::path& output, const WriteOptions& options) {
  if (out.dataset->TestCapability(ODsCTransactions)) out.dataset->CommitTransaction();
  write_style(out, options);
  CPLErrorReset();
  GDALClose(out.dataset.release());
  if (CPLGetLastErrorType() >= CE_Failure)
    throw DataError("cannot finish writing '" + output.string() + "': " + CPLGetLastErrorMsg());
  verify_written(out, output);
  staging.commit(output, options.overwrite && out.shapefile);
}

void check_sizes(const std::vector<OutputColumn>& columns, std::size_t rows) {
  for (auto& c : columns)
    if (c.size() != rows)
      throw std::logic_error("result column " + c.name + " has " + std::to_string(c.size()) +
                             " values for " + std::to_string(rows) + " features");
}

void begin_transaction(OpenedOutput& out) {
  if (out.dataset->TestCapability(ODsCTransactions)) out.dataset->StartTransaction();
}

// The GeoPackage copy (geo/gpkg_copy) made into the output: the layer gets the output's name,
// repaired geometries replace their invalid originals (through GDAL, whose triggers update the
// R-tree), any style of the input gives way to this run's. Returns nothing when GDAL cannot
// rename the layer, so that the caller writes the general way.
std::optional<WriteReport> finish_gpkg_copy(const Layer& source, const fs::path& staged, StagingFolder& staging,
                                            const fs::path& output, const WriteOptions& options) {
  OpenedOutput out;
  out.staged = staged;
  out.report.path = output.string();
  out.report.driver = "GPKG";
  const char* drivers[] = {"GPKG", nullptr};
  CPLErrorReset();
  out.dataset.reset(GDALDataset::Open(staged.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers,
                                      nullptr, nullptr));
  if (!out.dataset) throw DataError("cannot write '" + output.string() + "': " + CPLGetLastErrorMsg());
  out.layer = out.dataset->GetLayerByName(source.layer_name.c_str());
  if (!out.layer) return std::nullopt;
  const std::string name = options.layer_name.empty() ? output.stem().string() : options.layer_name;
  if (name != out.layer->GetName()) {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const bool renamed = out.layer->Rename(name.c_str()) == OGRERR_NONE;
    CPLPopErrorHandler();
    if (!renamed) return std::nullopt;
  }
  for (int k = 0; k < out.dataset->GetLayerCount(); ++k)
    if (EQUAL(out.dataset->GetLayer(k)->GetName(), "layer_styles") && out.dataset->DeleteLayer(k) != OGRERR_NONE)
      throw DataError("cannot write '" + output.string() + "': " + CPLGetLastErrorMsg());
  out.report.layer_name = out.layer->GetName();

  begin_transaction(out);
  for (std::size_t i : source.repaired_geometry) {
    std::unique_ptr<OGRFeature> feature(out.layer->GetFeature(source.fids[i]));
    if (!feature || !source.geometries[i])
      throw DataError("'" + source.path + "' changed while it was analysed");
    feature->SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(source.geometries[i]->clone()));
    if (out.layer->SetFeature(feature.get()) != OGRERR_NONE)
      throw DataError("cannot write feature " + source.ids[i] + " to '" + output.string() + "': " +
                      CPLGetLastErrorMsg());
  }
  out.report.features = source.size();
  finish(out, staging, output, options);
  return out.report;
}

}  // namespace

std::string driver_for_path(const std::string& path) {
  static const std::map<std::string, std::string> drivers{
      {".gpkg", "GPKG"},       {".shp", "ESRI Shapefile"}, {".geojson", "GeoJSON"},
      {".json", "GeoJSON"},    {".csv", "CSV"},            {".fgb", "FlatGeobuf"},
      {".gml", "GML"},         {".kml", "KML"},            {".sqlite", "SQLite"},
      {".tab", "MapInfo File"}, {".geojsonl", "GeoJSONSeq"}};
  auto it = drivers.find(lower_extension(path));
  if (it == drivers.end())
    throw UsageError("cannot tell the format of output '" + path +
                     "' from its extension; use .gpkg, .shp, .geojson, .csv, .fgb or give -f FORMAT");
  return it->second;
}

std::vector<std::string> shapefile_field_names(const std::vector<std::string>& existing,
                                               const std::vector<std::string>& requested) {
  std::set<std::string> taken;  // upper case: dBase names are case-insensitive
  for (auto& e : existing) taken.insert(upper(e));
  std::vector<std::string> out;
  for (auto& name : requested) {
    std::string candidate = utf8_prefix(name, 10);
    for (int k = 1; taken.count(upper(candidate)) && k < 1000; ++k) {
      std::string tail = "_" + std::to_string(k);
      candidate = utf8_prefix(name, 10 - tail.size()) + tail;
    }
    taken.insert(upper(candidate));
    out.push_back(candidate);
  }
  return out;
}

WriteReport write_layer(const Layer& source, const std::string& output,
                        const std::vector<OutputColumn>& columns, const WriteOptions& options) {
  ensure_gdal();
  check_sizes(columns, source.size());
  const fs::path out_path(output);
  check_output(out_path, options, source.path);

  // GeoPackage to GeoPackage: a copy of the input file with the columns added, when it applies
  // (geo/gpkg_copy.hpp); otherwise, or if the copy turns out not to fit, the general way below.
  if (gpkg_copy_obstacle(source, output, options).empty()) {
    std::vector<std::string> input_names;
    for (const auto& field : source.fields) input_names.push_back(field.name);
    check_result_names(input_names, columns);
    StagingFolder staging = staging_for(out_path);
    const fs::path staged = staging.path_for(out_path);
    if (append_columns_to_gpkg_copy(source, staged, output, columns, options.cancelled))
      if (auto report = finish_gpkg_copy(source, staged, staging, out_path, options)) {
        CPLDebug("RegionStat", "%s: the input GeoPackage copied, %zu column(s) appended", output.c_str(),
                 columns.size());
        return *report;
      }
    std::error_code ec;
    fs::remove(staged, ec);
  }

  // Reopen the source as it was read, to copy every field with its type.
  CPLStringList open_options;
  for (const auto& option : source_open_options(source.path, source.options)) open_options.AddString(option.c_str());
  GDALDatasetUniquePtr in(GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            nullptr, open_options.List(), nullptr));
  if (!in) throw DataError("cannot reopen '" + source.path + "'");
  OGRLayer* src = in->GetLayerByName(source.layer_name.c_str());
  if (!src) throw DataError("cannot reopen layer '" + source.layer_name + "' of '" + source.path + "'");
  // The same features as were read.
  if (!source.options.where.empty() && src->SetAttributeFilter(source.options.where.c_str()) != OGRERR_NONE)
    throw DataError("cannot apply the filter '" + source.options.where + "' to '" + source.path + "' again");

  StagingFolder staging = staging_for(out_path);
  WriteOptions opts = options;
  OGRwkbGeometryType gtype = source.kind == GeometryKind::None ? wkbNone : src->GetGeomType();
  if (source.kind == GeometryKind::Polygon) gtype = wkbMultiPolygon;  // repaired parts stay one unit
  OpenedOutput out = open_output(out_path, staging, opts, source.crs.get(), gtype);

  OGRFeatureDefn* in_defn = src->GetLayerDefn();
  std::vector<std::string> existing_names;
  std::vector<std::string> wanted;
  for (int f = 0; f < in_defn->GetFieldCount(); ++f) wanted.push_back(in_defn->GetFieldDefn(f)->GetNameRef());
  std::vector<std::string> copied = out.shapefile ? shapefile_field_names({}, wanted) : wanted;
  for (int f = 0; f < in_defn->GetFieldCount(); ++f) {
    OGRFieldDefn fd(in_defn->GetFieldDefn(f));
    fd.SetName(copied[static_cast<std::size_t>(f)].c_str());
    if (out.layer->CreateField(&fd) != OGRERR_NONE)
      throw DataError("cannot copy field '" + wanted[static_cast<std::size_t>(f)] + "' into '" + output + "'");
    existing_names.push_back(out.layer->GetLayerDefn()->GetFieldDefn(f)->GetNameRef());
    if (existing_names.back() != wanted[static_cast<std::size_t>(f)])
      out.report.renamed_fields[wanted[static_cast<std::size_t>(f)]] = existing_names.back();
  }
  std::vector<int> result_fields = add_columns(out, existing_names, wanted, columns);

  // Units whose geometry the analysis excluded; any other null geometry was released after
  // the analysis (Layer::release_geometries) and is read again here, linear as read_layer made it.
  std::vector<char> excluded(source.geometries_released ? source.size() : 0, 0);
  for (const auto* list : {&source.empty_geometry, &source.invalid_geometry})
    for (std::size_t i : *list)
      if (i < excluded.size()) excluded[i] = 1;
  begin_transaction(out);
  std::size_t row = 0;
  src->ResetReading();
  for (auto& feature : *src) {
    if (row >= source.size()) throw DataError("'" + source.path + "' changed while it was analysed");
    OGRFeature copy(out.layer->GetLayerDefn());
    for (int f = 0; f < in_defn->GetFieldCount(); ++f) {
      OGRField* raw = feature->GetRawFieldRef(f);
      copy.SetField(f, raw);
    }
    const auto& geom = source.geometries[row];
    if (geom) {
      if (gtype == wkbMultiPolygon)
        copy.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(geom->clone()));
      else
        copy.SetGeometry(geom.get());
    } else if (const OGRGeometry* original = feature->GetGeometryRef(); original && gtype != wkbNone) {
      // Excluded from the analysis (unrepairable): the copy keeps the source geometry.
      const bool released = row < excluded.size() && !excluded[row];
      OGRGeometry* g = released && original->hasCurveGeometry() ? original->getLinearGeometry() : original->clone();
      copy.SetGeometryDirectly(gtype == wkbMultiPolygon ? OGRGeometryFactory::forceToMultiPolygon(g) : g);
    }
    for (std::size_t k = 0; k < columns.size(); ++k) set_value(copy, result_fields[k], columns[k], row);
    check_cancelled(opts, row);
    if (out.layer->CreateFeature(&copy) != OGRERR_NONE)
      throw DataError("cannot write feature " + source.ids[row] + " to '" + output + "': " + CPLGetLastErrorMsg());
    ++row;
  }
  if (row != source.size()) throw DataError("'" + source.path + "' changed while it was analysed");
  out.report.features = row;
  finish(out, staging, out_path, opts);
  return out.report;
}

WriteReport write_features(const std::string& output,
                           const std::vector<std::unique_ptr<OGRGeometry>>& geometries,
                           const OGRSpatialReference* crs, const std::vector<OutputColumn>& columns,
                           const WriteOptions& options) {
  ensure_gdal();
  check_sizes(columns, geometries.size());
  const fs::path out_path(output);
  check_output(out_path, options, "");
  StagingFolder staging = staging_for(out_path);
  OGRwkbGeometryType gtype = wkbNone;
  for (auto& g : geometries)
    if (g) {
      gtype = wkbFlatten(g->getGeometryType());
      break;
    }
  OpenedOutput out = open_output(out_path, staging, options, crs, gtype);
  std::vector<int> fields = add_columns(out, {}, {}, columns);
  begin_transaction(out);
  for (std::size_t row = 0; row < geometries.size(); ++row) {
    OGRFeature feature(out.layer->GetLayerDefn());
    if (geometries[row]) feature.SetGeometry(geometries[row].get());
    for (std::size_t k = 0; k < columns.size(); ++k) set_value(feature, fields[k], columns[k], row);
    check_cancelled(options, row);
    if (out.layer->CreateFeature(&feature) != OGRERR_NONE)
      throw DataError("cannot write feature " + std::to_string(row) + " to '" + output + "'");
  }
  out.report.features = geometries.size();
  finish(out, staging, out_path, options);
  return out.report;
}

}  // namespace rs::geo

namespace rs::geo {

bool multi_layer_format(const std::string& output, const WriteOptions& options) {
  const std::string driver = options.format.empty() ? driver_for_path(output) : options.format;
  return driver == "GPKG" || driver == "SQLite";
}

std::vector<WriteReport> write_feature_layers(const std::string& output, const std::vector<FeatureLayer>& layers,
                                              const OGRSpatialReference* crs, const WriteOptions& options) {
  ensure_gdal();
  if (layers.empty()) throw std::logic_error("write_feature_layers without layers");
  if (!multi_layer_format(output, options))
    throw UsageError("output '" + output + "' cannot hold several layers; use a .gpkg");
  for (auto& l : layers) check_sizes(l.columns, l.geometries.size());
  const fs::path out_path(output);
  check_output(out_path, options, "");
  StagingFolder staging = staging_for(out_path);
  auto geometry_type = [](const FeatureLayer& l) {
    for (auto& g : l.geometries)
      if (g) return wkbFlatten(g->getGeometryType());
    return wkbNone;
  };
  WriteOptions first = options;
  first.layer_name = layers[0].name;
  OpenedOutput out = open_output(out_path, staging, first, crs, geometry_type(layers[0]));
  std::vector<WriteReport> reports;
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const FeatureLayer& l = layers[k];
    if (k > 0) {
      CPLStringList lco;
      for (auto& o : options.creation_options) lco.AddString(o.c_str());
      out.layer = out.dataset->CreateLayer(l.name.c_str(), const_cast<OGRSpatialReference*>(crs),
                                           geometry_type(l), lco.List());
      if (!out.layer)
        throw DataError("cannot create layer '" + l.name + "' in '" + output + "': " + CPLGetLastErrorMsg());
      out.report.layer_name = out.layer->GetName();
      out.report.renamed_fields.clear();
    }
    std::vector<int> fields = add_columns(out, {}, {}, l.columns);
    begin_transaction(out);
    for (std::size_t row = 0; row < l.geometries.size(); ++row) {
      OGRFeature feature(out.layer->GetLayerDefn());
      if (l.geometries[row]) feature.SetGeometry(l.geometries[row].get());
      for (std::size_t c = 0; c < l.columns.size(); ++c) set_value(feature, fields[c], l.columns[c], row);
      check_cancelled(options, row);
      if (out.layer->CreateFeature(&feature) != OGRERR_NONE)
        throw DataError("cannot write feature " + std::to_string(row) + " of layer '" + l.name + "' to '" + output + "'");
    }
    if (k + 1 < layers.size() && out.dataset->TestCapability(ODsCTransactions)) out.dataset->CommitTransaction();
    out.report.features = l.geometries.size();
    reports.push_back(out.report);
  }
  finish(out, staging, out_path, first);
  return reports;
}

}  // namespace rs::geo
