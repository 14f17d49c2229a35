// Reads the configuration objects portal scripts carry (`window._CONFIG = {…}`, `$('#1').jpage({…})`,
// `listModel({…})`) without running them: a tolerant reader for JavaScript literals — unquoted and
// quoted keys, '…' "…" `…` strings, numbers, booleans, nested objects and arrays, comments,
// trailing commas, string concatenation, `JSON.parse('…')`. Anything else (a variable, a call)
// reads as undefined and is skipped to the next comma, so one odd value never loses the rest.

export type JsValue = string | number | boolean | null | undefined | JsValue[] | { [key: string]: JsValue };
export type JsObject = { [key: string]: JsValue };

class Reader {
  pos: number;
  readonly src: string;
  constructor(src: string, start: number) {
    this.src = src;
    this.pos = start;
  }

  peek(): string {
    this.space();
    return this.src[this.pos] ?? "";
  }

  space(): void {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && /\s/.test(s[this.pos])) this.pos++;
      if (s.startsWith("//", this.pos)) {
        const nl = s.indexOf("\n", this.pos);
        this.pos = nl < 0 ? s.length : nl + 1;
      } else if (s.startsWith("/*", this.pos)) {
        const end = s.indexOf("*/", this.pos + 2);
        this.pos = end < 0 ? s.length : end + 2;
      } else return;
    }
  }

  value(depth = 0): JsValue {
    if (depth > 40) return this.skip();
    const c = this.peek();
    let v: JsValue;
    if (c === "{") v = this.object(depth);
    else if (c === "[") v = this.array(depth);
    else if (c === "'" || c === '"' || c === "`") v = this.concat(this.string());
    else if (/[-+\d.]/.test(c)) v = this.number();
    else if (this.src.startsWith("JSON.parse(", this.pos)) v = this.jsonParse();
    else {
      const word = /^[A-Za-z_$][\w$]*/.exec(this.src.slice(this.pos, this.pos + 64))?.[0];
      const literal = word === "true" ? true : word === "false" ? false : word === "null" ? null : undefined;
      if (word && (word === "true" || word === "false" || word === "null")) {
        this.pos += word.length;
        v = literal;
      } else return this.skip();
    }
    const next = this.peek();
    return next === "," || next === "}" || next === "]" || next === ")" || next === ";" || next === "" ? v : this.skip();
  }

  object(depth: number): JsObject {
    const out: JsObject = {};
    this.pos++; // {
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (c === "}") {
        this.pos++;
        return out;
      }
      if (c === ",") {
        this.pos++;
        continue;
      }
      const key = c === "'" || c === '"' ? this.string() : /^[\w$]+/.exec(this.src.slice(this.pos, this.pos + 200))?.[0];
      if (key === undefined) {
        this.skip();
        continue;
      }
      if (c !== "'" && c !== '"') this.pos += key.length;
      if (this.peek() === ":") {
        this.pos++;
        out[key] = this.value(depth + 1);
      } else out[key] = undefined; // shorthand property or method
    }
    return out;
  }

  array(depth: number): JsValue[] {
    const out: JsValue[] = [];
    this.pos++; // [
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (c === "]") {
        this.pos++;
        return out;
      }
      if (c === ",") {
        this.pos++;
        continue;
      }
      out.push(this.value(depth + 1));
    }
    return out;
  }

  string(): string {
    const q = this.src[this.pos++];
    let out = "";
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++];
      if (c === q) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.src[this.pos++];
      if (e === "n") out += "\n";
      else if (e === "t") out += "\t";
      else if (e === "r") out += "\r";
      else if (e === "u" && /^[0-9a-fA-F]{4}/.test(this.src.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.src.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else if (e === "x" && /^[0-9a-fA-F]{2}/.test(this.src.slice(this.pos, this.pos + 2))) {
        out += String.fromCharCode(parseInt(this.src.slice(this.pos, this.pos + 2), 16));
        this.pos += 2;
      } else if (e === "\n") continue; // line continuation
      else out += e ?? "";
    }
    return out;
  }

  /** 'a' + 'b' + "c" → "abc"; a concatenation with anything else is not a literal. */
  concat(first: string): JsValue {
    let out = first;
    while (this.peek() === "+") {
      this.pos++;
      const c = this.peek();
      if (c !== "'" && c !== '"' && c !== "`") return this.skip();
      out += this.string();
    }
    return out;
  }

  number(): JsValue {
    const m = /^[-+]?(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[-+]?\d+)?|\.\d+)/i.exec(this.src.slice(this.pos, this.pos + 40));
    if (!m) return this.skip();
    this.pos += m[0].length;
    return Number(m[0]);
  }

  jsonParse(): JsValue {
    this.pos += "JSON.parse(".length;
    const c = this.peek();
    if (c !== "'" && c !== '"' && c !== "`") return this.skip();
    const text = this.string();
    if (this.peek() === ")") this.pos++;
    try {
      return JSON.parse(text) as JsValue;
    } catch {
      return undefined;
    }
  }

  /** Skips an expression up to the next `,` `}` `]` `)` at depth 0. */
  skip(): undefined {
    let depth = 0;
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === "'" || c === '"' || c === "`") {
        this.string();
        continue;
      }
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) return undefined;
        depth--;
      } else if ((c === "," || c === ";") && depth === 0) return undefined;
      this.pos++;
    }
    return undefined;
  }
}

/** The literal starting at `start` (the position of `{`, `[`, a quote or a number). */
export function readJsValue(src: string, start: number): { value: JsValue; end: number } {
  const r = new Reader(src, start);
  const value = r.value();
  return { value, end: r.pos };
}

/** Every object literal that follows a match of `lead` (e.g. `_CONFIG =` or `.jpage(`). */
export function objectsAfter(src: string, lead: RegExp): Array<{ object: JsObject; at: number }> {
  const out: Array<{ object: JsObject; at: number }> = [];
  const re = new RegExp(lead.source, lead.flags.includes("g") ? lead.flags : lead.flags + "g");
  for (const m of src.matchAll(re)) {
    const at = (m.index ?? 0) + m[0].length;
    const brace = /^\s*\{/.exec(src.slice(at, at + 200));
    if (!brace) continue;
    const { value } = readJsValue(src, at + brace[0].length - 1);
    if (value && typeof value === "object" && !Array.isArray(value)) out.push({ object: value, at: m.index ?? 0 });
  }
  return out;
}
