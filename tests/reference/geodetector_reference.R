# Expected values of the geographic detector, computed independently of RegionStat in base R
# (plus sf to read the sample layer and classInt for Jenks breaks), from the definitions of
# Wang et al. (2010) and Wang & Xu (2017, Acta Geographica Sinica 72(1)):
#   q = 1 - SSW / SST, SSW = sum_h N_h sigma_h^2 (population variances), SST = N sigma^2
#   F = (N - L) / (L - 1) q / (1 - q), lambda = (sum_h m_h^2 - (sum_h sqrt(N_h) m_h)^2 / N) / var(y)
#   p = pf(F, L - 1, N - L, ncp = lambda, lower.tail = FALSE)
#   interaction: q of the overlay (paste of the two strata); types by Wang's rules
#   risk: t.test(var.equal = FALSE) between every pair of strata (none for single-unit strata)
#   ecological: F = N_a (N_b - 1) SSW_a / (N_b (N_a - 1) SSW_b), p = 2 min(pf, 1 - pf)
#   discretisation as the R package GD's disc(): quantile type 7, equal, natural (Jenks),
#   geometric, sd; classes right-closed (GD's stra()); OPGD as GD's optidisc().
# Data: the 31 mainland provinces of sample_layers/china_provinces.gpkg (Hong Kong, Macao and
# Taiwan have no GDP). Y: compound annual GDP growth 2002-2011 (%) and the AI index 2019.
#
# Run from the repository root:  Rscript tests/reference/geodetector_reference.R
# Writes tests/reference/geodetector_*.csv.
suppressPackageStartupMessages({library(sf); library(classInt)})

out_dir <- "tests/reference"
layer <- st_drop_geometry(st_read("sample_layers/china_provinces.gpkg", quiet = TRUE))
d <- layer[!is.na(layer$gdp_2011), ]
d <- d[order(d$adcode), ]
stopifnot(nrow(d) == 31)

growth <- ((d$gdp_2011 / d$gdp_2002)^(1 / 9) - 1) * 100
tertiary_share <- d$tertiary_2011 / d$gdp_2011 * 100

# ---- discretisation (GD's disc definitions, written out) ----
gd_breaks <- function(x, k, method) {
  if (method == "quantile") return(unname(quantile(x, probs = seq(0, 1, length = k + 1), type = 7)))
  if (method == "equal") return(seq(min(x), max(x), length.out = k + 1))
  if (method == "natural") {
    b <- classIntervals(x, k, style = "jenks")$brks
    return(b)
  }
  if (method == "geometric") {
    shift <- if (min(x) == 0) 1 else 0
    lo <- min(x) + shift; hi <- max(x) + shift
    r <- (hi / lo)^(1 / k)
    return(lo * r^(0:k) - shift)
  }
  if (method == "sd") {
    m <- k; b <- c()
    while (length(b) < k + 1) {
      m <- m + 1
      j <- seq(m - 3, 0, by = -2); j <- j[j >= 0]
      unit <- if (m <= 7) 1 / 2 else 1 / 4
      below <- sort(mean(x) - j * unit * sd(x)); below <- below[below > min(x)]
      above <- sort(mean(x) + j * unit * sd(x)); above <- above[above < max(x)]
      inner <- unique(c(below, above))
      b <- c(min(x), inner, max(x))
    }
    return(b)
  }
  stop(method)
}
# right-closed intervals, the first closed on both sides: findInterval with left.open
classes_of <- function(x, b) {
  k <- length(b) - 1
  pmin(pmax(findInterval(x, b[2:k], left.open = TRUE) + 1, 1), k)
}

factors <- data.frame(
  region3 = d$region3, region4 = d$region4, north_south = d$north_south, coastal = d$coastal,
  stringsAsFactors = FALSE)
discretised <- list(
  list(name = "tertiary_q4", x = tertiary_share, method = "quantile", k = 4),
  list(name = "tertiary_sd4", x = tertiary_share, method = "sd", k = 4),
  list(name = "ai2011_eq4", x = d$ai_2011, method = "equal", k = 4),
  list(name = "gdp2002_nat4", x = d$gdp_2002, method = "natural", k = 4),
  list(name = "gdp2002_geo4", x = d$gdp_2002, method = "geometric", k = 4))
breaks_rows <- list()
for (f in discretised) {
  b <- gd_breaks(f$x, f$k, f$method)
  factors[[f$name]] <- as.character(classes_of(f$x, b))
  breaks_rows[[length(breaks_rows) + 1]] <- data.frame(
    factor = f$name, method = f$method, k = f$k, index = seq_along(b) - 1, value = b)
}
breaks_table <- do.call(rbind, breaks_rows)

input <- data.frame(name_en = d$name_en, growth = growth, ai_2019 = d$ai_2019,
                    tertiary_share = tertiary_share, ai_2011 = d$ai_2011, gdp_2002 = d$gdp_2002,
                    factors, stringsAsFactors = FALSE)

# ---- detectors ----
q_stat <- function(y, s) {
  sst <- sum((y - mean(y))^2)
  ssw <- sum(tapply(y, s, function(v) sum((v - mean(v))^2)))
  1 - ssw / sst
}
factor_det <- function(y, s) {
  n <- length(y); L <- length(unique(s)); q <- q_stat(y, s)
  m <- tapply(y, s, mean); nh <- tapply(y, s, length)
  lambda <- (sum(m^2) - sum(sqrt(nh) * m)^2 / n) / var(y)
  Fv <- (n - L) / (L - 1) * q / (1 - q)
  c(q = q, F = Fv, lambda = lambda, p = pf(Fv, L - 1, n - L, ncp = lambda, lower.tail = FALSE),
    strata = L)
}
type_of <- function(qa, qb, qab, tol = 1e-9) {
  if (abs(qab - (qa + qb)) <= tol) return("independent")
  if (qab > qa + qb + tol) return("nonlinear_enhance")
  if (qab > max(qa, qb) + tol) return("bi_enhance")
  if (qab >= min(qa, qb) - tol) return("uni_weaken")
  "nonlinear_weaken"
}
ssw <- function(y, s) sum(tapply(y, s, function(v) sum((v - mean(v))^2)))

ys <- list(growth = growth, ai_2019 = d$ai_2019)
fnames <- names(factors)
factor_rows <- list(); inter_rows <- list(); risk_rows <- list(); eco_rows <- list()
for (yn in names(ys)) {
  y <- ys[[yn]]
  for (f in fnames) {
    r <- factor_det(y, factors[[f]])
    factor_rows[[length(factor_rows) + 1]] <- data.frame(y = yn, factor = f, q = r[["q"]],
      F = r[["F"]], lambda = r[["lambda"]], p = r[["p"]], strata = r[["strata"]])
    strata <- sort(unique(factors[[f]]))
    for (i in seq_along(strata)) for (j in seq_along(strata)) if (i < j) {
      a <- y[factors[[f]] == strata[i]]; b <- y[factors[[f]] == strata[j]]
      tt <- if (length(a) > 1 && length(b) > 1) t.test(a, b, var.equal = FALSE) else NULL
      risk_rows[[length(risk_rows) + 1]] <- data.frame(y = yn, factor = f, a = strata[i],
        b = strata[j], mean_a = mean(a), mean_b = mean(b),
        t = if (is.null(tt)) NA else unname(tt$statistic),
        df = if (is.null(tt)) NA else unname(tt$parameter),
        p = if (is.null(tt)) NA else tt$p.value)
    }
  }
  for (i in seq_along(fnames)) for (j in seq_along(fnames)) if (i < j) {
    sa <- factors[[fnames[i]]]; sb <- factors[[fnames[j]]]
    qa <- q_stat(y, sa); qb <- q_stat(y, sb); both <- paste(sa, sb, sep = "\r")
    qab <- q_stat(y, both)
    inter_rows[[length(inter_rows) + 1]] <- data.frame(y = yn, a = fnames[i], b = fnames[j],
      q_a = qa, q_b = qb, q_ab = qab, strata = length(unique(both)), type = type_of(qa, qb, qab))
    n <- length(y)
    Fv <- n * (n - 1) * ssw(y, sa) / (n * (n - 1) * ssw(y, sb))
    lower <- pf(Fv, n - 1, n - 1)
    eco_rows[[length(eco_rows) + 1]] <- data.frame(y = yn, a = fnames[i], b = fnames[j], F = Fv,
      p = min(1, 2 * min(lower, pf(Fv, n - 1, n - 1, lower.tail = FALSE))))
  }
}

# ---- OPGD: every method x k in 3..6, q of each (NA when a class has < 2 units) ----
opgd_rows <- list()
for (xn in c("tertiary_share", "gdp_2002")) {
  x <- input[[xn]]
  for (method in c("equal", "natural", "quantile", "geometric", "sd")) for (k in 3:6) {
    b <- gd_breaks(x, k, method)
    cls <- classes_of(x, b)
    counts <- tabulate(cls, nbins = length(b) - 1)
    q <- if (min(counts) < 2) NA else q_stat(growth, cls)
    opgd_rows[[length(opgd_rows) + 1]] <- data.frame(y = "growth", x = xn, method = method, k = k,
                                                     breaks = length(b), q = q)
  }
}

# ---- non-central F upper tail at several points ----
pf_points <- expand.grid(f = c(0.5, 1, 2.5, 7.3, 30), df1 = c(1, 3, 9), df2 = c(5, 27),
                         ncp = c(0, 0.7, 4.2, 25, 120))
pf_points$p <- with(pf_points, pf(f, df1, df2, ncp = ncp, lower.tail = FALSE))

w <- function(x, name) write.csv(x, file.path(out_dir, name), row.names = FALSE, na = "NA",
                                 fileEncoding = "UTF-8")
w(input, "geodetector_input.csv")
w(breaks_table, "geodetector_breaks.csv")
w(do.call(rbind, factor_rows), "geodetector_factor.csv")
w(do.call(rbind, inter_rows), "geodetector_interaction.csv")
w(do.call(rbind, risk_rows), "geodetector_risk.csv")
w(do.call(rbind, eco_rows), "geodetector_ecological.csv")
w(do.call(rbind, opgd_rows), "geodetector_opgd.csv")
w(pf_points, "geodetector_pf.csv")
