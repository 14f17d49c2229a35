import { Parser } from "htmlparser2";

// The relationships of one package part (word/_rels/document.xml.rels for word/document.xml):
// which part holds its list definitions, its styles, … keyed by the last word of the
// relationship type ('numbering', 'styles'), targets resolved to zip entry names.

export function relsPathOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** A relationship target as a zip entry name: absolute ('/word/x.xml') or relative to the part's folder. */
export function resolveTarget(partName: string, target: string): string {
  const parts = target.startsWith("/") ? [] : partName.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

export function partRelationships(relsXml: string, partName: string): Map<string, string> {
  const out = new Map<string, string>();
  const parser = new Parser({
    onopentag(name, a) {
      if (!name.endsWith("Relationship") || !a.Target || a.TargetMode === "External") return;
      const type = (a.Type ?? "").split("/").pop() ?? "";
      if (type && !out.has(type)) out.set(type, resolveTarget(partName, a.Target));
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(relsXml);
  parser.end();
  return out;
}
