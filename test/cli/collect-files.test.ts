import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { collectFiles } from "../../src/cli/collect-files.ts";

it("walks folders for documents, passing over code, data, media and hidden files; named files always count", async () => {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-collect-"));
  mkdirSync(join(dir, "sub"));
  for (const f of ["a.pdf", "b.html", "c.json", "d.ts", "e.png", ".hidden.pdf", "sub/f.docx", "sub/g.txt", "sub/README.md"]) writeFileSync(join(dir, f), "x");
  const { files, errors, passedOver } = await collectFiles([dir, join(dir, "c.json"), join(dir, "missing.pdf")]);
  expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual(["a.pdf", "b.html", "sub/README.md", "sub/f.docx", "sub/g.txt", "c.json"]);
  expect(files.at(-1)?.explicit).toBe(true);
  expect(passedOver).toBe(3);
  expect(errors).toEqual([`${join(dir, "missing.pdf")}: no such file or directory`]);
});
