import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { DivisionRow } from "./division-data.ts";

// The archive's divisions in memory, for placing agency names without a round trip per
// document: by code, and by every name a document may use for a division (its own name; a
// 街道办事处 also as …街道; a province also by its short name, 宁夏 for 宁夏回族自治区). Loaded
// once per database handle (≈45,000 rows) and shared by every ingest through that handle.

export type Division = DivisionRow;

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

export class DivisionIndex {
  readonly byCode = new Map<string, Division>();
  readonly byName = new Map<string, Division[]>();
  readonly longestName: number;

  constructor(rows: readonly Division[]) {
    let longest = 0;
    const index = (name: string, d: Division) => {
      const list = this.byName.get(name);
      if (!list) this.byName.set(name, [d]);
      else if (!list.includes(d)) list.push(d);
      longest = Math.max(longest, name.length);
    };
    for (const d of rows) {
      this.byCode.set(d.code, d);
      index(d.name, d);
      if (d.level === "township" && d.name.endsWith("街道办事处")) index(d.name.slice(0, -3), d);
      if (d.level === "province") {
        const short = d.name.replace(PROVINCE_SUFFIX, "");
        if (short.length >= 2 && short !== d.name) index(short, d);
      }
    }
    this.longestName = longest;
  }

  get size(): number {
    return this.byCode.size;
  }

  /** Whether d is `ancestor` or lies within it. */
  within(d: Division, ancestor: Division): boolean {
    for (let at: Division | undefined = d; at; at = at.parentCode ? this.byCode.get(at.parentCode) : undefined) {
      if (at === ancestor) return true;
    }
    return false;
  }
}

const cache = new WeakMap<object, Promise<DivisionIndex>>();

/** The divisions of the archive behind `db`, loaded on first use and kept for the handle's life. */
export function divisionIndex(db: Kysely<Database>): Promise<DivisionIndex> {
  let found = cache.get(db);
  if (!found) {
    found = db.selectFrom("divisions").select(["code", "name", "level", "parent_code as parentCode", "path"]).execute()
      .then((rows) => new DivisionIndex(rows));
    found.catch(() => cache.delete(db));
    cache.set(db, found);
  }
  return found;
}
