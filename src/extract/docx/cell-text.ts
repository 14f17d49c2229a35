// Collapses the text of one table cell (its paragraphs and line breaks) to a single line, as the
// canonical text format asks: a break between two CJK characters disappears ('商业企\n业' →
// '商业企业'), any other break becomes one space, tabs become spaces, runs of spaces fold.

const CJK = /[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

export function collapseCellText(raw: string): string {
  const lines = raw.split(/[\r\n\u000b\u2028\u2029]+/);
  let out = "";
  for (const part of lines) {
    const line = part.replace(/[\t\u00a0 ]+/g, " ").trim();
    if (!line) continue;
    if (out && !(CJK.test(out[out.length - 1]) && CJK.test(line[0]))) out += " ";
    out += line;
  }
  return out;
}
