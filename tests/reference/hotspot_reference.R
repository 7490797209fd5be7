# Expected local statistics of gdp_2011 on the China provinces sample (queen contiguity), from
# R spdep 1.2-7, for tests/hotspot_algorithm_test.cpp.
# Run from the repository root:  Rscript tests/reference/hotspot_reference.R
# Writes tests/reference/hotspot_reference.csv, one row per province with a GDP value (Hong Kong,
# Macao and Taiwan have NULL gdp and are left out before the weights are built, as RegionStat
# does). Hainan has no contiguity neighbour: its row is kept with NA where spdep gives none.
#   localG_star  spdep localG on include.self() binary weights  = RegionStat GiZScore (Gi*)
#   localG       spdep localG on plain binary weights            = GiZScore with --gi
#   localG_star_p two-sided normal p of localG_star               = GiPValue (--permutations 0)
#   Ii           spdep localmoran(mlvar = FALSE), row-standardised weights = LMiIndex
#   Z_Ii, P_Ii   spdep localmoran (default mlvar = TRUE; the z-score does not depend on m2),
#                randomisation, two-sided          = LMiZScore, LMiPValue with --permutations 0
#   G_star_value spdep localG on include.self() row-standardised (W) weights, attr "internals"
#                column G*i = sum_j w_ij x_j / sum_j x_j     = GiValue (default transform W)
#   G_value      the same without self, column Gi            = GiValue with --gi
#   E_Ii, Var_Ii spdep localmoran (default mlvar = TRUE) E.Ii and Var.Ii; LMiExpect and LMiVar
#                (--moments) are the moments of LMiIndex (m2 with n - 1): E.Ii (n-1)/n and
#                Var.Ii ((n-1)/n)^2
#   localC       spdep localC (x scaled by scale(), i.e. the sample sd), row-standardised weights
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})

layer <- st_read("sample_layers/china_provinces.gpkg", quiet = TRUE)
provinces <- layer[!is.na(layer$gdp_2011), ]
x <- provinces$gdp_2011
nb <- poly2nb(provinces, queen = TRUE)

lw_self <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)
lw_b <- nb2listw(nb, style = "B", zero.policy = TRUE)
lw_w <- nb2listw(nb, style = "W", zero.policy = TRUE)

g_star <- as.numeric(localG(x, lw_self, zero.policy = TRUE))
g <- as.numeric(localG(x, lw_b, zero.policy = TRUE))
lm <- localmoran(x, lw_w, zero.policy = TRUE, mlvar = FALSE, alternative = "two.sided")
# spdep 1.2-7 computes E.Ii and Var.Ii with sum z^2 / n whatever mlvar, so its mlvar = FALSE
# Z.Ii mixes two scalings; the z-score of I_i itself does not depend on m2 and is the default
# (mlvar = TRUE) Z.Ii, which is what RegionStat reports.
lm_z <- localmoran(x, lw_w, zero.policy = TRUE, mlvar = TRUE, alternative = "two.sided")
lc <- as.numeric(localC(x, lw_w, zero.policy = TRUE))
lws_w <- nb2listw(include.self(nb), style = "W", zero.policy = TRUE)
g_star_value <- attr(localG(x, lws_w, zero.policy = TRUE, return_internals = TRUE), "internals")[, "G*i"]
g_value <- attr(localG(x, lw_w, zero.policy = TRUE, return_internals = TRUE), "internals")[, "Gi"]

islands <- card(nb) == 0
g_star[islands] <- NA  # spdep gives the island itself as its only neighbour; RegionStat gives NULL
out <- data.frame(
  adcode = provinces$adcode,
  name_en = provinces$name_en,
  gdp_2011 = x,
  n_neighbours = card(nb),
  localG_star = g_star,
  localG_star_p = 2 * pnorm(-abs(g_star)),
  localG = ifelse(islands, NA, g),
  Ii = ifelse(islands, NA, lm[, "Ii"]),
  Z_Ii = ifelse(islands, NA, lm_z[, "Z.Ii"]),
  P_Ii = ifelse(islands, NA, lm_z[, 5]),
  localC = ifelse(islands, NA, lc),
  G_star_value = ifelse(islands, NA, g_star_value),
  G_value = ifelse(islands, NA, g_value),
  E_Ii = ifelse(islands, NA, lm_z[, "E.Ii"]),
  Var_Ii = ifelse(islands, NA, lm_z[, "Var.Ii"])
)
write.csv(out, "tests/reference/hotspot_reference.csv", row.names = FALSE, na = "")  # 15 significant digits
cat("wrote tests/reference/hotspot_reference.csv:", nrow(out), "provinces,", sum(islands), "island(s)\n")
