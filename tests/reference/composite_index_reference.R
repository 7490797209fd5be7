# Expected entropy weights, composite scores and TOPSIS closeness on real data, computed with
# base R only, independently of RegionStat, from the textbook formulas (METHODS.md):
#   x' = (x - min)/(max - min), reversed (max - x)/(max - min) for a negative indicator;
#   optional affine shift x'' = s + (1 - s) x';  p = x'/sum x';  e = -sum p ln p / ln m (0 ln 0 = 0);
#   w = (1 - e)/sum(1 - e);  score = sum w x'.
#   TOPSIS: z = x / sqrt(sum x^2), v = w z, ideal = max (min for a negative indicator), anti-ideal
#   the other, D+ / D- Euclidean, C = D-/(D+ + D-), rank = competition rank of C (ties the best).
#   Layered: entropy within each dimension gives dimension scores S_d; the entropy method on the
#   S_d (positive) gives the dimension weights W_d; total = sum W_d S_d.
# Data: China's provinces, 2002-2011 (shared/data/china_province_economy_2002_2011.csv): GDP,
# primary, secondary and tertiary value added (100 million yuan); "primary" is taken as the
# negative indicator (a larger agricultural economy counts against the index), so the
# reversal is exercised on real values.
#
# Run from the repository root:  Rscript tests/reference/composite_index_reference.R
# Writes tests/reference/composite_index_weights.csv and composite_index_scores.csv.
args <- commandArgs(trailingOnly = TRUE)
data_file <- if (length(args) >= 1) args[1] else "../shared/data/china_province_economy_2002_2011.csv"
out_dir <- "tests/reference"
econ <- read.csv(data_file, fileEncoding = "UTF-8", stringsAsFactors = FALSE)
indicators <- c("gdp", "primary", "secondary", "tertiary")
negative <- c(FALSE, TRUE, FALSE, FALSE)

scale_minmax <- function(x, neg, shift = 0) {
  s <- if (neg) (max(x) - x) / (max(x) - min(x)) else (x - min(x)) / (max(x) - min(x))
  shift + (1 - shift) * s
}
entropy_method <- function(X, neg, shift = 0) {
  Z <- sapply(seq_len(ncol(X)), function(j) scale_minmax(X[, j], neg[j], shift))
  m <- nrow(Z)
  e <- apply(Z, 2, function(z) {
    p <- z / sum(z)
    -sum(ifelse(p > 0, p * log(p), 0)) / log(m)
  })
  w <- (1 - e) / sum(1 - e)
  list(entropy = e, weight = w, score = as.vector(Z %*% w))
}
topsis_method <- function(X, neg, w) {
  w <- w / sum(w)
  V <- sweep(sweep(X, 2, sqrt(colSums(X^2)), "/"), 2, w, "*")
  ideal <- ifelse(neg, apply(V, 2, min), apply(V, 2, max))
  anti <- ifelse(neg, apply(V, 2, max), apply(V, 2, min))
  dp <- sqrt(rowSums(sweep(V, 2, ideal)^2))
  dm <- sqrt(rowSums(sweep(V, 2, anti)^2))
  C <- dm / (dp + dm)
  list(d_plus = dp, d_minus = dm, closeness = C, rank = rank(-C, ties.method = "min"))
}

weights_out <- list()
scores_out <- list()
add_case <- function(case, rows, names, ew, tp = NULL) {
  weights_out[[length(weights_out) + 1]] <<- data.frame(case = case, indicator = names,
    entropy = sprintf("%.17g", ew$entropy), weight = sprintf("%.17g", ew$weight))
  s <- data.frame(case = case, name_zh = rows$name_zh, year = rows$year, score = ew$score,
                  d_plus = NA, d_minus = NA, closeness = NA, rank = NA)
  if (!is.null(tp)) {
    s$d_plus <- tp$d_plus; s$d_minus <- tp$d_minus; s$closeness <- tp$closeness; s$rank <- tp$rank
  }
  scores_out[[length(scores_out) + 1]] <<- s
}

y2011 <- econ[econ$year == 2011, ]
X2011 <- as.matrix(y2011[, indicators])
ew <- entropy_method(X2011, negative)
add_case("year2011", y2011, indicators, ew, topsis_method(X2011, negative, ew$weight))
add_case("year2011_equal", y2011, indicators, ew, topsis_method(X2011, negative, rep(1, 4)))
add_case("year2011_shift0.01", y2011, indicators, entropy_method(X2011, negative, 0.01))

Xall <- as.matrix(econ[, indicators])
ewp <- entropy_method(Xall, negative)
add_case("pooled", econ, indicators, ewp, topsis_method(Xall, negative, ewp$weight))

# Layered: scale = {gdp, primary}, structure = {secondary, tertiary}.
dims <- list(scale = c(1, 2), structure = c(3, 4))
within <- lapply(dims, function(j) entropy_method(X2011[, j, drop = FALSE], negative[j]))
S <- sapply(within, function(r) r$score)
between <- entropy_method(S, c(FALSE, FALSE))
total <- as.vector(S %*% between$weight)
for (d in names(dims))
  add_case(paste0("layered_", d), y2011, indicators[dims[[d]]], within[[d]])
add_case("layered_between", y2011, names(dims), list(entropy = between$entropy,
         weight = between$weight, score = total))

write.csv(do.call(rbind, weights_out), file.path(out_dir, "composite_index_weights.csv"),
          row.names = FALSE, fileEncoding = "UTF-8", quote = c(1, 2))
scores <- do.call(rbind, scores_out)
for (col in c("score", "d_plus", "d_minus", "closeness"))
  scores[[col]] <- ifelse(is.na(scores[[col]]), NA, sprintf("%.17g", scores[[col]]))
write.csv(scores, file.path(out_dir, "composite_index_scores.csv"), row.names = FALSE,
          fileEncoding = "UTF-8", na = "NA", quote = c(1, 2))
