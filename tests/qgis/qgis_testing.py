"""Shared set-up of the QGIS tests: a headless QgsApplication with Processing and the RegionStat
plugin loaded from build/qgis_plugin, the sample layer, and runs of the command line to compare
with. Environment from tests/qgis/run.sh."""
import json
import math
import os
import subprocess
import sys
import traceback

BUILD = os.environ['REGIONSTAT_BUILD_DIR']
SOURCE = os.environ['REGIONSTAT_SOURCE_DIR']
CLI = os.environ['REGIONSTAT_CLI']
TMP = os.environ['REGIONSTAT_TEST_TMP']
PLUGIN_DIR = os.path.join(BUILD, 'qgis_plugin')

SAMPLE = os.path.join(SOURCE, 'sample_layers', 'china_provinces.gpkg')
SAMPLE_FIELD = 'gdp_2011'
SAMPLE_FIELDS = ['gdp_2010', 'gdp_2011']

_app = None
_plugin = None  # kept alive: Processing holds the provider the plugin created


def start_qgis(locale=None, gui=False):
    """QgsApplication, without GUI unless `gui` (dialogs and widgets, on the offscreen platform),
    Processing initialised, the plugin loaded as QGIS loads it (in the QGIS interface language
    `locale`, e.g. zh-Hans, when given)."""
    global _app, _plugin
    from qgis.core import QgsApplication
    QgsApplication.setPrefixPath('/usr', True)
    _app = QgsApplication([], gui)
    _app.initQgis()
    if locale:
        from qgis.core import QgsSettings
        QgsSettings().setValue('locale/overrideFlag', True)
        QgsSettings().setValue('locale/userLocale', locale)
    sys.path.append('/usr/share/qgis/python/plugins')
    sys.path.insert(0, PLUGIN_DIR)
    from processing.core.Processing import Processing
    Processing.initialize()
    import regionstat
    _plugin = regionstat.classFactory(None)
    _plugin.initProcessing()
    return _plugin


def core():
    sys.path.insert(0, os.path.join(PLUGIN_DIR, 'regionstat'))
    import _regionstat
    return _regionstat


def sample_layer(name='provinces'):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(SAMPLE, name, 'ogr')
    check(layer.isValid(), 'cannot open the sample layer ' + SAMPLE)
    return layer


def tmp(name):
    return os.path.join(TMP, name)


failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message, flush=True)
    return condition


def finish():
    if failures:
        print('{} failure(s)'.format(len(failures)))
    else:
        print('all checks passed')
    sys.stdout.flush()
    sys.stderr.flush()
    # Leave without tearing QGIS down: its shutdown order is not what the checks are about.
    os._exit(1 if failures else 0)


def run_test(main):
    try:
        main()
    except Exception:  # a crash is a failure with its traceback, not a hang
        traceback.print_exc()
        failures.append('exception')
    finish()


# -- the command line ---------------------------------------------------------------------------
def cli_arguments(description, values):
    """regionstat NAME INPUT --opt value ... from core parameter values (text or list)."""
    args = [CLI, description['name']]
    positionals = 0  # in their order (join LAYER TABLE), before the options
    for p in description['parameters']:
        if p['name'] not in values:
            continue
        value = values[p['name']]
        if p['positional']:
            args.insert(2 + positionals, value)
            positionals += 1
        elif p['type'] == 'boolean':
            if str(value).lower() == 'true':
                args.append('--' + p['name'].replace('_', '-'))
        elif isinstance(value, list):  # the core splits comma-separated lists
            args += ['--' + p['name'].replace('_', '-'), ','.join(value)]
        else:
            args += ['--' + p['name'].replace('_', '-'), value]
    return args


def run_cli(description, values):
    """Runs the command line with --json --quiet; returns the summary."""
    args = cli_arguments(description, values) + ['--json', '--quiet']
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError('{} failed ({}): {}'.format(' '.join(args), done.returncode, done.stderr))
    return json.loads(done.stdout)


# -- comparing layers ---------------------------------------------------------------------------
def read_table(path):
    """Field names (without the GeoPackage fid) and rows of the data layer of a file."""
    from osgeo import ogr
    dataset = ogr.Open(path)
    layer = None
    for i in range(dataset.GetLayerCount()):
        if dataset.GetLayer(i).GetName() != 'layer_styles':
            layer = dataset.GetLayer(i)
            break
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = []
    for feature in layer:
        rows.append({n: (feature.GetField(n) if feature.IsFieldSetAndNotNull(n) else None) for n in names})
    return [n for n in names if n != 'fid'], rows


def same_value(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return (math.isnan(a) and math.isnan(b)) or a == b
    return a == b


def compare_tables(cli_path, qgis_path, what):
    """Every field of the command line's output has the same values in the QGIS output."""
    cli_names, cli_rows = read_table(cli_path)
    qgis_names, qgis_rows = read_table(qgis_path)
    ok = check(len(cli_rows) == len(qgis_rows),
               '{}: {} features from the command line, {} from QGIS'.format(what, len(cli_rows), len(qgis_rows)))
    missing = [n for n in cli_names if n not in qgis_names]
    ok &= check(not missing, '{}: fields missing in the QGIS output: {}'.format(what, missing))
    extra = [n for n in qgis_names if n not in cli_names]
    ok &= check(not extra, '{}: fields only in the QGIS output: {}'.format(what, extra))
    if not ok:
        return False
    differences = 0
    for i, (a, b) in enumerate(zip(cli_rows, qgis_rows)):
        for n in cli_names:
            if not same_value(a[n], b[n]):
                differences += 1
                if differences <= 5:
                    check(False, '{}: feature {} field {}: command line {!r}, QGIS {!r}'.format(what, i, n, a[n], b[n]))
    check(differences == 0, '{}: {} differing values'.format(what, differences))
    print('{}: {} features x {} fields equal'.format(what, len(cli_rows), len(cli_names)))
    return differences == 0
