import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repairQueue } from "../../../src/crawlers/crawl/queue-repair.ts";

describe("repairQueue", () => {
  it("removes request files a kill cut mid-write and keeps the others", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nianbao-queue-"));
    try {
      await writeFile(join(dir, "a.json"), JSON.stringify({ id: "a", url: "http://x/", orderNo: 1 }));
      await writeFile(join(dir, "b.json"), '{\n\t"id": "b",\n\t"json": "{\\"url\\":\\"http://x/b');
      await writeFile(join(dir, "notes.txt"), "not a request");
      expect(await repairQueue(dir)).toEqual({ removed: ["b.json"] });
      expect((await readdir(dir)).sort()).toEqual(["a.json", "notes.txt"]);
      expect(await repairQueue(join(dir, "missing"))).toEqual({ removed: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
