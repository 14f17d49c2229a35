// Progress on stderr: one updating line on a terminal, a plain line every so often otherwise.

export interface Progress {
  tick(done: number, note?: string): void;
  end(summary: string): void;
}

const PLAIN_EVERY = 50;

export function progress(label: string, total: number): Progress {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    tick(done, note = "") {
      if (tty) {
        const now = performance.now();
        if (now - last < 80 && done < total) return;
        last = now;
        process.stderr.write(`\r\x1b[2K${label} ${done}/${total} ${note}`.slice(0, (process.stderr.columns ?? 100) - 1));
      } else if (done % PLAIN_EVERY === 0 && done < total) {
        process.stderr.write(`${label} ${done}/${total}\n`);
      }
    },
    end(summary) {
      process.stderr.write(`${tty ? "\r\x1b[2K" : ""}${label}: ${summary}\n`);
    },
  };
}
