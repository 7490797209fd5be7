"""Print-ready maps (`regionstat map`, QGIS print layouts) for the sample layer: the 2002-2011 LISA
small multiples, the hot-spot map with the five Chinese classes, the GDP centre migration, the
Henan linkage network and the zones of influence of the largest cities, each as PNG and PDF.
Checks the image size, that every class colour of the legend whose class occurs in the data is
drawn inside a map frame, that the Chinese class names are text in the PDF (no tofu: pdftotext
finds them), and that the .qgz opens with its layout, in PyQGIS and in qgis_process."""
import os
import re
import shutil
import subprocess

import numpy

from qgis_testing import CLI, PLUGIN_DIR, SOURCE, check, run_test, start_qgis, tmp

PROVINCES = os.path.join(SOURCE, 'sample_layers', 'china_provinces.gpkg')
CITIES = os.path.join(SOURCE, 'sample_layers', 'china_cities.gpkg')
HENAN_CITIES = "province_zh = '河南' AND pop > 400000"
HOT_COLD_ZH = ['热点区', '次热点区', '过渡区', '次冷点区', '冷点区']
BIG_CITIES = 'pop > 3000000'
DPI = 100


def regionstat(*args):
    done = subprocess.run([CLI] + list(args) + ['--quiet'], capture_output=True, text=True, timeout=600)
    check(done.returncode == 0, 'regionstat {} failed ({}): {}'.format(' '.join(args), done.returncode, done.stderr))
    return done


def analyses():
    """The outputs the figures show, made by the commands the README quotes."""
    data = {name: tmp(name + '.gpkg') for name in ('lisa', 'hotspot', 'gdp_centre', 'henan_links', 'influence',
                                                   'influence_units')}
    done = regionstat('lisa', PROVINCES, '--id', 'adcode', '--field', 'gdp_*', '-o', data['lisa'], '--json')
    with open(tmp('lisa.json'), 'w', encoding='utf-8') as f:
        f.write(done.stdout)  # the summary whose data, weights, inference and seed the figure names
    regionstat('hotspot', PROVINCES, '--id', 'adcode', '--field', 'gdp_2011', '--classes', 'natural-breaks',
               '-o', data['hotspot'])
    regionstat('migration', PROVINCES, '--weight', 'gdp_*', '-o', data['gdp_centre'])
    regionstat('gravity', CITIES, '--where', HENAN_CITIES, '--id', 'name', '--mass', 'pop', '--top', '3',
               '-o', data['henan_links'])
    regionstat('influence', PROVINCES, '--id', 'adcode', '--centres', CITIES, '--centres-where', BIG_CITIES,
               '--centres-id', 'name', '--mass', 'pop', '--zones-output', data['influence'],
               '-o', data['influence_units'])
    return data


def zone_centres(path):
    """The centres that have a zone in the influence output (read with OGR, not with QGIS)."""
    from osgeo import ogr
    dataset = ogr.Open(path)
    return sorted({feature.GetField('centre') for feature in dataset.GetLayer(0)})


def figures(data):
    """name -> (regionstat map arguments, page in mm)."""
    return {
        'lisa_2002_2011': ([data['lisa'], '--field', 'LisCL_*', '--results', tmp('lisa.json')], (297, 210)),
        'hotspot_zh': ([data['hotspot'], '--field', 'HotCold', '--lang', 'zh', '--page', 'A3',
                        '--orientation', 'portrait'], (297, 420)),
        'gdp_centre': ([PROVINCES, '--overlay', data['gdp_centre']], (297, 210)),
        'henan_links': ([PROVINCES, '--overlay', '{},{}|subset={}'.format(data['henan_links'], CITIES, HENAN_CITIES),
                         '--lang', 'zh'], (297, 210)),
        # Zones over the province layer, the centres on top, in Chinese.
        'influence_zh': ([PROVINCES, '--overlay', '{},{}|subset={}'.format(data['influence'], CITIES, BIG_CITIES),
                          '--lang', 'zh'], (297, 210)),
    }


def image_array(path):
    from qgis.PyQt.QtGui import QImage
    image = QImage(path)
    if image.isNull():
        return None
    image = image.convertToFormat(QImage.Format_RGB32)
    pointer = image.constBits()
    pointer.setsize(image.height() * image.bytesPerLine())
    pixels = numpy.frombuffer(pointer, numpy.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return pixels[:, :image.width(), 2::-1].astype(int)  # BGRA in memory -> RGB


def map_area_pixels(pixels, layout, dpi):
    """The pixels inside the layout's map frames (not the legend)."""
    from qgis.core import QgsLayoutItemMap
    scale = dpi / 25.4
    parts = []
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            rect = item.sceneBoundingRect()
            x0, y0 = int(rect.left() * scale) + 2, int(rect.top() * scale) + 2
            x1, y1 = int(rect.right() * scale) - 2, int(rect.bottom() * scale) - 2
            parts.append(pixels[y0:y1, x0:x1].reshape(-1, 3))
    return numpy.concatenate(parts) if parts else numpy.zeros((0, 3), int)


def has_colour(pixels, colour, tolerance=0):
    rgb = numpy.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return bool((numpy.abs(pixels - rgb).max(axis=1) <= tolerance).any())


def values_in_data(layer, fields):
    """The values of fields, or of expressions (a class attribute such as
    if("HotCold" IS NULL AND "NNeighbors" = 0, 'none', "HotCold")), over the layer's features."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expressions = {name: None if layer.fields().indexOf(name) >= 0 else QgsExpression(name) for name in fields}
    values = set()
    for feature in layer.getFeatures():
        context.setFeature(feature)
        for name, expression in expressions.items():
            value = feature[name] if expression is None else expression.evaluate(context)
            if value is not None and str(value) != 'NULL':
                values.add(str(value))
    return values


def open_project(path, layout_name):
    from qgis.core import QgsProject
    project = QgsProject()
    check(project.read(path), 'the project {} does not open: {}'.format(path, project.error()))
    layout = project.layoutManager().layoutByName(layout_name)
    check(layout is not None, '{} has no layout {}'.format(path, layout_name))
    return project, layout


def check_png(name, png, page_mm):
    pixels = image_array(png)
    if not check(pixels is not None, 'cannot read ' + png):
        return
    expected = (round(page_mm[1] * DPI / 25.4), round(page_mm[0] * DPI / 25.4))
    check(abs(pixels.shape[0] - expected[0]) <= 1 and abs(pixels.shape[1] - expected[1]) <= 1,
          '{}: {}x{} px, expected {}x{}'.format(name, pixels.shape[1], pixels.shape[0], expected[1], expected[0]))
    project, layout = open_project(png[:-4] + '.qgz', name)
    if layout is None:
        return
    inside = map_area_pixels(pixels, layout, DPI)
    check(len(inside) > 0, name + ': no map frame in the layout')
    from qgis.core import QgsCategorizedSymbolRenderer, QgsLayoutItemLegend
    check(any(isinstance(i, QgsLayoutItemLegend) for i in layout.items()), name + ': no legend')
    # Each class colour of the legend whose class occurs in the data is drawn in a map frame.
    checked = 0
    for layer in project.mapLayers().values():
        renderer = layer.renderer()
        if not isinstance(renderer, QgsCategorizedSymbolRenderer):
            continue
        present = values_in_data(layer, [renderer.classAttribute()])
        for category in renderer.categories():
            if str(category.value()) in present:
                colour = category.symbol().color().name()
                check(has_colour(inside, colour), '{}: class {} ({}) of {} is not drawn in the map area'.format(
                    name, category.value(), colour, layer.name()))
                checked += 1
    if name in ('lisa_2002_2011', 'hotspot_zh'):
        check(checked >= 3, '{}: only {} class colours checked'.format(name, checked))
    if name == 'gdp_centre':  # ellipse outline and trajectory (anti-aliased lines: near colours)
        check(has_colour(inside, '#3a6ea5', 40), name + ': no ellipse drawn')
        check(has_colour(inside, '#c0392b', 40), name + ': no centre or trajectory drawn')
    if name == 'henan_links':
        check(has_colour(inside, '#8e3b8e', 40), name + ': no link drawn')
    if name == 'influence_zh':  # a colour per zone (checked above) and the centres on top
        zones = [layer for layer in project.mapLayers().values()
                 if isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)]
        check(len(zones) == 1 and zones[0].renderer().classAttribute() == 'centre',
              '{}: the zones are not coloured by centre: {}'.format(name, [z.name() for z in zones]))
        expected = len(zone_centres(tmp('influence.gpkg')))
        check(checked == expected and expected >= 5,
              '{}: {} zone colours drawn, expected one for each of {} centres'.format(name, checked, expected))
        check(has_colour(inside, '#333333', 10), name + ': no centre drawn')
    if name == 'lisa_2002_2011':
        from qgis.core import QgsLayoutItemMap
        maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
        check(len(maps) == 10, 'lisa: {} map panels, expected 10'.format(len(maps)))


def check_pdf(name, pdf, lang):
    text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True).stdout
    check(len(text.strip()) > 0, name + ': the PDF has no text')
    if name == 'hotspot_zh':
        for label in HOT_COLD_ZH:
            check(label in text, '{}: "{}" is not text in the PDF (tofu or missing)'.format(name, label))
    if name == 'lisa_2002_2011':
        for year in range(2002, 2012):
            check(str(year) in text, '{}: panel title {} missing from the PDF'.format(name, year))
    if name == 'influence_zh':
        check('影响范围' in text, name + ': the Chinese title or legend "影响范围" is not text in the PDF')
        centres = zone_centres(tmp('influence.gpkg'))
        missing = [c for c in centres if c not in text]
        check(not missing, '{}: centres missing from the legend and labels of the PDF: {}'.format(name, missing))
    if lang == 'zh':
        check('数据来源' in text, name + ': the Chinese credit line is not in the PDF')
        fonts = subprocess.run(['pdffonts', pdf], capture_output=True, text=True).stdout
        check('NotoSansCJK' in fonts, name + ': no Noto Sans CJK font embedded: ' + fonts)
    check('km' in text, name + ': no scale bar in km')


def check_provenance(name, svg, lang):
    """The figure says which data, weights, inference and seed produced it (--results): the
    defaults of `regionstat lisa` on the sample layer, whose 34 provinces include 3 without GDP
    and one island (Hainan). Read from the SVG, whose text is the text drawn (pdftotext loses
    the digits that follow letters in Qt's PDF of Noto Sans CJK)."""
    import html
    with open(svg, encoding='utf-8') as f:
        # Qt cuts the text into runs (at line wraps, at changes of script): compared without spaces.
        words = ''.join(html.unescape(''.join(re.findall(r'<text[^>]*>([^<]*)</text>', f.read()))).split())
    label = {'en': ('Data', 'Weights', 'Inference', 'Seed'), 'zh': ('数据', '空间权重', '统计推断', '随机种子')}[lang]
    for expected in ('{}: {}'.format(label[0], PROVINCES), 'fields gdp_2002 ... gdp_2011 (10); years 2002-2011',
                     '{}: queen contiguity, row-standardised (W); 31 units analysed'.format(label[1]),
                     '1 without neighbours (island)',
                     '{}: 999 conditional permutations (seed 12345, folded pseudo p)'.format(label[2]),
                     '{}: 12345'.format(label[3])):
        check(''.join(expected.split()) in words, '{}: the figure does not say "{}"'.format(name, expected))


def check_glyph_probe():
    """The renderer draws in Noto Sans CJK and refuses a text with a character no installed font
    can draw (Qt would print a tofu box): here a private-use code point, as no font has it."""
    from regionstat.maps.fonts import CJK_FAMILY, figure_font_family, require_glyphs
    from regionstat.maps.styles import MapError
    check(figure_font_family() == CJK_FAMILY, 'figures are not set in {} (fonts-noto-cjk)'.format(CJK_FAMILY))
    require_glyphs(CJK_FAMILY, HOT_COLD_ZH)  # no error: every glyph is there
    try:
        require_glyphs(CJK_FAMILY, ['热点区 \U0010fffd'])
        check(False, 'the glyph probe accepted a character no font has')
    except MapError as error:
        check('fonts-noto-cjk' in str(error), 'the glyph probe does not say what to install: {}'.format(error))


def check_qgis_process(project, layout_name):
    """The .qgz opens in qgis_process with its layout: print the layout again from it."""
    out = tmp(layout_name + '_from_qgz.pdf')
    done = subprocess.run(['/usr/bin/qgis_process.bin', 'run', 'native:printlayouttopdf',
                           '--PROJECT_PATH=' + project, '--', 'LAYOUT=' + layout_name, 'OUTPUT=' + out],
                          capture_output=True, text=True, timeout=600)
    check(done.returncode == 0 and os.path.exists(out),
          'qgis_process could not print layout {} of {}: {}{}'.format(layout_name, project, done.stdout[-800:],
                                                                      done.stderr[-800:]))


def main():
    check(shutil.which('pdftotext') is not None, 'pdftotext (poppler-utils) is not installed')
    data = analyses()
    start_qgis()
    for name, (args, page_mm) in figures(data).items():
        lang = 'zh' if 'zh' in args else 'en'
        for extension in ('png', 'pdf'):
            path = tmp('{}.{}'.format(name, extension))
            regionstat('map', *args, '-o', path, '-p', tmp(name + '.qgz'), '--dpi', str(DPI), '--overwrite')
            if not check(os.path.exists(path), 'regionstat map wrote no ' + path):
                continue
            if extension == 'png':
                check_png(name, path, page_mm)
            else:
                check_pdf(name, path, lang)
    check_qgis_process(tmp('lisa_2002_2011.qgz'), 'lisa_2002_2011')
    lisa_svg = tmp('lisa_2002_2011.svg')
    regionstat('map', *figures(data)['lisa_2002_2011'][0], '-o', lisa_svg, '-p', tmp('lisa_svg.qgz'), '--dpi', str(DPI))
    check_provenance('lisa_2002_2011', lisa_svg, 'en')
    check_glyph_probe()

    # Pixels instead of paper; an existing figure is not replaced without --overwrite.
    exact = tmp('exact.png')
    regionstat('map', data['lisa'], '--field', 'LisCL_2011', '--pixels', '1600x1000', '--dpi', '200', '-o', exact)
    pixels = image_array(exact)
    check(pixels is not None and pixels.shape[:2] == (1000, 1600), '--pixels 1600x1000 gave {}'.format(
        None if pixels is None else pixels.shape[:2]))
    done = subprocess.run([CLI, 'map', data['lisa'], '--field', 'LisCL_2011', '-o', exact, '--quiet'],
                          capture_output=True, text=True)
    check(done.returncode != 0 and 'overwrite' in done.stderr, 'an existing figure was replaced: ' + done.stderr)
    leftovers = [f for f in os.listdir(os.path.dirname(exact)) if '.partial-' in f]
    check(not leftovers, 'staged files left behind: {}'.format(leftovers))

    # In QGIS the plugin's map algorithm renders in-process, with the layer's style.
    check(os.path.isdir(os.path.join(PLUGIN_DIR, 'regionstat', 'maps')),
          'the built plugin lacks regionstat/maps (plugin/assemble.cmake copies it)')
    import processing
    in_qgis = tmp('in_qgis.png')
    result = processing.run('regionstat:map', {'INPUT': data['lisa'], 'FIELD': ['LisCL_2010', 'LisCL_2011'],
                                               'LANG': 1, 'DPI': DPI, 'OUTPUT': in_qgis})
    check(result.get('OUTPUT') == in_qgis and os.path.exists(in_qgis), 'regionstat:map in QGIS: {}'.format(result))
    check(os.path.exists(tmp('in_qgis.qgz')), 'regionstat:map in QGIS wrote no project')
    check(result.get('PANELS') == 2, 'regionstat:map in QGIS: {} panels'.format(result.get('PANELS')))
    # With RESULTS, the figure made in QGIS names the data, weights, inference and seed too.
    in_qgis_svg = tmp('in_qgis_results.svg')
    processing.run('regionstat:map', {'INPUT': data['lisa'], 'FIELD': ['LisCL_2002', 'LisCL_2011'], 'LANG': 1,
                                      'DPI': DPI, 'RESULTS': tmp('lisa.json'), 'OUTPUT': in_qgis_svg})
    if check(os.path.exists(in_qgis_svg), 'regionstat:map in QGIS with RESULTS wrote no ' + in_qgis_svg):
        check_provenance('in_qgis_results', in_qgis_svg, 'zh')


run_test(main)
