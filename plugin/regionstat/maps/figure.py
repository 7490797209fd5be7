"""One figure: a QGIS project holding the layers with their styles and a print layout (panels of
maps titled by year, one legend, title, north arrow, scale bar in km, credit line), exported to
PNG, PDF or SVG and saved as an editable .qgz."""
import math
import os
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from . import labels, styles
from .fonts import figure_font_family, require_glyphs
from .styles import MapError

PAGE_SIZES_MM = {'A4': (210.0, 297.0), 'A3': (297.0, 420.0)}
FORMATS = ('.png', '.pdf', '.svg')
NORTH_ARROW = '/usr/share/qgis/svg/arrows/NorthArrow_02.svg'

# Page furniture, in mm.
MARGIN, TITLE_HEIGHT, FOOTER_HEIGHT, GAP, PANEL_TITLE_HEIGHT = 8.0, 12.0, 7.0, 4.0, 6.0
LEGEND_WIDTH, NORTH_ARROW_SIZE = 46.0, 14.0
PROVENANCE_SIZE, PROVENANCE_LINE = 6.5, 3.0  # pt; mm per line


@dataclass
class FigureSpec:
    layer: str                     # the mapped (or base) layer: a file path
    output: str                    # FIGURE.png|pdf|svg (the caller's staged path)
    layer_name: str = ''           # layer of a multi-layer dataset
    subset: str = ''               # OGR SQL filter on the layer
    fields: list = field(default_factory=list)   # one panel per field; none: the layer as styled
    style: str = ''                # a QML file; empty: the layer's own style
    overlays: list = field(default_factory=list)  # PATH[|layername=L][|subset=SQL], bottom to top
    title: str = ''
    legend_title: str = ''
    credit: str = ''
    provenance: list = field(default_factory=list)  # [label, text]: the data, weights, inference, seed
    lang: str = 'en'
    page: str = 'A4'               # A4 | A3
    orientation: str = 'landscape'
    pixels: list = field(default_factory=list)    # [width, height]: the page in pixels instead
    dpi: float = 300.0
    columns: int = 0               # panels per row; 0: the arrangement with the largest maps
    map_crs: str = ''              # authority id or PROJ string; empty: fitted Albers if geographic
    project: str = ''              # .qgz to write with the layout; empty: none
    layout_name: str = ''

    @classmethod
    def from_dict(cls, values):
        known = set(cls.__dataclass_fields__)
        unknown = set(values) - known
        if unknown:
            raise MapError('unknown figure settings: ' + ', '.join(sorted(unknown)))
        return cls(**values)


def page_size_mm(spec):
    if spec.pixels:
        width, height = spec.pixels
        return width / spec.dpi * 25.4, height / spec.dpi * 25.4
    if spec.page not in PAGE_SIZES_MM:
        raise MapError("page '{}' is not one of {}".format(spec.page, ', '.join(PAGE_SIZES_MM)))
    short, long = PAGE_SIZES_MM[spec.page]
    return (long, short) if spec.orientation == 'landscape' else (short, long)


def fitted_albers(extent):
    """An Albers equal-area projection for a lon/lat extent (standard parallels at 1/6 and 5/6
    of its height), so areas, shapes and the km scale bar are right for the region shown."""
    south, north = extent.yMinimum(), extent.yMaximum()
    proj = ('+proj=aea +lat_1={:.4f} +lat_2={:.4f} +lat_0={:.4f} +lon_0={:.4f} +datum=WGS84 '
            '+units=m +no_defs').format(south + (north - south) / 6, north - (north - south) / 6,
                                         (south + north) / 2, extent.center().x())
    return QgsCoordinateReferenceSystem.fromProj(proj)


def extent_in(layer, crs, project):
    """The extent of the layer's features in `crs`. Transforming each feature's geometry, not
    the layer's lon/lat box, whose corners fall far outside the data in a conic projection."""
    transform = QgsCoordinateTransform(layer.crs(), crs, project)
    extent = QgsRectangle()
    extent.setMinimal()
    request = QgsFeatureRequest().setNoAttributes()
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        extent.combineExtentWith(geometry.boundingBox())
    return extent


def union_extent(layers, crs, project):
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in layers:
        extent.combineExtentWith(extent_in(layer, crs, project))
    return extent


def grid(count, area_width, area_height, aspect, columns=0):
    """(columns, rows, map width, map height) giving the largest maps of width/height `aspect`."""
    best = None
    for cols in ([columns] if columns else range(1, count + 1)):
        rows = math.ceil(count / cols)
        cell_width = (area_width - (cols - 1) * GAP) / cols
        cell_height = (area_height - (rows - 1) * GAP) / rows - (PANEL_TITLE_HEIGHT if count > 1 else 0)
        width = min(cell_width, cell_height * aspect)
        if width > 0 and (best is None or width > best[2]):
            best = (cols, rows, width, width / aspect)
    if best is None:
        raise MapError('the page is too small for {} panels'.format(count))
    return best


def nice_length(km):
    """The largest 1, 2 or 5 x 10^k not above `km`."""
    power = 10 ** math.floor(math.log10(km))
    return max(m * power for m in (1, 2, 5) if m * power <= km)


class Figure:
    def __init__(self, spec):
        self.spec = spec
        self.font = figure_font_family()
        self.project = QgsProject()
        self.layout = QgsPrintLayout(self.project)
        self.layout.initializeDefaults()
        self.panel_layers, self.overlays, self.maps = [], [], []
        self.base_layer = None
        self.plain_base = False  # the input is only the grey map under overlays: not in the legend
        self.texts = []
        self.footer = FOOTER_HEIGHT  # grows with the provenance lines

    # -- layers -----------------------------------------------------------------------------
    def load_layers(self):
        spec = self.spec
        main = styles.open_layer(spec.layer, spec.layer_name, spec.subset)
        if spec.style:
            styles.apply_qml(main, spec.style)
        for item in spec.overlays:
            for layer in styles.overlay_layers(item):
                styles.style_overlay(layer, styles.overlay_kind(layer), spec.lang, self.font)
                self.overlays.append(layer)
        if spec.fields:
            for name in spec.fields:
                panel = main.clone()
                panel.setName(name)
                styles.point_classification_at(panel, name)
                styles.translate_legend(panel, spec.lang)
                self.panel_layers.append(panel)
        else:
            self.plain_base = bool(self.overlays) and not spec.style
            if self.plain_base:
                styles.style_base(main)
            styles.translate_legend(main, spec.lang)
            self.panel_layers.append(main)
        self.base_layer = main
        self.project.addMapLayers(self.panel_layers + self.overlays)

    def overlay_of(self, kind):
        return [layer for layer in self.overlays if styles.overlay_kind(layer) == kind]

    def map_crs(self):
        if self.spec.map_crs:
            crs = QgsCoordinateReferenceSystem(self.spec.map_crs)
            if not crs.isValid():
                crs = QgsCoordinateReferenceSystem.fromProj(self.spec.map_crs)
            if not crs.isValid():
                raise MapError("--map-crs '{}' is not a CRS QGIS knows".format(self.spec.map_crs))
            return crs
        crs = self.base_layer.crs()
        if crs.isGeographic():
            wgs84 = QgsCoordinateReferenceSystem('EPSG:4326')
            return fitted_albers(union_extent(self.shown_layers(), wgs84, self.project))
        return crs

    def shown_layers(self):
        """The layers whose extent the maps show: the links, points or zones of an overlay when
        there are any (a city network within one province), else the mapped layer."""
        focus = [o for o in self.overlays if styles.overlay_kind(o) in ('links', 'points', 'zones')]
        return focus or [self.base_layer]

    # -- page ------------------------------------------------------------------------------
    def default_title(self):
        spec, lang = self.spec, self.spec.lang
        if self.overlay_of('centres') or self.overlay_of('ellipses'):
            return labels.text('migration', lang)
        if self.overlay_of('links'):
            return labels.text('gravity', lang)
        if self.overlay_of('zones'):
            return labels.text('influence', lang)
        stem = labels.field_stem(spec.fields[0]) if spec.fields else None
        name = labels.text(stem, lang) if stem else (spec.fields[0].rsplit('_', 1)[0] if spec.fields
                                                     else self.base_layer.name())
        years = labels.year_range(spec.fields)
        return '{}, {}'.format(name, years) if years and lang == 'en' else name + ('  ' + years if years else '')

    def default_legend_title(self):
        stem = labels.field_stem(self.spec.fields[0]) if self.spec.fields else None
        return labels.text(stem, self.spec.lang) if stem else ''

    def default_credit(self):
        sources = [os.path.basename(self.spec.layer)] + [os.path.basename(o.split('|')[0])
                                                          for o in self.spec.overlays]
        unique = list(dict.fromkeys(sources))
        return '{}: {}. {}'.format(labels.text('source', self.spec.lang), ', '.join(unique),
                                   labels.text('made_with', self.spec.lang))

    def provenance_lines(self, width):
        """The provenance as printed ("Weights: queen contiguity, ..."), and how many lines of
        `width` mm it takes, each wrapped at the width."""
        from qgis.core import QgsLayoutUtils
        font = QFont(self.font)
        font.setPointSizeF(PROVENANCE_SIZE)
        lines = ['{}: {}'.format(labels.text(label.lower(), self.spec.lang) if label.lower() in labels.TEXTS else label,
                                 text) for label, text in self.spec.provenance]
        count = sum(max(1, math.ceil(QgsLayoutUtils.textWidthMM(font, line) * 1.05 / width)) for line in lines)
        return '\n'.join(lines), count

    def label(self, text, x, y, width, height, size, bold=False, align=Qt.AlignHCenter):
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        font = QFont(self.font)
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setFont(font)
        item.setHAlign(align)
        item.setVAlign(Qt.AlignVCenter)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
        self.texts.append(text)

    def build(self):
        spec = self.spec
        self.load_layers()
        crs = self.map_crs()
        self.project.setCrs(crs)
        width, height = page_size_mm(spec)
        page = self.layout.pageCollection().page(0)
        page.setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
        self.layout.setName(spec.layout_name or os.path.splitext(os.path.basename(spec.output))[0])

        extent = union_extent(self.shown_layers(), crs, self.project)
        extent.scale(1.06 if not self.overlay_of('links') else 1.25)
        aspect = extent.width() / extent.height() if extent.height() > 0 else 1.0

        self.label(spec.title or self.default_title(), MARGIN, MARGIN, width - 2 * MARGIN, TITLE_HEIGHT, 15, True)
        self.label(spec.credit or self.default_credit(), MARGIN, height - MARGIN - FOOTER_HEIGHT + 2,
                   width - 2 * MARGIN, FOOTER_HEIGHT - 2, 7, align=Qt.AlignLeft)
        if spec.provenance:  # above the credit line: which data, weights, inference and seed
            text, count = self.provenance_lines(width - 2 * MARGIN)
            self.footer = FOOTER_HEIGHT + count * PROVENANCE_LINE
            self.label(text, MARGIN, height - MARGIN - self.footer + 2, width - 2 * MARGIN,
                       count * PROVENANCE_LINE, PROVENANCE_SIZE, align=Qt.AlignLeft)

        top = MARGIN + TITLE_HEIGHT + 2
        area_width = width - 2 * MARGIN - LEGEND_WIDTH - GAP
        area_height = height - top - MARGIN - self.footer
        count = len(self.panel_layers)
        cols, rows, map_width, map_height = grid(count, area_width, area_height, aspect, spec.columns)
        cell_height = map_height + (PANEL_TITLE_HEIGHT if count > 1 else 0)
        used_width = cols * map_width + (cols - 1) * GAP
        used_height = rows * cell_height + (rows - 1) * GAP
        left = MARGIN + (area_width - used_width) / 2
        top += (area_height - used_height) / 2
        overlays_top_first = list(reversed(self.overlays))
        for k, layer in enumerate(self.panel_layers):
            x = left + (k % cols) * (map_width + GAP)
            y = top + (k // cols) * (cell_height + GAP)
            if count > 1:
                self.label(labels.panel_title(spec.fields[k], spec.lang), x, y, map_width, PANEL_TITLE_HEIGHT, 10)
                y += PANEL_TITLE_HEIGHT
            self.maps.append(self.map_item(overlays_top_first + [layer], crs, extent, x, y, map_width, map_height))
        if self.overlay_of('centres'):
            self.add_inset(crs, self.maps[0])
        self.add_furniture(width, height, MARGIN + TITLE_HEIGHT + 2)
        self.layout.refresh()

    def map_item(self, layers, crs, extent, x, y, width, height):
        item = QgsLayoutItemMap(self.layout)
        item.setCrs(crs)
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, QgsUnitTypes.LayoutMillimeters))
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
        item.setExtent(extent)
        return item

    def add_inset(self, crs, main_map):
        """The centres move tens of km on a map thousands of km wide: a zoomed inset in the
        lower right corner of the (first) map shows the path and its years."""
        centres, trajectory = self.overlay_of('centres'), self.overlay_of('trajectory')
        extent = union_extent(centres, crs, self.project)
        side = max(extent.width(), extent.height(), 1.0) * 1.6
        centre = extent.center()
        box = QgsRectangle(centre.x() - side / 2, centre.y() - side / 2, centre.x() + side / 2, centre.y() + side / 2)
        size = min(main_map.rect().width(), main_map.rect().height()) * 0.42
        position = main_map.positionWithUnits()
        x = position.x() + main_map.rect().width() - size - 1
        y = position.y() + main_map.rect().height() - size - 1
        inset = self.map_item(centres + trajectory + [self.panel_layers[0]], crs, box, x, y, size, size)
        inset.setBackgroundColor(QColor('white'))
        self.scale_bar(inset, x + 2, y + size - 9, size * 0.35)

    def add_furniture(self, width, height, top):
        spec, first = self.spec, self.maps[0]
        column_x = width - MARGIN - LEGEND_WIDTH
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setPicturePath(NORTH_ARROW)
        arrow.setLinkedMap(first)
        arrow.setNorthMode(QgsLayoutItemPicture.TrueNorth)
        self.layout.addLayoutItem(arrow)
        arrow.attemptMove(QgsLayoutPoint(column_x, top, QgsUnitTypes.LayoutMillimeters))
        arrow.attemptResize(QgsLayoutSize(NORTH_ARROW_SIZE * 0.7, NORTH_ARROW_SIZE, QgsUnitTypes.LayoutMillimeters))

        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(spec.legend_title or self.default_legend_title())
        self.texts.append(legend.title())
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        legend_layers = list(reversed(self.overlays)) + ([] if self.plain_base else [self.panel_layers[0]])
        for layer in legend_layers:
            node = root.addLayer(layer)
            renderer = layer.renderer()
            if renderer.type() != 'singleSymbol':
                QgsLegendRenderer.setNodeLegendStyle(
                    node, QgsLegendStyle.Hidden if layer is self.panel_layers[0] else QgsLegendStyle.Subgroup)
            for item in renderer.legendSymbolItems():
                self.texts.append(item.label())
            self.texts.append(layer.name())
        for style, size, bold in ((QgsLegendStyle.Title, 10, True), (QgsLegendStyle.Subgroup, 8.5, True),
                                  (QgsLegendStyle.SymbolLabel, 8, False)):
            font = QFont(self.font)
            font.setPointSizeF(size)
            font.setBold(bold)
            legend.rstyle(style).setFont(font)
        legend.setSymbolWidth(6)
        legend.setSymbolHeight(4)
        legend.setResizeToContents(True)
        self.layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(column_x, top + NORTH_ARROW_SIZE + 4, QgsUnitTypes.LayoutMillimeters))
        legend.adjustBoxSize()

        self.scale_bar(first, column_x, height - MARGIN - self.footer - 12, LEGEND_WIDTH * 0.7)

    def scale_bar(self, linked_map, x, y, length_mm):
        """A scale bar in km of about `length_mm`, in two segments of a round length."""
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setStyle('Single Box')
        bar.setLinkedMap(linked_map)
        bar.setUnits(QgsUnitTypes.DistanceKilometers)
        bar.setUnitLabel('km')
        bar.setNumberOfSegmentsLeft(0)
        bar.setNumberOfSegments(2)
        if self.project.crs().mapUnits() == QgsUnitTypes.DistanceMeters:
            km_per_mm = linked_map.extent().width() / 1000.0 / linked_map.rect().width()
            bar.setUnitsPerSegment(nice_length(length_mm * km_per_mm / 2))
        else:  # a map in degrees: QGIS measures the bar on the ellipsoid
            bar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
        bar.setHeight(1.5)
        bar_text = QgsTextFormat()
        bar_text.setFont(QFont(self.font))
        bar_text.setSize(7)
        bar.setTextFormat(bar_text)
        self.layout.addLayoutItem(bar)
        bar.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        bar.update()
        return bar

    # -- outputs -----------------------------------------------------------------------------
    def export(self, path):
        extension = os.path.splitext(path)[1].lower()
        exporter = QgsLayoutExporter(self.layout)
        if extension == '.png':
            # Rendered to an image and saved by Qt: exportToImage would also try to georeference
            # the PNG through GDAL, which cannot update a PNG and says so on stderr.
            size = QSize(int(self.spec.pixels[0]), int(self.spec.pixels[1])) if self.spec.pixels else QSize()
            image = exporter.renderPageToImage(0, size, self.spec.dpi)
            if image.isNull() or not image.save(path, 'PNG'):
                raise MapError("cannot write the figure '{}'".format(path))
            return
        if extension == '.pdf':
            settings = QgsLayoutExporter.PdfExportSettings()
            settings.dpi = self.spec.dpi
            # Text as text (searchable, and checkable for tofu with pdftotext), fonts embedded.
            settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
            status = exporter.exportToPdf(path, settings)
        else:
            settings = QgsLayoutExporter.SvgExportSettings()
            settings.dpi = self.spec.dpi
            settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
            status = exporter.exportToSvg(path, settings)
        if status != QgsLayoutExporter.Success:
            raise MapError("QGIS could not export the layout to '{}': {}".format(path, exporter.errorMessage()))

    def save_project(self, path):
        self.project.layoutManager().addLayout(self.layout)
        self.project.setFileName(path)
        if not self.project.write():
            raise MapError("cannot write the QGIS project '{}': {}".format(path, self.project.error()))


def render_figure(spec):
    """Builds and exports the figure of `spec` (a FigureSpec); returns what was made."""
    extension = os.path.splitext(spec.output)[1].lower()
    if extension not in FORMATS:
        raise MapError("the figure '{}' must end in .png, .pdf or .svg".format(spec.output))
    if spec.lang not in ('en', 'zh'):
        raise MapError("lang must be en or zh, not '{}'".format(spec.lang))
    figure = Figure(spec)
    figure.build()
    require_glyphs(figure.font, figure.texts)
    figure.export(spec.output)
    colours = {}
    for layer in figure.panel_layers[:1]:
        colours = styles.class_colours(layer)
    summary = {
        'figure': spec.output,
        'panels': [layer.name() for layer in figure.panel_layers],
        'page_mm': list(page_size_mm(spec)),
        'dpi': spec.dpi,
        'map_crs': figure.project.crs().toProj(),
        'font': figure.font,
        'class_colours': colours,
        'layout': figure.layout.name(),
    }
    if spec.project:
        figure.save_project(spec.project)
        summary['project'] = spec.project
    return summary
