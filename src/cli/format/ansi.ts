// Colour on the terminal: only when the stream is a TTY and NO_COLOR is unset (no-color.org).

export interface Paint {
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
  /** Marks a changed stretch inside a line: reverse video. */
  mark: (s: string) => string;
  enabled: boolean;
}

export function colorEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

const wrap = (on: boolean, open: string, close: string) => (s: string) => (on && s ? `\x1b[${open}m${s}\x1b[${close}m` : s);

export function paint(enabled: boolean): Paint {
  return {
    red: wrap(enabled, "31", "39"), green: wrap(enabled, "32", "39"), yellow: wrap(enabled, "33", "39"),
    bold: wrap(enabled, "1", "22"), dim: wrap(enabled, "2", "22"), mark: wrap(enabled, "7", "27"), enabled,
  };
}
