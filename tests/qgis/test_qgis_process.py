"""The plugin headless through qgis_process.bin (the binary: the /usr/bin/qgis_process wrapper of
Debian's QGIS 3.22 passes a flag that 3.22 itself rejects): enable it, list it, run LISA and a
global statistic, and compare with the command line."""
import json
import os
import subprocess
import sys

from qgis_testing import PLUGIN_DIR, SAMPLE, SAMPLE_FIELD, check, compare_tables, core, finish, run_cli, tmp

QGIS_PROCESS = '/usr/bin/qgis_process.bin'


def qgis_process(*args):
    done = subprocess.run([QGIS_PROCESS] + list(args), capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout, done.stderr


def json_part(text):
    return json.loads(text[text.index('{'):])


def main():
    rc, out, err = qgis_process('plugins', 'enable', 'regionstat')
    check(rc == 0, 'plugins enable regionstat: exit {}: {}{}'.format(rc, out, err))
    rc, out, err = qgis_process('plugins')
    check(rc == 0 and 'regionstat' in out, 'plugins does not list regionstat: ' + out + err)

    rc, out, err = qgis_process('list')
    check(rc == 0, 'list: exit {}'.format(rc))
    check('RegionStat' in out, 'list does not show the RegionStat provider')
    descriptions = {d['name']: d for d in core().algorithms()}
    sys.path.insert(0, PLUGIN_DIR)
    from regionstat.algorithm import qgis_id
    for name in descriptions:
        check('regionstat:' + qgis_id(name) in out, 'list does not show regionstat:' + qgis_id(name))

    rc, out, err = qgis_process('help', 'regionstat:lisa')
    check(rc == 0 and 'FIELD' in out and 'OUTPUT' in out, 'help regionstat:lisa: ' + out[:500] + err)

    # LISA into a GeoPackage, as a user would type it.
    output = tmp('qgis_process_lisa.gpkg')
    rc, out, err = qgis_process('run', 'regionstat:lisa', '--', 'INPUT=' + SAMPLE,
                                'FIELD=' + SAMPLE_FIELD, 'OUTPUT=' + output)
    check(rc == 0, 'run regionstat:lisa: exit {}: {}{}'.format(rc, out[-2000:], err[-2000:]))
    if check(os.path.exists(output), 'run regionstat:lisa wrote no ' + output):
        cli_output = tmp('cli_lisa.gpkg')
        run_cli(descriptions['lisa'], {'input': SAMPLE, 'field': SAMPLE_FIELD, 'output': cli_output})
        compare_tables(cli_output, output, 'qgis_process lisa')

    # A global statistic: its numbers as JSON results equal the command line's.
    moran = descriptions.get('moran')
    if check(moran is not None, 'no moran in the core'):
        report = tmp('moran_report.html')
        rc, out, err = qgis_process('--json', 'run', 'regionstat:moran', '--', 'INPUT=' + SAMPLE,
                                    'FIELD=' + SAMPLE_FIELD, 'REPORT=' + report)
        check(rc == 0, 'run regionstat:moran: exit {}: {}{}'.format(rc, out[-2000:], err[-2000:]))
        if rc == 0:
            results = json_part(out)['results']
            check(results.get('REPORT') == report and os.path.exists(report)
                  and '<svg' in open(report, encoding='utf-8').read(),
                  'moran: no HTML report with the scatterplot: {!r}'.format(results.get('REPORT')))
            summary = run_cli(moran, {'input': SAMPLE, 'field': SAMPLE_FIELD})
            numbers = [o['name'] for o in moran['outputs'] if o['type'] == 'number']
            for name in numbers:
                key = name.upper()
                check(key in results and summary.get(name) is not None
                      and results[key] == float(summary[name]),
                      'moran {}: qgis_process {!r}, command line {!r}'.format(name, results.get(key), summary.get(name)))
            print('qgis_process moran: {} numbers equal the command line'.format(len(numbers)))

    # A usage error reaches the user as a Processing error, not a traceback.
    rc, out, err = qgis_process('run', 'regionstat:lisa', '--', 'INPUT=' + SAMPLE, 'FIELD=name_zh',
                                'OUTPUT=' + tmp('qgis_process_bad.gpkg'))
    check(rc != 0, 'a text field must fail')
    check('Traceback' not in out + err, 'a traceback reached the user: ' + out + err)
    check('name_zh' in out + err, 'the error does not name the field: ' + out + err)
    check(not os.path.exists(tmp('qgis_process_bad.gpkg')), 'a failed run left an output')


main()
finish()
