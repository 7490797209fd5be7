<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_Hans" sourcelanguage="en">
    <context>
        <name>RegionStat</name>
        <message>
            <source>Centre of gravity (mean, median, central feature)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centres of gravity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weighted mean centre, median centre or central feature of the units, optionally per group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The centre of gravity of a development field: each unit is its point (polygon centroid, or the point of a point layer), weighted by --weight.
  mean    - weighted mean centre: x = sum w_i x_i / sum w_i, y likewise (ArcGIS Mean Center).
  median  - the point minimising sum w_i d_i (spatial median, centre of minimum distance; ArcGIS Median Center), Weiszfeld's iteration from the mean centre with Vardi-Zhang's step when the iterate meets a unit's point; --tolerance is relative to the points' spread.
  central - the unit with the smallest sum_j w_j d_ij (ArcGIS Central Feature).
Geographic layers are measured in a projection (--projection; default Albers equal-area with standard parallels at 1/6 and 5/6 of the layer's latitude range, centred on its extent), and the centres are written back in the layer's CRS. Units with a NULL weight are left out with a warning; negative weights are an error.
Output (-o): one point per group with group, type, n, weight_sum, center_x, center_y (layer CRS), and for the median iterations and converged, for the central feature its id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Input layer (any vector format GDAL reads; /vsigzip/ paths work)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer name inside a multi-layer source (GeoPackage)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field with unique unit ids (default: feature id)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribute encoding of a Shapefile without .cpg (e.g. GBK)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CRS to assume when the layer has none (e.g. EPSG:4326 for a CSV of lon/lat)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind of centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weight field (e.g. GDP); default: every unit weighs 1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grouping field: one centre per group (e.g. region)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribute filter on the input (OGR SQL WHERE clause, e.g. "province = 'Henan'")</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where geographic (lon/lat) layers are measured: equal-area (Albers fitted to the layer's extent), equidistant (azimuthal equidistant at its centre), or a projected CRS such as EPSG:3415</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point of each polygon: its centroid or a point on its surface</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Median centre: stop when a step is below this fraction of the points' spread</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Median centre: most Weiszfeld iterations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output layer (.gpkg, .shp, .geojson, ...): the input with result fields appended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GDAL driver of the output (default: from the extension)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace an existing output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefix for result field names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suffix for result field names (e.g. _2011)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer creation option NAME=VALUE for GDAL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Standard deviational ellipse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weighted standard deviational ellipse (directional distribution) at 1, 2 or 3 standard deviations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The standard deviational ellipse of the units' points weighted by --weight: centred on the weighted mean centre, its axes along the eigenvectors of the weighted covariance matrix (the same axes as ArcGIS's tan(theta) = (A + B) / C).
--convention sets the standard distance sigma along each axis, d_i being a point's coordinate along the axis relative to the centre:
  arcgis (default) - sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i), as ArcGIS Directional Distribution; what regional papers print.
  crimestat - sigma = sqrt(2) * sqrt(sum w_i d_i^2 / sum w_i * n / (n - 2)): the sqrt(2) with the n - 2 degrees of freedom of Levine's CrimeStat.
  unscaled - sigma = sqrt(sum w_i d_i^2 / sum w_i): the plain weighted standard deviation along each axis (Lefever, Yuill).
--std 2 or 3 multiplies the axes. Reported: semi_major a &gt;= semi_minor b, rotation_deg (azimuth of the major axis, degrees clockwise from north, 0-180), flattening (a - b) / a, area pi a b, perimeter by Ramanujan's second approximation pi (a + b) (1 + 3h / (10 + sqrt(4 - 3h))), h = ((a - b) / (a + b))^2.
Geographic layers are measured in a projection (--projection; default Albers equal-area fitted to the layer's extent): lengths in km, areas in km2; the ellipse polygon is written back in the layer's CRS. Projected layers are measured in their own CRS (km when the unit is the metre, otherwise layer units, named in the output).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size of the ellipse in standard deviations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scaling of the standard distances</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grouping field: one ellipse per group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vertices of the ellipse polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gravity model linkage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Linkage strength between centres R_ij = k M_i M_j / d_ij^b, totals, shares and strongest partners</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gravity model of linkage between development centres (cities, or the points of polygons): R_ij = k * M_i * M_j / d_ij^b for every pair. The mass --mass is a numeric field or a small expression of fields: numbers, + - * / ^, parentheses and sqrt, log, exp, abs - e.g. 'sqrt(pop * gdp)' (the geometric mean of two masses); field names with spaces go in double quotes. d is geodesic km on the layer's ellipsoid for geographic layers (PROJ geod_inverse), planar for projected ones (km when the unit is the metre), or taken from --cost, a CSV of origin,destination,cost rows keyed by --id (pairs absent from it get no link).
Output (-o): a line layer, one line per pair, with origin, destination, distance_km (or distance in layer units), strength. --top K keeps the links among the K strongest of either end; --threshold T those with strength &gt;= T. Per centre: total linkage T_i = sum_j R_ij (over all pairs, before filtering), share T_i / sum T, strongest partner - in the summary and in --centres-output (a point layer). Units without a mass are left out with a warning.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mass: a field or an expression such as sqrt(pop * gdp)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Distance decay exponent b</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gravity constant k</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the K strongest links of each centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep links with strength &gt;= T</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV of origin,destination,cost (ids of --id) instead of distances</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point layer of centres with total, share and strongest partner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Migration of the centre of gravity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centre of gravity and standard deviational ellipse per year, with direction, distance and speed of each move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given one weight field per year (--weight 'gdp_*' or a list; the year is the last number in each field name, else the field's position), computes for each year the weighted mean centre and the standard deviational ellipse (--std, --convention as in `regionstat ellipse`), and for each step between consecutive years the move: azimuth (degrees clockwise from north) with its 16-point compass label (N, NNE, NE, ...), distance (km), speed (km per year) and the cumulative path. Centres and ellipses are computed in the measuring projection (--projection; geographic layers default to Albers equal-area fitted to the extent); the moves between centres are geodesic on the layer's ellipsoid for geographic layers, planar otherwise.
Output (-o): in a GeoPackage the layers `centres` (points, one per year), `trajectory` (lines, one per step) and `ellipses` (polygons, one per year); for single-layer formats three files NAME_centres, NAME_trajectory, NAME_ellipses. The table of moves is printed and written with --table CSV.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weight fields, one per year (gdp_* or a list)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size of the ellipses in standard deviations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scaling of the ellipse's standard distances</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV table of the centres and moves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hot spots (Getis-Ord Gi*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hot spots and clusters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Getis-Ord Gi* hot and cold spots (Gi with --gi) for one field or every year of a panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gi* z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2)/(n-1))), S the population sd, W_i = sum_j w_ij, S1_i = sum_j w_ij^2, j including i (self weight 1): ArcGIS GiZScore, R spdep localG on include.self() weights. --gi leaves i out (spdep localG on plain weights).
GiPValue is the two-sided normal p of GiZScore (ArcGIS), or with --permutations N the conditional-permutation pseudo p (--p-rule, --seed; same result for any --threads).
Fields: GiZScore, GiPValue, GiPAdj (with --adjust fdr|bonferroni), Gi_Bin (+-3, +-2, +-1 for p &lt; 0.01, 0.05, 0.10 signed by z; 0 not significant), NNeighbors (neighbours, self excluded), HotCold (2 hot, 1 sub-hot, 0 transition, -1 sub-cold, -2 cold), HotCold_en and HotCold_zh (热点区, 次热点区, 过渡区, 次冷点区, 冷点区). HotCold comes from Gi_Bin (|bin| 3 or 2: hot/cold, 1: sub) or, with --classes natural-breaks, from Jenks natural breaks of GiZScore in five classes. Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and the label 'Isolated' (孤立单元).
Panels: --field gdp_* (or repeated) analyses every year and names the fields with the year: GiZ_2011, GiP_2011, GiPA_2011, GiBin_2011, NNb_2011, HC_2011, HCen_2011, HCzh_2011 (Shapefile-safe), and prints one row per year with the hot and cold spots at 99, 95 and 90 %.
Style: the output opens in QGIS categorised on Gi_Bin (of the last year): 3 #d62f27, 2 #ed7551, 1 #fab984, 0 #f7f7f7, -1 #a6bddb, -2 #5c8ac3, -3 #2166ac; on HotCold with natural breaks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numeric field(s) to analyse; several or a pattern (gdp_*) for a panel of years</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gi (self excluded) instead of Gi* (self included)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Five-class hot/cold labelling from significance bins or natural breaks of GiZScore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spatial weights: queen, rook, queen:snap=0.001, queen:overlap, knn:6, band:150km, idw:2:300km, kernel:gaussian:k=8, or a .gal/.gwt file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weights transform: W row-standardised, B binary, S variance-stabilising, U as built</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random permutations for pseudo p-values (0: analytical p of the z-score, as ArcGIS)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random seed (same seed, same results for any number of threads)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Threads for permutations (0: all cores)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pseudo p-value rule: folded (GeoDa, esda), greater, less, two-sided</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Significance level for clusters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Multiple-testing adjustment of local p-values: none, fdr (Benjamini-Hochberg), bonferroni</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The input layer with the hot spot fields</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hot spots at 90 % or more (last field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cold spots at 90 % or more (last field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local Moran's I (LISA)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local Moran's I (LISA) clusters and outliers, univariate or bivariate, for one field or every year of a panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I_i = z_i * sum_j w_ij z_j / m2 with z = x - mean, m2 = sum z^2 / (n-1) and row-standardised weights (GeoDa LISA_I, esda Is, ArcGIS LMiIndex; R spdep localmoran with mlvar=FALSE). Bivariate with --field2 G: z_x,i times the lag of z_y (GeoDa's bivariate LISA).
Inference: conditional permutations (default 999; a unit's neighbours are drawn from the other n-1 values; same --seed, same result for any --threads); --permutations 0 gives the analytical z and two-sided normal p under randomisation (spdep Z.Ii).
Fields: LMiIndex (I_i), LMiZScore ((I_i - mean)/sd of the permutations; analytical z with --permutations 0), LMiPValue (pseudo p, or analytical p), LMiPAdj (with --adjust), COType (HH, LL, LH, HL where p &lt; --alpha, empty otherwise), LISA_CL (GeoDa code: 0 not significant, 1 HH, 2 LL, 3 LH, 4 HL, 5 undefined, 6 isolated), Quadrant (Moran scatterplot quadrant of every unit, no significance filter), NNeighbors. Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and LISA_CL 6.
Panels: --field gdp_* (or repeated) analyses every year and names the fields with the year: LMiI_2011, LMiZ_2011, LMiP_2011, LMiPA_2011, COT_2011, LisCL_2011, Quad_2011, NNb_2011 (10 characters, Shapefile-safe), and prints one row per year: n, global Moran's I and the counts of HH, LL, LH, HL clusters.
Style: the output opens in QGIS categorised on LISA_CL (of the last year): HH red #d7191c, LL blue #2c7bb6, LH light blue #abd9e9, HL pink #f4a6a6, not significant light grey, undefined and isolated darker grey, NULL hatched.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Second field for a bivariate LISA (x against the lag of this field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random permutations for pseudo p-values (0: analytical inference only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The input layer with the LISA fields</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Global Moran's I (of the last field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Significant High-High units (last field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Significant Low-Low units (last field)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local Geary's c</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local Geary's c with conditional permutation inference, for one field or every year of a panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C_i = sum_j w_ij (z_i - z_j)^2 with z standardised by the population sd and row-standardised weights (R spdep localC, GeoDa). Inference by conditional permutations only (default 999; same --seed, same result for any --threads).
Fields: LCIndex (C_i), LCPValue (pseudo p), LCPAdj (with --adjust), LC_CL (GeoDa cluster: 0 not significant, 1 High-High, 2 Low-Low, 3 other positive, 4 negative, 5 undefined, 6 isolated), NNeighbors. Units with a NULL value are excluded (NULL results); units without neighbours get NULL statistics and LC_CL 6.
Panels: --field gdp_* names the fields LCI_2011, LCP_2011, LCPA_2011, LCCL_2011, NNb_2011 and prints one row per year with the count of each cluster.
Style: categorised on LC_CL (of the last year) with GeoDa's colours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random permutations for pseudo p-values (local Geary has no analytical inference)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The input layer with the local Geary fields</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Global Geary's C</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spatial autocorrelation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Global Geary's C with analytical and permutation inference, per field or per year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Geary's C = (n - 1) / (2 S0) sum_ij w_ij (x_i - x_j)^2 / sum_i (x_i - mean)^2; E[C] = 1, C &lt; 1 for positive spatial autocorrelation. Variances under normality and randomisation as R spdep geary.test (z = (1 - C) / sd, so z &gt; 0 is positive autocorrelation); permutation inference as geary.mc.
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default; greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numeric field(s) to analyse; repeat or use a pattern such as gdp_* for one row per year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV file of the per-field table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTML report with the table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace existing output files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The statistic (C) of the first field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Its expectation under the null</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>z under randomisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p under randomisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pseudo p from the permutations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per-field table (CSV)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTML report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Getis-Ord General G</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Getis-Ord General G (high/low clustering) with analytical and permutation inference, per field or per year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>General G = sum_{i != j} w_ij x_i x_j / sum_{i != j} x_i x_j for non-negative x, with binary (B, the default here) or non-standardised (U) weights; row-standardised weights are refused. E[G] = S0 / (n (n - 1)); variance of Getis and Ord (1992, with the erratum coefficient 6 in B1) as R spdep globalG.test (adjust.x=TRUE: units without neighbours are left out of the denominator), reported as the randomization inference; z &gt; 0 means high values cluster.
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default; greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The statistic (G) of the first field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Global Moran's I</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Global Moran's I (and bivariate Moran's I) with analytical and permutation inference, per field or per year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moran's I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2 with z = x - mean(x); E[I] = -1/(n-1). Variances under normality and randomisation as R spdep moran.test; permutation inference as moran.mc. With --field2 Y: bivariate Moran's I of each field against the spatial lag of Y, I_xy = (n / S0) sum_i zx_i sum_j w_ij zy_j / sum_i zx_i^2 with x and y standardised by the sample sd (GeoDa, PySAL esda Moran_BV); inference by permutations of Y only. --report FILE.html writes the table and a Moran scatterplot per field (inline SVG).
Inference, said for every number: 'normality' and 'randomization' are the analytical moments of spdep's tests (randomisation=FALSE/TRUE, with the kurtosis term); 'permutation' numbers come from --permutations random permutations of the field (spdep moran.mc/geary.mc), with a counter-based generator keyed by --seed so any --threads value gives identical results. z_permutation = (statistic - mean of the permutations) / their sd; z_permutation_se = (statistic - expected) / that sd with a one-sided p is the bootstrap-standard-error convention of published tables. --p-rule (folded by default; greater, less, two-sided) applies to all p-values; a positive z means positive spatial autocorrelation (for Geary, C &lt; 1), so 'greater' is spdep's default alternative.
Panels: --field may be repeated or be a pattern (gdp_*); every field is analysed with the same weights and seed and printed as one table row (--output-csv writes the table).
Missing values (NULL, NaN, text) are excluded with a counted warning and the weights are restricted to the remaining units, then transformed (as spdep's subset.listw). Units without neighbours are kept as spdep's zero.policy=TRUE does: their value counts in the mean and variance, their lag is 0, and n in E[.] and the variances counts only units with neighbours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Second field for bivariate Moran's I: each --field against the spatial lag of this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTML report with the table and a Moran scatterplot per field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The statistic (I) of the first field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer information</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spatial weights</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Describe a layer: layers, features, geometry type, CRS, fields, invalid and empty geometries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lists the layers of a dataset and, for the chosen layer, the number of features, the geometry type, the CRS (and whether distances will be great-circle km), every field with its type and count of NULL values, and the features whose geometry is empty or invalid (invalid geometries are repaired with GEOS MakeValid when analysed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Build spatial weights (contiguity, nearest neighbours, distance, kernels), write them as GAL/GWT and summarise them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Builds a spatial weights matrix from a polygon or point layer and writes it as a GeoDa GAL file (neighbour lists; contiguity, kNN, band) or GWT file (weighted links; inverse distance, kernels), readable by GeoDa, PySAL, R spdep (read.gal, read.gwt2nb) and ArcGIS.
Methods: queen (shared point) and rook (shared edge) contiguity, with --contiguity exact (coincident vertices), snap (vertices within --tolerance, layer units) or overlap (shared boundary segments whose vertices differ); knn (--k nearest neighbours, --symmetric); band (all units within --distance); idw (1/d^power, optionally within --distance); kernel (triangular, uniform, epanechnikov, quartic, gaussian; fixed --distance bandwidth or adaptive to the --k-th neighbour). Geographic layers use great-circle distances in km.
--order N builds higher-order contiguity (units exactly N steps apart, or within N steps with --cumulative), as spdep's nblag / nblag_cumul.
The summary reports units, links, neighbours per unit (min/mean/max), islands (units without neighbours, listed by id) and connected components; --min-threshold also reports the smallest distance band that leaves no island.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weights method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of nearest neighbours (knn, adaptive kernel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Distance band / bandwidth, e.g. 150km, 20000m, or a number (km for geographic layers, else layer units)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How borders are matched: exact vertices, snap within tolerance, or overlap of boundary segments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snapping tolerance in layer units</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inverse distance power</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kernel function</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contiguity order (2: neighbours of neighbours)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Include lower orders with --order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Symmetrise kNN (i~j when either chose the other)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points of polygons for distances</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Point layer giving each unit's point (e.g. provincial capitals), joined by --points-id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field of --points-layer matching the unit ids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report the smallest distance band leaving no island</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weights file to write (.gal or .gwt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of units</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of links (non-zero weights)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean number of neighbours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Units without neighbours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected components</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weights file written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*.*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The RegionStat core module could not be loaded; see the log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not write a temporary copy of the input: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the result written by RegionStat: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The result style could not be applied: {}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The RegionStat core module could not be loaded ({}). The plugin contains it for Python 3.11 on 64-bit Linux; build it from the source for other systems.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
