import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import { deflatedZeros, makeZip } from "../extract/zip/make-zip.ts";
import { runCli } from "./run-cli.ts";

const SEEDS = resolve(import.meta.dirname, "../fixtures/corpus/seeds");
const PDFS = resolve(import.meta.dirname, "../fixtures/pdf");
const seed = (n: string) => join(SEEDS, n);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-cli-"));
});

/** One clear line on stderr, no stack trace, the given exit code. */
function expectOneLineError(r: ReturnType<typeof runCli>, code: number, pattern: RegExp) {
  expect(r.code).toBe(code);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^nianbao: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe("nianbao extract", () => {
  it("prints the report record of a text report", () => {
    const r = runCli(["extract", seed("003_09d7efa84834ab25.txt")]);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record).toMatchObject({ agency: "大通区人民政府办公室", year: 2023, template: "2021", kind: "annual_report" });
    expect(record.values["requests.new.total"]).toBe(2);
  });

  it("prints one record per line for several inputs, and the canonical text with --text", () => {
    const r = runCli(["extract", seed("000_e38f6fbf12461b6a.txt"), seed("002_dbf068044dca84d8.txt")]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.year)).toEqual([2023, 2021]);
    const t = runCli(["extract", "--text", seed("001_b1c038de0e5df421.txt")]);
    expect(t.stdout).toContain("规章\t0\t0\t0");
    expect(t.stdout).not.toContain("## ");
  });

  it("reads standard input", () => {
    const r = runCli(["extract", "-"], readFileSync(seed("004_672a93e96f8a197d.txt")));
    expect(JSON.parse(r.stdout).agency).toBe("海原县西安镇人民政府");
  });

  it("prints help and version", () => {
    expect(runCli(["--help"]).stdout).toContain("nianbao extract");
    expect(runCli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("bad input", () => {
  it("a missing file", () => {
    expectOneLineError(runCli(["extract", join(dir, "nope.pdf")]), 1, /nope\.pdf: no such file/);
  });

  it("an empty file", () => {
    const f = join(dir, "empty.pdf");
    writeFileSync(f, "");
    expectOneLineError(runCli(["extract", f]), 1, /empty/);
  });

  it("a binary file called .html", () => {
    const f = join(dir, "binary.html");
    writeFileSync(f, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expectOneLineError(runCli(["extract", f]), 1, /binary\.html: .*(binary|unrecognised)/);
  });

  it("a 200 MB file, refused before it is read", () => {
    const f = join(dir, "huge.pdf");
    const fd = openSync(f, "w");
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    expectOneLineError(runCli(["extract", f]), 1, /huge\.pdf: .*64 MB limit/);
  });

  it("a truncated PDF", () => {
    const f = join(dir, "truncated.pdf");
    const pdf = readFileSync(join(PDFS, "stroked.pdf"));
    writeFileSync(f, pdf.subarray(0, pdf.length >> 1));
    expectOneLineError(runCli(["extract", f]), 1, /truncated\.pdf .*(truncated|corrupt)/);
  });

  it("an encrypted PDF", () => {
    expectOneLineError(runCli(["extract", join(PDFS, "encrypted.pdf")]), 1, /encrypted\.pdf .*password-protected/);
  });

  it("a scanned PDF gives a record that says it has no text layer", () => {
    const r = runCli(["extract", join(PDFS, "scan.pdf")]);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record).toMatchObject({ kind: "unreadable", values: {} });
    expect(record.warnings[0]).toMatch(/no text layer/);
  });

  it("a DOCX that is a zip bomb (1 GB of zeros), refused quickly", () => {
    const f = join(dir, "bomb.docx");
    writeFileSync(f, makeZip([
      { name: "[Content_Types].xml", method: 0, data: strToU8("<Types/>"), uncompressedSize: 8 },
      { name: "word/document.xml", method: 8, data: deflatedZeros(1024), uncompressedSize: 1024 * 1024 * 1024 },
    ]));
    const t0 = Date.now();
    expectOneLineError(runCli(["extract", f]), 1, /bomb\.docx: DOCX expands beyond the 128 MB limit/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("a directory", () => {
    expectOneLineError(runCli(["extract", dir]), 1, /is a directory/);
  });

  it("a wrong command line", () => {
    expectOneLineError(runCli(["extract", "--bogus", "x"]), 2, /bogus/);
    expectOneLineError(runCli(["frobnicate"]), 2, /unknown command 'frobnicate'/);
    expect(runCli(["extract"]).code).toBe(2);
  });

  it("one bad input among good ones: the good ones are still extracted", () => {
    const r = runCli(["extract", join(dir, "nope.pdf"), seed("003_09d7efa84834ab25.txt")]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
