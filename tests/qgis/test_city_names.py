"""The city sample as QGIS reads it has Chinese names, as the provinces sample has: name_zh (short),
name_zh_full and adcode of the division each city is (sample_layers/build_samples.R matches them
from the national division tables). Every capital is named; names and codes agree with the
province each point lies in."""
import os

from qgis_testing import SOURCE, check, run_test, start_qgis

CITIES = os.path.join(SOURCE, 'sample_layers', 'china_cities.gpkg')
# A few cities of every kind of match: prefecture-level, a municipality, county-level, a name
# with a place-name reading (长, 厦), a romanised name, a city placed across a border, Hong Kong.
EXPECTED = {'Zhengzhou': ('郑州', '郑州市', 410100), 'Beijing': ('北京', '北京市', 110000),
            'Changchun': ('长春', '长春市', 220100), 'Xiamen': ('厦门', '厦门市', 350200),
            'Enshi': ('恩施', '恩施市', 422801), 'Urumqi': ('乌鲁木齐', '乌鲁木齐市', 650100),
            'Shenzhen': ('深圳', '深圳市', 440300), 'Xianggangdao': ('香港岛', '香港岛', None)}


def value(feature, name):
    v = feature[name]
    return None if v is None or str(v) == 'NULL' else v


def main():
    start_qgis()
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(CITIES, 'cities', 'ogr')
    if not check(layer.isValid(), 'cannot open ' + CITIES):
        return
    names = layer.fields().names()
    for field in ('name_zh', 'name_zh_full', 'adcode'):
        check(field in names, 'china_cities.gpkg has no field {}: {}'.format(field, names))
    if 'name_zh' not in names:
        return
    features = list(layer.getFeatures())
    named = [f for f in features if value(f, 'name_zh')]
    check(len(features) == 892 and len(named) >= 589,
          '{} of {} cities have a Chinese name, expected 589 of 892'.format(len(named), len(features)))
    unnamed_capitals = [f['name'] for f in features if f['capital'] >= 1 and not value(f, 'name_zh')]
    check(not unnamed_capitals, 'capitals without a Chinese name: {}'.format(unnamed_capitals))
    for f in named:
        full, code = value(f, 'name_zh_full'), value(f, 'adcode')
        check(full.startswith(f['name_zh']), '{}: {} does not begin with {}'.format(f['name'], full, f['name_zh']))
        # The division lies in the city's province, but for the points placed across a border.
        if code is not None and not f['name'] in ('Shenzhen', 'Aomen', 'Sanmenxia'):
            check(code // 10000 == f['province_adcode'] // 10000,
                  '{}: division {} outside its province {}'.format(f['name'], code, f['province_adcode']))
    by_name = {}
    for f in features:
        by_name.setdefault(f['name'], f)
    for city, expected in EXPECTED.items():
        f = by_name.get(city)
        got = (value(f, 'name_zh'), value(f, 'name_zh_full'), value(f, 'adcode')) if f else None
        check(got == expected, '{}: {}, expected {}'.format(city, got, expected))
    print('{} of {} cities named; e.g. {}'.format(len(named), len(features),
                                                 ', '.join('{} {}'.format(c, e[0]) for c, e in EXPECTED.items())))


run_test(main)
