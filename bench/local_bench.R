# spdep side of bench/local_bench.sh: times localmoran_perm(nsim) and localG (on include.self
# weights) for one numeric field of a layer, on the weights RegionStat used (a GAL file it
# wrote) or, without one, on poly2nb(queen = TRUE).
# Usage: Rscript bench/local_bench.R LAYER FIELD [GAL] [NSIM]
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
args <- commandArgs(trailingOnly = TRUE)
layer_path <- args[1]
field <- args[2]
gal <- if (length(args) >= 3 && nzchar(args[3]) && file.exists(args[3])) args[3] else NA
nsim <- if (length(args) >= 4) as.integer(args[4]) else 999L

t_read <- system.time(layer <- st_read(layer_path, quiet = TRUE))[["elapsed"]]
x <- layer[[field]]
t_nb <- system.time({
  nb <- if (!is.na(gal)) read.gal(gal, override.id = TRUE) else poly2nb(layer, queen = TRUE)
})[["elapsed"]]
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
lw_self <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)

t_perm <- system.time(lp <- localmoran_perm(x, lw, nsim = nsim, zero.policy = TRUE, iseed = 1))[["elapsed"]]
t_g <- system.time(g <- localG(x, lw_self, zero.policy = TRUE))[["elapsed"]]

cat(sprintf("spdep units %d\n", length(x)))
cat(sprintf("spdep read_seconds %.3f\n", t_read))
cat(sprintf("spdep weights_seconds %.3f (%s)\n", t_nb, if (is.na(gal)) "poly2nb queen" else "read.gal"))
cat(sprintf("spdep localmoran_perm_seconds %.3f\n", t_perm))
cat(sprintf("spdep localG_seconds %.3f\n", t_g))
