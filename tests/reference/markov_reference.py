#!/usr/bin/python3
"""Expected Markov, spatial Markov and LISA Markov results, computed independently of RegionStat.

An implementation, from their documented definitions, of what PySAL computes:
  * mapclassify.Quantiles: bins = scipy.stats.scoreatpercentile(y, p) for
    p = numpy.arange(100/k, 100 + 100/k, 100/k) (last capped at 100), numpy.unique'd; class j
    when bins[j-1] < y <= bins[j]. numpy.percentile (method "linear") gives the same classes
    here: the script checks it, since the C++ code follows numpy's formula.
  * giddy.markov.Markov: counts of class(t) -> class(t+1), p = counts / row sums (empty rows 0);
    rows without observations made absorbing for what follows (fill_empty_classes=True); the
    steady state of each recurrent class (eigenvector of P' for the eigenvalue 1); mean first
    passage times M = (I - Z + E Z_dg) D, Z = (I - P + A)^-1 (Kemeny and Snell) for an
    irreducible chain, else giddy.ergodic.mfpt's per-destination linear systems (infinite where
    the destination may never be reached; JSON null).
  * giddy.markov.Spatial_Markov(fixed=True): lag = row-standardised W y (islands 0), lag classes
    at the pooled quantiles of all n x t lags; T[lag class of i at t][class t][class t+1];
    homogeneity Q, LR, dof of Bickenbach and Bode (giddy.markov.Homogeneity_Results), p-values
    from scipy.stats.chi2.sf.
  * giddy.markov.LISA_Markov (no permutations): esda Moran_Local quadrants 1 HH, 2 LH, 3 LL, 4 HL
    from z = (y - mean) / sd and the lag of z; Rey's space-time types 0, I, II, III.

Data: the 31 provinces of sample_layers/china_provinces.gpkg, read in feature order (fid) with
Python's sqlite3 (a GeoPackage is an SQLite file): GDP 2002-2011 (gdp_*) and the AI index of
2011, 2015, 2019, 2022 (ai_*, two decimals, so it has ties); queen links from
tests/reference/contiguity_china_provinces_queen.csv (spdep poly2nb, 1-based feature positions).

Run from the repository root:  /usr/bin/python3 tests/reference/markov_reference.py
Writes tests/reference/markov_reference.json. Needs only python3-numpy and python3-scipy.
"""
import csv
import json
import sqlite3
import sys

import numpy as np
from scipy import stats

LAYER = "sample_layers/china_provinces.gpkg"
LINKS = "tests/reference/contiguity_china_provinces_queen.csv"
OUT = "tests/reference/markov_reference.json"


def read_panel(prefix, years):
    """Names, 1-based feature positions and values of the features with no NULL in the panel
    (Taiwan, Hong Kong and Macao have none: the 31 provinces remain)."""
    con = sqlite3.connect(LAYER)
    cols = ", ".join(f"{prefix}_{y}" for y in years)
    rows = con.execute(f"SELECT name_en, {cols} FROM china_provinces ORDER BY fid").fetchall()
    con.close()
    keep = [i for i, r in enumerate(rows) if all(v is not None for v in r[1:])]
    return ([rows[i][0] for i in keep], [i + 1 for i in keep],
            np.array([rows[i][1:] for i in keep], dtype=float))


def row_standardised_weights(positions):
    """Queen links among the kept features (links to dropped ones vanish), row-standardised;
    and the islands (0-based) left without neighbours."""
    index = {p: i for i, p in enumerate(positions)}
    n = len(positions)
    w = np.zeros((n, n))
    with open(LINKS) as f:
        for row in csv.DictReader(f):
            a, b = int(row["from"]), int(row["to"])
            if a in index and b in index:
                w[index[a], index[b]] = w[index[b], index[a]] = 1.0
    sums = w.sum(axis=1)
    return w / np.where(sums == 0, 1.0, sums)[:, None], [int(i) for i in np.where(sums == 0)[0]]


def percentages(k):
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    return p


def bins_of(y, k, how):
    y = np.asarray(y, dtype=float).ravel()
    if how == "scipy":
        q = np.array([stats.scoreatpercentile(y, p) for p in percentages(k)])
    else:
        q = np.percentile(y, percentages(k))
    return np.unique(q)


def classify(y, bins):
    """mapclassify's bin(): from the last bin down, values <= bin get its index."""
    b = np.zeros(np.shape(y), dtype=int)
    for i in range(len(bins) - 1, -1, -1):
        b[np.asarray(y) <= bins[i]] = i
    return b


def quantile_classes(y, k):
    """Classes of a 1-d array; checks that scipy's and numpy's percentiles give the same ones."""
    bins = bins_of(y, k, "numpy")
    bins_scipy = bins_of(y, k, "scipy")
    if len(bins) != len(bins_scipy) or not np.array_equal(classify(y, bins), classify(y, bins_scipy)):
        sys.exit("numpy and scipy percentiles classify differently: choose other test data")
    return classify(y, bins), bins


def ties_on_cutoffs(y, cutoffs):
    return int(sum(int(np.sum(np.asarray(y) == c)) for c in cutoffs))


def markov_counts(ids, k):
    t = np.zeros((k, k))
    for row in ids:
        for a, b in zip(row[:-1], row[1:]):
            t[a, b] += 1
    return t


def probabilities(t):
    s = t.sum(axis=1)
    return t / np.where(s == 0, 1.0, s)[:, None]


def communication_classes(p):
    """Strongly connected components of i -> j when p_ij > 0, and which are closed (recurrent)."""
    k = len(p)
    reach = (p > 0) | np.eye(k, dtype=bool)
    for _ in range(k):
        reach = reach | ((reach.astype(int) @ reach.astype(int)) > 0)
    mutual = reach & reach.T
    classes = []
    for i in range(k):
        members = [j for j in range(k) if mutual[i, j]]
        if members not in [c for c, _ in classes]:
            closed = not any(p[a, b] > 0 and not mutual[a, b] for a in members for b in range(k))
            classes.append((members, closed))
    return classes


def stationary_of(p):
    """giddy._steady_state_ergodic: the eigenvector of P' for its largest eigenvalue."""
    v, d = np.linalg.eig(p.T)
    i = int(np.argmax(v.real))
    row = np.abs(d[:, i].real)
    return row / row.sum()


def steady_states(p):
    """One stationary distribution per recurrent class (quantecon's stationary_distributions)."""
    out = []
    for members, closed in communication_classes(p):
        if closed:
            full = np.zeros(len(p))
            full[members] = stationary_of(p[np.ix_(members, members)])
            out.append(full.tolist())
    return out


def mfpt_ergodic(p):
    """Kemeny and Snell: M = (I - Z + E Z_dg) D, Z = (I - P + A)^-1, D = diag(1 / pi)."""
    k = len(p)
    s = stationary_of(p)
    a = np.tile(s, (k, 1))
    z = np.linalg.inv(np.eye(k) - p + a)
    return (np.eye(k) - z + np.ones((k, k)) @ np.diag(np.diag(z))) @ np.diag(1.0 / s)


def mfpt_general(p):
    """Mean first passage times of a reducible chain (giddy.ergodic.mfpt's definition: infinite
    where the destination may never be entered). Per destination j: the probabilities h of ever
    entering j solve (I - Q) h = P_.j on the states that can reach j (0 elsewhere), Q being P
    without j; from the states with h = 1 the times solve (I - Q) m = 1 there; the recurrence
    time of j is 1 + sum_l P_jl m_l. (giddy's own linear solve on all states returns 1e15-1e17
    instead of infinity when rounding hides the singularity.)"""
    k = len(p)
    reach = (p > 0) | np.eye(k, dtype=bool)
    for _ in range(k):
        reach = reach | ((reach.astype(int) @ reach.astype(int)) > 0)
    out = np.full((k, k), np.inf)
    for j in range(k):
        others = [i for i in range(k) if i != j]
        can = [i for i in others if reach[i, j]]
        h = np.zeros(k)
        if can:
            h[can] = np.linalg.solve(np.eye(len(can)) - p[np.ix_(can, can)], p[can, j])
        sure = [i for i in others if h[i] > 1 - 1e-9]
        if sure:
            out[sure, j] = np.linalg.solve(np.eye(len(sure)) - p[np.ix_(sure, sure)], np.ones(len(sure)))
        steps = [p[j, l] * out[l, j] for l in others if p[j, l] > 0]
        out[j, j] = 1 + sum(steps)
    return out


def chain(ids, k):
    t = markov_counts(ids, k)
    p = probabilities(t)
    stochastic = p.copy()
    for i in range(k):
        if t[i].sum() == 0:
            stochastic[i, i] = 1.0  # giddy's fill_empty_diagonals for steady state and mfpt
    classes = communication_classes(stochastic)
    m = mfpt_ergodic(stochastic) if len(classes) == 1 else mfpt_general(stochastic)
    return {"transitions": t.tolist(), "row_totals": t.sum(axis=1).tolist(), "probabilities": p.tolist(),
            "irreducible": len(classes) == 1, "steady_states": steady_states(stochastic),
            "mfpt": [[v if np.isfinite(v) else None for v in row] for row in m]}


def homogeneity(T):
    m, k, _ = T.shape
    pooled = T.sum(axis=0)
    n_i = pooled.sum(axis=1)
    p = pooled / np.where(n_i == 0, 1.0, n_i)[:, None]
    q = lr = 0.0
    b = np.zeros(k)
    for regime in T:
        nim = regime.sum(axis=1)
        b += nim > 0
        pm = regime / np.where(nim == 0, 1.0, nim)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            q += np.nansum(np.where(p > 0, nim[:, None] * (pm - p) ** 2 / np.where(p > 0, p, 1.0), 0.0))
            lr += np.sum(np.where(regime > 0, regime * np.log(np.where(regime > 0, pm, 1.0) / np.where(p > 0, p, 1.0)), 0.0))
    a = (pooled > 0).sum(axis=1)
    if (b == 0).any():
        sys.exit("a row has no observations in any regime: giddy's dof counts it, RegionStat does not")
    dof = int(((b - 1) * (a - 1)).sum())
    return {"Q": q, "Q_p": float(stats.chi2.sf(q, dof)), "LR": 2 * lr,
            "LR_p": float(stats.chi2.sf(2 * lr, dof)), "dof": dof}


def spatial(y, ids, k, w, m):
    lag = y.T @ w.T  # (t, n): lag of each period
    lag = lag.T
    lag_ids, lag_bins = quantile_classes(lag.ravel(), m)
    lag_ids = lag_ids.reshape(lag.shape)
    mm = len(lag_bins)
    T = np.zeros((mm, k, k))
    n, t = y.shape
    for i in range(n):
        for s in range(t - 1):
            T[lag_ids[i, s], ids[i, s], ids[i, s + 1]] += 1
    P = np.array([probabilities(x) for x in T])
    out = {"lag_cutoffs": lag_bins[:-1].tolist(), "lag_ids": lag_ids.tolist(), "lags": lag.tolist(),
           "transitions": T.tolist(), "probabilities": P.tolist(),
           "lag_ties_on_cutoffs": ties_on_cutoffs(lag.ravel(), lag_bins[:-1])}
    out.update(homogeneity(T))
    return out


def space_time_type(a, b):
    own = {1: True, 2: False, 3: False, 4: True}
    nb = {1: True, 2: True, 3: False, 4: False}
    return (own[a] != own[b]) * 1 + (nb[a] != nb[b]) * 2  # 0, 1 (I), 2 (II), 3 (III)


def lisa(y, w):
    n, t = y.shape
    q = np.zeros((n, t), dtype=int)
    for s in range(t):
        z = (y[:, s] - y[:, s].mean()) / y[:, s].std()
        zl = w @ z
        q[:, s] = np.where(z > 0, np.where(zl > 0, 1, 4), np.where(zl > 0, 2, 3))
    c = chain(q - 1, 4)
    counts = [[0] * 4 for _ in range(t - 1)]
    for i in range(n):
        for s in range(t - 1):
            counts[s][space_time_type(q[i, s], q[i, s + 1])] += 1
    return {"quadrants": q.tolist(), "chain": c, "type_counts": counts}


def case(name, panel, y, k, scope, w, breaks=None, relative=False):
    y = y / y.mean(axis=0) if relative else y
    if scope == "pooled":
        ids, bins = quantile_classes(y.ravel(), k)
        ids = ids.reshape(y.shape)
        cutoffs = [bins[:-1].tolist()]
        kk = len(bins)
        ties = ties_on_cutoffs(y.ravel(), cutoffs[0])
    elif scope == "per-year":
        ids = np.zeros(y.shape, dtype=int)
        cutoffs, ties = [], 0
        for s in range(y.shape[1]):
            ids[:, s], bins = quantile_classes(y[:, s], k)
            if len(bins) != k:
                sys.exit("a period has tied cut-offs: choose other test data for per-year classes")
            cutoffs.append(bins[:-1].tolist())
            ties += ties_on_cutoffs(y[:, s], cutoffs[-1])
        kk = k
    else:
        bins = np.array(list(breaks) + [np.inf])
        ids = classify(y, bins)
        cutoffs = [list(breaks)]
        kk = len(bins)
        ties = ties_on_cutoffs(y.ravel(), breaks)
    out = {"name": name, "panel": panel, "classes_requested": k, "scope": scope, "breaks": breaks or [],
           "relative": relative, "classes": kk, "cutoffs": cutoffs, "class_ids": ids.tolist(),
           "ties_on_cutoffs": ties}
    out.update(chain(ids, kk))
    out["spatial"] = spatial(y, ids, kk, w, kk)
    return out


def main():
    gdp_years = list(range(2002, 2012))
    ai_years = [2011, 2015, 2019, 2022]
    ids, positions, gdp = read_panel("gdp", gdp_years)
    ids_ai, positions_ai, ai = read_panel("ai", ai_years)
    assert ids == ids_ai and positions == positions_ai
    w, islands = row_standardised_weights(positions)
    cases = [
        case("gdp_pooled_5", "gdp", gdp, 5, "pooled", w),
        case("gdp_per_year_5", "gdp", gdp, 5, "per-year", w),
        case("gdp_relative_pooled_4", "gdp", gdp, 4, "pooled", w, relative=True),
        case("gdp_relative_breaks", "gdp", gdp, 0, "breaks", w, breaks=[0.5, 0.8, 1.0, 1.5], relative=True),
        case("ai_pooled_5", "ai", ai, 5, "pooled", w),
        case("ai_pooled_3", "ai", ai, 3, "pooled", w),
        case("ai_breaks_ties", "ai", ai, 0, "breaks", w, breaks=[0.34, 1.26, 6.06]),
    ]
    if sum(c["ties_on_cutoffs"] for c in cases) == 0:
        sys.exit("no value sits on a cut-off: the tie rule would go untested")
    result = {
        "source": "tests/reference/markov_reference.py",
        "ids": ids,
        "positions": positions,
        "islands": islands,
        "panels": {"gdp": {"years": gdp_years, "values": gdp.tolist()},
                   "ai": {"years": ai_years, "values": ai.tolist()}},
        "cases": cases,
        "lisa": {"gdp": lisa(gdp, w), "ai": lisa(ai, w)},
    }
    with open(OUT, "w") as f:
        json.dump(result, f, indent=1)
    for c in cases:
        print(c["name"], "K", c["classes"], "ties on cut-offs", c["ties_on_cutoffs"], "Q %.6f LR %.6f dof %d"
              % (c["spatial"]["Q"], c["spatial"]["LR"], c["spatial"]["dof"]))


if __name__ == "__main__":
    main()
