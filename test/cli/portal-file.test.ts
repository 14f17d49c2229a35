import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvRecords, readPortalFile } from "../../src/cli/portal-file.ts";

const dir = mkdtempSync(join(tmpdir(), "nianbao-portals-"));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

describe("portal files", () => {
  it("reads the shipped samples, CSV and YAML alike", () => {
    const yaml = readPortalFile(join(import.meta.dirname, "../../examples/portals.yaml"));
    const csv = readPortalFile(join(import.meta.dirname, "../../examples/portals.csv"));
    expect(yaml.map((p) => [p.name, p.startUrl, p.region, p.regionCode])).toEqual(csv.map((p) => [p.name, p.startUrl, p.region, p.regionCode]));
    expect(yaml[0]).toMatchObject({ name: "孝义市人民政府", startUrl: "http://www.xiaoyi.gov.cn/", region: "山西省/吕梁市/孝义市", regionCode: "141181" });
    expect(csv[1].delayMs).toBe(2000);
  });

  it("reads quoted CSV fields with commas, quotes and a BOM; hosts split on spaces or semicolons", () => {
    const p = file("a.csv", '\ufeffname,url,hosts,needs_browser\n"某县人民政府, 信息公开","http://www.a.gov.cn","xxgk.a.gov.cn; files.a.gov.cn",是\n');
    expect(readPortalFile(p)).toEqual([expect.objectContaining({ name: "某县人民政府, 信息公开", startUrl: "http://www.a.gov.cn/", hosts: ["xxgk.a.gov.cn", "files.a.gov.cn"], needsBrowser: true })]);
    expect(csvRecords('a,b\n"x ""y""",z\n')).toEqual([{ a: 'x "y"', b: "z" }]);
  });

  it("refuses bad input with one line naming the file and the portal", () => {
    expect(() => readPortalFile(file("b.yaml", "- name: 某县\n"))).toThrow(/b\.yaml: portal 1: needs a name and a start_url/);
    expect(() => readPortalFile(file("c.yaml", "- {name: 某县, url: 'ftp://x'}\n"))).toThrow(/not an http\(s\) URL/);
    expect(() => readPortalFile(file("d.yaml", "- {name: 某县, url: 'http://a.gov.cn', code: 12345}\n"))).toThrow(/not a 6- or 9-digit 行政区划代码/);
    expect(() => readPortalFile(file("e.yaml", "name: [unclosed\n"))).toThrow(/not valid YAML/);
    expect(() => readPortalFile(file("f.csv", "name,url\n"))).toThrow(/no portals in it/);
    expect(() => readPortalFile(join(dir, "missing.csv"))).toThrow(/cannot read it \(ENOENT\)/);
  });
});
