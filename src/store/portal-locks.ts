import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// One crawl of a portal at a time, across processes: a crawl holds a PostgreSQL session lock on
// each of its portals (pg_try_advisory_lock, on a connection kept for the crawl), so a second
// `nianbao crawl` of any of them — a nightly job starting while the last one still runs, a
// second terminal — is refused instead of resuming the same run beside it or crawling the same
// hosts twice. The locks go with the connection: a crawl that dies leaves none behind.

export class PortalsBusy extends Error {
  override readonly name = "PortalsBusy";
  readonly portals: string[];
  constructor(portals: string[]) {
    super(`${portals.length > 1 ? "portals" : "portal"} ${portals.join(", ")} ${portals.length > 1 ? "are" : "is"} being crawled by another nianbao process; wait for that crawl to finish, or stop it (Ctrl-C: it resumes later)`);
    this.portals = portals;
  }
}

/** Runs `fn` holding a crawl lock on each portal; throws PortalsBusy naming those another process holds. */
export async function withPortalLocks<T>(db: Kysely<Database>, portals: { id: string; name: string }[], fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    const busy: string[] = [];
    try {
      for (const portal of [...portals].sort((a, b) => Number(a.id) - Number(b.id))) {
        const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext('nianbao.crawl'), ${portal.id}::int) as locked`.execute(conn);
        if (!rows[0]?.locked) busy.push(`${portal.id} (${portal.name})`);
      }
      if (busy.length) throw new PortalsBusy(busy);
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock_all()`.execute(conn); // the connection goes back to the pool without them
    }
  });
}
