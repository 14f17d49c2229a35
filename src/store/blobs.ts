import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.ts";

// Raw bytes, content-addressed by sha256; written once, never altered.

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Stores the bytes (a no-op when already stored); returns their sha256. */
export async function putBlob(db: Kysely<Database>, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await db.insertInto("blobs").values({ sha256, size: bytes.length, bytes }).onConflict((oc) => oc.column("sha256").doNothing()).execute();
  return sha256;
}

/** The stored bytes of a blob. */
export async function getBlob(db: Kysely<Database>, sha256: string): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom("blobs").select("bytes").where("sha256", "=", sha256).executeTakeFirst();
  return row?.bytes;
}
