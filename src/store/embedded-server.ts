import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { appendFile, chmod, chown, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import pg from "pg";
import { prepareRelocated, reachableBinaries, reachableBy, relocatedDataDir } from "./cluster-location.ts";
import { processAlive, withFileLock } from "./file-lock.ts";
import { postgresBinaries, postgresUser, type RunAs } from "./postgres-binaries.ts";
import { StoreError } from "./store-error.ts";

// The embedded default: a PostgreSQL of nianbao's own, data under <storage>/postgres (as root,
// where the postgres user cannot reach that, in a folder of its own: cluster-location.ts), listening
// on 127.0.0.1 only, on a port chosen per storage folder and kept (with the superuser password)
// in <storage>/postgres.json, so several archives side by side never clash.
// A server that is already running on that folder (another nianbao, or one left by a crash) is
// reused; a stale postmaster.pid is removed; only a server this process started (or adopted as
// an orphan, see makeServer) is stopped, on close or on exit (also on SIGINT/SIGTERM/SIGHUP).

export const ARCHIVE_DATABASE = "nianbao";
const SUPERUSER = "postgres";

export interface EmbeddedServerOptions {
  /** The storage folder; the cluster lives in <storage>/postgres. */
  storage: string;
  /** Progress lines for slow steps (first-run initialisation, start-up); default: stderr. */
  onProgress?: (line: string) => void;
  /** Extra server settings (postgres -c name=value), e.g. fsync=off for tests. */
  settings?: Record<string, string>;
}

export interface EmbeddedServer {
  storage: string;
  dataDir: string;
  port: number;
  /** True when this process started the server (and so stops it). */
  startedHere: boolean;
  /** Connection URL for a database on this server (default: the archive database). */
  url(database?: string): string;
  /** The read-only role's connection URL (it logs in once enableReader has run; see reader-role.ts). */
  readerUrl(database?: string): string;
  /** The read-only role's password, kept in <storage>/postgres.json. */
  readerPassword: string;
  /** True while this process is the one to stop the server (it started or adopted it). */
  owned(): boolean;
  /** True when no live process owns the running server (its starter detached or crashed). */
  orphaned(): boolean;
  /** Takes ownership of a reused server: stop() (or exit) then stops it. */
  adopt(): void;
  /** Stops the server if this process owns it; idempotent. */
  stop(): Promise<void>;
  /** Leaves the server running (another process is using it): it is no longer stopped on exit. */
  detach(): void;
}

interface ServerConfig {
  port: number;
  password: string;
  /** Where the cluster lives when not in <storage>/postgres (root, private storage folder). */
  dataDir?: string;
  /** The read-only role nianbao_reader's password (added to older files when first needed). */
  readerPassword?: string;
}

export const READER_ROLE = "nianbao_reader";

const defaultProgress = (line: string) => process.stderr.write(`nianbao: ${line}\n`);

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const storage = resolve(options.storage);
  const progress = options.onProgress ?? defaultProgress;
  const configPath = join(storage, "postgres.json");
  try {
    await mkdir(storage, { recursive: true });
  } catch (err) {
    throw new StoreError(`cannot create the storage folder ${storage}: ${(err as Error).message}; choose another with --storage or NIANBAO_STORAGE`);
  }
  const runAs = postgresUser();
  const bins = await reachableBinaries(await postgresBinaries(), runAs);
  // As root the server runs as 'postgres', which must be able to enter the storage folder.
  if (runAs.uid !== undefined) await chmod(storage, (await stat(storage)).mode | 0o711).catch(() => undefined);

  return withFileLock(join(storage, "postgres.lock"), async () => {
    let config = await readConfig(configPath);
    const dataDir = config?.dataDir ?? clusterFolder(storage, runAs);
    // A relocated cluster whose storage folder lost its postgres.json (`rm -rf storage` to start
    // over) cannot be opened any more: its password was there. A new archive starts; the old
    // cluster is kept aside, never deleted, and the line says where.
    if (!config && dataDir !== join(storage, "postgres") && existsSync(join(dataDir, "PG_VERSION"))) {
      progress(`kept the cluster of an earlier archive at this path (its ${configPath} is gone) as ${await setAside(dataDir)}; starting a new archive`);
    }
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
        throw new StoreError(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION; an interrupted first run?); move it away and run again`);
      }
      config = { ...config, port: config?.port ?? (await freePort()), password: config?.password ?? randomBytes(18).toString("hex") };
      if (dataDir !== join(storage, "postgres")) {
        config.dataDir = dataDir;
        await prepareRelocated(dataDir, storage, runAs);
      }
      await writeConfig(configPath, config);
      progress(`creating the archive's PostgreSQL cluster in ${dataDir} (first run; a few seconds) …`);
      await initCluster(bins.initdb, dataDir, config.password, runAs);
    } else if (!config) {
      throw new StoreError(`${dataDir} holds a PostgreSQL cluster but ${configPath} (its port and password) is missing; restore that file, or move the postgres folder away to start a new archive`);
    }
    if (!config.readerPassword) {
      config = { ...config, readerPassword: randomBytes(18).toString("hex") };
      await writeConfig(configPath, config);
    }
    const readerPassword = config.readerPassword as string;

    const livePort = await liveServerPort(dataDir, config.password);
    if (livePort !== undefined) {
      if (livePort !== config.port) await writeConfig(configPath, { ...config, port: livePort });
      return makeServer({ storage, dataDir, port: livePort, password: config.password, readerPassword, startedHere: false, pgCtl: bins.pg_ctl, runAs });
    }

    const timer = setTimeout(() => progress(`starting the embedded PostgreSQL in ${dataDir} …`), 1500);
    try {
      for (let attempt = 1; ; attempt++) {
        if (!(await portFree(config.port))) {
          config = { ...config, port: await freePort() };
          await writeConfig(configPath, config);
        }
        const result = await pgCtlStart(bins.pg_ctl, dataDir, config.port, options.settings ?? {}, runAs);
        if (result.ok) break;
        const log = await logTail(dataDir);
        if (attempt < 3 && /could not bind|address already in use/i.test(log)) {
          config = { ...config, port: await freePort() };
          await writeConfig(configPath, config);
          continue;
        }
        const reason = lastErrorLine(log) ?? result.output.trim().split("\n").pop() ?? "unknown error";
        throw new StoreError(`could not start the embedded PostgreSQL in ${dataDir}: ${reason} (log: ${join(dataDir, "server.log")}); or set DATABASE_URL to use another server`);
      }
    } finally {
      clearTimeout(timer);
    }
    return makeServer({ storage, dataDir, port: config.port, password: config.password, readerPassword, startedHere: true, pgCtl: bins.pg_ctl, runAs });
  });
}

/**
 * <storage>/postgres, unless running as root with a storage folder the postgres user cannot
 * reach (under a mode-700 parent such as /root): then a postgres-owned folder keyed by it.
 */
function clusterFolder(storage: string, runAs: RunAs): string {
  const inside = join(storage, "postgres");
  if (runAs.uid === undefined || existsSync(join(inside, "PG_VERSION")) || reachableBy(runAs, storage)) return inside;
  return relocatedDataDir(storage);
}

/** Creates `name` on the server if it does not exist yet (safe when two processes race). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount) return;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)} encoding 'UTF8' template template0`);
    } catch (err) {
      if ((err as { code?: string }).code !== "42P04" && (err as { code?: string }).code !== "23505") throw err;
    }
  } finally {
    await client.end();
  }
}

/**
 * Moves a relocated cluster whose storage folder was deleted out of the way of a new one, beside
 * it under a dated name: never deleted (it is an archive), and refused while a server runs on it.
 */
async function setAside(dataDir: string): Promise<string> {
  const pidFile = join(dataDir, "postmaster.pid");
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
  if (pid && processAlive(pid)) {
    throw new StoreError(`${dataDir} holds the cluster of an earlier archive at this path, and a PostgreSQL (pid ${pid}) still runs on it; stop it (kill ${pid}) and run again`);
  }
  const aside = `${dataDir}.before-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  await rename(dataDir, aside);
  return aside;
}

// ── the server handle and exit cleanup ──────────────────────────────────────────────────────

interface ServerParts {
  storage: string;
  dataDir: string;
  port: number;
  password: string;
  readerPassword: string;
  startedHere: boolean;
  pgCtl: string;
  runAs: RunAs;
}

const running = new Map<string, () => void>(); // dataDir → synchronous stop, for exit handlers

function makeServer(p: ServerParts): EmbeddedServer {
  // <storage>/postgres.owner holds the pid of the process that will stop the server. A server
  // whose owner is gone (detached, or crashed) is orphaned: the next process to finish with it
  // while nobody else is connected adopts and stops it.
  const ownerPath = join(p.storage, "postgres.owner");
  let owned = false;
  const release = () => {
    owned = false;
    running.delete(p.dataDir);
    try {
      if (readFileSync(ownerPath, "utf8").trim() === String(process.pid)) rmSync(ownerPath, { force: true });
    } catch { /* no owner file */ }
  };
  const stopSync = () => {
    if (!owned) return;
    release();
    spawnSync(p.pgCtl, ["stop", "-D", p.dataDir, "-m", "fast", "-w", "-t", "60"], { ...p.runAs, stdio: "ignore", env: pgEnv() });
  };
  const own = () => {
    owned = true;
    writeFileSync(ownerPath, String(process.pid));
    running.set(p.dataDir, stopSync);
    installExitHandlers();
  };
  if (p.startedHere) own();
  return {
    storage: p.storage,
    dataDir: p.dataDir,
    port: p.port,
    startedHere: p.startedHere,
    url: (database = ARCHIVE_DATABASE) => `postgres://${SUPERUSER}:${encodeURIComponent(p.password)}@127.0.0.1:${p.port}/${encodeURIComponent(database)}`,
    readerUrl: (database = ARCHIVE_DATABASE) => `postgres://${READER_ROLE}:${encodeURIComponent(p.readerPassword)}@127.0.0.1:${p.port}/${encodeURIComponent(database)}`,
    readerPassword: p.readerPassword,
    owned: () => owned,
    orphaned() {
      if (owned) return false;
      try {
        return !processAlive(Number(readFileSync(ownerPath, "utf8").trim()));
      } catch {
        return true;
      }
    },
    adopt() {
      if (!owned) own();
    },
    async stop() {
      if (!owned) return;
      release();
      await run(p.pgCtl, ["stop", "-D", p.dataDir, "-m", "fast", "-w", "-t", "60"], { ...p.runAs });
    },
    detach() {
      if (owned) release();
    },
  };
}

let handlersInstalled = false;

function stopAll() {
  for (const stop of [...running.values()]) stop();
}

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", stopAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const handler = () => {
      // A command that listens for the signal itself (a crawl, `serve`, `db`) winds down and
      // closes the archive, which stops the server after its last write: stopping it here first
      // would cut the connections it still needs.
      if (process.listenerCount(signal) > 1) return;
      stopAll();
      process.removeListener(signal, handler);
      process.kill(process.pid, signal); // the signal's usual course: terminate
    };
    process.on(signal, handler);
  }
}

// ── initdb, pg_ctl ───────────────────────────────────────────────────────────────────────────

function pgEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: "C", LC_MESSAGES: "C", LANG: "C" };
}

function run(cmd: string, args: string[], opts: SpawnOptions): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { ...opts, env: pgEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => { output += d.toString("utf8"); });
    child.stderr?.on("data", (d: Buffer) => { output += d.toString("utf8"); });
    child.on("error", (err) => resolveRun({ ok: false, output: err.message }));
    child.on("close", (code) => resolveRun({ ok: code === 0, output }));
  });
}

async function initCluster(initdb: string, dataDir: string, password: string, runAs: RunAs): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) await chown(dataDir, runAs.uid, runAs.gid ?? runAs.uid);
  const pwfile = join(dataDir, "..", `.pgpass-init-${process.pid}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o644 });
  try {
    const result = await run(initdb, [
      `--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${SUPERUSER}`, `--pwfile=${pwfile}`,
      "--encoding=UTF8", "--locale=C", "--no-instructions",
    ], { ...runAs });
    if (!result.ok) {
      const line = result.output.split("\n").map((l) => l.trim()).filter((l) => /error|fatal|could not|permission/i.test(l))[0];
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
      throw new StoreError(`could not create the PostgreSQL cluster in ${dataDir}: ${line ?? "initdb failed"}${runAs.uid !== undefined ? " (running as root, every folder above it must be readable by the 'postgres' user)" : ""}`);
    }
  } finally {
    await rm(pwfile, { force: true });
  }
  // Only local TCP connections; no Unix socket (so no clash over /tmp between clusters).
  await appendFile(join(dataDir, "postgresql.conf"), "\n# nianbao\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n");
}

function pgCtlStart(pgCtl: string, dataDir: string, port: number, settings: Record<string, string>, runAs: RunAs) {
  const flags = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
  return run(pgCtl, ["start", "-D", dataDir, "-w", "-t", "120", "-l", join(dataDir, "server.log"), "-o", flags], { ...runAs });
}

async function logTail(dataDir: string): Promise<string> {
  const text = await readFile(join(dataDir, "server.log"), "utf8").catch(() => "");
  return text.slice(-4000);
}

function lastErrorLine(log: string): string | undefined {
  const lines = log.split("\n").filter((l) => /FATAL|ERROR|PANIC/.test(l));
  return lines.pop()?.replace(/^.*?(FATAL|ERROR|PANIC):\s*/, "");
}

// ── a server already running on this folder? ────────────────────────────────────────────────

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The port of a live server on dataDir that answers with our password; removes a stale pid file. */
async function liveServerPort(dataDir: string, password: string): Promise<number | undefined> {
  const pidFile = join(dataDir, "postmaster.pid");
  const deadline = Date.now() + 30_000;
  for (;;) {
    let lines: string[];
    try {
      lines = readFileSync(pidFile, "utf8").split("\n");
    } catch {
      return undefined;
    }
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!processAlive(pid) || !looksLikePostgres(pid)) {
      // A crash left the file behind (or its pid now belongs to another program).
      await rm(pidFile, { force: true });
      return undefined;
    }
    if (port > 0 && (await answers(port, password))) return port;
    if (Date.now() > deadline) {
      throw new StoreError(`a PostgreSQL (pid ${pid}) is running on ${dataDir} but does not answer on 127.0.0.1:${port || "?"}; stop it (kill ${pid}) and run again`);
    }
    await sleep(200); // starting up or shutting down
  }
}

function looksLikePostgres(pid: number): boolean {
  if (process.platform !== "linux") return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true;
  }
}

async function answers(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: SUPERUSER, password, database: "postgres", connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ── ports and the config file ────────────────────────────────────────────────────────────────

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once("error", () => resolveFree(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolveFree(true)));
  });
}

async function readConfig(path: string): Promise<ServerConfig | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<ServerConfig>;
    if (typeof parsed.port === "number" && typeof parsed.password === "string") {
      const reader = typeof parsed.readerPassword === "string" && /^[0-9a-f]{16,}$/.test(parsed.readerPassword) ? parsed.readerPassword : undefined;
      return {
        port: parsed.port, password: parsed.password,
        ...(typeof parsed.dataDir === "string" ? { dataDir: parsed.dataDir } : {}),
        ...(reader ? { readerPassword: reader } : {}),
      };
    }
  } catch { /* missing or unreadable: treated as absent */ }
  return undefined;
}

async function writeConfig(path: string, config: ServerConfig): Promise<void> {
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
