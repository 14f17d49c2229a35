import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

// The files named on the command line: a file as given; a folder walked recursively (sorted,
// hidden entries skipped). In a folder, files whose names say they are code, data or media
// (.json, .ts, .png, …) are passed over; the rest are judged later, from their bytes.

const NOT_DOCUMENTS = /\.(json|jsonl|csv|tsv|xml|ya?ml|toml|js|mjs|cjs|ts|tsx|css|map|lock|log|sh|py|png|jpe?g|gif|svg|ico|webp|zip|gz|tgz|rar|7z|mp[34]|wav|exe|dll|so)$/i;

export interface FoundFile {
  path: string;
  /** Named on the command line itself (always ingested) rather than found in a folder. */
  explicit: boolean;
}

export interface Collected {
  files: FoundFile[];
  /** Files in folders passed over by name (code, data, media). */
  passedOver: number;
  /** Paths that could not be read: one line each. */
  errors: string[];
}

async function walk(dir: string, out: FoundFile[], errors: string[], passed: { count: number }): Promise<void> {
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
    if (entry.isDirectory()) await walk(path, out, errors, passed);
    else if (entry.isFile() && NOT_DOCUMENTS.test(entry.name)) passed.count++;
    else if (entry.isFile()) out.push({ path, explicit: false });
  }
}

export async function collectFiles(paths: string[]): Promise<Collected> {
  const files: FoundFile[] = [];
  const errors: string[] = [];
  const passed = { count: 0 };
  for (const p of paths) {
    const path = resolve(p);
    try {
      const s = await stat(path);
      if (s.isDirectory()) await walk(path, files, errors, passed);
      else files.push({ path, explicit: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push(code === "ENOENT" ? `${p}: no such file or directory` : `${p}: cannot read (${code ?? (err as Error).message})`);
    }
  }
  return { files, errors, passedOver: passed.count };
}
