"""The plugin's `map` algorithm, run in-process: inside QGIS the core's `regionstat map` would
start a second QGIS, so the provider hands this algorithm to the renderer here
(see PYTHON_RUNNERS in ../algorithm.py). Parameters are the core's, read as for any algorithm;
the figure uses the style the layer has in QGIS now, unless a .qml is chosen."""
import os
import tempfile

from qgis.core import QgsProcessingException

from ..i18n import tr
from . import FigureSpec, labels, render_figure
from .styles import MapError


def process(algorithm, parameters, context, feedback):
    # what _arguments records of the layers it exports and the outputs it names
    algorithm._exported, algorithm._origins, algorithm._outputs = {}, {}, {}
    arguments, _, files = algorithm._arguments(parameters, context, feedback)
    output = files.get('output')
    if not output:
        raise QgsProcessingException(tr('Choose the figure to write (OUTPUT).'))
    project = files.get('project') or os.path.splitext(output)[0] + '.qgz'
    style = arguments.get('style', '')
    if style and not style.lower().endswith('.qml'):
        raise QgsProcessingException(tr('In QGIS, STYLE is a .qml file; by default the figure uses the '
                                        "layer's current style."))
    with tempfile.TemporaryDirectory(prefix='regionstat-map-') as work:
        source = algorithm.parameterAsVectorLayer(parameters, 'INPUT', context)
        if not style and source is not None:
            style = os.path.join(work, 'style.qml')
            source.saveNamedStyle(style)
        name = source.name() if source is not None else os.path.basename(arguments['input'])
        lang = arguments.get('lang', 'en')
        staged_figure = _staged(output)
        staged_project = _staged(project)
        spec = FigureSpec(
            layer=arguments['input'], output=staged_figure, project=staged_project,
            subset=arguments.get('where', ''), fields=list(arguments.get('field', [])), style=style,
            overlays=[o for o in arguments.get('overlay', '').split(',') if o],
            title=arguments.get('title', ''), legend_title=arguments.get('legend_title', ''),
            credit=arguments.get('credit', '') or '{}: {}'.format(labels.text('source', lang), name),
            provenance=_provenance(arguments.get('results', '')),
            lang=lang, page=arguments.get('page', 'A4'),
            orientation=arguments.get('orientation', 'landscape'),
            pixels=_pixels(arguments.get('pixels', '')), dpi=float(arguments.get('dpi', 300)),
            columns=int(arguments.get('columns', 0)), map_crs=arguments.get('map_crs', ''),
            layout_name=os.path.splitext(os.path.basename(output))[0])
        feedback.pushInfo(tr('Rendering the print layout with QGIS'))
        try:
            summary = render_figure(spec)
        except MapError as error:
            for path in (staged_figure, staged_project):
                if os.path.exists(path):
                    os.remove(path)
            raise QgsProcessingException(str(error))
    os.replace(staged_figure, output)
    os.replace(staged_project, project)
    feedback.setProgress(100)
    return {'OUTPUT': output, 'PROJECT': project, 'PANELS': float(len(summary['panels']))}


def _provenance(path):
    """RESULTS: the data, weights, inference and seed of the command's JSON summary, as the
    command line's map prints them (the core words them)."""
    if not path:
        return []
    from ..provider import core_module
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError as error:
        raise QgsProcessingException(tr('RESULTS cannot be read: {}').format(error))
    module = core_module()
    if module is None:
        raise QgsProcessingException(tr('The RegionStat core module could not be loaded; see the log.'))
    lines = module.provenance(text)
    if not lines:
        raise QgsProcessingException(tr('RESULTS is not the JSON summary of a RegionStat command: {}').format(path))
    return [list(line) for line in lines]


def _staged(path):
    """A name beside `path` to write first, keeping the extension (the format follows it)."""
    folder, base = os.path.split(path)
    stem, extension = os.path.splitext(base)
    return os.path.join(folder, '.{}.partial-{}{}'.format(stem, os.getpid(), extension))


def _pixels(text):
    if not text:
        return []
    try:
        width, height = (int(v) for v in text.lower().split('x'))
    except ValueError:
        raise QgsProcessingException(tr('PIXELS expects WIDTHxHEIGHT, e.g. 2400x1600, not {}').format(text))
    return [width, height]
