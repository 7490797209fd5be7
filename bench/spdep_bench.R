# The peer side of bench/run.sh: R spdep (with sf) on the same GeoPackage and the same weights
# as RegionStat, each step timed on its own so that run.sh can compare step with step and whole
# with whole.
#
#   Rscript bench/spdep_bench.R LAYER FIELD GAL NSIM THREADS WORKDIR [POLY2NB]
#
# LAYER is read with sf::st_read. POLY2NB = 1 (default) builds queen contiguity with poly2nb,
# writes it with write.nb.gal and checks that its links are those of GAL (the file RegionStat's
# `weights --method queen` wrote). The local statistics use GAL (read by read_gal below, as
# spdep's read.gal would but faster), so both sides analyse identical weights:
# localmoran_perm(nsim = NSIM) on row-standardised weights, its permutations spread over THREADS
# processes with spdep's set.coresOption (forked, seeded with iseed); localG on include.self
# binary weights (Gi*); st_write of the layer with the LISA columns to WORKDIR/spdep_lisa.gpkg
# (GDAL's GeoPackage driver, spatial index included).
# Prints "key value" lines (seconds unless named otherwise).
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 6) stop("usage: Rscript spdep_bench.R LAYER FIELD GAL NSIM THREADS WORKDIR [POLY2NB]")
layer_path <- args[1]
field <- args[2]
gal <- args[3]
nsim <- as.integer(args[4])
threads <- as.integer(args[5])
workdir <- args[6]
with_poly2nb <- length(args) < 7 || args[7] == "1"
say <- function(key, value) cat(key, " ", value, "\n", sep = "")
elapsed <- function(expr) system.time(expr)[["elapsed"]]

# Planar candidate pairs, as for projected layers (the communes hold one ring s2 refuses).
invisible(suppressMessages(sf_use_s2(FALSE)))
say("spdep_version", as.character(packageVersion("spdep")))
say("read", elapsed(layer <- st_read(layer_path, quiet = TRUE)))
say("units", nrow(layer))
x <- layer[[field]]

sorted_links <- function(nb) lapply(nb, function(v) sort(v[v > 0L]))
# The GAL as an nb object, in the GAL's unit order (RegionStat writes the layer's order).
# spdep's read.gal takes 90 s on the 35,357 communes (a loop over units in R); this reads the
# same file in a second and is not part of any comparison.
read_gal <- function(path) {
  lines <- readLines(path)
  n <- as.integer(strsplit(trimws(lines[1]), " +")[[1]][2])  # header: 0 n [layer id-field]
  lines <- c(lines[-1], "")[seq_len(2 * n)]  # a unit, its neighbours (an empty line for none)
  heads <- strsplit(trimws(lines[seq(1, 2 * n, by = 2)]), " +")
  ids <- vapply(heads, `[`, "", 1)
  rows <- trimws(lines[seq(2, 2 * n, by = 2)])
  tokens <- strsplit(rows, " +")
  tokens[!nzchar(rows)] <- list(character(0))
  positions <- match(unlist(tokens), ids)  # one hashed match for all links
  owner <- factor(rep(seq_len(n), lengths(tokens)), levels = seq_len(n))
  nb <- lapply(split(positions, owner), function(v) if (length(v)) sort(v) else 0L)
  names(nb) <- NULL
  class(nb) <- "nb"
  attr(nb, "region.id") <- ids
  attr(nb, "type") <- "queen"
  nb
}
say("read_gal", elapsed(nb_rs <- read_gal(gal)))
if (with_poly2nb) {
  say("poly2nb", elapsed(nb <- poly2nb(layer, queen = TRUE)))
  say("write_gal", elapsed(write.nb.gal(nb, file.path(workdir, "spdep_queen.gal"))))
  say("links", sum(card(nb)))
  say("links_identical", identical(sorted_links(nb), sorted_links(nb_rs)))
}

lw <- nb2listw(nb_rs, style = "W", zero.policy = TRUE)
invisible(set.coresOption(if (threads > 1) threads else NULL))
invisible(set.mcOption(TRUE))
say("localmoran_perm", elapsed(lp <- localmoran_perm(x, lw, nsim = nsim, zero.policy = TRUE, iseed = 1)))
invisible(set.coresOption(NULL))
lw_self <- nb2listw(include.self(nb_rs), style = "B", zero.policy = TRUE)
say("localG", elapsed(g <- localG(x, lw_self, zero.policy = TRUE)))

out <- layer
out$Ii <- lp[, "Ii"]
out$Z_Ii <- lp[, "Z.Ii"]
out$P_Ii <- lp[, "Pr(z != E(Ii)) Sim"]
out$quadr <- as.character(attr(lp, "quadr")$mean)
out_path <- file.path(workdir, "spdep_lisa.gpkg")
say("write_gpkg", elapsed(st_write(out, out_path, delete_dsn = TRUE, quiet = TRUE)))
