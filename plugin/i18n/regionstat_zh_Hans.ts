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
  mean    - weighted mean centre: x = sum w_i x_i / sum w_i, y likewise (ArcGIS Mean Center), with the standard distance around it, sqrt(sum w_i d_i^2 / sum w_i), d_i the distance of unit i from the centre (ArcGIS Standard Distance, 1 standard deviation; km, or layer units for a projected layer of unknown unit).
  median  - the point minimising sum w_i d_i (spatial median, centre of minimum distance; ArcGIS Median Center), Weiszfeld's iteration from the mean centre with Vardi-Zhang's step when the iterate meets a unit's point; --tolerance is relative to the points' spread.
  central - the unit with the smallest sum_j w_j d_ij (ArcGIS Central Feature).
Geographic layers are measured in a projection (--projection; default Albers equal-area with standard parallels at 1/6 and 5/6 of the layer's latitude range, centred on its extent), and the centres are written back in the layer's CRS. Units with a NULL weight are left out with a warning; negative weights are an error.
Output (-o): one point per group with group, type, n, weight_sum, center_x, center_y (layer CRS), for the mean std_distance, for the median iterations and converged, for the central feature its id.</source>
            <translation>发展要素的重心：每个单元取其点位（面的质心，或点图层的点），以 --weight 加权。
  mean    - 加权均值中心：x = sum w_i x_i / sum w_i，y 同理（ArcGIS 平均中心），并给出其周围的标准距离 sqrt(sum w_i d_i^2 / sum w_i)，d_i 为单元 i 到中心的距离（ArcGIS 标准距离，1 倍标准差；单位为 km，单位未知的投影图层则为图层单位）。
  median  - 使 sum w_i d_i 最小的点（空间中位数、最小距离中心；ArcGIS 中位数中心），从均值中心开始做 Weiszfeld 迭代，迭代点落在某单元点位上时采用 Vardi-Zhang 步长；--tolerance 相对于点位的离散程度。
  central - sum_j w_j d_ij 最小的单元（ArcGIS 中心要素）。
地理坐标图层在投影中量算（--projection；默认 Albers 等积投影，标准纬线取图层纬度范围的 1/6 与 5/6，以其范围为中心），中心再写回图层的坐标系。权重为 NULL 的单元被剔除并给出警告；负权重报错。
输出（-o）：每组一个点，字段为 group、type、n、weight_sum、center_x、center_y（图层坐标系），均值中心另有 std_distance，中位数中心另有 iterations 与 converged，中心要素另有其 id。</translation>
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
            <source>Where the layer is measured: equal-area (Albers fitted to the layer's extent, for lon/lat layers and projected ones whose scale strays over 5 % such as Web Mercator; other projected layers in their own CRS), equidistant (azimuthal equidistant at its centre), layer (a projected layer's own CRS, whatever its scale), or a projected CRS such as EPSG:3415</source>
            <translation>图层的量算方式：equal-area（按图层范围拟合的 Albers 等积投影，用于经纬度图层以及长度比例偏离超过 5 % 的投影图层，如 Web Mercator；其他投影图层在其自身坐标系中量算）、equidistant（以其中心为原点的方位等距投影）、layer（投影图层自身的坐标系，无论其比例偏差多大），或投影坐标系如 EPSG:3415</translation>
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
            <source>Coupling coordination degree</source>
            <translation>耦合协调度</translation>
        </message>
        <message>
            <source>Composite indices</source>
            <translation>综合指数</translation>
        </message>
        <message>
            <source>Coupling degree C, coordination index T and coupling coordination degree D of subsystem indices, in ten classes</source>
            <translation>子系统指数的耦合度 C、综合协调指数 T 和耦合协调度 D，分为十个等级</translation>
        </message>
        <message>
            <source>C = n [prod_i U_i / (sum_i U_i)^n]^(1/n) (two systems: 2 sqrt(U1 U2)/(U1 + U2)), in [0, 1]; --variant half uses sqrt(U1 U2)/(U1 + U2) (two systems, maximum 0.5), the form some papers use. T = sum_i a_i U_i with --weights a1,a2,... (equal by default, summing to 1); D = sqrt(C T).
The systems must be indices in [0, 1] (for example entropy scores); --scale minmax first rescales each system field to (x - min)/(max - min) over the units of its year.
Ten classes of width 0.1: 1 极度失调 extreme imbalance, 2 严重失调, 3 中度失调, 4 轻度失调, 5 濒临失调 (--class5 borderline: 临界协调), 6 勉强协调, 7 初级协调, 8 中级协调, 9 良好协调, 10 优质协调. --intervals left: [0, 0.1), ..., [0.9, 1] (Liao 1999); right: [0, 0.1], (0.1, 0.2], ... (Liu 2005). Groups: 失调衰退 (classes 1-4), 过渡协调 (5-6), 协调发展 (7-10).
Panels: --systems 'u1_*','u2_*' pairs the fields by year.
Fields written with the output (panel name + _YEAR for each year):
  CC_C (CCC_YEAR), real: coupling degree C
  CC_T (CCT_YEAR), real: comprehensive coordination index T
  CC_D (CCD_YEAR), real: coupling coordination degree D = sqrt(C T)
  CC_Class (CCcl_YEAR), integer: class of D, 1 (extreme imbalance) to 10 (high quality)
  CC_zh (CCzh_YEAR), text: class name in Chinese
  CC_en (CCen_YEAR), text: class name in English
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>C = n [prod_i U_i / (sum_i U_i)^n]^(1/n)（两个系统时：2 sqrt(U1 U2)/(U1 + U2)），取值于 [0, 1]；--variant half 使用 sqrt(U1 U2)/(U1 + U2)（两个系统，最大值 0.5），即部分论文采用的形式。T = sum_i a_i U_i，权重由 --weights a1,a2,... 给出（默认相等，总和为 1）；D = sqrt(C T)。
各系统须为 [0, 1] 内的指数（例如熵权法得分）；--scale minmax 先在同一年份的各单元上将每个系统字段缩放为 (x - min)/(max - min)。
十个等级，组距 0.1：1 极度失调（extreme imbalance）、2 严重失调、3 中度失调、4 轻度失调、5 濒临失调（--class5 borderline：临界协调）、6 勉强协调、7 初级协调、8 中级协调、9 良好协调、10 优质协调。--intervals left：[0, 0.1), ..., [0.9, 1]（Liao 1999）；right：[0, 0.1], (0.1, 0.2], ...（Liu 2005）。分组：失调衰退（第 1-4 级）、过渡协调（第 5-6 级）、协调发展（第 7-10 级）。
面板：--systems 'u1_*','u2_*' 按年份将字段配对。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  CC_C（CCC_YEAR），实数：耦合度 C
  CC_T（CCT_YEAR），实数：综合协调指数 T
  CC_D（CCD_YEAR），实数：耦合协调度 D = sqrt(C T)
  CC_Class（CCcl_YEAR），整数：D 的等级，1（极度失调）至 10（优质协调）
  CC_zh（CCzh_YEAR），文本：中文等级名称
  CC_en（CCen_YEAR），文本：英文等级名称
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何信息。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回对应年份的行。</translation>
        </message>
        <message>
            <source>Input layer or table (any format GDAL reads: GeoPackage, Shapefile, CSV, XLSX, ODS)</source>
            <translation>输入图层或表格（GDAL 可读的任何格式：GeoPackage、Shapefile、CSV、XLSX、ODS）</translation>
        </message>
        <message>
            <source>Year field of a long table (one row per unit and year; needs the id field)</source>
            <translation>长表的年份字段（每个单元每年一行；需要标识字段）</translation>
        </message>
        <message>
            <source>Subsystem index fields U1,U2[,U3...] (patterns such as u1_* for a panel)</source>
            <translation>子系统指数字段 U1,U2[,U3...]（面板可用 u1_* 等通配模式）</translation>
        </message>
        <message>
            <source>Weights a1,a2,... of T (default: equal)</source>
            <translation>T 的权重 a1,a2,...（默认：相等）</translation>
        </message>
        <message>
            <source>Coupling degree formula</source>
            <translation>耦合度公式</translation>
        </message>
        <message>
            <source>Class intervals closed on the left or right</source>
            <translation>等级区间左闭或右闭</translation>
        </message>
        <message>
            <source>Name of class 5: 濒临失调 (verge) or 临界协调 (borderline)</source>
            <translation>第 5 级名称：濒临失调（verge）或临界协调（borderline）</translation>
        </message>
        <message>
            <source>Systems are indices in [0, 1] (none) or raw values to min-max scale</source>
            <translation>各系统为 [0, 1] 内的指数（none），或需做 min-max 标准化的原始值</translation>
        </message>
        <message>
            <source>Output layer or table: the input with the result fields appended (.gpkg, .shp, .csv, ...)</source>
            <translation>输出图层或表格：输入数据并追加结果字段（.gpkg、.shp、.csv 等）</translation>
        </message>
        <message>
            <source>CSV file of the printed result table</source>
            <translation>所打印结果表的 CSV 文件</translation>
        </message>
        <message>
            <source>Write CSV files as UTF-8 with a byte-order mark (for Excel on Chinese Windows)</source>
            <translation>以带字节顺序标记（BOM）的 UTF-8 写出 CSV 文件（供中文 Windows 上的 Excel 使用）</translation>
        </message>
        <message>
            <source>The input with the result fields</source>
            <translation>带结果字段的输入数据</translation>
        </message>
        <message>
            <source>The result table as CSV</source>
            <translation>CSV 格式的结果表</translation>
        </message>
        <message>
            <source>Tapio decoupling</source>
            <translation>Tapio 脱钩分析</translation>
        </message>
        <message>
            <source>Tapio decoupling elasticity and the eight decoupling states between a pressure and a driver</source>
            <translation>压力指标与驱动指标之间的 Tapio 脱钩弹性及八种脱钩状态</translation>
        </message>
        <message>
            <source>e = (dC / C0) / (dA / A0) with C the pressure (e.g. CO2 emissions) and A the driver (e.g. GDP) at a base and an end year. States from the signs of dC and dA and the thresholds 0, 0.8, 1.2: dC&lt;0, dA&gt;0: 强脱钩 strong decoupling; dC&gt;0, dA&gt;0: e&lt;0.8 弱脱钩 weak decoupling, 0.8-1.2 增长连结 expansive coupling, &gt;1.2 扩张负脱钩 expansive negative decoupling; dC&lt;0, dA&lt;0: &gt;1.2 衰退脱钩 recessive decoupling, 0.8-1.2 衰退连结 recessive coupling, &lt;0.8 弱负脱钩 weak negative decoupling; dC&gt;0, dA&lt;0: 强负脱钩 strong negative decoupling (0.8 and 1.2 belong to the coupling states). Groups 脱钩 / 连结 / 负脱钩.
dC = 0 gives e = 0 (weak decoupling if the driver grew, weak negative decoupling if it fell); dA = 0 gives no elasticity (NULL) and the state 驱动无变化 driver unchanged; a base value &lt;= 0 gives NULL and the state 'undefined'.
--pressure C0,C1 --driver A0,A1 for one period; with more fields (patterns co2_*, gdp_*, ordered by year) --period base compares every year with the first, yoy each year with the previous one; the results are named by the end year.
Fields written with the output (panel name + _YEAR for each year):
  Tapio_e (Tpe_YEAR), real: decoupling elasticity e = (dC/C0)/(dA/A0)
  Tapio_St (TpSt_YEAR), integer: state code: 1 strong decoupling ... 8 strong negative decoupling, 9 driver unchanged, 10 undefined
  Tapio_en (Tpen_YEAR), text: decoupling state in English
  Tapio_zh (Tpzh_YEAR), text: decoupling state in Chinese
  Tapio_Grp (TpGr_YEAR), text: group: 脱钩 / 连结 / 负脱钩
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>e = (dC / C0) / (dA / A0)，其中 C 为压力指标（如 CO2 排放），A 为驱动指标（如 GDP），取基期年和末期年的值。脱钩状态由 dC 与 dA 的符号以及阈值 0、0.8、1.2 确定：dC&lt;0, dA&gt;0：强脱钩（strong decoupling）；dC&gt;0, dA&gt;0：e&lt;0.8 弱脱钩（weak decoupling），0.8-1.2 增长连结（expansive coupling），&gt;1.2 扩张负脱钩（expansive negative decoupling）；dC&lt;0, dA&lt;0：&gt;1.2 衰退脱钩（recessive decoupling），0.8-1.2 衰退连结（recessive coupling），&lt;0.8 弱负脱钩（weak negative decoupling）；dC&gt;0, dA&lt;0：强负脱钩（strong negative decoupling）（0.8 和 1.2 归入连结状态）。分组：脱钩 / 连结 / 负脱钩。
dC = 0 时 e = 0（驱动指标增长时为弱脱钩，下降时为弱负脱钩）；dA = 0 时无弹性值（NULL），状态为 驱动无变化（driver unchanged）；基期值 &lt;= 0 时结果为 NULL，状态为 'undefined'（未定义）。
单一时段用 --pressure C0,C1 --driver A0,A1；字段更多时（通配模式 co2_*、gdp_*，按年份排序），--period base 将每一年与第一年比较，yoy 将每一年与上一年比较；结果以末期年份命名。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  Tapio_e（Tpe_YEAR），实数：脱钩弹性 e = (dC/C0)/(dA/A0)
  Tapio_St（TpSt_YEAR），整数：状态代码：1 强脱钩 …… 8 强负脱钩，9 驱动无变化，10 未定义
  Tapio_en（Tpen_YEAR），文本：英文脱钩状态
  Tapio_zh（Tpzh_YEAR），文本：中文脱钩状态
  Tapio_Grp（TpGr_YEAR），文本：分组：脱钩 / 连结 / 负脱钩
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何信息。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回对应年份的行。</translation>
        </message>
        <message>
            <source>Pressure fields C0,C1 (or a pattern such as co2_* for a panel)</source>
            <translation>压力指标字段 C0,C1（面板可用 co2_* 等通配模式）</translation>
        </message>
        <message>
            <source>Driver fields A0,A1 (or a pattern such as gdp_*), same years as the pressure</source>
            <translation>驱动指标字段 A0,A1（或 gdp_* 等通配模式），年份与压力指标相同</translation>
        </message>
        <message>
            <source>Panel periods: from the first year (base) or year on year (yoy)</source>
            <translation>面板时段：以第一年为基期（base）或逐年同比（yoy）</translation>
        </message>
        <message>
            <source>Entropy weight method (composite index)</source>
            <translation>熵权法（综合指数）</translation>
        </message>
        <message>
            <source>Entropy weights of indicators and the weighted composite score, per year or pooled, optionally layered</source>
            <translation>指标的熵权及加权综合得分，逐年计算或各年合并计算，可选分层赋权</translation>
        </message>
        <message>
            <source>Min-max scaling x' = (x - min)/(max - min), reversed (max - x)/(max - min) for negative indicators; p_ij = x'_ij / sum_i x'_ij; e_j = -(1/ln m) sum_i p_ij ln p_ij with 0 ln 0 = 0 (m observations); w_j = (1 - e_j)/sum_k (1 - e_k); score = sum_j w_j x'_ij, in [0, 1] (x100 with --percent).
--shift affine --shift-size 0.01 uses x'' = 0.01 + 0.99 x' (the 0.99 x' + 0.01 of papers) so no value is 0; --shift additive uses x' + size. Off by default.
Panels (fields such as gdp_2011, or a long table with --year): --standardise per-year weighs each year apart; pooled scales and weighs all unit-years together, one set of weights, so scores compare across years.
--dimensions econ=a,b;social=c,d: layered weighting. The entropy method within each dimension gives its indicator weights and a dimension score; the entropy method on the dimension scores gives the dimension weights W_d; the total is sum_d W_d S_d (combined indicator weight W_d w_j|d).
A unit with a missing value in any indicator is left out of the weights and gets NULL scores (a counted warning); a constant indicator is an error naming it.
Fields written with the output (panel name + _YEAR for each year):
  EW_Score (EW_YEAR), real: entropy-weighted composite score (total)
  EW_Dim (EWd_YEAR), real: score of one dimension when layered, written as EW_&lt;dimension&gt;
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>min-max 标准化 x' = (x - min)/(max - min)，负向指标反向取 (max - x)/(max - min)；p_ij = x'_ij / sum_i x'_ij；e_j = -(1/ln m) sum_i p_ij ln p_ij，约定 0 ln 0 = 0（m 为观测数）；w_j = (1 - e_j)/sum_k (1 - e_k)；得分 score = sum_j w_j x'_ij，取值于 [0, 1]（使用 --percent 时 x100）。
--shift affine --shift-size 0.01 使用 x'' = 0.01 + 0.99 x'（即论文中的 0.99 x' + 0.01），使任何值都不为 0；--shift additive 使用 x' + size。默认不平移。
面板（gdp_2011 之类的字段，或配合 --year 的长表）：--standardise per-year 对每年分别赋权；pooled 将所有单元-年份合在一起标准化和赋权，只有一组权重，因此得分可跨年比较。
--dimensions econ=a,b;social=c,d：分层赋权。在每个维度内用熵权法得到其指标权重和维度得分；再对各维度得分用熵权法得到维度权重 W_d；总得分为 sum_d W_d S_d（指标的组合权重为 W_d w_j|d）。
任一指标有缺失值的单元不参与权重计算，得分为 NULL（给出计数警告）；常数指标会报错并指出该指标。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  EW_Score（EW_YEAR），实数：熵权综合得分（总得分）
  EW_Dim（EWd_YEAR），实数：分层时单个维度的得分，写为 EW_&lt;维度名&gt;
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何信息。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回对应年份的行。</translation>
        </message>
        <message>
            <source>Indicator fields (several, or patterns such as gdp_* for a panel of years)</source>
            <translation>指标字段（多个字段，或 gdp_* 等通配模式构成逐年面板）</translation>
        </message>
        <message>
            <source>Negative indicators (smaller is better): fields, patterns or indicator names</source>
            <translation>负向指标（越小越好）：字段、通配模式或指标名</translation>
        </message>
        <message>
            <source>Layered weighting: dimensions and their indicators, e.g. econ=gdp,income;social=beds,pension</source>
            <translation>分层赋权：各维度及其指标，如 econ=gdp,income;social=beds,pension</translation>
        </message>
        <message>
            <source>Panel: standardise and weigh each year apart, or pool all unit-years (one set of weights)</source>
            <translation>面板：每年分别标准化和赋权，或合并所有单元-年份（一组权重）</translation>
        </message>
        <message>
            <source>Shift after scaling so no value is 0</source>
            <translation>标准化后平移，使任何值都不为 0</translation>
        </message>
        <message>
            <source>Size of the shift (affine: s + (1 - s) x')</source>
            <translation>平移量（affine：s + (1 - s) x'）</translation>
        </message>
        <message>
            <source>Scores x100 (for display)</source>
            <translation>得分 x100（便于显示）</translation>
        </message>
        <message>
            <source>Growth, shares and ranks</source>
            <translation>增长、份额与位序</translation>
        </message>
        <message>
            <source>Compound annual growth, year-on-year growth, shares of the total, ranks and rank differences</source>
            <translation>复合年均增长率、同比增长、占总量份额、位序及位序差</translation>
        </message>
        <message>
            <source>For a field over years (--field 'gdp_*', ordered by year): compound annual growth rate CAGR = (x_T / x_0)^(1/k) - 1 with k the number of intervals (the difference of the first and last years, e.g. 2016-2020: k = 4; the number of fields - 1 when the names carry no year), year-on-year growth x_t / x_{t-1} - 1, all in %; share of the total of the units in each year (%); competition ranks in each year (ties share the best rank; --order descending = 1 for the largest). --rank-against FIELD: the rank difference d = rank(field) - rank(FIELD) in each year, typed 超前 ahead (d &lt; 0), 同步 in step (d = 0), 滞后 lagging (d &gt; 0). NULL where a value is missing, a base &lt;= 0 (no growth rate) or the total is 0.
Fields written with the output (panel name + _YEAR for each year):
  CAGR, real: compound annual growth rate, first to last year [%]
  YoY, real: growth on the previous year [%]
  Share (Shr_YEAR), real: share of the total of the units [%]
  Rank (Rk_YEAR), integer: competition rank (ties share the best rank)
  RankDiff (RkD_YEAR), integer: rank minus the rank of --rank-against
  RankGap_zh (RkGz_YEAR), text: 超前 (&lt; 0) / 同步 (0) / 滞后 (&gt; 0)
  RankGap_en (RkGe_YEAR), text: ahead / in step / lagging
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>对跨年份的一个字段（--field 'gdp_*'，按年份排序）：复合年均增长率 CAGR = (x_T / x_0)^(1/k) - 1，k 为间隔数（首末年份之差，如 2016-2020：k = 4；字段名不含年份时为字段数减 1），同比增长 x_t / x_{t-1} - 1，均以 % 表示；每年各单元占总量的份额（%）；每年的竞争排名位序（并列者取最优位序；--order descending 时最大值位序为 1）。--rank-against FIELD：每年的位序差 d = rank(field) - rank(FIELD)，分为 超前（ahead，d &lt; 0）、同步（in step，d = 0）、滞后（lagging，d &gt; 0）。值缺失、基期值 &lt;= 0（无增长率）或总量为 0 时为 NULL。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  CAGR，实数：首年至末年的复合年均增长率 [%]
  YoY，实数：较上一年的增长 [%]
  Share（Shr_YEAR），实数：占各单元总量的份额 [%]
  Rank（Rk_YEAR），整数：竞争排名位序（并列者取最优位序）
  RankDiff（RkD_YEAR），整数：位序减去 --rank-against 字段的位序
  RankGap_zh（RkGz_YEAR），文本：超前（&lt; 0）/ 同步（0）/ 滞后（&gt; 0）
  RankGap_en（RkGe_YEAR），文本：ahead / in step / lagging
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何信息。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回对应年份的行。</translation>
        </message>
        <message>
            <source>Numeric field(s) to analyse; several or a pattern (gdp_*) for a panel of years</source>
            <translation>待分析的数值字段；多个字段或通配模式（gdp_*）构成逐年面板</translation>
        </message>
        <message>
            <source>Field whose ranks the ranks are compared with (e.g. per-capita GDP)</source>
            <translation>用于比较位序的参照字段（如人均 GDP）</translation>
        </message>
        <message>
            <source>Rank 1 for the largest (descending) or smallest value</source>
            <translation>位序 1 对应最大值（descending）或最小值</translation>
        </message>
        <message>
            <source>TOPSIS (closeness to the ideal solution)</source>
            <translation>TOPSIS（与理想解的贴近度）</translation>
        </message>
        <message>
            <source>TOPSIS closeness of each unit to the ideal solution, with entropy, equal or given weights</source>
            <translation>各单元与理想解的 TOPSIS 贴近度，可用熵权、等权或给定权重</translation>
        </message>
        <message>
            <source>Vector normalisation z_ij = x_ij / sqrt(sum_i x_ij^2); v_ij = w_j z_ij; ideal v+_j = max_i v_ij and anti-ideal v-_j = min_i v_ij (reversed for negative indicators); D+ and D- Euclidean distances to them; closeness C = D- / (D+ + D-) in [0, 1]; rank 1 = closest to the ideal, ties share the best rank.
--weights entropy (default: entropy weights of the min-max scaled indicators, as the entropy command computes them), equal, or a list of numbers in the order of the indicators (rescaled to sum 1).
--dimensions econ=a,b;social=c,d: layered entropy weights (dimension weight x weight within the dimension), and one closeness per dimension with the within-dimension weights.
Panels: --standardise per-year (normalisation and ideals per year) or pooled (over all unit-years, so C compares across years); ranks are always within a year. A unit with a missing value gets NULL results.
Fields written with the output (panel name + _YEAR for each year):
  TOPSIS_C (TC_YEAR), real: closeness to the ideal solution C = D-/(D+ + D-)
  TOPSIS_Dp (TDp_YEAR), real: distance to the ideal solution D+
  TOPSIS_Dm (TDm_YEAR), real: distance to the anti-ideal solution D-
  TOPSIS_Rk (TRk_YEAR), integer: rank of C within the year (1 = best; ties share)
  TOPSIS_Dim (TCd_YEAR), real: closeness within one dimension, written as TOPSIS_&lt;dimension&gt;
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>向量归一化 z_ij = x_ij / sqrt(sum_i x_ij^2)；v_ij = w_j z_ij；正理想解 v+_j = max_i v_ij，负理想解 v-_j = min_i v_ij（负向指标相反）；D+ 和 D- 为到二者的欧氏距离；贴近度 C = D- / (D+ + D-)，取值于 [0, 1]；位序 1 = 最接近理想解，并列者取最优位序。
--weights entropy（默认：min-max 标准化后指标的熵权，与 entropy 命令的计算相同）、equal，或按指标顺序给出的数值列表（重新缩放使总和为 1）。
--dimensions econ=a,b;social=c,d：分层熵权（维度权重 x 维度内权重），并以维度内权重为每个维度计算一个贴近度。
面板：--standardise per-year（逐年归一化并确定理想解）或 pooled（基于所有单元-年份，因此 C 可跨年比较）；位序始终在年内排定。有缺失值的单元结果为 NULL。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  TOPSIS_C（TC_YEAR），实数：与理想解的贴近度 C = D-/(D+ + D-)
  TOPSIS_Dp（TDp_YEAR），实数：到正理想解的距离 D+
  TOPSIS_Dm（TDm_YEAR），实数：到负理想解的距离 D-
  TOPSIS_Rk（TRk_YEAR），整数：C 在年内的位序（1 = 最优；并列者共享位序）
  TOPSIS_Dim（TCd_YEAR），实数：单个维度内的贴近度，写为 TOPSIS_&lt;维度名&gt;
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何信息。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回对应年份的行。</translation>
        </message>
        <message>
            <source>Weights: entropy, equal, or numbers in the order of the indicators</source>
            <translation>权重：entropy、equal，或按指标顺序给出的数值</translation>
        </message>
        <message>
            <source>Convert layers</source>
            <translation>批量转换图层</translation>
        </message>
        <message>
            <source>Data preparation</source>
            <translation>数据准备</translation>
        </message>
        <message>
            <source>Convert many layers at once to one format, CRS (CGCS2000 and its Gauss-Kruger zones included) and UTF-8</source>
            <translation>一次将多个图层批量转换为统一的格式、坐标系（含 CGCS2000 及其高斯-克吕格投影带）和 UTF-8 编码</translation>
        </message>
        <message>
            <source>Converts every layer of the inputs (files, folders - their vector files, not recursive -, or globs such as 'data/*.shp'; every layer of a GeoPackage unless --layer picks some) into the output: a folder (created if missing; one file per layer, in -f FORMAT, GeoPackage by default) or one GeoPackage holding a layer per input. Outputs are named after the input file (NAME.gpkg), or after the file and the layer for inputs with several layers (NAME_LAYER).
--t-srs reprojects (EPSG:4490 is CGCS2000 in degrees; EPSG:4491-4501 its 6-degree Gauss-Kruger zones 13-23, EPSG:4502-4512 the same with central meridian in the name, EPSG:4513-4533 its 3-degree zones 25-45, EPSG:4534-4554 the same with central meridian in the name). --crs gives the CRS of inputs that have none. Attributes are written in UTF-8 (a Shapefile output gets a .cpg); --encoding GBK decodes Shapefiles that have no .cpg (most Chinese data); a .cpg, where present, is followed.
Safety: existing outputs are found before anything is written and replaced only with --overwrite; each output is written beside its place and moved there when complete; inputs are only read. An input that fails (unreadable, truncated) is reported with GDAL's message and the others are converted; the command then exits with status 1.</source>
            <translation>将输入（文件、文件夹——取其中的矢量文件，不递归——或 'data/*.shp' 这样的通配模式；GeoPackage 取其每个图层，除非用 --layer 选取部分图层）的每个图层转换到输出：一个文件夹（不存在时创建；每个图层一个文件，格式由 -f FORMAT 指定，默认为 GeoPackage），或一个 GeoPackage，每个输入在其中对应一个图层。输出以输入文件命名（NAME.gpkg），含多个图层的输入则以文件名和图层名命名（NAME_LAYER）。
--t-srs 进行重投影（EPSG:4490 为以度为单位的 CGCS2000；EPSG:4491-4501 为其 6 度分带高斯-克吕格投影第 13-23 带，EPSG:4502-4512 同上但名称中标注中央经线，EPSG:4513-4533 为其 3 度分带第 25-45 带，EPSG:4534-4554 同上但名称中标注中央经线）。--crs 为没有坐标系的输入指定坐标系。属性以 UTF-8 写出（Shapefile 输出会附带 .cpg）；--encoding GBK 用于解码没有 .cpg 的 Shapefile（大多数中国数据属于此类）；若存在 .cpg，则以其为准。
安全性：在写入任何内容之前先检查已存在的输出，仅在使用 --overwrite 时替换；每个输出先写在其目标位置旁，完成后再移入该位置；输入只读不写。失败的输入（无法读取、文件被截断）会连同 GDAL 的错误信息一并报告，其余输入照常转换；随后命令以退出状态 1 结束。</translation>
        </message>
        <message>
            <source>Input files, folders or globs ('data/*.shp'); several separated by commas</source>
            <translation>输入文件、文件夹或通配模式（'data/*.shp'）；多个以逗号分隔</translation>
        </message>
        <message>
            <source>Output folder (one file per layer) or one .gpkg (one layer per input)</source>
            <translation>输出文件夹（每个图层一个文件）或一个 .gpkg（每个输入一个图层）</translation>
        </message>
        <message>
            <source>GDAL driver of the outputs (GPKG, "ESRI Shapefile", GeoJSON, FlatGeobuf; default: from the output's extension, GeoPackage for a folder)</source>
            <translation>输出的 GDAL 驱动（GPKG、"ESRI Shapefile"、GeoJSON、FlatGeobuf；默认：由输出的扩展名决定，输出为文件夹时为 GeoPackage）</translation>
        </message>
        <message>
            <source>Reproject to this CRS (EPSG:4490 CGCS2000, EPSG:4491-4554 its Gauss-Kruger zones)</source>
            <translation>重投影到此坐标系（EPSG:4490 为 CGCS2000，EPSG:4491-4554 为其高斯-克吕格投影带）</translation>
        </message>
        <message>
            <source>CRS of inputs that have none (e.g. EPSG:4490)</source>
            <translation>无坐标系的输入所采用的坐标系（如 EPSG:4490）</translation>
        </message>
        <message>
            <source>Attribute encoding of Shapefiles without .cpg (e.g. GBK)</source>
            <translation>无 .cpg 的 Shapefile 的属性编码（如 GBK）</translation>
        </message>
        <message>
            <source>Layers to take from multi-layer inputs (name or pattern; default: all)</source>
            <translation>从多图层输入中选取的图层（名称或通配模式；默认：全部）</translation>
        </message>
        <message>
            <source>Replace existing outputs</source>
            <translation>替换已存在的输出</translation>
        </message>
        <message>
            <source>Layers converted</source>
            <translation>已转换的图层数</translation>
        </message>
        <message>
            <source>Inputs or layers that failed</source>
            <translation>失败的输入或图层数</translation>
        </message>
        <message>
            <source>Join a statistical table</source>
            <translation>连接统计表</translation>
        </message>
        <message>
            <source>Join a yearbook table (CSV, XLSX, ODS, a layer's attributes) to a layer's units, by keys or Chinese division names and codes</source>
            <translation>将年鉴表格（CSV、XLSX、ODS 或图层的属性表）按键值或中国行政区划名称与代码连接到图层的单元</translation>
        </message>
        <message>
            <source>Appends the columns of TABLE to the units of LAYER whose --layer-key matches the row's --table-key, and writes the result to -o.
Wide tables (one row per unit) add their columns as they are. Long tables (one row per unit and year: --year FIELD) add one field per value column and year, named column_year (gdp_2011, gdp_2012, ...), ready for a field pattern such as 'gdp_*' in every analysis. --fields chooses the value columns (names or patterns, comma separated; default: every other column). A column whose values are mostly numbers is written as numbers; its other values (n/a, -) are reported and written NULL. A column without numbers is written as text.
--match exact (default) compares the keys as text. --match admin-cn reads both keys as Chinese administrative divisions through a gazetteer of the National Bureau of Statistics codes (31 provinces, 342 prefectures, 2,975 counties; Taiwan, Hong Kong, Macao): full and short names (内蒙古自治区 / 内蒙古, 延边朝鲜族自治州 / 延边 / 延边州), GB/T 2260 codes at any level (11, 110000, 1101, 110101, and 12-digit statistical codes), traditional characters (廣西, 貴州), full-width characters, and the English and pinyin names of provinces as real data spell them (Inner Mongolia, Nei Mongol, Tibet, Xizang, Xinjiang Uygur, Guangxi Zhuang, Ningxia Hui, Shanxi / Shaanxi, Hong Kong, Macau / Macao, with or without Province, Municipality, Autonomous Region, SAR, Shi, Sheng). Short names are read at the level of the layer's units (吉林 is the province in a layer of provinces, the city in a layer of cities). A name several units share (朝阳区) is resolved by the parent in the key (北京市朝阳区) or in --table-parent / --layer-parent, and reported as ambiguous otherwise.
Every join reports the units matched, the layer's units without a row, the table's rows without a unit, ambiguous names and non-numeric values, by name; the JSON summary lists them as matched, unmatched_layer, unmatched_table, ambiguous, non_numeric (command line: --json). Two rows for one unit (and year), or two units with one key, are an error naming them. Nothing is dropped silently.
A CSV that is not UTF-8 is read as GBK (GB18030) unless --table-encoding says otherwise.
--to-long does the reverse for papers' appendix tables: the layer's panel fields (name_YYYY, chosen with --fields, e.g. gdp_*) are written to -o (e.g. a .csv) as a long table with the --layer-key, year and one column per indicator; TABLE is not given then.</source>
            <translation>将 TABLE 的各列追加到 LAYER 中 --layer-key 与该行 --table-key 相匹配的单元上，并将结果写入 -o。
宽表（每个单元一行）的各列原样追加。长表（每个单元每年一行：--year FIELD）按每个数值列和每个年份各追加一个字段，命名为 column_year（gdp_2011、gdp_2012……），可直接在各项分析中以字段模式（如 'gdp_*'）使用。--fields 选择数值列（列名或通配模式，以逗号分隔；默认：其余所有列）。值大多为数字的列按数值写出；其中的其他值（n/a、-）会被报告并写为 NULL。不含数字的列按文本写出。
--match exact（默认）将键值作为文本比较。--match admin-cn 借助国家统计局区划代码地名库（31 个省级、342 个地级、2,975 个县级单位；另含台湾、香港、澳门）将两侧键值都识别为中国行政区划：全称与简称（内蒙古自治区 / 内蒙古，延边朝鲜族自治州 / 延边 / 延边州）、任意级别的 GB/T 2260 代码（11、110000、1101、110101，以及 12 位统计用代码）、繁体字（廣西、貴州）、全角字符，以及实际数据中出现的各种省份英文名和拼音名写法（Inner Mongolia、Nei Mongol、Tibet、Xizang、Xinjiang Uygur、Guangxi Zhuang、Ningxia Hui、Shanxi / Shaanxi、Hong Kong、Macau / Macao，带或不带 Province、Municipality、Autonomous Region、SAR、Shi、Sheng）。简称按图层单元所在的级别识别（在省级图层中吉林指吉林省，在市级图层中指吉林市）。多个单元共用的名称（朝阳区）通过键值中的上级名称（北京市朝阳区）或 --table-parent / --layer-parent 消歧，否则报告为有歧义。
每次连接都会按名称报告已匹配的单元、没有对应行的图层单元、没有对应单元的表格行、有歧义的名称以及非数值的值；JSON 摘要中依次为 matched、unmatched_layer、unmatched_table、ambiguous、non_numeric（命令行：--json）。同一单元（及年份）有两行，或两个单元使用同一键值，均会报错并列出其名称。不会静默丢弃任何数据。
非 UTF-8 编码的 CSV 按 GBK（GB18030）读取，除非 --table-encoding 另行指定。
--to-long 执行反向操作，用于生成论文附表：将图层的面板字段（name_YYYY，用 --fields 选择，如 gdp_*）以长表形式写入 -o（如 .csv 文件），包含 --layer-key、年份（year）以及每个指标一列；此时不给出 TABLE。</translation>
        </message>
        <message>
            <source>Layer whose units get the table's columns</source>
            <translation>其单元将追加表格各列的图层</translation>
        </message>
        <message>
            <source>Table to join: CSV, XLSX, ODS, or any layer GDAL reads (not given with --to-long)</source>
            <translation>要连接的表格：CSV、XLSX、ODS 或 GDAL 可读的任何图层（使用 --to-long 时不给出）</translation>
        </message>
        <message>
            <source>Field of the layer holding the unit keys</source>
            <translation>图层中存放单元键值的字段</translation>
        </message>
        <message>
            <source>Column of the table holding the unit keys</source>
            <translation>表格中存放单元键值的列</translation>
        </message>
        <message>
            <source>How keys match: exact text, or admin-cn (Chinese division names, codes, pinyin)</source>
            <translation>键值匹配方式：exact（文本完全一致）或 admin-cn（中国行政区划名称、代码、拼音）</translation>
        </message>
        <message>
            <source>Year column of a long table: one field per value column and year (gdp_2011)</source>
            <translation>长表的年份列：每个数值列和每个年份各生成一个字段（gdp_2011）</translation>
        </message>
        <message>
            <source>Value columns to join, comma separated, patterns allowed (default: all other columns)</source>
            <translation>要连接的数值列，以逗号分隔，可用通配模式（默认：其余所有列）</translation>
        </message>
        <message>
            <source>Sheet or layer of the table (default: the first)</source>
            <translation>表格的工作表或图层（默认：第一个）</translation>
        </message>
        <message>
            <source>Encoding of a CSV or dBase table (e.g. GBK); a CSV that is not UTF-8 is read as GBK</source>
            <translation>CSV 或 dBase 表格的编码（如 GBK）；非 UTF-8 的 CSV 按 GBK 读取</translation>
        </message>
        <message>
            <source>admin-cn: column naming each row's province or prefecture (resolves 朝阳区)</source>
            <translation>admin-cn：给出每行所属省份或地级市的列（用于区分重名的朝阳区）</translation>
        </message>
        <message>
            <source>admin-cn: field naming each unit's province or prefecture</source>
            <translation>admin-cn：给出每个单元所属省份或地级市的字段</translation>
        </message>
        <message>
            <source>Reverse: write the layer's panel fields (--fields gdp_*) as a long table</source>
            <translation>反向：将图层的面板字段（--fields gdp_*）写成长表</translation>
        </message>
        <message>
            <source>Units matched</source>
            <translation>已匹配的单元数</translation>
        </message>
        <message>
            <source>Layer units without a row</source>
            <translation>无对应行的图层单元</translation>
        </message>
        <message>
            <source>Table rows without a unit</source>
            <translation>无对应单元的表格行</translation>
        </message>
        <message>
            <source>Run a recipe</source>
            <translation>运行批处理配方</translation>
        </message>
        <message>
            <source>Run the steps of a recipe (TOML or JSON) on many inputs, in parallel, with a summary table</source>
            <translation>对多个输入并行运行批处理配方（TOML 或 JSON）中的各步骤，并给出汇总表</translation>
        </message>
        <message>
            <source>A recipe lists inputs (files or globs, relative to the recipe's folder), an output folder (output_dir), optional years, and steps: any RegionStat command (run = "lisa") with its options as on the command line (field = "gdp_{year}", weights = "queen", output = "{stem}_lisa_{year}.gpkg"). Options are patterns: {stem} and {name} of the input file, {dir} its folder, {input} its path, {year} the year. A step whose options use {year} runs once per year of its `years` (or of the recipe's; "2002-2011" or a list), else for the year in the input's name. chain = true makes a step's output the layer the following steps read (a join, a conversion). Outputs are paths inside output_dir. See docs/recipes.md.
Each input is processed independently, --jobs at a time; its outputs are moved into place together once all its steps succeeded, so a failing or interrupted input leaves nothing and the others go on. The run ends with a table (input, steps done, outputs, warnings, error) and exits with status 1 if any input failed. Existing outputs are replaced only with --overwrite. --dry-run prints the commands each input would run and writes nothing.</source>
            <translation>批处理配方列出输入（文件或通配模式，相对于配方所在的文件夹）、输出文件夹（output_dir）、可选的年份，以及各步骤：任一 RegionStat 命令（run = "lisa"）及其选项，写法与命令行相同（field = "gdp_{year}"、weights = "queen"、output = "{stem}_lisa_{year}.gpkg"）。选项为模板：{stem} 和 {name} 为输入文件的主文件名和文件名，{dir} 为其所在文件夹，{input} 为其路径，{year} 为年份。选项中使用 {year} 的步骤对其 `years`（或配方的 `years`；"2002-2011" 或列表）中的每一年各运行一次，否则针对输入名称中的年份运行。chain = true 使某一步骤的输出成为后续步骤读取的图层（连接、格式转换）。输出为 output_dir 内的路径。参见 docs/recipes.md。
各输入相互独立地处理，同时处理 --jobs 个；某一输入的全部步骤成功后，其输出才一并移入目标位置，因此失败或中断的输入不会留下任何结果，其他输入照常进行。运行结束时给出一张表（输入、已完成步骤、输出、警告、错误），若有任一输入失败，则以退出状态 1 结束。已存在的输出仅在使用 --overwrite 时被替换。--dry-run 打印每个输入将运行的命令，不写出任何内容。</translation>
        </message>
        <message>
            <source>Recipe file (.toml or .json)</source>
            <translation>批处理配方文件（.toml 或 .json）</translation>
        </message>
        <message>
            <source>Inputs processed in parallel</source>
            <translation>并行处理的输入数</translation>
        </message>
        <message>
            <source>Print what would be done; write nothing</source>
            <translation>打印将执行的操作；不写出任何内容</translation>
        </message>
        <message>
            <source>Folder for the outputs, instead of the recipe's output_dir</source>
            <translation>输出文件夹，代替配方中的 output_dir</translation>
        </message>
        <message>
            <source>Inputs whose steps all succeeded</source>
            <translation>全部步骤均成功的输入数</translation>
        </message>
        <message>
            <source>Inputs that failed</source>
            <translation>失败的输入数</translation>
        </message>
        <message>
            <source>Geographic detector</source>
            <translation>地理探测器</translation>
        </message>
        <message>
            <source>Drivers</source>
            <translation>驱动因素</translation>
        </message>
        <message>
            <source>Wang's geographic detector: factor (q), interaction, risk and ecological detectors, with discretisation of numeric factors and the optimal-parameters search.</source>
            <translation>王劲峰地理探测器：因子探测（q）、交互作用探测、风险探测和生态探测，支持数值因子的离散化和最优参数搜索。</translation>
        </message>
        <message>
            <source>Factor detector: q = 1 - sum_h N_h sigma_h^2 / (N sigma^2) (population variances); F = (N - L)/(L - 1) q/(1 - q) with L strata; p from the non-central F(L - 1, N - L) with lambda = (sum_h mean_h^2 - (sum_h sqrt(N_h) mean_h)^2 / N) / s^2 (s^2 the sample variance), as the R package geodetector computes it.
Interaction detector: q of the overlay of two factors, typed as 非线性减弱 nonlinear_weaken (q &lt; min), 单因子非线性减弱 uni_weaken (min &lt;= q &lt;= max), 双因子增强 bi_enhance (max &lt; q &lt; sum), 独立 independent (q = q_a + q_b within --tolerance) or 非线性增强 nonlinear_enhance (q &gt; sum).
Risk detector: mean of Y per stratum and Welch's t test (Welch-Satterthwaite df, two-sided p) for every pair of strata.
Ecological detector: F = N_a (N_b - 1) SSW_a / (N_b (N_a - 1) SSW_b) for every pair of factors, two-sided p from F(N_a - 1, N_b - 1).
Strata with a single unit add nothing to SSW, enter lambda with their value, and get no t test (as geodetector); they are counted in the output.
Factors: text fields are categories; numeric fields are categories by value unless --discretize turns them into classes: quantile (R type 7), equal, natural (Jenks), geometric, sd (the R package GD's rules), user breaks, or opgd (every method and every number of classes in a range; the largest q wins; every candidate's q is reported).
Units with a missing Y or factor value are left out with a counted warning. A pattern (--field 'y_*') runs every year: one row per year per factor.
Fields written with the output (panel name + _YEAR for each year):
  FACTOR_cls, integer: class (1..k) of a discretised factor, named after the factor (--write-strata)
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>因子探测：q = 1 - sum_h N_h sigma_h^2 / (N sigma^2)（总体方差）；F = (N - L)/(L - 1) q/(1 - q)，L 为层数；p 值取自非中心 F(L - 1, N - L) 分布，其中 lambda = (sum_h mean_h^2 - (sum_h sqrt(N_h) mean_h)^2 / N) / s^2（s^2 为样本方差），与 R 包 geodetector 的计算方式相同。
交互作用探测：两个因子叠加后的 q 值，类型分为 非线性减弱 nonlinear_weaken（q &lt; min）、单因子非线性减弱 uni_weaken（min &lt;= q &lt;= max）、双因子增强 bi_enhance（max &lt; q &lt; sum）、独立 independent（在 --tolerance 范围内 q = q_a + q_b）或 非线性增强 nonlinear_enhance（q &gt; sum）。
风险探测：各层 Y 的均值，以及每对层之间的 Welch t 检验（Welch-Satterthwaite 自由度，双侧 p 值）。
生态探测：对每对因子计算 F = N_a (N_b - 1) SSW_a / (N_b (N_a - 1) SSW_b)，双侧 p 值取自 F(N_a - 1, N_b - 1) 分布。
只含一个单元的层对 SSW 无贡献，以其取值计入 lambda，且不做 t 检验（同 geodetector）；输出中会给出其数目。
因子：文本字段视为类别；数值字段按取值视为类别，除非用 --discretize 将其离散化为分类：quantile（R type 7）、equal、natural（Jenks）、geometric、sd（R 包 GD 的规则）、用户指定断点，或 opgd（在给定范围内尝试每种方法和每个分类数；q 最大者胜出；报告每个候选方案的 q 值）。
Y 或因子值缺失的单元被剔除，并给出计数警告。通配模式（--field 'y_*'）对每一年运行：每年每个因子一行。
随输出写出的字段（面板中每年一个字段，名为 面板名 + _YEAR）：
  FACTOR_cls，整数：离散化因子的类别（1..k），以因子名命名（--write-strata）
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回其所在年份的行。</translation>
        </message>
        <message>
            <source>Explained variable Y (a pattern such as gdp_* runs every year)</source>
            <translation>被解释变量 Y（gdp_* 等通配模式对每一年运行）</translation>
        </message>
        <message>
            <source>Factors X (text: categories; numeric: categories or --discretize)</source>
            <translation>因子 X（文本：类别；数值：类别或 --discretize）</translation>
        </message>
        <message>
            <source>Discretisation of numeric factors, items separated by ';': [FIELD=]quantile:K | equal:K | natural:K | geometric:K | sd:K | breaks:C1,C2,... | opgd[:KMIN-KMAX]</source>
            <translation>数值因子的离散化，各项以 ';' 分隔：[FIELD=]quantile:K | equal:K | natural:K | geometric:K | sd:K | breaks:C1,C2,... | opgd[:KMIN-KMAX]</translation>
        </message>
        <message>
            <source>Tolerance for 'equal' q values in the interaction types</source>
            <translation>交互作用类型中判定 q 值“相等”的容差</translation>
        </message>
        <message>
            <source>Heat map of the interaction matrix (.png, .svg or .pdf)</source>
            <translation>交互作用矩阵热图（.png、.svg 或 .pdf）</translation>
        </message>
        <message>
            <source>Write the classes of discretised factors as fields (with --output)</source>
            <translation>将离散化因子的类别写为字段（配合 --output）</translation>
        </message>
        <message>
            <source>Markov and spatial Markov chains</source>
            <translation>马尔可夫链与空间马尔可夫链</translation>
        </message>
        <message>
            <source>Dynamics</source>
            <translation>动态演进</translation>
        </message>
        <message>
            <source>Transition matrices of quantile classes over the years of a panel, conditioned on the neighbours' class (spatial Markov) or between Moran scatterplot quadrants (LISA Markov, space-time transition types)</source>
            <translation>面板各年份分位数类别的转移矩阵，可以邻居类别为条件（空间马尔可夫链），或在莫兰散点图象限之间转移（LISA 马尔可夫链，时空跃迁类型）</translation>
        </message>
        <message>
            <source>Each unit is put in one of K classes every year (1 lowest ... K highest) and the moves between consecutive fields (a lag of one period) are counted: n_ij units went from class i to class j, P_ij = n_ij / n_i. Classes are quantiles as PySAL mapclassify.Quantiles: cut-offs at the 100/K, 200/K, ... percentiles with numpy's linear interpolation; a value equal to a cut-off is in the lower class; repeated cut-offs (ties) merge classes. --breaks pooled (default) cuts all unit-years at once (giddy Spatial_Markov fixed=True; classes can then show growth), per-year cuts every year at its own quantiles, or give inner cut-offs such as 0.8,0.9,1,1.2. --relative divides each year by its mean first. Printed and in the JSON summary (command line: --json): the counts (transitions), the probabilities, the steady state and the mean first passage times (mfpt: expected years to first reach class j from class i; null when it may never happen), as giddy.markov.Markov; a class with no observed transition keeps a row of zeros and is treated as absorbing for the steady state and the passage times, as giddy does.
--spatial: Rey's spatial Markov chain. The spatial lag of every unit (row-standardised weights of --weights, whatever --transform says) is cut into K classes at the quantiles of all lags pooled; a transition is counted in the matrix of the lag class at its start (K x K x K, lag class first; the matrices sum to the plain one). Homogeneity tests of Bickenbach and Bode (2003) as giddy: Q, LR, their chi-squared p-values and dof = sum_i (b_i - 1)(a_i - 1). Islands get a lag of 0 (as PySAL), which puts them in the lowest lag classes: they are named in a warning.
--lisa: the Moran scatterplot quadrant of every unit and year (standardised value against the lag of the standardised values: 1 HH, 2 LH, 3 LL, 4 HL as giddy.markov.LISA_Markov; a value at the mean counts as low), the 4 x 4 transition matrix between quadrants, and Rey's (2001) space-time transition types per period with their shares: type 0 nothing moves, I only the unit moves (HH&lt;-&gt;LH, HL&lt;-&gt;LL), II only its neighbours (HH&lt;-&gt;HL, LH&lt;-&gt;LL), III both (HH&lt;-&gt;LL, LH&lt;-&gt;HL).
Units with a missing value in any year are left out (NULL results). Years: --field gdp_* takes the fields in year order; transitions go from each field to the next, whatever the gap.
Fields written with the output (panel name + _YEAR for each year):
  MK_Lag (MKL_YEAR), integer: class 1..K of the spatial lag in the year (--spatial)
  MK_Quad (MKQ_YEAR), text: Moran scatterplot quadrant in the year: HH, LH, LL, HL (--lisa)
  MK_Type (MKT_YEAR), text: space-time transition type 0, I, II, III of the period ending in the year (--lisa)
  MK_Class (MKC_YEAR), integer: quantile class 1 (lowest) .. K (highest) in the year
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>每个单元每年被划入 K 个类别之一（1 为最低……K 为最高），并统计相邻字段之间（滞后一期）的转移：n_ij 个单元从类别 i 转移到类别 j，P_ij = n_ij / n_i。类别按分位数划分，同 PySAL mapclassify.Quantiles：分界点位于第 100/K、200/K……百分位数，采用 numpy 的线性插值；等于分界点的值归入较低类别；重复的分界点（并列值）会合并类别。--breaks pooled（默认）对全部单元-年份一次性划分（giddy Spatial_Markov fixed=True；类别因而可以反映增长），per-year 按每年各自的分位数划分，也可给出内部分界点，如 0.8,0.9,1,1.2。--relative 先将每年的值除以当年均值。打印输出和 JSON 摘要（命令行：--json）中给出：计数（transitions）、转移概率、稳态分布和平均首达时间（mfpt：从类别 i 首次到达类别 j 的期望年数；可能永远不会发生时为 null），同 giddy.markov.Markov；没有观测到转移的类别保留一行零，并在计算稳态分布和首达时间时视为吸收态，与 giddy 的处理相同。
--spatial：Rey 的空间马尔可夫链。每个单元的空间滞后（使用 --weights 的行标准化权重，不论 --transform 如何设置）按全部滞后值合并后的分位数划分为 K 类；每次转移计入其起始时滞后类别所对应的矩阵（K x K x K，滞后类别在前；各矩阵之和等于普通转移矩阵）。Bickenbach and Bode (2003) 的同质性检验，同 giddy：Q、LR 及其卡方 p 值，自由度 dof = sum_i (b_i - 1)(a_i - 1)。孤岛的空间滞后为 0（同 PySAL），因而落入最低的滞后类别：警告中会列出其名称。
--lisa：每个单元每年所在的莫兰散点图象限（标准化值对标准化值的空间滞后：1 HH、2 LH、3 LL、4 HL，同 giddy.markov.LISA_Markov；等于均值的值算作低值），象限之间的 4 x 4 转移矩阵，以及 Rey (2001) 的逐期时空跃迁类型及其占比：类型 0 均不移动，I 仅单元自身移动（HH&lt;-&gt;LH、HL&lt;-&gt;LL），II 仅其邻居移动（HH&lt;-&gt;HL、LH&lt;-&gt;LL），III 两者均移动（HH&lt;-&gt;LL、LH&lt;-&gt;HL）。
任一年份有缺失值的单元被剔除（结果为 NULL）。年份：--field gdp_* 按年份顺序取字段；转移从每个字段到下一个字段，不论间隔多久。
随输出写出的字段（面板中每年一个字段，名为 面板名 + _YEAR）：
  MK_Lag（MKL_YEAR），整数：该年空间滞后的类别 1..K（--spatial）
  MK_Quad（MKQ_YEAR），文本：该年的莫兰散点图象限：HH、LH、LL、HL（--lisa）
  MK_Type（MKT_YEAR），文本：止于该年的时段的时空跃迁类型 0、I、II、III（--lisa）
  MK_Class（MKC_YEAR），整数：该年的分位数类别 1（最低）.. K（最高）
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回其所在年份的行。</translation>
        </message>
        <message>
            <source>Number of quantile classes K</source>
            <translation>分位数类别数 K</translation>
        </message>
        <message>
            <source>Class breaks: pooled (quantiles of all years), per-year, or inner cut-offs such as 0.8,0.9,1,1.2</source>
            <translation>类别划分：pooled（全部年份的分位数）、per-year，或内部分界点，如 0.8,0.9,1,1.2</translation>
        </message>
        <message>
            <source>Divide each year by its mean first (relative values)</source>
            <translation>先将每年的值除以当年均值（相对值）</translation>
        </message>
        <message>
            <source>Spatial Markov chain conditioned on the neighbours' class (needs weights)</source>
            <translation>以邻居类别为条件的空间马尔可夫链（需要空间权重）</translation>
        </message>
        <message>
            <source>LISA Markov: transitions between Moran scatterplot quadrants and the space-time transition types (needs weights)</source>
            <translation>LISA 马尔可夫链：莫兰散点图象限之间的转移及时空跃迁类型（需要空间权重）</translation>
        </message>
        <message>
            <source>Spatial weights: queen, rook, queen:snap=0.001, queen:overlap, knn:6, band:150km, idw:300km:power=2, kernel:gaussian:k=8, or a .gal/.gwt file</source>
            <translation>空间权重：queen、rook、queen:snap=0.001、queen:overlap、knn:6、band:150km、idw:300km:power=2、kernel:gaussian:k=8，或 .gal/.gwt 文件</translation>
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
            <source>Number of classes K</source>
            <translation>类别数 K</translation>
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
HotCold comes from Gi_Bin (|bin| 3 or 2: hot/cold, 1: sub) or, with --classes natural-breaks, from Jenks natural breaks of GiZScore in five classes. Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and the label 'Isolated' (孤立单元).
Panels: --field gdp_* (or repeated) analyses every year, names the fields with their panel names and the year (GiZ_2011: Shapefile-safe) and prints one row per year with the hot and cold spots at 99, 95 and 90 %.
Without -o the run only prints its summary and writes nothing (command line: --json prints it as JSON).
Style: the output opens in QGIS categorised on Gi_Bin (of the last year): 3 #d62f27, 2 #ed7551, 1 #fab984, 0 #f7f7f7, -1 #a6bddb, -2 #5c8ac3, -3 #2166ac; on HotCold with natural breaks or with --lang zh (legend 热点区, 次热点区, 过渡区, 次冷点区, 冷点区). The legend tells units without neighbours (NNeighbors 0) from units without data.
Fields written with the output (panel name + _YEAR for each year):
  GiValue (GiV_YEAR), real: the statistic itself (Getis-Ord 1992): G_i* = sum_j w_ij x_j / sum_j x_j over all units, on the weights as transformed; with --gi, G_i = sum_{j != i} w_ij x_j / sum_{j != i} x_j; spdep localG's attr "internals" G*i / Gi; meaningful for positive x
  GiZScore (GiZ_YEAR), real: z-score of G_i* (of G_i with --gi)
  GiPValue (GiP_YEAR), real: two-sided normal p of the z-score, or the pseudo p
  GiPAdj (GiPA_YEAR), real: p adjusted for multiple tests (with --adjust fdr|bonferroni)
  Gi_Bin (GiBin_YEAR), integer: +-3, +-2, +-1 for p &lt; 0.01, 0.05, 0.10 signed by z; 0 not significant
  NNeighbors (NNb_YEAR), integer: number of neighbours, self excluded
  HotCold (HC_YEAR), integer: 2 hot, 1 sub-hot, 0 transition, -1 sub-cold, -2 cold
  HotCold_en (HCen_YEAR), text: the five classes in English
  HotCold_zh (HCzh_YEAR), text: the five classes in Chinese: 热点区, 次热点区, 过渡区, 次冷点区, 冷点区</source>
            <translation>Gi* z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2)/(n-1)))，S 为总体标准差，W_i = sum_j w_ij，S1_i = sum_j w_ij^2，j 包括 i（自身权重 1）：即 ArcGIS 的 GiZScore、R spdep 在 include.self() 权重上的 localG。--gi 不含 i 自身（spdep 在普通权重上的 localG）。
GiPValue 为 GiZScore 的双侧正态 p 值（ArcGIS），或在 --permutations N 时为条件置换伪 p 值（--p-rule、--seed；任意 --threads 结果相同）。
HotCold 由 Gi_Bin 得出（|bin| 为 3 或 2：热点/冷点，1：次热点/次冷点），或在 --classes natural-breaks 时由 GiZScore 的 Jenks 自然断点五分类得出。值为 NULL 的单元被排除（结果为 NULL）；无邻居的单元统计量为 NULL，并标记为 'Isolated'（孤立单元）。
面板：--field gdp_*（或重复给出）分析每一年，字段名为面板名加年份（GiZ_2011：适用于 Shapefile），并逐年打印一行 99%、95% 和 90% 置信度下的热点与冷点数。
未给出 -o 时只打印摘要，不写出任何文件（命令行：--json 以 JSON 格式打印摘要）。
样式：输出在 QGIS 中按（最后一年的）Gi_Bin 分类显示：3 #d62f27、2 #ed7551、1 #fab984、0 #f7f7f7、-1 #a6bddb、-2 #5c8ac3、-3 #2166ac；使用自然断点或 --lang zh 时按 HotCold 分类（图例：热点区、次热点区、过渡区、次冷点区、冷点区）。图例区分无邻居的单元（NNeighbors 为 0）与无数据的单元。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  GiValue（GiV_YEAR），实数：统计量本身（Getis-Ord 1992）：G_i* = sum_j w_ij x_j / sum_j x_j，对全部单元求和，使用变换后的权重；使用 --gi 时为 G_i = sum_{j != i} w_ij x_j / sum_{j != i} x_j；即 spdep localG 的属性 "internals" 中的 G*i / Gi；x 为正值时才有意义
  GiZScore（GiZ_YEAR），实数：G_i* 的 z 得分（使用 --gi 时为 G_i 的 z 得分）
  GiPValue（GiP_YEAR），实数：z 得分的双侧正态 p 值，或伪 p 值
  GiPAdj（GiPA_YEAR），实数：多重检验校正后的 p 值（配合 --adjust fdr|bonferroni）
  Gi_Bin（GiBin_YEAR），整数：p &lt; 0.01、0.05、0.10 时按 z 的符号取 +-3、+-2、+-1；0 为不显著
  NNeighbors（NNb_YEAR），整数：邻居数，不含自身
  HotCold（HC_YEAR），整数：2 热点、1 次热点、0 过渡、-1 次冷点、-2 冷点
  HotCold_en（HCen_YEAR），文本：五个类别的英文名称
  HotCold_zh（HCzh_YEAR），文本：五个类别的中文名称：热点区、次热点区、过渡区、次冷点区、冷点区</translation>
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
            <source>Pseudo p-value rule, with c_ge = #(simulated &gt;= observed), c_le = #(simulated &lt;= observed) of P permutations and p = (c + 1) / (P + 1): folded c = min(c_ge, P - c_ge) (GeoDa, esda); folded-ties c = min(c_ge, c_le) (ties in both tails, more conservative); greater c = c_ge; less c = c_le; two-sided 2 (min(c_ge, c_le) + 1) / (P + 1), at most 1</source>
            <translation>伪 p 值规则，记 P 次置换中 c_ge = #(simulated &gt;= observed)、c_le = #(simulated &lt;= observed)，p = (c + 1) / (P + 1)：folded 取 c = min(c_ge, P - c_ge)（GeoDa、esda）；folded-ties 取 c = min(c_ge, c_le)（两侧都计入相等值，更保守）；greater 取 c = c_ge；less 取 c = c_le；two-sided 为 2 (min(c_ge, c_le) + 1) / (P + 1)，最大为 1</translation>
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
            <source>Language of the legend of the style written with the output: en or zh</source>
            <translation>随输出写出的样式中图例的语言：en 或 zh</translation>
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
Inference: conditional permutations (default 999; a unit's neighbours are drawn from the other n-1 values; same --seed, same result for any --threads); --permutations 0 gives the analytical z and two-sided normal p under randomisation: LMiZScore then equals Z.Ii and LMiPValue Pr(z != E(Ii)) of spdep localmoran(x, listw) with its default mlvar=TRUE (a z-score does not depend on m2; localmoran(mlvar=FALSE) gives our LMiIndex but, in spdep 1.2, a Z.Ii from moments computed with m2 = sum z^2 / n).
Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and LISA_CL 6.
Panels: --field gdp_* (or repeated) analyses every year, names the fields with their panel names and the year (LMiI_2011: 10 characters, Shapefile-safe) and prints one row per year: n, global Moran's I and the counts of HH, LL, LH, HL clusters.
Without -o the run only prints its summary and writes nothing (command line: --json prints it as JSON).
Style: the output opens in QGIS categorised on LISA_CL (of the last year): HH red #d7191c, LL blue #2c7bb6, LH light blue #abd9e9, HL pink #f4a6a6, not significant light grey, undefined and isolated darker grey, NULL hatched.
Fields written with the output (panel name + _YEAR for each year):
  LMiIndex (LMiI_YEAR), real: local Moran's I_i
  LMiZScore (LMiZ_YEAR), real: z of I_i: (I_i - mean) / sd of its permutations, or the analytical z with --permutations 0
  LMiPValue (LMiP_YEAR), real: pseudo p from the permutations, or the analytical p
  LMiPAdj (LMiPA_YEAR), real: p adjusted for multiple tests (with --adjust)
  LMiExpect (LMiE_YEAR), real: E[I_i] under conditional randomisation, the exact moment of LMiIndex: spdep localmoran's E.Ii times (n-1)/n (with --moments)
  LMiVar (LMiV_YEAR), real: Var[I_i] under conditional randomisation: spdep localmoran's Var.Ii times ((n-1)/n)^2 (with --moments)
  COType (COT_YEAR), text: HH, LL, LH or HL where p &lt; --alpha, empty otherwise
  LISA_CL (LisCL_YEAR), integer: GeoDa cluster code: 0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 5 undefined, 6 isolated
  Quadrant (Quad_YEAR), text: Moran scatterplot quadrant of every unit, no significance filter
  NNeighbors (NNb_YEAR), integer: number of neighbours</source>
            <translation>I_i = z_i * sum_j w_ij z_j / m2，其中 z = x - mean，m2 = sum z^2 / (n-1)，权重行标准化（GeoDa LISA_I、esda Is、ArcGIS LMiIndex；R spdep localmoran，mlvar=FALSE）。使用 --field2 G 时为双变量：z_x,i 乘以 z_y 的空间滞后（GeoDa 双变量 LISA）。
推断：条件置换（默认 999 次；单元的邻居值从其余 n-1 个值中抽取；--seed 相同则任意 --threads 结果相同）；--permutations 0 给出随机化假设下的解析 z 与双侧正态 p 值：此时 LMiZScore 等于 spdep localmoran(x, listw) 在其默认 mlvar=TRUE 下的 Z.Ii，LMiPValue 等于其 Pr(z != E(Ii))（z 得分与 m2 无关；localmoran(mlvar=FALSE) 给出的是本工具的 LMiIndex，但在 spdep 1.2 中其 Z.Ii 由按 m2 = sum z^2 / n 计算的矩得出）。
值为 NULL 的单元被排除（结果为 NULL）；无邻居单元统计量为 NULL，LISA_CL 为 6。
面板：--field gdp_*（或重复给出）分析每一年，字段名为面板名加年份（LMiI_2011：10 个字符，适用于 Shapefile），并逐年打印一行：n、全局莫兰指数以及 HH、LL、LH、HL 聚类数。
未给出 -o 时只打印摘要，不写出任何文件（命令行：--json 以 JSON 格式打印摘要）。
样式：输出在 QGIS 中按（最后一年的）LISA_CL 分类显示：HH 红色 #d7191c、LL 蓝色 #2c7bb6、LH 浅蓝 #abd9e9、HL 粉色 #f4a6a6，不显著为浅灰，未定义和孤立为深灰，NULL 为阴影线填充。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  LMiIndex（LMiI_YEAR），实数：局部莫兰指数 I_i
  LMiZScore（LMiZ_YEAR），实数：I_i 的 z 值：按其置换结果计算的 (I_i - mean) / sd，--permutations 0 时为解析 z
  LMiPValue（LMiP_YEAR），实数：置换得到的伪 p 值，或解析 p 值
  LMiPAdj（LMiPA_YEAR），实数：多重检验校正后的 p 值（配合 --adjust）
  LMiExpect（LMiE_YEAR），实数：条件随机化下的 E[I_i]，即 LMiIndex 的精确矩：spdep localmoran 的 E.Ii 乘以 (n-1)/n（配合 --moments）
  LMiVar（LMiV_YEAR），实数：条件随机化下的 Var[I_i]：spdep localmoran 的 Var.Ii 乘以 ((n-1)/n)^2（配合 --moments）
  COType（COT_YEAR），文本：p &lt; --alpha 时为 HH、LL、LH 或 HL，否则为空
  LISA_CL（LisCL_YEAR），整数：GeoDa 聚类编码：0 不显著、1 HH、2 LL、3 LH、4 HL、5 未定义、6 孤立
  Quadrant（Quad_YEAR），文本：每个单元的莫兰散点图象限，不做显著性筛选
  NNeighbors（NNb_YEAR），整数：邻居数</translation>
        </message>
        <message>
            <source>Second field for a bivariate LISA (x against the lag of this field)</source>
            <translation>双变量 LISA 的第二个字段（x 对该字段的空间滞后）</translation>
        </message>
        <message>
            <source>Also write E[I_i] and Var[I_i] under randomisation (LMiExpect, LMiVar; spdep localmoran E.Ii, Var.Ii)</source>
            <translation>同时写出随机化假设下的 E[I_i] 与 Var[I_i]（LMiExpect、LMiVar；spdep localmoran 的 E.Ii、Var.Ii）</translation>
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
            <source>C_i = sum_j w_ij (z_i - z_j)^2 with z standardised by the sample sd (n-1, as R scale()) and row-standardised weights (R spdep localC, GeoDa). Inference by conditional permutations only (default 999; same --seed, same result for any --threads); --permutations 0 gives C_i alone (LCPValue NULL, no LC_CL).
Clusters as libgeoda's UniGeary: a unit is significant when p &lt;= --alpha; then C_i above the mean of its simulated values is negative (4), otherwise High-High (z &gt; 0, lag &gt; 0), Low-Low (z &lt; 0, lag &lt; 0) or other positive (the outlier quadrants). Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and LC_CL 6.
Panels: --field gdp_* names the fields with their panel names and the year (LCI_2011) and prints one row per year with the count of each cluster.
Without -o the run only prints its summary and writes nothing (command line: --json prints it as JSON).
Style: categorised on LC_CL (of the last year) with GeoDa's colours.
Fields written with the output (panel name + _YEAR for each year):
  LCIndex (LCI_YEAR), real: local Geary's C_i
  LCPValue (LCP_YEAR), real: pseudo p from the permutations (NULL with --permutations 0)
  LCPAdj (LCPA_YEAR), real: p adjusted for multiple tests (with --adjust)
  LC_CL (LCCL_YEAR), integer: GeoDa cluster code (libgeoda UniGeary): 0 not significant, 1 High-High, 2 Low-Low, 3 other positive, 4 negative, 5 undefined, 6 isolated
  NNeighbors (NNb_YEAR), integer: number of neighbours</source>
            <translation>C_i = sum_j w_ij (z_i - z_j)^2，z 以样本标准差（n-1，同 R scale()）标准化，权重行标准化（R spdep localC、GeoDa）。仅用条件置换推断（默认 999 次；--seed 相同则任意 --threads 结果相同）；--permutations 0 只给出 C_i（LCPValue 为 NULL，无 LC_CL）。
聚类同 libgeoda 的 UniGeary：p &lt;= --alpha 时单元为显著；此时若 C_i 高于其模拟值的均值则为负相关（4），否则为高-高（z &gt; 0，lag &gt; 0）、低-低（z &lt; 0，lag &lt; 0）或其他正相关（异常值象限）。值为 NULL 的单元被排除（结果为 NULL）；无邻居单元统计量为 NULL，LC_CL 为 6。
面板：--field gdp_* 时字段名为面板名加年份（LCI_2011），并逐年打印一行各类聚类的数目。
未给出 -o 时只打印摘要，不写出任何文件（命令行：--json 以 JSON 格式打印摘要）。
样式：按（最后一年的）LC_CL 以 GeoDa 配色分类显示。
随输出写出的字段（括号内为面板中的字段名，每年加 _YEAR 后缀）：
  LCIndex（LCI_YEAR），实数：局部 Geary 指数 C_i
  LCPValue（LCP_YEAR），实数：置换得到的伪 p 值（--permutations 0 时为 NULL）
  LCPAdj（LCPA_YEAR），实数：多重检验校正后的 p 值（配合 --adjust）
  LC_CL（LCCL_YEAR），整数：GeoDa 聚类编码（libgeoda UniGeary）：0 不显著、1 高-高、2 低-低、3 其他正相关、4 负相关、5 未定义、6 孤立
  NNeighbors（NNb_YEAR），整数：邻居数</translation>
        </message>
        <message>
            <source>Random permutations for pseudo p-values (0: C_i alone; local Geary has no analytical inference)</source>
            <translation>伪 p 值的随机置换次数（0：仅计算 C_i；局部吉尔里指数没有解析推断）</translation>
        </message>
        <message>
            <source>The input layer with the local Geary fields</source>
            <translation>带局部吉尔里字段的输入图层</translation>
        </message>
        <message>
            <source>Regional inequality: Theil, Gini, Dagum and convergence</source>
            <translation>区域差异：泰尔指数、基尼系数、Dagum 基尼系数与收敛</translation>
        </message>
        <message>
            <source>Inequality and convergence</source>
            <translation>差异与收敛</translation>
        </message>
        <message>
            <source>Theil T with between/within decomposition, Gini, CV, sd of logs and Dagum's Gini decomposition per field or year, and absolute beta convergence over a panel</source>
            <translation>按字段或按年份计算泰尔指数 T 及其组间/组内分解、基尼系数、变异系数 CV、对数标准差和 Dagum 基尼系数分解，以及面板的绝对 β 收敛</translation>
        </message>
        <message>
            <source>Inequality of a non-negative variable across units, for one field or every year of a panel (--field gdp_*; a long table with --year works the same).
Theil T (GE(1)): T = sum_i s_i ln(n s_i), s_i = y_i / sum y (PySAL inequality Theil; a zero value contributes 0). With --weight P (population, or any positive field): T = sum_i (y_i/Y) ln((y_i/Y)/(p_i/P)) as regional papers weight provinces; for a panel the weight of year YYYY is P_YYYY when the input has it, else P. With --group G: between = sum_g s_g ln(s_g / (P_g/P)) (PySAL TheilD bg; P_g/P = n_g/n without weights), within = sum_g s_g T_g = T - between, each group's T_g, share s_g = Y_g/Y and contribution s_g T_g / T.
Gini as PySAL gini.Gini: sum_i sum_j |y_i - y_j| / (2 n^2 ybar). CV = sd / mean and the sd of ln y (sigma convergence) with the sample sd (n - 1, as papers print; --sd population for n); sd_log is NULL when a value is 0. Gini, CV, sd_log and Dagum do not use --weight.
Dagum (1997) with --group: G, G_jj per group, G_jh and D_jh per pair of groups (the richer group first: D_jh in [0, 1]), G_w = sum G_jj p_j s_j, net between G_nb = sum G_jh (p_j s_h + p_h s_j) D_jh, transvariation G_t = the same with 1 - D_jh; G = G_w + G_nb + G_t; contributions in % of G.
--convergence (a panel of at least 2 years): absolute beta convergence, the OLS of the average annual growth rate ln(x_T/x_0)/T on ln(x_0) between the first and the last year (T = difference of the year tags); beta, its standard error, t, two-sided p (Student t, n - 2 df), R^2, the speed -ln(1 + beta T)/T and the half-life ln 2 / speed.
The table (--output-csv) has one row per field (year): n, T, between, within and their shares in %, T_g and contribution % per group, gini, cv, sd_log, Dagum G, G_jj per group, G_jh and D_jh per pair, and the within / net between / transvariation contributions in %.
The JSON summary (command line: --json): one field gives the object {field, year, n, theil {T, between, within, groups}, gini, cv, sd_log, dagum {G, within, net_between, transvariation, *_pct, groups, means, pairs}}; several fields give `results`, a list of those; `convergence` holds the beta regression.
Units with a NULL value, group or weight are left out (counted in a warning).
Fields written with the output (panel name + _YEAR for each year):
  IneqShare (Shr_YEAR), real: the unit's share of the total of the field
  TheilTerm (ThT_YEAR), real: the unit's term (y_i/Y) ln((y_i/Y)/(p_i/P)) of Theil's T (the terms sum to T)
  GrowthRate, real: average annual log growth rate ln(x_T/x_0)/T (with --convergence)
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>非负变量在各单元之间的差异，针对单个字段或面板的每一年（--field gdp_*；带 --year 的长表同样适用）。
泰尔指数 T（GE(1)）：T = sum_i s_i ln(n s_i)，s_i = y_i / sum y（PySAL inequality Theil；零值的贡献为 0）。使用 --weight P（人口或任意正值字段）时：T = sum_i (y_i/Y) ln((y_i/Y)/(p_i/P))，与区域研究论文对省份加权的做法相同；对于面板，YYYY 年的权重在输入中有 P_YYYY 时取 P_YYYY，否则取 P。使用 --group G 时：组间 between = sum_g s_g ln(s_g / (P_g/P))（PySAL TheilD bg；无权重时 P_g/P = n_g/n），组内 within = sum_g s_g T_g = T - between，以及各组的 T_g、份额 s_g = Y_g/Y 和贡献率 s_g T_g / T。
基尼系数同 PySAL gini.Gini：sum_i sum_j |y_i - y_j| / (2 n^2 ybar)。CV = sd / mean 以及 ln y 的标准差（σ 收敛）使用样本标准差（n - 1，与论文报告的一致；--sd population 则用 n）；有值为 0 时 sd_log 为 NULL。基尼系数、CV、sd_log 和 Dagum 不使用 --weight。
Dagum (1997)（使用 --group）：G、各组的 G_jj、每对组的 G_jh 和 D_jh（较富裕的组在前：D_jh 属于 [0, 1]），G_w = sum G_jj p_j s_j，区域间净差异 G_nb = sum G_jh (p_j s_h + p_h s_j) D_jh，超变密度 G_t = 同上式但以 1 - D_jh 代替 D_jh；G = G_w + G_nb + G_t；贡献率以占 G 的 % 表示。
--convergence（至少 2 年的面板）：绝对 β 收敛，即首年与末年之间年均增长率 ln(x_T/x_0)/T 对 ln(x_0) 的 OLS 回归（T = 年份标记之差）；给出 beta、其标准误、t、双侧 p 值（Student t 分布，n - 2 自由度）、R^2、收敛速度 -ln(1 + beta T)/T 和半衰期 ln 2 / speed。
表格（--output-csv）每个字段（年份）一行：n、T、between、within 及其占比 %，各组的 T_g 和贡献率 %，gini、cv、sd_log，Dagum G，各组的 G_jj，每对组的 G_jh 和 D_jh，以及区域内差异 / 区域间净差异 / 超变密度的贡献率 %。
JSON 摘要（命令行：--json）：单个字段时给出对象 {field, year, n, theil {T, between, within, groups}, gini, cv, sd_log, dagum {G, within, net_between, transvariation, *_pct, groups, means, pairs}}；多个字段时给出 `results`，即此类对象的列表；`convergence` 包含 β 收敛回归结果。
值、分组或权重为 NULL 的单元被剔除（在警告中计数）。
随输出写出的字段（面板中每年一个字段，名为 面板名 + _YEAR）：
  IneqShare（Shr_YEAR），实数：该单元占该字段总量的份额
  TheilTerm（ThT_YEAR），实数：该单元在泰尔指数 T 中的项 (y_i/Y) ln((y_i/Y)/(p_i/P))（各项之和为 T）
  GrowthRate，实数：年均对数增长率 ln(x_T/x_0)/T（配合 --convergence）
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回其所在年份的行。</translation>
        </message>
        <message>
            <source>Group field (region) for the Theil and Dagum decompositions</source>
            <translation>泰尔指数与 Dagum 基尼系数分解的分组字段（区域）</translation>
        </message>
        <message>
            <source>Weight field of the Theil index (population); per year WEIGHT_YEAR when present</source>
            <translation>泰尔指数的权重字段（人口）；若存在 WEIGHT_YEAR 则逐年使用</translation>
        </message>
        <message>
            <source>Standard deviation of CV and sd of logs</source>
            <translation>CV 与对数标准差所用的标准差</translation>
        </message>
        <message>
            <source>Absolute beta convergence between the first and the last year of the panel</source>
            <translation>面板首年与末年之间的绝对 β 收敛</translation>
        </message>
        <message>
            <source>Kernel density curves</source>
            <translation>核密度曲线</translation>
        </message>
        <message>
            <source>Gaussian kernel density of a field or of every year of a panel, for all units and per group, as a table and a figure</source>
            <translation>单个字段或面板各年份的高斯核密度估计，针对全部单元及各组，输出表格和图形</translation>
        </message>
        <message>
            <source>Gaussian kernel density f(x) = 1/(n h) sum_i phi((x - x_i)/h), evaluated exactly at each of --points grid points (the sum of the kernels: no binning or FFT, which R's density() uses and so only approximates). The grid runs from min - 3h to max + 3h, as density()'s default cut = 3.
Bandwidth (--bandwidth): silverman (default) = R bw.nrd0 = 0.9 min(sd, IQR/1.34) n^-1/5 (falling back to the sd, |x_1| or 1 when that is 0); scott = R bw.nrd = 1.06 min(sd, IQR/1.34) n^-1/5; or a number in the field's unit. sd is the sample sd, the IQR from R's default (type 7) quantiles. Each curve (field, group) has its own bandwidth and grid.
A curve is drawn for all units of each field (year), and with --group for each group as well. Units with a NULL value (or group) are left out.
The printed table has one row per curve: n, bandwidth, the peak (highest point) and its density, and the number of local maxima (peaks). With --output-csv the first table is the curves themselves, one row per grid point: field, group, x, density (group empty for all units).
--figure FILE.png|svg|pdf draws the curves with matplotlib (plugin/regionstat/figures/kde_curves.py): --figure-style curves (one curve per year, one panel per group), ridge (years stacked) or 3d (x, year, density).
The JSON summary (command line: --json): `bandwidth` (a number for one curve; else field -&gt; bandwidth of its all-units curve), `bandwidth_rule`, `points`, and `curves`: field, year, group, n, bandwidth, peak_x, peak_density, peaks, x, density.
Input: any layer or table GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV, XLSX, ODS); no geometry is needed. A long table (one row per unit and year) is read with the year field and the unit id field: each numeric column becomes one field per year (gdp -&gt; gdp_2011), and per-year results are written back onto the rows of their year.</source>
            <translation>高斯核密度 f(x) = 1/(n h) sum_i phi((x - x_i)/h)，在 --points 个网格点上逐点精确计算（直接对核函数求和：不做分箱或 FFT；R 的 density() 使用分箱和 FFT，因而只是近似）。网格从 min - 3h 到 max + 3h，同 density() 的默认 cut = 3。
带宽（--bandwidth）：silverman（默认）= R bw.nrd0 = 0.9 min(sd, IQR/1.34) n^-1/5（其为 0 时依次退而使用 sd、|x_1| 或 1）；scott = R bw.nrd = 1.06 min(sd, IQR/1.34) n^-1/5；或以字段单位给出的数值。sd 为样本标准差，IQR 由 R 默认（type 7）分位数计算。每条曲线（字段、组）有各自的带宽和网格。
每个字段（年份）对全部单元绘制一条曲线，使用 --group 时还为每组各绘一条。值（或分组）为 NULL 的单元被剔除。
打印的表格每条曲线一行：n、带宽、峰值（最高点）及其密度，以及局部极大值（峰）的个数。使用 --output-csv 时，第一个表格即曲线本身，每个网格点一行：field、group、x、density（全部单元的曲线 group 为空）。
--figure FILE.png|svg|pdf 用 matplotlib 绘制曲线（plugin/regionstat/figures/kde_curves.py）：--figure-style curves（每年一条曲线，每组一个子图）、ridge（各年份堆叠）或 3d（x、年份、密度）。
JSON 摘要（命令行：--json）：`bandwidth`（只有一条曲线时为一个数值；否则为 字段 -&gt; 其全部单元曲线的带宽）、`bandwidth_rule`、`points`，以及 `curves`：field、year、group、n、bandwidth、peak_x、peak_density、peaks、x、density。
输入：GDAL 可读的任何图层或表格（GeoPackage、Shapefile、GeoJSON、CSV、XLSX、ODS）；不需要几何。长表（每个单元每年一行）借助年份字段和单元标识字段读取：每个数值列变为每年一个字段（gdp -&gt; gdp_2011），逐年结果写回其所在年份的行。</translation>
        </message>
        <message>
            <source>Group field: one more curve per group</source>
            <translation>分组字段：每组另加一条曲线</translation>
        </message>
        <message>
            <source>Bandwidth: silverman (R bw.nrd0), scott (R bw.nrd) or a number</source>
            <translation>带宽：silverman（R bw.nrd0）、scott（R bw.nrd）或一个数值</translation>
        </message>
        <message>
            <source>Grid points per curve</source>
            <translation>每条曲线的网格点数</translation>
        </message>
        <message>
            <source>Figure of the curves (.png, .svg or .pdf)</source>
            <translation>曲线图（.png、.svg 或 .pdf）</translation>
        </message>
        <message>
            <source>Figure: one curve per year, a ridge of years, or a 3-D view</source>
            <translation>图形：每年一条曲线、各年份的山脊图，或三维视图</translation>
        </message>
        <message>
            <source>Print-ready map</source>
            <translation>出版级地图</translation>
        </message>
        <message>
            <source>Maps and reports</source>
            <translation>地图与报告</translation>
        </message>
        <message>
            <source>A print-ready map or small multiples (PNG, PDF, SVG) through QGIS's print layout, with the QGIS project</source>
            <translation>通过 QGIS 打印布局生成出版级地图或小多图（PNG、PDF、SVG），并保存 QGIS 工程</translation>
        </message>
        <message>
            <source>Renders a layer that RegionStat wrote with QGIS's print layout: one map, or with several fields (--field 'LisCL_*') small multiples in a grid, each panel titled by the year in its field name, with one shared legend, a title, a north arrow, a scale bar in km and a source line; with --results (the JSON summary of the command that wrote the layer) the lines under it say which data, weights, inference and seed produced the map. The symbology is the layer's own style (the QML RegionStat stores in the GeoPackage's layer_styles table or beside the file), pointed at each panel's field; --style names another (lisa, gi-bin, hot-cold, local-geary) or a .qml file. Legend labels in English or Chinese (--lang). Lon/lat layers are drawn in an Albers equal-area projection fitted to what is shown (--map-crs for another).
Overlays (--overlay PATH, PATH|layername=NAME or PATH|subset=SQL, several separated by commas, bottom to top): the migration output (ellipses, trajectory, centres; an inset zooms on the path of the centre), gravity links drawn wider the stronger they are (five classes of strength), points labelled by name, zones of influence coloured by centre. With links, points or zones the maps show their extent; the input layer is then the grey base map.
Page: A4 or A3, portrait or landscape, or --pixels WIDTHxHEIGHT; --dpi. The figure's format follows the extension of -o; PDF and SVG keep text as text with the fonts embedded. The QGIS project (-p, default FIGURE.qgz) holds the layers, styles and the print layout, to adjust in QGIS and print again. Needs QGIS (apt-get install qgis python3-qgis) and, for Chinese, fonts-noto-cjk; a text whose glyphs the font lacks is an error, not tofu.</source>
            <translation>用 QGIS 打印布局渲染 RegionStat 写出的图层：一幅地图，或给出多个字段（--field 'LisCL_*'）时按网格排列的小多图，每个子图以字段名中的年份为标题，共用一个图例，并带有标题、指北针、以 km 为单位的比例尺和数据来源说明；给出 --results（写出该图层的命令的 JSON 摘要）时，其下几行注明生成该图的数据、空间权重、统计推断和随机种子。符号化采用图层自带的样式（RegionStat 存于 GeoPackage 的 layer_styles 表或文件旁的 QML），并指向各子图的字段；--style 可指定其他样式（lisa、gi-bin、hot-cold、local-geary）或一个 .qml 文件。图例标签为英文或中文（--lang）。经纬度图层以按显示范围拟合的 Albers 等积投影绘制（--map-crs 可另行指定）。
叠加图层（--overlay PATH、PATH|layername=NAME 或 PATH|subset=SQL，多个以逗号分隔，自下而上）：迁移分析的输出（标准差椭圆、轨迹、重心；插图放大显示重心的迁移路径），引力联系线按强度加粗（五级强度），点按名称标注，影响范围按中心着色。有联系线、点或影响范围时地图显示其范围，输入图层作为灰色底图。
页面：A4 或 A3，纵向或横向，或 --pixels 宽x高；--dpi。图件格式由 -o 的扩展名决定；PDF 和 SVG 保留文字并嵌入字体。QGIS 工程（-p，默认 图件名.qgz）包含图层、样式和打印布局，可在 QGIS 中调整后再次打印。需要 QGIS（apt-get install qgis python3-qgis），中文需要 fonts-noto-cjk；字体缺字时报错，而不是输出方框。</translation>
        </message>
        <message>
            <source>Field(s) to map, one panel each (a pattern such as LisCL_* for the years)</source>
            <translation>制图字段，每个字段一个子图（可用 LisCL_* 这样的模式表示各年份）</translation>
        </message>
        <message>
            <source>Style: empty for the layer's own, lisa, gi-bin, hot-cold, local-geary or a .qml file</source>
            <translation>样式：留空为图层自带样式，或 lisa、gi-bin、hot-cold、local-geary、一个 .qml 文件</translation>
        </message>
        <message>
            <source>Overlay layers, comma-separated (PATH, PATH|layername=NAME, PATH|subset=SQL), bottom to top</source>
            <translation>叠加图层，以逗号分隔（PATH、PATH|layername=NAME、PATH|subset=SQL），自下而上</translation>
        </message>
        <message>
            <source>Title (default: what is mapped and the years)</source>
            <translation>标题（默认：制图内容与年份）</translation>
        </message>
        <message>
            <source>Language of the legend and texts</source>
            <translation>图例与文字的语言</translation>
        </message>
        <message>
            <source>Paper size</source>
            <translation>纸张大小</translation>
        </message>
        <message>
            <source>Page orientation</source>
            <translation>页面方向</translation>
        </message>
        <message>
            <source>Page in pixels instead of paper, WIDTHxHEIGHT (e.g. 2400x1600)</source>
            <translation>以像素指定页面（代替纸张），宽x高（如 2400x1600）</translation>
        </message>
        <message>
            <source>Resolution (dots per inch)</source>
            <translation>分辨率（每英寸点数）</translation>
        </message>
        <message>
            <source>Panels per row (0: the arrangement with the largest maps)</source>
            <translation>每行子图数（0：使地图最大的排列）</translation>
        </message>
        <message>
            <source>Legend title (default: the kind of the mapped field)</source>
            <translation>图例标题（默认：制图字段的类型）</translation>
        </message>
        <message>
            <source>Source and credit line (default: the data files)</source>
            <translation>数据来源与署名（默认：数据文件）</translation>
        </message>
        <message>
            <source>JSON summary (command line: --json) of the command that wrote the layer: the figure names its data, weights, inference and seed</source>
            <translation>写出该图层的命令的 JSON 摘要（命令行：--json）：图件注明其数据、空间权重、统计推断和随机种子</translation>
        </message>
        <message>
            <source>CRS of the maps (EPSG code or PROJ string; default: fitted Albers for lon/lat)</source>
            <translation>地图坐标系（EPSG 代码或 PROJ 字符串；默认：经纬度数据用拟合的 Albers 投影）</translation>
        </message>
        <message>
            <source>Figure to write (.png, .pdf or .svg)</source>
            <translation>输出图件（.png、.pdf 或 .svg）</translation>
        </message>
        <message>
            <source>QGIS project with the layout (default: the figure's name with .qgz)</source>
            <translation>含打印布局的 QGIS 工程（默认：图件名加 .qgz）</translation>
        </message>
        <message>
            <source>Replace existing output files</source>
            <translation>替换已存在的输出文件</translation>
        </message>
        <message>
            <source>The figure</source>
            <translation>图件</translation>
        </message>
        <message>
            <source>QGIS project with the print layout</source>
            <translation>含打印布局的 QGIS 工程</translation>
        </message>
        <message>
            <source>Number of map panels</source>
            <translation>子图数量</translation>
        </message>
        <message>
            <source>Report of a run</source>
            <translation>运行报告</translation>
        </message>
        <message>
            <source>An HTML report of a run: the JSON results of earlier commands as tables, and the figures</source>
            <translation>一次运行的 HTML 报告：以表格呈现先前命令的 JSON 结果，并附图件</translation>
        </message>
        <message>
            <source>Gathers the results of a run into one HTML page. --results takes the JSON summaries of the commands (command line: regionstat moran ... --json &gt; moran.json): each becomes a section headed by where it comes from (input, weights, inference, permutations, seed, p rule, projection), with its per-year or per-unit lists as tables (Moran's I per year, cluster counts, migration moves, strongest links). --figures takes images (PNG, SVG; PDF linked), e.g. the figures of regionstat map and their .qgz projects; each is copied into the folder REPORT_files beside the report, so every figure is also a file of its own. Several files are separated by commas. --pdf prints the page to PDF with the Qt of QGIS (needs qgis, python3-qgis; fonts-noto-cjk for Chinese).</source>
            <translation>把一次运行的结果汇集成一个 HTML 页面。--results 接受各命令的 JSON 摘要（命令行：regionstat moran ... --json &gt; moran.json）：每个摘要成为一节，节首注明其来源（输入、空间权重、推断方法、置换次数、随机种子、p 值规则、投影），其逐年或逐单元的列表以表格呈现（逐年 Moran's I、集聚类型计数、重心迁移、最强联系）。--figures 接受图件（PNG、SVG；PDF 以链接给出），如 regionstat map 的图件及其 .qgz 工程；每个图件复制到报告旁的 REPORT_files 文件夹，使每幅图件也是单独的文件。多个文件以逗号分隔。--pdf 用 QGIS 的 Qt 把页面打印为 PDF（需要 qgis、python3-qgis；中文需要 fonts-noto-cjk）。</translation>
        </message>
        <message>
            <source>Title of the report</source>
            <translation>报告标题</translation>
        </message>
        <message>
            <source>JSON summaries of earlier commands (command line: --json), comma-separated</source>
            <translation>先前命令的 JSON 摘要（命令行：--json），以逗号分隔</translation>
        </message>
        <message>
            <source>Figures to include (PNG, SVG, PDF), comma-separated</source>
            <translation>要包含的图件（PNG、SVG、PDF），以逗号分隔</translation>
        </message>
        <message>
            <source>HTML report to write</source>
            <translation>输出 HTML 报告</translation>
        </message>
        <message>
            <source>The report also as PDF (printed with QGIS's Qt)</source>
            <translation>报告的 PDF 版本（用 QGIS 的 Qt 打印）</translation>
        </message>
        <message>
            <source>The report</source>
            <translation>报告</translation>
        </message>
        <message>
            <source>The report as PDF</source>
            <translation>报告的 PDF 版本</translation>
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
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default, c = min(c_ge, P - c_ge) as GeoDa and esda; folded-ties, greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation>Geary's C = (n - 1) / (2 S0) sum_ij w_ij (x_i - x_j)^2 / sum_i (x_i - mean)^2；E[C] = 1，正的空间自相关时 C &lt; 1。正态与随机化假设下的方差同 R spdep geary.test（z = (1 - C) / sd，因此 z &gt; 0 为正自相关）；置换推断同 geary.mc。
推断（每个数值都注明其来源）：'normality'（正态）与 'randomization'（随机化）是 spdep 检验的解析矩（randomisation=FALSE/TRUE，含峰度项）；'permutation'（置换）数值来自对该字段的 --permutations 次随机置换（spdep moran.mc/geary.mc），使用以 --seed 为键的计数器型随机数生成器，因此任意 --threads 取值结果完全相同。z_permutation = (statistic - mean of the permutations) / their sd；z_permutation_se = (statistic - expected) / that sd，配合单侧 p 值，这是已发表表格中自助法标准误的惯例。--p-rule（默认 folded，即 c = min(c_ge, P - c_ge)，同 GeoDa 与 esda；另有 folded-ties、greater、less、two-sided）适用于所有 p 值；z 为正表示正的空间自相关（对 Geary 而言即 C &lt; 1），因此 'greater' 是 spdep 的默认备择假设。
面板：--field 可重复给出或使用通配模式（gdp_*）；每个字段使用相同的权重和种子进行分析，并输出为表格中的一行（--output-csv 写出该表）。
缺失值（NULL、NaN、文本）被排除并给出计数警告，权重先限制在其余单元上再做变换（同 spdep 的 subset.listw）。无邻居单元按 spdep 的 zero.policy=TRUE 方式保留：其值计入均值和方差，其空间滞后为 0，而 E[.] 与方差中的 n 只计有邻居的单元。</translation>
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
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default, c = min(c_ge, P - c_ge) as GeoDa and esda; folded-ties, greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation>General G = sum_{i != j} w_ij x_i x_j / sum_{i != j} x_i x_j，x 非负，使用二值权重（B，此处默认）或非标准化权重（U）；拒绝行标准化权重。E[G] = S0 / (n (n - 1))；方差按 Getis 与 Ord（1992，含勘误中 B1 的系数 6），同 R spdep globalG.test（adjust.x=TRUE：无邻居单元不计入分母），作为随机化推断报告；z &gt; 0 表示高值聚集。
推断（每个数值都注明其来源）：'normality'（正态）与 'randomization'（随机化）是 spdep 检验的解析矩（randomisation=FALSE/TRUE，含峰度项）；'permutation'（置换）数值来自对该字段的 --permutations 次随机置换（spdep moran.mc/geary.mc），使用以 --seed 为键的计数器型随机数生成器，因此任意 --threads 取值结果完全相同。z_permutation = (statistic - mean of the permutations) / their sd；z_permutation_se = (statistic - expected) / that sd，配合单侧 p 值，这是已发表表格中自助法标准误的惯例。--p-rule（默认 folded，即 c = min(c_ge, P - c_ge)，同 GeoDa 与 esda；另有 folded-ties、greater、less、two-sided）适用于所有 p 值；z 为正表示正的空间自相关（对 Geary 而言即 C &lt; 1），因此 'greater' 是 spdep 的默认备择假设。
面板：--field 可重复给出或使用通配模式（gdp_*）；每个字段使用相同的权重和种子进行分析，并输出为表格中的一行（--output-csv 写出该表）。
缺失值（NULL、NaN、文本）被排除并给出计数警告，权重先限制在其余单元上再做变换（同 spdep 的 subset.listw）。无邻居单元按 spdep 的 zero.policy=TRUE 方式保留：其值计入均值和方差，其空间滞后为 0，而 E[.] 与方差中的 n 只计有邻居的单元。</translation>
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
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default, c = min(c_ge, P - c_ge) as GeoDa and esda; folded-ties, greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation>Moran's I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2，z = x - mean(x)；E[I] = -1/(n-1)。正态与随机化假设下的方差同 R spdep moran.test；置换推断同 moran.mc。使用 --field2 Y 时：每个字段对 Y 的空间滞后的双变量莫兰指数 I_xy = (n / S0) sum_i zx_i sum_j w_ij zy_j / sum_i zx_i^2，x 与 y 以样本标准差标准化（GeoDa、PySAL esda Moran_BV）；仅通过置换 Y 进行推断。--report FILE.html 写出表格以及每个字段的莫兰散点图（内嵌 SVG）。
推断（每个数值都注明其来源）：'normality'（正态）与 'randomization'（随机化）是 spdep 检验的解析矩（randomisation=FALSE/TRUE，含峰度项）；'permutation'（置换）数值来自对该字段的 --permutations 次随机置换（spdep moran.mc/geary.mc），使用以 --seed 为键的计数器型随机数生成器，因此任意 --threads 取值结果完全相同。z_permutation = (statistic - mean of the permutations) / their sd；z_permutation_se = (statistic - expected) / that sd，配合单侧 p 值，这是已发表表格中自助法标准误的惯例。--p-rule（默认 folded，即 c = min(c_ge, P - c_ge)，同 GeoDa 与 esda；另有 folded-ties、greater、less、two-sided）适用于所有 p 值；z 为正表示正的空间自相关（对 Geary 而言即 C &lt; 1），因此 'greater' 是 spdep 的默认备择假设。
面板：--field 可重复给出或使用通配模式（gdp_*）；每个字段使用相同的权重和种子进行分析，并输出为表格中的一行（--output-csv 写出该表）。
缺失值（NULL、NaN、文本）被排除并给出计数警告，权重先限制在其余单元上再做变换（同 spdep 的 subset.listw）。无邻居单元按 spdep 的 zero.policy=TRUE 方式保留：其值计入均值和方差，其空间滞后为 0，而 E[.] 与方差中的 n 只计有邻居的单元。</translation>
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
Methods: queen (shared point) and rook (shared edge) contiguity, with --contiguity exact (coincident vertices), snap (vertices within --tolerance, layer units) or overlap (shared boundary segments whose vertices differ); knn (--k nearest neighbours, --symmetric); band (all units within --distance); idw (1/d^power, optionally within --distance); kernel (triangular, uniform, epanechnikov, quartic, gaussian; fixed --distance bandwidth or adaptive to the distance of the k-th neighbour, k given by --k). Geographic layers use great-circle distances in km.
--order N builds higher-order contiguity (units exactly N steps apart, or within N steps with --cumulative), as spdep's nblag / nblag_cumul.
--weights takes instead the same spec as the analyses' --weights (e.g. knn:k=6, idw:300km:power=2, queen:order=2), or a .gal/.gwt file, which is then summarised.
The summary reports units, links, neighbours per unit (min/mean/max), islands (units without neighbours, listed by id) and connected components; --min-threshold also reports the smallest distance band that leaves no island (between unit centroids, or the points the distance options choose, whatever the method), in km for geographic layers and layers in metres.</source>
            <translation>由面图层或点图层构建空间权重矩阵，写成 GeoDa 的 GAL 文件（邻居列表；邻接、kNN、距离带）或 GWT 文件（带权联系；反距离、核函数），可被 GeoDa、PySAL、R spdep（read.gal、read.gwt2nb）和 ArcGIS 读取。
方法：queen（共点）与 rook（共边）邻接，--contiguity 可选 exact（顶点重合）、snap（顶点在 --tolerance 以内，图层单位）或 overlap（顶点不同但边界线段重叠）；knn（--k 个最近邻，--symmetric）；band（--distance 以内的所有单元）；idw（1/d^power，可限定在 --distance 以内）；kernel（triangular、uniform、epanechnikov、quartic、gaussian；固定带宽 --distance 或自适应到第 --k 个邻居）。地理坐标图层使用大圆距离（km）。
--order N 构建高阶邻接（恰好相隔 N 步的单元，或使用 --cumulative 时 N 步以内的单元），同 spdep 的 nblag / nblag_cumul。
--weights 则接受与各分析的 --weights 相同的设定（如 knn:k=6、idw:300km:power=2、queen:order=2），或一个 .gal/.gwt 文件，此时对其进行概要统计。
概要报告单元数、联系数、每个单元的邻居数（最小/平均/最大）、孤岛（无邻居的单元，按 id 列出）和连通分量数；--min-threshold 另报告不产生孤岛的最小距离带（无论何种方法，均按单元质心或距离选项所选的点计算；地理坐标图层和以米为单位的图层以 km 表示）。</translation>
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
            <source>Distance band / bandwidth, e.g. 150km, 20000m, or a number (km for geographic layers and layers measured on their ellipsoid, else layer units)</source>
            <translation>距离带 / 带宽，如 150km、20000m，或一个数值（地理坐标图层及在其椭球面上量算的图层为 km，否则为图层单位）</translation>
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
            <source>Weights spec as the analyses take it (knn:k=6, idw:300km:power=2) or a .gal/.gwt file to summarise, instead of the method and its options</source>
            <translation>与各分析相同的空间权重设定（knn:k=6、idw:300km:power=2），或要概要统计的 .gal/.gwt 文件，用以代替方法及其选项</translation>
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
            <source>a temporary layer</source>
            <translation>临时图层</translation>
        </message>
        <message>
            <source> (selected features)</source>
            <translation>（仅所选要素）</translation>
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
            <source>ENCODING applies to a layer read from a file (such as a Shapefile).</source>
            <translation>ENCODING 仅适用于从文件读取的图层（如 Shapefile）。</translation>
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
            <source>The result style could not be saved with {}: {}</source>
            <translation>结果的样式未能随 {} 保存：{}</translation>
        </message>
        <message>
            <source>Could not read the result written by RegionStat: {}</source>
            <translation>无法读取 RegionStat 写出的结果：{}</translation>
        </message>
        <message>
            <source>Unknown encoding: {}</source>
            <translation>未知编码：{}</translation>
        </message>
        <message>
            <source>The result style could not be applied: {}</source>
            <translation>无法应用结果样式：{}</translation>
        </message>
        <message>
            <source>Choose the figure to write (OUTPUT).</source>
            <translation>请选择要输出的图件（OUTPUT）。</translation>
        </message>
        <message>
            <source>In QGIS, STYLE is a .qml file; by default the figure uses the layer's current style.</source>
            <translation>在 QGIS 中，STYLE 为一个 .qml 文件；默认使用图层当前的样式。</translation>
        </message>
        <message>
            <source>Rendering the print layout with QGIS</source>
            <translation>正在用 QGIS 渲染打印布局</translation>
        </message>
        <message>
            <source>RESULTS is not the JSON summary of a RegionStat command: {}</source>
            <translation>RESULTS 不是 RegionStat 命令的 JSON 摘要：{}</translation>
        </message>
        <message>
            <source>RESULTS cannot be read: {}</source>
            <translation>无法读取 RESULTS：{}</translation>
        </message>
        <message>
            <source>PIXELS expects WIDTHxHEIGHT, e.g. 2400x1600, not {}</source>
            <translation>PIXELS 应为 宽x高，如 2400x1600，而不是 {}</translation>
        </message>
        <message>
            <source>The RegionStat core module could not be loaded ({}). The plugin contains it for Python 3.11 on 64-bit Linux; build it from the source for other systems.</source>
            <translation>无法加载 RegionStat 核心模块（{}）。插件所含模块适用于 64 位 Linux 上的 Python 3.11；其他系统请从源代码构建。</translation>
        </message>
        <message>
            <source>Spatial weights method</source>
            <translation>空间权重方法</translation>
        </message>
        <message>
            <source>Number of nearest neighbours (knn; adaptive kernel)</source>
            <translation>最近邻个数（knn；自适应核）</translation>
        </message>
        <message>
            <source>Distance band or kernel bandwidth (band, idw, kernel), e.g. 150km or 20000m</source>
            <translation>距离带或核带宽（band、idw、kernel），如 150km 或 20000m</translation>
        </message>
        <message>
            <source>Snapping tolerance of contiguity, in layer units (0: coincident vertices)</source>
            <translation>邻接的捕捉容差，图层单位（0：顶点重合）</translation>
        </message>
        <message>
            <source>Inverse distance power (idw)</source>
            <translation>反距离幂次（idw）</translation>
        </message>
        <message>
            <source>Kernel function (kernel)</source>
            <translation>核函数（kernel）</translation>
        </message>
        <message>
            <source>Distance band weights need a distance, e.g. 150km</source>
            <translation>距离带权重需要给出距离，如 150km</translation>
        </message>
    </context>
</TS>
