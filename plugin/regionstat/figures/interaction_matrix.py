"""Heat map of the geographic detector's interaction matrix (regionstat detector --figure).

Usage: python3 interaction_matrix.py DATA.json OUTPUT FORMAT   (FORMAT: png, svg or pdf)

DATA.json holds {"title": ..., "runs": [{"field", "year", "factors": [names],
"q": [[q]] (diagonal: q of each factor, elsewhere q of the overlay), "type": [[code]]}]}.
One panel per run (per Y field or year): the lower triangle and the diagonal are coloured by q
and labelled with q and the interaction type in Chinese (the form the papers print).
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import fail, import_pyplot, read_data, save, use_cjk_font  # noqa: E402 - needs the path above

TYPE_ZH = {
    "nonlinear_weaken": "非线性减弱",
    "uni_weaken": "单因子非线性减弱",
    "bi_enhance": "双因子增强",
    "independent": "独立",
    "nonlinear_enhance": "非线性增强",
}


def main():
    if len(sys.argv) != 4:
        fail("usage: interaction_matrix.py DATA.json OUTPUT png|svg|pdf")
    data_path, output, fmt = sys.argv[1:4]
    _, plt, font_manager = import_pyplot()
    data = read_data(data_path)
    runs = data.get("runs", [])
    if not runs:
        fail("no interaction matrix to draw")

    # Chinese type names need a CJK font (Debian fonts-noto-cjk); without it, English codes.
    cjk = use_cjk_font(plt, font_manager)
    plt.rcParams["svg.fonttype"] = "none" if fmt == "svg" else "path"

    cols = min(len(runs), 3)
    rows = math.ceil(len(runs) / cols)
    size = max(len(r["factors"]) for r in runs)
    fig, axes = plt.subplots(rows, cols, figsize=(cols * (1.3 * size + 2.5), rows * (1.1 * size + 1.8)),
                             squeeze=False)
    image = None
    for index, run in enumerate(runs):
        ax = axes[index // cols][index % cols]
        factors = run["factors"]
        n = len(factors)
        values = [[float("nan")] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1):
                q = run["q"][i][j]
                values[i][j] = float("nan") if q is None else q
        image = ax.imshow(values, cmap="YlOrRd", vmin=0, vmax=1)
        for i in range(n):
            for j in range(i + 1):
                q = values[i][j]
                if math.isnan(q):
                    continue
                label = "%.3f" % q
                if i != j:
                    code = run["type"][i][j]
                    label += "\n" + (TYPE_ZH.get(code, code) if cjk else code)
                ax.text(j, i, label, ha="center", va="center", fontsize=7,
                        color="white" if q > 0.6 else "black")
        ax.set_xticks(range(n))
        ax.set_yticks(range(n))
        ax.set_xticklabels(factors, rotation=45, ha="right")
        ax.set_yticklabels(factors)
        ax.set_title(run.get("field", ""))
    for index in range(len(runs), rows * cols):
        axes[index // cols][index % cols].axis("off")
    fig.colorbar(image, ax=axes.ravel().tolist(), shrink=0.8, label="q")
    fig.suptitle(data.get("title", "Interaction detector"))
    save(fig, output, fmt, bbox_inches="tight")


if __name__ == "__main__":
    main()
