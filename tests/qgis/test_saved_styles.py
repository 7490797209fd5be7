"""A result saved to a file through QGIS carries its style: opened fresh from the file later, the
layer draws with the core's categorised style (GeoPackage: the default row of layer_styles;
other formats: a .qml of the same base name beside the file), whether the algorithm ran in
Processing (PyQGIS) or through qgis_process.bin."""
import os
import subprocess

from qgis_testing import CLI, SAMPLE, SAMPLE_FIELD, check, run_test, sample_layer, start_qgis, tmp

QGIS_PROCESS = '/usr/bin/qgis_process.bin'
# The field each result's style is categorised on (the core's declared styles).
STYLED_ON = {'lisa': 'LISA_CL', 'hotspot': 'Gi_Bin'}


def legend(layer):
    renderer = layer.renderer()
    return [c.label() for c in renderer.categories()] if renderer.type() == 'categorizedSymbol' else []


def cli_legend(algorithm):
    """The legend of the same result written by the command line, which stores its style itself."""
    from qgis.core import QgsVectorLayer
    output = tmp('cli_{}.gpkg'.format(algorithm))
    if not os.path.exists(output):
        subprocess.run([CLI, algorithm, SAMPLE, '--field', SAMPLE_FIELD, '-o', output], check=True,
                       capture_output=True)
    return legend(QgsVectorLayer(output, algorithm, 'ogr'))


def check_styled_file(path, algorithm, what):
    """The file opened as a user opens it later: a new layer, its default style loaded, drawn
    as the command line's file of the same result is."""
    from qgis.core import QgsVectorLayer
    if not check(os.path.exists(path.split('|')[0]), '{}: no {}'.format(what, path)):
        return
    layer = QgsVectorLayer(path, os.path.basename(path), 'ogr')
    if not check(layer.isValid(), '{}: {} does not open'.format(what, path)):
        return
    renderer = layer.renderer()
    # Categorised on the field, or on an expression of it (hot spots: no neighbours apart).
    field = getattr(renderer, 'classAttribute', lambda: '')()
    on_field = field == STYLED_ON[algorithm] or '"{}"'.format(STYLED_ON[algorithm]) in field
    if check(renderer.type() == 'categorizedSymbol' and on_field,
             '{}: {} opens with a {} renderer on {!r}, not categorised on {}'.format(
                 what, os.path.basename(path), renderer.type(), field, STYLED_ON[algorithm])):
        check(legend(layer) == cli_legend(algorithm), '{}: legend {} differs from the command line\'s {}'.format(
            what, legend(layer), cli_legend(algorithm)))
        print('{}: {} opens categorised on {} ({} classes)'.format(what, os.path.basename(path), field,
                                                                  len(renderer.categories())))


def in_processing():
    import processing
    layer = sample_layer()
    for algorithm, name in [('lisa', 'lisa.gpkg'), ('lisa', 'lisa.shp'), ('hotspot', 'hotspot.geojson'),
                            ('hotspot', 'hotspot.gpkg')]:
        output = tmp(name)
        processing.run('regionstat:' + algorithm, {'INPUT': layer, 'FIELD': SAMPLE_FIELD, 'OUTPUT': output})
        check_styled_file(output, algorithm, 'Processing ' + algorithm)
    # A GeoPackage layer named by the user (ogr: destination) keeps its style under that name.
    output = tmp('named.gpkg')
    destination = 'ogr:dbname=\'{}\' table="lisa_2011" (geom)'.format(output)
    processing.run('regionstat:lisa', {'INPUT': layer, 'FIELD': SAMPLE_FIELD, 'OUTPUT': destination})
    check_styled_file(output + '|layername=lisa_2011', 'lisa', 'Processing lisa, named GeoPackage layer')


def through_qgis_process():
    done = subprocess.run([QGIS_PROCESS, 'plugins', 'enable', 'regionstat'], capture_output=True, text=True)
    check(done.returncode == 0, 'plugins enable regionstat: ' + done.stdout + done.stderr)
    for algorithm, name in [('lisa', 'qp_lisa.shp'), ('hotspot', 'qp_hotspot.gpkg')]:
        output = tmp(name)
        done = subprocess.run([QGIS_PROCESS, 'run', 'regionstat:' + algorithm, '--', 'INPUT=' + SAMPLE,
                               'FIELD=' + SAMPLE_FIELD, 'OUTPUT=' + output],
                              capture_output=True, text=True, timeout=600)
        check(done.returncode == 0, 'qgis_process {}: exit {}: {}'.format(algorithm, done.returncode,
                                                                          done.stderr[-1000:]))
        check_styled_file(output, algorithm, 'qgis_process ' + algorithm)


def main():
    start_qgis()
    in_processing()
    through_qgis_process()


run_test(main)
