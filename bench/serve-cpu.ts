import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// CPU time (user + system) spent by the web server's process and by the database server, read
// from /proc (Linux; null elsewhere, or for a database on another machine). Divided by the
// requests of a load run it gives the work one answer costs — a figure that, unlike requests
// per second and latency, hardly depends on what else the machine is doing at the time.

let ticks: number | undefined;
const clockTicks = () => (ticks ??= Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100);

/** utime, stime, cutime, cstime of a process, in clock ticks; null when it cannot be read. */
function times(pid: number): { self: number; children: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // after "pid (comm) ": state is fields[0]
    return { ppid: Number(fields[1]), self: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/** CPU milliseconds of one process so far. */
export function processCpuMs(pid: number | undefined): number | null {
  const t = pid === undefined ? null : times(pid);
  return t ? (t.self * 1000) / clockTicks() : null;
}

/** CPU milliseconds of a PostgreSQL server so far: the postmaster, its live children (the backends), and those it has reaped. */
export function databaseCpuMs(postmaster: number | undefined): number | null {
  const main = postmaster === undefined ? null : times(postmaster);
  if (!main) return null;
  let total = main.self + main.children;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const t = times(Number(name));
    if (t && t.ppid === postmaster) total += t.self;
  }
  return (total * 1000) / clockTicks();
}

/** The postmaster's pid, from a backend's parent (null when the server is not on this machine). */
export function postmasterOf(backendPid: number): number | undefined {
  return times(backendPid)?.ppid;
}
