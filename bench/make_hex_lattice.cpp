// Writes a lattice of ROWS x COLS regular hexagons as a GeoPackage (with its spatial index), for
// the benchmarks in bench/ (run.sh makes 100,000, 1,000,000 and 10,000,000 cells with it).
//
//   regionstat_bench_hex_lattice ROWS COLS OUTPUT.gpkg [SEED]
//
// Geometry. Pointy-top hexagons of 1 km^2 in "odd-r" offset layout: cell (r, c) has its centre
// at x = (2c + (r odd)) h, y = 3r v, with h the half-width and v half the side. Every vertex
// is x0 + i h, y0 + j v for integers (i, j), computed by that one formula, so the two cells on
// either side of an edge get bit-identical coordinates: the lattice tests exact contiguity, as
// polygons cut from one topology (administrative boundaries) do. An interior cell has 6 queen
// neighbours (as many rook neighbours: hexagons never touch at a vertex only). CRS: EPSG:3035
// (ETRS89 / LAEA Europe, metric and equal-area), lower-left corner at (2,500 km, 1,500 km), so
// that even 10 million cells stay inside its area of use.
//
// Fields: id (row * COLS + col), row, col, and two values with real spatial autocorrelation,
// so that LISA and Gi* find clusters rather than noise:
//   value  = a smooth surface of the cell's row and column (waves 25 to 60 cells long)
//            plus Gaussian noise (sd 0.5);
//   value2 = a positive, skewed "population": 100 exp(0.8 * (a shorter-wave surface + noise)).
// The noise is a counter-based generator (splitmix64 of SEED and the id, Box-Muller), so a cell's
// values depend on SEED and its position only, not on the size of the lattice.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace {

constexpr double kPi = 3.14159265358979323846;

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Uniform in (0, 1) from the top 53 bits.
double uniform(std::uint64_t bits) { return (static_cast<double>(bits >> 11) + 0.5) / 9007199254740992.0; }

// Standard normal number `stream` of cell `id` (Box-Muller on two counter-based uniforms).
double normal(std::uint64_t seed, std::uint64_t id, std::uint64_t stream) {
  const std::uint64_t key = splitmix64(seed ^ splitmix64(id * 4 + stream));
  const double u1 = uniform(splitmix64(key)), u2 = uniform(splitmix64(key + 1));
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
}

bool check(OGRErr err, const char* what) {
  if (err == OGRERR_NONE) return true;
  std::fprintf(stderr, "make_hex_lattice: %s failed: %s\n", what, CPLGetLastErrorMsg());
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s ROWS COLS OUTPUT.gpkg [SEED]\n", argv[0]);
    return 2;
  }
  const long long rows = std::atoll(argv[1]), cols = std::atoll(argv[2]);
  const std::string output = argv[3];
  const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 20181231ULL;
  if (rows < 1 || cols < 1 || rows > 100000 || cols > 100000) {
    std::fprintf(stderr, "make_hex_lattice: ROWS and COLS must be 1 to 100000\n");
    return 2;
  }

  // Side s of a hexagon of 1 km^2 (area 3 sqrt(3) / 2 s^2); h = s sqrt(3) / 2, v = s / 2.
  const double side = std::sqrt(2.0e6 / (3.0 * std::sqrt(3.0)));
  const double h = side * std::sqrt(3.0) / 2.0, v = side / 2.0;
  const double x0 = 2500000.0, y0 = 1500000.0;
  auto vx = [&](long long i) { return x0 + static_cast<double>(i) * h; };
  auto vy = [&](long long j) { return y0 + static_cast<double>(j) * v; };
  // The six vertices around a centre at lattice (2c + odd, 3r), counter-clockwise from the top.
  const int di[6] = {0, -1, -1, 0, 1, 1};
  const int dj[6] = {2, 1, -1, -2, -1, 1};

  GDALAllRegister();
  CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");  // a benchmark input: no fsync per commit
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) {
    std::fprintf(stderr, "make_hex_lattice: GDAL has no GPKG driver\n");
    return 1;
  }
  VSIUnlink(output.c_str());
  GDALDataset* ds = driver->Create(output.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds) {
    std::fprintf(stderr, "make_hex_lattice: cannot create %s: %s\n", output.c_str(), CPLGetLastErrorMsg());
    return 1;
  }
  OGRSpatialReference srs;
  srs.importFromEPSG(3035);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds->CreateLayer("hexagons", &srs, wkbPolygon, nullptr);
  if (!layer) {
    std::fprintf(stderr, "make_hex_lattice: cannot create the layer: %s\n", CPLGetLastErrorMsg());
    GDALClose(ds);
    return 1;
  }
  OGRFieldDefn id_field("id", OFTInteger64), row_field("row", OFTInteger), col_field("col", OFTInteger),
      value_field("value", OFTReal), value2_field("value2", OFTReal);
  for (OGRFieldDefn* f : {&id_field, &row_field, &col_field, &value_field, &value2_field})
    if (!check(layer->CreateField(f), "CreateField")) return 1;

  OGRFeature feature(layer->GetLayerDefn());
  const long long batch = 100000;  // features per transaction
  bool ok = check(ds->StartTransaction(), "StartTransaction");
  for (long long r = 0; r < rows && ok; ++r) {
    for (long long c = 0; c < cols && ok; ++c) {
      const long long id = r * cols + c;
      const long long ci = 2 * c + (r & 1), cj = 3 * r;
      OGRLinearRing ring;
      for (int k = 0; k < 6; ++k) ring.addPoint(vx(ci + di[k]), vy(cj + dj[k]));
      ring.addPoint(vx(ci + di[0]), vy(cj + dj[0]));
      OGRPolygon polygon;
      polygon.addRing(&ring);
      const double rr = static_cast<double>(r), cc = static_cast<double>(c);
      const double smooth = std::sin(cc / 25.0) + std::cos(rr / 35.0) + 0.5 * std::sin((cc + rr) / 60.0);
      const double smooth2 = std::sin(cc / 7.0) * std::cos(rr / 9.0);
      const auto uid = static_cast<std::uint64_t>(id);
      feature.SetFID(id + 1);
      feature.SetField(0, static_cast<GIntBig>(id));
      feature.SetField(1, static_cast<int>(r));
      feature.SetField(2, static_cast<int>(c));
      feature.SetField(3, smooth + 0.5 * normal(seed, uid, 0));
      feature.SetField(4, std::round(100.0 * std::exp(0.8 * (smooth2 + 0.5 * normal(seed, uid, 1))) * 100.0) / 100.0);
      feature.SetGeometry(&polygon);
      ok = check(layer->CreateFeature(&feature), "CreateFeature");
      if (ok && (id + 1) % batch == 0)
        ok = check(ds->CommitTransaction(), "CommitTransaction") && check(ds->StartTransaction(), "StartTransaction");
    }
  }
  ok = ok && check(ds->CommitTransaction(), "CommitTransaction");
  GDALClose(ds);  // builds the spatial index
  if (!ok) return 1;
  std::fprintf(stderr, "wrote %s: %lld hexagons (%lld x %lld)\n", output.c_str(), rows * cols, rows, cols);
  return 0;
}
