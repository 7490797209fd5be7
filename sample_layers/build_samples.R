# Builds the sample layers china_provinces.gpkg and china_cities.gpkg from ../shared/data.
#
#   Rscript sample_layers/build_samples.R [SHARED_DATA_DIR]     (from the repository root)
#
# SHARED_DATA_DIR defaults to ../shared/data. Needs R with sf and stringi (Debian r-cran-sf,
# r-cran-stringi: its ICU transliteration gives the pinyin that matches city names to the
# division tables). Prints every check it makes and stops on the first failure, so a finished run
# means: 34 units, every data row joined, every geometry valid, every capital city named.
suppressPackageStartupMessages({
  library(sf)
  library(stringi)
})

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else file.path("..", "shared", "data")
out_dir <- "sample_layers"
stopifnot(dir.exists(data_dir), dir.exists(out_dir))

check <- function(ok, what) {
  if (!isTRUE(all(ok))) stop("check failed: ", what, call. = FALSE)
  cat("ok:", what, "\n")
}
read_csv_utf8 <- function(name) {
  read.csv(file.path(data_dir, name), fileEncoding = "UTF-8", stringsAsFactors = FALSE,
           check.names = FALSE)
}

# Planar GEOS operations on longitude/latitude, as GIS software (and RegionStat's contiguity)
# treat these polygons: union and point-in-polygon must not re-interpret edges as geodesics.
suppressMessages(sf_use_s2(FALSE))

# --- provinces -------------------------------------------------------------------------------
admin1 <- st_read(file.path(data_dir, "china_admin1_naturalearth.geojson"), quiet = TRUE)
check(nrow(admin1) == 72, "72 admin-1 features in the source")

# The unit each source feature belongs to: its own adcode for the 31 mainland provinces, Hainan
# for the Paracel Islands, and ids filled in from GB/T 2260 for Hong Kong, Macao and Taiwan.
admin1$unit <- admin1$adcode
admin1$unit[admin1$iso_3166_2 == "CN-X01~"] <- 460000L # Paracel Islands (西沙群岛) -> Hainan
admin1$unit[admin1$adm0_a3 == "HKG"] <- 810000L
admin1$unit[admin1$adm0_a3 == "MAC"] <- 820000L
admin1$unit[admin1$adm0_a3 == "TWN"] <- 710000L
check(!is.na(admin1$unit), "every source feature assigned to a unit")
check(sum(admin1$adm0_a3 == "HKG") == 18 && sum(admin1$adm0_a3 == "TWN") == 21,
      "18 Hong Kong districts and 21 Taiwan counties")

units <- sort(unique(admin1$unit))
check(length(units) == 34, "34 provincial-level units")

# One geometry per unit. Units made of one feature keep their coordinates untouched; the others
# are dissolved with a GEOS union, which keeps every vertex of the outer boundary (the parts
# share exact vertices, so no new vertex is created and neighbours still match exactly).
geoms <- lapply(units, function(u) {
  parts <- st_geometry(admin1)[admin1$unit == u]
  g <- if (length(parts) == 1) parts[[1]] else suppressMessages(st_union(parts))[[1]]
  st_cast(st_sfc(g, crs = st_crs(admin1)), "MULTIPOLYGON")[[1]]
})
provinces <- st_sf(adcode = as.integer(units), geom = st_sfc(geoms, crs = 4326))
check(st_is_valid(provinces), "every dissolved geometry is valid (GEOS)")

regions <- read_csv_utf8("seed/china_province_regions.csv")
check(nrow(regions) == 31, "31 rows in china_province_regions.csv")
check(setequal(regions$adcode, admin1$adcode[!is.na(admin1$adcode)]),
      "region adcodes match the 31 mainland adcodes of the polygons")

special <- data.frame(adcode = c(810000L, 820000L, 710000L),
                      name_zh = c("香港", "澳门", "台湾"),
                      name_en = c("Hong Kong", "Macao", "Taiwan"),
                      stringsAsFactors = FALSE)
names_tab <- rbind(regions[, c("adcode", "name_zh", "name_en")], special)
provinces <- merge(provinces, names_tab, by = "adcode", all.x = TRUE, sort = FALSE)
provinces <- merge(provinces, regions[, c("adcode", "region3", "region4", "north_south",
                                          "coastal")], by = "adcode", all.x = TRUE, sort = FALSE)
check(!is.na(provinces$name_zh), "every unit has a Chinese and an English name")

# The full official Chinese name as given in the source (北京市, 内蒙古自治区, ...).
full <- admin1[!is.na(admin1$adcode), c("adcode", "name_zh")]
full <- setNames(st_drop_geometry(full), c("adcode", "name_zh_full"))
full <- rbind(full, data.frame(adcode = c(810000L, 820000L, 710000L),
                               name_zh_full = c("香港特别行政区", "澳门特别行政区", "台湾省")))
provinces <- merge(provinces, full, by = "adcode", all.x = TRUE, sort = FALSE)
check(startsWith(provinces$name_zh_full, provinces$name_zh), "short names prefix the full names")

# GDP 2002-2011 and the 2011 sectors (100 million yuan), joined on the short Chinese name.
econ <- read_csv_utf8("china_province_economy_2002_2011.csv")
check(nrow(econ) == 310 && setequal(econ$name_zh, regions$name_zh),
      "economy table: 31 provinces x 10 years, names match the regions table")
for (y in 2002:2011) {
  e <- econ[econ$year == y, ]
  check(nrow(e) == 31 && !anyDuplicated(e$name_zh), paste("economy", y, "one row per province"))
  provinces[[paste0("gdp_", y)]] <- e$gdp[match(provinces$name_zh, e$name_zh)]
}
e11 <- econ[econ$year == 2011, ]
for (s in c("primary", "secondary", "tertiary")) {
  provinces[[paste0(s, "_2011")]] <- e11[[s]][match(provinces$name_zh, e11$name_zh)]
}
mainland <- provinces$adcode < 700000
check(!is.na(provinces$gdp_2002[mainland]) & !is.na(provinces$tertiary_2011[mainland]),
      "every mainland province joined to the economy table")

ai <- read_csv_utf8("seed/china_ai_index_2011_2022.csv")
check(setequal(ai$name_zh, regions$name_zh), "AI index names match the regions table")
for (y in c(2011, 2015, 2019, 2022)) {
  a <- ai[ai$year == y, ]
  check(nrow(a) == 31, paste("AI index", y, "has 31 provinces"))
  provinces[[paste0("ai_", y)]] <- a$ai_index[match(provinces$name_zh, a$name_zh)]
}
check(!is.na(provinces$ai_2022[mainland]), "every mainland province joined to the AI index")

uri <- read_csv_utf8("seed/china_urban_rural_integration_2009_2018_mean.csv")
check(nrow(uri) == 30 && all(uri$name_zh %in% regions$name_zh),
      "urban-rural integration: 30 provinces, names match the regions table")
provinces$uri_mean <- uri$composite[match(provinces$name_zh, uri$name_zh)]
check(identical(sort(provinces$name_zh[mainland & is.na(provinces$uri_mean)]), "西藏"),
      "only Tibet lacks the urban-rural integration index")

# --- cities ----------------------------------------------------------------------------------
cities_tab <- read_csv_utf8("china_cities_worldcities.csv")
check(nrow(cities_tab) == 892, "892 cities")
cities <- st_as_sf(cities_tab, coords = c("lon", "lat"), crs = 4326, remove = FALSE)

inside <- suppressMessages(st_within(cities, provinces))
n_in <- lengths(inside)
check(n_in <= 1, "no city lies in two provinces")
idx <- vapply(inside, function(i) if (length(i)) i[1] else NA_integer_, integer(1))
outside <- which(is.na(idx))
# Cities just off a coastline in the 1:10m polygons go to the nearest province (great-circle
# distance), flagged so that a user can tell them apart.
dist_km <- rep(0, nrow(cities))
if (length(outside)) {
  suppressMessages(sf_use_s2(TRUE))
  near <- st_nearest_feature(cities[outside, ], provinces)
  dist_km[outside] <- as.numeric(st_distance(cities[outside, ], provinces[near, ],
                                             by_element = TRUE)) / 1000
  suppressMessages(sf_use_s2(FALSE))
  idx[outside] <- near
}
cat("cities outside every province polygon, assigned to the nearest:", length(outside), "\n")
for (i in outside) {
  cat(sprintf("  %-14s %7.2f %6.2f -> %s (%.1f km)\n", cities$name[i], cities$lon[i],
              cities$lat[i], provinces$name_en[idx[i]], dist_km[i]))
}
check(dist_km < 25, "every city outside the polygons lies within 25 km of its province")

cities_out <- st_sf(name = cities$name, pop = as.integer(cities$pop),
                    capital = as.integer(cities$capital), lon = cities$lon, lat = cities$lat,
                    province_adcode = provinces$adcode[idx], province_zh = provinces$name_zh[idx],
                    province_nearest = as.integer(seq_len(nrow(cities)) %in% outside),
                    province_dist_km = round(dist_km, 3),
                    geom = st_geometry(cities))

# --- Chinese names of the cities ------------------------------------------------------------
# The city table has pinyin names only. The division tables (admin_divisions_cn: provinces,
# prefecture- and county-level units with GB/T 2260 codes; Hong Kong, Macao and Taiwan areas
# without codes) give the Chinese names: a city takes the division whose name, read in pinyin
# without its suffix (市, 区, 县, 自治州 ...), is the city's name, in the province the point lies
# in. Most unmatched cities are towns (镇) below the county level, which the tables do not list.
div_dir <- file.path(data_dir, "admin_divisions_cn")
read_div <- function(name) {
  read.csv(file.path(div_dir, name), fileEncoding = "UTF-8", stringsAsFactors = FALSE,
           colClasses = "character")
}
div_prov <- read_div("provinces.csv")
div_city <- read_div("cities.csv")
div_area <- read_div("areas.csv")
divisions <- rbind(
  data.frame(code = paste0(div_prov$code, "0000"), name = div_prov$name, level = 1L),
  data.frame(code = paste0(div_city$code, "00"), name = div_city$name, level = 2L),
  data.frame(code = div_area$code, name = div_area$name, level = 3L))
# Placeholders for the districts of a city or the counties a province runs directly.
divisions <- divisions[!grepl("^(市辖区|县|.*直辖县级行政区划)$", divisions$name), ]

# Hong Kong, Macao and Taiwan: the names of HK-MO-TW.json (a nested object of names, read line by
# line: no JSON package needed). The region itself has its province code; its areas have none.
hmt_lines <- readLines(file.path(div_dir, "HK-MO-TW.json"), encoding = "UTF-8")
hmt_names <- sub('^ *"([^"]+)".*$', "\\1", hmt_lines[grepl('^ *"', hmt_lines)])
hmt_top <- grepl('^  "', hmt_lines[grepl('^ *"', hmt_lines)])
hmt_codes <- c("香港特别行政区" = "810000", "澳门特别行政区" = "820000", "台湾省" = "710000")
check(setequal(hmt_names[hmt_top], names(hmt_codes)), "HK-MO-TW.json: Hong Kong, Macao, Taiwan")
region <- names(hmt_codes)[cumsum(hmt_top)]
divisions$province <- substr(divisions$code, 1, 2)
divisions <- rbind(divisions, data.frame(
  code = ifelse(hmt_top, hmt_codes[hmt_names], NA_character_), name = hmt_names,
  level = ifelse(hmt_top, 1L, 3L), province = substr(hmt_codes[region], 1, 2)))

# The short name: without the suffix of the unit's kind, and for an autonomous unit without its
# peoples (恩施土家族苗族自治州 -> 恩施), as a city of that name is called.
divisions$short <- sub("^(.{2,}?)(\\p{Han}{1,4}族)+自治[州县旗]$", "\\1", divisions$name, perl = TRUE)
divisions$short <- sub("^(.{2,}?)(特别行政区|省|市|区|县|旗|盟|地区|林区|特区)$", "\\1",
                       divisions$short, perl = TRUE)

# Pinyin keys of a short name: ICU's reading of each character, and the reading place names use
# where ICU gives another (长春 changchun, not zhangchun).
place_readings <- c("长" = "chang", "都" = "du", "厦" = "xia", "蚌" = "beng", "六" = "lu",
                    "重" = "chong", "陂" = "pi", "珲" = "hun", "泊" = "bo", "埔" = "pu",
                    "什" = "shi", "屯" = "tun")
pinyin_keys <- function(text) {
  chars <- strsplit(text, "")[[1]]
  readings <- lapply(chars, function(ch) {
    unique(c(gsub("[^a-z]", "", stri_trans_general(ch, "Han-Latin; Latin-ASCII")),
             place_readings[ch][!is.na(place_readings[ch])]))
  })
  apply(expand.grid(readings, stringsAsFactors = FALSE), 1, paste, collapse = "")
}
keys <- lapply(divisions$short, pinyin_keys)
division_keys <- data.frame(row = rep(seq_len(nrow(divisions)), lengths(keys)),
                            key = unlist(keys), stringsAsFactors = FALSE)

# Names the table spells in their own language's romanisation, not pinyin (Uyghur, Mongolian,
# Zhuang), and Xiangfan, renamed Xiangyang (襄阳) in 2010.
romanised <- c(Harbin = "haerbin", Hohhot = "huhehaote", Urumqi = "wulumuqi",
               Qiqihar = "qiqihaer", Karamay = "kelamayi", Korla = "kuerle", Kuytun = "kuitun",
               Aksu = "akesu", Altay = "aletai", Erenhot = "erlianhaote", Hailar = "hailaer",
               Zalantun = "zhalantun", Bose = "baise", Xiangfan = "xiangyang")
city_key <- tolower(gsub("[^A-Za-z]", "", cities_out$name))
city_key <- ifelse(cities_out$name %in% names(romanised), romanised[cities_out$name], city_key)
city_province <- substr(as.character(cities_out$province_adcode), 1, 2)

# The division a city is: of its name, in its province, a city (市) before a prefecture, county
# or district of the same name (恩施市, not 恩施土家族苗族自治州 or 恩施县), then the highest level
# (安阳市, the prefecture-level city, before 安阳县). A city placed across a border by its
# two-decimal coordinates (Shenzhen in Hong Kong, Aomen in Guangdong) takes the one province- or
# prefecture-level unit of its name in the country whose province lies within 25 km; farther
# away a namesake is another place (the town Luoyang in Fujian is not 洛阳市).
province_km <- function(i, province) {
  unit <- provinces[substr(as.character(provinces$adcode), 1, 2) == province, ]
  suppressMessages({
    sf_use_s2(TRUE)
    d <- as.numeric(st_distance(cities_out[i, ], unit)) / 1000
    sf_use_s2(FALSE)
  })
  d
}
match_division <- function(i) {
  rows <- division_keys$row[division_keys$key == city_key[i]]
  here <- rows[divisions$province[rows] == city_province[i]]
  if (length(here)) {
    rank <- ifelse(endsWith(divisions$name[here], "市"), 0L, 10L) + divisions$level[here]
    best <- here[rank == min(rank)]
    return(if (length(unique(divisions$name[best])) == 1) best[1] else NA_integer_)
  }
  major <- unique(rows[divisions$level[rows] <= 2])
  if (length(major) == 1 && province_km(i, divisions$province[major]) < 25) major else NA_integer_
}
matched <- vapply(seq_len(nrow(cities_out)), match_division, integer(1))
# Two cities of one name in one province (Jinzhou: 锦州 and 金州 in Liaoning) cannot both be the
# division found: the more populous takes it, the other stays without a name.
same_name <- paste(city_key, city_province)
largest <- ave(cities_out$pop, same_name, FUN = max) == cities_out$pop
matched[!largest] <- NA_integer_
cities_out$name_zh <- divisions$short[matched]
cities_out$name_zh_full <- divisions$name[matched]
cities_out$adcode <- as.integer(divisions$code[matched])
cities_out <- cities_out[, c("name", "name_zh", "name_zh_full", "adcode",
                             setdiff(names(cities_out), c("name", "name_zh", "name_zh_full",
                                                          "adcode")))]
unnamed <- is.na(matched)
cat("cities with a Chinese name:", sum(!unnamed), "of", nrow(cities_out), "\n")
cat("cities without one (towns below the county level, or a name no table lists):",
    sum(unnamed), "\n")
cat(strwrap(paste(sprintf("%s (%s)", cities_out$name[unnamed], cities_out$province_zh[unnamed]),
                  collapse = ", "), width = 96, prefix = "  "), sep = "\n")
check(!is.na(cities_out$name_zh[cities_out$capital >= 1 | cities_out$name == "Xian"]),
      "every capital city has a Chinese name")

# --- capitals --------------------------------------------------------------------------------
# Capital codes 1 (Beijing), 2 (Shanghai, Tianjin, Chongqing), 3 (provincial capitals); Xi'an is
# listed as Xian with code 0. Hong Kong: Xianggangdao (Victoria, Hong Kong Island). Macao: the
# table's Aomen (113.56E 22.27N) lies north of the 1:10m Macao polygon, in Zhuhai, so Macao's
# capital point is the point on surface of its own polygon. Taiwan has no city in the table:
# Taipei is taken from the same source, maps' world.cities (country.etc "Taiwan", capital 1),
# written here as found there.
cap_rows <- which(cities_out$capital %in% c(1L, 2L, 3L) | cities_out$name %in%
                    c("Xian", "Xianggangdao"))
caps <- st_drop_geometry(cities_out[cap_rows, c("name", "lon", "lat", "province_adcode")])
macao <- st_coordinates(suppressWarnings(st_point_on_surface(
  provinces[provinces$adcode == 820000L, ])))
aomen <- cities_out[cities_out$name == "Aomen", ]
cat(sprintf("Aomen lies in %s, %.1f km from the Macao polygon\n", aomen$province_zh,
            suppressMessages({sf_use_s2(TRUE); d <- as.numeric(st_distance(aomen,
              provinces[provinces$adcode == 820000L, ])) / 1000; sf_use_s2(FALSE); d})))
caps <- rbind(caps,
              data.frame(name = "Macao", lon = round(macao[1, "X"], 4),
                         lat = round(macao[1, "Y"], 4), province_adcode = 820000L),
              data.frame(name = "Taipei", lon = 121.45, lat = 25.02, province_adcode = 710000L))
if (requireNamespace("maps", quietly = TRUE)) {
  env <- new.env()
  utils::data("world.cities", package = "maps", envir = env)
  wc <- env$world.cities
  tp <- wc[wc$name == "Taipei" & wc$country.etc == "Taiwan", ]
  check(nrow(tp) == 1 && tp$long == 121.45 && tp$lat == 25.02, "Taipei as in maps::world.cities")
}
check(nrow(caps) == 34 && setequal(caps$province_adcode, provinces$adcode),
      "exactly one capital in each of the 34 units")
cap_pts <- st_as_sf(caps, coords = c("lon", "lat"), crs = 4326)
cap_in <- suppressMessages(st_within(cap_pts, provinces))
check(mapply(function(i, a) length(i) == 1 && provinces$adcode[i] == a, cap_in,
             caps$province_adcode), "every capital point lies inside its own unit")
m <- match(provinces$adcode, caps$province_adcode)
provinces$capital <- caps$name[m]
provinces$capital_lon <- caps$lon[m]
provinces$capital_lat <- caps$lat[m]

# --- write -----------------------------------------------------------------------------------
provinces <- provinces[order(provinces$adcode), ]
cols <- c("adcode", "name_zh", "name_zh_full", "name_en", "region3", "region4", "north_south",
          "coastal", paste0("gdp_", 2002:2011), "primary_2011", "secondary_2011",
          "tertiary_2011", "ai_2011", "ai_2015", "ai_2019", "ai_2022", "uri_mean", "capital",
          "capital_lon", "capital_lat")
provinces <- provinces[, cols]
st_geometry(provinces) <- "geom"
check(nrow(provinces) == 34 && !anyDuplicated(provinces$adcode), "34 unique adcodes")

write_gpkg <- function(x, file, layer) {
  path <- file.path(out_dir, file)
  if (file.exists(path)) file.remove(path)
  st_write(x, path, layer = layer, quiet = TRUE)
  cat("wrote", path, "(", file.size(path), "bytes )\n")
}
write_gpkg(provinces, "china_provinces.gpkg", "china_provinces")
write_gpkg(cities_out, "china_cities.gpkg", "china_cities")
