<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_Hans" sourcelanguage="en">
    <context>
        <name>RegionStat</name>
        <message>
            <source>Centre of gravity (mean, median, central feature)</source>
            <translation>重心（均值中心、中位数中心、中心要素）</translation>
        </message>
        <message>
            <source>Centres of gravity</source>
            <translation>重心分析</translation>
        </message>
        <message>
            <source>Weighted mean centre, median centre or central feature of the units, optionally per group</source>
            <translation>各单元的加权均值中心、中位数中心或中心要素，可按组计算</translation>
        </message>
        <message>
            <source>The centre of gravity of a development field: each unit is its point (polygon centroid, or the point of a point layer), weighted by --weight.
  mean    - weighted mean centre: x = sum w_i x_i / sum w_i, y likewise (ArcGIS Mean Center).
  median  - the point minimising sum w_i d_i (spatial median, centre of minimum distance; ArcGIS Median Center), Weiszfeld's iteration from the mean centre with Vardi-Zhang's step when the iterate meets a unit's point; --tolerance is relative to the points' spread.
  central - the unit with the smallest sum_j w_j d_ij (ArcGIS Central Feature).
Geographic layers are measured in a projection (--projection; default Albers equal-area with standard parallels at 1/6 and 5/6 of the layer's latitude range, centred on its extent), and the centres are written back in the layer's CRS. Units with a NULL weight are left out with a warning; negative weights are an error.
Output (-o): one point per group with group, type, n, weight_sum, center_x, center_y (layer CRS), and for the median iterations and converged, for the central feature its id.</source>
            <translation>发展要素的重心：每个单元取其点位（面的质心，或点图层的点），以 --weight 加权。
  mean    —— 加权均值中心：x = Σ w_i x_i / Σ w_i，y 同理（ArcGIS 平均中心）。
  median  —— 使 Σ w_i d_i 最小的点（空间中位数、最小距离中心；ArcGIS 中位数中心），从均值中心开始做 Weiszfeld 迭代，迭代点落在某单元点位上时采用 Vardi-Zhang 步长；--tolerance 相对于点位的离散程度。
  central —— Σ_j w_j d_ij 最小的单元（ArcGIS 中心要素）。
地理坐标图层在投影中量算（--projection；默认 Albers 等积投影，标准纬线取图层纬度范围的 1/6 与 5/6，以其范围为中心），中心再写回图层的坐标参考系。权重为 NULL 的单元被剔除并给出警告；负权重报错。
输出（-o）：每组一个点，字段为 group、type、n、weight_sum、center_x、center_y（图层坐标系），中位数中心另有 iterations 与 converged，中心要素另有其 id。</translation>
        </message>
        <message>
            <source>Input layer (any vector format GDAL reads; /vsigzip/ paths work)</source>
            <translation>输入图层（GDAL 可读的任何矢量格式；支持 /vsigzip/ 路径）</translation>
        </message>
        <message>
            <source>Layer name inside a multi-layer source (GeoPackage)</source>
            <translation>多图层数据源（GeoPackage）中的图层名</translation>
        </message>
        <message>
            <source>Field with unique unit ids (default: feature id)</source>
            <translation>唯一单元标识字段（默认：要素 ID）</translation>
        </message>
        <message>
            <source>Attribute encoding of a Shapefile without .cpg (e.g. GBK)</source>
            <translation>无 .cpg 的 Shapefile 的属性编码（如 GBK）</translation>
        </message>
        <message>
            <source>CRS to assume when the layer has none (e.g. EPSG:4326 for a CSV of lon/lat)</source>
            <translation>图层无坐标系时假定的坐标系（如经纬度 CSV 用 EPSG:4326）</translation>
        </message>
        <message>
            <source>Kind of centre</source>
            <translation>中心类型</translation>
        </message>
        <message>
            <source>Weight field (e.g. GDP); default: every unit weighs 1</source>
            <translation>权重字段（如 GDP）；默认每个单元权重为 1</translation>
        </message>
        <message>
            <source>Grouping field: one centre per group (e.g. region)</source>
            <translation>分组字段：每组一个中心（如区域）</translation>
        </message>
        <message>
            <source>Attribute filter on the input (OGR SQL WHERE clause, e.g. "province = 'Henan'")</source>
            <translation>输入属性筛选（OGR SQL WHERE 子句，如 "province = 'Henan'"）</translation>
        </message>
        <message>
            <source>Where geographic (lon/lat) layers are measured: equal-area (Albers fitted to the layer's extent), equidistant (azimuthal equidistant at its centre), or a projected CRS such as EPSG:3415</source>
            <translation>地理坐标（经纬度）图层的量算方式：equal-area（按图层范围拟合的 Albers 等积投影）、equidistant（以其中心为原点的方位等距投影），或投影坐标系如 EPSG:3415</translation>
        </message>
        <message>
            <source>Point of each polygon: its centroid or a point on its surface</source>
            <translation>面的代表点：质心或面内点</translation>
        </message>
        <message>
            <source>Median centre: stop when a step is below this fraction of the points' spread</source>
            <translation>中位数中心：步长小于点位离散程度的该比例时停止</translation>
        </message>
        <message>
            <source>Median centre: most Weiszfeld iterations</source>
            <translation>中位数中心：Weiszfeld 最大迭代次数</translation>
        </message>
        <message>
            <source>Output layer (.gpkg, .shp, .geojson, ...): the input with result fields appended</source>
            <translation>输出图层（.gpkg、.shp、.geojson 等）：输入图层并追加结果字段</translation>
        </message>
        <message>
            <source>GDAL driver of the output (default: from the extension)</source>
            <translation>输出的 GDAL 驱动（默认：由扩展名决定）</translation>
        </message>
        <message>
            <source>Replace an existing output</source>
            <translation>替换已存在的输出</translation>
        </message>
        <message>
            <source>Prefix for result field names</source>
            <translation>结果字段名前缀</translation>
        </message>
        <message>
            <source>Suffix for result field names (e.g. _2011)</source>
            <translation>结果字段名后缀（如 _2011）</translation>
        </message>
        <message>
            <source>Layer creation option NAME=VALUE for GDAL</source>
            <translation>GDAL 图层创建选项 NAME=VALUE</translation>
        </message>
        <message>
            <source>Standard deviational ellipse</source>
            <translation>标准差椭圆</translation>
        </message>
        <message>
            <source>Weighted standard deviational ellipse (directional distribution) at 1, 2 or 3 standard deviations</source>
            <translation>1、2 或 3 倍标准差的加权标准差椭圆（方向分布）</translation>
        </message>
        <message>
            <source>The standard deviational ellipse of the units' points weighted by --weight: centred on the weighted mean centre, its axes along the eigenvectors of the weighted covariance matrix (the same axes as ArcGIS's tan(theta) = (A + B) / C).
--convention sets the standard distance sigma along each axis, d_i being a point's coordinate along the axis relative to the centre:
  arcgis (default) - sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i), as ArcGIS Directional Distribution; what regional papers print.
  crimestat - sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i * n / (n - 2)): the sqrt(2) with the n - 2 degrees of freedom of Levine's CrimeStat.
  unscaled - sigma = sqrt(sum w_i d_i^2 / sum w_i): the plain weighted standard deviation along each axis (Lefever, Yuill).
--std 2 or 3 multiplies the axes. Reported: semi_major a &gt;= semi_minor b, rotation_deg (azimuth of the major axis, degrees clockwise from north, 0-180), flattening (a - b) / a, area pi a b, perimeter by Ramanujan's second approximation pi (a + b) (1 + 3h / (10 + sqrt(4 - 3h))), h = ((a - b) / (a + b))^2.
Geographic layers are measured in a projection (--projection; default Albers equal-area fitted to the layer's extent): lengths in km, areas in km2; the ellipse polygon is written back in the layer's CRS. Projected layers are measured in their own CRS (km when the unit is the metre, otherwise layer units, named in the output).</source>
            <translation>以 --weight 加权的单元点位的标准差椭圆：以加权均值中心为中心，轴沿加权协方差矩阵的特征向量（与 ArcGIS 的 tan(θ) = (A + B) / C 给出的轴相同）。
--convention 设定沿各轴的标准距离 σ，d_i 为点位沿该轴相对中心的坐标：
  arcgis（默认）—— σ = sqrt(2) * sqrt(Σ w_i d_i^2 / Σ w_i)，同 ArcGIS 方向分布；区域研究论文所报告的即此值。
  crimestat —— σ = sqrt(2) * sqrt(Σ w_i d_i^2 / Σ w_i * n / (n - 2))：sqrt(2) 加上 Levine 的 CrimeStat 的 n - 2 自由度。
  unscaled —— σ = sqrt(Σ w_i d_i^2 / Σ w_i)：沿各轴的普通加权标准差（Lefever、Yuill）。
--std 2 或 3 将轴长加倍或三倍。报告：长半轴 semi_major a ≥ 短半轴 semi_minor b，rotation_deg（长轴方位角，自正北顺时针，0-180 度），扁率 (a - b) / a，面积 π a b，周长按 Ramanujan 第二近似 π (a + b) (1 + 3h / (10 + sqrt(4 - 3h)))，h = ((a - b) / (a + b))^2。
地理坐标图层在投影中量算（--projection；默认按图层范围拟合的 Albers 等积投影）：长度单位 km，面积单位 km2；椭圆多边形写回图层坐标系。投影图层在其自身坐标系中量算（单位为米时用 km，否则用图层单位，并在输出中注明）。</translation>
        </message>
        <message>
            <source>Size of the ellipse in standard deviations</source>
            <translation>椭圆大小（标准差倍数）</translation>
        </message>
        <message>
            <source>Scaling of the standard distances</source>
            <translation>标准距离的缩放方式</translation>
        </message>
        <message>
            <source>Grouping field: one ellipse per group</source>
            <translation>分组字段：每组一个椭圆</translation>
        </message>
        <message>
            <source>Vertices of the ellipse polygon</source>
            <translation>椭圆多边形的顶点数</translation>
        </message>
        <message>
            <source>Gravity model linkage</source>
            <translation>引力模型联系强度</translation>
        </message>
        <message>
            <source>Linkage strength between centres R_ij = k M_i M_j / d_ij^b, totals, shares and strongest partners</source>
            <translation>中心之间的联系强度 R_ij = k M_i M_j / d_ij^b，以及总量、份额和最强联系对象</translation>
        </message>
        <message>
            <source>Gravity model of linkage between development centres (cities, or the points of polygons): R_ij = k * M_i * M_j / d_ij^b for every pair. The mass --mass is a numeric field or a small expression of fields: numbers, + - * / ^, parentheses and sqrt, log, exp, abs - e.g. 'sqrt(pop * gdp)' (the geometric mean of two masses); field names with spaces go in double quotes. d is geodesic km on the layer's ellipsoid for geographic layers (PROJ geod_inverse), planar for projected ones (km when the unit is the metre), or taken from --cost, a CSV of origin,destination,cost rows keyed by --id (pairs absent from it get no link).
Output (-o): a line layer, one line per pair, with origin, destination, distance_km (or distance in layer units), strength. --top K keeps the links among the K strongest of either end; --threshold T those with strength &gt;= T. Per centre: total linkage T_i = sum_j R_ij (over all pairs, before filtering), share T_i / sum T, strongest partner - in the summary and in --centres-output (a point layer). Units without a mass are left out with a warning.</source>
            <translation>发展中心（城市或面的代表点）之间联系的引力模型：对每一对计算 R_ij = k * M_i * M_j / d_ij^b。质量 --mass 为数值字段或由字段组成的简单表达式：数字、+ - * / ^、括号以及 sqrt、log、exp、abs，如 'sqrt(pop * gdp)'（两种质量的几何平均）；含空格的字段名用双引号括起。d 对地理坐标图层为图层椭球上的大地线距离（km，PROJ geod_inverse），对投影图层为平面距离（单位为米时用 km），或取自 --cost：以 --id 为键的 origin,destination,cost 行组成的 CSV（其中没有的单元对不建立联系）。
输出（-o）：线图层，每对一条线，字段为 origin、destination、distance_km（或图层单位的 distance）、strength。--top K 保留在任一端属于最强 K 条的联系；--threshold T 保留强度 ≥ T 的联系。每个中心：总联系量 T_i = Σ_j R_ij（对所有单元对，在筛选之前）、份额 T_i / Σ T、最强联系对象 —— 见摘要和 --centres-output（点图层）。无质量的单元被剔除并给出警告。</translation>
        </message>
        <message>
            <source>Mass: a field or an expression such as sqrt(pop * gdp)</source>
            <translation>质量：字段或表达式，如 sqrt(pop * gdp)</translation>
        </message>
        <message>
            <source>Distance decay exponent b</source>
            <translation>距离衰减指数 b</translation>
        </message>
        <message>
            <source>Gravity constant k</source>
            <translation>引力常数 k</translation>
        </message>
        <message>
            <source>Keep the K strongest links of each centre</source>
            <translation>保留每个中心最强的 K 条联系</translation>
        </message>
        <message>
            <source>Keep links with strength &gt;= T</source>
            <translation>保留强度 ≥ T 的联系</translation>
        </message>
        <message>
            <source>CSV of origin,destination,cost (ids of --id) instead of distances</source>
            <translation>origin,destination,cost（--id 的标识）的 CSV，替代距离</translation>
        </message>
        <message>
            <source>Point layer of centres with total, share and strongest partner</source>
            <translation>中心点图层，含总联系量、份额和最强联系对象</translation>
        </message>
        <message>
            <source>Spheres of influence (Huff, Reilly)</source>
            <translation>影响范围（Huff、Reilly）</translation>
        </message>
        <message>
            <source>Assign each unit to the centre that attracts it most, with Huff probabilities and Reilly breaking points</source>
            <translation>将每个单元划归对其吸引力最大的中心，并给出 Huff 概率和 Reilly 断裂点</translation>
        </message>
        <message>
            <source>Each unit of the input (its point: polygon centroid or point) is attracted by each centre c of --centres with A_c = M_c / d^b (--mass on the centres layer: a field or an expression such as sqrt(pop * gdp); --beta b, default 2; d geodesic km for geographic layers, planar otherwise). The unit is assigned to the centre of largest attraction, and its Huff probabilities are P_c = A_c / sum_m A_m (they sum to 1). A unit lying on a centre belongs to it (to the coinciding centres, in proportion to their masses).
Output (-o): the units with fields centre (id of the strongest centre, --centres-id), attraction, huff_max and P_&lt;centre id&gt; for every centre. --zones-output writes the polygon units dissolved by centre (GEOS union), with centre, units and mass. Reilly's breaking point between each pair of centres A, B, d_A = D_AB / (1 + sqrt(M_B / M_A)) measured from A, is in the summary (JSON: reilly).</source>
            <translation>输入中的每个单元（其点位：面的质心或点）受到 --centres 中每个中心 c 的吸引，吸引力 A_c = M_c / d^b（--mass 在中心图层上取值：字段或表达式，如 sqrt(pop * gdp)；--beta b，默认 2；d 对地理坐标图层为大地线距离 km，否则为平面距离）。单元划归吸引力最大的中心，其 Huff 概率为 P_c = A_c / Σ_m A_m（总和为 1）。位于某中心上的单元属于该中心（若多个中心重合，则按其质量比例分配）。
输出（-o）：单元图层，字段为 centre（最强中心的标识，--centres-id）、attraction、huff_max，以及每个中心的 P_&lt;中心标识&gt;。--zones-output 写出按中心融合（GEOS 合并）的面单元，字段为 centre、units 和 mass。每对中心 A、B 之间的 Reilly 断裂点 d_A = D_AB / (1 + sqrt(M_B / M_A))（自 A 起算）见摘要（JSON：reilly）。</translation>
        </message>
        <message>
            <source>Layer of the centres (points or polygons)</source>
            <translation>中心图层（点或面）</translation>
        </message>
        <message>
            <source>Field of the centres with their names (default: feature id)</source>
            <translation>中心图层中的名称字段（默认：要素 ID）</translation>
        </message>
        <message>
            <source>Mass of the centres: a field or an expression of fields</source>
            <translation>中心的质量：字段或由字段组成的表达式</translation>
        </message>
        <message>
            <source>Polygon layer of the units dissolved by centre</source>
            <translation>按中心融合单元得到的面图层</translation>
        </message>
        <message>
            <source>Attribute filter on the centres (OGR SQL WHERE clause, e.g. "province = 'Henan'")</source>
            <translation>中心图层的属性筛选（OGR SQL WHERE 子句，如 "province = 'Henan'"）</translation>
        </message>
        <message>
            <source>Migration of the centre of gravity</source>
            <translation>重心迁移</translation>
        </message>
        <message>
            <source>Centre of gravity and standard deviational ellipse per year, with direction, distance and speed of each move</source>
            <translation>逐年的重心与标准差椭圆，以及每次移动的方向、距离和速度</translation>
        </message>
        <message>
            <source>Given one weight field per year (--weight 'gdp_*' or a list; the year is the last number in each field name, else the field's position), computes for each year the weighted mean centre and the standard deviational ellipse (--std, --convention as in `regionstat ellipse`), and for each step between consecutive years the move: azimuth (degrees clockwise from north) with its 16-point compass label (N, NNE, NE, ...), distance (km), speed (km per year) and the cumulative path. Centres and ellipses are computed in the measuring projection (--projection; geographic layers default to Albers equal-area fitted to the extent); the moves between centres are geodesic on the layer's ellipsoid for geographic layers, planar otherwise.
Output (-o): in a GeoPackage the layers `centres` (points, one per year), `trajectory` (lines, one per step) and `ellipses` (polygons, one per year); for single-layer formats three files NAME_centres, NAME_trajectory, NAME_ellipses. The table of moves is printed and written with --table CSV.</source>
            <translation>给定每年一个权重字段（--weight 'gdp_*' 或列表；年份取字段名中最后一个数字，否则取字段的位置），为每年计算加权均值中心和标准差椭圆（--std、--convention 同 `regionstat ellipse`），并为相邻年份间的每一步计算移动：方位角（自正北顺时针，度）及 16 方位罗盘标记（N、NNE、NE……）、距离（km）、速度（km/年）和累计路径。中心和椭圆在量算投影中计算（--projection；地理坐标图层默认为按范围拟合的 Albers 等积投影）；中心之间的移动对地理坐标图层按图层椭球上的大地线计算，否则为平面距离。
输出（-o）：GeoPackage 中为图层 `centres`（点，每年一个）、`trajectory`（线，每步一条）和 `ellipses`（面，每年一个）；单图层格式则为 NAME_centres、NAME_trajectory、NAME_ellipses 三个文件。移动表会打印出来，并可用 --table 写成 CSV。</translation>
        </message>
        <message>
            <source>Weight fields, one per year (gdp_* or a list)</source>
            <translation>权重字段，每年一个（gdp_* 或列表）</translation>
        </message>
        <message>
            <source>Size of the ellipses in standard deviations</source>
            <translation>椭圆大小（标准差倍数）</translation>
        </message>
        <message>
            <source>Scaling of the ellipse's standard distances</source>
            <translation>椭圆标准距离的缩放方式</translation>
        </message>
        <message>
            <source>CSV table of the centres and moves</source>
            <translation>中心与移动的 CSV 表</translation>
        </message>
        <message>
            <source>Primacy indices</source>
            <translation>首位度指数</translation>
        </message>
        <message>
            <source>First-city share, two-city index P1/P2 and four-city index P1/(P2+P3+P4), per region</source>
            <translation>按区域计算首位城市份额、二城市指数 P1/P2 和四城市指数 P1/(P2+P3+P4)</translation>
        </message>
        <message>
            <source>Primacy of the largest city by --size (population, GDP, ...), over all units or per group (--group, e.g. province): first_share = P1 / sum P, two_city = P1 / P2, four_city = P1 / (P2 + P3 + P4), with P1 &gt;= P2 &gt;= ... the sizes sorted. Indices that need more cities than a group has are empty. A growth pole is expected to hold at least about 15 % of its region's output. Units with a NULL size are left out with a warning. The table is printed and, with --table, written as CSV.</source>
            <translation>按 --size（人口、GDP 等）计算最大城市的首位度，可针对全部单元或按组（--group，如省份）计算：first_share = P1 / Σ P，two_city = P1 / P2，four_city = P1 / (P2 + P3 + P4)，其中 P1 ≥ P2 ≥ …… 为排序后的规模。所需城市数多于组内城市数的指数留空。增长极通常应占其区域产出的约 15% 以上。规模为 NULL 的单元被剔除并给出警告。结果表会打印出来，并可用 --table 写成 CSV。</translation>
        </message>
        <message>
            <source>Size field (population, GDP)</source>
            <translation>规模字段（人口、GDP）</translation>
        </message>
        <message>
            <source>Grouping field: indices per group</source>
            <translation>分组字段：按组计算指数</translation>
        </message>
        <message>
            <source>CSV table of the indices</source>
            <translation>指数的 CSV 表</translation>
        </message>
        <message>
            <source>Replace an existing table</source>
            <translation>替换已存在的表</translation>
        </message>
        <message>
            <source>Hot spots (Getis-Ord Gi*)</source>
            <translation>热点分析（Getis-Ord Gi*）</translation>
        </message>
        <message>
            <source>Hot spots and clusters</source>
            <translation>热点与聚类</translation>
        </message>
        <message>
            <source>Getis-Ord Gi* hot and cold spots (Gi with --gi) for one field or every year of a panel</source>
            <translation>单个字段或面板各年份的 Getis-Ord Gi* 热点与冷点（--gi 为 Gi）</translation>
        </message>
        <message>
            <source>Gi* z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2)/(n-1))), S the population sd, W_i = sum_j w_ij, S1_i = sum_j w_ij^2, j including i (self weight 1): ArcGIS GiZScore, R spdep localG on include.self() weights. --gi leaves i out (spdep localG on plain weights).
GiPValue is the two-sided normal p of GiZScore (ArcGIS), or with --permutations N the conditional-permutation pseudo p (--p-rule, --seed; same result for any --threads).
Fields: GiZScore, GiPValue, GiPAdj (with --adjust fdr|bonferroni), Gi_Bin (+-3, +-2, +-1 for p &lt; 0.01, 0.05, 0.10 signed by z; 0 not significant), NNeighbors (neighbours, self excluded), HotCold (2 hot, 1 sub-hot, 0 transition, -1 sub-cold, -2 cold), HotCold_en and HotCold_zh (热点区, 次热点区, 过渡区, 次冷点区, 冷点区). HotCold comes from Gi_Bin (|bin| 3 or 2: hot/cold, 1: sub) or, with --classes natural-breaks, from Jenks natural breaks of GiZScore in five classes. Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and the label 'Isolated' (孤立单元).
Panels: --field gdp_* (or repeated) analyses every year and names the fields with the year: GiZ_2011, GiP_2011, GiPA_2011, GiBin_2011, NNb_2011, HC_2011, HCen_2011, HCzh_2011 (Shapefile-safe), and prints one row per year with the hot and cold spots at 99, 95 and 90 %.
Style: the output opens in QGIS categorised on Gi_Bin (of the last year): 3 #d62f27, 2 #ed7551, 1 #fab984, 0 #f7f7f7, -1 #a6bddb, -2 #5c8ac3, -3 #2166ac; on HotCold with natural breaks.</source>
            <translation>Gi* z_i = (Σ_j w_ij x_j − x̄ W_i) / (S sqrt((n S1_i − W_i^2)/(n−1)))，S 为总体标准差，W_i = Σ_j w_ij，S1_i = Σ_j w_ij^2，j 包括 i（自身权重 1）：即 ArcGIS 的 GiZScore、R spdep 在 include.self() 权重上的 localG。--gi 不含 i 自身（spdep 在普通权重上的 localG）。
GiPValue 为 GiZScore 的双侧正态 p 值（ArcGIS），或在 --permutations N 时为条件置换伪 p 值（--p-rule、--seed；任意 --threads 结果相同）。
字段：GiZScore、GiPValue、GiPAdj（配合 --adjust fdr|bonferroni）、Gi_Bin（p &lt; 0.01、0.05、0.10 时按 z 的符号取 ±3、±2、±1；0 为不显著）、NNeighbors（邻居数，不含自身）、HotCold（2 热点、1 次热点、0 过渡、−1 次冷点、−2 冷点）、HotCold_en 与 HotCold_zh（热点区、次热点区、过渡区、次冷点区、冷点区）。HotCold 由 Gi_Bin 得出（|bin| 为 3 或 2：热/冷点，1：次热/次冷点），或在 --classes natural-breaks 时由 GiZScore 的 Jenks 自然断点五分类得出。值为 NULL 的单元被排除（结果为 NULL）；无邻居的单元统计量为 NULL，标记为 'Isolated'（孤立单元）。
面板：--field gdp_*（或重复给出）分析每一年，字段名带年份：GiZ_2011、GiP_2011、GiPA_2011、GiBin_2011、NNb_2011、HC_2011、HCen_2011、HCzh_2011（适用于 Shapefile），并逐年打印 99%、95% 和 90% 置信度的热点与冷点数。
样式：输出在 QGIS 中按（最后一年的）Gi_Bin 分类显示：3 #d62f27、2 #ed7551、1 #fab984、0 #f7f7f7、−1 #a6bddb、−2 #5c8ac3、−3 #2166ac；使用自然断点时按 HotCold 分类。</translation>
        </message>
        <message>
            <source>Numeric field(s) to analyse; several or a pattern (gdp_*) for a panel of years</source>
            <translation>待分析的数值字段；多个字段或通配模式（gdp_*）构成逐年面板</translation>
        </message>
        <message>
            <source>Gi (self excluded) instead of Gi* (self included)</source>
            <translation>Gi（不含自身）而非 Gi*（含自身）</translation>
        </message>
        <message>
            <source>Five-class hot/cold labelling from significance bins or natural breaks of GiZScore</source>
            <translation>按显著性分级或 GiZScore 自然断点划分的五级冷热点标记</translation>
        </message>
        <message>
            <source>Spatial weights: queen, rook, queen:snap=0.001, queen:overlap, knn:6, band:150km, idw:2:300km, kernel:gaussian:k=8, or a .gal/.gwt file</source>
            <translation>空间权重：queen、rook、queen:snap=0.001、queen:overlap、knn:6、band:150km、idw:2:300km、kernel:gaussian:k=8，或 .gal/.gwt 文件</translation>
        </message>
        <message>
            <source>Weights transform: W row-standardised, B binary, S variance-stabilising, U as built</source>
            <translation>权重变换：W 行标准化、B 二值、S 方差稳定化、U 保持原样</translation>
        </message>
        <message>
            <source>Spatial weights file (GeoDa .gal or .gwt), instead of --weights</source>
            <translation>空间权重文件（GeoDa .gal 或 .gwt），代替 --weights</translation>
        </message>
        <message>
            <source>Random permutations for pseudo p-values (0: analytical p of the z-score, as ArcGIS)</source>
            <translation>伪 p 值的随机置换次数（0：z 得分的解析 p 值，同 ArcGIS）</translation>
        </message>
        <message>
            <source>Random seed (same seed, same results for any number of threads)</source>
            <translation>随机种子（种子相同，则任意线程数结果相同）</translation>
        </message>
        <message>
            <source>Threads for permutations (0: all cores)</source>
            <translation>置换使用的线程数（0：全部核心）</translation>
        </message>
        <message>
            <source>Pseudo p-value rule: folded (GeoDa, esda), greater, less, two-sided</source>
            <translation>伪 p 值规则：folded（GeoDa、esda）、greater、less、two-sided</translation>
        </message>
        <message>
            <source>Significance level for clusters</source>
            <translation>聚类的显著性水平</translation>
        </message>
        <message>
            <source>Multiple-testing adjustment of local p-values: none, fdr (Benjamini-Hochberg), bonferroni</source>
            <translation>局部 p 值的多重检验校正：none、fdr（Benjamini-Hochberg）、bonferroni</translation>
        </message>
        <message>
            <source>The input layer with the hot spot fields</source>
            <translation>带热点字段的输入图层</translation>
        </message>
        <message>
            <source>Hot spots at 90 % or more (last field)</source>
            <translation>90% 及以上置信度的热点数（最后一个字段）</translation>
        </message>
        <message>
            <source>Cold spots at 90 % or more (last field)</source>
            <translation>90% 及以上置信度的冷点数（最后一个字段）</translation>
        </message>
        <message>
            <source>Local Moran's I (LISA)</source>
            <translation>局部莫兰指数（LISA）</translation>
        </message>
        <message>
            <source>Local Moran's I (LISA) clusters and outliers, univariate or bivariate, for one field or every year of a panel</source>
            <translation>单个字段或面板各年份的局部莫兰指数（LISA）聚类与异常值，单变量或双变量</translation>
        </message>
        <message>
            <source>I_i = z_i * sum_j w_ij z_j / m2 with z = x - mean, m2 = sum z^2 / (n-1) and row-standardised weights (GeoDa LISA_I, esda Is, ArcGIS LMiIndex; R spdep localmoran with mlvar=FALSE). Bivariate with --field2 G: z_x,i times the lag of z_y (GeoDa's bivariate LISA).
Inference: conditional permutations (default 999; a unit's neighbours are drawn from the other n-1 values; same --seed, same result for any --threads); --permutations 0 gives the analytical z and two-sided normal p under randomisation (spdep Z.Ii).
Fields: LMiIndex (I_i), LMiZScore ((I_i - mean)/sd of the permutations; analytical z with --permutations 0), LMiPValue (pseudo p, or analytical p), LMiPAdj (with --adjust), COType (HH, LL, LH, HL where p &lt; --alpha, empty otherwise), LISA_CL (GeoDa code: 0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 5 undefined, 6 isolated), Quadrant (Moran scatterplot quadrant of every unit, no significance filter), NNeighbors. Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and LISA_CL 6.
Panels: --field gdp_* (or repeated) analyses every year and names the fields with the year: LMiI_2011, LMiZ_2011, LMiP_2011, LMiPA_2011, COT_2011, LisCL_2011, Quad_2011, NNb_2011 (10 characters, Shapefile-safe), and prints one row per year: n, global Moran's I and the counts of HH, LL, LH, HL clusters.
Style: the output opens in QGIS categorised on LISA_CL (of the last year): HH red #d7191c, LL blue #2c7bb6, LH light blue #abd9e9, HL pink #f4a6a6, not significant light grey, undefined and isolated darker grey, NULL hatched.</source>
            <translation>I_i = z_i * Σ_j w_ij z_j / m2，其中 z = x − 均值，m2 = Σ z^2 / (n−1)，权重行标准化（GeoDa LISA_I、esda Is、ArcGIS LMiIndex；R spdep localmoran，mlvar=FALSE）。使用 --field2 G 时为双变量：z_x,i 乘以 z_y 的空间滞后（GeoDa 双变量 LISA）。
推断：条件置换（默认 999 次；单元的邻居值从其余 n−1 个值中抽取；--seed 相同则任意 --threads 结果相同）；--permutations 0 给出随机化假设下的解析 z 与双侧正态 p 值（spdep Z.Ii）。
字段：LMiIndex（I_i）、LMiZScore（(I_i − 均值)/置换标准差；--permutations 0 时为解析 z）、LMiPValue（伪 p 值或解析 p 值）、LMiPAdj（配合 --adjust）、COType（p &lt; --alpha 时为 HH、LL、LH、HL，否则为空）、LISA_CL（GeoDa 编码：0 不显著、1 HH、2 LL、3 LH、4 HL、5 未定义、6 孤立）、Quadrant（每个单元的莫兰散点图象限，不做显著性筛选）、NNeighbors。值为 NULL 的单元被排除（结果为 NULL）；无邻居单元统计量为 NULL，LISA_CL 为 6。
面板：--field gdp_*（或重复给出）分析每一年，字段名带年份：LMiI_2011、LMiZ_2011、LMiP_2011、LMiPA_2011、COT_2011、LisCL_2011、Quad_2011、NNb_2011（10 个字符以内，适用于 Shapefile），并逐年打印一行：n、全局莫兰指数以及 HH、LL、LH、HL 聚类数。
样式：输出在 QGIS 中按（最后一年的）LISA_CL 分类显示：HH 红色 #d7191c、LL 蓝色 #2c7bb6、LH 浅蓝 #abd9e9、HL 粉色 #f4a6a6，不显著为浅灰，未定义和孤立为深灰，NULL 为阴影线。</translation>
        </message>
        <message>
            <source>Second field for a bivariate LISA (x against the lag of this field)</source>
            <translation>双变量 LISA 的第二个字段（x 对该字段的空间滞后）</translation>
        </message>
        <message>
            <source>Random permutations for pseudo p-values (0: analytical inference only)</source>
            <translation>伪 p 值的随机置换次数（0：仅解析推断）</translation>
        </message>
        <message>
            <source>The input layer with the LISA fields</source>
            <translation>带 LISA 字段的输入图层</translation>
        </message>
        <message>
            <source>Global Moran's I (of the last field)</source>
            <translation>全局莫兰指数（最后一个字段）</translation>
        </message>
        <message>
            <source>Significant High-High units (last field)</source>
            <translation>显著的高-高单元数（最后一个字段）</translation>
        </message>
        <message>
            <source>Significant Low-Low units (last field)</source>
            <translation>显著的低-低单元数（最后一个字段）</translation>
        </message>
        <message>
            <source>Local Geary's c</source>
            <translation>局部吉尔里指数 c</translation>
        </message>
        <message>
            <source>Local Geary's c with conditional permutation inference, for one field or every year of a panel</source>
            <translation>单个字段或面板各年份的局部吉尔里指数 c，条件置换推断</translation>
        </message>
        <message>
            <source>C_i = sum_j w_ij (z_i - z_j)^2 with z standardised by the sample sd (n-1, as R scale()) and row-standardised weights (R spdep localC, GeoDa). Inference by conditional permutations only (default 999; same --seed, same result for any --threads).
Fields: LCIndex (C_i), LCPValue (pseudo p), LCPAdj (with --adjust), LC_CL (GeoDa cluster: 0 not significant, 1 High-High, 2 Low-Low, 3 other positive, 4 negative, 5 undefined, 6 isolated), NNeighbors. Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and LC_CL 6.
Panels: --field gdp_* names the fields LCI_2011, LCP_2011, LCPA_2011, LCCL_2011, NNb_2011 and prints one row per year with the count of each cluster.
Style: categorised on LC_CL (of the last year) with GeoDa's colours.</source>
            <translation>C_i = Σ_j w_ij (z_i − z_j)^2，z 以样本标准差（n−1，同 R scale()）标准化，权重行标准化（R spdep localC、GeoDa）。仅用条件置换推断（默认 999 次；--seed 相同则任意 --threads 结果相同）。
字段：LCIndex（C_i）、LCPValue（伪 p 值）、LCPAdj（配合 --adjust）、LC_CL（GeoDa 聚类：0 不显著、1 高-高、2 低-低、3 其他正相关、4 负相关、5 未定义、6 孤立）、NNeighbors。值为 NULL 的单元被排除（结果为 NULL）；无邻居单元统计量为 NULL，LC_CL 为 6。
面板：--field gdp_* 时字段名为 LCI_2011、LCP_2011、LCPA_2011、LCCL_2011、NNb_2011，并逐年打印一行各类聚类的数目。
样式：按（最后一年的）LC_CL 以 GeoDa 配色分类显示。</translation>
        </message>
        <message>
            <source>Random permutations for pseudo p-values (local Geary has no analytical inference)</source>
            <translation>伪 p 值的随机置换次数（局部吉尔里指数没有解析推断）</translation>
        </message>
        <message>
            <source>The input layer with the local Geary fields</source>
            <translation>带局部吉尔里字段的输入图层</translation>
        </message>
        <message>
            <source>Global Geary's C</source>
            <translation>全局吉尔里指数 C</translation>
        </message>
        <message>
            <source>Spatial autocorrelation</source>
            <translation>空间自相关</translation>
        </message>
        <message>
            <source>Global Geary's C with analytical and permutation inference, per field or per year</source>
            <translation>按字段或按年份计算全局吉尔里指数 C，解析推断与置换推断</translation>
        </message>
        <message>
            <source>Geary's C = (n - 1) / (2 S0) sum_ij w_ij (x_i - x_j)^2 / sum_i (x_i - mean)^2; E[C] = 1, C &lt; 1 for positive spatial autocorrelation. Variances under normality and randomisation as R spdep geary.test (z = (1 - C) / sd, so z &gt; 0 is positive autocorrelation); permutation inference as geary.mc.
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default; greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation>Geary's C = (n − 1) / (2 S0) Σ_ij w_ij (x_i − x_j)^2 / Σ_i (x_i − 均值)^2；E[C] = 1，正的空间自相关时 C &lt; 1。正态与随机化假设下的方差同 R spdep geary.test（z = (1 − C) / sd，因此 z &gt; 0 为正自相关）；置换推断同 geary.mc。
推断（每个数值都注明其来源）：“normality”（正态）与“randomization”（随机化）是 spdep 检验的解析矩（randomisation=FALSE/TRUE，含峰度项）；“permutation”（置换）数值来自对该字段的 --permutations 次随机置换（spdep moran.mc/geary.mc），使用以 --seed 为键的计数器型随机数生成器，任意 --threads 取值结果完全相同。z_permutation =（统计量 − 置换均值）/ 置换标准差；z_permutation_se =（统计量 − 期望值）/ 该标准差，配合单侧 p 值，即已发表表格中自助法标准误的惯例。--p-rule（默认 folded；另有 greater、less、two-sided）适用于所有 p 值；z 为正表示正的空间自相关（对 Geary 而言即 C &lt; 1），因此“greater”是 spdep 的默认备择假设。
面板：--field 可重复给出或使用通配模式（gdp_*）；每个字段使用相同的权重和种子分析，并输出为表格中的一行（--output-csv 写出该表）。
缺失值（NULL、NaN、文本）被排除并给出计数警告，权重限制在其余单元上再做变换（同 spdep 的 subset.listw）。无邻居单元按 spdep 的 zero.policy=TRUE 处理：其值计入均值和方差，其空间滞后为 0，E[.] 与方差中的 n 只计有邻居的单元。</translation>
        </message>
        <message>
            <source>CSV file of the per-field table</source>
            <translation>逐字段表格的 CSV 文件</translation>
        </message>
        <message>
            <source>HTML report with the table</source>
            <translation>含表格的 HTML 报告</translation>
        </message>
        <message>
            <source>Replace existing output files</source>
            <translation>替换已存在的输出文件</translation>
        </message>
        <message>
            <source>The statistic (C) of the first field</source>
            <translation>第一个字段的统计量（C）</translation>
        </message>
        <message>
            <source>Its expectation under the null</source>
            <translation>其在零假设下的期望值</translation>
        </message>
        <message>
            <source>z under randomisation</source>
            <translation>随机化假设下的 z</translation>
        </message>
        <message>
            <source>p under randomisation</source>
            <translation>随机化假设下的 p</translation>
        </message>
        <message>
            <source>Pseudo p from the permutations</source>
            <translation>置换得到的伪 p 值</translation>
        </message>
        <message>
            <source>Per-field table (CSV)</source>
            <translation>逐字段表格（CSV）</translation>
        </message>
        <message>
            <source>HTML report</source>
            <translation>HTML 报告</translation>
        </message>
        <message>
            <source>Getis-Ord General G</source>
            <translation>Getis-Ord 全局 G 指数</translation>
        </message>
        <message>
            <source>Getis-Ord General G (high/low clustering) with analytical and permutation inference, per field or per year</source>
            <translation>按字段或按年份计算 Getis-Ord 全局 G 指数（高/低值聚类），解析推断与置换推断</translation>
        </message>
        <message>
            <source>General G = sum_{i != j} w_ij x_i x_j / sum_{i != j} x_i x_j for non-negative x, with binary (B, the default here) or non-standardised (U) weights; row-standardised weights are refused. E[G] = S0 / (n (n - 1)); variance of Getis and Ord (1992, with the erratum coefficient 6 in B1) as R spdep globalG.test (adjust.x=TRUE: units without neighbours are left out of the denominator), reported as the randomization inference; z &gt; 0 means high values cluster.
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default; greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation>General G = Σ_{i≠j} w_ij x_i x_j / Σ_{i≠j} x_i x_j，x 非负，使用二值权重（B，此处默认）或非标准化权重（U）；拒绝行标准化权重。E[G] = S0 / (n (n − 1))；方差按 Getis 与 Ord（1992，含勘误中 B1 的系数 6），同 R spdep globalG.test（adjust.x=TRUE：无邻居单元不计入分母），作为随机化推断报告；z &gt; 0 表示高值聚集。
推断（每个数值都注明其来源）：“normality”（正态）与“randomization”（随机化）是 spdep 检验的解析矩（randomisation=FALSE/TRUE，含峰度项）；“permutation”（置换）数值来自对该字段的 --permutations 次随机置换（spdep moran.mc/geary.mc），使用以 --seed 为键的计数器型随机数生成器，任意 --threads 取值结果完全相同。z_permutation =（统计量 − 置换均值）/ 置换标准差；z_permutation_se =（统计量 − 期望值）/ 该标准差，配合单侧 p 值，即已发表表格中自助法标准误的惯例。--p-rule（默认 folded；另有 greater、less、two-sided）适用于所有 p 值；z 为正表示正的空间自相关（对 Geary 而言即 C &lt; 1），因此“greater”是 spdep 的默认备择假设。
面板：--field 可重复给出或使用通配模式（gdp_*）；每个字段使用相同的权重和种子分析，并输出为表格中的一行（--output-csv 写出该表）。
缺失值（NULL、NaN、文本）被排除并给出计数警告，权重限制在其余单元上再做变换（同 spdep 的 subset.listw）。无邻居单元按 spdep 的 zero.policy=TRUE 处理：其值计入均值和方差，其空间滞后为 0，E[.] 与方差中的 n 只计有邻居的单元。</translation>
        </message>
        <message>
            <source>The statistic (G) of the first field</source>
            <translation>第一个字段的统计量（G）</translation>
        </message>
        <message>
            <source>Global Moran's I</source>
            <translation>全局莫兰指数</translation>
        </message>
        <message>
            <source>Global Moran's I (and bivariate Moran's I) with analytical and permutation inference, per field or per year</source>
            <translation>按字段或按年份计算全局莫兰指数（及双变量莫兰指数），解析推断与置换推断</translation>
        </message>
        <message>
            <source>Moran's I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2 with z = x - mean(x); E[I] = -1/(n-1). Variances under normality and randomisation as R spdep moran.test; permutation inference as moran.mc. With --field2 Y: bivariate Moran's I of each field against the spatial lag of Y, I_xy = (n / S0) sum_i zx_i sum_j w_ij zy_j / sum_i zx_i^2 with x and y standardised by the sample sd (GeoDa, PySAL esda Moran_BV); inference by permutations of Y only. --report FILE.html writes the table and a Moran scatterplot per field (inline SVG).
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default; greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation>Moran's I = (n / S0) Σ_ij w_ij z_i z_j / Σ_i z_i^2，z = x − mean(x)；E[I] = −1/(n−1)。正态与随机化假设下的方差同 R spdep moran.test；置换推断同 moran.mc。使用 --field2 Y 时：每个字段对 Y 的空间滞后的双变量莫兰指数 I_xy = (n / S0) Σ_i zx_i Σ_j w_ij zy_j / Σ_i zx_i^2，x 与 y 以样本标准差标准化（GeoDa、PySAL esda Moran_BV）；仅通过置换 Y 进行推断。--report FILE.html 写出表格以及每个字段的莫兰散点图（内嵌 SVG）。
推断（每个数值都注明其来源）：“normality”（正态）与“randomization”（随机化）是 spdep 检验的解析矩（randomisation=FALSE/TRUE，含峰度项）；“permutation”（置换）数值来自对该字段的 --permutations 次随机置换（spdep moran.mc/geary.mc），使用以 --seed 为键的计数器型随机数生成器，任意 --threads 取值结果完全相同。z_permutation =（统计量 − 置换均值）/ 置换标准差；z_permutation_se =（统计量 − 期望值）/ 该标准差，配合单侧 p 值，即已发表表格中自助法标准误的惯例。--p-rule（默认 folded；另有 greater、less、two-sided）适用于所有 p 值；z 为正表示正的空间自相关（对 Geary 而言即 C &lt; 1），因此“greater”是 spdep 的默认备择假设。
面板：--field 可重复给出或使用通配模式（gdp_*）；每个字段使用相同的权重和种子分析，并输出为表格中的一行（--output-csv 写出该表）。
缺失值（NULL、NaN、文本）被排除并给出计数警告，权重限制在其余单元上再做变换（同 spdep 的 subset.listw）。无邻居单元按 spdep 的 zero.policy=TRUE 处理：其值计入均值和方差，其空间滞后为 0，E[.] 与方差中的 n 只计有邻居的单元。</translation>
        </message>
        <message>
            <source>Second field for bivariate Moran's I: each --field against the spatial lag of this one</source>
            <translation>双变量莫兰指数的第二个字段：每个 --field 对该字段的空间滞后</translation>
        </message>
        <message>
            <source>HTML report with the table and a Moran scatterplot per field</source>
            <translation>含表格和每个字段莫兰散点图的 HTML 报告</translation>
        </message>
        <message>
            <source>The statistic (I) of the first field</source>
            <translation>第一个字段的统计量（I）</translation>
        </message>
        <message>
            <source>Layer information</source>
            <translation>图层信息</translation>
        </message>
        <message>
            <source>Spatial weights</source>
            <translation>空间权重</translation>
        </message>
        <message>
            <source>Describe a layer: layers, features, geometry type, CRS, fields, invalid and empty geometries</source>
            <translation>描述图层：所含图层、要素、几何类型、坐标系、字段、无效和空几何</translation>
        </message>
        <message>
            <source>Lists the layers of a dataset and, for the chosen layer, the number of features, the geometry type, the CRS (and whether distances will be great-circle km), every field with its type and count of NULL values, and the features whose geometry is empty or invalid (invalid geometries are repaired with GEOS MakeValid when analysed).</source>
            <translation>列出数据集中的图层，并对所选图层给出要素数、几何类型、坐标系（以及距离是否按大圆 km 计算）、每个字段的类型及其 NULL 值个数，以及几何为空或无效的要素（分析时无效几何会用 GEOS MakeValid 修复）。</translation>
        </message>
        <message>
            <source>Build spatial weights (contiguity, nearest neighbours, distance, kernels), write them as GAL/GWT and summarise them</source>
            <translation>构建空间权重（邻接、最近邻、距离、核函数），写成 GAL/GWT 并给出概要</translation>
        </message>
        <message>
            <source>Builds a spatial weights matrix from a polygon or point layer and writes it as a GeoDa GAL file (neighbour lists; contiguity, kNN, band) or GWT file (weighted links; inverse distance, kernels), readable by GeoDa, PySAL, R spdep (read.gal, read.gwt2nb) and ArcGIS.
Methods: queen (shared point) and rook (shared edge) contiguity, with --contiguity exact (coincident vertices), snap (vertices within --tolerance, layer units) or overlap (shared boundary segments whose vertices differ); knn (--k nearest neighbours, --symmetric); band (all units within --distance); idw (1/d^power, optionally within --distance); kernel (triangular, uniform, epanechnikov, quartic, gaussian; fixed --distance bandwidth or adaptive to the --k-th neighbour). Geographic layers use great-circle distances in km.
--order N builds higher-order contiguity (units exactly N steps apart, or within N steps with --cumulative), as spdep's nblag / nblag_cumul.
The summary reports units, links, neighbours per unit (min/mean/max), islands (units without neighbours, listed by id) and connected components; --min-threshold also reports the smallest distance band that leaves no island.</source>
            <translation>由面图层或点图层构建空间权重矩阵，写成 GeoDa 的 GAL 文件（邻居列表；邻接、kNN、距离带）或 GWT 文件（带权联系；反距离、核函数），可被 GeoDa、PySAL、R spdep（read.gal、read.gwt2nb）和 ArcGIS 读取。
方法：queen（共点）与 rook（共边）邻接，--contiguity 可选 exact（顶点重合）、snap（顶点在 --tolerance 以内，图层单位）或 overlap（顶点不同但边界线段重叠）；knn（--k 个最近邻，--symmetric）；band（--distance 以内的所有单元）；idw（1/d^power，可限定在 --distance 以内）；kernel（triangular、uniform、epanechnikov、quartic、gaussian；固定带宽 --distance 或自适应到第 --k 个邻居）。地理坐标图层使用大圆距离（km）。
--order N 构建高阶邻接（恰好相隔 N 步的单元，或使用 --cumulative 时 N 步以内的单元），同 spdep 的 nblag / nblag_cumul。
概要报告单元数、联系数、每个单元的邻居数（最小/平均/最大）、孤岛（无邻居的单元，按 id 列出）和连通分量数；--min-threshold 另报告不产生孤岛的最小距离带。</translation>
        </message>
        <message>
            <source>Weights method</source>
            <translation>权重方法</translation>
        </message>
        <message>
            <source>Number of nearest neighbours (knn, adaptive kernel)</source>
            <translation>最近邻个数（knn、自适应核）</translation>
        </message>
        <message>
            <source>Distance band / bandwidth, e.g. 150km, 20000m, or a number (km for geographic layers, else layer units)</source>
            <translation>距离带 / 带宽，如 150km、20000m，或一个数（地理坐标图层为 km，否则为图层单位）</translation>
        </message>
        <message>
            <source>How borders are matched: exact vertices, snap within tolerance, or overlap of boundary segments</source>
            <translation>边界匹配方式：顶点完全重合、在容差内捕捉，或边界线段重叠</translation>
        </message>
        <message>
            <source>Snapping tolerance in layer units</source>
            <translation>捕捉容差（图层单位）</translation>
        </message>
        <message>
            <source>Inverse distance power</source>
            <translation>反距离幂次</translation>
        </message>
        <message>
            <source>Kernel function</source>
            <translation>核函数</translation>
        </message>
        <message>
            <source>Contiguity order (2: neighbours of neighbours)</source>
            <translation>邻接阶数（2：邻居的邻居）</translation>
        </message>
        <message>
            <source>Include lower orders with --order</source>
            <translation>与 --order 一起包含低阶邻居</translation>
        </message>
        <message>
            <source>Symmetrise kNN (i~j when either chose the other)</source>
            <translation>对称化 kNN（任一方选中对方即 i~j）</translation>
        </message>
        <message>
            <source>Points of polygons for distances</source>
            <translation>计算距离所用的面代表点</translation>
        </message>
        <message>
            <source>Point layer giving each unit's point (e.g. provincial capitals), joined by --points-id</source>
            <translation>给出每个单元点位的点图层（如省会城市），按 --points-id 连接</translation>
        </message>
        <message>
            <source>Field of --points-layer matching the unit ids</source>
            <translation>--points-layer 中与单元标识匹配的字段</translation>
        </message>
        <message>
            <source>Report the smallest distance band leaving no island</source>
            <translation>报告不产生孤岛的最小距离带</translation>
        </message>
        <message>
            <source>Weights file to write (.gal or .gwt)</source>
            <translation>要写出的权重文件（.gal 或 .gwt）</translation>
        </message>
        <message>
            <source>Number of units</source>
            <translation>单元数</translation>
        </message>
        <message>
            <source>Number of links (non-zero weights)</source>
            <translation>联系数（非零权重）</translation>
        </message>
        <message>
            <source>Mean number of neighbours</source>
            <translation>平均邻居数</translation>
        </message>
        <message>
            <source>Units without neighbours</source>
            <translation>无邻居的单元数</translation>
        </message>
        <message>
            <source>Connected components</source>
            <translation>连通分量数</translation>
        </message>
        <message>
            <source>Weights file written</source>
            <translation>已写出的权重文件</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation>已取消：未写出任何结果。</translation>
        </message>
        <message>
            <source>All files (*.*)</source>
            <translation>所有文件 (*.*)</translation>
        </message>
        <message>
            <source>The RegionStat core module could not be loaded; see the log.</source>
            <translation>无法加载 RegionStat 核心模块；请查看日志。</translation>
        </message>
        <message>
            <source>Warning: {}</source>
            <translation>警告：{}</translation>
        </message>
        <message>
            <source>Could not write a temporary copy of the input: {}</source>
            <translation>无法写出输入图层的临时副本：{}</translation>
        </message>
        <message>
            <source>Could not read the result written by RegionStat: {}</source>
            <translation>无法读取 RegionStat 写出的结果：{}</translation>
        </message>
        <message>
            <source>The result style could not be applied: {}</source>
            <translation>无法应用结果样式：{}</translation>
        </message>
        <message>
            <source>The RegionStat core module could not be loaded ({}). The plugin contains it for Python 3.11 on 64-bit Linux; build it from the source for other systems.</source>
            <translation>无法加载 RegionStat 核心模块（{}）。插件所含模块适用于 64 位 Linux 上的 Python 3.11；其他系统请从源代码构建。</translation>
        </message>
        <message>
            <source>Numeric field(s) to analyse; repeat or use a pattern such as gdp_* for one row per year</source>
            <translation type="obsolete">待分析的数值字段；可重复或使用 gdp_* 等通配模式，每年一行</translation>
        </message>
    </context>
</TS>
