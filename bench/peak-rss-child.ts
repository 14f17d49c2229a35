import { readFileSync } from "node:fs";
import { extractDocument } from "../src/extract/extract-document.ts";

// Run by peak-rss.ts in its own process: extracts one file, prints JSON with the peak RSS.
// Usage: node bench/peak-rss-child.ts FILE

const file = process.argv[2];
if (!file) throw new Error("usage: node bench/peak-rss-child.ts FILE");
const start = performance.now();
const { record } = await extractDocument(readFileSync(file), { name: file });
const ms = performance.now() - start;
console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, ms, pages: record.source?.pages ?? null, cells: Object.keys(record.values).length }));
