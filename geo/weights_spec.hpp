// What weights to build: parsed from `regionstat weights` options or from a compact spec
// (`queen`, `rook:overlap`, `knn:6`, `band:150km`, `idw:2:300km`, `kernel:gaussian:k=8`,
// `file.gal`). One struct so the command line, the analyses and QGIS build weights alike.
#pragma once

#include <string>

#include "algorithms/spatial_weights.hpp"

namespace rs::geo {

enum class WeightsMethod { Queen, Rook, Knn, Band, InverseDistance, Kernel, File };
enum class ContiguityMode { Exact, Snap, Overlap };  // exact vertices, snapping tolerance, shared segments
enum class KernelFunction { Triangular, Uniform, Epanechnikov, Quartic, Gaussian };
enum class PointSource { Centroid, PointOnSurface, Layer };

struct WeightsSpec {
  WeightsMethod method = WeightsMethod::Queen;
  // Contiguity
  ContiguityMode contiguity = ContiguityMode::Exact;
  double tolerance = 0.0;  // layer units; > 0 implies Snap unless Overlap is asked
  int order = 1;           // higher-order contiguity (or of any weights' graph)
  bool cumulative = false; // include lower orders
  // Distance
  int k = 0;                   // knn, adaptive kernel bandwidth
  double distance = 0.0;       // band / cut-off / fixed bandwidth (0: none given)
  std::string distance_unit;   // "km", "m" or "" (km for geographic layers, else layer units)
  double power = 1.0;          // inverse distance power
  KernelFunction kernel = KernelFunction::Triangular;
  bool adaptive = false;       // kernel bandwidth from the k-th neighbour
  bool kernel_diagonal = true; // kernel weights keep K(0) = 1 on the diagonal
  bool symmetrise = false;     // knn: make i~j when either chose the other
  PointSource points = PointSource::Centroid;
  std::string points_layer;    // PointSource::Layer: a point layer
  std::string points_id;       // its field joining to the unit ids
  // File
  std::string file;            // .gal / .gwt
  // After building
  WeightsStyle style = WeightsStyle::Row;  // transform applied by the analyses (W by default)
  bool style_given = false;
};

// Parses a compact spec; throws UsageError with the accepted forms when it cannot.
WeightsSpec parse_weights_spec(const std::string& text);
std::string describe(const WeightsSpec& spec);  // e.g. "queen contiguity", "k=6 nearest neighbours"

}  // namespace rs::geo
