// The `regionstat` command: one subcommand per registered algorithm, its options built from the
// algorithm's parameter definitions. Nothing here computes anything: it translates arguments,
// shows progress and prints the result (text, or JSON with --json).
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "algorithms/errors.hpp"
#include "analysis/algorithm.hpp"
#include "analysis/provenance.hpp"

namespace {

// The signal that asked the run to stop (SIGINT, SIGTERM or SIGHUP), 0 while none did. The run
// then stops at its next cancellation check (also during writes), its staged outputs are
// removed, and the exit status is the shell's 128 + signal.
std::atomic<int> interrupted{0};

extern "C" void on_interrupt(int signal_number) { interrupted = signal_number; }

// Progress on stderr: a rewritten line on a terminal, a line every 10 % otherwise; one line per
// task. A task starts with a report below the previous one (a task reports 0 % as it starts)
// and is done at 100 %; a repeated percent adds nothing, as tasks may report their end twice
// (the permutations: the last block, then the close). So a task must report its start: one
// whose first report is 100 % cannot be told from the previous task's end said again.
class TerminalFeedback : public rs::Feedback {
 public:
  TerminalFeedback(std::string task, bool quiet) : task_(std::move(task)), quiet_(quiet), tty_(::isatty(2)) {}
  ~TerminalFeedback() override { end_line(); }
  void progress(double fraction) override {
    if (quiet_) return;
    int percent = static_cast<int>(fraction * 100.0 + 1e-9);
    if (percent == last_percent_) return;
    if (percent < last_percent_ && !tty_ && open_line_) end_line();
    if (tty_) {
      std::fprintf(stderr, "\r%s: %3d%%", task_.c_str(), percent);
      open_line_ = percent < 100;
      if (!open_line_) std::fputc('\n', stderr);
    } else {
      // Not a terminal: GDAL's style, one line of "0...10...20..." per task.
      if (last_percent_ < 0 || percent < last_percent_) {
        end_line();
        std::fprintf(stderr, "%s: 0", task_.c_str());
        open_line_ = true;
        last_tick_ = 0;
      }
      for (int tick = last_tick_ + 10; tick <= percent; tick += 10) {
        std::fprintf(stderr, "...%d", tick);
        last_tick_ = tick;
      }
      if (percent >= 100) {
        std::fprintf(stderr, " - done.\n");
        open_line_ = false;
      }
    }
    std::fflush(stderr);
    last_percent_ = percent;
  }
  void info(const std::string& message) override {
    if (quiet_) return;
    end_line();
    std::fprintf(stderr, "%s\n", message.c_str());
  }
  void warning(const std::string& message) override {
    end_line();
    std::fprintf(stderr, "warning: %s\n", message.c_str());
  }
  bool cancelled() const override { return interrupted.load() != 0; }

 private:
  void end_line() {
    if (open_line_) std::fputc('\n', stderr);
    open_line_ = false;
  }
  std::string task_;
  bool quiet_;
  bool tty_;
  bool open_line_ = false;
  int last_percent_ = -1;
  int last_tick_ = 0;
};

// What --help shows as the value of an option: numbers as numbers, fields as fields.
const char* value_name(rs::ParamType type) {
  switch (type) {
    case rs::ParamType::Integer: return "INT";
    case rs::ParamType::Double: return "NUMBER";
    case rs::ParamType::Field: return "FIELD";
    case rs::ParamType::Fields: return "FIELD";
    case rs::ParamType::Enum: return "CHOICE";
    case rs::ParamType::InputLayer:
    case rs::ParamType::InputFile:
    case rs::ParamType::OutputLayer:
    case rs::ParamType::OutputFile: return "PATH";
    case rs::ParamType::Boolean:
    case rs::ParamType::String: break;
  }
  return "TEXT";
}

std::string option_name(const std::string& name) {
  std::string out = name;
  for (auto& c : out)
    if (c == '_') c = '-';
  return out;
}

struct Command {
  const rs::Algorithm* algorithm = nullptr;
  CLI::App* app = nullptr;
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, bool> flags;
  bool json = false;
  bool quiet = false;
};

void add_options(Command& command) {
  for (const rs::Parameter& p : command.algorithm->parameters()) {
    std::string description = p.label;
    if (p.type == rs::ParamType::Enum) {
      description += " (";
      for (std::size_t k = 0; k < p.choices.size(); ++k) description += (k ? "|" : "") + p.choices[k];
      description += ")";
    }
    if (!p.default_value.empty() && p.type != rs::ParamType::Boolean)
      description += " [default: " + p.default_value + "]";
    auto& store = command.values[p.name];
    if (p.positional) {
      // One value per positional parameter (join LAYER TABLE: the first must not take both),
      // or all of them for a list of inputs (convert a.shp b.shp).
      command.app->add_option(p.name, store, description)
          ->required(!p.optional)
          ->expected(1, p.multiple ? CLI::detail::expected_max_vector_size : 1)
          ->allow_extra_args(p.multiple)
          ->type_name(value_name(p.type));
      continue;
    }
    std::string flags = (p.short_flag.empty() ? "" : p.short_flag + ",") + "--" + option_name(p.name);
    if (p.type == rs::ParamType::Boolean) {
      command.app->add_flag(flags, command.flags[p.name], description);
    } else if (p.type == rs::ParamType::Fields) {
      command.app->add_option(flags, store, description)->allow_extra_args(false)->take_all()->type_name("FIELD");
    } else {
      command.app->add_option(flags, store, description)->expected(1)->type_name(value_name(p.type));
    }
  }
  command.app->add_flag("--json", command.json, "Print the result as JSON on stdout");
  command.app->add_flag("-q,--quiet", command.quiet, "No progress or information on stderr");
}

int run(Command& command) {
  rs::Arguments args = command.algorithm->arguments();
  for (auto& [name, list] : command.values)
    for (auto& v : list) args.add(name, v);
  for (auto& [name, on] : command.flags)
    if (on) args.set(name, "true");
  args.check_required();
  TerminalFeedback feedback(command.algorithm->name(), command.quiet);
  rs::Result result = command.algorithm->run(args, feedback);
  rs::record_input(args, result.summary);  // every --json names the data it read (for reports)
  if (command.json) {
    std::cout << result.summary.dump(2) << std::endl;
  } else {
    std::cout << result.report;
    if (!result.report.empty() && result.report.back() != '\n') std::cout << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"RegionStat: spatial statistics for regional development"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("regionstat ") + REGIONSTAT_VERSION);
  app.footer("Run `regionstat COMMAND --help` for the options of a command.");

  std::vector<std::unique_ptr<Command>> commands;
  for (auto& algorithm : rs::algorithms()) {
    auto command = std::make_unique<Command>();
    command->algorithm = algorithm.get();
    command->app = app.add_subcommand(algorithm->name(), algorithm->short_help());
    command->app->group(algorithm->group());
    std::string footer = "\n" + algorithm->help();
    const auto references = algorithm->references();
    if (!references.empty()) footer += "\nReferences:";
    for (const auto& reference : references) footer += "\n  " + reference;
    command->app->footer(footer);
    add_options(*command);
    commands.push_back(std::move(command));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal_number, on_interrupt);
  for (auto& command : commands) {
    if (!command->app->parsed()) continue;
    try {
      return run(*command);
    } catch (const rs::UsageError& e) {
      std::cerr << "regionstat " << command->algorithm->name() << ": " << e.what() << "\n";
      return 2;
    } catch (const rs::Cancelled&) {
      const int signal_number = interrupted.load() ? interrupted.load() : SIGINT;
      std::cerr << "regionstat " << command->algorithm->name() << ": interrupted ("
                << (signal_number == SIGTERM ? "SIGTERM" : signal_number == SIGHUP ? "SIGHUP" : "SIGINT")
                << "); nothing was written\n";
      return 128 + signal_number;
    } catch (const std::exception& e) {
      std::cerr << "regionstat " << command->algorithm->name() << ": " << e.what() << "\n";
      return 1;
    }
  }
  return 2;
}
