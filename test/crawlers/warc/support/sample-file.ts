import { randomBytes } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import { join } from "node:path";
import { WarcWriter } from "../../../../src/crawlers/warc/warc-writer.ts";
import type { WarcLocation } from "../../../../src/crawlers/warc/types.ts";
import { syntheticExchange } from "./http-capture.ts";

export interface SampleFile {
  path: string;
  name: string;
  bytes: Buffer;
  locations: WarcLocation[];
  /** Where each complete unit ends: the warcinfo record, then each exchange (response + request). */
  boundaries: number[];
}

/** A closed WARC file of `count` exchanges (text and binary bodies, the last one large). */
export async function sampleFile(parent: string, count = 12): Promise<SampleFile> {
  const folder = await mkdtemp(join(parent, "sample-"));
  const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test" });
  const locations: WarcLocation[] = [];
  for (let i = 0; i < count; i++) {
    const body = i === count - 1 ? randomBytes(300_000) : i % 2 ? randomBytes(2_000 + i * 500) : Buffer.from(`<p>第${i}页 年度报告</p>`.repeat(50 + i * 20));
    locations.push(await writer.write(syntheticExchange(i, body)));
  }
  await writer.close();
  const path = join(folder, locations[0]!.file);
  const bytes = await readFile(path);
  const boundaries = [locations[0]!.offset];
  for (const location of locations) {
    const requestStart = location.offset + location.length;
    boundaries.push(requestStart + bytes.readUInt32LE(requestStart + 16));
  }
  return { path, name: locations[0]!.file, bytes, locations, boundaries };
}
