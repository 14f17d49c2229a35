import { ExtractError } from "../extract/extract-error.ts";

/** An error the user can act on, reported as one line (no stack), with its exit code. */
export class UserError extends Error {
  override readonly name = "UserError";
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** One line for stderr: the message of an expected error, or a short description of a bug. */
export function describeError(err: unknown): string {
  if (err instanceof UserError || err instanceof ExtractError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (isUsageError(err)) return `${e.message.split("\n").map((l) => l.trim()).filter(Boolean).join(" ")}; run 'nianbao --help' for usage`;
  if (e?.code === "ENOENT") return `${e.path ?? "file"}: no such file or directory`;
  if (e?.code === "EACCES") return `${e.path ?? "file"}: permission denied`;
  if (e?.code === "EISDIR") return `${e.path ?? "path"}: is a directory; give a file`;
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg.split("\n")[0]} (set NIANBAO_DEBUG=1 for details, and please report it)`;
}

/** Errors from node:util parseArgs (unknown option, missing value): usage errors, exit code 2. */
export function isUsageError(err: unknown): boolean {
  return String((err as NodeJS.ErrnoException)?.code ?? "").startsWith("ERR_PARSE_ARGS");
}
