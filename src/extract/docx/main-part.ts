import { Parser } from "htmlparser2";

// Which zip entry holds the main document: the officeDocument relationship in _rels/.rels,
// normally word/document.xml.

export const DEFAULT_MAIN_PART = "word/document.xml";

export function mainPartFromRels(relsXml: string): string | undefined {
  let target: string | undefined;
  const parser = new Parser({
    onopentag(name, a) {
      if (target === undefined && name.endsWith("Relationship") && /\/officeDocument$/.test(a.Type ?? "") && a.Target) {
        target = a.Target.replace(/^\/+/, "").replace(/^\.\//, "");
      }
    },
  }, { xmlMode: true });
  parser.write(relsXml);
  parser.end();
  return target;
}
