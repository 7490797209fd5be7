"""Kernel density curves per year (regionstat kde --figure).

Usage: python3 kde_curves.py DATA.json OUTPUT FORMAT   (FORMAT: png, svg or pdf)

DATA.json holds {"style": "curves" | "ridge" | "3d", "title", "xlabel", "ylabel",
"curves": [{"label" (the year, or the field), "group" ("" = all units), "x": [...],
"density": [...]}]}. One panel per group (all units first), with in it one curve per year:
  curves - the curves over each other, coloured from early (light) to late (dark) years;
  ridge  - the years stacked upwards, each curve filled (a "ridge line" plot);
  3d     - x, year and density in three dimensions, the 3-D kernel density figure papers print.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import fail, import_pyplot, read_data, save, use_cjk_font  # noqa: E402 - needs the path above


def year_value(label, index):
    """The year as a number for the 3-D axis; the curve's position when the label is not one."""
    try:
        return float(label)
    except ValueError:
        return float(index)


def main():
    if len(sys.argv) != 4:
        fail("usage: kde_curves.py DATA.json OUTPUT png|svg|pdf")
    data_path, output, fmt = sys.argv[1:4]
    if fmt not in ("png", "svg", "pdf"):
        fail("unknown format '" + fmt + "': png, svg or pdf")
    matplotlib, plt, font_manager = import_pyplot()
    data = read_data(data_path)
    curves = data.get("curves") or []
    if not curves:
        fail("no curves to draw")
    style = data.get("style", "curves")
    if style not in ("curves", "ridge", "3d"):
        fail("unknown style '" + style + "': curves, ridge or 3d")

    # Chinese names of groups, fields and titles need a CJK font when there is one.
    use_cjk_font(plt, font_manager)
    matplotlib.rcParams["axes.unicode_minus"] = False

    groups = []
    for c in curves:
        if c.get("group", "") not in groups:
            groups.append(c.get("group", ""))
    labels = []
    for c in curves:
        if c["label"] not in labels:
            labels.append(c["label"])
    cmap = plt.get_cmap("viridis_r")

    def colour(label):
        k = labels.index(label)
        return cmap(0.15 + 0.8 * k / max(1, len(labels) - 1))

    ncols = min(2, len(groups))
    nrows = (len(groups) + ncols - 1) // ncols
    fig = plt.figure(figsize=(6.4 * ncols, 4.6 * nrows))
    for gi, group in enumerate(groups):
        mine = [c for c in curves if c.get("group", "") == group]
        name = group if group else "All units"
        if style == "3d":
            ax = fig.add_subplot(nrows, ncols, gi + 1, projection="3d")
            for c in mine:
                year = year_value(c["label"], labels.index(c["label"]))
                ax.plot(c["x"], [year] * len(c["x"]), c["density"], color=colour(c["label"]), linewidth=1.2)
            ax.set_xlabel(data.get("xlabel", "x"))
            ax.set_ylabel("Year")
            ax.set_zlabel(data.get("ylabel", "Density"))
        elif style == "ridge":
            ax = fig.add_subplot(nrows, ncols, gi + 1)
            top = max(max(c["density"]) for c in mine)
            step = 0.6 * top
            for k, c in enumerate(mine):
                base = k * step
                ax.fill_between(c["x"], base, [base + d for d in c["density"]], color=colour(c["label"]),
                                alpha=0.55, linewidth=0)
                ax.plot(c["x"], [base + d for d in c["density"]], color="black", linewidth=0.6)
            ax.set_yticks([k * step for k in range(len(mine))])
            ax.set_yticklabels([str(c["label"]) for c in mine])
            ax.set_xlabel(data.get("xlabel", "x"))
        else:
            ax = fig.add_subplot(nrows, ncols, gi + 1)
            for c in mine:
                ax.plot(c["x"], c["density"], color=colour(c["label"]), linewidth=1.4, label=str(c["label"]))
            ax.set_xlabel(data.get("xlabel", "x"))
            ax.set_ylabel(data.get("ylabel", "Density"))
            ax.legend(fontsize="small", ncol=2 if len(mine) > 6 else 1, frameon=False)
        ax.set_title(name)
    if data.get("title"):
        fig.suptitle(data["title"])
    fig.tight_layout()
    save(fig, output, fmt)


if __name__ == "__main__":
    main()
