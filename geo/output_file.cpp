#include "geo/output_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <unistd.h>

#include "algorithms/errors.hpp"

namespace fs = std::filesystem;

namespace rs::geo {

StagingFolder::StagingFolder(const fs::path& target_dir, const std::string& tag) : target_dir_(target_dir) {
  static std::atomic<int> counter{0};
  dir_ = target_dir_ / (tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::error_code ec;
  fs::create_directory(dir_, ec);
  if (ec) throw DataError("cannot write into folder '" + target_dir_.string() + "': " + ec.message());
}

StagingFolder::~StagingFolder() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void StagingFolder::commit(const fs::path& output, bool replace_shapefile) {
  if (replace_shapefile) {
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qml"}) {
      fs::path old = output;
      old.replace_extension(ext);
      std::error_code ec;
      fs::remove(old, ec);
    }
  }
  for (auto& entry : fs::directory_iterator(dir_)) {
    const fs::path dest = target_dir_ / entry.path().filename();
    std::error_code ec;
    fs::rename(entry.path(), dest, ec);
    if (ec) throw DataError("cannot move the result into '" + dest.string() + "': " + ec.message());
  }
}

void check_output_file(const std::string& path, bool overwrite, const std::vector<std::string>& inputs) {
  if (path.empty()) throw UsageError("an output path is empty");
  std::error_code ec;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, ec))
    throw DataError("cannot write '" + path + "': folder '" + folder.string() + "' does not exist");
  if (::access(folder.c_str(), W_OK) != 0)
    throw DataError("cannot write '" + path + "': folder '" + folder.string() + "' is not writable");
  for (const auto& input : inputs)
    if (!input.empty() && fs::exists(input, ec) && fs::exists(target, ec) && fs::equivalent(input, target, ec))
      throw DataError("output '" + path + "' is an input of this run; choose another output");
  if (fs::exists(target, ec) && !overwrite)
    throw DataError("output '" + path + "' already exists; use --overwrite to replace it");
}

std::string staged_path(const std::string& path) {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  char tag[32];
  std::snprintf(tag, sizeof tag, "%d.%08llx", static_cast<int>(::getpid()),
                static_cast<unsigned long long>(engine() & 0xffffffffULL));
  // Keep the extension last: renderers choose the format from it.
  return (folder / ("." + target.stem().string() + ".partial-" + tag + target.extension().string())).string();
}

void commit_staged_file(const std::string& staged, const std::string& path, bool overwrite) {
  std::error_code ec;
  if (!overwrite && fs::exists(path, ec)) {
    fs::remove(staged, ec);
    throw DataError("output '" + path + "' already exists; use --overwrite to replace it");
  }
  fs::rename(staged, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(staged, ignored);
    throw DataError("cannot move the finished output into place as '" + path + "': " + ec.message());
  }
}

void write_text_file(const std::string& path, const std::string& content, bool overwrite) {
  check_output_file(path, overwrite);
  const std::string staged = staged_path(path);
  std::FILE* f = std::fopen(staged.c_str(), "wb");
  if (!f) throw DataError("cannot write '" + path + "': " + std::strerror(errno));
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int write_errno = errno;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    std::error_code ec;
    fs::remove(staged, ec);
    throw DataError("cannot write '" + path + "': " + std::strerror(written ? errno : write_errno));
  }
  commit_staged_file(staged, path, overwrite);
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string markup_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace rs::geo
