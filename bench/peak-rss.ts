import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// Our peak RSS on one file, measured in a fresh child process (this process's heap would blur it).

const CHILD = fileURLToPath(new URL("./peak-rss-child.ts", import.meta.url));

export interface ChildExtraction { maxRssMb: number; ms: number; pages: number | null; cells: number }

export async function ourPeakRss(file: string): Promise<ChildExtraction> {
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD, file], { maxBuffer: 1 << 20 });
  const out = JSON.parse(stdout.trim().split("\n").at(-1)!) as { maxRssKb: number; ms: number; pages: number | null; cells: number };
  return { maxRssMb: out.maxRssKb / 1024, ms: out.ms, pages: out.pages, cells: out.cells };
}
