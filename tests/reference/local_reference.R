# Expected values of the local statistics, the p-value adjustments and the natural breaks,
# produced by R spdep 1.2-7, stats::p.adjust and classInt 0.4-9.
# Run from the repository root:  Rscript tests/reference/local_reference.R
# Writes next to this script, for each data set D:
#   local_D_nb.csv     the queen contiguity neighbours used (poly2nb), 0-based, space separated
#   local_D.csv        the variable x and, per unit, spdep's localmoran (mlvar=FALSE and the
#                      default mlvar=TRUE), localG with and without include.self on B and W
#                      weights, localC on W weights
#   local_padjust.csv  p.adjust "BH" and "bonferroni" of a vector with ties and NAs
#   local_jenks.csv    classInt::classIntervals(style = "jenks") breaks
#   local_geary_clusters.csv  per unit of each data set: z, its lag, localC_perm's C_i, the
#                      mean of its 999 simulated values (E.Ci) and folded pseudo p, and the
#                      cluster code GeoDa's rule (libgeoda UniGeary) gives them at alpha 0.05
#                      and 0.01, written out below from the rule's statement
suppressMessages({
  library(sf)
  library(spdep)
  library(classInt)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script)) dirname(normalizePath(script)) else "tests/reference"
shapes <- system.file("shapes", package = "spData")

num <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))

write_nb <- function(nb, ids, name) {
  rows <- vapply(seq_along(nb), function(i) {
    j <- nb[[i]]
    j <- j[j > 0]
    paste(j - 1L, collapse = " ")
  }, "")
  write.csv(data.frame(id = ids, neighbours = rows), file.path(out_dir, name),
            row.names = FALSE, quote = TRUE)
}

# GeoDa's local Geary clusters (Anselin 2019; libgeoda UniGeary): significant (p <= alpha)
# units whose C_i exceeds the mean of its simulated values are "negative" (4); the others are
# High-High (1) when z > 0 and lag > 0, Low-Low (2) when both are < 0, else "other positive"
# (3); 0 not significant, 6 no neighbours. spdep's own "cluster" attribute is the quadrant
# alone, without this rule, hence written out here.
geoda_geary_cluster <- function(z, lag, ci, mean_ci, p, k, alpha) {
  code <- ifelse(z > 0 & lag > 0, 1L, ifelse(z < 0 & lag < 0, 2L, 3L))
  code[ci > mean_ci] <- 4L
  code[p > alpha] <- 0L
  code[k == 0] <- 6L
  code
}

geary_clusters <- NULL
geary_cluster_rows <- function(name, nb, x, ids) {
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  set.seed(20240601)
  ci <- localC_perm(x, lw, nsim = 999, zero.policy = TRUE)
  sim <- attr(ci, "pseudo-p")
  z <- as.numeric(scale(x))
  lag <- lag.listw(lw, z, zero.policy = TRUE)
  k <- card(nb)
  p <- sim[, "Pr(folded) Sim"]
  rows <- data.frame(
    set = name, id = ids, z = num(z), lag = num(lag), ci = num(as.numeric(ci)),
    mean_ci = num(sim[, "E.Ci"]), p = num(p), neighbours = k,
    cluster_05 = geoda_geary_cluster(z, lag, as.numeric(ci), sim[, "E.Ci"], p, k, 0.05),
    cluster_01 = geoda_geary_cluster(z, lag, as.numeric(ci), sim[, "E.Ci"], p, k, 0.01)
  )
  geary_clusters <<- rbind(geary_clusters, rows)
}

local_reference <- function(name, layer, field, x, ids) {
  nb <- poly2nb(layer, queen = TRUE)
  write_nb(nb, ids, sprintf("local_%s_nb.csv", name))
  lw_w <- nb2listw(nb, style = "W", zero.policy = TRUE)
  lw_b <- nb2listw(nb, style = "B", zero.policy = TRUE)
  nb_self <- include.self(nb)
  lws_w <- nb2listw(nb_self, style = "W", zero.policy = TRUE)
  lws_b <- nb2listw(nb_self, style = "B", zero.policy = TRUE)
  lm_f <- localmoran(x, lw_w, mlvar = FALSE, zero.policy = TRUE)
  lm_t <- localmoran(x, lw_w, zero.policy = TRUE)
  out <- data.frame(
    id = ids,
    x = num(x),
    Ii_mlvarF = num(lm_f[, "Ii"]), E_Ii_mlvarF = num(lm_f[, "E.Ii"]),
    Var_Ii_mlvarF = num(lm_f[, "Var.Ii"]), Z_Ii_mlvarF = num(lm_f[, "Z.Ii"]),
    Ii = num(lm_t[, "Ii"]), E_Ii = num(lm_t[, "E.Ii"]), Var_Ii = num(lm_t[, "Var.Ii"]),
    Z_Ii = num(lm_t[, "Z.Ii"]), P_Ii = num(lm_t[, 5]),
    Gi_W = num(as.numeric(localG(x, lw_w, zero.policy = TRUE))),
    Gi_B = num(as.numeric(localG(x, lw_b, zero.policy = TRUE))),
    Gistar_W = num(as.numeric(localG(x, lws_w, zero.policy = TRUE))),
    Gistar_B = num(as.numeric(localG(x, lws_b, zero.policy = TRUE))),
    C_W = num(as.numeric(localC(x, lw_w, zero.policy = TRUE))),
    C_B = num(as.numeric(localC(x, lw_b, zero.policy = TRUE)))
  )
  write.csv(out, file.path(out_dir, sprintf("local_%s.csv", name)), row.names = FALSE)
  geary_cluster_rows(name, nb, x, ids)
  cat(sprintf("%s: %d units, %s, %d links\n", name, length(x), field, sum(card(nb))))
}

columbus <- st_read(file.path(shapes, "columbus.shp"), quiet = TRUE)
local_reference("columbus", columbus, "CRIME", columbus$CRIME, as.character(columbus$POLYID))

sids <- st_read(file.path(shapes, "sids.shp"), quiet = TRUE)
# SIDS births per 1000 live births, 1974-78.
local_reference("sids", sids, "SID74 / BIR74 * 1000", sids$SID74 / sids$BIR74 * 1000,
                as.character(sids$FIPSNO))

boston <- st_read(file.path(shapes, "boston_tracts.shp"), quiet = TRUE)
local_reference("boston", boston, "CMEDV", boston$CMEDV, as.character(boston$poltract))

china_path <- "sample_layers/china_provinces.gpkg"
if (file.exists(china_path)) {
  china <- st_read(china_path, quiet = TRUE)
  # Hong Kong, Macao and Taiwan have no GDP: analysed without them (and their links), as the
  # analysis layer does; Hainan is then an island (NaN in our results, 0 or NaN in spdep's).
  china <- china[!is.na(china$gdp_2011), ]
  local_reference("china", china, "gdp_2011", china$gdp_2011, as.character(china$adcode))
} else {
  cat("sample_layers/china_provinces.gpkg not found: China provinces skipped\n")
}

write.csv(geary_clusters, file.path(out_dir, "local_geary_clusters.csv"), row.names = FALSE)

# p.adjust on a family with ties, a 1, and NAs (which do not count in the family size).
p <- c(0.01, 0.04, NA, 0.03, 0.04, 0.2, 0.5, 0.001, NA, 1, 0.04, 0.0005, 0.7, 0.049, 0.3)
lm_p <- localmoran(columbus$CRIME, nb2listw(poly2nb(columbus)))[, 5]
padj <- data.frame(
  family = c(rep("constructed", length(p)), rep("columbus_lisa", length(lm_p))),
  p = num(c(p, lm_p)),
  bh = num(c(p.adjust(p, "BH"), p.adjust(lm_p, "BH"))),
  bonferroni = num(c(p.adjust(p, "bonferroni"), p.adjust(lm_p, "bonferroni")))
)
write.csv(padj, file.path(out_dir, "local_padjust.csv"), row.names = FALSE)

# Jenks natural breaks (classInt's exact algorithm; no sampling below 3000 values).
jenks <- function(name, v, k) {
  b <- classIntervals(v, n = k, style = "jenks")$brks
  data.frame(data = name, classes = k, breaks = paste(num(b), collapse = " "))
}
sids_gstar <- as.numeric(localG(sids$SID74 / sids$BIR74 * 1000,
                                nb2listw(include.self(poly2nb(sids)), style = "B")))
jb <- rbind(
  jenks("columbus_CRIME", columbus$CRIME, 5),
  jenks("columbus_CRIME", columbus$CRIME, 3),
  jenks("sids_gstar_B", sids_gstar, 5),
  jenks("boston_CMEDV", boston$CMEDV, 5),
  jenks("boston_CMEDV", boston$CMEDV, 7)
)
write.csv(jb, file.path(out_dir, "local_jenks.csv"), row.names = FALSE)
cat("written to", out_dir, "\n")
