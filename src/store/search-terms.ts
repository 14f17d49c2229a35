// The text behind report_versions.search, and behind search queries: PostgreSQL's parsers do not
// segment Chinese, so the text becomes overlapping character bigrams of each run of Han
// characters (政府信息 → 政府 府信 信息; a lone character stays a unigram) plus the ASCII words
// and numbers, lower-cased, separated by spaces; to_tsvector('simple', …) then indexes each term.
// A query run through the same function and phraseto_tsquery('simple', …) matches the bigrams of
// a phrase in order. Pure: same input, same output; NFKC folds full-width letters and digits
// and CJK radicals, identically for documents and queries.

const HAN = /\p{Script=Han}/u;
const WORD = /[a-z0-9]/;

/** The search terms of `text`, space-separated, at most `maxTerms` of them. */
export function searchTerms(text: string, maxTerms = 100_000): string {
  const terms: string[] = [];
  let han: string[] = [];
  let word = "";
  const flushHan = () => {
    if (han.length === 1) terms.push(han[0]);
    for (let i = 0; i + 1 < han.length; i++) terms.push(han[i] + han[i + 1]);
    han = [];
  };
  const flushWord = () => {
    if (word) terms.push(word);
    word = "";
  };
  for (const ch of text.normalize("NFKC").toLowerCase()) {
    if (terms.length >= maxTerms) break;
    if (HAN.test(ch)) {
      flushWord();
      han.push(ch);
    } else if (WORD.test(ch)) {
      flushHan();
      word += ch;
    } else {
      flushHan();
      flushWord();
    }
  }
  flushHan();
  flushWord();
  return terms.slice(0, maxTerms).join(" ");
}
