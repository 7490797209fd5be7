#!/usr/bin/env python3
"""Makes the yearbook-style tables of tests/data/join/ from real data: the provinces' GDP
(../shared/data/china_province_economy_2002_2011.csv, NBS figures) and the codes of the sample
layer (sample_layers/china_provinces.gpkg, read with sqlite3). The keys are written the ways real
tables write them: short names, GB/T 2260 codes, traditional characters, pinyin; plus a table
with problems, one with a duplicate key, a GBK-encoded CSV and an XLSX (written with ogr2ogr).

    python3 tests/data/join/make_tables.py
"""
import csv
import os
import sqlite3
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
ECONOMY = os.path.join(ROOT, '..', 'shared', 'data', 'china_province_economy_2002_2011.csv')
LAYER = os.path.join(ROOT, 'sample_layers', 'china_provinces.gpkg')

# Traditional forms of the provinces' full names, as Taiwan and Hong Kong publications write them.
TRADITIONAL = {
    '北京': '北京市', '天津': '天津市', '河北': '河北省', '山西': '山西省', '内蒙古': '內蒙古自治區',
    '辽宁': '遼寧省', '吉林': '吉林省', '黑龙江': '黑龍江省', '上海': '上海市', '江苏': '江蘇省',
    '浙江': '浙江省', '安徽': '安徽省', '福建': '福建省', '江西': '江西省', '山东': '山東省',
    '河南': '河南省', '湖北': '湖北省', '湖南': '湖南省', '广东': '廣東省', '广西': '廣西壯族自治區',
    '海南': '海南省', '重庆': '重慶市', '四川': '四川省', '贵州': '貴州省', '云南': '雲南省',
    '西藏': '西藏自治區', '陕西': '陝西省', '甘肃': '甘肅省', '青海': '青海省', '宁夏': '寧夏回族自治區',
    '新疆': '新疆維吾爾自治區'}

# Pinyin and English names in the spellings of real tables (NBS English yearbook, Natural Earth,
# GADM, World Bank), suffixes and case as found there.
PINYIN = {
    '北京': 'Beijing Municipality', '天津': 'TIANJIN', '河北': 'Hebei Province', '山西': 'Shanxi',
    '内蒙古': 'Nei Mongol', '辽宁': 'Liaoning', '吉林': 'Jilin Sheng', '黑龙江': 'Heilongjiang',
    '上海': 'Shanghai Shi', '江苏': 'Jiangsu', '浙江': 'Zhejiang', '安徽': 'Anhui', '福建': 'Fujian',
    '江西': 'Jiangxi', '山东': 'Shandong', '河南': 'Henan', '湖北': 'Hubei', '湖南': 'Hunan',
    '广东': 'Guangdong', '广西': 'Guangxi Zhuang Autonomous Region', '海南': 'Hainan', '重庆': 'Chongqing',
    '四川': 'Sichuan', '贵州': 'Guizhou', '云南': 'Yunnan', '西藏': 'Xizang', '陕西': 'Shaanxi',
    '甘肃': 'Gansu', '青海': 'Qinghai', '宁夏': 'Ningxia Hui', '新疆': 'Xinjiang Uygur'}


def write(name, header, rows, encoding='utf-8'):
    with open(os.path.join(HERE, name), 'w', encoding=encoding, newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


def main():
    with open(ECONOMY, encoding='utf-8', newline='') as f:
        economy = list(csv.DictReader(f))
    gdp_2011 = {r['name_zh']: r['gdp'] for r in economy if r['year'] == '2011'}
    db = sqlite3.connect(LAYER)
    code = dict(db.execute('select name_zh, adcode from china_provinces where adcode < 710000'))
    names = list(gdp_2011)  # the NBS order of the source
    assert len(names) == 31 and set(names) == set(code)

    # Long table with short names, as the source: one row per province and year.
    write('gdp_long_short.csv', ['province', 'year', 'gdp', 'primary'],
          [[r['name_zh'], r['year'], r['gdp'], r['primary']] for r in economy])
    # Wide tables, 2011: codes (2-digit and 6-digit alternately), traditional, pinyin.
    write('gdp_2011_codes.csv', ['code', 'gdp_2011'],
          [[str(code[n]) if k % 2 else str(code[n])[:2], gdp_2011[n]] for k, n in enumerate(names)])
    write('gdp_2011_traditional.csv', ['地區', 'gdp_2011'], [[TRADITIONAL[n], gdp_2011[n]] for n in names])
    write('gdp_2011_pinyin.csv', ['region', 'gdp_2011'], [[PINYIN[n], gdp_2011[n]] for n in names])
    # Problems: 青海 missing, an unknown unit, a text value.
    rows = [[n, 'n/a' if n == '河北' else gdp_2011[n]] for n in names if n != '青海']
    rows.append(['火星', '1.0'])
    write('gdp_2011_problems.csv', ['province', 'gdp_2011'], rows)
    write('gdp_2011_duplicate.csv', ['province', 'gdp_2011'],
          [[n, gdp_2011[n]] for n in names] + [['北京市', gdp_2011['北京']]])
    # The short-name table as a Chinese Excel saves it: GBK.
    write('gdp_long_gbk.csv', ['省份', '年份', '地区生产总值'],
          [[r['name_zh'], r['year'], r['gdp']] for r in economy], encoding='gbk')
    xlsx = os.path.join(HERE, 'gdp_2011_codes.xlsx')
    if os.path.exists(xlsx):
        os.remove(xlsx)
    subprocess.run(['ogr2ogr', '-f', 'XLSX', '-oo', 'AUTODETECT_TYPE=YES', xlsx,
                    os.path.join(HERE, 'gdp_2011_codes.csv'), '-nln', 'gdp'], check=True)


if __name__ == '__main__':
    main()
