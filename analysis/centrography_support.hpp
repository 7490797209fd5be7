// What the centre, ellipse, migration, gravity, influence and primacy commands share: the
// --where filter and --projection option, weighted unit points in a planar frame, groups of
// units, and a CSV table writer.
#pragma once

#include <string>
#include <vector>

#include "analysis/common_parameters.hpp"
#include "geo/projection.hpp"
#include "geo/unit_points.hpp"

namespace rs {


// --where: an OGR SQL attribute filter applied when the input is read (e.g. "province = 'Henan'").
Parameter where_parameter(const std::string& name = "where", const std::string& what = "input");
// --projection: equal-area (default), equidistant, or a projected CRS such as EPSG:3415.
Parameter projection_parameter();
// --points centroid|surface: the point of a polygon.
Parameter point_source_parameter();

// read_input with --where.
geo::Layer read_filtered_input(const Arguments& args, Feedback& feedback);

// The units' points (centroids of polygons, points of point layers) in the layer's CRS.
geo::UnitPoints layer_points(const Arguments& args, const geo::Layer& layer, Feedback& feedback);

// The valid points of `points` in the planar frame (invalid ones stay as they are).
void planar_points(const geo::PlanarFrame& frame, const geo::UnitPoints& points, std::vector<double>& x,
                   std::vector<double>& y);

// Units in groups: one group "all" when `field` is empty; units whose group is NULL are left
// out with a counted warning. Groups in order of first appearance.
struct UnitGroups {
  std::vector<std::string> names;
  std::vector<std::vector<std::size_t>> members;
  bool grouped = false;
};
UnitGroups group_units(const geo::Layer& layer, const std::string& field, Feedback& feedback);

// Points of `units` with a valid point and (when `weights` is non-empty) a finite weight; a
// negative weight is a DataError naming the unit. `x`, `y` are planar coordinates.
struct WeightedPoints {
  std::vector<double> x, y, w;
  std::vector<std::size_t> units;  // layer indices of the points kept
};
WeightedPoints weighted_points(const geo::Layer& layer, const std::vector<double>& x, const std::vector<double>& y,
                               const std::vector<bool>& valid, const std::vector<double>& weights,
                               const std::string& weight_field, const std::vector<std::size_t>& units);

// Units without a point (empty geometry) as a counted warning.
void warn_missing_points(const geo::Layer& layer, const geo::UnitPoints& points, Feedback& feedback);

// A CSV table: header and rows of already formatted cells (quoted when needed). Refuses to
// replace an existing file unless `overwrite`.
void write_csv_table(const std::string& path, const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows, bool overwrite);

// Number formatting for reports and tables.
std::string format_significant(double v, int precision = 6);

// The year in a field name: its last run of digits (gdp_2011 -> 2011); NaN when none.
double year_of_field(const std::string& field);

}  // namespace rs
