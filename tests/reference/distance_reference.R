# Expected values for the distance weights, higher-order, transform and weights-file tests,
# computed with R spdep (1.2-7) and sf. Run from the repository root:
#
#   Rscript tests/reference/distance_reference.R
#
# It writes tests/reference/distance_*.csv. Links are written one per line as
# `from,to,value` with the units' ids and 17 significant digits.
#
# Points: planar centroids, as OGR's OGRGeometry::Centroid computes them (GEOS, in the layer's
# coordinates, degrees for the China layer), so sf is run with sf_use_s2(FALSE). The centroids
# are written out too: the C++ tests check that ours agree to 1e-9 and run the longitude/latitude
# cases on the committed points, so they do not need the source layer.
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
sf_use_s2(FALSE)

args <- commandArgs(trailingOnly = TRUE)
china_path <- if (length(args) >= 1) args[1] else "sample_layers/china_provinces.gpkg"
out_dir <- "tests/reference"
spdata <- system.file(package = "spData")

fmt <- function(x) sprintf("%.17g", x)

write_points <- function(ids, xy, file, names = c("x", "y")) {
  df <- data.frame(id = ids, a = fmt(xy[, 1]), b = fmt(xy[, 2]))
  names(df) <- c("id", names)
  write.csv(df, file.path(out_dir, file), row.names = FALSE, quote = FALSE)
}

# One line per link of nb (and a value per link: a distance or a weight).
write_links <- function(nb, ids, values, file) {
  from <- character(0); to <- character(0); val <- character(0)
  for (i in seq_along(nb)) {
    js <- nb[[i]]
    if (length(js) == 1L && js[1] == 0L) next
    from <- c(from, rep(ids[i], length(js)))
    to <- c(to, ids[js])
    val <- c(val, fmt(values[[i]]))
  }
  write.csv(data.frame(from = from, to = to, value = val),
            file.path(out_dir, file), row.names = FALSE, quote = FALSE)
}

write_nb <- function(nb, ids, file) write_links(nb, ids, lapply(nb, function(js) rep(1, length(js))), file)

ids_of <- function(v) as.character(v)

# --- columbus (planar polygons) -------------------------------------------------------------
columbus <- st_read(file.path(spdata, "shapes/columbus.shp"), quiet = TRUE)
col_ids <- ids_of(columbus$POLYID)
col_xy <- st_coordinates(st_centroid(st_geometry(columbus)))
write_points(col_ids, col_xy, "distance_columbus_centroids.csv")
for (k in c(4, 6)) {
  nb <- knn2nb(knearneigh(col_xy, k = k))
  write_links(nb, col_ids, nbdists(nb, col_xy), sprintf("distance_columbus_knn%d.csv", k))
}
col_band <- dnearneigh(col_xy, 0, 1.5)
write_links(col_band, col_ids, nbdists(col_band, col_xy), "distance_columbus_band1.5.csv")
col_min <- max(unlist(nbdists(knn2nb(knearneigh(col_xy, k = 1)), col_xy)))

# --- baltim (planar points) -----------------------------------------------------------------
baltim <- st_read(file.path(spdata, "shapes/baltim.shp"), quiet = TRUE)
bal_ids <- ids_of(baltim$STATION)
bal_xy <- st_coordinates(baltim)
bal_nb <- knn2nb(knearneigh(bal_xy, k = 4))
write_links(bal_nb, bal_ids, nbdists(bal_nb, bal_xy), "distance_baltim_knn4.csv")
bal_min <- max(unlist(nbdists(knn2nb(knearneigh(bal_xy, k = 1)), bal_xy)))

# --- a 5 x 5 lattice (ties everywhere: which of equally near units kNN keeps) ----------------
grid_xy <- as.matrix(expand.grid(x = 0:4, y = 0:4))
grid_ids <- as.character(seq_len(nrow(grid_xy)))
write_points(grid_ids, grid_xy, "distance_grid_points.csv")
for (k in c(3, 5)) {
  nb <- knn2nb(knearneigh(grid_xy, k = k))
  write_links(nb, grid_ids, nbdists(nb, grid_xy), sprintf("distance_grid_knn%d.csv", k))
}

# --- China provinces (longitude/latitude, great-circle km) ----------------------------------
china <- st_read(china_path, quiet = TRUE)
cn_ids <- ids_of(china$adcode)
cn_xy <- st_coordinates(st_centroid(st_geometry(china)))
write_points(cn_ids, cn_xy, "distance_china_centroids.csv", c("lon", "lat"))
for (k in c(4, 6)) {
  nb <- knn2nb(knearneigh(cn_xy, k = k, longlat = TRUE))
  write_links(nb, cn_ids, nbdists(nb, cn_xy, longlat = TRUE), sprintf("distance_china_knn%d.csv", k))
}
cn_min <- max(unlist(nbdists(knn2nb(knearneigh(cn_xy, k = 1, longlat = TRUE)), cn_xy, longlat = TRUE)))
# Bands: a round one, and the minimum threshold itself (its farthest pair lies exactly on the
# band's edge, so membership must use the same distances and `<=`).
for (d in c(500, 1000)) {
  nb <- dnearneigh(cn_xy, 0, d, longlat = TRUE)
  write_links(nb, cn_ids, nbdists(nb, cn_xy, longlat = TRUE), sprintf("distance_china_band%d.csv", d))
}
nb_min <- dnearneigh(cn_xy, 0, cn_min, longlat = TRUE)
write_links(nb_min, cn_ids, nbdists(nb_min, cn_xy, longlat = TRUE), "distance_china_band_min.csv")

# Inverse distance within 1000 km, powers 1 and 2 (spdep nb2listwdist, type "idw", raw).
nb1000 <- dnearneigh(cn_xy, 0, 1000, longlat = TRUE)
for (alpha in c(1, 2)) {
  # (sp points: nb2listwdist 1.2-7 fails on sf points with longitude/latitude)
  lw <- nb2listwdist(nb1000, sp::SpatialPoints(cn_xy, proj4string = sp::CRS("+proj=longlat +datum=WGS84")),
                     type = "idw", style = "raw", alpha = alpha, zero.policy = TRUE)
  # nb2listwdist measures longitude/latitude distances in metres; RegionStat in km, so its
  # weights (1/d_km^alpha) are these times 1000^alpha.
  km_weights <- lapply(lw$weights, function(w) w * 1000^alpha)
  write_links(nb1000, cn_ids, km_weights, sprintf("distance_china_idw%d_1000.csv", alpha))
}

# Kernels (libpysal Kernel definitions; spdep has none, so they are evaluated here on spdep's
# distances). z = d / h; the unit itself is included with K(0).
kernels <- list(
  triangular = function(z) 1 - z,
  uniform = function(z) rep(0.5, length(z)),
  epanechnikov = function(z) 0.75 * (1 - z^2),
  quartic = function(z) (15 / 16) * (1 - z^2)^2,
  gaussian = function(z) exp(-z^2 / 2) / sqrt(2 * pi))
with_self <- function(nb) {
  lapply(seq_along(nb), function(i) {
    js <- nb[[i]]
    if (length(js) == 1L && js[1] == 0L) js <- integer(0)
    sort(c(i, js))
  })
}
kernel_values <- function(nb_self, nb, dists, h, K) {
  lapply(seq_along(nb_self), function(i) {
    js <- nb[[i]]
    d <- if (length(js) == 1L && js[1] == 0L) numeric(0) else dists[[i]]
    dd <- c(0, d)[order(c(i, js[js > 0]))]
    K(dd / h[i])
  })
}
# Adaptive: h_i = distance to the 6th nearest neighbour * 1.0000001 (libpysal's eps).
knn6 <- knn2nb(knearneigh(cn_xy, k = 6, longlat = TRUE))
d6 <- nbdists(knn6, cn_xy, longlat = TRUE)
h6 <- sapply(d6, max) * 1.0000001
nb6s <- with_self(knn6)
for (kn in names(kernels)) {
  write_links(nb6s, cn_ids, kernel_values(nb6s, knn6, d6, h6, kernels[[kn]]),
              sprintf("distance_china_kernel_%s_k6.csv", kn))
}
# Fixed bandwidth 800 km.
nb800 <- dnearneigh(cn_xy, 0, 800, longlat = TRUE)
d800 <- nbdists(nb800, cn_xy, longlat = TRUE)
nb800s <- with_self(nb800)
for (kn in c("triangular", "gaussian")) {
  write_links(nb800s, cn_ids, kernel_values(nb800s, nb800, d800, rep(800, length(nb800)), kernels[[kn]]),
              sprintf("distance_china_kernel_%s_800.csv", kn))
}

write.csv(data.frame(dataset = c("columbus", "baltim", "china"),
                     value = fmt(c(col_min, bal_min, cn_min))),
          file.path(out_dir, "distance_min_threshold.csv"), row.names = FALSE, quote = FALSE)

# --- spData weights files, styles and higher orders on columbus queen -----------------------
gal <- function(name, ids) read.gal(file.path(spdata, "weights", name), region.id = ids)
col_q <- gal("columbus.gal", col_ids)
write_nb(col_q, col_ids, "distance_gal_columbus.csv")
sids <- st_read(file.path(spdata, "shapes/sids.shp"), quiet = TRUE)
sids_ids <- ids_of(sids$FIPS)  # FIPS codes as text (FIPSNO holds the same as numbers)
write_nb(gal("ncCC89.gal", sids_ids), sids_ids, "distance_gal_ncCC89.csv")
write_nb(gal("ncCR85.gal", sids_ids), sids_ids, "distance_gal_ncCR85.csv")
ny_ids <- as.character(0:280)  # NY_nb.gal numbers the tracts 0..280 (the Shapefile's FIDs)
write_nb(gal("NY_nb.gal", ny_ids), ny_ids, "distance_gal_NY_nb.csv")
gwt <- suppressWarnings(read.gwt2nb(file.path(spdata, "weights/baltk4.GWT"), region.id = as.integer(bal_ids)))
write_links(gwt, bal_ids, attr(gwt, "GeoDa")$dist, "distance_gwt_baltk4.csv")

for (style in c("W", "B", "S", "C")) {
  lw <- nb2listw(col_q, style = style)
  write_links(col_q, col_ids, lw$weights, sprintf("distance_columbus_queen_style%s.csv", style))
}
# Styles on asymmetric inverse-distance weights (China kNN 6 with 1/d, as nb2listw glist).
cn_knn_glist <- lapply(d6, function(d) 1 / d)
for (style in c("W", "S", "C")) {
  lw <- nb2listw(knn6, glist = cn_knn_glist, style = style)
  write_links(knn6, cn_ids, lw$weights, sprintf("distance_china_knn6_invdist_style%s.csv", style))
}

lags <- nblag(col_q, 3)
write_nb(lags[[2]], col_ids, "distance_columbus_queen_lag2.csv")
write_nb(lags[[3]], col_ids, "distance_columbus_queen_lag3.csv")
write_nb(nblag_cumul(lags), col_ids, "distance_columbus_queen_cumul3.csv")

cat("wrote tests/reference/distance_*.csv\n")
