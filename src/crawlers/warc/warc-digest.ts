import { createHash } from "node:crypto";

// WARC digests are "algorithm:value"; the convention (Heritrix, wget, warcio) is SHA-1 in base32
// (RFC 4648 alphabet, no padding: 160 bits are exactly 32 characters).

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function base32Decode(text: string): Buffer | undefined {
  const clean = text.replace(/=+$/, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return Buffer.from(out);
}

/** "sha1:BASE32" of the parts, concatenated. */
export function sha1Digest(...parts: Uint8Array[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return `sha1:${base32(hash.digest())}`;
}

const ALGORITHMS: Record<string, string> = { sha1: "sha1", "sha-1": "sha1", sha256: "sha256", "sha-256": "sha256", sha512: "sha512", "sha-512": "sha512", md5: "md5" };

/**
 * Whether `digest` ("sha1:…", "sha256:…", "md5:…"; base32, hex or base64 value) matches the parts.
 * Undefined when the algorithm or encoding is not one we can check.
 */
export function digestMatches(digest: string, ...parts: Uint8Array[]): boolean | undefined {
  const colon = digest.indexOf(":");
  if (colon < 0) return undefined;
  const algorithm = ALGORITHMS[digest.slice(0, colon).trim().toLowerCase()];
  if (!algorithm) return undefined;
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  const actual = hash.digest();
  const value = digest.slice(colon + 1).trim();
  const candidates = [base32Decode(value)];
  if (/^[0-9a-f]+$/i.test(value)) candidates.push(Buffer.from(value, "hex"));
  if (/^[A-Za-z0-9+/]+=*$/.test(value)) candidates.push(Buffer.from(value, "base64"));
  return candidates.some((candidate) => candidate !== undefined && candidate.equals(actual));
}
