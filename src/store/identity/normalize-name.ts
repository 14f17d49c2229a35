// The form of an agency name that identity keys are made of: full-width letters, digits and
// brackets folded to half-width (NFKC), all spacing removed, 管理委员会 written 管委会.
// Display names keep the spelling the document used.

export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/[\s\u200b\u3000]+/g, "").replace(/管理委员会/g, "管委会");
}
