// Strict UTF-8 decoding, via the platform decoder in fatal mode.

const strict = new TextDecoder("utf-8", { fatal: true });

/** The bytes decoded as UTF-8, or undefined when they are not well-formed UTF-8. */
export function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the bytes are well-formed UTF-8. With `partialEnd`, a sequence cut at the end is accepted. */
export function isValidUtf8(bytes: Uint8Array, partialEnd = false): boolean {
  if (!partialEnd) return tryUtf8(bytes) !== undefined;
  try {
    // stream: true accepts an incomplete trailing sequence (a sample cut mid-character).
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
