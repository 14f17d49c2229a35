// The <meta> prescan: finds a charset declared in the first bytes of an HTML page, either as
// <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">.
// Works on the raw bytes read as Latin-1, which is safe for every ASCII-compatible encoding.

const PRESCAN_BYTES = 4096;
const META = /<meta\b[^>]*>/gi;
const CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i;
const HTTP_EQUIV = /\bhttp-equiv\s*=\s*["']?\s*content-type/i;
const CONTENT_ATTR = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The charset label declared by a <meta> tag in the first ~4 KB, or undefined. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?-->/g, "");
  for (const m of head.matchAll(META)) {
    const tag = m[0];
    // <meta charset="…"> (HTML5): the attribute itself, not a charset= inside content="…".
    const direct = /\scharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag.replace(CONTENT_ATTR, ""));
    if (direct) return direct[1];
    if (HTTP_EQUIV.test(tag)) {
      const c = CONTENT_ATTR.exec(tag);
      const value = c ? (c[1] ?? c[2] ?? c[3]) : undefined;
      const cs = value ? CHARSET_ATTR.exec(value) : null;
      if (cs) return cs[1];
    }
  }
  return undefined;
}

/** One char per byte (Buffer's latin1 view: a spread of thousands of bytes into fromCharCode was a fifth of discovery's time). */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
