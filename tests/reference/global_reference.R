# Expected values for tests/global_autocorrelation_test.cpp: global Moran's I, Geary's C and
# Getis-Ord General G from R spdep (moran.test, geary.test, globalG.test) on real layers.
#
# Run from the repository root:  Rscript tests/reference/global_reference.R
# Writes next to this script:
#   global_values_<data>.csv  unit id and the analysed fields (NA where missing), in layer order
#   global_nb_<data>.csv      the queen contiguity neighbours spdep used (poly2nb, 0-based from,to)
#   global_reference.csv      one row per data set, field, weights style and test
# The C++ tests rebuild the weights from the exported neighbour lists, so they test the
# statistics independently of the contiguity code.
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
sf_use_s2(FALSE)  # poly2nb on planar coordinates, as spdep's examples do

out_dir <- "tests/reference"
spdata <- system.file(package = "spData")
shared <- "../shared/data"

write_nb <- function(nb, name) {
  from <- integer(0); to <- integer(0)
  for (i in seq_along(nb)) {
    if (length(nb[[i]]) == 1L && nb[[i]][1] == 0L) next  # no neighbours
    from <- c(from, rep(i - 1L, length(nb[[i]])))
    to <- c(to, nb[[i]] - 1L)
  }
  write.csv(data.frame(from = from, to = to), file.path(out_dir, paste0("global_nb_", name, ".csv")),
            row.names = FALSE)
}

write_values <- function(df, name) {
  write.csv(df, file.path(out_dir, paste0("global_values_", name, ".csv")), row.names = FALSE, na = "")
}

rows <- list()
add <- function(data, field, style, test, h) {
  est <- unname(h$estimate)
  z <- unname(h$statistic)
  rows[[length(rows) + 1]] <<- data.frame(
    data = data, field = field, style = style, test = test,
    statistic = est[1], expected = est[2], variance = est[3], z = z,
    p_greater = pnorm(z, lower.tail = FALSE), p_less = pnorm(z),
    p_two_sided = 2 * pnorm(abs(z), lower.tail = FALSE), p_spdep = h$p.value)
}

# All tests of one field on one neighbour list; missing values are dropped and the weights
# subset to the remaining units (spdep's subset.listw, the same style rebuilt), islands get
# zero.policy = TRUE.
run_field <- function(data, field, x, nb) {
  ok <- !is.na(x)
  for (style in c("W", "B")) {
    lw <- nb2listw(nb, style = style, zero.policy = TRUE)
    if (!all(ok)) lw <- subset(lw, ok, zero.policy = TRUE)
    xv <- as.numeric(x[ok])  # integer fields overflow in globalG.test's products
    add(data, field, style, "moran_normality",
        moran.test(xv, lw, randomisation = FALSE, zero.policy = TRUE))
    add(data, field, style, "moran_randomisation",
        moran.test(xv, lw, randomisation = TRUE, zero.policy = TRUE))
    add(data, field, style, "geary_normality",
        geary.test(xv, lw, randomisation = FALSE, zero.policy = TRUE))
    add(data, field, style, "geary_randomisation",
        geary.test(xv, lw, randomisation = TRUE, zero.policy = TRUE))
    if (style == "B" && all(xv >= 0))
      add(data, field, style, "general_g", globalG.test(xv, lw, zero.policy = TRUE))
  }
}

# Bivariate Moran (GeoDa, esda Moran_BV): I_xy = (n/S0) sum_i zx_i (W zy)_i / sum_i zx_i^2 with
# x and y standardised by the sample standard deviation; computed here by hand in R.
bivariate <- function(data, fx, fy, x, y, nb) {
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  zx <- as.vector(scale(x)); zy <- as.vector(scale(y))
  n <- sum(card(nb) > 0)
  I <- (n / Szero(lw)) * sum(zx * lag.listw(lw, zy, zero.policy = TRUE)) / sum(zx^2)
  rows[[length(rows) + 1]] <<- data.frame(
    data = data, field = paste0(fx, ":", fy), style = "W", test = "moran_bivariate",
    statistic = I, expected = 0, variance = NA, z = NA, p_greater = NA, p_less = NA,
    p_two_sided = NA, p_spdep = NA)
}

# --- columbus (spData): 49 neighbourhoods of Columbus, Ohio
col <- st_read(file.path(spdata, "shapes", "columbus.shp"), quiet = TRUE)
col_nb <- poly2nb(col, queen = TRUE)
write_nb(col_nb, "columbus")
write_values(data.frame(POLYID = col$POLYID, CRIME = col$CRIME, HOVAL = col$HOVAL, INC = col$INC), "columbus")
for (f in c("CRIME", "HOVAL", "INC")) run_field("columbus", f, col[[f]], col_nb)
bivariate("columbus", "CRIME", "INC", col$CRIME, col$INC, col_nb)
bivariate("columbus", "INC", "HOVAL", col$INC, col$HOVAL, col_nb)

# --- sids (spData): 100 North Carolina counties
sids <- st_read(file.path(spdata, "shapes", "sids.shp"), quiet = TRUE)
sids_nb <- poly2nb(sids, queen = TRUE)
write_nb(sids_nb, "sids")
sid79_rate <- 1000 * sids$SID79 / sids$BIR79
write_values(data.frame(FIPSNO = sids$FIPSNO, SID79_RATE = sid79_rate, NWBIR74 = sids$NWBIR74), "sids")
run_field("sids", "SID79_RATE", sid79_rate, sids_nb)
run_field("sids", "NWBIR74", sids$NWBIR74, sids_nb)

# --- boston_tracts (spData): 506 census tracts; `median` has 17 NA (censored)
bos <- st_read(file.path(spdata, "shapes", "boston_tracts.shp"), quiet = TRUE)
bos_nb <- poly2nb(bos, queen = TRUE)
write_nb(bos_nb, "boston")
write_values(data.frame(poltract = bos$poltract, median = bos$median, CMEDV = bos$CMEDV), "boston")
run_field("boston", "median", bos$median, bos_nb)
run_field("boston", "CMEDV", bos$CMEDV, bos_nb)

# --- China provinces: Natural Earth admin-1 (31 mainland units) joined to GDP 2011 by name;
# Hainan has no contiguity neighbour (zero.policy).
china_path <- file.path(shared, "china_admin1_naturalearth.geojson")
if (file.exists(china_path)) {
  chn <- st_read(china_path, quiet = TRUE)
  chn <- chn[!is.na(chn$adcode), ]
  chn <- chn[order(chn$adcode), ]
  eco <- read.csv(file.path(shared, "china_province_economy_2002_2011.csv"), encoding = "UTF-8")
  eco <- eco[eco$year == 2011, ]
  short <- vapply(chn$name_zh, function(long) {
    m <- eco$name_zh[startsWith(long, eco$name_zh)]
    m[which.max(nchar(m))]
  }, "")
  gdp <- eco$gdp[match(short, eco$name_zh)]
  stopifnot(!anyNA(gdp))
  chn_nb <- poly2nb(chn, queen = TRUE)
  write_nb(chn_nb, "china")
  write_values(data.frame(adcode = chn$adcode, gdp_2011 = gdp), "china")
  run_field("china", "gdp_2011", gdp, chn_nb)
}

res <- do.call(rbind, rows)
write.csv(res, file.path(out_dir, "global_reference.csv"), row.names = FALSE)
cat("wrote", nrow(res), "reference rows to", file.path(out_dir, "global_reference.csv"), "\n")
