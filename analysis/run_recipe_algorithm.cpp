// `regionstat run RECIPE`: the steps of a recipe on each of its inputs, inputs in parallel.
//
// Each input is independent: its outputs are written into a staging folder inside the output
// folder and moved into place together once all its steps have succeeded, so a failing or
// interrupted input leaves nothing behind and the other inputs go on.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/display_text.hpp"
#include "analysis/provenance.hpp"
#include "analysis/recipe.hpp"
#include "analysis/step_timer.hpp"

namespace fs = std::filesystem;

namespace rs {
namespace {

// Progress and messages of the whole batch, shared by the worker threads.
class BatchFeedback {
 public:
  BatchFeedback(Feedback& parent, std::size_t inputs) : parent_(parent), inputs_(inputs) {}
  bool cancelled() const { return parent_.cancelled(); }
  void input_done(const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    parent_.info(message);
    parent_.progress(static_cast<double>(done_) / static_cast<double>(inputs_));
  }

 private:
  Feedback& parent_;
  std::size_t inputs_;
  std::size_t done_ = 0;
  std::mutex mutex_;
};

// The feedback the steps of one input see: warnings kept for the summary, cancel from the batch.
class InputFeedback : public Feedback {
 public:
  explicit InputFeedback(const BatchFeedback& batch) : batch_(batch) {}
  void warning(const std::string& message) override { warnings.push_back(prefix + message); }
  bool cancelled() const override { return batch_.cancelled(); }
  std::vector<std::string> warnings;
  std::string prefix;  // the step the next warnings come from

 private:
  const BatchFeedback& batch_;
};

struct InputOutcome {
  std::string input;
  std::size_t steps_done = 0;
  std::size_t steps_total = 0;
  std::vector<std::string> outputs;  // final paths, once committed
  std::vector<std::string> warnings;
  std::string error;
  bool started = false;
  bool cancelled = false;
  nlohmann::json steps = nlohmann::json::array();
};

// A hidden folder in the output folder holding one input's outputs until all are written.
class InputStaging {
 public:
  explicit InputStaging(const fs::path& output_dir) : output_dir_(output_dir) {
    static std::atomic<int> counter{0};
    dir_ = output_dir_ / (".regionstat-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw DataError("cannot write into folder '" + output_dir_.string() + "': " + ec.message());
  }
  ~InputStaging() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  InputStaging(const InputStaging&) = delete;
  InputStaging& operator=(const InputStaging&) = delete;

  // Where an output (relative to the output folder) is written first; its folder is made.
  std::string staged(const std::string& relative) const {
    const fs::path path = dir_ / relative;
    fs::create_directories(path.parent_path());
    return path.string();
  }

  // Moves every staged file into place; checks first that none would replace a file without
  // `overwrite`, so a refused input moves nothing. Returns the final paths.
  std::vector<std::string> commit(bool overwrite) {
    std::vector<std::pair<fs::path, fs::path>> moves;
    for (auto& entry : fs::recursive_directory_iterator(dir_))
      if (entry.is_regular_file()) moves.emplace_back(entry.path(), output_dir_ / fs::relative(entry.path(), dir_));
    std::error_code ec;
    for (auto& [from, to] : moves)
      if (!overwrite && fs::exists(to, ec))
        throw DataError("output '" + to.string() + "' already exists; use --overwrite to replace it");
    std::vector<std::string> written;
    for (auto& [from, to] : moves) {
      fs::create_directories(to.parent_path(), ec);
      fs::rename(from, to, ec);
      if (ec) throw DataError("cannot move the result into '" + to.string() + "': " + ec.message());
      written.push_back(to.string());
    }
    return written;
  }

 private:
  fs::path output_dir_;
  fs::path dir_;
};

// Runs every planned step of one input; the outcome holds the error of the step that failed.
void run_input(const std::vector<PlannedStep>& plan, const fs::path& output_dir, bool overwrite,
               const BatchFeedback& batch, InputOutcome& outcome) {
  outcome.started = true;
  outcome.steps_total = plan.size();
  InputFeedback feedback(batch);
  try {
    // The check before any work: the outputs this input will write.
    std::error_code ec;
    for (auto& step : plan)
      for (auto& [name, path] : step.outputs)
        if (!overwrite && fs::exists(output_dir / path, ec))
          throw DataError("output '" + (output_dir / path).string() + "' already exists; use --overwrite to replace it");
    InputStaging staging(output_dir);
    for (auto& step : plan) {
      feedback.check_cancelled();
      const Algorithm* algorithm = find_algorithm(step.algorithm);
      if (!algorithm) throw UsageError("no command '" + step.algorithm + "'");
      Arguments args = algorithm->arguments();
      args.set(step.input_parameter, step.input_is_output ? staging.staged(step.input) : step.input);
      for (auto& [name, values] : step.values)
        for (auto& v : values) args.add(name, v);
      for (auto& [name, path] : step.outputs) args.set(name, staging.staged(path));
      const std::string label = step.algorithm + (step.year.empty() ? "" : " " + step.year);
      feedback.prefix = label + ": ";
      try {
        Result result = algorithm->run(args, feedback);
        // The summary names the data the step read: a chained step's in its final place.
        if (step.input_is_output) result.summary["input"] = (output_dir / step.input).string();
        record_input(args, result.summary);
        outcome.steps.push_back({{"step", step.step + 1}, {"command", step.algorithm}, {"year", step.year},
                                 {"summary", result.summary}});
      } catch (const Cancelled&) {
        throw;
      } catch (const std::exception& e) {
        throw DataError(label + ": " + e.what());
      }
      ++outcome.steps_done;
    }
    feedback.check_cancelled();
    outcome.outputs = staging.commit(overwrite);
  } catch (const Cancelled&) {
    outcome.cancelled = true;
    outcome.error = "interrupted; nothing written for this input";
  } catch (const std::exception& e) {
    outcome.error = e.what();
  }
  outcome.warnings = feedback.warnings;
}

// Left-aligned columns by display width: inputs may have Chinese file names.
std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], display_width(row[c]));
    }
  std::ostringstream os;
  for (auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c)
      os << (c ? "  " : "") << (c + 1 < row.size() ? pad_right(row[c], width[c]) : row[c]);
    os << "\n";
  }
  return os.str();
}

class RunRecipeAlgorithm : public Algorithm {
 public:
  std::string name() const override { return "run"; }
  std::string display_name() const override { return "Run a recipe"; }
  std::string group() const override { return "Data preparation"; }
  std::vector<std::string> references() const override {
    return {"TOML v1.0.0 specification, https://toml.io/en/v1.0.0 (the recipe format)"};
  }
  std::string short_help() const override {
    return "Run the steps of a recipe (TOML or JSON) on many inputs, in parallel, with a summary table";
  }
  std::string help() const override {
    return "A recipe lists inputs (files or globs, relative to the recipe's folder), an output folder "
           "(output_dir), optional years, and steps: any RegionStat command (run = \"lisa\") with its "
           "options as on the command line (field = \"gdp_{year}\", weights = \"queen\", output = "
           "\"{stem}_lisa_{year}.gpkg\"). Options are patterns: {stem} and {name} of the input file, "
           "{dir} its folder, {input} its path, {year} the year. A step whose options use {year} runs once "
           "per year of its `years` (or of the recipe's; \"2002-2011\" or a list), else for the year in the "
           "input's name. chain = true makes a step's output the layer the following steps read (a join, "
           "a conversion). Outputs are paths inside output_dir. See docs/recipes.md.\n"
           "Each input is processed independently, --jobs at a time; its outputs are moved into place "
           "together once all its steps succeeded, so a failing or interrupted input leaves nothing and "
           "the others go on. The run ends with a table (input, steps done, outputs, warnings, error) and "
           "exits with status 1 if any input failed. Existing outputs are replaced only with --overwrite. "
           "--dry-run prints the commands each input would run and writes nothing.";
  }
  std::vector<Parameter> parameters() const override {
    Parameter recipe = make_parameter("recipe", ParamType::InputFile, "Recipe file (.toml or .json)", "", false);
    recipe.positional = true;
    recipe.file_filter = "Recipes (*.toml *.json)";
    Parameter jobs = make_parameter("jobs", ParamType::Integer, "Inputs processed in parallel", "1", false);
    jobs.minimum = 1;
    jobs.maximum = 256;
    Parameter dry_run = make_parameter("dry_run", ParamType::Boolean, "Print what would be done; write nothing",
                                       "false", false);
    Parameter overwrite = make_parameter("overwrite", ParamType::Boolean, "Replace existing outputs", "false", false);
    Parameter output_dir = make_parameter("output_dir", ParamType::String,
                                          "Folder for the outputs, instead of the recipe's output_dir");
    output_dir.advanced = true;
    return {recipe, jobs, dry_run, overwrite, output_dir};
  }
  std::vector<OutputDefinition> outputs() const override {
    return {{"succeeded", "number", "Inputs whose steps all succeeded"}, {"failed", "number", "Inputs that failed"}};
  }

  Result run(const Arguments& args, Feedback& feedback) const override {
    StepTimer timer;
    const std::string recipe_path = args.text("recipe");
    Recipe recipe = load_recipe(recipe_path);
    validate_recipe(recipe);
    const std::vector<std::string> inputs = recipe_inputs(recipe);
    const fs::path output_dir = args.given("output_dir") ? fs::path(args.text("output_dir"))
                                : fs::path(recipe.output_dir).is_absolute()
                                    ? fs::path(recipe.output_dir)
                                    : (fs::path(recipe.base_dir) / recipe.output_dir).lexically_normal();
    const bool overwrite = args.flag("overwrite");

    // Plans first: a recipe that cannot be filled for an input fails that input only.
    std::vector<std::vector<PlannedStep>> plans(inputs.size());
    std::vector<InputOutcome> outcomes(inputs.size());
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      outcomes[k].input = inputs[k];
      try {
        plans[k] = plan_input(recipe, inputs[k]);
      } catch (const DataError& e) {
        outcomes[k].error = e.what();
      }
    }
    timer.lap("plan");
    if (args.flag("dry_run")) {
      Result result = dry_run(recipe, inputs, plans, outcomes, output_dir, overwrite);
      result.summary["seconds"] = timer.json();
      return result;
    }

    std::error_code ec;
    fs::create_directories(output_dir, ec);
    if (!fs::is_directory(output_dir, ec))
      throw DataError("cannot create the output folder '" + output_dir.string() + "'");
    BatchFeedback batch(feedback, inputs.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t k = next++; k < inputs.size(); k = next++) {
        if (!outcomes[k].error.empty() || batch.cancelled()) continue;
        run_input(plans[k], output_dir, overwrite, batch, outcomes[k]);
        batch.input_done(inputs[k] + ": " + (outcomes[k].error.empty() ? "done" : "FAILED: " + outcomes[k].error));
      }
    };
    const std::size_t jobs = std::min<std::size_t>(static_cast<std::size_t>(args.integer("jobs")), inputs.size());
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    // The steps of every input, run in parallel; each step's own summary has its "seconds".
    timer.lap("inputs");
    Result result = summarise(recipe_path, outcomes, output_dir, feedback);
    result.summary["seconds"] = timer.json();
    return result;
  }

 private:
  static Result dry_run(const Recipe& recipe, const std::vector<std::string>& inputs,
                        const std::vector<std::vector<PlannedStep>>& plans, const std::vector<InputOutcome>& outcomes,
                        const fs::path& output_dir, bool overwrite) {
    Result result;
    std::ostringstream os;
    os << "recipe " << recipe.origin << ": " << inputs.size() << " input(s), outputs in " << output_dir.string()
       << " (dry run: nothing is written)\n";
    result.summary["inputs"] = nlohmann::json::array();
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      nlohmann::json commands = nlohmann::json::array();
      os << inputs[k] << "\n";
      if (!outcomes[k].error.empty()) os << "  cannot run: " << outcomes[k].error << "\n";
      for (auto& step : plans[k]) {
        const std::string command = describe_step(step, output_dir.string());
        commands.push_back(command);
        os << "  " << command << "\n";
        std::error_code ec;
        for (auto& [name, path] : step.outputs)
          if (fs::exists(output_dir / path, ec))
            os << "    " << (output_dir / path).string() << " exists"
               << (overwrite ? ": would be replaced" : ": refused without --overwrite") << "\n";
      }
      result.summary["inputs"].push_back({{"input", inputs[k]}, {"commands", commands}, {"error", outcomes[k].error}});
    }
    result.report = os.str();
    return result;
  }

  static Result summarise(const std::string& recipe_path, const std::vector<InputOutcome>& outcomes,
                          const fs::path& output_dir, Feedback& feedback) {
    Result result;
    auto& s = result.summary;
    s["recipe"] = recipe_path;
    s["output_dir"] = output_dir.string();
    s["inputs"] = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows{{"input", "steps done", "outputs", "warnings", "error"}};
    std::size_t succeeded = 0, failed = 0, kept = 0;
    bool cancelled = false;
    for (auto& o : outcomes) {
      const bool ok = o.error.empty() && o.started;
      succeeded += ok ? 1 : 0;
      failed += ok ? 0 : 1;
      kept += o.outputs.empty() ? 0 : 1;
      cancelled = cancelled || o.cancelled || !o.started;
      const std::string error = !o.error.empty() ? o.error : o.started ? "" : "not started (interrupted)";
      s["inputs"].push_back({{"input", o.input}, {"steps_done", o.steps_done}, {"steps", o.steps_total},
                             {"outputs", o.outputs}, {"warnings", o.warnings}, {"error", error},
                             {"results", o.steps}});
      rows.push_back({o.input, std::to_string(o.steps_done) + "/" + std::to_string(o.steps_total),
                      std::to_string(o.outputs.size()), std::to_string(o.warnings.size()), error});
    }
    s["succeeded"] = succeeded;
    s["failed"] = failed;
    std::ostringstream os;
    os << table(rows) << succeeded << " input(s) done, " << failed << " failed; outputs in " << output_dir.string()
       << "\n";
    result.report = os.str();
    if (feedback.cancelled() && cancelled) {
      // Inputs finished before the interrupt are complete and stay; nothing else was written.
      if (kept > 0) feedback.warning(std::to_string(kept) + " input(s) had finished before the interrupt; their outputs are kept");
      throw Cancelled();
    }
    // The exit status must say that an input failed; the table says which and why.
    if (failed > 0) throw DataError("\n" + result.report + "some inputs failed (see the table above)");
    return result;
  }
};

}  // namespace

REGIONSTAT_REGISTER_ALGORITHM(RunRecipeAlgorithm)

}  // namespace rs
