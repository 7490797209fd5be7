"""One generic Processing algorithm, instantiated once per algorithm of the C++ core.

Everything it shows comes from the core's description (`_regionstat.algorithms()`): names,
group, help, parameters and numeric outputs; nothing is computed here. To run, it exports the
input layer(s) to a temporary GeoPackage (honouring "selected features only"), calls the core
with file paths, copies the layer the core wrote into the Processing sink (so temporary layers
and every format work), and gives the result the style the core wrote: saved with the file
chosen (layer_styles of a GeoPackage, a .qml beside other formats) and applied when QGIS loads
the layer. Messages name the user's layer, units and files, never the temporary copies.
"""
import html
import math
import os
import re
import sys

from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputFile,
    QgsProcessingOutputHtml,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTextCodec
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtXml import QDomDocument

from .i18n import tr
from . import weights_choice
from .provider import ICON, core_module

# Parameters of the command line that QGIS answers itself: the layer is exported to a GeoPackage
# in UTF-8 with its CRS, and outputs go through Processing sinks and file destinations.
HANDLED_BY_QGIS = {'layer', 'encoding', 'crs', 'format', 'overwrite', 'lco'}
# ...except where it does not. The outputs of a recipe are files the recipe names, not Processing
# destinations, so `run` asks whether to replace them. `convert` reads its input file again in the
# encoding given (QGIS reads a Shapefile without .cpg in its default encoding, seldom the GBK of
# Chinese data) and gives a CRS to an input that has none, which QGIS leaves without one.
SHOWN_IN_QGIS = {'run': {'overwrite'}, 'convert': {'encoding', 'crs'}}


def handled_by_qgis(core_name):
    """The core parameters of an algorithm that its QGIS dialog does not show."""
    return HANDLED_BY_QGIS - SHOWN_IN_QGIS.get(core_name, set())

# Algorithms the plugin runs in Python rather than through the core: `map` renders with QGIS
# itself, in-process, where the core would start a second QGIS (maps/processing.py).
PYTHON_RUNNERS = {'map'}
# The core runs scripts of that package too (report --pdf): these, not another copy's.
os.environ.setdefault('REGIONSTAT_MAPS_DIR', os.path.join(os.path.dirname(__file__), 'maps'))

# The temporary GeoPackage keeps a source field called "fid" as an ordinary field.
EXPORT_FID = 'regionstat_fid'
# Algorithms whose files record unit ids for later runs (a weights file) keep the core's default
# id, the feature id, unless an ID is chosen: see takes_default_id.
IDS_IN_FILES = {'weights'}


def qgis_id(core_name):
    """QGIS algorithm ids are lower-case letters and digits: general-g -> generalg."""
    return re.sub(r'[^a-z0-9]', '', core_name.lower())


def has_weights_choice(description):
    """Whether an algorithm's spatial weights are chosen from a method list in QGIS."""
    names = {p['name'] for p in description['parameters']}
    return description['name'] != 'weights' and {'weights', 'weights_file'} <= names


def takes_default_id(description, given):
    """Whether a run without an ID names its units by the layer's name field (name_field) rather
    than by feature ids, which mean nothing to a QGIS user (and are those of a temporary copy).
    `given`: the core parameters given. Not when the weights come from a file (its ids are those
    the file was made with) nor for an algorithm that writes ids into a file for such runs."""
    names = {p['name'] for p in description['parameters']}
    return ('id' in names and 'id' not in given and 'weights_file' not in given
            and description['name'] not in IDS_IN_FILES | PYTHON_RUNNERS)


def name_field(layer):
    """The field QGIS names the layer's features by (its display field) when it is a name field;
    QGIS falls back to the first field of a layer without one, seldom an id."""
    field = layer.displayField() if layer is not None else ''
    return field if field and 'name' in field.lower() and layer.fields().indexOf(field) >= 0 else None


def parameter_key(core_name):
    """The Processing parameter name: input -> INPUT, p_rule -> P_RULE, points-id -> POINTS_ID."""
    return re.sub(r'[^A-Z0-9]', '_', core_name.upper())


# An option as the command line spells it: --p-rule, or a short flag (-o) standing alone.
COMMAND_LINE_FLAG = re.compile(r'(?<![\w.-])(--[a-z][a-z0-9-]*|-[a-zA-Z](?![\w-]))')


# A note for the command line only, in the core's texts and their translations:
# "(command line: --json prints it as JSON)", "（命令行：……）".
COMMAND_LINE_NOTE = re.compile(r'\s*[(（](?:command line|命令行)[:：][^()（）]*[)）]')


def qgis_parameter_names(text, parameters):
    """The core's texts name the parameters as the command line spells them (--p-rule, -o);
    QGIS users see P_RULE and OUTPUT. Other text is left as it is."""
    keys = {}
    for p in parameters:
        keys['--' + p['name'].replace('_', '-')] = parameter_key(p['name'])
        if p.get('short_flag'):
            keys[p['short_flag']] = parameter_key(p['name'])
    return COMMAND_LINE_FLAG.sub(lambda match: keys.get(match.group(1), match.group(1)), text)


def qgis_text(text, parameters):
    """A core text (help, label, description) as QGIS shows it: translated, without the notes
    for the command line, and naming the parameters by their QGIS names."""
    return qgis_parameter_names(COMMAND_LINE_NOTE.sub('', tr(text)), parameters)


def group_id(group):
    return re.sub(r'[^a-z0-9]', '', group.lower())


def as_bool(text):
    return str(text).strip().lower() in ('1', 'true', 'yes', 'on')


class RegionStatAlgorithm(QgsProcessingAlgorithm):
    """The Processing face of one core algorithm (its description as _regionstat gives it)."""

    def __init__(self, description):
        super().__init__()
        self._d = description
        hidden = handled_by_qgis(description['name'])
        self._parameters = [p for p in description['parameters'] if p['name'] not in hidden]
        self._has_overwrite = any(p['name'] == 'overwrite' for p in description['parameters'])

    # -- identity and help -------------------------------------------------------------------
    def createInstance(self):  # noqa: N802
        return RegionStatAlgorithm(self._d)

    def name(self):
        return qgis_id(self._d['name'])

    def coreName(self):  # noqa: N802
        return self._d['name']

    def displayName(self):  # noqa: N802
        return tr(self._d['display_name'])

    def group(self):
        return tr(self._d['group'])

    def groupId(self):  # noqa: N802
        return group_id(self._d['group'])

    def shortDescription(self):  # noqa: N802
        return qgis_text(self._d['short_help'], self._d['parameters'])

    def shortHelpString(self):  # noqa: N802
        parameters = self._d['parameters']
        paragraphs = ['<p><b>{}</b></p>'.format(html.escape(qgis_text(self._d['short_help'], parameters)))]
        for line in qgis_text(self._d['help'], parameters).split('\n'):
            if line.strip():
                paragraphs.append('<p>{}</p>'.format(html.escape(line)))
        references = self._d.get('references', [])
        if references:
            # Citations stay as published; the heading is bilingual rather than translated.
            paragraphs.append('<p><b>References / 参考文献</b></p>')
            paragraphs.extend('<p>{}</p>'.format(html.escape(r)) for r in references)
        paragraphs.append('<p><i>regionstat {}</i></p>'.format(html.escape(self._d['name'])))
        return '\n'.join(paragraphs)

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802
        return ICON

    def flags(self):
        if self._d['name'] in PYTHON_RUNNERS:  # builds a QGIS project and layout: main thread
            return super().flags() | QgsProcessingAlgorithm.FlagNoThreading
        return super().flags()

    # -- parameters and outputs --------------------------------------------------------------
    def _weights_choice(self, p):
        """The spatial weights spec of an analysis (it comes with WEIGHTS_FILE), asked for in
        QGIS as a method list and its numbers (weights_choice.py). Not the index weights of
        topsis or coupling, nor `weights` itself, whose dialog has these options already."""
        return p['name'] == 'weights' and has_weights_choice(self._d)

    def initAlgorithm(self, config=None):  # noqa: N802
        for p in self._parameters:
            if self._weights_choice(p):
                for definition in weights_choice.definitions(qgis_text(p['label'], self._d['parameters'])):
                    self.addParameter(definition)
                continue
            definition = self._definition(p)
            if p['advanced']:
                definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(definition)
        parameter_names = {p['name'] for p in self._parameters}
        for o in self._d['outputs']:
            if o['name'] in parameter_names:
                continue  # a file or layer destination: Processing adds its output itself
            key, text = parameter_key(o['name']), qgis_text(o['description'], self._d['parameters'])
            kind = o['type']
            if kind == 'number':
                self.addOutput(QgsProcessingOutputNumber(key, text))
            elif kind == 'html':
                self.addOutput(QgsProcessingOutputHtml(key, text))
            elif kind == 'file':
                self.addOutput(QgsProcessingOutputFile(key, text))
            elif kind == 'layer':
                self.addOutput(QgsProcessingOutputVectorLayer(key, text))
            else:
                self.addOutput(QgsProcessingOutputString(key, text))

    def _definition(self, p):
        key, label, kind = parameter_key(p['name']), qgis_text(p['label'], self._d['parameters']), p['type']
        default, optional = p['default_value'], p['optional']
        if kind == 'input_layer':
            return QgsProcessingParameterFeatureSource(
                key, label, [QgsProcessing.TypeVectorAnyGeometry], None, optional)
        if kind in ('field', 'fields'):
            return QgsProcessingParameterField(
                key, label, default or None, parameter_key(p['parent'] or 'input'),
                QgsProcessingParameterField.Numeric if p['numeric'] else QgsProcessingParameterField.Any,
                kind == 'fields', optional)
        if kind in ('integer', 'double'):
            integer = kind == 'integer'
            number_type = QgsProcessingParameterNumber.Integer if integer else QgsProcessingParameterNumber.Double
            value = (int(default) if integer else float(default)) if default else None
            low = p['minimum'] if math.isfinite(p['minimum']) else -sys.float_info.max
            high = p['maximum'] if math.isfinite(p['maximum']) else sys.float_info.max
            if integer:  # QGIS stores integers in a C int
                low, high = max(low, -2147483648), min(high, 2147483647)
            definition = QgsProcessingParameterNumber(key, label, number_type, value, optional, low, high)
            if value and not integer:
                # The dialog's spin box (single and batch) rounds to its decimals, 6 by default:
                # a tolerance of 1e-10 would run as 0. Enough decimals to show the default.
                decimals = max(6, math.ceil(-math.log10(abs(value))) + 2)
                definition.setMetadata({'widget_wrapper': {'decimals': decimals}})
            return definition
        if kind == 'boolean':
            return QgsProcessingParameterBoolean(key, label, as_bool(default), optional)
        if kind == 'enum':
            choices = p['choices']
            index = choices.index(default) if default in choices else None
            return QgsProcessingParameterEnum(key, label, choices, False, index, optional)
        if kind == 'input_file':
            return QgsProcessingParameterFile(
                key, label, QgsProcessingParameterFile.File, '', default or None, optional,
                p['file_filter'] or '')
        if kind == 'output_layer':
            return QgsProcessingParameterFeatureSink(
                key, label, QgsProcessing.TypeVectorAnyGeometry, None, optional, True)
        if kind == 'output_file':
            file_filter = p['file_filter'] or tr('All files (*.*)')
            report = 'htm' in file_filter.lower()  # HTML reports are made by default and shown
            return QgsProcessingParameterFileDestination(
                key, label, file_filter, default or None, optional, report or not optional)
        return QgsProcessingParameterString(key, label, default or None, False, optional)

    # -- running -----------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        if self._d['name'] in PYTHON_RUNNERS:
            from .maps.processing import process
            return process(self, parameters, context, feedback)
        module = core_module()
        if module is None:
            raise QgsProcessingException(tr('The RegionStat core module could not be loaded; see the log.'))
        self._exported = {}  # temporary copy -> the layer's name, for messages
        self._origins = {}  # temporary copy -> the layer's data source, for reports
        self._outputs = {}  # the core's temporary output -> the destination chosen, for messages
        arguments, layer_outputs, file_outputs = self._arguments(parameters, context, feedback)

        adapter = FeedbackAdapter(feedback, 0.0, 90.0 if layer_outputs else 100.0, self._readable)
        try:
            result = module.run(self._d['name'], arguments, adapter)
        except module.Error as error:
            if error.kind == 'cancelled' or feedback.isCanceled():
                raise QgsProcessingException(tr('Cancelled: nothing was written.'))
            raise QgsProcessingException(self._readable(error.message))
        if feedback.isCanceled():  # cancelled after the core's last check: keep nothing
            for path in file_outputs.values():
                if os.path.exists(path):
                    os.remove(path)
            raise QgsProcessingException(tr('Cancelled: nothing was written.'))
        if result['report']:
            feedback.pushInfo(self._readable(result['report'].rstrip()))
        self._name_origins(file_outputs.values())

        results = {}
        for name, path in layer_outputs.items():
            results[parameter_key(name)] = self._copy_to_sink(parameters, name, path, context, feedback)
        for name, path in file_outputs.items():
            results[parameter_key(name)] = path
        parameter_names = {p['name'] for p in self._parameters}
        summary, files = result['summary'], result['files']
        for o in self._d['outputs']:
            if o['name'] in parameter_names:
                continue
            value = summary.get(o['name'], files.get(o['name']))
            if o['type'] == 'number':
                results[parameter_key(o['name'])] = float(value) if isinstance(value, (int, float)) else None
            elif value is None:
                results[parameter_key(o['name'])] = None
            elif isinstance(value, list):
                results[parameter_key(o['name'])] = ', '.join(str(v) for v in value)
            else:
                results[parameter_key(o['name'])] = str(value)
        feedback.setProgress(100)
        return results

    def _given(self, parameters, key):
        value = parameters.get(key)
        return value is not None and value != ''

    def _arguments(self, parameters, context, feedback):
        """Core arguments (name -> text or list of text) from the Processing parameters."""
        arguments, layer_outputs, file_outputs = {}, {}, {}
        input_source = None
        for p in self._parameters:
            name, key, kind = p['name'], parameter_key(p['name']), p['type']
            if kind == 'input_layer':
                source = self._source_in_encoding(parameters, key, context)
                if source is not None:
                    self._reencoded = source  # the copy the source reads must outlive the export
                    source = QgsProcessingFeatureSource(source, context)
                else:
                    source = self.parameterAsSource(parameters, key, context)
                if source is None:
                    if p['optional'] and not self._given(parameters, key):
                        continue
                    raise QgsProcessingException(self.invalidSourceError(parameters, key))
                arguments[name] = export_source(source, name, context, feedback)
                self._exported[arguments[name]] = source.sourceName() or parameter_key(name)
                self._origins[arguments[name]] = self._origin(parameters, key, context, source)
                if name == 'input':
                    input_source = source
            elif kind == 'output_layer':
                if not self._given(parameters, key):
                    continue
                path = QgsProcessingUtils.generateTempFilename('regionstat_{}.gpkg'.format(name))
                arguments[name] = layer_outputs[name] = path
                self._outputs[path] = self._destination(parameters, key, context)
            elif kind == 'output_file':
                path = self.parameterAsFileOutput(parameters, key, context)
                if not path:
                    continue
                arguments[name] = file_outputs[name] = path
                if self._has_overwrite:  # QGIS has asked before replacing a chosen file
                    arguments['overwrite'] = 'true'
            elif self._weights_choice(p):
                # A weights file chosen instead (WEIGHTS_FILE) leaves the method list unused.
                if self._given(parameters, key) or not self._given(parameters, 'WEIGHTS_FILE'):
                    arguments[name] = weights_choice.spec(self, parameters, context)
            elif not self._given(parameters, key):
                continue  # the core applies its own default (the same as the dialog's)
            elif name == 'encoding':
                continue  # answered by reading the input in it (_source_in_encoding)
            elif kind == 'field':
                fields = self.parameterAsFields(parameters, key, context)
                if fields:
                    arguments[name] = fields[0]
            elif kind == 'fields':
                fields = self.parameterAsFields(parameters, key, context)
                if fields:
                    arguments[name] = list(fields)
            elif kind == 'integer':
                arguments[name] = str(self.parameterAsInt(parameters, key, context))
            elif kind == 'double':
                arguments[name] = repr(self.parameterAsDouble(parameters, key, context))
            elif kind == 'boolean':
                arguments[name] = 'true' if self.parameterAsBool(parameters, key, context) else 'false'
            elif kind == 'enum':
                arguments[name] = p['choices'][self.parameterAsEnum(parameters, key, context)]
            elif kind == 'input_file':
                arguments[name] = self.parameterAsFile(parameters, key, context)
            else:
                value = self.parameterAsString(parameters, key, context)
                if value:
                    arguments[name] = value
        if input_source is not None and takes_default_id(self._d, arguments):
            field = name_field(self.parameterAsVectorLayer(parameters, 'INPUT', context))
            if field and unique_values(input_source, field):
                arguments['id'] = field
        return arguments, layer_outputs, file_outputs

    def _destination(self, parameters, key, context):
        """How messages name the destination of a layer output: the file (and layer) chosen, or
        "a temporary layer" for a temporary output, wherever Processing keeps it."""
        value = parameters.get(key)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        value = str(value or '')
        if not value or value == QgsProcessing.TEMPORARY_OUTPUT or value.startswith('memory:'):
            return tr('a temporary layer')
        destination = self.parameterAsOutputLayer(parameters, key, context) or value
        if destination.startswith(QgsProcessingUtils.tempFolder()):
            return tr('a temporary layer')
        database = re.match(r"ogr:dbname='([^']*)' table=\"([^\"]*)\"", destination)
        if database:  # a layer of a GeoPackage, named by the user
            return '{} [{}]'.format(database.group(1), database.group(2))
        return destination

    def _origin(self, parameters, key, context, source):
        """The data a temporary copy holds, as a report names it: the layer's source (file and
        layer), and whether only its selected features were taken."""
        layer = self.parameterAsVectorLayer(parameters, key, context)
        origin = layer.source() if layer is not None else (source.sourceName() or parameter_key(key))
        definition = parameters.get(key)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition) and definition.selectedFeaturesOnly:
            origin += tr(' (selected features)')
        return origin

    def _name_origins(self, paths):
        """HTML reports the core wrote name the data they come from: the layer's own source, not
        the temporary copy the core read."""
        for path in paths:
            if not path.lower().endswith(('.html', '.htm')) or not os.path.exists(path):
                continue
            with open(path, encoding='utf-8') as f:
                text = f.read()
            named = text
            for copy, origin in getattr(self, '_origins', {}).items():
                named = named.replace(html.escape(copy, quote=False),
                                      html.escape(origin, quote=False).replace('"', '&quot;'))
            if named != text:
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(named)

    def _source_in_encoding(self, parameters, key, context):
        """The input layer read again from its file in the ENCODING given (convert), keeping a
        "selected features only" choice; None when no ENCODING is given."""
        if not any(p['name'] == 'encoding' for p in self._parameters) or not self._given(parameters, 'ENCODING'):
            return None
        encoding = self.parameterAsString(parameters, 'ENCODING', context)
        layer = self.parameterAsVectorLayer(parameters, key, context)
        if layer is None or layer.providerType() != 'ogr':
            raise QgsProcessingException(tr('ENCODING applies to a layer read from a file (such as a Shapefile).'))
        if QTextCodec.codecForName(encoding.encode()) is None:
            raise QgsProcessingException(tr('Unknown encoding: {}').format(encoding))
        copy = QgsVectorLayer(layer.source(), layer.name(), 'ogr')
        copy.setProviderEncoding(encoding)
        definition = parameters.get(key)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition) and definition.selectedFeaturesOnly:
            copy = copy.materialize(QgsFeatureRequest().setFilterFids(layer.selectedFeatureIds()))
        return copy

    def _readable(self, message):
        """The core names options as on the command line (--field) and the files it read and
        wrote; QGIS users see FIELD, their layer and the destination they chose, not the
        temporary copies. The format the core wrote, "(GPKG)" after its file, is not the format
        of the destination."""
        for path, layer_name in getattr(self, '_exported', {}).items():
            message = message.replace(path, layer_name)
            # convert names its result after the copy's file, regionstat_input
            stem = os.path.splitext(os.path.basename(path))[0]
            message = message.replace('[{}]'.format(stem), '[{}]'.format(layer_name))
        for path, destination in getattr(self, '_outputs', {}).items():
            message = re.sub(re.escape(path) + r'( \(GPKG\))?', lambda _: destination, message)
        return qgis_parameter_names(message, self._d['parameters'])

    def _copy_to_sink(self, parameters, name, path, context, feedback):
        """Copies the layer the core wrote into the Processing sink; returns the sink id."""
        key = parameter_key(name)
        layer = open_core_output(path)
        source_fields = set()
        for p in self._parameters:
            if p['type'] == 'input_layer' and p['name'] in ('input',):
                source = self.parameterAsSource(parameters, parameter_key(p['name']), context)
                source_fields = set(source.fields().names()) if source else set()
        # The output GeoPackage's own fid column is not a field of the result, unless the
        # source had a field of that name.
        pk = set(layer.dataProvider().pkAttributeIndexes())
        keep = [i for i, f in enumerate(layer.fields())
                if i not in pk or f.name() in source_fields]
        fields = QgsFields()
        for i in keep:
            fields.append(layer.fields().at(i))
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields, layer.wkbType(), layer.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        total = max(layer.featureCount(), 1)
        for n, feature in enumerate(layer.getFeatures()):
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            values = feature.attributes()
            out.setAttributes([values[i] for i in keep])
            if not sink.addFeature(out, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, key))
            feedback.setProgress(90.0 + 10.0 * (n + 1) / total)
        del sink  # closes the file, so that its style can be added

        qml = read_style(path, layer)
        if qml:
            save_style(dest_id, qml, feedback)
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            details.name = self.displayName()
            if qml:
                details.setPostProcessor(StyleApplier.create(qml))
        return dest_id


class FeedbackAdapter:
    """What the core's feedback calls: progress, info, warning, is_canceled. A message the core
    repeats (the same note for each year of a panel) is shown once."""

    def __init__(self, feedback, start, end, readable):
        self._feedback, self._start, self._span, self._readable = feedback, start, end - start, readable
        self._shown = set()

    def progress(self, fraction):
        self._feedback.setProgress(self._start + self._span * max(0.0, min(1.0, fraction)))

    def _first_time(self, text):
        if text in self._shown:
            return False
        self._shown.add(text)
        return True

    def info(self, message):
        text = self._readable(message)
        if self._first_time(text):
            self._feedback.pushInfo(text)

    def warning(self, message):
        text = tr('Warning: {}').format(self._readable(message))
        if self._first_time(text):
            self._feedback.pushWarning(text)

    def is_canceled(self):
        return self._feedback.isCanceled()


class StyleApplier(QgsProcessingLayerPostProcessorInterface):
    """Applies the core's QML style to a result when QGIS adds it to the map."""

    _alive = []  # Processing keeps a plain pointer: the Python objects must outlive the run

    def __init__(self, qml):
        super().__init__()
        self._qml = qml

    @classmethod
    def create(cls, qml):
        applier = cls(qml)
        cls._alive.append(applier)
        return applier

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if not isinstance(layer, QgsVectorLayer):
            return
        document = QDomDocument()
        if document.setContent(self._qml)[0]:
            ok, error = layer.importNamedStyle(document)
            if not ok:
                feedback.pushWarning(tr('The result style could not be applied: {}').format(error))
            layer.triggerRepaint()


def export_source(source, name, context, feedback):
    """Writes a Processing source (selected features only, if so chosen) to a GeoPackage."""
    path = QgsProcessingUtils.generateTempFilename('regionstat_{}.gpkg'.format(name))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = 'GPKG'
    options.layerName = name
    options.fileEncoding = 'UTF-8'
    options.layerOptions = ['FID=' + EXPORT_FID]
    writer = QgsVectorFileWriter.create(path, source.fields(), source.wkbType(), source.sourceCrs(),
                                        context.transformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(tr('Could not write a temporary copy of the input: {}')
                                     .format(writer.errorMessage()))
    for feature in source.getFeatures():
        if feedback.isCanceled():
            break
        if not writer.addFeature(feature):
            raise QgsProcessingException(tr('Could not write a temporary copy of the input: {}')
                                         .format(writer.errorMessage()))
    del writer
    if feedback.isCanceled():
        raise QgsProcessingException(tr('Cancelled: nothing was written.'))
    return path


def unique_values(source, field):
    """Whether every feature of a Processing source has a value of `field`, each its own."""
    index = source.fields().lookupField(field)
    if index < 0:
        return False
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index])
    seen = set()
    for feature in source.getFeatures(request):
        value = feature.attributes()[index]
        if value is None or value == NULL or value in seen:
            return False
        seen.add(value)
    return True


def save_style(destination, qml, feedback):
    """Saves the result's style with the file Processing wrote, as the style QGIS loads with it:
    a GeoPackage's default row in layer_styles, else a .qml of the same base name beside the
    file. Temporary (memory) layers get theirs when loaded (StyleApplier)."""
    if not os.path.isfile(destination.split('|')[0]):
        return
    layer = QgsVectorLayer(destination, 'result', 'ogr')
    document = QDomDocument()
    if not layer.isValid() or not document.setContent(qml)[0]:
        return
    ok, error = layer.importNamedStyle(document)
    if ok and layer.dataProvider().isSaveAndLoadStyleToDatabaseSupported():
        error = layer.saveStyleToDatabase(layer.name(), 'RegionStat', True, '')
        ok = not error
    elif ok:
        error, ok = layer.saveNamedStyle(layer.styleURI())
    if not ok:
        feedback.pushWarning(tr('The result style could not be saved with {}: {}').format(destination, error))


def core_layer_name(path):
    """The data layer of a GeoPackage the core wrote (not its layer_styles table)."""
    from osgeo import ogr
    dataset = ogr.Open(path)
    if dataset is None:
        return None
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    names = [n for n in names if n != 'layer_styles']
    return names[0] if names else None


def open_core_output(path):
    name = core_layer_name(path)
    uri = '{}|layername={}'.format(path, name) if name else path
    layer = QgsVectorLayer(uri, 'regionstat', 'ogr')
    if not layer.isValid():
        raise QgsProcessingException(tr('Could not read the result written by RegionStat: {}').format(path))
    return layer


def read_style(path, layer):
    """The QML the core stored with its output: layer_styles (GeoPackage) or a .qml beside it."""
    qml_path = os.path.splitext(path)[0] + '.qml'
    if os.path.exists(qml_path):
        with open(qml_path, encoding='utf-8') as f:
            return f.read()
    from osgeo import ogr
    dataset = ogr.Open(path)
    if dataset is None or dataset.GetLayerByName('layer_styles') is None:
        return None
    table = core_layer_name(path) or ''
    styles = dataset.GetLayerByName('layer_styles')
    styles.SetAttributeFilter("f_table_name = '{}'".format(table.replace("'", "''")))
    for row in styles:
        qml = row.GetField('styleQML')
        if qml:
            return qml
    return None
