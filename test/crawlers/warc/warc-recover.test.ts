import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { appendFile, copyFile, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recoverWarcDir } from "../../../src/crawlers/warc/warc-recover.ts";
import { readRecordAt } from "../../../src/crawlers/warc/warc-reader.ts";
import { validateWarcFile } from "../../../src/crawlers/warc/warc-validate.ts";
import { WarcWriter } from "../../../src/crawlers/warc/warc-writer.ts";
import type { WarcLocation } from "../../../src/crawlers/warc/types.ts";
import { syntheticExchange } from "./support/http-capture.ts";
import { sampleFile, type SampleFile } from "./support/sample-file.ts";

let dir: string;
let sample: SampleFile;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nianbao-warc-recover-"));
  sample = await sampleFile(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Bytes this process has read from files so far (Linux /proc/self/io), or -1 where that is not known. */
function bytesRead(): number {
  try {
    return Number(/^rchar: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"))![1]);
  } catch {
    return -1;
  }
}

/** A folder holding `bytes` under the sample's file name. */
async function folderWith(bytes: Buffer, marker?: string): Promise<{ folder: string; path: string }> {
  const folder = await mkdtemp(join(dir, "case-"));
  const path = join(folder, sample.name);
  await writeFile(path, bytes);
  if (marker !== undefined) await writeFile(`${path}.open`, marker);
  return { folder, path };
}

async function expectValid(path: string): Promise<void> {
  expect(await validateWarcFile(path)).toMatchObject({ errors: [], warnings: [] });
}

describe("recoverWarcDir", () => {
  it("leaves a cleanly closed file alone", async () => {
    expect(sample.boundaries.at(-1)).toBe(sample.bytes.length);
    const { folder } = await folderWith(sample.bytes);
    expect(await recoverWarcDir(folder)).toEqual([]);
    expect(await recoverWarcDir(join(dir, "no-such-folder"))).toEqual([]);
  });

  it("cuts a file torn anywhere back to the end of its last complete exchange", async () => {
    const { boundaries, bytes } = sample;
    const cuts = new Set<number>();
    const lastTwo = boundaries.at(-3)!;
    for (let c = lastTwo; c < bytes.length; c += 997) cuts.add(c); // all through the last two exchanges
    for (const b of boundaries.slice(1)) for (const d of [-9, -1, 1, 5, 19, 20, 21]) cuts.add(b + d); // around member starts and their headers
    for (const l of sample.locations) for (const d of [-1, 1, 10]) cuts.add(l.offset + l.length + d); // between a response and its request
    for (let i = 0; i < 20; i++) cuts.add(1 + Math.floor(Math.random() * (bytes.length - 2)));
    for (const c of [...cuts].filter((c) => c > 0 && c < bytes.length)) {
      const { folder, path } = await folderWith(bytes.subarray(0, c));
      const kept = boundaries.filter((b) => b <= c).at(-1) ?? 0;
      const report = await recoverWarcDir(folder);
      if (kept === c) {
        expect(report, `cut at ${c}`).toEqual([]);
      } else {
        expect(report, `cut at ${c}`).toEqual([{ file: sample.name, keptBytes: kept, cutBytes: c - kept, reason: expect.any(String) }]);
      }
      expect((await stat(path)).size).toBe(kept);
      if (kept > 0) await expectValid(path);
      for (const location of sample.locations.filter((l) => l.offset + l.length < kept)) await readRecordAt(folder, location);
    }
  });

  it("reads only the tail of a large file (here 4 GiB, mostly a hole)", async () => {
    const hole = 4 * 1024 ** 3;
    const folder = await mkdtemp(join(dir, "large-"));
    const path = join(folder, sample.name);
    const head = sample.bytes.subarray(0, sample.boundaries[0]);
    const rest = sample.bytes.subarray(sample.boundaries[0], sample.bytes.length - 1000); // torn last member
    const handle = await open(path, "wx");
    await handle.write(head, 0, head.length, 0);
    await handle.write(rest, 0, rest.length, head.length + hole);
    await handle.close();
    const readBefore = bytesRead();
    const cuts = await recoverWarcDir(folder);
    const read = bytesRead() - readBefore;
    const kept = hole + sample.boundaries.at(-2)!;
    expect(cuts).toEqual([{ file: sample.name, keptBytes: kept, cutBytes: head.length + hole + rest.length - kept, reason: expect.any(String) }]);
    expect((await stat(path)).size).toBe(kept);
    if (read >= 0) expect(read).toBeLessThan(8 * 1024 ** 2);
  });

  it("cuts garbage appended to a file, even garbage that looks like a gzip member", async () => {
    const fake = Buffer.from([0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff, 0x08, 0x00, 0x4e, 0x42, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]);
    for (const garbage of [randomBytes(5000), Buffer.concat([fake, randomBytes(100)]), Buffer.from("\r\n"), gzipSync(Buffer.from("not a record"))]) {
      const { folder, path } = await folderWith(Buffer.concat([sample.bytes, garbage]));
      expect(await recoverWarcDir(folder)).toEqual([{ file: sample.name, keptBytes: sample.bytes.length, cutBytes: garbage.length, reason: expect.stringMatching(/not a WARC record|corrupt|torn/) }]);
      expect((await readFile(path)).equals(sample.bytes)).toBe(true);
    }
  });

  it("cuts an exchange whose last member is corrupt", async () => {
    const bytes = Buffer.from(sample.bytes);
    bytes[bytes.length - 200]! ^= 0xff; // inside the last request's deflate stream
    const { folder, path } = await folderWith(bytes);
    const kept = sample.boundaries.at(-2)!;
    expect(await recoverWarcDir(folder)).toEqual([{ file: sample.name, keptBytes: kept, cutBytes: bytes.length - kept, reason: expect.stringMatching(/corrupt/) }]);
    await expectValid(path);
  });

  it("handles an empty file, a torn first header and files other tools wrote", async () => {
    const empty = await folderWith(Buffer.alloc(0));
    expect(await recoverWarcDir(empty.folder)).toEqual([]);
    expect((await stat(empty.path)).size).toBe(0);
    expect(await validateWarcFile(empty.path)).toMatchObject({ records: 0, errors: [] });

    const torn = await folderWith(sample.bytes.subarray(0, 12));
    expect(await recoverWarcDir(torn.folder)).toEqual([{ file: sample.name, keptBytes: 0, cutBytes: 12, reason: expect.any(String) }]);

    const foreignBytes = Buffer.concat([gzipSync(Buffer.from("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")), randomBytes(300)]);
    const foreign = await folderWith(foreignBytes);
    expect(await recoverWarcDir(foreign.folder)).toEqual([]);
    expect((await readFile(foreign.path)).equals(foreignBytes)).toBe(true);
  });

  it("leaves a file a live writer holds, and recovers it (removing the marker) once the writer is gone", async () => {
    const torn = sample.bytes.subarray(0, sample.bytes.length - 1000);
    const holder = spawn("sleep", ["30"]);
    try {
      const { folder, path } = await folderWith(torn, JSON.stringify({ pid: holder.pid }));
      expect(await recoverWarcDir(folder)).toEqual([]);
      expect((await stat(path)).size).toBe(torn.length);
      holder.kill("SIGKILL");
      await once(holder, "exit");
      expect(await recoverWarcDir(folder)).toHaveLength(1);
      expect(await readdir(folder)).toEqual([sample.name]);
      await expectValid(path);
    } finally {
      holder.kill("SIGKILL");
    }
    // A marker naming a reused pid (same pid, other start time) is stale; so is a torn marker, and a marker without its file.
    const reused = await folderWith(torn, JSON.stringify({ pid: process.pid, start: "1" }));
    expect(await recoverWarcDir(reused.folder)).toHaveLength(1);
    const tornMarker = await folderWith(torn, '{"pi');
    await writeFile(join(tornMarker.folder, "nianbao-20240101000000000-00000-1.warc.gz.open"), '{"pid":999999999}');
    expect(await recoverWarcDir(tornMarker.folder)).toHaveLength(1);
    expect(await readdir(tornMarker.folder)).toEqual([sample.name]);
  });

  it("does not touch the file this process's writer is writing", async () => {
    const folder = await mkdtemp(join(dir, "live-"));
    const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test" });
    const location = await writer.write(syntheticExchange(1, Buffer.from("x")));
    await copyFile(join(folder, location.file), join(folder, "copy.warc.gz"));
    await appendFile(join(folder, "copy.warc.gz"), randomBytes(50));
    expect((await recoverWarcDir(folder)).map((cut) => cut.file)).toEqual(["copy.warc.gz"]);
    expect(await readdir(folder)).toContain(`${location.file}.open`);
    await writer.close();
    expect(await readdir(folder)).not.toContain(`${location.file}.open`);
  });
});

/** Kills the child the moment the WARC files grow (an append in progress), or after 3 s. */
function killMidWrite(folder: string, child: ChildProcess): void {
  const deadline = Date.now() + 3000;
  let last = -1;
  while (Date.now() < deadline) {
    let size = 0;
    for (const name of readdirSync(folder)) if (name.endsWith(".warc.gz")) size += statSync(join(folder, name)).size;
    if (last >= 0 && size !== last) break;
    last = size;
  }
  child.kill("SIGKILL");
}

describe("crash safety", () => {
  it("after kill -9 mid-write, recovery keeps every acknowledged capture and the writer goes on", async () => {
    const folder = await mkdtemp(join(dir, "crash-"));
    const script = join(import.meta.dirname, "support", "write-loop.ts");
    const acknowledged: WarcLocation[] = [];
    let tornRounds = 0;
    let round = 0;
    // At least 3 rounds; more (up to 10) until one kill has torn a write (about one in three does).
    for (; round < 3 || (round < 10 && tornRounds === 0); round++) {
      const child = spawn(process.execPath, [script, folder], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, "exit");
      let seen = 0;
      for await (const line of createInterface({ input: child.stdout })) {
        acknowledged.push(JSON.parse(line) as WarcLocation);
        if (++seen === 3) killMidWrite(folder, child);
      }
      const [code, signal] = await exited;
      expect({ code, signal, stderr }).toMatchObject({ code: null, signal: "SIGKILL" });
      const cuts = await recoverWarcDir(folder);
      if (cuts.length > 0) tornRounds++;
      const names = await readdir(folder);
      expect(names.filter((name) => name.endsWith(".open"))).toEqual([]);
      for (const name of names) expect((await validateWarcFile(join(folder, name))).errors).toEqual([]);
      for (const location of acknowledged) expect((await readRecordAt(folder, location)).status).toBe(200);
    }
    const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test" });
    const after = await writer.write(syntheticExchange(99, Buffer.from("after the crash")));
    await writer.close();
    expect(Buffer.from((await readRecordAt(folder, after)).body).toString()).toBe("after the crash");
    for (const name of await readdir(folder)) await expectValid(join(folder, name));
    expect(acknowledged.length).toBeGreaterThanOrEqual(3 * round);
    console.info(`crash test: ${round} kills, ${tornRounds} tore a write; all ${acknowledged.length} acknowledged captures kept`);
  });
});
