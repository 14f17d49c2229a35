// Splits RTF into tokens: group open/close, control words (with their numeric parameter),
// control symbols, \'hh bytes and plain text. No interpretation here.

export type RtfToken =
  | { t: "open" }
  | { t: "close" }
  | { t: "word"; name: string; param: number | null }
  | { t: "hex"; byte: number }
  | { t: "text"; text: string };

export function* rtfTokens(src: string): Generator<RtfToken> {
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === "{") { i++; yield { t: "open" }; continue; }
    if (c === "}") { i++; yield { t: "close" }; continue; }
    if (c === "\\") {
      const d = src[i + 1];
      if (d === undefined) break;
      if (d === "'") {
        yield { t: "hex", byte: parseInt(src.slice(i + 2, i + 4), 16) || 0 };
        i += 4;
        continue;
      }
      if (/[a-zA-Z]/.test(d)) {
        let j = i + 1;
        while (j < n && /[a-zA-Z]/.test(src[j])) j++;
        const name = src.slice(i + 1, j);
        let k = j;
        if (src[k] === "-" || /\d/.test(src[k] ?? "")) {
          k++;
          while (k < n && /\d/.test(src[k])) k++;
        }
        const param = k > j ? Number(src.slice(j, k)) : null;
        if (src[k] === " ") k++; // the delimiter space belongs to the control word
        yield { t: "word", name, param };
        i = k;
        continue;
      }
      // Control symbols: \\ \{ \} stand for themselves; \~ a non-breaking space; others mostly ignorable.
      i += 2;
      if (d === "\\" || d === "{" || d === "}") yield { t: "text", text: d };
      else if (d === "~") yield { t: "text", text: "\u00a0" };
      else if (d === "\n" || d === "\r") yield { t: "word", name: "par", param: null };
      else if (d === "*") yield { t: "word", name: "*", param: null };
      continue;
    }
    if (c === "\r" || c === "\n") { i++; continue; }
    let j = i;
    while (j < n && src[j] !== "\\" && src[j] !== "{" && src[j] !== "}" && src[j] !== "\r" && src[j] !== "\n") j++;
    yield { t: "text", text: src.slice(i, j) };
    i = j;
  }
}
