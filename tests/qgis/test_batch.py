"""QGIS's batch interface (Processing > Batch Processing) with the RegionStat algorithms: the batch
panel of every algorithm gives each parameter a widget that takes a value, and LISA run from the
batch dialog over three years writes one layer per row, equal to the command line's. Also the
parameters QGIS does not answer itself for `convert` (the input's encoding, its CRS)."""
import os
import re
import subprocess

from qgis_testing import (SAMPLE, SOURCE, check, compare_tables, core, read_table, run_cli, run_test, start_qgis,
                          tmp)

YEARS = ['gdp_2009', 'gdp_2010', 'gdp_2011']


def sample_value(definition):
    """A value the parameter accepts, for its batch widget."""
    from qgis.core import QgsProcessingParameterNumber
    kind = definition.type()
    if kind == 'source':
        return SAMPLE
    if kind == 'field':
        return ['gdp_2010', 'gdp_2011'] if definition.allowMultiple() else 'gdp_2011'
    if kind == 'boolean':
        return not definition.defaultValue()
    if kind == 'enum':
        return len(definition.options()) - 1
    if kind == 'file':  # a file of the kind the filter names (*.gal, *.toml, ...)
        found = re.search(r'\*(\.[A-Za-z0-9]+)', definition.fileFilter() or '')
        path = tmp('batch_input' + (found.group(1) if found else '.txt'))
        open(path, 'a').close()
        return path
    if kind == 'number':
        low, high = definition.minimum(), definition.maximum()
        value = definition.defaultValue()
        if value is None:
            value = max(low, min(high, 2))
        elif value + 1 <= high:  # not the default, so that a widget ignoring it shows
            value = value + 1
        return int(value) if definition.dataType() == QgsProcessingParameterNumber.Integer else float(value)
    return 'queen' if definition.name() == 'WEIGHTS' else 'x1'


def same(expected, got):
    if isinstance(expected, list):
        got = got if isinstance(got, list) else str(got).split(';')
        return [str(v) for v in expected] == [str(v) for v in got]
    if isinstance(expected, float) or isinstance(got, float):
        try:
            return abs(float(expected) - float(got)) <= 1e-9 * abs(float(expected))
        except (TypeError, ValueError):
            return False
    if isinstance(expected, bool):
        return bool(got) == expected
    return str(expected) == str(got)


def check_batch_widgets(descriptions):
    """Every parameter of every algorithm has a batch widget that takes a value and gives it back,
    and the row's parameters are acceptable to the algorithm."""
    from qgis.core import QgsApplication
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects
    from regionstat.algorithm import qgis_id
    registry = QgsApplication.processingRegistry()
    for d in descriptions:
        algorithm = registry.createAlgorithmById('regionstat:' + qgis_id(d['name']))
        if not check(algorithm is not None, 'regionstat:{} missing'.format(d['name'])):
            continue
        dialog = BatchAlgorithmDialog(algorithm)
        panel = dialog.mainWidget()
        context = dataobjects.createContext()
        values = {}
        for definition in algorithm.parameterDefinitions():
            name = definition.name()
            column = panel.parameter_to_column.get(name)
            if not check(column is not None, '{}: {} has no batch column'.format(d['name'], name)):
                continue
            widget = panel.tblParameters.cellWidget(1, column)
            if definition.isDestination():
                path = tmp('batch_{}_{}{}'.format(d['name'], name.lower(), '.gpkg' if definition.type() == 'sink'
                                                  else '.' + (definition.defaultFileExtension() or 'txt')))
                if check(widget is not None and hasattr(widget, 'setValue'),
                         '{}: output {} has no batch widget'.format(d['name'], name)):
                    widget.setValue(path)
                    check(widget.getValue() == path, '{}: output {} keeps {!r}, not {!r}'.format(
                        d['name'], name, widget.getValue(), path))
                continue
            wrapper = panel.wrappers[0][column]
            if not check(wrapper is not None and widget is not None,
                         '{}: parameter {} has no batch widget'.format(d['name'], name)):
                continue
            default = definition.defaultValue()
            if default is not None and definition.type() == 'number':
                # A widget must show the default as it is (a spin box of 6 decimals runs 1e-10 as 0).
                check(same(float(default), wrapper.parameterValue()), '{}: the batch widget of {} starts at {!r}, '
                      'not the default {!r}'.format(d['name'], name, wrapper.parameterValue(), default))
            value = sample_value(definition)
            wrapper.setParameterValue(value, context)
            got = wrapper.parameterValue()
            check(same(value, got), '{}: the batch widget of {} ({}) gives {!r} for {!r}'.format(
                d['name'], name, definition.type(), got, value))
            check(definition.checkValueIsAcceptable(got, context),
                  '{}: {} does not accept its batch widget value {!r}'.format(d['name'], name, got))
            values[name] = got
        parameters, ok = panel.parametersForRow(0, warnOnInvalid=False)
        missing = [p.name() for p in algorithm.parameterDefinitions() if p.name() not in parameters]
        check(not missing, '{}: the batch row lacks {}'.format(d['name'], missing))
        dialog.deleteLater()
        print('batch panel: regionstat:{} ({} parameters)'.format(qgis_id(d['name']), len(values)))


def run_lisa_batch(descriptions):
    """LISA of three years from the batch dialog, as a user fills its rows: one layer per row,
    each equal to the command line's on the same input."""
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects
    from qgis.core import QgsApplication
    algorithm = QgsApplication.processingRegistry().createAlgorithmById('regionstat:lisa')
    dialog = BatchAlgorithmDialog(algorithm)
    panel = dialog.mainWidget()
    panel.checkLoadLayersOnCompletion.setChecked(False)
    panel.addRow(len(YEARS) - 1)
    check(panel.batchRowCount() == len(YEARS), 'the batch panel has {} rows'.format(panel.batchRowCount()))
    context = dataobjects.createContext()
    outputs = [tmp('batch_lisa_{}.gpkg'.format(year)) for year in YEARS]
    for row, (year, output) in enumerate(zip(YEARS, outputs)):
        panel.wrappers[row][panel.parameter_to_column['INPUT']].setParameterValue(SAMPLE, context)
        panel.wrappers[row][panel.parameter_to_column['ID']].setParameterValue('adcode', context)
        panel.wrappers[row][panel.parameter_to_column['FIELD']].setParameterValue([year], context)
        panel.tblParameters.cellWidget(row + 1, panel.parameter_to_column['OUTPUT']).setValue(output)
    dialog.runAlgorithm()
    for year, output in zip(YEARS, outputs):
        if not check(os.path.exists(output), 'the batch row of {} wrote no {}'.format(year, output)):
            continue
        names, rows = read_table(output)
        check(len(rows) == 34 and any(n.startswith('LMi') for n in names),
              'batch {}: {} features, fields {}'.format(year, len(rows), names))
        cli_output = tmp('cli_lisa_{}.gpkg'.format(year))
        run_cli(descriptions['lisa'], {'input': SAMPLE, 'id': 'adcode', 'field': [year], 'output': cli_output})
        compare_tables(cli_output, output, 'batch lisa ' + year)
    dialog.deleteLater()


def check_convert_parameters():
    """convert in QGIS shows ENCODING and CRS (QGIS cannot answer them for a file it reads in its
    default encoding, or for a layer without CRS) and hides what its output sink decides."""
    import processing
    from qgis.core import QgsApplication
    registry = QgsApplication.processingRegistry()
    convert = registry.algorithmById('regionstat:convert')
    shown = {p.name() for p in convert.parameterDefinitions()}
    for name in ('ENCODING', 'CRS', 'T_SRS'):
        check(name in shown, 'regionstat:convert does not show {}'.format(name))
    for name in ('FORMAT', 'OVERWRITE', 'LCO', 'LAYER'):
        check(name not in shown, 'regionstat:convert shows {}, which its output sink answers'.format(name))
    run = registry.algorithmById('regionstat:run')
    check(run.parameterDefinition('OVERWRITE') is not None, 'regionstat:run does not show OVERWRITE')
    lisa = registry.algorithmById('regionstat:lisa')
    check(lisa.parameterDefinition('ENCODING') is None and lisa.parameterDefinition('OVERWRITE') is None,
          'regionstat:lisa shows ENCODING or OVERWRITE, which QGIS answers')

    # A GBK Shapefile without .cpg and without .prj (as much Chinese data comes).
    folder = tmp('gbk')
    os.makedirs(folder, exist_ok=True)
    shapefile = os.path.join(folder, 'provinces_gbk.shp')
    done = subprocess.run(['ogr2ogr', '-lco', 'ENCODING=GBK', shapefile, SAMPLE], capture_output=True, text=True)
    if not check(done.returncode == 0, 'ogr2ogr could not write the GBK Shapefile: ' + done.stderr):
        return
    for extension in ('.cpg', '.prj'):
        if os.path.exists(shapefile[:-4] + extension):
            os.remove(shapefile[:-4] + extension)
    expected = {row['adcode']: row['name_zh'] for row in read_table(SAMPLE)[1]}

    def names_of(path):
        return {row['adcode']: row['name_zh'] for row in read_table(path)[1]}

    out = tmp('converted_gbk.gpkg')
    processing.run('regionstat:convert', {'INPUT': shapefile, 'ENCODING': 'GBK', 'CRS': 'EPSG:4326',
                                          'T_SRS': 'EPSG:4490', 'OUTPUT': out})
    if check(os.path.exists(out), 'convert with ENCODING wrote no ' + out):
        names = names_of(out)
        check(names == expected, 'convert ENCODING=GBK: names {} ... , expected {} ...'.format(
            list(names.values())[:3], list(expected.values())[:3]))
        from osgeo import ogr
        dataset = ogr.Open(out)  # kept: the layer belongs to it
        crs = dataset.GetLayer(0).GetSpatialRef()
        check(crs is not None and crs.GetAuthorityCode(None) == '4490',
              'convert T_SRS=EPSG:4490: the output CRS is {}'.format(crs.ExportToWkt() if crs else None))
    # An encoding Qt does not know is an error naming it, not a silent default.
    try:
        processing.run('regionstat:convert', {'INPUT': shapefile, 'ENCODING': 'GBQ', 'OUTPUT': tmp('bad.gpkg')})
        check(False, 'convert accepted ENCODING=GBQ')
    except Exception as error:  # QgsProcessingException
        check('GBQ' in str(error), 'the error of ENCODING=GBQ does not name it: {}'.format(error))
    # Without it, QGIS reads the names in its default encoding: the parameter is what makes them right.
    plain = tmp('converted_plain.gpkg')
    processing.run('regionstat:convert', {'INPUT': shapefile, 'CRS': 'EPSG:4326', 'OUTPUT': plain})
    if check(os.path.exists(plain), 'convert without ENCODING wrote no ' + plain):
        check(names_of(plain) != expected, 'the names came out right without ENCODING: the test proves nothing')


def main():
    check(os.path.isdir(os.path.join(SOURCE, 'plugin')), 'no plugin sources in ' + SOURCE)
    start_qgis(gui=True)
    descriptions = {d['name']: d for d in core().algorithms()}
    check_batch_widgets(list(descriptions.values()))
    run_lisa_batch(descriptions)
    check_convert_parameters()


run_test(main)
