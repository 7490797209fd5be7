# Expected Gaussian kernel densities, computed in R independently of RegionStat:
#   bandwidths by stats::bw.nrd0 (Silverman) and stats::bw.nrd (Scott);
#   the grid as density()'s default (cut = 3): seq(min(x) - 3 h, max(x) + 3 h, length.out = N);
#   the density at each grid point exactly, mean(dnorm(x0, x, h)) (density() itself bins the
#   data and interpolates an FFT result, so it is only close; the largest gap to it is written
#   too, as a sanity check of the grid).
# Data: the AI index of the 31 provinces in 2011 and 2022 (../shared/data/seed/
# china_ai_index_2011_2022.csv), the provinces' GDP in 2002 and 2011
# (../shared/data/china_province_economy_2002_2011.csv) per region3 group (seed/
# china_province_regions.csv) and a small set whose interquartile range is 0 (bw.nrd0 falls
# back to the sd there; bw.nrd gives 0, which RegionStat refuses). N = 64 points; also one user bandwidth (0.5).
#
# Run from the repository root:  Rscript tests/reference/kde_reference.R
# Writes tests/reference/kde_expected.csv (dataset, group, rule, bandwidth, k, x, density).
data_dir <- "../shared/data"
out <- "tests/reference/kde_expected.csv"
N <- 64

ai <- read.csv(file.path(data_dir, "seed", "china_ai_index_2011_2022.csv"), encoding = "UTF-8")
econ <- read.csv(file.path(data_dir, "china_province_economy_2002_2011.csv"), encoding = "UTF-8")
regions <- read.csv(file.path(data_dir, "seed", "china_province_regions.csv"), encoding = "UTF-8")
econ$region3 <- regions$region3[match(econ$name_zh, regions$name_zh)]
stopifnot(!anyNA(econ$region3))

sets <- list(
  list(dataset = "ai_index_2011", group = "", x = ai$ai_index[ai$year == 2011]),
  list(dataset = "ai_index_2022", group = "", x = ai$ai_index[ai$year == 2022]),
  list(dataset = "flat_iqr", group = "", x = c(1, 1, 1, 1, 1, 1, 1, 5, 2)))
for (yr in c(2002, 2011)) for (g in sort(unique(econ$region3)))
  sets[[length(sets) + 1]] <- list(dataset = paste0("gdp_", yr), group = g,
                                   x = econ$gdp[econ$year == yr & econ$region3 == g])

fmt <- function(v) sprintf("%.17g", v)
rows <- list()
for (s in sets) {
  rules <- list(silverman = bw.nrd0(s$x), scott = bw.nrd(s$x))
  if (s$dataset == "flat_iqr") {  # IQR 0: bw.nrd0 falls back to the sd, bw.nrd is 0 (unusable)
    stopifnot(IQR(s$x) == 0, rules$scott == 0, rules$silverman == 0.9 * sd(s$x) * length(s$x)^-0.2)
    rules$scott <- NULL
  }
  if (s$dataset == "ai_index_2011") rules$user <- 0.5
  for (rule in names(rules)) {
    h <- rules[[rule]]
    grid <- seq(min(s$x) - 3 * h, max(s$x) + 3 * h, length.out = N)
    dens <- vapply(grid, function(x0) mean(dnorm(x0, s$x, h)), numeric(1))
    approx <- density(s$x, bw = h, n = N)
    stopifnot(isTRUE(all.equal(approx$x, grid)), max(abs(approx$y - dens)) < 0.05 * max(dens))
    rows[[length(rows) + 1]] <- data.frame(dataset = s$dataset, group = s$group, rule = rule,
                                           bandwidth = fmt(h), k = seq_len(N) - 1,
                                           x = fmt(grid), density = fmt(dens))
  }
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
