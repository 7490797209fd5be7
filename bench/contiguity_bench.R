# Times R spdep's poly2nb (queen) on a polygon layer after reading it, and writes its links
# for comparison with regionstat's. Run through bench/contiguity_bench.sh.
#
#   Rscript bench/contiguity_bench.R LAYER LINKS.csv [RUNS]
#
# Prints "spdep_s <median seconds over RUNS calls>" and writes "from,to" lines (1-based feature
# positions, from < to), as tests/reference/contiguity_reference.R does.
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: Rscript contiguity_bench.R LAYER LINKS.csv [RUNS]")
runs <- if (length(args) >= 3) as.integer(args[3]) else 1L

# The French communes include one invalid ring (a repeated vertex) that s2 refuses; with s2
# off, poly2nb takes candidate pairs from planar bounding boxes, as for projected layers.
sf_use_s2(FALSE)
layer <- st_read(args[1], quiet = TRUE)
cat("units", nrow(layer), "\n")
times <- numeric(runs)
for (r in seq_len(runs)) {
  times[r] <- system.time(nb <- poly2nb(layer, queen = TRUE))[["elapsed"]]
}
cat("spdep_links", sum(card(nb)), "\n")
cat("spdep_s", median(times), "\n")

from <- rep(seq_along(nb), card(nb))
to <- unlist(lapply(nb, function(x) x[x > 0L]))
keep <- from < to
write.csv(data.frame(from = from[keep], to = to[keep]), args[2], row.names = FALSE, quote = FALSE)
