import { readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";

// While a writer has a WARC file open, a marker `<file>.open` lies beside it naming the writing
// process (pid and, on Linux, its start time, so a reused pid is not taken for the writer). The
// writer removes it after closing the file cleanly (fsync'd). Recovery leaves alone a file whose
// marker names a live process (it is being written: its tail may be a write in flight) and checks
// the tail of every other file; it removes stale markers.

export const OPEN_SUFFIX = ".open";

/** Files this process's writers have open: a marker naming this process is stale unless listed here. */
const openHere = new Set<string>();

interface Holder {
  pid: number;
  start?: string;
}

function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count from its closing ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

const self: Holder = { pid: process.pid, start: startTime(process.pid) };

export async function createMarker(warcPath: string): Promise<void> {
  await writeFile(warcPath + OPEN_SUFFIX, `${JSON.stringify(self)}\n`, { flag: "wx" });
  openHere.add(warcPath);
}

export async function removeMarker(warcPath: string): Promise<void> {
  openHere.delete(warcPath);
  await rm(warcPath + OPEN_SUFFIX, { force: true });
}

/** Forget (in this process) that a writer holds the file, without touching the marker: after a failed close. */
export function releaseMarker(warcPath: string): void {
  openHere.delete(warcPath);
}

function alive(holder: Holder): boolean {
  if (holder.pid === self.pid && holder.start === self.start) return false; // this process: see openHere
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    return true; // EPERM: it exists, owned by someone else
  }
  const start = startTime(holder.pid);
  if (holder.start === undefined || start === undefined) return true;
  return start === holder.start && !isZombie(holder.pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** What the marker says: "none", "live" (a running writer holds the file) or "stale" (its writer is gone). */
export async function markerState(warcPath: string): Promise<"none" | "live" | "stale"> {
  if (openHere.has(warcPath)) return "live";
  let text: string;
  try {
    text = await readFile(warcPath + OPEN_SUFFIX, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "none";
    throw error;
  }
  let holder: Holder;
  try {
    holder = JSON.parse(text) as Holder;
  } catch {
    return "stale"; // torn marker: its writer died while creating it
  }
  if (!Number.isInteger(holder.pid)) return "stale";
  return alive(holder) ? "live" : "stale";
}
