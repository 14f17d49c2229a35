import type { Kysely } from "kysely";
import type { Database } from "./database.ts";

// A capture's archived bytes (the original document) with what is known about it.

export interface CaptureOriginal { id: string; url: string; finalUrl: string | null; contentType: string | null; sha256: string; fetchedAt: Date; bytes: Uint8Array }

export async function captureOriginal(db: Kysely<Database>, captureId: string): Promise<CaptureOriginal | null> {
  const row = await db.selectFrom("captures as c").innerJoin("blobs as b", "b.sha256", "c.sha256")
    .select(["c.id", "c.url", "c.final_url as finalUrl", "c.content_type as contentType", "c.sha256", "c.fetched_at as fetchedAt", "b.bytes"])
    .where("c.id", "=", captureId).executeTakeFirst();
  return row ?? null;
}
