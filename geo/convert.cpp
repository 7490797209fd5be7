#include "geo/convert.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <glob.h>
#include <ogrsf_frmts.h>

#include "algorithms/errors.hpp"
#include "geo/layer.hpp"
#include "geo/layer_writer.hpp"
#include "geo/output_file.hpp"

namespace fs = std::filesystem;

namespace rs::geo {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Files a folder input contributes: the vector formats GDAL reads from one file. Shapefile
// companions (.dbf, .shx, ...) are parts of their .shp, not inputs of their own.
bool vector_file_extension(const fs::path& path) {
  static const std::set<std::string> extensions{".shp", ".gpkg", ".geojson", ".json", ".fgb", ".gml", ".kml",
                                                ".sqlite", ".tab", ".mif", ".csv", ".xlsx", ".ods", ".geojsonl"};
  return extensions.count(lower(path.extension().string())) > 0;
}

std::string extension_for_driver(const std::string& driver) {
  static const std::map<std::string, std::string> known{
      {"GPKG", ".gpkg"}, {"ESRI Shapefile", ".shp"}, {"GeoJSON", ".geojson"}, {"FlatGeobuf", ".fgb"},
      {"CSV", ".csv"},   {"GML", ".gml"},            {"KML", ".kml"},         {"SQLite", ".sqlite"},
      {"MapInfo File", ".tab"}, {"GeoJSONSeq", ".geojsonl"}};
  auto it = known.find(driver);
  if (it != known.end()) return it->second;
  GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  const char* ext = d ? d->GetMetadataItem(GDAL_DMD_EXTENSION) : nullptr;
  if (!ext || !*ext) throw UsageError("format '" + driver + "' has no file extension; choose another -f");
  return std::string(".") + ext;
}

// GDAL's messages for one conversion, kept instead of printed: the report shows them per file.
// CPL error handlers are per thread, so parallel conversions keep their messages apart.
class MessageCollector {
 public:
  MessageCollector() { CPLPushErrorHandlerEx(&MessageCollector::collect, this); }
  ~MessageCollector() { CPLPopErrorHandler(); }
  MessageCollector(const MessageCollector&) = delete;
  MessageCollector& operator=(const MessageCollector&) = delete;
  const std::string& first_error() const { return first_error_; }
  // At most a few: a warning repeated for every feature would drown the report.
  std::vector<std::string> warnings() const {
    std::vector<std::string> out = warnings_;
    if (warning_count_ > warnings_.size())
      out.push_back("... and " + std::to_string(warning_count_ - warnings_.size()) + " more warning(s)");
    return out;
  }

 private:
  static constexpr std::size_t kMaxWarnings = 5;
  static void CPL_STDCALL collect(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<MessageCollector*>(CPLGetErrorHandlerUserData());
    const std::string text = message ? message : "";
    if (level >= CE_Failure && self->first_error_.empty()) self->first_error_ = text;
    if (level != CE_Warning) return;
    if (self->warnings_.size() < kMaxWarnings) self->warnings_.push_back(text);
    ++self->warning_count_;
  }
  std::string first_error_;
  std::vector<std::string> warnings_;
  std::size_t warning_count_ = 0;
};

std::string describe_crs(const OGRSpatialReference* crs) {
  if (!crs) return "none";
  const char* authority = crs->GetAuthorityName(nullptr);
  const char* code = crs->GetAuthorityCode(nullptr);
  std::string name = crs->GetName() ? crs->GetName() : "unnamed";
  if (authority && code) return std::string(authority) + ":" + code + " (" + name + ")";
  return name;
}

// Opens an input read-only; a Shapefile without .cpg is decoded as `encoding` when given.
// `encoding_used` says how the attributes will be decoded, for the report.
GDALDatasetUniquePtr open_input(const std::string& file, const std::string& encoding, std::string& encoding_used) {
  const bool shapefile = lower(fs::path(file).extension().string()) == ".shp";
  fs::path cpg = file;
  cpg.replace_extension(".cpg");
  std::error_code ec;
  const bool has_cpg = shapefile && (fs::exists(cpg, ec) || fs::exists(fs::path(file).replace_extension(".CPG"), ec));
  CPLStringList open_options;
  if (!shapefile) {
    encoding_used = "as the format defines (UTF-8)";
  } else if (has_cpg) {
    encoding_used = "from .cpg";
  } else if (!encoding.empty()) {
    encoding_used = encoding;
    open_options.AddNameValue("ENCODING", encoding.c_str());
  } else {
    encoding_used = "as the .dbf declares (no .cpg; give --encoding GBK if Chinese text is garbled)";
  }
  return GDALDatasetUniquePtr(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                open_options.List(), nullptr));
}

struct Conversion {
  ConvertedLayer row;
  bool source_has_crs = false;
  bool promote_to_multi = false;  // a Shapefile's polygons or lines: parts and wholes mixed
};

class TranslateOptions {
 public:
  // GDAL takes the argument list as non-const but only reads it.
  explicit TranslateOptions(CPLStringList& argv) : options_(GDALVectorTranslateOptionsNew(argv.List(), nullptr)) {
    if (!options_) throw UsageError("invalid conversion options: " + std::string(CPLGetLastErrorMsg()));
  }
  ~TranslateOptions() { GDALVectorTranslateOptionsFree(options_); }
  TranslateOptions(const TranslateOptions&) = delete;
  TranslateOptions& operator=(const TranslateOptions&) = delete;
  GDALVectorTranslateOptions* get() const { return options_; }

 private:
  GDALVectorTranslateOptions* options_;
};

struct ProgressState {
  Feedback* feedback;
  double start;
  double share;
};

int CPL_STDCALL report_progress(double fraction, const char*, void* data) {
  auto* state = static_cast<ProgressState*>(data);
  if (state->feedback->cancelled()) return FALSE;
  state->feedback->progress(state->start + state->share * fraction);
  return TRUE;
}

CPLStringList translate_arguments(const Conversion& c, const std::string& driver, const ConvertOptions& options,
                                  bool new_dataset) {
  CPLStringList argv;
  if (new_dataset) {
    argv.AddString("-f");
    argv.AddString(driver.c_str());
  }
  argv.AddString("-nln");
  argv.AddString(c.row.output_layer.c_str());
  if (!c.source_has_crs && !options.assumed_crs.empty()) {
    argv.AddString(options.target_crs.empty() ? "-a_srs" : "-s_srs");
    argv.AddString(options.assumed_crs.c_str());
  }
  if (!options.target_crs.empty()) {
    argv.AddString("-t_srs");
    argv.AddString(options.target_crs.c_str());
  }
  if (c.promote_to_multi) {
    argv.AddString("-nlt");
    argv.AddString("PROMOTE_TO_MULTI");
  }
  bool encoding_given = false;
  for (auto& lco : options.creation_options) {
    argv.AddString("-lco");
    argv.AddString(lco.c_str());
    if (lower(lco).rfind("encoding=", 0) == 0) encoding_given = true;
  }
  if (driver == "ESRI Shapefile" && !encoding_given) {
    argv.AddString("-lco");
    argv.AddString("ENCODING=UTF-8");
  }
  argv.AddString(c.row.layer.c_str());  // the one source layer to translate
  return argv;
}

// Translates one layer into `destination` (a new file) or into `dataset` (an open one).
// Returns the written dataset (new file) or `dataset`; throws DataError with GDAL's message.
GDALDataset* translate(Conversion& c, GDALDataset* source, const std::string& driver,
                       const ConvertOptions& options, const std::string& destination, GDALDataset* dataset,
                       ProgressState& progress) {
  CPLStringList argv = translate_arguments(c, driver, options, dataset == nullptr);
  TranslateOptions translate_options(argv);
  GDALVectorTranslateOptionsSetProgress(translate_options.get(), report_progress, &progress);
  MessageCollector messages;
  GDALDatasetH source_handle = GDALDataset::ToHandle(source);
  int usage_error = FALSE;
  GDALDatasetH written = GDALVectorTranslate(dataset ? nullptr : destination.c_str(), GDALDataset::ToHandle(dataset),
                                             1, &source_handle, translate_options.get(), &usage_error);
  if (progress.feedback->cancelled()) {
    if (written && !dataset) GDALClose(written);
    throw Cancelled();
  }
  if (!written || !messages.first_error().empty()) {
    if (written && !dataset) GDALClose(written);
    throw DataError(messages.first_error().empty() ? "GDAL could not convert the layer" : messages.first_error());
  }
  c.row.notes = messages.warnings();
  GDALDataset* out = GDALDataset::FromHandle(written);
  OGRLayer* layer = out->GetLayerByName(c.row.output_layer.c_str());
  if (!layer) {
    if (!dataset) GDALClose(written);
    throw DataError("the converted layer is missing from the output");
  }
  c.row.features = static_cast<std::size_t>(std::max<GIntBig>(0, layer->GetFeatureCount()));
  c.row.output_crs = describe_crs(layer->GetSpatialRef());
  return out;
}

// Closes a dataset and reports the errors of the final write.
void close_dataset(GDALDataset* dataset) {
  MessageCollector messages;
  GDALClose(GDALDataset::ToHandle(dataset));
  if (!messages.first_error().empty()) throw DataError("cannot finish the output: " + messages.first_error());
}

// Opens every input once to list its layers and name its outputs; inputs that cannot be
// opened get their error now.
std::vector<Conversion> plan(const std::vector<std::string>& files, const fs::path& output, bool into_file,
                             const std::string& extension, const ConvertOptions& options) {
  std::vector<Conversion> out;
  std::map<std::string, std::string> taken;  // output name -> input that claimed it
  for (auto& file : files) {
    std::string encoding_used;
    GDALDatasetUniquePtr source;
    {
      MessageCollector messages;
      source = open_input(file, options.encoding, encoding_used);
      if (!source) {
        Conversion failed;
        failed.row.input = file;
        failed.row.error = "cannot open: " + (messages.first_error().empty() ? std::string("not a vector format GDAL reads")
                                                                             : messages.first_error());
        out.push_back(failed);
        continue;
      }
    }
    std::vector<OGRLayer*> layers;
    for (int k = 0; k < source->GetLayerCount(); ++k) {
      OGRLayer* layer = source->GetLayer(k);
      if (options.layer_pattern.empty() || wildcard_match(options.layer_pattern, layer->GetName()))
        layers.push_back(layer);
    }
    if (layers.empty()) {
      Conversion failed;
      failed.row.input = file;
      failed.row.error = options.layer_pattern.empty() ? "has no layer"
                                                       : "has no layer matching '" + options.layer_pattern + "'";
      out.push_back(failed);
      continue;
    }
    const std::string stem = fs::path(file).stem().string();
    for (OGRLayer* layer : layers) {
      Conversion c;
      c.row.input = file;
      c.row.layer = layer->GetName();
      c.row.encoding = encoding_used;
      c.row.output_layer = source->GetLayerCount() > 1 ? stem + "_" + c.row.layer : stem;
      c.row.output = into_file ? output.string() : (output / (c.row.output_layer + extension)).string();
      c.source_has_crs = layer->GetSpatialRef() != nullptr;
      c.row.source_crs = describe_crs(layer->GetSpatialRef());
      const auto type = wkbFlatten(layer->GetGeomType());
      c.promote_to_multi = source->GetDriver() && std::string(source->GetDriver()->GetDescription()) == "ESRI Shapefile" &&
                           (type == wkbPolygon || type == wkbLineString);
      const std::string key = lower(into_file ? c.row.output_layer : c.row.output);
      auto [it, fresh] = taken.emplace(key, file);
      if (!fresh) c.row.error = "output name '" + c.row.output_layer + "' is already made from '" + it->second + "'";
      out.push_back(c);
    }
  }
  return out;
}

// The checks before any work: nothing replaced without overwrite, no input overwritten.
void check_outputs(const std::vector<Conversion>& plan, const fs::path& output, bool into_file,
                   const ConvertOptions& options) {
  std::error_code ec;
  std::vector<std::string> existing;
  for (auto& c : plan) {
    if (!c.row.error.empty() && c.row.layer.empty()) continue;
    const fs::path target = c.row.output;
    if (fs::exists(target, ec) && fs::exists(c.row.input, ec) && fs::equivalent(target, c.row.input, ec))
      throw UsageError("output '" + target.string() + "' is the input; RegionStat never modifies its input - "
                       "choose another output");
    if (!into_file && fs::exists(target, ec)) existing.push_back(target.string());
  }
  if (into_file && fs::exists(output, ec)) existing.push_back(output.string());
  if (!existing.empty() && !options.overwrite) {
    std::string list;
    for (std::size_t k = 0; k < existing.size() && k < 5; ++k) list += (k ? ", '" : "'") + existing[k] + "'";
    if (existing.size() > 5) list += " and " + std::to_string(existing.size() - 5) + " more";
    throw DataError("output " + list + " already exist" + (existing.size() == 1 ? "s" : "") +
                    "; use --overwrite to replace " + (existing.size() == 1 ? "it" : "them"));
  }
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (auto& input : inputs) {
    std::error_code ec;
    if (input.rfind("/vsi", 0) == 0) {
      files.push_back(input);
    } else if (fs::is_directory(input, ec)) {
      std::vector<std::string> inside;
      for (auto& entry : fs::directory_iterator(input, ec))
        if (entry.is_regular_file(ec) && vector_file_extension(entry.path())) inside.push_back(entry.path().string());
      if (inside.empty()) throw DataError("folder '" + input + "' holds no vector file (.shp, .gpkg, .geojson, ...)");
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else if (fs::exists(input, ec)) {
      files.push_back(input);  // a name with [ or * that exists is that file, not a glob
    } else if (input.find_first_of("*?[") != std::string::npos) {
      glob_t matches{};
      const int status = ::glob(input.c_str(), 0, nullptr, &matches);
      std::vector<std::string> found;
      if (status == 0)
        for (std::size_t k = 0; k < matches.gl_pathc; ++k) found.emplace_back(matches.gl_pathv[k]);
      ::globfree(&matches);
      if (found.empty()) throw DataError("no file matches '" + input + "'");
      files.insert(files.end(), found.begin(), found.end());
    } else {
      throw DataError("input '" + input + "' does not exist");
    }
  }
  // An input named twice (a file and a glob that matches it) is converted once.
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& f : files)
    if (seen.insert(fs::weakly_canonical(f).string()).second) unique.push_back(f);
  return unique;
}

bool output_is_file(const std::string& output, const ConvertOptions& options) {
  std::error_code ec;
  if (fs::is_directory(output, ec)) return false;
  if (!options.format.empty()) return fs::path(output).has_extension();
  try {
    driver_for_path(output);
    return true;
  } catch (const UsageError&) {
    return false;
  }
}

std::vector<ConvertedLayer> convert_layers(const std::vector<std::string>& files, const std::string& output,
                                           const ConvertOptions& options, Feedback& feedback) {
  ensure_gdal();
  if (output.empty()) throw UsageError("no output given (-o FOLDER or -o FILE.gpkg)");
  const bool into_file = output_is_file(output, options);
  const std::string driver = !options.format.empty() ? options.format : into_file ? driver_for_path(output) : "GPKG";
  GDALDriver* gdal_driver = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  if (!gdal_driver || !gdal_driver->GetMetadataItem(GDAL_DCAP_CREATE))
    throw UsageError("format '" + driver + "' cannot be written (try GPKG, \"ESRI Shapefile\", GeoJSON, FlatGeobuf)");
  for (const std::string* crs : {&options.target_crs, &options.assumed_crs}) {
    OGRSpatialReference check;
    if (!crs->empty() && check.SetFromUserInput(crs->c_str()) != OGRERR_NONE)
      throw UsageError("unknown CRS '" + *crs + "' (e.g. EPSG:4490 for CGCS2000, EPSG:4527 for its 3-degree zone 39)");
  }
  const fs::path out_path(output);
  const std::string extension = into_file ? out_path.extension().string() : extension_for_driver(driver);
  std::vector<Conversion> conversions = plan(files, out_path, into_file, extension, options);
  std::size_t pending = 0;
  for (auto& c : conversions) pending += c.row.error.empty() ? 1 : 0;
  const bool multi_layer = driver == "GPKG" || driver == "SQLite";
  if (into_file && !multi_layer && pending > 1)
    throw UsageError("output '" + output + "' holds one layer but " + std::to_string(pending) +
                     " layers are to be converted; give a folder or a .gpkg as -o");
  check_outputs(conversions, out_path, into_file, options);
  const fs::path folder = into_file ? (out_path.has_parent_path() ? out_path.parent_path() : fs::path(".")) : out_path;
  std::error_code ec;
  if (!into_file) fs::create_directories(folder, ec);
  if (!fs::is_directory(folder, ec)) throw DataError("cannot write into folder '" + folder.string() + "'");

  const double share = conversions.empty() ? 1.0 : 1.0 / static_cast<double>(conversions.size());
  if (into_file) {
    // One dataset with a layer per input, moved into place once, with the layers that converted.
    StagingFolder staging(folder, ".regionstat-convert");
    const fs::path staged = staging.path_for(out_path);
    GDALDataset* dataset = nullptr;
    std::size_t written = 0;
    for (std::size_t k = 0; k < conversions.size(); ++k) {
      Conversion& c = conversions[k];
      if (!c.row.error.empty()) continue;
      ProgressState progress{&feedback, static_cast<double>(k) * share, share};
      std::string encoding_used;
      GDALDatasetUniquePtr source = open_input(c.row.input, options.encoding, encoding_used);
      try {
        if (!source) throw DataError("cannot open it again");
        dataset = translate(c, source.get(), driver, options, staged.string(), dataset, progress);
        ++written;
      } catch (const DataError& e) {
        c.row.error = e.what();
        // A layer that failed half way is taken out of the dataset.
        for (int l = 0; dataset && l < dataset->GetLayerCount(); ++l)
          if (c.row.output_layer == dataset->GetLayer(l)->GetName()) dataset->DeleteLayer(l);
      } catch (...) {
        if (dataset) GDALClose(GDALDataset::ToHandle(dataset));
        throw;
      }
    }
    if (dataset) close_dataset(dataset);
    feedback.check_cancelled();
    if (written > 0) staging.commit(out_path, options.overwrite && driver == "ESRI Shapefile");
  } else {
    for (std::size_t k = 0; k < conversions.size(); ++k) {
      Conversion& c = conversions[k];
      if (!c.row.error.empty()) continue;
      ProgressState progress{&feedback, static_cast<double>(k) * share, share};
      StagingFolder staging(folder, ".regionstat-convert");
      const fs::path target(c.row.output);
      std::string encoding_used;
      GDALDatasetUniquePtr source = open_input(c.row.input, options.encoding, encoding_used);
      try {
        if (!source) throw DataError("cannot open it again");
        close_dataset(translate(c, source.get(), driver, options, staging.path_for(target).string(), nullptr, progress));
        feedback.check_cancelled();
        staging.commit(target, options.overwrite && driver == "ESRI Shapefile");
      } catch (const DataError& e) {
        c.row.error = e.what();
      }
    }
  }
  feedback.progress(1.0);
  std::vector<ConvertedLayer> rows;
  for (auto& c : conversions) rows.push_back(c.row);
  return rows;
}

}  // namespace rs::geo
