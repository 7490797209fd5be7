// Files other than layers (CSV tables, figures, reports): checked before any work and written
// through a staged path beside the target that is renamed into place only when complete, so
// an interrupted or failed run leaves nothing half written (the layer writer does the same for
// layers, geo/layer_writer.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rs::geo {

// A hidden folder inside `target_dir` (named `tag`-PID-N) that receives files while they are
// written; commit() moves them into place, and whatever is left is removed with the folder.
class StagingFolder {
 public:
  StagingFolder(const std::filesystem::path& target_dir, const std::string& tag);
  ~StagingFolder();
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;

  std::filesystem::path path_for(const std::filesystem::path& output) const { return dir_ / output.filename(); }
  // Moves every staged file into the target folder. With `replace_shapefile`, the old
  // companions of `output` go first, so no stale .cpg or index describes the new file.
  void commit(const std::filesystem::path& output, bool replace_shapefile);

 private:
  std::filesystem::path target_dir_;
  std::filesystem::path dir_;
};

// Throws DataError when `path` may not be written: its folder is missing, it exists and
// `overwrite` is false, or it is one of `inputs`.
void check_output_file(const std::string& path, bool overwrite, const std::vector<std::string>& inputs = {});

// A path beside `path` to write to first (same folder, so the final rename is atomic).
std::string staged_path(const std::string& path);

// Moves a staged file into place (replacing `path` only when `overwrite`); removes the staged
// file and throws DataError when that fails.
void commit_staged_file(const std::string& staged, const std::string& path, bool overwrite);

// Writes `content` to a staged file, checks every write and the close, and renames it into place.
void write_text_file(const std::string& path, const std::string& content, bool overwrite);

// One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break.
std::string csv_cell(const std::string& text);

// Text for HTML, SVG or XML (QGIS styles), in element content or a quoted attribute.
std::string markup_escape(const std::string& text);

}  // namespace rs::geo
