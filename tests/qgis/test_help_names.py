"""The QGIS help, parameter labels and output descriptions speak of the parameters as QGIS
shows them (PERMUTATIONS, OUTPUT), never of the command line's flags (--permutations, -o), in
English and in Chinese."""
import json
import re
import subprocess
import sys

from qgis_testing import check, core, run_test, start_qgis

# A command-line flag: --name, or -o / -q standing alone (not the "-L." of "C.-L. Hwang").
FLAG = re.compile(r'(?<![\w.-])(--[a-z][a-z0-9-]*|-[a-zA-Z](?![\w-]))')


def flags_in_help(locale):
    start_qgis(locale=locale)
    from qgis.core import QgsApplication
    from regionstat.algorithm import qgis_id
    registry = QgsApplication.processingRegistry()
    found = {}
    for d in core().algorithms():
        algorithm = registry.algorithmById('regionstat:' + qgis_id(d['name']))
        if not check(algorithm is not None, 'regionstat:{} missing'.format(d['name'])):
            continue
        texts = [algorithm.shortHelpString(), algorithm.shortDescription()]
        texts += [p.description() for p in algorithm.parameterDefinitions()]
        texts += [o.description() for o in algorithm.outputDefinitions()]
        flags = sorted(set(FLAG.findall('\n'.join(texts))))
        if flags:
            found[d['name']] = flags
    return found


def main():
    # One QGIS application per process: Chinese in a second one.
    if len(sys.argv) > 1:
        print('FLAGS ' + json.dumps(flags_in_help(sys.argv[1])))
        return
    zh = subprocess.run([sys.executable, __file__, 'zh-Hans'], capture_output=True, text=True)
    check(zh.returncode == 0, 'the zh-Hans run failed: ' + zh.stderr[-2000:])
    lines = [line[len('FLAGS '):] for line in zh.stdout.splitlines() if line.startswith('FLAGS ')]
    check(len(lines) == 1, 'no result from the zh-Hans run: ' + zh.stdout[-2000:])
    results = {'en': flags_in_help('en'), 'zh-Hans': json.loads(lines[0]) if lines else {}}
    for locale, found in results.items():
        for name, flags in sorted(found.items()):
            print('{} {}: {}'.format(locale, name, ', '.join(flags)))
        check(not found, '{}: command-line flags in the QGIS help of {} algorithm(s)'.format(locale, len(found)))


run_test(main)
