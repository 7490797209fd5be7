# Expected weighted mean centres and standard deviational ellipses, computed independently of
# RegionStat with sf (GEOS centroids, PROJ transforms) and the formulas published by ESRI
# ("How Directional Distribution (Standard Deviational Ellipse) works"):
#   x~ = x - x_bar, y~ = y - y_bar (weighted mean centre)
#   A = sum w x~^2 - sum w y~^2,  B = sqrt(A^2 + 4 (sum w x~ y~)^2),  C = 2 sum w x~ y~
#   theta = atan((A + B) / C)   (rotation clockwise from north of the y standard distance)
#   sigma_x = sqrt(2) sqrt(sum w (x~ cos theta - y~ sin theta)^2 / sum w)
#   sigma_y = sqrt(2) sqrt(sum w (x~ sin theta + y~ cos theta)^2 / sum w)
# The CrimeStat convention multiplies the variances by n / (n - 2); the unscaled one drops the 2.
# Standard distance (ESRI, "How Standard Distance works"), 1 standard deviation, weighted:
#   SD = sqrt(sum w (x~^2 + y~^2) / sum w)
#
# Run from the repository root:  Rscript tests/reference/centrography_reference.R
# Writes tests/reference/centrography_expected.csv.
suppressPackageStartupMessages(library(sf))
sf_use_s2(FALSE)  # planar centroids of lon/lat polygons, as GEOS/OGR compute them

out_dir <- "tests/reference"
spdata <- system.file("shapes", package = "spData")
china <- "sample_layers/china_provinces.gpkg"

points_of <- function(layer) {
  g <- st_geometry(layer)
  if (!all(st_geometry_type(g) %in% c("POINT"))) g <- suppressWarnings(st_centroid(g))
  g
}

# The Albers equal-area projection RegionStat fits to a geographic layer's extent.
albers_for <- function(layer) {
  bb <- st_bbox(layer)
  r <- bb[["ymax"]] - bb[["ymin"]]
  sprintf("+proj=aea +lat_1=%.15g +lat_2=%.15g +lat_0=%.15g +lon_0=%.15g +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
          bb[["ymin"]] + r / 6, bb[["ymax"]] - r / 6, (bb[["ymin"]] + bb[["ymax"]]) / 2,
          (bb[["xmin"]] + bb[["xmax"]]) / 2)
}

sde <- function(x, y, w, convention) {
  W <- sum(w)
  xb <- sum(w * x) / W
  yb <- sum(w * y) / W
  xt <- x - xb
  yt <- y - yb
  A <- sum(w * xt^2) - sum(w * yt^2)
  B <- sqrt(A^2 + 4 * sum(w * xt * yt)^2)
  C <- 2 * sum(w * xt * yt)
  theta <- if (C == 0) (if (A >= 0) pi / 2 else 0) else atan((A + B) / C)
  k <- switch(convention, arcgis = 2, crimestat = 2 * length(x) / (length(x) - 2), unscaled = 1)
  sx <- sqrt(k * sum(w * (xt * cos(theta) - yt * sin(theta))^2) / W)
  sy <- sqrt(k * sum(w * (xt * sin(theta) + yt * cos(theta))^2) / W)
  # sigma_y lies along the azimuth theta, sigma_x across it.
  rot <- (theta * 180 / pi) %% 180
  if (sx > sy) rot <- (rot + 90) %% 180
  list(x = xb, y = yb, a = max(sx, sy), b = min(sx, sy), rotation = rot,
       standard_distance = sqrt(sum(w * (xt^2 + yt^2)) / W))
}

rows <- list()
add <- function(dataset, path, weight, conventions, std = 1, km = 1, geographic = FALSE) {
  layer <- st_read(path, quiet = TRUE)
  w <- if (weight == "") rep(1, nrow(layer)) else layer[[weight]]
  keep <- !is.na(w)
  layer <- layer[keep, ]
  w <- w[keep]
  pts <- points_of(layer)
  if (geographic) {
    crs_m <- albers_for(st_read(path, quiet = TRUE))  # extent of the whole layer
    pts <- st_transform(pts, crs_m)
  }
  xy <- st_coordinates(pts)
  for (conv in conventions) {
    e <- sde(xy[, 1], xy[, 2], w, conv)
    centre <- st_sfc(st_point(c(e$x, e$y)), crs = st_crs(pts))
    if (geographic) centre <- st_transform(centre, 4326)
    cxy <- st_coordinates(centre)
    rows[[length(rows) + 1]] <<- data.frame(
      dataset = dataset, weight = weight, convention = conv, std = std, n = length(w),
      center_x = sprintf("%.15g", cxy[1]), center_y = sprintf("%.15g", cxy[2]),
      semi_major = sprintf("%.15g", std * e$a * km), semi_minor = sprintf("%.15g", std * e$b * km),
      rotation = sprintf("%.15g", e$rotation),
      standard_distance = sprintf("%.15g", e$standard_distance * km))
  }
}

add("columbus", file.path(spdata, "columbus.shp"), "", c("arcgis", "crimestat", "unscaled"))
add("columbus", file.path(spdata, "columbus.shp"), "INC", c("arcgis", "unscaled"))
add("baltim", file.path(spdata, "baltim.shp"), "PRICE", c("arcgis", "crimestat"))
# (NY8_utm18 is left out: it has invalid polygons, which RegionStat repairs and sf does not in
# the same way, so their centroids differ by centimetres.)
for (year in 2002:2011)
  add("china_provinces", china, sprintf("gdp_%d", year), "arcgis", km = 1 / 1000, geographic = TRUE)
add("china_provinces", china, "gdp_2011", c("crimestat", "unscaled"), km = 1 / 1000, geographic = TRUE)

write.csv(do.call(rbind, rows), file.path(out_dir, "centrography_expected.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", file.path(out_dir, "centrography_expected.csv"), "\n")
