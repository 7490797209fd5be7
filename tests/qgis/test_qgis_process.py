"""The plugin headless through qgis_process.bin (the binary: the /usr/bin/qgis_process wrapper of
Debian's QGIS 3.22 passes a flag that 3.22 itself rejects): enable it, list it, run LISA and a
global statistic, and compare with the command line; run the sample recipe (regionstat:run) as
the command line runs it, again without and with OVERWRITE; draw a map (regionstat:map)."""
import json
import os
import subprocess
import sys

from qgis_testing import (CLI, PLUGIN_DIR, SAMPLE, SAMPLE_FIELD, SOURCE, check, compare_tables, core, finish,
                          run_cli, tmp)

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
            if os.path.exists(report):  # it names the layer's file, not the copy the core read
                text = open(report, encoding='utf-8').read()
                check('Data: ' + SAMPLE in text and 'regionstat_input' not in text,
                      'moran: the report does not name the input {}: {}'.format(
                          SAMPLE, [line for line in text.splitlines() if 'Data:' in line]))
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

    check_recipe()
    check_map()


def outputs_under(folder):
    """Paths of the files under `folder`, relative to it."""
    found = []
    for root, _, files in os.walk(folder):
        found += [os.path.relpath(os.path.join(root, f), folder) for f in files]
    return sorted(found)


def check_recipe():
    """The sample recipe (docs/recipes/china_gdp.toml: join, LISA and Gi* for 2002-2011,
    migration) through qgis_process: the outputs the command line writes, equal to its; a second
    run is refused without OVERWRITE and replaces them with it."""
    recipe = os.path.join(SOURCE, 'docs', 'recipes', 'china_gdp.toml')
    in_qgis, on_cli = tmp('recipe_qgis'), tmp('recipe_cli')
    rc, out, err = qgis_process('--json', 'run', 'regionstat:run', '--', 'RECIPE=' + recipe,
                                'OUTPUT_DIR=' + in_qgis, 'JOBS=2')
    if not check(rc == 0, 'run regionstat:run: exit {}: {}{}'.format(rc, out[-2000:], err[-2000:])):
        return
    results = json_part(out)['results']
    check(results.get('SUCCEEDED') == 1 and results.get('FAILED') == 0,
          'regionstat:run: {} succeeded, {} failed, expected 1 and 0'.format(results.get('SUCCEEDED'),
                                                                            results.get('FAILED')))
    done = subprocess.run([CLI, 'run', recipe, '--output-dir', on_cli, '--jobs', '2', '--quiet'],
                          capture_output=True, text=True, timeout=600)
    check(done.returncode == 0, 'regionstat run of the sample recipe: ' + done.stderr)
    written = outputs_under(in_qgis)
    check(written == outputs_under(on_cli) and len(written) == 23,
          'regionstat:run wrote {} files, the command line {}: {}'.format(
              len(written), len(outputs_under(on_cli)), written))
    lisa_2011 = os.path.join('lisa', 'china_provinces_lisa_2011.gpkg')
    if check(lisa_2011 in written, 'regionstat:run wrote no ' + lisa_2011):
        compare_tables(os.path.join(on_cli, lisa_2011), os.path.join(in_qgis, lisa_2011), 'recipe lisa 2011')
    moves = 'china_provinces_migration.csv'
    if check(moves in written, 'regionstat:run wrote no ' + moves):
        with open(os.path.join(on_cli, moves), encoding='utf-8') as a, open(os.path.join(in_qgis, moves),
                                                                             encoding='utf-8') as b:
            check(a.read() == b.read(), 'the migration table of regionstat:run differs from the command line\'s')

    # Again: refused without OVERWRITE (nothing replaced), done with it.
    stamp = os.path.getmtime(os.path.join(in_qgis, lisa_2011))
    rc, out, err = qgis_process('run', 'regionstat:run', '--', 'RECIPE=' + recipe, 'OUTPUT_DIR=' + in_qgis)
    check(rc != 0 and 'OVERWRITE' in out + err and 'already exists' in out + err,
          'a second regionstat:run without OVERWRITE: exit {}: {}{}'.format(rc, out[-1000:], err[-1000:]))
    check(os.path.getmtime(os.path.join(in_qgis, lisa_2011)) == stamp, 'a refused regionstat:run replaced outputs')
    rc, out, err = qgis_process('run', 'regionstat:run', '--', 'RECIPE=' + recipe, 'OUTPUT_DIR=' + in_qgis,
                                'OVERWRITE=true')
    check(rc == 0 and outputs_under(in_qgis) == written,
          'regionstat:run OVERWRITE=true: exit {}: {}{}'.format(rc, out[-1000:], err[-1000:]))


def check_map():
    """regionstat:map through qgis_process: the figure at the size asked for."""
    figure = tmp('qgis_process_map.png')
    rc, out, err = qgis_process('run', 'regionstat:map', '--', 'INPUT=' + SAMPLE, 'FIELD=' + SAMPLE_FIELD,
                                'PIXELS=800x500', 'DPI=96', 'OUTPUT=' + figure)
    check(rc == 0 and os.path.exists(figure), 'run regionstat:map: exit {}: {}{}'.format(rc, out[-1000:],
                                                                                       err[-1000:]))
    if os.path.exists(figure):
        with open(figure, 'rb') as f:
            header = f.read(24)
        width, height = int.from_bytes(header[16:20], 'big'), int.from_bytes(header[20:24], 'big')
        check(header[:8] == b'\x89PNG\r\n\x1a\n' and (width, height) == (800, 500),
              'regionstat:map through qgis_process: not an 800x500 PNG ({}x{})'.format(width, height))
        check(os.path.exists(tmp('qgis_process_map.qgz')), 'regionstat:map through qgis_process wrote no project')


main()
finish()
