import { spawn } from "node:child_process";

// The PDF baseline: poppler's `pdftotext -layout FILE -`, spawned once per PDF (process start
// included, as a pipeline calling it would pay), its output read and discarded.

function pdftotext(path: string, wrap: string[] = []): Promise<{ ms: number; stderr: string }> {
  const [cmd, ...args] = [...wrap, "pdftotext", "-layout", path, "-"];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`pdftotext ${path} exited with ${code}: ${stderr.trim()}`));
      else resolve({ ms: performance.now() - start, stderr });
    });
  });
}

/** Wall time of one pdftotext run on the file, in ms. */
export async function pdftotextMs(path: string): Promise<number> {
  return (await pdftotext(path)).ms;
}

/** pdftotext's peak RSS on one file in MB, from GNU time (`-f %M`, in KB). */
export async function pdftotextPeakRssMb(path: string): Promise<number> {
  const { stderr } = await pdftotext(path, ["/usr/bin/time", "-f", "%M"]);
  const kb = Number(stderr.trim().split("\n").at(-1));
  if (!Number.isFinite(kb)) throw new Error(`could not read GNU time output: ${stderr.trim()}`);
  return kb / 1024;
}
