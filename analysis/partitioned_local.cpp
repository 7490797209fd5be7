#include "analysis/partitioned_local.hpp"

#include <algorithm>

#include "algorithms/errors.hpp"
#include "analysis/common_parameters.hpp"
#include "analysis/layer_styles.hpp"
#include "analysis/local_common.hpp"
#include "analysis/local_statistic.hpp"
#include "geo/output_file.hpp"
#include "geo/weights_builder.hpp"

namespace rs {
namespace {

std::string the_field(const Arguments& args) {
  const std::vector<std::string> fields = args.list("field");
  if (fields.size() != 1 || fields[0].find_first_of("*?") != std::string::npos)
    throw UsageError("a partitioned run analyses one field; run a panel field by field");
  return fields[0];
}

}  // namespace

Arguments command_arguments(const std::string& command,
                            const std::vector<std::pair<std::string, std::vector<std::string>>>& values) {
  if (command != "lisa" && command != "hotspot")
    throw UsageError("partitioned runs compute 'lisa' or 'hotspot', not '" + command + "'");
  const Algorithm* algorithm = find_algorithm(command);
  if (!algorithm) throw UsageError("no RegionStat algorithm named '" + command + "'");
  Arguments args = algorithm->arguments();
  for (const auto& [name, list] : values) {
    bool known = false;
    for (const auto& p : args.parameters()) known = known || p.name == name;
    if (!known) throw UsageError("algorithm '" + command + "' has no parameter '" + name + "'");
    if (list.size() == 1) args.set(name, list[0]);
    else
      for (const auto& v : list) args.add(name, v);
  }
  args.check_required();
  return args;
}

PartitionedOptions partitioned_options(const std::string& command, const Arguments& args) {
  PartitionedOptions o;
  o.command = command;
  the_field(args);
  if (command == "lisa") {
    if (!args.text("field2").empty())
      throw UsageError("a partitioned run computes the univariate LISA only (no --field2)");
    o.moments = args.flag("moments");
  } else {
    o.star = !args.flag("gi");
    o.natural_breaks = args.text("classes") == "natural-breaks";
  }
  if (output_driver(args) == "ESRI Shapefile")
    throw UsageError("a partitioned run writes GeoPackage or other formats without the Shapefile's field-name limit");
  const geo::WeightsSpec spec = weights_spec(args);
  if (spec.method != geo::WeightsMethod::Queen && spec.method != geo::WeightsMethod::Rook)
    throw UsageError("a partitioned run builds queen or rook contiguity (the halo is one ring of touching "
                     "units); '" + geo::describe(spec) + "' is not supported");
  if (spec.order != 1)
    throw UsageError("a partitioned run builds first-order contiguity only (higher orders need wider halos)");
  if (spec.style == WeightsStyle::VarianceStabilising || spec.style == WeightsStyle::Global)
    throw UsageError("the S transform scales by sums over the whole layer; a partitioned run takes W, B or U");
  // Touching units have bounding boxes that meet (snapping: within the tolerance); the margin
  // only widens the read, never the neighbours.
  o.halo_margin = std::max(2.0 * spec.tolerance, 1e-6);
  o.permutations = permutation_options(args);
  return o;
}

void check_partitioned_output(const Arguments& args) {
  if (args.text("output").empty()) throw UsageError("give the output layer (output)");
  geo::check_output_file(args.text("output"), args.flag("overwrite"), {args.text("input")});
}

TileWeights tile_weights(const Arguments& args, const PartitionedOptions& options, const std::string& where,
                         const std::vector<std::int64_t>& valid_fids) {
  geo::ReadOptions read;
  read.layer = args.text("layer");
  read.id_field = args.text("id");
  read.encoding = args.text("encoding");
  read.assign_crs = args.text("crs");
  read.where = where;
  const geo::Layer layer = geo::read_layer(args.text("input"), read);
  const geo::WeightsSpec spec = weights_spec(args);
  const SpatialWeights all = geo::build_weights(layer, spec);

  TileWeights t;
  t.read = layer.size();
  std::vector<std::size_t> keep;
  for (std::size_t l = 0; l < layer.size(); ++l) {
    const auto it = std::lower_bound(valid_fids.begin(), valid_fids.end(), layer.fids[l]);
    if (it == valid_fids.end() || *it != layer.fids[l]) continue;
    const auto unit = static_cast<std::size_t>(it - valid_fids.begin());
    // The global pass took every feature with a bounding box for a unit; the command leaves out
    // a geometry the reader could not repair, which only reading it reveals.
    if (!layer.geometries[l])
      throw DataError("'" + layer.path + "': feature " + layer.ids[l] + " has a geometry that cannot be used (" +
                      "invalid and not repairable); a partitioned run needs every feature with a box to have "
                      "one: fix or remove it");
    if (!t.units.empty() && unit <= t.units.back())
      throw DataError("'" + layer.path + "': feature ids do not increase in the order the features are read; "
                      "a partitioned run needs a layer whose ids follow its order (GeoPackage)");
    keep.push_back(l);
    t.units.push_back(unit);
  }
  // The command's steps in its order: restrict to the units with a value, then (Gi*) the
  // diagonal, then the transform.
  const SpatialWeights kept = all.subset(keep);
  if (options.command == "hotspot" && options.star)
    t.weights = kept.with_self(1.0, true).transformed(spec.style);
  else
    t.weights = kept.transformed(spec.style);
  return t;
}

std::vector<geo::OutputColumn> partitioned_columns(const PartitionedOptions& options, const Arguments& args,
                                                   const LocalResult& r, const std::vector<std::size_t>& units,
                                                   std::size_t features) {
  // The command's own columns: the same code as its single-process run.
  const auto* algorithm = dynamic_cast<const LocalStatisticAlgorithm*>(find_algorithm(options.command));
  if (!algorithm) throw UsageError("partitioned runs compute 'lisa' or 'hotspot', not '" + options.command + "'");
  const std::string field = the_field(args);
  std::vector<std::size_t> islands;
  for (std::size_t i = 0; i < r.neighbours.size(); ++i)
    if (r.neighbours[i] == 0) islands.push_back(i);
  const std::vector<ResultField> declared = algorithm->result_fields();
  std::vector<geo::OutputColumn> columns;
  for (const ResultColumn& column : algorithm->result_columns(args, r, islands)) {
    const ResultField& f = declared_field(declared, column.field, algorithm->name());
    columns.push_back(output_column(f, column, output_field_name(args, f.name, field), units, features));
  }
  return columns;
}

std::string write_partitioned(const PartitionedOptions& options, const Arguments& args,
                              const std::vector<geo::OutputColumn>& columns) {
  if (args.text("output").empty()) throw UsageError("give the output layer (output)");
  const std::string field = the_field(args);
  const geo::Layer layer = read_input(args, silent_feedback());
  geo::WriteOptions write = write_options(args);
  if (options.command == "lisa") {
    const std::string style_field = output_field_name(args, "LISA_CL", field);
    write.style_qml = lisa_cluster_style(style_field);
    write.style_name = "LISA clusters (" + style_field + ")";
  } else {
    const std::string style_field = output_field_name(args, options.natural_breaks ? "HotCold" : "Gi_Bin", field);
    write.style_qml = options.natural_breaks ? hot_cold_style(style_field) : gi_bin_style(style_field);
    write.style_name = std::string(options.star ? "Gi*" : "Gi") + " hot spots (" + style_field + ")";
  }
  return geo::write_layer(layer, args.text("output"), columns, write).path;
}

}  // namespace rs
