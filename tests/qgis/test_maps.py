"""Print-ready maps (`regionstat map`, QGIS print layouts) for the sample layer: the 2002-2011 LISA
small multiples, the hot-spot map with the five Chinese classes, the GDP centre migration and the
Henan linkage network, each as PNG and PDF. Checks the image size, that every class colour of the
legend whose class occurs in the data is drawn inside a map frame, that the Chinese class names
are text in the PDF (no tofu: pdftotext finds them), and that the .qgz opens with its layout, in
PyQGIS and in qgis_process."""
import os
import shutil
import subprocess

import numpy

from qgis_testing import CLI, PLUGIN_DIR, SOURCE, check, run_test, start_qgis, tmp

PROVINCES = os.path.join(SOURCE, 'sample_layers', 'china_provinces.gpkg')
CITIES = os.path.join(SOURCE, 'sample_layers', 'china_cities.gpkg')
HENAN_CITIES = "province_zh = '河南' AND pop > 400000"
HOT_COLD_ZH = ['热点区', '次热点区', '过渡区', '次冷点区', '冷点区']
DPI = 100


def regionstat(*args):
    done = subprocess.run([CLI] + list(args) + ['--quiet'], capture_output=True, text=True, timeout=600)
    check(done.returncode == 0, 'regionstat {} failed ({}): {}'.format(' '.join(args), done.returncode, done.stderr))
    return done


def analyses():
    """The outputs the figures show, made by the commands the README quotes."""
    data = {name: tmp(name + '.gpkg') for name in ('lisa', 'hotspot', 'gdp_centre', 'henan_links')}
    regionstat('lisa', PROVINCES, '--id', 'adcode', '--field', 'gdp_*', '-o', data['lisa'])
    regionstat('hotspot', PROVINCES, '--id', 'adcode', '--field', 'gdp_2011', '--classes', 'natural-breaks',
               '-o', data['hotspot'])
    regionstat('migration', PROVINCES, '--weight', 'gdp_*', '-o', data['gdp_centre'])
    regionstat('gravity', CITIES, '--where', HENAN_CITIES, '--id', 'name', '--mass', 'pop', '--top', '3',
               '-o', data['henan_links'])
    return data


def figures(data):
    """name -> (regionstat map arguments, page in mm)."""
    return {
        'lisa_2002_2011': ([data['lisa'], '--field', 'LisCL_*'], (297, 210)),
        'hotspot_zh': ([data['hotspot'], '--field', 'HotCold', '--lang', 'zh', '--page', 'A3',
                        '--orientation', 'portrait'], (297, 420)),
        'gdp_centre': ([PROVINCES, '--overlay', data['gdp_centre']], (297, 210)),
        'henan_links': ([PROVINCES, '--overlay', '{},{}|subset={}'.format(data['henan_links'], CITIES, HENAN_CITIES),
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
    values = set()
    for feature in layer.getFeatures():
        for name in fields:
            value = feature[name]
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
    if lang == 'zh':
        check('数据来源' in text, name + ': the Chinese credit line is not in the PDF')
        fonts = subprocess.run(['pdffonts', pdf], capture_output=True, text=True).stdout
        check('NotoSansCJK' in fonts, name + ': no Noto Sans CJK font embedded: ' + fonts)
    check('km' in text, name + ': no scale bar in km')


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


run_test(main)
