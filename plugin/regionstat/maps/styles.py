"""Layers of a figure and their symbology: the data's own style (the QML RegionStat stores in a
GeoPackage's layer_styles table or beside the file), a named QML, or, for the layers the analyses
write without a style (migration, gravity, influence), the conventional symbols of such figures.
"""
import re
import os

from qgis.core import (
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from . import labels

# Colours of the overlays (ColorBrewer-like, legible over the grey base map).
BASE_FILL, BASE_OUTLINE = '#f2efe9', '#9e9e9e'
ELLIPSE_COLOUR, TRAJECTORY_COLOUR, CENTRE_COLOUR = '#3a6ea5', '#c0392b', '#c0392b'
LINK_COLOUR, POINT_COLOUR = '#8e3b8e', '#333333'
ZONE_COLOURS = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69',
                '#fccde5', '#d9d9d9', '#bc80bd', '#ccebc5', '#ffed6f']


class MapError(Exception):
    """A figure cannot be made; the message names the file, layer or field at fault."""


def data_layer_names(path):
    """The data layers of a dataset, without GeoPackage's layer_styles table."""
    from osgeo import ogr
    dataset = ogr.Open(path)
    if dataset is None:
        raise MapError("cannot open '{}' as a vector dataset".format(path))
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    return [n for n in names if n != 'layer_styles']


def open_layer(path, layer_name=None, subset=None, display_name=None):
    """A vector layer of `path` (its default style, if any, applied by QGIS on loading)."""
    if not os.path.exists(path):
        raise MapError("'{}' does not exist".format(path))
    if not layer_name:
        names = data_layer_names(path)
        if not names:
            raise MapError("'{}' holds no vector layer".format(path))
        layer_name = names[0]
    uri = '{}|layername={}'.format(path, layer_name)
    if subset:
        uri += '|subset=' + subset
    layer = QgsVectorLayer(uri, display_name or layer_name, 'ogr')
    if not layer.isValid():
        raise MapError("cannot open layer '{}' of '{}'".format(layer_name, path))
    return layer


def overlay_layers(spec_item):
    """The layers of one --overlay: PATH, PATH|layername=NAME or PATH|subset=SQL. A GeoPackage
    written by `migration` gives its ellipses, trajectory and centres, bottom to top."""
    parts = spec_item.split('|')
    path, options = parts[0], dict(p.split('=', 1) for p in parts[1:] if '=' in p)
    names = [options['layername']] if 'layername' in options else data_layer_names(path)
    order = {'ellipses': 0, 'trajectory': 1, 'centres': 2}
    names.sort(key=lambda n: order.get(n, -1))
    return [open_layer(path, n, options.get('subset')) for n in names]


def overlay_kind(layer):
    """What an analysis layer shows, from its geometry and fields."""
    fields = set(layer.fields().names())
    geometry = layer.geometryType()
    if geometry == QgsWkbTypes.PolygonGeometry and 'semi_major' in fields or layer.name() == 'ellipses':
        return 'ellipses'
    if geometry == QgsWkbTypes.LineGeometry and 'strength' in fields:
        return 'links'
    if geometry == QgsWkbTypes.LineGeometry:
        return 'trajectory'
    if geometry == QgsWkbTypes.PointGeometry and 'year' in fields:
        return 'centres'
    if geometry == QgsWkbTypes.PolygonGeometry and 'centre' in fields:
        return 'zones'
    if geometry == QgsWkbTypes.PointGeometry:
        return 'points'
    return 'base'


def apply_qml(layer, qml_path):
    message, ok = layer.loadNamedStyle(qml_path)
    if not ok:
        raise MapError("cannot apply the style '{}': {}".format(qml_path, message))


def attribute_for(attribute, field, layer):
    """The class attribute for `field`: the field itself, or the style's expression with its
    first field replaced by `field` and the others (e.g. NNeighbors, telling units without
    neighbours from units without data) moved to the same year."""
    if layer.fields().indexOf(attribute) >= 0 or '"' not in attribute:
        return field
    names = re.findall(r'"([^"]+)"', attribute)
    old_year, new_year = labels.year_of(names[0]), labels.year_of(field)

    def renamed(match):
        name = match.group(1)
        if name == names[0]:
            return '"{}"'.format(field)
        if old_year and new_year and old_year in name:
            name = name.replace(old_year, new_year)
        return '"{}"'.format(name)
    return re.sub(r'"([^"]+)"', renamed, attribute)


def point_classification_at(layer, field):
    """Points the layer's categorized or graduated renderer at `field` (the panel's year), keeping
    classes and colours. A layer without such a renderer gets a graduated one on `field`."""
    index = layer.fields().indexOf(field)
    if index < 0:
        raise MapError("layer '{}' has no field '{}'".format(layer.source().split('|')[0], field))
    renderer = layer.renderer()
    if isinstance(renderer, (QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer)):
        renderer = renderer.clone()
        renderer.setClassAttribute(attribute_for(renderer.classAttribute(), field, layer))
        layer.setRenderer(renderer)
        return
    if not layer.fields().at(index).isNumeric():
        raise MapError("field '{}' has no class style and is not numeric; give --style".format(field))
    graduated = QgsGraduatedSymbolRenderer(field)
    graduated.setSourceSymbol(QgsFillSymbol.createSimple({'outline_color': '#808080', 'outline_width': '0.1'}))
    from qgis.core import QgsClassificationJenks, QgsStyle
    graduated.setClassificationMethod(QgsClassificationJenks())
    graduated.updateClasses(layer, 5)
    graduated.updateColorRamp(QgsStyle.defaultStyle().colorRamp('Reds'))
    layer.setRenderer(graduated)


def translate_legend(layer, lang):
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for i, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(i, labels.class_label(category.label(), lang))


def class_colours(layer):
    """value -> '#rrggbb' of every class of a categorized renderer (for checks and legends)."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return {}
    return {str(c.value()): c.symbol().color().name() for c in renderer.categories()}


def _text_format(font_family, size, buffer=True):
    from qgis.PyQt.QtGui import QFont
    fmt = QgsTextFormat()
    fmt.setFont(QFont(font_family))
    fmt.setSize(size)
    if buffer:
        halo = QgsTextBufferSettings()
        halo.setEnabled(True)
        halo.setSize(0.8)
        halo.setColor(QColor('white'))
        fmt.setBuffer(halo)
    return fmt


def _label(layer, expression, font_family, size=7):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(_text_format(font_family, size))
    settings.placement = QgsPalLayerSettings.AroundPoint
    settings.dist = 1.0
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_base(layer):
    """The province layer under overlays: pale fill, grey borders."""
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {'color': BASE_FILL, 'outline_color': BASE_OUTLINE, 'outline_width': '0.2'})))


def style_overlay(layer, kind, lang, font_family):
    """The conventional symbol of an analysis layer; its legend name in `lang`."""
    layer.setName(labels.text(kind, lang) if kind != 'base' else layer.name())
    if kind == 'ellipses':
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {'color': '0,0,0,0', 'style': 'no', 'outline_color': ELLIPSE_COLOUR, 'outline_width': '0.3'})))
    elif kind == 'trajectory':
        arrow = QgsArrowSymbolLayer()
        arrow.setIsCurved(False)
        arrow.setIsRepeated(True)
        arrow.setArrowWidth(0.4)
        arrow.setArrowStartWidth(0.4)
        arrow.setHeadLength(1.8)
        arrow.setHeadThickness(1.2)
        arrow.subSymbol().setColor(QColor(TRAJECTORY_COLOUR))
        arrow.subSymbol().symbolLayer(0).setStrokeStyle(0)  # Qt.NoPen: a solid arrow
        symbol = QgsLineSymbol()
        symbol.changeSymbolLayer(0, arrow)
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    elif kind == 'centres':
        layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {'name': 'circle', 'color': CENTRE_COLOUR, 'outline_color': 'white', 'size': '1.6'})))
        _label(layer, 'to_int("year")', font_family, 6)
    elif kind == 'links':
        _graduated_links(layer)
    elif kind == 'points':
        layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {'name': 'circle', 'color': POINT_COLOUR, 'outline_color': 'white', 'size': '2.0'})))
        names = layer.fields().names()
        label_field = next((f for f in ('name_zh', 'name', 'name_en', 'id') if f in names), None)
        if label_field:
            _label(layer, '"{}"'.format(label_field), font_family, 7)
    elif kind == 'zones':
        _categorized_zones(layer)
    else:
        style_base(layer)


def _graduated_links(layer):
    """Links drawn wider the stronger they are: five classes of strength (Jenks)."""
    from qgis.core import QgsClassificationJenks
    renderer = QgsGraduatedSymbolRenderer('strength')
    renderer.setSourceSymbol(QgsLineSymbol.createSimple({'line_color': LINK_COLOUR, 'capstyle': 'round'}))
    renderer.setClassificationMethod(QgsClassificationJenks())
    count = layer.featureCount()
    renderer.updateClasses(layer, max(1, min(5, count)))
    widths = [0.3, 0.6, 1.0, 1.5, 2.2]
    for i, r in enumerate(renderer.ranges()):
        symbol = r.symbol().clone()
        symbol.setWidth(widths[min(i, len(widths) - 1)])
        symbol.setColor(QColor(LINK_COLOUR))
        renderer.updateRangeSymbol(i, symbol)
        renderer.updateRangeLabel(i, '{:.3g} - {:.3g}'.format(r.lowerValue(), r.upperValue()))
    layer.setRenderer(renderer)


def _categorized_zones(layer):
    index = layer.fields().indexOf('centre')
    values = sorted(layer.uniqueValues(index), key=str)
    categories = []
    for i, value in enumerate(values):
        symbol = QgsFillSymbol.createSimple({'color': ZONE_COLOURS[i % len(ZONE_COLOURS)],
                                             'outline_color': '#ffffff', 'outline_width': '0.2'})
        categories.append(QgsRendererCategory(value, symbol, str(value)))
    layer.setRenderer(QgsCategorizedSymbolRenderer('centre', categories))

