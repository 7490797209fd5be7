#include "analysis/qgis_python.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "algorithms/errors.hpp"

namespace rs {
namespace {

namespace fs = std::filesystem;

std::string qgis_python() {
  const char* chosen = std::getenv("REGIONSTAT_QGIS_PYTHON");
  return chosen && *chosen ? chosen : "/usr/bin/python3";  // QGIS 3.22 on Debian embeds it
}

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  std::string text = os.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

ScriptFolder::ScriptFolder() {
  std::string pattern = (fs::temp_directory_path() / "regionstat-qgis.XXXXXX").string();
  if (!::mkdtemp(pattern.data()))
    throw DataError("cannot create a temporary folder in " + fs::temp_directory_path().string());
  path_ = pattern;
}

ScriptFolder::~ScriptFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string maps_script(const std::string& name) {
  const char* chosen = std::getenv("REGIONSTAT_MAPS_DIR");
  if (chosen && *chosen) return (fs::path(chosen) / name).string();
  const fs::path relative = fs::path("regionstat") / "maps" / name;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && fs::exists(exe.parent_path() / "qgis_plugin" / relative))
    return (exe.parent_path() / "qgis_plugin" / relative).string();
  const fs::path source = fs::path(__FILE__).parent_path().parent_path() / "plugin" / relative;
  if (fs::exists(source)) return source.string();
  throw DataError("plugin/regionstat/maps/" + name + " was not found; build the qgis_plugin target or set "
                  "REGIONSTAT_MAPS_DIR to the folder that holds it");
}

std::string run_qgis_script(const std::string& script, const std::vector<std::string>& args) {
  // Qt wants XDG_RUNTIME_DIR owned by the user with mode 0700; the script's errors go to a file.
  ScriptFolder folder;
  const fs::path runtime = folder.path() / "runtime";
  fs::create_directory(runtime);
  fs::permissions(runtime, fs::perms::owner_all, fs::perm_options::replace);
  const fs::path errors = folder.path() / "stderr.txt";
  std::string command = "QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=" + shell_quoted(runtime.string()) + " " +
                        shell_quoted(qgis_python()) + " " + shell_quoted(script);
  for (auto& a : args) command += " " + shell_quoted(a);
  command += " 2>" + shell_quoted(errors.string());

  std::string out;
  int status = -1;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    status = ::pclose(pipe);
  }
  const int code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 0) return out;
  const std::string message = read_text(errors);
  // 3: `import qgis` failed; 126/127: the shell could not run the interpreter.
  if (code == 3 || code == 126 || code == 127)
    throw DataError("QGIS and its Python (" + qgis_python() + ") are needed here: apt-get install qgis python3-qgis" +
                    (message.empty() ? "" : " (" + message + ")"));
  throw DataError(message.empty() ? "QGIS's Python failed running " + script : message);
}

}  // namespace rs
