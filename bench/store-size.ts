import { sql, type Kysely } from "kysely";
import type { Database } from "../src/store/database.ts";

// What the archive weighs on disk: the whole database and each table (heap + TOAST + indexes,
// and the indexes alone), also per report.

export interface TableSize {
  table: string;
  bytes: number;
  indexBytes: number;
  kbPerReport: number;
}

export interface SizeFigures {
  reports: number;
  databaseBytes: number;
  kbPerReport: number;
  tables: TableSize[];
}

export async function measureSize(db: Kysely<Database>): Promise<SizeFigures> {
  const { rows: [{ reports, bytes }] } = await sql<{ reports: number; bytes: string }>`
    select (select count(*)::int from reports) as reports, pg_database_size(current_database()) as bytes`.execute(db);
  const { rows } = await sql<{ table: string; bytes: string; index_bytes: string }>`
    select c.relname as table, pg_total_relation_size(c.oid) as bytes, pg_indexes_size(c.oid) as index_bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by pg_total_relation_size(c.oid) desc`.execute(db);
  const per = (b: number) => (reports ? b / 1024 / reports : NaN);
  return {
    reports,
    databaseBytes: Number(bytes),
    kbPerReport: per(Number(bytes)),
    tables: rows.map((r) => ({ table: r.table, bytes: Number(r.bytes), indexBytes: Number(r.index_bytes), kbPerReport: per(Number(r.bytes)) })),
  };
}
