import { describe, expect, it } from "vitest";
import { bodyName, completes, isGovernmentPlace, looksLikeName, sameBody } from "../../../src/extract/parse/body-name.ts";
import { coveringSubject, nameInTitle, reportSegment, yearIn } from "../../../src/extract/parse/title-name.ts";

// The naming rules: what a title's name stands for, and when two stated names are one body.

describe("bodyName: the one safe completion", () => {
  it.each([
    ["东山县", "东山县人民政府"], ["大通区", "大通区人民政府"], ["西安镇", "西安镇人民政府"], ["桃江县桃花江镇", "桃江县桃花江镇人民政府"],
    ["镇江市", "镇江市人民政府"], ["南岭乡", "南岭乡人民政府"], ["东湖街道", "东湖街道办事处"], ["大通区人民政府办公室", "大通区人民政府办公室"],
    ["城关镇政府", "城关镇政府"], ["青峰县政府办公室", "青峰县政府办公室"],
  ])("%s → %s", (name, body) => expect(bodyName(name)).toBe(body));

  it("takes 政府 as a government's short name only after a division's name", () => {
    expect(completes("海原县西安镇政府", "西安镇")).toBe(true);
    expect(bodyName("政府")).toBe("政府"); // not a name: no place
    expect(looksLikeName("2024年政府")).toBe(false);
  });

  it.each([
    "青峰经济开发区", "白石实验区", "青峰高新区", "浦东新区", "临港产业园区", "东湖社区", "青山风景区", "青峰综合保税区",
    "白石农业示范区", "东山县工业集中区", "中国（上海）自由贸易试验区临港新片区", "青峰林场", "青峰农场", "滨江经济合作区", "青峰国际度假区", "东山县特色小镇",
  ])("keeps %s as the report names it, never composing a 人民政府", (name) => {
    expect(bodyName(name)).toBe(name);
    expect(isGovernmentPlace(name)).toBe(false);
  });
});

describe("looksLikeName", () => {
  it.each(["镇江市教育局", "全椒县", "本溪市", "青峰经济开发区管理委员会", "东山县统计局", "东山县残疾人联合会"])("takes %s", (n) => expect(looksLikeName(n)).toBe(true));
  it.each(["本机关", "我局", "县政府办", "市教育局", "全县", "政府信息公开工作年度报告", "2023年", "青山镇，", "大通区人民政府门户网站"])("refuses %s", (n) => expect(looksLikeName(n)).toBe(false));
});

describe("completes: a stated name that names the title's body", () => {
  it.each([
    ["海原县西安镇人民政府", "西安镇", true],
    ["西安镇人民政府", "西安镇", true],
    ["青峰经济开发区管理委员会", "青峰经济开发区", true],
    ["青峰经济开发区管委会", "青峰经济开发区", true],
    ["某市青峰经济开发区管委会", "青峰经济开发区", true],
    ["东湖街道办事处", "东湖街道", true],
    ["海原县西安镇人民政府办公室", "西安镇", false],
    ["东山县人民政府办公室", "东山县", false],
    ["青峰经济开发区党政办公室", "青峰经济开发区", false],
    ["东西安镇人民政府", "西安镇", false],
    ["西安镇管委会", "西安镇", false],
  ] as const)("%s for %s: %s", (stated, bare, ok) => expect(completes(stated, bare)).toBe(ok));
});

describe("sameBody", () => {
  it.each([
    ["西安镇人民政府", "海原县西安镇人民政府", true],
    ["青峰经济开发区", "青峰经济开发区管理委员会", true],
    ["青峰经济开发区管委会", "青峰经济开发区管理委员会", true],
    ["大孝堡镇人民政府", "孝义市大孝堡镇人民政府", true],
    ["东山县人民政府", "东山县人民政府办公室", false],
    ["海原县西安镇人民政府", "海原县人民政府办公室", false],
    ["西安镇人民政府", "东西安镇人民政府", false],
  ] as const)("%s / %s: %s", (a, b, same) => {
    expect(sameBody(a, b)).toBe(same);
    expect(sameBody(b, a)).toBe(same);
  });
});

describe("what a title states", () => {
  it.each([
    ["青峰经济开发区2023年政府信息公开工作年度报告", "青峰经济开发区"],
    ["海原县西安镇人民政府 2023 年政府信息公开工作年度报告", "海原县西安镇人民政府"],
    ["2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅"],
    ["东山县人民政府办公室关于印发东山县2023年政府信息公开工作年度报告的通知", "东山县"],
    ["《大通区人民政府办公室2023年政府信息公开工作年度报告》解读", "大通区人民政府办公室"],
    ["东山县人民政府信息公开年报（2012年）", "东山县人民政府"],
    ["城关街道二〇二二年政府信息公开工作年度报告", "城关街道"],
    ["中国（上海）自由贸易试验区临港新片区2023年政府信息公开工作年度报告", "中国（上海）自由贸易试验区临港新片区"],
    ["沛县２０２３年政府信息公开工作年度报告", "沛县"],
  ])("%s names %s", (title, name) => expect(nameInTitle(title)).toBe(name));

  it.each([
    "政府信息公开工作年度报告（2023年）", "2023年政府信息公开工作年度报告", "关于做好2023年政府信息公开工作年度报告编制发布工作的通知",
    "大通区人民政府门户网站2023年政府网站工作年度报表",
  ])("%s names no body", (title) => expect(nameInTitle(title)).toBeNull());

  it("reads years in digits, full-width digits and Chinese numerals, within plausible bounds", () => {
    expect(yearIn("西岭镇２０２２年政府信息公开工作年度报告")).toBe(2022);
    expect(yearIn("城关街道二〇二二年政府信息公开工作年度报告")).toBe(2022);
    expect(yearIn("东山县1998年政府信息公开工作年度报告")).toBeNull();
  });

  it("finds a covering notice's subject only when the notice issues the report", () => {
    expect(coveringSubject("东山县人民政府办公室关于印发《东山县2023年政府信息公开工作年度报告》的通知")).toBe("东山县2023年政府信息公开工作年度报告");
    expect(coveringSubject("关于做好2023年政府信息公开工作年度报告编制发布工作的通知")).toBeNull();
  });

  it("takes the report's segment of a <title>, not the site's name", () => {
    expect(reportSegment("青山镇2023年政府信息公开工作年度报告_政府信息公开年报_某某县人民政府")).toBe("青山镇2023年政府信息公开工作年度报告");
    expect(reportSegment("某某县人民政府门户网站")).toBeNull();
  });
});
