"""What a QGIS user reads in the Processing log: each message once (a panel of two years gives
one warning with its years, not one per year; the summary does not repeat the warnings); units
named by the ID field chosen, or without one by the layer's name field (never by the feature ids
of the temporary copy the core reads); the layer by its QGIS name and the result by the file
chosen, never by a temporary path. In PyQGIS and through qgis_process.bin."""
import collections
import os
import subprocess

from qgis_testing import SAMPLE, check, run_test, sample_layer, start_qgis, tmp

QGIS_PROCESS = '/usr/bin/qgis_process.bin'
YEARS = ['gdp_2010', 'gdp_2011']
# Units of the provinces sample: no GDP (Taiwan, Hong Kong, Macao) and no neighbour (Hainan).
NO_DATA = {'adcode': ['710000', '810000', '820000'], 'name_zh': ['台湾', '香港', '澳门']}
ISLAND = {'adcode': '460000', 'name_zh': '海南'}


# The feedback methods a message reaches the log by, and the kind each records.
MESSAGE_METHODS = [('info', 'pushInfo'), ('warning', 'pushWarning'), ('error', 'reportError'),
                   ('console', 'pushConsoleInfo'), ('command', 'pushCommandInfo'), ('debug', 'pushDebugInfo')]


def recording_feedback():
    """A QgsProcessingFeedback that keeps every message, with its kind, in order."""
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages = []

    def recorder(kind, method):
        def record(self, text, *rest):
            self.messages.append((kind, text))
            getattr(QgsProcessingFeedback, method)(self, text, *rest)
        return record
    for kind, method in MESSAGE_METHODS:
        setattr(Feedback, method, recorder(kind, method))
    return Feedback()


def temporary_paths():
    """Where Processing and the plugin keep temporary files, and the names of the plugin's copies."""
    from qgis.core import QgsProcessingUtils
    folder = QgsProcessingUtils.tempFolder()
    return [folder, os.path.dirname(folder) + '/processing_', 'regionstat_input', 'regionstat_output']


def message_lines(messages):
    """Lines of the plugin's messages; Processing's own closing 'Results: {...}' is not one."""
    lines = []
    for _, text in messages:
        if not text.startswith('Results: '):
            lines += [line.strip() for line in text.splitlines() if line.strip()]
    return lines


def check_once_and_clean(lines, what):
    """No line twice (table rules aside), no temporary path."""
    counts = collections.Counter(line for line in lines if set(line) - set('- '))
    repeated = [line for line, n in counts.items() if n > 1]
    check(not repeated, '{}: messages repeated: {}'.format(what, repeated))
    paths = temporary_paths()
    for line in lines:
        check(not any(path in line for path in paths), '{}: a temporary path in {!r}'.format(what, line))


def check_units_named(warnings, id_field, what):
    no_data = [w for w in warnings if 'excluded' in w]
    islands = [w for w in warnings if 'without neighbours' in w]
    check(len(no_data) == 1 and all(u in no_data[0] for u in NO_DATA[id_field]),
          '{}: one warning naming the units without data by {} {}: {}'.format(what, id_field, NO_DATA[id_field],
                                                                            no_data))
    check(len(islands) == 1 and ISLAND[id_field] in islands[0],
          '{}: one warning naming the island by {} ({}): {}'.format(what, id_field, ISLAND[id_field], islands))
    print('{}: {}'.format(what, warnings))


def run(algorithm, parameters, what):
    import processing
    feedback = recording_feedback()
    results = processing.run('regionstat:' + algorithm, parameters, feedback=feedback)
    lines = message_lines(feedback.messages)
    check_once_and_clean(lines, what)
    warnings = [text for kind, text in feedback.messages if kind == 'warning']
    return results, lines, warnings


def in_processing():
    layer = sample_layer('provinces')

    # The ID chosen names the units; the file chosen names the result.
    output = tmp('messages_lisa.gpkg')
    _, lines, warnings = run('lisa', {'INPUT': layer, 'FIELD': YEARS, 'ID': 'adcode', 'OUTPUT': output},
                             'lisa, ID adcode')
    check_units_named(warnings, 'adcode', 'lisa, ID adcode')
    check(any(output in line for line in lines), 'lisa: no message names the output ' + output)
    check(any("in provinces" in line for line in lines), 'lisa: no message names the layer by its QGIS name')

    # No ID: the layer's name field (QGIS's display field, name_zh here), not the feature ids.
    _, _, warnings = run('hotspot', {'INPUT': layer, 'FIELD': YEARS, 'OUTPUT': 'TEMPORARY_OUTPUT'},
                         'hotspot, no ID, temporary output')
    check_units_named(warnings, 'name_zh', 'hotspot, no ID')

    # A global statistic with its report, and a conversion naming its input and output.
    _, _, warnings = run('moran', {'INPUT': layer, 'FIELD': YEARS, 'REPORT': tmp('messages_moran.html')},
                         'moran, no ID')
    check_units_named(warnings, 'name_zh', 'moran, no ID')
    output = tmp('messages_convert.shp')
    _, lines, _ = run('convert', {'INPUT': layer, 'OUTPUT': output}, 'convert')
    check(any(output in line for line in lines), 'convert: no message names the output ' + output)


def through_qgis_process():
    done = subprocess.run([QGIS_PROCESS, 'plugins', 'enable', 'regionstat'], capture_output=True, text=True)
    check(done.returncode == 0, 'plugins enable regionstat: ' + done.stdout + done.stderr)
    output = tmp('messages_qgis_process.gpkg')
    done = subprocess.run([QGIS_PROCESS, 'run', 'regionstat:lisa', '--', 'INPUT=' + SAMPLE, 'ID=adcode',
                           'FIELD=' + YEARS[0], 'FIELD=' + YEARS[1], 'OUTPUT=' + output],
                          capture_output=True, text=True, timeout=600)
    if not check(done.returncode == 0, 'qgis_process lisa: exit {}: {}'.format(done.returncode, done.stderr[-1000:])):
        return
    # GDAL's notes on stderr are not the plugin's messages; Processing's own Inputs and Results
    # sections name the files the user gave.
    text = done.stdout.split('Results\n')[0]
    lines = [line.strip() for line in (text + done.stderr).splitlines()
             if line.strip() and not line.startswith(('Warning ', 'ERROR ', '<string>'))]
    warnings = [line for line in lines if line.startswith('WARNING:')]
    check_units_named(warnings, 'adcode', 'qgis_process lisa')
    counts = collections.Counter(line for line in lines if set(line) - set('- '))
    check(not [line for line, n in counts.items() if n > 1],
          'qgis_process lisa: messages repeated: {}'.format([line for line, n in counts.items() if n > 1]))
    for line in lines:
        check('/processing_' not in line and 'regionstat_output' not in line and 'regionstat_input' not in line,
              'qgis_process lisa: a temporary path in {!r}'.format(line))


def main():
    start_qgis()
    in_processing()
    through_qgis_process()


run_test(main)
