#include "geo/weights_spec.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "algorithms/errors.hpp"

namespace rs::geo {

namespace {

const char* kForms =
    "queen, rook, queen:snap=0.001, rook:overlap, queen:order=2[:cumulative], knn:6[:symmetric], "
    "band:150km, idw:300km[:power=2], kernel:gaussian:k=8 (or :bandwidth=100km, :fixed), "
    "with :points=surface for points on surface, or a .gal/.gwt file";

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream is(s);
  while (std::getline(is, item, sep)) out.push_back(item);
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

double parse_double(const std::string& text, const std::string& what) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') throw UsageError("weights: " + what + " '" + text + "' is not a number");
  return v;
}

int parse_int(const std::string& text, const std::string& what) {
  double v = parse_double(text, what);
  if (v != static_cast<int>(v) || v < 1) throw UsageError("weights: " + what + " must be a whole number >= 1");
  return static_cast<int>(v);
}

// "150km" -> 150, "km"; "2000m" -> 2000, "m"; "0.5" -> 0.5, "".
void parse_distance(const std::string& text, WeightsSpec& spec) {
  std::string t = lower(text);
  std::string unit;
  if (t.size() > 2 && t.substr(t.size() - 2) == "km") unit = "km";
  else if (t.size() > 1 && t.back() == 'm') unit = "m";
  spec.distance = parse_double(t.substr(0, t.size() - unit.size()), "distance");
  spec.distance_unit = unit;
  if (spec.distance <= 0) throw UsageError("weights: distance must be positive, not '" + text + "'");
}

bool is_number_start(const std::string& t) {
  return !t.empty() && (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '.');
}

bool has_length_unit(const std::string& t) {
  const std::string l = lower(t);
  return l.size() > 1 && l.back() == 'm';
}

// What each option sets; an option given twice, or one the method does not use, is an error
// (a silently ignored value would run another analysis than the one asked for).
const char* setting_of(const std::string& key) {
  if (key == "k") return "k";
  if (key == "snap" || key == "tolerance" || key == "overlap" || key == "exact") return "contiguity";
  if (key == "order") return "order";
  if (key == "cumulative") return "cumulative";
  if (key == "symmetric" || key == "sym") return "symmetric";
  if (key == "power" || key == "alpha") return "power";
  if (key == "band" || key == "bandwidth" || key == "distance") return "distance";
  if (key == "fixed" || key == "adaptive") return "bandwidth type";
  if (key == "nodiagonal" || key == "no-diagonal") return "diagonal";
  if (key == "triangular" || key == "uniform" || key == "epanechnikov" || key == "quartic" || key == "bisquare" ||
      key == "gaussian")
    return "kernel";
  if (key == "points") return "points";
  if (key == "style" || key == "transform") return "style";
  return nullptr;
}

bool applies(const std::string& setting, WeightsMethod method) {
  const bool contiguity = method == WeightsMethod::Queen || method == WeightsMethod::Rook;
  const bool distance = !contiguity;
  if (setting == "contiguity") return contiguity;
  if (setting == "k") return method == WeightsMethod::Knn || method == WeightsMethod::Kernel;
  if (setting == "symmetric") return method == WeightsMethod::Knn;
  if (setting == "power") return method == WeightsMethod::InverseDistance;
  if (setting == "distance") return method == WeightsMethod::Band || method == WeightsMethod::InverseDistance ||
                                    method == WeightsMethod::Kernel;
  if (setting == "bandwidth type" || setting == "diagonal" || setting == "kernel") return method == WeightsMethod::Kernel;
  if (setting == "points") return distance;
  return true;  // order, cumulative, style
}

}  // namespace

WeightsSpec parse_weights_spec(const std::string& text) {
  WeightsSpec spec;
  const std::string low = lower(text);
  for (const char* ext : {".gal", ".gwt", ".swm"}) {
    if (low.size() > 4 && low.substr(low.size() - 4) == ext) {
      spec.method = WeightsMethod::File;
      spec.file = text;
      return spec;
    }
  }
  auto parts = split(text, ':');
  if (parts.empty()) throw UsageError("weights: empty spec; use one of " + std::string(kForms));
  const std::string method = lower(parts[0]);
  if (method == "queen") spec.method = WeightsMethod::Queen;
  else if (method == "rook") spec.method = WeightsMethod::Rook;
  else if (method == "knn") spec.method = WeightsMethod::Knn;
  else if (method == "band" || method == "distance") spec.method = WeightsMethod::Band;
  else if (method == "idw" || method == "inverse") spec.method = WeightsMethod::InverseDistance;
  else if (method == "kernel") spec.method = WeightsMethod::Kernel;
  else throw UsageError("weights: unknown method '" + parts[0] + "'; use one of " + std::string(kForms));
  if (spec.method == WeightsMethod::Kernel) {
    spec.adaptive = true;  // adaptive bandwidth (k-th neighbour) unless a fixed one is given
    spec.k = 8;
  }
  if (spec.method == WeightsMethod::InverseDistance) spec.style = WeightsStyle::Unstandardised;

  std::vector<std::string> seen;
  auto claim = [&](const std::string& setting, const std::string& token) {
    if (std::find(seen.begin(), seen.end(), setting) != seen.end())
      throw UsageError("weights: '" + text + "' gives the " + setting + " twice (again in '" + token + "')");
    if (!applies(setting, spec.method))
      throw UsageError("weights: '" + token + "' (" + setting + ") does not apply to " + parts[0] + " weights in '" +
                       text + "'");
    seen.push_back(setting);
  };
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string token = parts[i];
    std::string key = lower(token), value;
    if (auto eq = token.find('='); eq != std::string::npos) {
      key = lower(token.substr(0, eq));
      value = token.substr(eq + 1);
    }
    if (value.empty() && is_number_start(key)) {
      // A bare number only where it can mean one thing: knn's k, band's distance, and for idw
      // and kernels a distance with its unit (idw:2 could be a power, kernel:8 a k).
      if (spec.method == WeightsMethod::Knn) {
        claim("k", token);
        spec.k = parse_int(key, "k");
      } else if (spec.method == WeightsMethod::Band ||
                 ((spec.method == WeightsMethod::InverseDistance || spec.method == WeightsMethod::Kernel) &&
                  has_length_unit(key))) {
        claim("distance", token);
        parse_distance(key, spec);
        if (spec.method == WeightsMethod::Kernel) spec.adaptive = false;
      } else if (spec.method == WeightsMethod::InverseDistance || spec.method == WeightsMethod::Kernel) {
        throw UsageError("weights: '" + token + "' in '" + text + "' is ambiguous; name it: " +
                         (spec.method == WeightsMethod::InverseDistance ? "power=" + token + " or distance=" + token +
                                                                              " (or " + token + "km)"
                                                                        : "k=" + token + " or bandwidth=" + token +
                                                                              " (or " + token + "km)"));
      } else {
        throw UsageError("weights: unexpected '" + token + "' after " + parts[0] + " in '" + text + "'");
      }
      continue;
    }
    if (const char* setting = setting_of(key)) claim(setting, token);
    if (key == "k") {      spec.k = parse_int(value, "k");
    } else if (key == "snap" || key == "tolerance") {
      spec.contiguity = ContiguityMode::Snap;
      spec.tolerance = parse_double(value, "tolerance");
    } else if (key == "overlap") {
      spec.contiguity = ContiguityMode::Overlap;
      if (!value.empty()) spec.tolerance = parse_double(value, "tolerance");
    } else if (key == "exact") {
      spec.contiguity = ContiguityMode::Exact;
    } else if (key == "order") {
      spec.order = parse_int(value, "order");
    } else if (key == "cumulative") {
      spec.cumulative = true;
    } else if (key == "symmetric" || key == "sym") {
      spec.symmetrise = true;
    } else if (key == "power" || key == "alpha") {
      spec.power = parse_double(value, "power");
    } else if (key == "band" || key == "bandwidth" || key == "distance") {
      parse_distance(value, spec);
      if (spec.method == WeightsMethod::Kernel) spec.adaptive = false;
    } else if (key == "fixed") {
      spec.adaptive = false;
    } else if (key == "adaptive") {
      spec.adaptive = true;
    } else if (key == "nodiagonal" || key == "no-diagonal") {
      spec.kernel_diagonal = false;
    } else if (key == "triangular") spec.kernel = KernelFunction::Triangular;
    else if (key == "uniform") spec.kernel = KernelFunction::Uniform;
    else if (key == "epanechnikov") spec.kernel = KernelFunction::Epanechnikov;
    else if (key == "quartic" || key == "bisquare") spec.kernel = KernelFunction::Quartic;
    else if (key == "gaussian") spec.kernel = KernelFunction::Gaussian;
    else if (key == "points") {
      std::string v = lower(value);
      if (v == "centroid" || v == "centroids") spec.points = PointSource::Centroid;
      else if (v == "surface" || v == "pointonsurface") spec.points = PointSource::PointOnSurface;
      else {
        spec.points = PointSource::Layer;
        auto hash = value.find('#');
        spec.points_layer = value.substr(0, hash);
        if (hash != std::string::npos) spec.points_id = value.substr(hash + 1);
      }
    } else if (key == "style" || key == "transform") {
      std::string v = lower(value);
      spec.style_given = true;
      if (v == "w") spec.style = WeightsStyle::Row;
      else if (v == "b") spec.style = WeightsStyle::Binary;
      else if (v == "s") spec.style = WeightsStyle::VarianceStabilising;
      else if (v == "u") spec.style = WeightsStyle::Unstandardised;
      else throw UsageError("weights: style must be W, B, S or U, not '" + value + "'");
    } else {
      throw UsageError("weights: unknown option '" + token + "' in '" + text + "'; use one of " +
                       std::string(kForms));
    }
  }
  if (spec.method == WeightsMethod::Knn && spec.k < 1)
    throw UsageError("weights: knn needs k, e.g. knn:6");
  if (spec.method == WeightsMethod::Band && spec.distance <= 0)
    throw UsageError("weights: band needs a distance, e.g. band:150km");
  return spec;
}

std::string describe(const WeightsSpec& spec) {
  std::ostringstream os;
  auto dist = [&] { os << spec.distance << (spec.distance_unit.empty() ? "" : " " + spec.distance_unit); };
  switch (spec.method) {
    case WeightsMethod::Queen:
    case WeightsMethod::Rook:
      os << (spec.method == WeightsMethod::Queen ? "queen" : "rook") << " contiguity";
      if (spec.contiguity == ContiguityMode::Snap) os << " (snapping tolerance " << spec.tolerance << ")";
      if (spec.contiguity == ContiguityMode::Overlap) os << " (shared boundary segments)";
      break;
    case WeightsMethod::Knn: os << "k=" << spec.k << " nearest neighbours" << (spec.symmetrise ? " (symmetrised)" : ""); break;
    case WeightsMethod::Band: os << "distance band "; dist(); break;
    case WeightsMethod::InverseDistance:
      os << "inverse distance (power " << spec.power << ")";
      if (spec.distance > 0) { os << " within "; dist(); }
      break;
    case WeightsMethod::Kernel: {
      const char* names[] = {"triangular", "uniform", "Epanechnikov", "quartic", "Gaussian"};
      os << names[static_cast<int>(spec.kernel)] << " kernel, ";
      if (spec.adaptive) os << "adaptive bandwidth (k=" << spec.k << ")";
      else { os << "bandwidth "; dist(); }
      break;
    }
    case WeightsMethod::File: os << "weights file " << spec.file; break;
  }
  if (spec.order > 1) os << ", order " << spec.order << (spec.cumulative ? " (cumulative)" : "");
  return os.str();
}

}  // namespace rs::geo
