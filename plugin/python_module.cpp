// `_regionstat`: the C++ core for the QGIS plugin. It exposes the algorithm registry (names,
// groups, help, parameter and output definitions) and runs one algorithm on file paths, with
// progress, messages and cancellation forwarded to Python callables. No logic of its own: the
// plugin maps these descriptions to Processing parameters and copies the written layer.
#include <atomic>
#include <cctype>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "algorithms/errors.hpp"
#include "analysis/algorithm.hpp"
#include "analysis/provenance.hpp"
#include "plugin/python_arrays.hpp"

namespace py = pybind11;

namespace {

// Forwards the core's feedback to Python. The C++ runs without the GIL (so QGIS stays
// responsive and the permutation threads run freely); every callback takes it back first.
// Calls may come from worker threads, hence the GIL per call rather than a stored state.
class PythonFeedback : public rs::Feedback {
 public:
  PythonFeedback(py::object progress, py::object info, py::object warning, py::object is_canceled)
      : progress_(std::move(progress)), info_(std::move(info)), warning_(std::move(warning)),
        is_canceled_(std::move(is_canceled)) {}

  void progress(double fraction) override { call(progress_, fraction); }
  void info(const std::string& message) override { call(info_, message); }
  void warning(const std::string& message) override { call(warning_, message); }
  bool cancelled() const override {
    if (cancelled_) return true;
    if (is_canceled_.is_none()) return false;
    py::gil_scoped_acquire gil;
    try {
      if (is_canceled_().cast<bool>()) cancelled_ = true;
    } catch (py::error_already_set& e) {
      e.discard_as_unraisable(__func__);
    }
    return cancelled_;
  }

 private:
  template <typename T>
  void call(const py::object& callable, const T& value) {
    if (callable.is_none()) return;
    py::gil_scoped_acquire gil;
    try {
      callable(value);
    } catch (py::error_already_set& e) {
      // A failing Python callback must not unwind through the core's threads.
      e.discard_as_unraisable(__func__);
    }
  }

  py::object progress_, info_, warning_, is_canceled_;
  mutable std::atomic<bool> cancelled_{false};
};

py::dict parameter_dict(const rs::Parameter& p) {
  py::dict d;
  d["name"] = p.name;
  d["type"] = rs::param_type_name(p.type);
  d["label"] = p.label;
  d["default_value"] = p.default_value;
  d["optional"] = p.optional;
  d["advanced"] = p.advanced;
  d["positional"] = p.positional;
  d["short_flag"] = p.short_flag;
  d["choices"] = p.choices;
  d["parent"] = p.parent;
  d["numeric"] = p.numeric;
  d["minimum"] = p.minimum;
  d["maximum"] = p.maximum;
  d["file_filter"] = p.file_filter;
  return d;
}

py::dict algorithm_dict(const rs::Algorithm& a) {
  py::dict d;
  d["name"] = a.name();
  d["display_name"] = a.display_name();
  d["group"] = a.group();
  d["short_help"] = a.short_help();
  d["help"] = a.help();
  py::list references;
  for (const auto& r : a.references()) references.append(r);
  d["references"] = references;
  py::list parameters;
  for (const auto& p : a.parameters()) parameters.append(parameter_dict(p));
  d["parameters"] = parameters;
  py::list outputs;
  for (const auto& o : a.outputs()) {
    py::dict od;
    od["name"] = o.name;
    od["type"] = o.type;
    od["description"] = o.description;
    outputs.append(od);
  }
  d["outputs"] = outputs;
  return d;
}

py::list algorithm_list() {
  py::list out;
  for (const auto& a : rs::algorithms()) out.append(algorithm_dict(*a));
  return out;
}

// Summary JSON -> Python objects, through the json module (exact for every JSON value).
py::object to_python(const nlohmann::json& value) {
  return py::module_::import("json").attr("loads")(value.dump());
}

py::dict run(const std::string& name, const py::dict& values, const py::object& feedback) {
  const rs::Algorithm* algorithm = rs::find_algorithm(name);
  if (!algorithm) throw rs::UsageError("no RegionStat algorithm named '" + name + "'");

  rs::Arguments args = algorithm->arguments();
  for (auto item : values) {
    const std::string key = py::str(item.first);
    bool known = false;
    for (const auto& p : args.parameters()) known = known || p.name == key;
    if (!known) throw rs::UsageError("algorithm '" + name + "' has no parameter '" + key + "'");
    if (py::isinstance<py::str>(item.second)) {
      args.set(key, item.second.cast<std::string>());
    } else if (item.second.is_none()) {
      continue;
    } else {
      for (auto v : item.second) args.add(key, py::str(v));
    }
  }

  auto attr = [&](const char* method) -> py::object {
    if (feedback.is_none() || !py::hasattr(feedback, method)) return py::none();
    return feedback.attr(method);
  };
  PythonFeedback adapter(attr("progress"), attr("info"), attr("warning"), attr("is_canceled"));

  rs::Result result;
  {
    py::gil_scoped_release release;
    result = algorithm->run(args, adapter);
  }
  py::dict out;
  out["summary"] = to_python(result.summary);
  out["report"] = result.report;
  out["files"] = result.files;
  return out;
}

}  // namespace

PYBIND11_MODULE(_regionstat, m) {
  m.doc() = "RegionStat core: the algorithm registry and runs for the QGIS plugin";
  m.attr("__version__") = REGIONSTAT_VERSION;

  // One exception type; `kind` says which of the core's errors it was.
  static py::exception<std::runtime_error> error(m, "Error");
  py::register_exception_translator([](std::exception_ptr p) {
    auto raise = [](const char* kind, const char* message) {
      py::object e = py::handle(error.ptr())(message);
      e.attr("kind") = kind;
      e.attr("message") = message;
      PyErr_SetObject(error.ptr(), e.ptr());
    };
    try {
      if (p) std::rethrow_exception(p);
    } catch (const rs::ParameterError& e) {
      // QGIS names parameters by their upper-case names, never by command-line flags.
      std::string name = e.parameter();
      for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      raise("usage", e.rendered(name).c_str());
    } catch (const rs::UsageError& e) {
      raise("usage", e.what());
    } catch (const rs::DataError& e) {
      raise("data", e.what());
    } catch (const rs::Cancelled& e) {
      raise("cancelled", e.what());
    } catch (const py::error_already_set&) {
      throw;
    } catch (const py::builtin_exception&) {
      throw;
    } catch (const std::exception& e) {
      raise("data", e.what());
    }
  });

  m.def("algorithms", &algorithm_list,
        "Every registered algorithm as a dict: name, display_name, group, short_help, help, "
        "parameters (dicts with every field of rs::Parameter) and outputs.");
  m.def("algorithm", [](const std::string& name) -> py::object {
        const rs::Algorithm* a = rs::find_algorithm(name);
        return a ? py::object(algorithm_dict(*a)) : py::object(py::none());
      }, py::arg("name"), "One algorithm's description, or None.");
  m.def("run", &run, py::arg("name"), py::arg("arguments"), py::arg("feedback") = py::none(),
        "Runs an algorithm. arguments: parameter name -> str or list of str. feedback: an object "
        "with optional progress(fraction), info(text), warning(text), is_canceled() methods. "
        "Returns {'summary': dict, 'report': str, 'files': {parameter: path}}. Raises "
        "_regionstat.Error with .kind 'usage', 'data' or 'cancelled' and .message.");
  m.def("provenance", [](const std::string& summary) {
        std::vector<std::pair<std::string, std::string>> lines;
        const nlohmann::json parsed = nlohmann::json::parse(summary, nullptr, false);
        if (parsed.is_object())
          for (auto& line : rs::provenance_lines(parsed)) lines.emplace_back(line.label, line.text);
        return lines;
      }, py::arg("summary"),
        "The data, weights, inference and seed of a command's JSON summary (text) as (label, text) "
        "pairs, as reports and figures print them; empty when the text is not a summary.");
  // Arrays in and out for partitioned runs (Dask): python_arrays.cpp.
  register_array_functions(m);
}
