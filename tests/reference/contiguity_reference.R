# Reference contiguity links from R spdep's poly2nb (queen and rook, default snap).
#
# Run from the repository root:  Rscript tests/reference/contiguity_reference.R
# Writes tests/reference/contiguity_<data>_<queen|rook>.csv(.gz): one line per undirected link
# "from,to" with from < to, both 1-based positions of the features in the source (the order
# GDAL reads them, which is also the order regionstat reads them). poly2nb is symmetric, so
# the undirected pairs are the whole link set; the number of (directed) links is twice the
# number of lines.
#
# Data: spData's columbus, sids and boston_tracts shapes (Debian r-cran-spdata), the China
# provinces (sample_layers/china_provinces.gpkg, when built) and, when ../shared/data has them,
# the 72 Natural Earth admin-1 polygons of China and the 35,357 French communes (gzipped
# output: the list is large).
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})

out_dir <- file.path("tests", "reference")
if (!dir.exists(out_dir)) stop("run this script from the repository root")
spdata <- system.file("shapes", package = "spData")
shared <- file.path("..", "shared", "data")

write_links <- function(nb, name, gz = FALSE) {
  from <- rep(seq_along(nb), card(nb))
  to <- unlist(lapply(nb, function(x) x[x > 0L]))
  keep <- from < to
  links <- data.frame(from = from[keep], to = to[keep])
  path <- file.path(out_dir, paste0("contiguity_", name, ".csv", if (gz) ".gz" else ""))
  con <- if (gz) gzfile(path, "w") else file(path, "w")
  write.csv(links, con, row.names = FALSE, quote = FALSE)
  close(con)
  cat(sprintf("%-28s %6d units %7d links %4d islands  (%s)\n", name, length(nb),
              sum(card(nb)), sum(card(nb) == 0L), path))
}

reference <- function(name, path, gz = FALSE) {
  layer <- st_read(path, quiet = TRUE)
  write_links(poly2nb(layer, queen = TRUE), paste0(name, "_queen"), gz)
  write_links(poly2nb(layer, queen = FALSE), paste0(name, "_rook"), gz)
}

cat("spdep", as.character(packageVersion("spdep")), " sf", as.character(packageVersion("sf")),
    " s2", sf_use_s2(), "\n")
reference("columbus", file.path(spdata, "columbus.shp"))
reference("sids", file.path(spdata, "sids.shp"))
reference("boston", file.path(spdata, "boston_tracts.shp"))

provinces <- file.path("sample_layers", "china_provinces.gpkg")
if (file.exists(provinces)) reference("china_provinces", provinces)
admin1 <- file.path(shared, "china_admin1_naturalearth.geojson")
if (file.exists(admin1)) reference("china_admin1", admin1)

communes <- file.path(shared, "communes_fr_2018.geojson.gz")
if (file.exists(communes)) {
  # One commune is invalid (a ring with a repeated vertex), which s2 refuses; with s2 off,
  # poly2nb takes its candidate pairs from planar bounding boxes, a superset of the pairs
  # sharing a vertex, so the links are those of the vertex test alone, as for columbus.
  sf_use_s2(FALSE)
  reference("communes", paste0("/vsigzip/", communes), gz = TRUE)
}
