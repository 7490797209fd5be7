"""Print-ready maps through QGIS's print layout: small multiples of a classified field with one
legend, overlays of the analyses (migration, gravity, influence), title, north arrow, scale bar in
km and a credit line, exported to PNG/PDF/SVG together with the editable QGIS project.

Used by `regionstat map` (which runs render.py as a separate QGIS process) and, in-process, by the
plugin's `map` algorithm (processing.py). Nothing here computes a statistic.
"""
from .figure import FigureSpec, render_figure  # noqa: F401
