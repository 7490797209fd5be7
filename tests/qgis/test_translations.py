"""Every text the plugin shows has a Chinese (zh-Hans) translation, and QGIS in Chinese shows
the algorithms, groups, parameters and help in Chinese."""
import os
import re
import subprocess

from qgis_testing import BUILD, PLUGIN_DIR, SOURCE, check, core, run_test, start_qgis

CJK = re.compile('[\u4e00-\u9fff]')


def main():
    done = subprocess.run(['/usr/bin/python3', os.path.join(SOURCE, 'plugin', 'i18n', 'update_ts.py'),
                           '--check', '--module-dir', os.path.join(PLUGIN_DIR, 'regionstat')],
                          capture_output=True, text=True)
    print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr)
    check(done.returncode == 0, 'untranslated texts (run /usr/bin/python3 plugin/i18n/update_ts.py, '
                                'translate plugin/i18n/regionstat_zh_Hans.ts):\n' + done.stdout + done.stderr)
    qm = os.path.join(PLUGIN_DIR, 'regionstat', 'i18n', 'regionstat_zh_Hans.qm')
    check(os.path.exists(qm), 'no compiled translation ' + qm)

    start_qgis(locale='zh-Hans')
    from qgis.core import QgsApplication
    from regionstat.algorithm import handled_by_qgis, parameter_key, qgis_id
    registry = QgsApplication.processingRegistry()
    for d in core().algorithms():
        algorithm = registry.algorithmById('regionstat:' + qgis_id(d['name']))
        if not check(algorithm is not None, 'regionstat:{} missing'.format(d['name'])):
            continue
        for text, what in ((algorithm.displayName(), 'name'), (algorithm.group(), 'group'),
                           (algorithm.shortHelpString(), 'help')):
            check(CJK.search(text), '{} {} is not in Chinese: {}'.format(d['name'], what, text[:80]))
        for p in d['parameters']:
            if p['name'] in handled_by_qgis(d['name']):
                continue
            label = algorithm.parameterDefinition(parameter_key(p['name'])).description()
            check(CJK.search(label), '{} parameter {} is not in Chinese: {}'.format(d['name'], p['name'], label))
        print('{}: {}'.format(d['name'], algorithm.displayName()))


run_test(main)
