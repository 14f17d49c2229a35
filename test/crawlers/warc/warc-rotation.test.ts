import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WarcWriter, type WarcRotation } from "../../../src/crawlers/warc/warc-writer.ts";
import { readRecordAt, readWarcRecords } from "../../../src/crawlers/warc/warc-reader.ts";
import { validateWarcFile } from "../../../src/crawlers/warc/warc-validate.ts";
import { syntheticExchange } from "./support/http-capture.ts";
import { firstRecord } from "./support/first-record.ts";

const NAME = /^nianbao-\d{17}-\d{5}-\d+\.warc\.gz$/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nianbao-warc-rotate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectAllValid(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).sort();
  expect(names.filter((name) => !NAME.test(name))).toEqual([]); // no .open markers, nothing else
  for (const name of names) expect(await validateWarcFile(join(folder, name))).toMatchObject({ errors: [], warnings: [] });
  return names;
}

describe("WarcWriter rotation", () => {
  it("starts a new file (with its own warcinfo) before a write would pass maxFileBytes", async () => {
    const folder = await mkdtemp(join(dir, "r-"));
    const rotations: WarcRotation[] = [];
    const maxFileBytes = 64 * 1024;
    const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test", maxFileBytes, onRotate: (r) => rotations.push(r) });
    const locations = [];
    for (let i = 0; i < 40; i++) locations.push(await writer.write(syntheticExchange(i, randomBytes(8000))));
    await writer.close();
    const names = await expectAllValid(folder);
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(rotations.map((r) => r.closed)).toEqual(names.slice(0, -1));
    expect(rotations.map((r) => r.opened)).toEqual(names.slice(1));
    for (const name of names) {
      const size = (await stat(join(folder, name))).size;
      expect(size).toBeLessThanOrEqual(maxFileBytes);
      const first = await firstRecord(join(folder, name));
      expect(first!.type).toBe("warcinfo");
      expect(first!.warcFields).toContainEqual(["WARC-Filename", name]);
    }
    for (const rotation of rotations) expect((await stat(join(folder, rotation.closed))).size).toBe(rotation.closedBytes);
    expect(names.map((name) => name.split("-")[2])).toEqual(names.map((_, i) => String(i).padStart(5, "0")));
    for (const [i, location] of locations.entries()) expect((await readRecordAt(folder, location)).targetUri).toBe(`http://example.gov.cn/list_${i}.html`);
  });

  it("gives a capture larger than maxFileBytes a file of its own", async () => {
    const folder = await mkdtemp(join(dir, "r-"));
    const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test", maxFileBytes: 10_000 });
    const small = await writer.write(syntheticExchange(1, randomBytes(1000)));
    const big = await writer.write(syntheticExchange(2, randomBytes(50_000)));
    const after = await writer.write(syntheticExchange(3, randomBytes(1000)));
    await writer.close();
    expect(new Set([small.file, big.file, after.file]).size).toBe(3);
    expect(Buffer.from((await readRecordAt(folder, big)).body).length).toBe(50_000);
    await expectAllValid(folder);
  });
});

describe("WarcWriter concurrency", () => {
  it("serialises concurrent writes: every location points to its own exchange, across rotations", async () => {
    const folder = await mkdtemp(join(dir, "c-"));
    const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test", maxFileBytes: 200_000 });
    const bodies = Array.from({ length: 200 }, (_, i) => randomBytes(100 + ((i * 7919) % 20_000)));
    const locations = await Promise.all(bodies.map((body, i) => writer.write(syntheticExchange(i, body))));
    await writer.close();
    const names = await expectAllValid(folder);
    expect(names.length).toBeGreaterThan(3);
    const places = new Set(locations.map((l) => `${l.file}@${l.offset}`));
    expect(places.size).toBe(200);
    for (const [i, location] of locations.entries()) {
      const record = await readRecordAt(folder, location);
      expect(record.targetUri).toBe(`http://example.gov.cn/list_${i}.html`);
      expect(Buffer.from(record.body).equals(bodies[i]!)).toBe(true);
    }
    // Records appear in call order.
    const order: string[] = [];
    for (const name of names) for await (const record of readWarcRecords(join(folder, name))) if (record.type === "response") order.push(record.targetUri!);
    expect(order).toEqual(bodies.map((_, i) => `http://example.gov.cn/list_${i}.html`));
  });

  it("keeps two writers in one folder in separate files, even opened in the same millisecond", async () => {
    const folder = await mkdtemp(join(dir, "c-"));
    const [a, b] = await Promise.all([0, 1].map(() => WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test" })));
    expect(a!.currentFile).not.toBe(b!.currentFile);
    await Promise.all([a!.write(syntheticExchange(1, randomBytes(500))), b!.write(syntheticExchange(2, randomBytes(500)))]);
    await Promise.all([a!.close(), b!.close()]);
    expect(await expectAllValid(folder)).toHaveLength(2);
  });
});
