"""Legend labels and default texts in English or Chinese (--lang en|zh).

The styles RegionStat writes (analysis/layer_styles.cpp) label their classes in English or in
Chinese (--lang of the analysis); a figure shows the language of its own --lang."""
import re

# Class labels of the styles RegionStat writes, as Chinese regional papers print them.
CLASS_LABELS_ZH = {
    'High-High': '高-高集聚',
    'Low-Low': '低-低集聚',
    'Low-High': '低-高异常',
    'High-Low': '高-低异常',
    'Not significant': '不显著',
    'Undefined': '未定义',
    'Isolated (no neighbours)': '孤立单元',
    'No data': '无数据',
    'No data or no neighbours': '无数据或无邻接单元',
    'Hot spot - 99% confidence': '热点 (99% 置信度)',
    'Hot spot - 95% confidence': '热点 (95% 置信度)',
    'Hot spot - 90% confidence': '热点 (90% 置信度)',
    'Cold spot - 90% confidence': '冷点 (90% 置信度)',
    'Cold spot - 95% confidence': '冷点 (95% 置信度)',
    'Cold spot - 99% confidence': '冷点 (99% 置信度)',
    'Other positive': '其他正相关',
    'Negative': '负相关',
    'Hot spot': '热点区',
    'Sub-hot spot': '次热点区',
    'Transition': '过渡区',
    'Sub-cold spot': '次冷点区',
    'Cold spot': '冷点区',
    'No neighbours': '无邻接单元',
}
CLASS_LABELS_EN = {chinese: english for english, chinese in CLASS_LABELS_ZH.items()}

# Figure texts: key -> (English, Chinese).
TEXTS = {
    'LisCL': ('LISA clusters', 'LISA 集聚类型'),
    'COType': ('LISA clusters', 'LISA 集聚类型'),
    'Quad': ('Moran scatterplot quadrants', 'Moran 散点图象限'),
    'Gi_Bin': ('Getis-Ord Gi* hot and cold spots', 'Getis-Ord Gi* 冷热点'),
    'HotCold': ('Hot and cold spots', '冷热点分布'),
    'LGCL': ('Local Geary clusters', '局部 Geary 集聚类型'),
    'migration': ('Centre of gravity and standard deviational ellipses',
                  '重心迁移轨迹与标准差椭圆'),
    'gravity': ('Gravity linkage', '引力联系'),
    'influence': ('Zones of influence', '影响范围'),
    'ellipses': ('Standard deviational ellipse', '标准差椭圆'),
    'trajectory': ('Move of the centre', '重心迁移轨迹'),
    'centres': ('Centre of gravity', '重心'),
    'links': ('Linkage strength', '联系强度'),
    'points': ('Centres', '中心城市'),
    'zones': ('Zone of influence', '影响范围'),
    'source': ('Source', '数据来源'),
    # The provenance lines under the credit line (map --results).
    'data': ('Data', '数据'),
    'weights': ('Weights', '空间权重'),
    'inference': ('Inference', '统计推断'),
    'seed': ('Seed', '随机种子'),
    'made_with': ('map: RegionStat with QGIS', '制图: RegionStat, QGIS'),
}

_CJK = re.compile(r'[\u3000-\u9fff\uff00-\uffef]')
_YEAR = re.compile(r'(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)')


def text(key, lang):
    english, chinese = TEXTS[key]
    return chinese if lang == 'zh' else english


def class_label(label, lang):
    """One language of a class label: bilingual labels are split, known English ones translated."""
    parts = label.split(' ', 1)
    if len(parts) == 2 and _CJK.search(parts[0]) and not _CJK.search(parts[1]):
        return parts[0] if lang == 'zh' else parts[1]
    if lang == 'zh':
        return CLASS_LABELS_ZH.get(label, label)
    return CLASS_LABELS_EN.get(label, label)


def year_of(field):
    """The year in a panel field's name (LisCL_2011 -> '2011'), or None."""
    found = _YEAR.findall(field or '')
    return found[-1] if found else None


def panel_title(field, lang):
    year = year_of(field)
    if year is None:
        return field or ''
    return year + '年' if lang == 'zh' else year


def field_stem(field):
    """LisCL_2011 -> LisCL; the key of the field's kind in TEXTS, if any."""
    for key in ('LisCL', 'COType', 'Quad', 'Gi_Bin', 'HotCold', 'LGCL'):
        if field and field.startswith(key):
            return key
    return None


def year_range(fields):
    years = [y for y in (year_of(f) for f in fields) if y]
    if not years:
        return ''
    return years[0] if len(years) == 1 else '{}-{}'.format(years[0], years[-1])
