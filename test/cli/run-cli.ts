import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

// Runs the built `nianbao` command (bin/nianbao.js → dist/) as a user would.

export const BIN = resolve(import.meta.dirname, "../../bin/nianbao.js");

export function runCli(args: string[], input?: Uint8Array | string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
