#include "analysis/figure.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "algorithms/errors.hpp"
#include "geo/output_file.hpp"

namespace fs = std::filesystem;

namespace rs {

std::string figures_dir() {
  if (const char* env = std::getenv("REGIONSTAT_FIGURES_DIR"); env && *env) return env;
  return REGIONSTAT_FIGURES_DIR;
}

namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

void render_figure(const std::string& script, const nlohmann::json& data, const std::string& output, bool overwrite,
                   Feedback& feedback) {
  std::string ext = fs::path(output).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext != ".png" && ext != ".svg" && ext != ".pdf")
    throw UsageError("figure '" + output + "': the extension must be .png, .svg or .pdf");
  geo::check_output_file(output, overwrite);
  const std::string script_path = (fs::path(figures_dir()) / (script + ".py")).string();
  if (!fs::exists(script_path)) throw DataError("figure script '" + script_path + "' is missing");
  if (!fs::exists("/usr/bin/python3"))
    throw DataError("figures need /usr/bin/python3 with matplotlib: apt-get install python3-matplotlib");

  const std::string staged = geo::staged_path(output);
  const std::string data_path = staged + ".json";
  geo::write_text_file(data_path, data.dump(), false);
  feedback.check_cancelled();
  // stderr of the script is captured into the error message.
  const std::string command = "MPLBACKEND=Agg /usr/bin/python3 " + shell_quote(script_path) + " " +
                              shell_quote(data_path) + " " + shell_quote(staged) + " " + ext.substr(1) + " 2>&1";
  std::string messages;
  int status = -1;
  if (std::FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) messages += buffer.data();
    status = ::pclose(pipe);
  }
  std::error_code ec;
  fs::remove(data_path, ec);
  if (status != 0 || !fs::exists(staged)) {
    fs::remove(staged, ec);
    while (!messages.empty() && (messages.back() == '\n' || messages.back() == '\r')) messages.pop_back();
    throw DataError("could not draw '" + output + "' (" + script + ".py): " +
                    (messages.empty() ? std::string("no message") : messages));
  }
  geo::commit_staged_file(staged, output, overwrite);
}

}  // namespace rs
