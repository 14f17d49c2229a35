import { closeSync, openSync, writeSync } from "node:fs";
import { mkdtemp, rm, stat, readdir } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { exchangeRecords } from "../src/crawlers/warc/warc-exchange-records.ts";
import { WarcWriter } from "../src/crawlers/warc/warc-writer.ts";
import type { HttpExchange } from "../src/crawlers/warc/types.ts";

// `npm run bench:warc`: WarcWriter's throughput on 10,000 exchanges of ≈20 KB (HTML-like text with
// Chinese, as list and detail pages are), written one at a time (as a crawler awaits each) and
// with 16 in flight, beside a bare loop over the same record bytes: zlib.gzipSync + fs.writeSync
// per record (no digests, no serialisation, no async). MB/s counts uncompressed record bytes.
// Then fsync'd writes (the `fsync: true` option), on fewer exchanges.
//
// Knobs (environment): BENCH_WARC_EXCHANGES (10000), BENCH_WARC_FSYNC_EXCHANGES (500), BENCH_WARC_ROUNDS (3).

const COUNT = Number(process.env.BENCH_WARC_EXCHANGES ?? 10_000);
const FSYNC_COUNT = Number(process.env.BENCH_WARC_FSYNC_EXCHANGES ?? 500);
const ROUNDS = Number(process.env.BENCH_WARC_ROUNDS ?? 3);

function pageText(): Buffer {
  const rows: string[] = [];
  for (let i = 0; rows.join("").length < 400_000; i++) {
    rows.push(`<li><a href="/art/2024/${1000 + i}.html" title="某某镇人民政府${2019 + (i % 5)}年政府信息公开工作年度报告">某某镇${2019 + (i % 5)}年度报告 第${i}条</a><span>2024-0${1 + (i % 9)}-${10 + (i % 18)}</span></li>\n`);
  }
  return Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>\n${rows.join("")}</ul></body></html>`);
}

function exchanges(count: number): HttpExchange[] {
  const pool = pageText();
  return Array.from({ length: count }, (_, i) => {
    const size = 18_000 + ((i * 7919) % 4_000);
    const start = (i * 104_729) % (pool.length - size);
    const body = pool.subarray(start, start + size);
    return {
      url: `http://www.example.gov.cn/col/col${i % 50}/index_${i}.html`,
      method: "GET",
      requestHeaders: [["Host", "www.example.gov.cn"], ["User-Agent", "nianbao/0.1.0"], ["Accept", "text/html,*/*"], ["Accept-Encoding", "gzip, deflate"]],
      httpVersion: "HTTP/1.1",
      status: 200,
      statusText: "OK",
      responseHeaders: [["Server", "nginx"], ["Date", new Date(Date.UTC(2024, 4, 1)).toUTCString()], ["Content-Type", "text/html; charset=utf-8"], ["Content-Length", String(body.length)], ["Connection", "keep-alive"]],
      body,
      date: new Date(Date.UTC(2024, 4, 1, 8, 0, 0, i % 1000)),
      ip: "192.0.2.1",
    };
  });
}

interface Run {
  label: string;
  seconds: number;
  inputBytes: number;
  outputBytes: number;
  exchanges: number;
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(folder)) total += (await stat(join(folder, name))).size;
  return total;
}

async function writerRun(label: string, root: string, list: HttpExchange[], inFlight: number, fsync: boolean, inputBytes: number): Promise<Run> {
  const folder = await mkdtemp(join(root, "w-"));
  const started = performance.now();
  const writer = await WarcWriter.open({ dir: folder, software: "nianbao/bench", fsync });
  const pending = new Set<Promise<unknown>>();
  for (const exchange of list) {
    const write = writer.write(exchange).finally(() => pending.delete(write));
    pending.add(write);
    if (pending.size >= inFlight) await Promise.race(pending);
  }
  await Promise.all(pending);
  await writer.close();
  const seconds = (performance.now() - started) / 1000;
  return { label, seconds, inputBytes, outputBytes: await folderBytes(folder), exchanges: list.length };
}

function bareRun(root: string, records: Buffer[][], exchangeCount: number, inputBytes: number): Promise<Run> {
  return (async () => {
    const folder = await mkdtemp(join(root, "bare-"));
    const started = performance.now();
    const fd = openSync(join(folder, "bare.warc.gz"), "wx");
    for (const parts of records) writeSync(fd, gzipSync(Buffer.concat(parts)));
    closeSync(fd);
    const seconds = (performance.now() - started) / 1000;
    return { label: "bare gzipSync + writeSync", seconds, inputBytes, outputBytes: await folderBytes(folder), exchanges: exchangeCount };
  })();
}

function line(run: Run, baseline?: Run): string {
  const mbs = run.inputBytes / 1e6 / run.seconds;
  const ratio = baseline ? `${(mbs / (baseline.inputBytes / 1e6 / baseline.seconds)).toFixed(2)}×` : "1.00×";
  return [run.label.padEnd(34), `${run.exchanges}`.padStart(6), `${run.seconds.toFixed(2)} s`.padStart(9), `${mbs.toFixed(1)} MB/s`.padStart(12), `${Math.round((run.exchanges * 2) / run.seconds)} rec/s`.padStart(13), `${(run.outputBytes / 1e6).toFixed(1)} MB`.padStart(10), ratio.padStart(7)].join(" ");
}

const root = await mkdtemp(join(tmpdir(), "nianbao-bench-warc-"));
try {
  const list = exchanges(COUNT);
  const records = list.map((exchange) => {
    const { response, request } = exchangeRecords(exchange);
    return [Buffer.concat(response.parts), Buffer.concat(request.parts)];
  });
  const inputBytes = records.flat().reduce((sum, record) => sum + record.length, 0);
  const fsyncList = list.slice(0, FSYNC_COUNT);
  const fsyncBytes = records.slice(0, FSYNC_COUNT).flat().reduce((sum, record) => sum + record.length, 0);
  const single = records.flatMap((pair) => pair.map((record) => [record]));
  const configs: Array<() => Promise<Run>> = [
    () => bareRun(root, single, COUNT, inputBytes),
    () => writerRun("WarcWriter, one at a time", root, list, 1, false, inputBytes),
    () => writerRun("WarcWriter, 16 in flight", root, list, 16, false, inputBytes),
    () => writerRun("WarcWriter fsync, one at a time", root, fsyncList, 1, true, fsyncBytes),
    () => writerRun("WarcWriter fsync, 16 in flight", root, fsyncList, 16, true, fsyncBytes),
  ];
  // Rounds alternate the configurations (the machine is shared: load drifts); each keeps its best round.
  const best: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, config] of configs.entries()) {
      const run = await config();
      if (!best[i] || run.seconds < best[i]!.seconds) best[i] = run;
      process.stderr.write(`round ${round + 1}/${ROUNDS}: ${run.label} ${run.seconds.toFixed(2)} s\n`);
    }
  }
  const [bare] = best;
  console.log(`WARC write: ${COUNT} exchanges of ≈20 KB, ${(inputBytes / 1e6).toFixed(1)} MB of records (2 per exchange); ratio = MB/s over the bare loop's`);
  console.log(["".padEnd(34), "exch.".padStart(6), "time".padStart(9), "throughput".padStart(12), "records".padStart(13), "on disk".padStart(10), "ratio".padStart(7)].join(" "));
  for (const run of best) console.log(line(run, run === bare ? undefined : bare));
  console.log(`best of ${ROUNDS} alternating rounds; load average at the end ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
} finally {
  await rm(root, { recursive: true, force: true });
}
