#include "geo/gpkg_copy.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <system_error>

#include <sqlite3.h>

#include "algorithms/errors.hpp"

namespace fs = std::filesystem;

namespace rs::geo {
namespace {

// The message a geometry that does not fit raises inside an UPDATE, to tell it from a failure.
constexpr const char* kUnfit = "regionstat: geometry not copied as is";

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string sql_name(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
struct FinalizeStatement {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

Database open_database(const fs::path& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  Database owned(db);
  if (rc != SQLITE_OK) return nullptr;
  sqlite3_extended_result_codes(db, 1);
  return owned;
}

Statement prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  return Statement(stmt);
}

std::string column_text(sqlite3_stmt* stmt, int column) {
  const unsigned char* text = sqlite3_column_text(stmt, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// What the copy needs to know of the layer's table.
struct TableInfo {
  std::string table;            // as stored in gpkg_contents
  std::string geometry_column;  // empty: none
  std::string geometry_type;    // gpkg_geometry_columns.geometry_type_name, upper case
  std::string fid_column;       // the INTEGER PRIMARY KEY
  std::string obstacle;         // why the copy does not apply; empty if it does
};

TableInfo inspect(sqlite3* db, const std::string& layer_name) {
  TableInfo info;
  Statement contents = prepare(db, "SELECT table_name, data_type FROM gpkg_contents");
  if (!contents) {
    info.obstacle = "no gpkg_contents table";
    return info;
  }
  while (sqlite3_step(contents.get()) == SQLITE_ROW) {
    const std::string name = column_text(contents.get(), 0);
    if (lower(name) == lower(layer_name)) {
      info.table = name;
      if (column_text(contents.get(), 1) != "features") info.obstacle = "not a feature table";
    } else if (lower(name) != "layer_styles") {
      info.obstacle = "the input holds other layers";
    }
  }
  if (info.table.empty() && info.obstacle.empty()) info.obstacle = "layer not found in gpkg_contents";
  if (!info.obstacle.empty()) return info;

  Statement geometry = prepare(db, "SELECT column_name, geometry_type_name, z, m FROM gpkg_geometry_columns "
                                   "WHERE lower(table_name) = lower(?1)");
  if (!geometry) {
    info.obstacle = "no gpkg_geometry_columns table";
    return info;
  }
  sqlite3_bind_text(geometry.get(), 1, info.table.c_str(), -1, SQLITE_TRANSIENT);
  int rows = 0;
  while (sqlite3_step(geometry.get()) == SQLITE_ROW) {
    ++rows;
    info.geometry_column = column_text(geometry.get(), 0);
    std::string type = column_text(geometry.get(), 1);
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    info.geometry_type = type;
    if (sqlite3_column_int(geometry.get(), 2) != 0 || sqlite3_column_int(geometry.get(), 3) != 0)
      info.obstacle = "Z or M coordinates";
  }
  if (rows != 1) info.obstacle = "not one geometry column";
  if (!info.obstacle.empty()) return info;

  Statement columns = prepare(db, "PRAGMA table_info(" + sql_name(info.table) + ")");
  int keys = 0;
  while (columns && sqlite3_step(columns.get()) == SQLITE_ROW) {
    if (sqlite3_column_int(columns.get(), 5) > 0) {
      ++keys;
      info.fid_column = column_text(columns.get(), 1);
      if (lower(column_text(columns.get(), 2)) != "integer") info.obstacle = "the primary key is not an integer";
    }
  }
  if (keys != 1) info.obstacle = "no single integer primary key";
  return info;
}

// Geometry types (WKB codes, 2D) that GDAL's writer would store unchanged for each kind of layer.
bool declared_type_fits(GeometryKind kind, const std::string& type) {
  if (type == "GEOMETRY") return true;
  switch (kind) {
    case GeometryKind::Point: return type == "POINT" || type == "MULTIPOINT";
    case GeometryKind::Line: return type == "LINESTRING" || type == "MULTILINESTRING";
    case GeometryKind::Polygon: return type == "POLYGON" || type == "MULTIPOLYGON";
    case GeometryKind::None: return false;
  }
  return false;
}

std::uint32_t read_u32(const unsigned char* p, bool little_endian) {
  return little_endian ? (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                          std::uint32_t{p[3]} << 24)
                       : (std::uint32_t{p[3]} | std::uint32_t{p[2]} << 8 | std::uint32_t{p[1]} << 16 |
                          std::uint32_t{p[0]} << 24);
}

void write_u32(unsigned char* p, std::uint32_t v, bool little_endian) {
  for (int k = 0; k < 4; ++k) p[little_endian ? k : 3 - k] = static_cast<unsigned char>(v >> (8 * k));
}

// SQL function rs_geometry(blob, kind): the GeoPackage geometry as the general writer would
// store it. Points and lines, and multipolygons, pass unchanged; a polygon is wrapped as a
// multipolygon of one part (same header, same bounding box); anything else (curves, Z or M,
// empty polygons, extended types) raises kUnfit so the caller falls back to GDAL.
void rs_geometry(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto kind = static_cast<GeometryKind>(sqlite3_value_int(argv[1]));
  const auto* blob = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
  const int size = sqlite3_value_bytes(argv[0]);
  static const int envelope_bytes[] = {0, 32, 48, 48, 64};
  if (sqlite3_value_type(argv[0]) != SQLITE_BLOB || size < 8 || blob[0] != 'G' || blob[1] != 'P') {
    sqlite3_result_error(ctx, kUnfit, -1);
    return;
  }
  const unsigned flags = blob[3];
  const unsigned envelope = (flags >> 1) & 7;
  const bool empty = (flags >> 4) & 1;
  const bool extended = (flags >> 5) & 1;
  if (envelope > 4 || extended) {
    sqlite3_result_error(ctx, kUnfit, -1);
    return;
  }
  const int header = 8 + envelope_bytes[envelope];
  if (size < header + 5 || blob[header] > 1) {
    sqlite3_result_error(ctx, kUnfit, -1);
    return;
  }
  const bool little = blob[header] == 1;
  const std::uint32_t type = read_u32(blob + header + 1, little);
  const bool unchanged = (kind == GeometryKind::Point && (type == 1 || type == 4)) ||
                         (kind == GeometryKind::Line && (type == 2 || type == 5)) ||
                         (kind == GeometryKind::Polygon && type == 6);
  if (unchanged) {
    sqlite3_result_value(ctx, argv[0]);
    return;
  }
  if (kind != GeometryKind::Polygon || type != 3 || empty) {
    sqlite3_result_error(ctx, kUnfit, -1);
    return;
  }
  std::string wrapped(static_cast<std::size_t>(size) + 9, '\0');
  auto* out = reinterpret_cast<unsigned char*>(wrapped.data());
  std::memcpy(out, blob, static_cast<std::size_t>(header));
  out[header] = little ? 1 : 0;
  write_u32(out + header + 1, 6, little);
  write_u32(out + header + 5, 1, little);
  std::memcpy(out + header + 9, blob + header, static_cast<std::size_t>(size - header));
  sqlite3_result_blob(ctx, wrapped.data(), static_cast<int>(wrapped.size()), SQLITE_TRANSIENT);
}

const char* sql_type(OutputColumn::Type type) {
  switch (type) {
    case OutputColumn::Type::Real: return "REAL";
    case OutputColumn::Type::Integer: return "INTEGER";
    case OutputColumn::Type::Text: return "TEXT";
  }
  return "TEXT";
}

// SQL function rs_result(k, fid): result column k's value for the feature `fid`, which is row
// fid - 1 (the copy applies only to layers whose feature ids are 1..n). The values are handed
// to SQLite as they are, without a statement bound and stepped per feature; an id outside
// 1..n raises kUnfit (the file changed since it was read).
void rs_result(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const auto& columns = *static_cast<const std::vector<OutputColumn>*>(sqlite3_user_data(ctx));
  const sqlite3_int64 k = sqlite3_value_int64(argv[0]);
  const sqlite3_int64 fid = sqlite3_value_int64(argv[1]);
  if (k < 0 || static_cast<std::size_t>(k) >= columns.size() || fid < 1 ||
      static_cast<std::uint64_t>(fid) > columns[static_cast<std::size_t>(k)].size()) {
    sqlite3_result_error(ctx, kUnfit, -1);
    return;
  }
  const OutputColumn& column = columns[static_cast<std::size_t>(k)];
  const auto row = static_cast<std::size_t>(fid - 1);
  switch (column.type) {
    case OutputColumn::Type::Real:
      if (std::isfinite(column.reals[row])) sqlite3_result_double(ctx, column.reals[row]);
      else sqlite3_result_null(ctx);
      break;
    case OutputColumn::Type::Integer:
      if (column.integers[row]) sqlite3_result_int64(ctx, *column.integers[row]);
      else sqlite3_result_null(ctx);
      break;
    case OutputColumn::Type::Text:
      if (column.texts[row])
        sqlite3_result_text(ctx, column.texts[row]->c_str(), static_cast<int>(column.texts[row]->size()),
                            SQLITE_STATIC);
      else
        sqlite3_result_null(ctx);
      break;
  }
}

// SQLite's progress handler: asks `cancelled` every few thousand virtual machine steps of the
// UPDATE; a true answer interrupts it (SQLITE_INTERRUPT).
int interrupt_when_cancelled(void* cancelled) {
  const auto& asked = *static_cast<const std::function<bool()>*>(cancelled);
  return asked && asked() ? 1 : 0;
}

// Runs statements that must succeed; a failure here is a write failure (disk full, ...).
void execute(sqlite3* db, const std::string& sql, const std::string& output) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string why = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    throw DataError("cannot write '" + output + "': " + why);
  }
}

// Polygon layers are declared MultiPolygon, as the general writer declares them: in
// gpkg_geometry_columns and in the geometry column's declared type in the table's SQL (which
// GDAL checks against it). Both names give the column the same (NUMERIC) affinity, so editing
// the stored SQL changes no stored value; the schema version is raised so SQLite reloads it.
// False when the column's declaration is not found once in the table's SQL.
bool declare_multipolygon(sqlite3* db, const TableInfo& info, const std::string& output) {
  Statement table = prepare(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1");
  if (!table) return false;
  sqlite3_bind_text(table.get(), 1, info.table.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(table.get()) != SQLITE_ROW) return false;
  std::string sql = column_text(table.get(), 0);
  table.reset();
  std::string declared;
  {
    Statement columns = prepare(db, "PRAGMA table_info(" + sql_name(info.table) + ")");
    while (columns && sqlite3_step(columns.get()) == SQLITE_ROW)
      if (column_text(columns.get(), 1) == info.geometry_column) declared = column_text(columns.get(), 2);
  }
  if (declared.empty()) return false;
  // The column as GDAL and most writers declare it: its quoted or bare name, then its type.
  const std::string lower_sql = lower(sql);
  std::size_t at = std::string::npos;
  std::size_t length = 0;
  int found = 0;
  const std::string type = lower(declared);
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (const std::string& name : {lower(sql_name(info.geometry_column)), lower(info.geometry_column)}) {
    for (std::size_t p = lower_sql.find(name); p != std::string::npos; p = lower_sql.find(name, p + 1)) {
      if (p > 0 && (word(lower_sql[p - 1]) || lower_sql[p - 1] == '"')) continue;
      std::size_t q = p + name.size();
      if (q < lower_sql.size() && (word(lower_sql[q]) || lower_sql[q] == '"')) continue;
      while (q < lower_sql.size() && std::isspace(static_cast<unsigned char>(lower_sql[q]))) ++q;
      if (lower_sql.compare(q, type.size(), type) != 0) continue;
      if (q + type.size() < lower_sql.size() && word(lower_sql[q + type.size()])) continue;
      ++found;
      at = q;
      length = type.size();
    }
  }
  if (found != 1) return false;
  sql.replace(at, length, "MULTIPOLYGON");

  int version = 0;
  {
    Statement get = prepare(db, "PRAGMA schema_version");
    if (!get || sqlite3_step(get.get()) != SQLITE_ROW) return false;
    version = sqlite3_column_int(get.get(), 0);
  }
  execute(db, "PRAGMA writable_schema = ON", output);
  Statement set = prepare(db, "UPDATE sqlite_master SET sql = ?1 WHERE type = 'table' AND name = ?2");
  if (!set) return false;
  sqlite3_bind_text(set.get(), 1, sql.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(set.get(), 2, info.table.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(set.get()) != SQLITE_DONE || sqlite3_changes(db) != 1)
    throw DataError("cannot write '" + output + "': " + sqlite3_errmsg(db));
  set.reset();
  execute(db, "PRAGMA schema_version = " + std::to_string(version + 1) + "; PRAGMA writable_schema = OFF", output);

  Statement geometry = prepare(db, "UPDATE gpkg_geometry_columns SET geometry_type_name = 'MULTIPOLYGON' "
                                   "WHERE lower(table_name) = lower(?1)");
  if (!geometry) return false;
  sqlite3_bind_text(geometry.get(), 1, info.table.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(geometry.get()) != SQLITE_DONE)
    throw DataError("cannot write '" + output + "': " + sqlite3_errmsg(db));
  return true;
}

}  // namespace

std::string gpkg_copy_obstacle(const Layer& source, const std::string& output, const WriteOptions& options) {
  if (source.driver != "GPKG") return "the input is not a GeoPackage";
  const std::string format = options.format.empty() ? driver_for_path(output) : options.format;
  if (format != "GPKG") return "the output is not a GeoPackage";
  if (!options.creation_options.empty()) return "layer creation options";
  if (!source.options.where.empty()) return "a feature filter";
  if (!source.options.assign_crs.empty()) return "an assigned CRS";
  if (source.path.rfind("/vsi", 0) == 0) return "a virtual file";
  if (source.kind == GeometryKind::None) return "no geometry";
  for (std::size_t i = 0; i < source.fids.size(); ++i)
    if (source.fids[i] != static_cast<std::int64_t>(i) + 1) return "feature ids other than 1..n";
  std::error_code ec;
  if (!fs::is_regular_file(source.path, ec)) return "not a regular file";
  // Changes not yet checkpointed into the file itself would not be copied.
  if (fs::exists(source.path + "-wal", ec) || fs::exists(source.path + "-journal", ec))
    return "a pending SQLite journal";

  Database db = open_database(source.path, SQLITE_OPEN_READONLY);
  if (!db) return "not readable by SQLite";
  const TableInfo info = inspect(db.get(), source.layer_name);
  if (!info.obstacle.empty()) return info.obstacle;
  if (!declared_type_fits(source.kind, info.geometry_type)) return "geometry type " + info.geometry_type;
  return "";
}

bool append_columns_to_gpkg_copy(const Layer& source, const fs::path& staged, const std::string& output,
                                 const std::vector<OutputColumn>& columns, const std::function<bool()>& cancelled) {
  std::error_code ec;
  fs::copy_file(source.path, staged, fs::copy_options::overwrite_existing, ec);
  if (ec) throw DataError("cannot write '" + output + "': " + ec.message());

  Database db = open_database(staged, SQLITE_OPEN_READWRITE);
  if (!db) throw DataError("cannot write '" + output + "': SQLite cannot open the copy");
  const TableInfo info = inspect(db.get(), source.layer_name);
  if (!info.obstacle.empty()) return false;
  for (const auto& column : columns)
    if (lower(column.name) == lower(info.geometry_column) || lower(column.name) == lower(info.fid_column))
      return false;
  if (sqlite3_create_function(db.get(), "rs_geometry", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                              &rs_geometry, nullptr, nullptr) != SQLITE_OK)
    return false;

  // The copy is a scratch file until it is moved into place: no rollback journal is needed.
  execute(db.get(), "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;", output);
  execute(db.get(), "BEGIN", output);

  // The table's triggers keep the R-tree and the feature count up to date through GDAL's SQL
  // functions, which plain SQLite lacks; they are set aside while the rows are updated (the
  // bounding boxes do not change) and put back as they were.
  std::vector<std::string> triggers;
  {
    Statement list = prepare(db.get(), "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                                       "lower(tbl_name) = lower(?1)");
    if (!list) return false;
    sqlite3_bind_text(list.get(), 1, info.table.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::string> names;
    while (sqlite3_step(list.get()) == SQLITE_ROW) {
      names.push_back(column_text(list.get(), 0));
      triggers.push_back(column_text(list.get(), 1));
    }
    list.reset();
    for (const auto& name : names) execute(db.get(), "DROP TRIGGER " + sql_name(name), output);
  }

  for (const auto& column : columns)
    execute(db.get(), "ALTER TABLE " + sql_name(info.table) + " ADD COLUMN " + sql_name(column.name) + " " +
                          sql_type(column.type),
            output);

  // One UPDATE over the whole table, in rowid order (a statement per feature, bound and
  // looked up by fid, took twice as long on a million features).
  if (sqlite3_create_function(db.get(), "rs_result", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                              const_cast<std::vector<OutputColumn>*>(&columns), &rs_result, nullptr,
                              nullptr) != SQLITE_OK)
    return false;
  std::string sql = "UPDATE " + sql_name(info.table) + " SET " + sql_name(info.geometry_column) + " = rs_geometry(" +
                    sql_name(info.geometry_column) + ", " + std::to_string(static_cast<int>(source.kind)) + ")";
  for (std::size_t k = 0; k < columns.size(); ++k)
    sql += ", " + sql_name(columns[k].name) + " = rs_result(" + std::to_string(k) + ", " +
           sql_name(info.fid_column) + ")";
  Statement update = prepare(db.get(), sql);
  if (!update) throw DataError("cannot write '" + output + "': " + sqlite3_errmsg(db.get()));
  if (cancelled && cancelled()) throw Cancelled();
  sqlite3_progress_handler(db.get(), 100000, &interrupt_when_cancelled, const_cast<std::function<bool()>*>(&cancelled));
  const int rc = sqlite3_step(update.get());
  sqlite3_progress_handler(db.get(), 0, nullptr, nullptr);
  if (rc == SQLITE_INTERRUPT) throw Cancelled();
  if (rc != SQLITE_DONE) {
    const std::string why = sqlite3_errmsg(db.get());
    if (why == kUnfit) return false;
    throw DataError("cannot write '" + output + "': " + why);
  }
  // Every feature read was found, and no other (the file changed since it was read otherwise).
  if (sqlite3_changes64(db.get()) != static_cast<sqlite3_int64>(source.size())) return false;
  update.reset();
  {
    Statement last = prepare(db.get(), "SELECT max(" + sql_name(info.fid_column) + ") FROM " + sql_name(info.table));
    if (!last || sqlite3_step(last.get()) != SQLITE_ROW ||
        sqlite3_column_int64(last.get(), 0) != static_cast<sqlite3_int64>(source.size()))
      return false;
  }

  if (source.kind == GeometryKind::Polygon && info.geometry_type != "MULTIPOLYGON" &&
      !declare_multipolygon(db.get(), info, output))
    return false;
  for (const auto& trigger : triggers) execute(db.get(), trigger, output);
  execute(db.get(), "COMMIT", output);
  sqlite3* raw = db.release();
  if (sqlite3_close(raw) != SQLITE_OK) {
    const std::string why = sqlite3_errmsg(raw);
    sqlite3_close_v2(raw);
    throw DataError("cannot write '" + output + "': " + why);
  }
  return true;
}

}  // namespace rs::geo
