"""Every algorithm of the core appears in QGIS's Processing registry with its parameters and
outputs, runs on the China provinces sample through PyQGIS, and gives the same result as the
command line: the same attribute table field for field, the same numbers, the same files."""
import html
import os

from qgis_testing import (SAMPLE, SAMPLE_FIELD, SAMPLE_FIELDS, check, compare_tables, core,
                          run_cli, run_test, sample_layer, start_qgis, tmp)

# Arguments an algorithm needs beyond the generic ones below (its required inputs that are
# not the sample layer and a GDP field). Add an entry when an algorithm needs more.
CITIES = os.path.join(os.path.dirname(SAMPLE), 'china_cities.gpkg')
OVERRIDES = {
    'gravity': {'mass': SAMPLE_FIELD},
    # Provinces attracted by the national, municipal and provincial capitals (by population).
    'influence': {'centres': CITIES, 'centres_id': 'name', 'mass': 'pop', 'centres_where': 'capital >= 1'},
    'coupling': {'systems': 'primary_2011,tertiary_2011', 'scale': 'minmax'},
    'detector': {'field': SAMPLE_FIELD, 'factors': 'region3,coastal'},
    # Provinces' GDP from a long table keyed by short Chinese names.
    'join': {'table': os.path.join(os.path.dirname(SAMPLE), '..', 'docs', 'recipes', 'china_gdp_long.csv'),
             'layer_key': 'name_zh', 'table_key': 'province', 'year': 'year', 'match': 'admin-cn'},
    'report': {'figures': os.path.join(os.path.dirname(SAMPLE), '..', 'docs', 'qgis_lisa.png')},
    # The sample recipe; each run writes into its own folder ({tag}: cli or qgis).
    'run': {'recipe': os.path.join(os.path.dirname(SAMPLE), '..', 'docs', 'recipes', 'china_gdp.toml'),
            'output_dir': tmp('run_{tag}')},
}


def extension(p):
    text = p['file_filter'] or ''
    start = text.find('*.')
    if start < 0:
        return '.out'
    end = start + 2
    while end < len(text) and (text[end].isalnum() or text[end] == '_'):
        end += 1
    return text[start + 1:end]


def core_values(description, tag):
    """Core arguments (text) for a run on the sample; output paths carry `tag`."""
    values = {k: v.format(tag=tag) for k, v in OVERRIDES.get(description['name'], {}).items()}
    for p in description['parameters']:
        name = p['name']
        if name in values:
            continue
        if p['type'] == 'input_layer' and p['positional']:
            values[name] = SAMPLE
        elif p['type'] == 'output_layer':
            values[name] = tmp('{}_{}_{}.gpkg'.format(description['name'], name, tag))
        elif p['type'] == 'output_file':
            values[name] = tmp('{}_{}_{}{}'.format(description['name'], name, tag, extension(p)))
        elif p['optional'] or p['default_value']:
            continue
        elif p['type'] == 'field':
            values[name] = SAMPLE_FIELD
        elif p['type'] == 'fields':
            values[name] = list(SAMPLE_FIELDS)
        else:
            raise AssertionError('{}: required parameter {} has no test value: add it to OVERRIDES in {}'
                                 .format(description['name'], name, __file__))
    return values


def qgis_values(description, values, layer):
    """The same arguments as Processing parameters (INPUT is the QGIS layer object)."""
    from regionstat.algorithm import parameter_key
    out = {}
    for p in description['parameters']:
        if p['name'] not in values:
            continue
        value, key = values[p['name']], parameter_key(p['name'])
        if p['type'] == 'input_layer' and value == SAMPLE:
            out[key] = layer
        elif p['type'] == 'enum':
            out[key] = p['choices'].index(value)
        elif p['type'] == 'boolean':
            out[key] = str(value).lower() == 'true'
        elif p['type'] == 'integer':
            out[key] = int(value)
        elif p['type'] == 'double':
            out[key] = float(value)
        else:
            out[key] = value
    return out


def check_registry(module):
    from qgis.core import QgsApplication
    from regionstat.algorithm import handled_by_qgis, has_weights_choice, parameter_key, qgis_id
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById('regionstat')
    check(provider is not None, 'provider regionstat is not registered')
    descriptions = module.algorithms()
    check(len(provider.algorithms()) == len(descriptions),
          'provider has {} algorithms, the core {}'.format(len(provider.algorithms()), len(descriptions)))
    for d in descriptions:
        algorithm = registry.algorithmById('regionstat:' + qgis_id(d['name']))
        if not check(algorithm is not None, 'regionstat:{} is missing'.format(qgis_id(d['name']))):
            continue
        check(algorithm.group() and algorithm.groupId(), '{}: no group'.format(d['name']))
        check(len(algorithm.shortHelpString()) > 100, '{}: no help'.format(d['name']))
        check(bool(d['references']) and html.escape(d['references'][0]) in algorithm.shortHelpString(),
              '{}: help without references'.format(d['name']))
        for p in d['parameters']:
            if p['name'] in handled_by_qgis(d['name']):
                continue
            definition = algorithm.parameterDefinition(parameter_key(p['name']))
            if p['name'] == 'weights' and has_weights_choice(d):
                # The method list (WEIGHTS_METHOD) asks for the weights; the spec text is optional.
                check(definition is not None and algorithm.parameterDefinition('WEIGHTS_METHOD') is not None,
                      '{}: no weights method list'.format(d['name']))
                continue
            if check(definition is not None, '{}: parameter {} missing'.format(d['name'], p['name'])):
                check(bool(definition.flags() & definition.FlagOptional) == p['optional']
                      or p['type'] in ('output_file', 'output_layer'),
                      '{}: parameter {} optional flag'.format(d['name'], p['name']))
                check(bool(definition.flags() & definition.FlagAdvanced) == p['advanced'],
                      '{}: parameter {} advanced flag'.format(d['name'], p['name']))
        for o in d['outputs']:
            check(algorithm.outputDefinition(parameter_key(o['name'])) is not None,
                  '{}: output {} missing'.format(d['name'], o['name']))
        print('registered: regionstat:{} ({} parameters, {} outputs)'.format(
            qgis_id(d['name']), len(algorithm.parameterDefinitions()), len(algorithm.outputDefinitions())))
    for name in ('weights', 'moran', 'geary', 'generalg', 'lisa', 'hotspot', 'localgeary'):
        if registry.algorithmById('regionstat:' + name) is None:
            print('note: regionstat:{} is not in this build of the core yet'.format(name))


def compare_run(module, description, layer):
    import processing
    from qgis.core import QgsProcessingFeedback
    from regionstat.algorithm import name_field, parameter_key, qgis_id, takes_default_id
    cli_values = core_values(description, 'cli')
    if takes_default_id(description, cli_values):  # QGIS names units by the layer's name field
        cli_values['id'] = name_field(layer)
    summary = run_cli(description, cli_values)
    q_values = core_values(description, 'qgis')
    results = processing.run('regionstat:' + qgis_id(description['name']),
                             qgis_values(description, q_values, layer), feedback=QgsProcessingFeedback())
    name = description['name']
    for p in description['parameters']:
        if p['name'] not in cli_values or p['type'] not in ('output_layer', 'output_file'):
            continue
        a, b = cli_values[p['name']], q_values[p['name']]
        if not check(os.path.exists(b), '{}: QGIS wrote no {}'.format(name, p['name'])):
            continue
        if p['type'] == 'output_layer':
            compare_tables(a, b, '{} {}'.format(name, p['name']))
        elif b.endswith(('.gal', '.gwt', '.csv', '.txt')):
            # The first line of GAL/GWT names the layer: the QGIS layer name, not the file's.
            with open(a, encoding='utf-8') as fa, open(b, encoding='utf-8') as fb:
                la, lb = fa.read().splitlines(), fb.read().splitlines()
            check(la[1:] == lb[1:], '{} {}: files differ'.format(name, p['name']))
            print('{} {}: {} lines equal'.format(name, p['name'], len(la)))
        else:
            check(os.path.getsize(b) > 0, '{} {}: empty'.format(name, p['name']))
    parameters = {p['name'] for p in description['parameters']}
    for o in description['outputs']:
        if o['type'] != 'number' or o['name'] in parameters:
            continue
        expected = summary.get(o['name'])
        got = results.get(parameter_key(o['name']))
        check(expected is not None and got == float(expected),
              '{} output {}: command line {!r}, QGIS {!r}'.format(name, o['name'], expected, got))
    print('{}: QGIS = command line'.format(name))


def check_selection_and_memory(module):
    """A memory layer with 10 selected features: only those 10 are analysed and written."""
    import processing
    from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsVectorLayer
    descriptions = {d['name']: d for d in module.algorithms()}
    name = 'lisa' if 'lisa' in descriptions else 'weights'
    source = sample_layer()
    memory = source.materialize(QgsFeatureRequest())
    check(memory.providerType() == 'memory', 'materialize gives a memory layer')
    memory.selectByIds([f.id() for f in memory.getFeatures()][:10])
    d = descriptions[name]
    values = core_values(d, 'selection')
    params = qgis_values(d, values, memory)
    params['INPUT'] = QgsProcessingFeatureSourceDefinition(memory.id(), True)
    from qgis.core import QgsProject
    QgsProject.instance().addMapLayer(memory)
    results = processing.run('regionstat:' + name, params)
    if name == 'lisa':
        out = QgsVectorLayer(results['OUTPUT'], 'out', 'ogr')
        check(out.featureCount() == 10, 'selected features only: {} features written'.format(out.featureCount()))
    else:
        check(results['UNITS'] == 10.0, 'selected features only: {} units'.format(results['UNITS']))
    print('{} on 10 selected features of a memory layer: ok'.format(name))


def check_styled_result():
    """A temporary LISA layer for the map gets the core's style when QGIS loads it."""
    import processing
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputLayerDefinition,
                           QgsProcessingUtils, QgsProject)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    output = QgsProcessingOutputLayerDefinition('TEMPORARY_OUTPUT', QgsProject.instance())
    results = processing.run('regionstat:lisa', {'INPUT': sample_layer(), 'FIELD': SAMPLE_FIELD, 'OUTPUT': output},
                             context=context, feedback=feedback)
    result = results['OUTPUT']  # processing.run hands over temporary layers as layer objects
    dest = result if isinstance(result, str) else result.id()
    if not check(context.willLoadLayerOnCompletion(dest), 'the LISA result is not to be loaded'):
        return
    details = context.layerToLoadOnCompletionDetails(dest)
    layer = QgsProcessingUtils.mapLayerFromString(dest, context) if isinstance(result, str) else result
    check(details.postProcessor() is not None, 'no style post-processor for the LISA result')
    if layer is not None and details.postProcessor() is not None:
        details.postProcessor().postProcessLayer(layer, context, feedback)
        renderer = layer.renderer()
        check(renderer.type() == 'categorizedSymbol' and renderer.classAttribute() == 'LISA_CL',
              'LISA result style: {} on {}'.format(renderer.type(), getattr(renderer, 'classAttribute', lambda: '')()))
        print('styled LISA result: {} on {} ({} classes), named {!r}'.format(
            renderer.type(), renderer.classAttribute(), len(renderer.categories()), details.name))


def main():
    start_qgis()
    module = core()
    check_registry(module)
    layer = sample_layer()
    for description in module.algorithms():
        try:
            compare_run(module, description, layer)
        except Exception as error:  # report and go on with the next algorithm
            check(False, '{}: {}'.format(description['name'], error))
    check_selection_and_memory(module)
    check_styled_result()


run_test(main)
