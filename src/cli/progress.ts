// Progress of a long command on stderr: on a terminal, one line rewritten in place; otherwise
// (a pipe, a log file, CI) one JSON object per line, for machines.

export interface Progress {
  /** Reports one step: `line` for a terminal, `event` (if any) as a JSON line otherwise. */
  step(line: string, event?: Record<string, unknown>): void;
  /** Clears the terminal line (before printing a summary). */
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    let shown = false;
    return {
      step(line) {
        stream.write(`\r\x1b[K${fit(line, Math.max(20, (stream.columns || 80) - 1))}`);
        shown = true;
      },
      done() {
        if (shown) stream.write("\r\x1b[K");
        shown = false;
      },
    };
  }
  return {
    step(_line, event) {
      if (event) stream.write(`${JSON.stringify(event)}\n`);
    },
    done() {},
  };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The line cut to `columns` terminal columns (CJK characters take two), so it never wraps. */
function fit(line: string, columns: number): string {
  let used = 0;
  let out = "";
  for (const ch of line) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (used + w > columns - 1) return `${out}…`;
    used += w;
    out += ch;
  }
  return out;
}
