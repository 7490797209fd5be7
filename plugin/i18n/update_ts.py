#!/usr/bin/python3
"""Writes the Qt translation sources of the QGIS plugin from the algorithms the core registers.

Every text the plugin shows is collected, in registry order: each algorithm's display name,
group, short help, help, parameter labels and output descriptions (from the compiled module
_regionstat), then the plugin's own tr('...') texts (from plugin/regionstat/*.py). Existing
translations are kept; new texts are added as unfinished; texts no longer used are kept as
obsolete (lrelease skips them) unless --drop-obsolete.

    cmake --build build                                  # the module: build/python/_regionstat*.so
    /usr/bin/python3 plugin/i18n/update_ts.py            # updates plugin/i18n/regionstat_*.ts
    linguist plugin/i18n/regionstat_zh_Hans.ts           # (or any editor) translate, then rebuild
    /usr/bin/python3 plugin/i18n/update_ts.py --check    # exit 1 listing untranslated texts
"""
import argparse
import ast
import glob
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CONTEXT = 'RegionStat'


def load_module(module_dir):
    sys.path.insert(0, module_dir)
    try:
        import _regionstat
    except ImportError as error:
        sys.exit('cannot import _regionstat from {} ({}): build first, or pass --module-dir'
                 .format(module_dir, error))
    return _regionstat


def plugin_texts():
    """Literal arguments of tr(...) in the plugin's Python files."""
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, 'plugin', 'regionstat', '**', '*.py'), recursive=True)):
        with open(path, encoding='utf-8') as f:
            tree = ast.parse(f.read(), path)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'tr'
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                texts.append(node.args[0].value)
    return texts


def all_texts(module):
    texts = []
    for a in module.algorithms():
        texts += [a['display_name'], a['group'], a['short_help'], a['help']]
        texts += [p['label'] for p in a['parameters']]
        texts += [o['description'] for o in a['outputs']]
    texts += plugin_texts()
    seen, out = set(), []
    for t in texts:
        if t and t not in seen:
            seen.add(t)
            out.append(t)
    return out


def read_ts(path):
    """source -> (translation, finished) of an existing .ts; {} if there is none."""
    if not os.path.exists(path):
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter('message'):
        source = message.findtext('source') or ''
        translation = message.find('translation')
        text = translation.text if translation is not None and translation.text else ''
        finished = translation is not None and translation.get('type') not in ('unfinished', 'obsolete', 'vanished')
        out[source] = (text, finished and bool(text))
    return out


def write_ts(path, language, texts, existing, drop_obsolete):
    root = ET.Element('TS', version='2.1', language=language, sourcelanguage='en')
    context = ET.SubElement(root, 'context')
    ET.SubElement(context, 'name').text = CONTEXT

    def add(source, text, kind):
        message = ET.SubElement(context, 'message')
        ET.SubElement(message, 'source').text = source
        translation = ET.SubElement(message, 'translation')
        if kind:
            translation.set('type', kind)
        translation.text = text

    for source in texts:
        text, finished = existing.get(source, ('', False))
        add(source, text, None if finished else 'unfinished')
    if not drop_obsolete:
        for source, (text, _) in existing.items():
            if source not in texts and text:
                add(source, text, 'obsolete')
    ET.indent(root, space='    ')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(ET.tostring(root, encoding='unicode'))
        f.write('\n')


def missing_translations(texts, existing):
    return [t for t in texts if not existing.get(t, ('', False))[1]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--module-dir', default=os.path.join(ROOT, 'build', 'python'),
                        help='folder holding _regionstat*.so (default: build/python)')
    parser.add_argument('--languages', nargs='+', default=['zh_Hans'], help='default: zh_Hans')
    parser.add_argument('--check', action='store_true',
                        help='change nothing; exit 1 if a text has no finished translation')
    parser.add_argument('--drop-obsolete', action='store_true', help='forget texts no longer used')
    args = parser.parse_args()

    texts = all_texts(load_module(args.module_dir))
    status = 0
    for language in args.languages:
        path = os.path.join(HERE, 'regionstat_{}.ts'.format(language))
        existing = read_ts(path)
        missing = missing_translations(texts, existing)
        if args.check:
            for t in missing:
                print('untranslated ({}): {}'.format(language, t.splitlines()[0][:100]))
            print('{}: {} texts, {} untranslated'.format(os.path.relpath(path, ROOT), len(texts), len(missing)))
            status |= 1 if missing else 0
        else:
            write_ts(path, language, texts, existing, args.drop_obsolete)
            print('{}: {} texts, {} to translate'.format(os.path.relpath(path, ROOT), len(texts), len(missing)))
    return status


if __name__ == '__main__':
    sys.exit(main())
