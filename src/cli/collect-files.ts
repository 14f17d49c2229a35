import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

// The files named on the command line: a file as given; a folder walked recursively (sorted,
// hidden entries skipped). Which of a folder's files are documents is decided later, from bytes.

export interface FoundFile {
  path: string;
  /** Named on the command line itself (always ingested) rather than found in a folder. */
  explicit: boolean;
}

export interface Collected {
  files: FoundFile[];
  /** Paths that could not be read: one line each. */
  errors: string[];
}

async function walk(dir: string, out: FoundFile[], errors: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    errors.push(`${dir}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out, errors);
    else if (entry.isFile()) out.push({ path, explicit: false });
  }
}

export async function collectFiles(paths: string[]): Promise<Collected> {
  const files: FoundFile[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    const path = resolve(p);
    try {
      const s = await stat(path);
      if (s.isDirectory()) await walk(path, files, errors);
      else files.push({ path, explicit: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push(code === "ENOENT" ? `${p}: no such file or directory` : `${p}: cannot read (${code ?? (err as Error).message})`);
    }
  }
  return { files, errors };
}
