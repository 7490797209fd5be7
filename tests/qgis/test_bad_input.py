"""Bad input through QGIS gives the core's clear error as a Processing error and no output:
a text field, a layer with NULLs (a warning and NULL results), a point layer for contiguity
weights, and a cancel during the permutations."""
import os

from qgis_testing import SAMPLE_FIELD, check, run_test, sample_layer, start_qgis, tmp


class RecordingFeedback:
    """A QgsProcessingFeedback that keeps the warnings and can cancel at the first progress."""

    @staticmethod
    def make(cancel_on_progress=False):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings, self.progress_calls = [], 0

            def pushWarning(self, text):  # noqa: N802
                self.warnings.append(text)
                super().pushWarning(text)

            def setProgress(self, value):  # noqa: N802
                self.progress_calls += 1
                if cancel_on_progress and value > 0:
                    self.cancel()
                super().setProgress(value)
        return Feedback()


def expect_error(algorithm, parameters, output, words, what, feedback=None):
    import processing
    from qgis.core import QgsProcessingException
    try:
        processing.run(algorithm, parameters, feedback=feedback)
        check(False, what + ': no error')
        return ''
    except QgsProcessingException as error:
        message = str(error)
        print('{}: {}'.format(what, message))
        check('Traceback' not in message and 'File "' not in message, what + ': a traceback: ' + message)
        for w in words:
            check(w.lower() in message.lower(), '{}: the message does not say {!r}: {}'.format(what, w, message))
        check(not os.path.exists(output), what + ': an output was written: ' + output)
        return message


def with_nulls(layer, field, count):
    """A memory copy of `layer` with `field` NULL in its first `count` features."""
    from qgis.core import QgsFeatureRequest
    memory = layer.materialize(QgsFeatureRequest())
    index = memory.fields().indexOf(field)
    memory.startEditing()
    for feature in list(memory.getFeatures())[:count]:
        memory.changeAttributeValue(feature.id(), index, None)
    memory.commitChanges()
    return memory


def points_of(layer):
    """A memory point layer: one point on the surface of each polygon, with its attributes."""
    from qgis.core import QgsFeature, QgsVectorLayer
    points = QgsVectorLayer('Point?crs=' + layer.crs().authid(), 'points', 'memory')
    points.dataProvider().addAttributes(layer.fields().toList())
    points.updateFields()
    features = []
    for f in layer.getFeatures():
        p = QgsFeature(points.fields())
        p.setAttributes(f.attributes())
        p.setGeometry(f.geometry().pointOnSurface())
        features.append(p)
    points.dataProvider().addFeatures(features)
    return points


def main():
    start_qgis()
    import processing
    from qgis.core import QgsVectorLayer
    layer = sample_layer()

    # A text field.
    output = tmp('text_field.gpkg')
    expect_error('regionstat:lisa', {'INPUT': layer, 'FIELD': 'name_en', 'OUTPUT': output},
                 output, ['name_en'], 'lisa on a text field')

    # NULLs: a counted warning, NULL results for those units, the others analysed.
    nulls = with_nulls(layer, SAMPLE_FIELD, 3)
    feedback = RecordingFeedback.make()
    output = tmp('nulls.gpkg')
    results = processing.run('regionstat:lisa', {'INPUT': nulls, 'FIELD': SAMPLE_FIELD, 'OUTPUT': output},
                             feedback=feedback)
    print('warnings with NULLs: {}'.format(feedback.warnings))
    check(any(SAMPLE_FIELD in w and 'NULL' in w for w in feedback.warnings),
          'no warning naming the field and its NULLs: {}'.format(feedback.warnings))
    out = QgsVectorLayer(results['OUTPUT'], 'nulls', 'ogr')
    check(out.featureCount() == layer.featureCount(), 'NULL units must stay in the output')
    new_fields = [f.name() for f in out.fields() if layer.fields().indexOf(f.name()) < 0 and f.name() != 'fid']
    check(new_fields, 'lisa added no field')
    nulled = [f for f in out.getFeatures()][:3]
    for f in nulled:
        for name in new_fields:
            value = f[name]
            check(value is None or (hasattr(value, 'isNull') and value.isNull()) or str(value) == 'NULL',
                  'unit with NULL input has {} = {!r}'.format(name, value))
    numeric = [n for n in new_fields if out.fields().field(n).isNumeric()]
    analysed = [f for f in out.getFeatures() if f[SAMPLE_FIELD] is not None and str(f[SAMPLE_FIELD]) != 'NULL']
    check(any(f[n] is not None and str(f[n]) != 'NULL' for f in analysed for n in numeric),
          'the units with values got no results')

    # A point layer for contiguity weights: a clear error, no output.
    points = points_of(layer)
    output = tmp('points_queen.gal')
    expect_error('regionstat:weights', {'INPUT': points, 'METHOD': 0, 'OUTPUT': output},
                 output, ['polygon'], 'queen weights on points')
    output = tmp('points_lisa.gpkg')
    expect_error('regionstat:lisa', {'INPUT': points, 'FIELD': SAMPLE_FIELD, 'WEIGHTS': 'queen', 'OUTPUT': output},
                 output, ['polygon'], 'lisa with queen weights on points')

    # Cancel at the first progress report during many permutations: stops, no output.
    feedback = RecordingFeedback.make(cancel_on_progress=True)
    output = tmp('cancelled.gpkg')
    expect_error('regionstat:lisa', {'INPUT': layer, 'FIELD': SAMPLE_FIELD, 'PERMUTATIONS': 9999999,
                                     'OUTPUT': output},
                 output, ['cancel'], 'lisa cancelled', feedback=feedback)
    check(feedback.progress_calls > 0, 'the core reported no progress')


run_test(main)
