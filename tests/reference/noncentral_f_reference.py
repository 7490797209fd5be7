"""Upper tail of the non-central F distribution to 30 significant digits, with mpmath (Debian
python3-mpmath), for the points of geodetector_pf.csv (written by geodetector_reference.R with
R's pf(..., ncp =, lower.tail = FALSE)). R's pnbeta aims at an absolute error of 1e-9 only,
so this exact sum is the tight reference and R's value is kept beside it.

  P(F' > f) = sum_j Poisson(j; lambda / 2) * I_{1 - x}(df2 / 2, df1 / 2 + j),
  x = df1 f / (df1 f + df2)      (the Poisson mixture of central F tails)

Run from the repository root:  /usr/bin/python3 tests/reference/noncentral_f_reference.py
Writes tests/reference/geodetector_pf_exact.csv.
"""
import csv

import mpmath

mpmath.mp.dps = 40


def upper_tail(f, df1, df2, ncp):
    f, df1, df2, ncp = (mpmath.mpf(v) for v in (f, df1, df2, ncp))
    x = df1 * f / (df1 * f + df2)
    half = ncp / 2
    total = mpmath.mpf(0)
    j = 0
    while True:
        weight = mpmath.exp(-half + j * mpmath.log(half) - mpmath.loggamma(j + 1)) if half > 0 \
            else mpmath.mpf(1 if j == 0 else 0)
        term = weight * mpmath.betainc(df2 / 2, df1 / 2 + j, 0, 1 - x, regularized=True)
        total += term
        # past the Poisson mode, stop when the remaining mass is negligible
        if j > half and weight < mpmath.mpf(10) ** -35:
            break
        j += 1
    return total


with open("tests/reference/geodetector_pf.csv", newline="") as src:
    rows = list(csv.DictReader(src))
with open("tests/reference/geodetector_pf_exact.csv", "w", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["f", "df1", "df2", "ncp", "p_exact", "p_r"])
    for r in rows:
        p = upper_tail(r["f"], r["df1"], r["df2"], r["ncp"])
        writer.writerow([r["f"], r["df1"], r["df2"], r["ncp"], mpmath.nstr(p, 20), r["p"]])
