#include "geo/weights_io.hpp"

#include "algorithms/errors.hpp"

namespace rs::geo {

SpatialWeights read_weights_file(const std::string& path, const std::vector<std::string>&) {
  throw DataError("cannot read weights file '" + path + "' yet");
}
void write_gal(const std::string& path, const SpatialWeights&, bool, const std::string&, const std::string&) {
  throw DataError("cannot write '" + path + "' yet");
}
void write_gwt(const std::string& path, const SpatialWeights&, bool, const std::string&, const std::string&) {
  throw DataError("cannot write '" + path + "' yet");
}

}  // namespace rs::geo
