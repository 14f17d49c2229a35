import { decodeEntities } from "./text.ts";

// Hanweb's list XML, both where a column page hides its first records
// (`<script type="text/xml"><datastore><nextgroup>…</nextgroup><recordset><record><![CDATA[<li>…]]>`)
// and as dataproxy.jsp answers (`<datastore><totalrecord>N</totalrecord><totalpage>M</totalpage>
// <recordset>…`). Read with patterns, not a parser: the records are HTML inside CDATA, and some
// servers send them entity-escaped instead.

export interface Datastore {
  /** The id of the element the datastore sits in (the jpage target, usually the unitid). */
  id?: string;
  /** Each record's HTML (one list row). */
  records: string[];
  /** The href of the `<nextgroup>` link (a dataproxy.jsp URL), if any. */
  nextgroup?: string;
  totalRecord?: number;
  totalPage?: number;
}

const DATASTORE = /<datastore\b[^>]*>([\s\S]*?)<\/datastore\s*>/gi;
const RECORD = /<record\b[^>]*>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/record\s*>/gi;
const NEXTGROUP = /<nextgroup\b[^>]*>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/nextgroup\s*>/i;
const ID_BEFORE = /\bid\s*=\s*["']?([\w-]+)/gi;

export function datastores(text: string): Datastore[] {
  const out: Datastore[] = [];
  for (const m of text.matchAll(DATASTORE)) {
    const block = m[1];
    const records = [...block.matchAll(RECORD)].map((r) => (r[1] !== undefined ? r[1] : decodeEntities(r[2] ?? ""))).filter((r) => r.trim());
    const ng = NEXTGROUP.exec(block);
    const ngHtml = ng ? (ng[1] ?? decodeEntities(ng[2] ?? "")) : "";
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(ngHtml)?.[1];
    const before = text.slice(Math.max(0, (m.index ?? 0) - 400), m.index ?? 0);
    const ids = [...before.matchAll(ID_BEFORE)];
    out.push({
      id: ids.at(-1)?.[1],
      records,
      nextgroup: href ? decodeEntities(href) : undefined,
      totalRecord: count(/<totalrecord>\s*(\d+)\s*<\/totalrecord>/i.exec(block)?.[1]),
      totalPage: count(/<totalpage>\s*(\d+)\s*<\/totalpage>/i.exec(block)?.[1]),
    });
  }
  return out;
}

function count(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}
