"""The styles RegionStat writes, as QGIS reads them: legends in the language asked for (--lang zh
gives the hot-spot style the five classes 热点区 .. 冷点区), and the legend tells a unit without
neighbours (Hainan, 460000, an island under queen contiguity) from a unit without data (Hong Kong,
810000, NULL GDP)."""
import subprocess

from qgis_testing import CLI, SAMPLE, check, run_test, start_qgis, tmp

HOT_COLD_ZH = ['热点区', '次热点区', '过渡区', '次冷点区', '冷点区', '无邻接单元', '无数据']
GI_BIN_EN = ['Hot spot - 99% confidence', 'Hot spot - 95% confidence', 'Hot spot - 90% confidence',
             'Not significant', 'Cold spot - 90% confidence', 'Cold spot - 95% confidence',
             'Cold spot - 99% confidence', 'No neighbours', 'No data']
LISA_ZH = ['高-高集聚', '低-低集聚', '低-高异常', '高-低异常', '不显著', '未定义', '孤立单元', '无数据']


def styled_output(name, command, *options):
    from qgis.core import QgsVectorLayer
    output = tmp(name + '.gpkg')
    subprocess.run([CLI, command, SAMPLE, *options, '--id', 'adcode', '--field', 'gdp_2011', '-o', output],
                   check=True, capture_output=True)
    layer = QgsVectorLayer(output, name, 'ogr')
    check(layer.isValid(), name + ': the output does not open')
    return layer


def legend(layer):
    return [category.label() for category in layer.renderer().categories()]


def label_of_unit(layer, adcode):
    """The legend label QGIS draws unit `adcode` with."""
    from qgis.core import QgsExpressionContext, QgsExpressionContextUtils, QgsRenderContext
    renderer = layer.renderer()
    context = QgsRenderContext()
    context.setExpressionContext(QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer)))
    renderer.startRender(context, layer.fields())
    try:
        for feature in layer.getFeatures():
            if str(feature['adcode']) == adcode:
                context.expressionContext().setFeature(feature)
                keys = renderer.legendKeysForFeature(feature, context)
                items = {item.ruleKey(): item.label() for item in renderer.legendSymbolItems()}
                return [items[key] for key in keys]
    finally:
        renderer.stopRender(context)
    check(False, 'no unit ' + adcode)
    return []


def main():
    start_qgis()

    hot_zh = styled_output('hotspot_zh', 'hotspot', '--lang', 'zh')
    check(legend(hot_zh) == HOT_COLD_ZH, 'hot spots, zh: legend ' + repr(legend(hot_zh)))
    check(label_of_unit(hot_zh, '460000') == ['无邻接单元'], 'Hainan: ' + repr(label_of_unit(hot_zh, '460000')))
    check(label_of_unit(hot_zh, '810000') == ['无数据'], 'Hong Kong: ' + repr(label_of_unit(hot_zh, '810000')))
    check(label_of_unit(hot_zh, '310000') == ['热点区'], 'Shanghai: ' + repr(label_of_unit(hot_zh, '310000')))

    hot_en = styled_output('hotspot_en', 'hotspot')
    check(legend(hot_en) == GI_BIN_EN, 'hot spots, en: legend ' + repr(legend(hot_en)))
    check(label_of_unit(hot_en, '460000') == ['No neighbours'], 'Hainan, en')
    check(label_of_unit(hot_en, '810000') == ['No data'], 'Hong Kong, en')

    lisa_zh = styled_output('lisa_zh', 'lisa', '--lang', 'zh', '--permutations', '99')
    check(legend(lisa_zh) == LISA_ZH, 'lisa, zh: legend ' + repr(legend(lisa_zh)))
    check(label_of_unit(lisa_zh, '460000') == ['孤立单元'], 'Hainan, lisa')
    check(label_of_unit(lisa_zh, '810000') == ['无数据'], 'Hong Kong, lisa')


run_test(main)
