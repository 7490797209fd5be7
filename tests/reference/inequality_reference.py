#!/usr/bin/python3
"""Expected inequality measures on real data, computed independently of RegionStat.

Data: the provinces' GDP 2002-2011 (../shared/data/china_province_economy_2002_2011.csv, 31
provinces, 100 million yuan) with the region3 / region4 groups of
../shared/data/seed/china_province_regions.csv.

Definitions, written here from their formulas with numpy only (no PySAL import):
  Theil (PySAL inequality.theil.Theil): T = sum_i s_i ln(n s_i), s_i = y_i / sum y.
  TheilD (PySAL): bg = sum_g s_g ln(s_g n / n_g), wg = T - bg; here also T_g (Theil within each
    group on its own shares) and the identity wg = sum_g s_g T_g, checked below.
  Weighted Theil (regional papers): T = sum_i (y_i/Y) ln((y_i/Y)/(p_i/P)); between =
    sum_g (Y_g/Y) ln((Y_g/Y)/(P_g/P)); T_g the same within a group. Tested with y = secondary
    industry and p = GDP (industry's concentration relative to output: "any field" as weight).
  Gini (PySAL inequality.gini.Gini): computed here as the mean absolute difference over all
    ordered pairs, sum |y_i - y_j| / (2 n^2 ybar), not by PySAL's sorted-rank formula.
  CV = sd / mean and the sd of ln(y), with sample (n - 1) and population (n) sd.
  Dagum (1997) decomposition by brute force over all pairs of units (METHODS.md formulas),
    groups ordered by decreasing mean.

Run from the repository root:  /usr/bin/python3 tests/reference/inequality_reference.py
Writes tests/reference/inequality_expected.csv and tests/reference/dagum_expected.csv
(columns year, grouping, statistic, group, value; 17 significant digits).
"""
import csv
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "tests", "reference")


def read_panel():
    with open(os.path.join(DATA, "seed", "china_province_regions.csv"), encoding="utf-8") as f:
        regions = {r["name_zh"]: r for r in csv.DictReader(f)}
    panel = {}  # year -> list of rows in file order
    with open(os.path.join(DATA, "china_province_economy_2002_2011.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            panel.setdefault(int(r["year"]), []).append(r)
    return regions, panel


def theil_weighted(y, p):
    s = y / y.sum()
    q = p / p.sum()
    pos = s > 0
    return float(np.sum(s[pos] * np.log(s[pos] / q[pos])))


def theil_decomposition(y, p, groups):
    T = theil_weighted(y, p)
    out = {"T": T, "between": 0.0, "within": 0.0, "groups": {}}
    for g in sorted(set(groups)):
        m = groups == g
        sg = y[m].sum() / y.sum()
        qg = p[m].sum() / p.sum()
        Tg = theil_weighted(y[m], p[m])
        out["between"] += sg * np.log(sg / qg) if sg > 0 else 0.0
        out["within"] += sg * Tg
        out["groups"][g] = {"T": Tg, "share": sg, "weight_share": qg, "contribution": sg * Tg / T}
    return out


def gini_pairs(y):
    n = len(y)
    return float(np.abs(y[:, None] - y[None, :]).sum() / (2 * n * n * y.mean()))


def dagum(y, groups):
    n = len(y)
    names = sorted(set(groups), key=lambda g: -y[groups == g].mean())
    vals = {g: y[groups == g] for g in names}
    mean = y.mean()
    p = {g: len(vals[g]) / n for g in names}
    s = {g: vals[g].sum() / y.sum() for g in names}
    res = {"G": gini_pairs(y), "Gjj": {}, "Gjh": {}, "Djh": {}, "Gw": 0.0, "Gnb": 0.0, "Gt": 0.0}
    for g in names:
        v = vals[g]
        res["Gjj"][g] = np.abs(v[:, None] - v[None, :]).sum() / (2 * len(v) ** 2 * v.mean())
        res["Gw"] += res["Gjj"][g] * p[g] * s[g]
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            j, h = names[a], names[b]
            diff = vals[j][:, None] - vals[h][None, :]
            Gjh = np.abs(diff).sum() / (len(vals[j]) * len(vals[h]) * (vals[j].mean() + vals[h].mean()))
            d = np.maximum(diff, 0).mean()
            q = np.maximum(-diff, 0).mean()
            D = (d - q) / (d + q)
            key = j + "|" + h
            res["Gjh"][key] = Gjh
            res["Djh"][key] = D
            w = p[j] * s[h] + p[h] * s[j]
            res["Gnb"] += Gjh * w * D
            res["Gt"] += Gjh * w * (1 - D)
    assert abs(res["Gw"] + res["Gnb"] + res["Gt"] - res["G"]) < 1e-12
    res["mean"] = mean
    return res


def fmt(v):
    return repr(float(v))


def main():
    regions, panel = read_panel()
    ineq_rows, dagum_rows = [], []
    for year in sorted(panel):
        rows = panel[year]
        gdp = np.array([float(r["gdp"]) for r in rows])
        secondary = np.array([float(r["secondary"]) for r in rows])
        ones = np.ones(len(gdp))
        for grouping in ("region3", "region4"):
            groups = np.array([regions[r["name_zh"]][grouping] for r in rows])
            for label, y, p in (("theil", gdp, ones), ("wtheil", secondary, gdp)):
                d = theil_decomposition(y, p, groups)
                # PySAL's TheilD defines wg as T - bg: the same number as sum_g s_g T_g.
                assert abs(d["T"] - d["between"] - d["within"]) < 1e-12
                for k in ("T", "between", "within"):
                    ineq_rows.append([year, grouping, label + "_" + k, "", fmt(d[k])])
                for g, v in d["groups"].items():
                    for k in ("T", "share", "weight_share", "contribution"):
                        ineq_rows.append([year, grouping, label + "_group_" + k, g, fmt(v[k])])
            dg = dagum(gdp, groups)
            for k in ("G", "Gw", "Gnb", "Gt", "mean"):
                dagum_rows.append([year, grouping, k, "", fmt(dg[k])])
            for k in ("Gjj", "Gjh", "Djh"):
                for g, v in dg[k].items():
                    dagum_rows.append([year, grouping, k, g, fmt(v)])
        ineq_rows.append([year, "", "gini", "", fmt(gini_pairs(gdp))])
        for ddof, name in ((1, "sample"), (0, "population")):
            ineq_rows.append([year, "", "cv_" + name, "", fmt(gdp.std(ddof=ddof) / gdp.mean())])
            ineq_rows.append([year, "", "sd_log_" + name, "", fmt(np.log(gdp).std(ddof=ddof))])
    header = ["year", "grouping", "statistic", "group", "value"]
    for name, rows in (("inequality_expected.csv", ineq_rows), ("dagum_expected.csv", dagum_rows)):
        with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)


if __name__ == "__main__":
    main()
