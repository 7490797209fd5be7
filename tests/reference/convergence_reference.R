# Expected absolute beta convergence, computed with R's lm() independently of RegionStat:
#   g_i = ln(x_i,2011 / x_i,2002) / T  on  ln(x_i,2002),  T = 2011 - 2002 = 9 years,
# for the provinces' GDP and its three sectors (../shared/data/china_province_economy_2002_2011.csv,
# 31 provinces), and for the AI index 2011 -> 2022 (T = 11; seed/china_ai_index_2011_2022.csv).
# beta, its standard error, t and two-sided p from summary(lm), R^2, the intercept, the speed
# theta = -log(1 + beta T) / T and the half-life log(2) / theta (NA when not defined).
#
# Run from the repository root:  Rscript tests/reference/convergence_reference.R
# Writes tests/reference/convergence_expected.csv.
data_dir <- "../shared/data"
out <- "tests/reference/convergence_expected.csv"

beta_row <- function(dataset, field, x0, xT, years) {
  g <- log(xT / x0) / years
  fit <- summary(lm(g ~ log(x0)))
  co <- fit$coefficients
  beta <- co[2, 1]
  speed <- if (1 + beta * years > 0) -log(1 + beta * years) / years else NA
  half <- if (!is.na(speed) && speed > 0) log(2) / speed else NA
  data.frame(dataset = dataset, field = field, n = length(x0), years = years,
             alpha = co[1, 1], se_alpha = co[1, 2], beta = beta, se_beta = co[2, 2],
             t = co[2, 3], p = co[2, 4], r_squared = fit$r.squared, speed = speed, half_life = half)
}

econ <- read.csv(file.path(data_dir, "china_province_economy_2002_2011.csv"), encoding = "UTF-8")
first <- econ[econ$year == 2002, ]
last <- econ[econ$year == 2011, ]
stopifnot(identical(first$name_zh, last$name_zh))
rows <- do.call(rbind, lapply(c("gdp", "primary", "secondary", "tertiary"), function(f)
  beta_row("china_province_economy", f, first[[f]], last[[f]], 9)))

ai <- read.csv(file.path(data_dir, "seed", "china_ai_index_2011_2022.csv"), encoding = "UTF-8")
a0 <- ai[ai$year == 2011, ]
aT <- ai[ai$year == 2022, ]
stopifnot(identical(a0$name_zh, aT$name_zh))
rows <- rbind(rows, beta_row("china_ai_index", "ai_index", a0$ai_index, aT$ai_index, 11))

num <- vapply(rows, is.numeric, logical(1))
rows[num] <- lapply(rows[num], function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v)))
write.csv(rows, out, row.names = FALSE, quote = FALSE)
