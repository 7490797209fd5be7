// The array functions of `_regionstat` for partitioned runs of the local statistics
// (docs/distributed.md; the Dask driver is python/regionstat_dask): numpy arrays in and out,
// each call one pass of analysis/partitioned_local.hpp. The registry and `run` on files stay in
// python_module.cpp; these are for programs that split a layer among workers.
// Arguments are the command's parameters (name -> str or list of str), as for `run`. The C++
// runs without the GIL, so the threads of a Dask worker compute side by side.
#include "plugin/python_arrays.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "algorithms/errors.hpp"
#include "algorithms/local_autocorrelation.hpp"
#include "analysis/partitioned_local.hpp"

namespace py = pybind11;

namespace {

using Values = std::vector<std::pair<std::string, std::vector<std::string>>>;

Values argument_values(const py::dict& arguments) {
  Values values;
  for (auto item : arguments) {
    const std::string key = py::str(item.first);
    if (item.second.is_none()) continue;
    std::vector<std::string> list;
    if (py::isinstance<py::str>(item.second) || py::isinstance<py::bool_>(item.second) ||
        py::isinstance<py::int_>(item.second) || py::isinstance<py::float_>(item.second)) {
      if (py::isinstance<py::bool_>(item.second)) list.push_back(item.second.cast<bool>() ? "true" : "false");
      else list.push_back(py::str(item.second));
    } else {
      for (auto v : item.second) list.push_back(py::str(v));
    }
    values.emplace_back(key, std::move(list));
  }
  return values;
}

template <typename T>
std::vector<T> to_vector(const py::array_t<T, py::array::c_style | py::array::forcecast>& a) {
  if (a.ndim() != 1) throw std::invalid_argument("expected a one-dimensional array");
  return std::vector<T>(a.data(), a.data() + a.size());
}

template <typename T>
py::array_t<T> to_array(const std::vector<T>& v) {
  return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}

std::vector<std::size_t> to_indices(const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& a) {
  std::vector<std::size_t> out(static_cast<std::size_t>(a.size()));
  for (py::ssize_t k = 0; k < a.size(); ++k) {
    if (a.data()[k] < 0) throw std::invalid_argument("negative index");
    out[static_cast<std::size_t>(k)] = static_cast<std::size_t>(a.data()[k]);
  }
  return out;
}

// The fields of a LocalResult the final pass reads, as numpy arrays.
const char* const kResultArrays[] = {"statistic", "expected",  "variance",     "z",   "p_analytical",
                                     "p_permutation", "z_permutation", "standardised", "lag", "g_value"};

using Member = std::vector<double> rs::LocalResult::*;

Member result_member(const std::string& name) {
  if (name == "statistic") return &rs::LocalResult::statistic;
  if (name == "expected") return &rs::LocalResult::expected;
  if (name == "variance") return &rs::LocalResult::variance;
  if (name == "z") return &rs::LocalResult::z;
  if (name == "p_analytical") return &rs::LocalResult::p_analytical;
  if (name == "p_permutation") return &rs::LocalResult::p_permutation;
  if (name == "z_permutation") return &rs::LocalResult::z_permutation;
  if (name == "standardised") return &rs::LocalResult::standardised;
  if (name == "lag") return &rs::LocalResult::lag;
  return &rs::LocalResult::g_value;
}

py::dict options_dict(const rs::PartitionedOptions& o) {
  py::dict d;
  d["command"] = o.command;
  d["star"] = o.star;
  d["natural_breaks"] = o.natural_breaks;
  d["moments"] = o.moments;
  d["permutations"] = o.permutations.permutations;
  d["seed"] = o.permutations.seed;
  d["threads"] = o.permutations.threads;
  d["p_rule"] = rs::p_value_rule_name(o.permutations.rule);
  d["halo_margin"] = o.halo_margin;
  return d;
}

using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
using Int64s = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

py::dict tile(const std::string& command, const py::dict& arguments, const std::string& where,
              const Int64s& valid_fids, const Int64s& own_units, const Doubles& x, const Doubles& z,
              int threads) {
  const rs::Arguments args = rs::command_arguments(command, argument_values(arguments));
  rs::PartitionedOptions options = rs::partitioned_options(command, args);
  options.permutations.threads = threads;
  const std::vector<std::int64_t> fids = to_vector<std::int64_t>(valid_fids);
  const std::vector<std::size_t> own = to_indices(own_units);
  const std::vector<double> zs = to_vector<double>(z);
  const std::vector<double> xs = command == "hotspot" ? to_vector<double>(x) : std::vector<double>{};
  rs::LocalResult r;
  rs::Tile t;
  std::size_t read = 0;
  {
    py::gil_scoped_release release;
    rs::TileWeights w = rs::tile_weights(args, options, where, fids);
    read = w.read;
    // The rows: the tile's own units with a value, found among its local units.
    for (std::size_t unit : own) {
      const auto it = std::lower_bound(w.units.begin(), w.units.end(), unit);
      if (it == w.units.end() || *it != unit)
        throw rs::DataError("unit " + std::to_string(unit) + " of the tile is not among the features read for it");
      t.rows.push_back(static_cast<std::size_t>(it - w.units.begin()));
    }
    t.units = std::move(w.units);
    t.layer_units = fids.size();
    r = command == "lisa" ? rs::local_moran_tile(zs, w.weights, t, options.permutations)
                          : rs::local_g_tile(xs, zs, w.weights, options.star, t, options.permutations);
  }
  py::dict out;
  for (const char* name : kResultArrays) out[name] = to_array(r.*result_member(name));
  std::vector<std::int64_t> neighbours(r.neighbours.begin(), r.neighbours.end());
  out["neighbours"] = to_array(neighbours);
  out["read"] = read;
  out["units"] = t.units.size();
  return out;
}

py::str finish(const std::string& command, const py::dict& arguments, const py::dict& results,
               const Int64s& feature_index, std::int64_t features) {
  const rs::Arguments args = rs::command_arguments(command, argument_values(arguments));
  const rs::PartitionedOptions options = rs::partitioned_options(command, args);
  rs::LocalResult r;
  for (const char* name : kResultArrays) r.*result_member(name) = to_vector<double>(results[name].cast<Doubles>());
  const std::vector<std::int64_t> neighbours = to_vector<std::int64_t>(results["neighbours"].cast<Int64s>());
  r.neighbours.assign(neighbours.begin(), neighbours.end());
  r.permutations = options.permutations.permutations;
  const std::vector<std::size_t> units = to_indices(feature_index);
  for (const char* name : kResultArrays)
    if ((r.*result_member(name)).size() != units.size())
      throw std::invalid_argument(std::string("results['") + name + "'] does not have one value per unit");
  std::string path;
  {
    py::gil_scoped_release release;
    const std::vector<rs::geo::OutputColumn> columns =
        rs::partitioned_columns(options, args, r, units, static_cast<std::size_t>(features));
    path = rs::write_partitioned(options, args, columns);
  }
  return path;
}

}  // namespace

void register_array_functions(py::module_& m) {
  m.def("partitioned_options",
        [](const std::string& command, const py::dict& arguments, bool check_output) {
          const rs::Arguments args = rs::command_arguments(command, argument_values(arguments));
          const rs::PartitionedOptions options = rs::partitioned_options(command, args);
          if (check_output) rs::check_partitioned_output(args);
          return options_dict(options);
        },
        py::arg("command"), py::arg("arguments"), py::arg("check_output") = false,
        "Checks a partitioned run of 'lisa' or 'hotspot' with the command's arguments (and, with "
        "check_output, that the output may be written); returns its options (permutations, seed, "
        "p_rule, halo_margin in layer units, star, ...).");
  m.def("local_standardised",
        [](const Doubles& x, bool n_minus_one) {
          const std::vector<double> xs = to_vector<double>(x);
          std::vector<double> z;
          {
            py::gil_scoped_release release;
            z = rs::local_standardised(xs, n_minus_one, "local statistic");
          }
          return to_array(z);
        },
        py::arg("x"), py::arg("n_minus_one") = true,
        "The global pass: (x - mean) / sd of the units with a value, in layer order, sd with "
        "divisor n-1 (n with n_minus_one=False), as the local statistics compute it.");
  m.def("tile", &tile, py::arg("command"), py::arg("arguments"), py::arg("where"), py::arg("valid_fids"),
        py::arg("own_units"), py::arg("x"), py::arg("z"), py::arg("threads") = 1,
        "The tile pass: reads the features `where` selects (the tile and its halo), builds the "
        "command's weights among those in valid_fids (the feature ids of the layer's units with a "
        "value, increasing), and computes the statistic of own_units (indices into valid_fids, "
        "increasing) from z (local_standardised) and, for hotspot, x. Returns arrays (statistic, "
        "expected, variance, z, p_analytical, p_permutation, z_permutation, standardised, lag, "
        "g_value, neighbours), one entry per own unit.");
  m.def("finish", &finish, py::arg("command"), py::arg("arguments"), py::arg("results"),
        py::arg("feature_index"), py::arg("features"),
        "The final pass: results (the tile arrays gathered for every unit with a value, in layer "
        "order) -> multiple testing, classes and the command's result fields, written with the "
        "input layer to arguments['output']. feature_index: each unit's feature position in the "
        "layer of `features` features. Returns the path written.");
}
