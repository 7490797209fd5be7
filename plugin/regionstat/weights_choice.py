"""The spatial weights of an analysis, as the QGIS dialog asks for them: a method list and the
numbers that method takes (k, distance, snapping tolerance, kernel, power), composed into the
weights spec the core reads (`knn:k=6`, `idw:300km:power=2`, ...). The spec text itself stays as
a parameter (WEIGHTS), for batch runs, models and qgis_process; when given it wins, so the
command line and QGIS take the same specs."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .i18n import tr

METHODS = ['queen', 'rook', 'knn', 'band', 'idw', 'kernel']
KERNELS = ['triangular', 'uniform', 'epanechnikov', 'quartic', 'gaussian']

METHOD, K, DISTANCE, TOLERANCE, POWER, KERNEL = (
    'WEIGHTS_METHOD', 'WEIGHTS_K', 'WEIGHTS_DISTANCE', 'WEIGHTS_TOLERANCE', 'WEIGHTS_POWER', 'WEIGHTS_KERNEL')
KEYS = (METHOD, K, DISTANCE, TOLERANCE, POWER, KERNEL)


def definitions(spec_label):
    """The method list and its numbers, then the spec text (optional: empty means 'use the list')."""
    method = QgsProcessingParameterEnum(METHOD, tr('Spatial weights method'), METHODS, False, 0)
    k = QgsProcessingParameterNumber(K, tr('Number of nearest neighbours (knn; adaptive kernel)'),
                                     QgsProcessingParameterNumber.Integer, 6, True, 1)
    distance = QgsProcessingParameterString(
        DISTANCE, tr('Distance band or kernel bandwidth (band, idw, kernel), e.g. 150km or 20000m'), '', False, True)
    tolerance = QgsProcessingParameterNumber(
        TOLERANCE, tr('Snapping tolerance of contiguity, in layer units (0: coincident vertices)'),
        QgsProcessingParameterNumber.Double, 0.0, True, 0.0)
    tolerance.setMetadata({'widget_wrapper': {'decimals': 10}})
    power = QgsProcessingParameterNumber(POWER, tr('Inverse distance power (idw)'),
                                         QgsProcessingParameterNumber.Double, 1.0, True, 0.0)
    kernel = QgsProcessingParameterEnum(KERNEL, tr('Kernel function (kernel)'), KERNELS, False, 0, True)
    spec = QgsProcessingParameterString('WEIGHTS', spec_label, '', False, True)
    for definition in (k, distance, tolerance, power, kernel, spec):
        definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    method.setFlags(method.flags())
    return [method, k, distance, tolerance, power, kernel, spec]


def spec(algorithm, parameters, context):
    """The weights spec of a run: the WEIGHTS text when given, else the method list's choice."""
    text = algorithm.parameterAsString(parameters, 'WEIGHTS', context).strip()
    if text:
        return text
    method = METHODS[algorithm.parameterAsEnum(parameters, METHOD, context)]
    given = (lambda key: parameters.get(key) not in (None, ''))
    distance = algorithm.parameterAsString(parameters, DISTANCE, context).strip()
    k = algorithm.parameterAsInt(parameters, K, context) if given(K) else 6
    if method in ('queen', 'rook'):
        tolerance = algorithm.parameterAsDouble(parameters, TOLERANCE, context) if given(TOLERANCE) else 0.0
        return method + (':snap={!r}'.format(tolerance) if tolerance > 0 else '')
    if method == 'knn':
        return 'knn:k={}'.format(k)
    if method == 'band':
        if not distance:
            raise QgsProcessingException(tr('Distance band weights need a distance, e.g. 150km'))
        return 'band:' + distance
    if method == 'idw':
        power = algorithm.parameterAsDouble(parameters, POWER, context) if given(POWER) else 1.0
        return 'idw' + (':' + distance if distance else '') + ':power={!r}'.format(power)
    kernel = KERNELS[algorithm.parameterAsEnum(parameters, KERNEL, context)] if given(KERNEL) else KERNELS[0]
    if distance:
        return 'kernel:{}:bandwidth={}'.format(kernel, distance)
    return 'kernel:{}:k={}'.format(kernel, k)
