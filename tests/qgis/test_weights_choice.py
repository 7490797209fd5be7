"""The weights of an analysis in QGIS: chosen from a method list with its numbers, they give the
same results as the same weights spec on the command line; the spec text (WEIGHTS), for batch
runs and qgis_process, wins when given; a weights file (WEIGHTS_FILE) leaves the list unused."""
import subprocess

from qgis_testing import CLI, SAMPLE, SAMPLE_FIELD, check, run_test, start_qgis, tmp

METHODS = ['queen', 'rook', 'knn', 'band', 'idw', 'kernel']
FIELDS = ['LMiIndex', 'LMiZScore', 'LISA_CL', 'GiZScore', 'Gi_Bin', 'NNeighbors']


def values(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(path, 'out', 'ogr')
    check(layer.isValid(), 'cannot open ' + path)
    return {str(f['adcode']): tuple(f[name] for name in FIELDS if layer.fields().indexOf(name) >= 0)
            for f in layer.getFeatures()}


def cli(name, spec, algorithm='lisa'):
    output = tmp(name + '_cli.gpkg')
    subprocess.run([CLI, algorithm, SAMPLE, '--id', 'adcode', '--field', SAMPLE_FIELD, '--weights', spec,
                    '--permutations', '99', '-o', output], check=True, capture_output=True)
    return values(output)


def qgis(name, algorithm='lisa', **weights):
    import processing
    output = tmp(name + '_qgis.gpkg')
    parameters = {'INPUT': SAMPLE, 'ID': 'adcode', 'FIELD': SAMPLE_FIELD, 'PERMUTATIONS': 99, 'OUTPUT': output}
    parameters.update(weights)
    processing.run('regionstat:' + algorithm, parameters)
    return values(output)


def main():
    start_qgis()
    from qgis.core import QgsApplication
    alg = QgsApplication.processingRegistry().algorithmById('regionstat:lisa')
    names = [d.name() for d in alg.parameterDefinitions()]
    for key in ('WEIGHTS_METHOD', 'WEIGHTS_K', 'WEIGHTS_DISTANCE', 'WEIGHTS_TOLERANCE', 'WEIGHTS_POWER',
                'WEIGHTS_KERNEL', 'WEIGHTS', 'WEIGHTS_FILE'):
        check(key in names, 'lisa has no parameter ' + key)
    check(alg.parameterDefinition('WEIGHTS_METHOD').options() == METHODS, 'the method list')
    weights = QgsApplication.processingRegistry().algorithmById('regionstat:weights')
    check(weights.parameterDefinition('WEIGHTS_METHOD') is None, 'weights has its own method options')

    cases = [
        ('default', {}, 'queen'),
        ('rook', {'WEIGHTS_METHOD': 1}, 'rook'),
        ('knn', {'WEIGHTS_METHOD': 2, 'WEIGHTS_K': 4}, 'knn:k=4'),
        ('band', {'WEIGHTS_METHOD': 3, 'WEIGHTS_DISTANCE': '800km'}, 'band:800km'),
        ('idw', {'WEIGHTS_METHOD': 4, 'WEIGHTS_DISTANCE': '900km', 'WEIGHTS_POWER': 2}, 'idw:900km:power=2'),
        ('snap', {'WEIGHTS_METHOD': 0, 'WEIGHTS_TOLERANCE': 0.001}, 'queen:snap=0.001'),
        ('spec_wins', {'WEIGHTS_METHOD': 2, 'WEIGHTS_K': 4, 'WEIGHTS': 'knn:k=7'}, 'knn:k=7'),
    ]
    for name, chosen, spec in cases:
        expected = cli(name, spec)
        got = qgis(name, **chosen)
        check(len(got) == 34 and got == expected, '{}: QGIS differs from --weights {}'.format(name, spec))
    # Kernels weigh the unit itself, which LISA refuses: Gi* takes them.
    expected = cli('kernel', 'kernel:gaussian:k=5', 'hotspot')
    got = qgis('kernel', 'hotspot', WEIGHTS_METHOD=5, WEIGHTS_KERNEL=4, WEIGHTS_K=5)
    check(len(got) == 34 and got == expected, 'kernel: QGIS differs from --weights kernel:gaussian:k=5')
    # Different choices give different weights (the comparison above can tell them apart).
    check(cli('knn4', 'knn:k=4') != cli('knn7', 'knn:k=7'), 'knn:k=4 and knn:k=7 give the same results')

    gal = tmp('rook.gal')
    subprocess.run([CLI, 'weights', SAMPLE, '--id', 'adcode', '--method', 'rook', '-o', gal], check=True,
                   capture_output=True)
    check(qgis('file', WEIGHTS_FILE=gal) == cli('rook_again', 'rook'), 'a weights file is used as given')


run_test(main)
