import type { BodyKind, DemoBody } from "./demo-data.ts";

// The demo reports' numbers: generated from each body's seed, of a size that suits the body
// (a county government handles dozens of requests, a township a handful), and consistent as
// real reports are: every identity of the form holds, a year's 上年结转 is the previous year's
// 结转下年度, and the 现行有效 normative documents carry over from year to year.

export const APPLICANTS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other"] as const;
export const OUTCOMES = [
  "granted", "partially_granted",
  "denied.state_secret", "denied.prohibited_by_law", "denied.security_stability", "denied.third_party",
  "denied.internal_affairs", "denied.process_info", "denied.enforcement_file", "denied.query_matter",
  "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
  "not_processed.complaint", "not_processed.duplicate", "not_processed.publication", "not_processed.excessive", "not_processed.confirmation",
  "other_handling.no_correction", "other_handling.unpaid_fee", "other_handling.other",
] as const;
/** How likely a request ends in each outcome (same order): most are granted, few denied. */
const OUTCOME_WEIGHTS = [60, 8, 1, 1, 0.5, 2, 1, 2, 0.5, 0.5, 12, 2, 2, 2, 1.5, 0.5, 0.5, 0.5, 1, 0.2, 1];
export const APPEAL_GROUPS = ["review", "litigation_direct", "litigation_after_review"] as const;
const APPEAL_COLUMNS = ["upheld", "corrected", "other", "pending"] as const;

interface Size { requests: number; licensing: number; penalty: number; coercion: number; fees: number; documents: number; appeals: number }
const SIZES: Record<BodyKind, Size> = {
  county: { requests: 60, licensing: 3200, penalty: 420, coercion: 24, fees: 860, documents: 6, appeals: 3 },
  department: { requests: 14, licensing: 540, penalty: 60, coercion: 4, fees: 35, documents: 2, appeals: 1 },
  township: { requests: 4, licensing: 30, penalty: 8, coercion: 0, fees: 0, documents: 0, appeals: 0 },
};

/** A small deterministic PRNG (xorshift32), so the demo's numbers never change between runs. */
function random(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

export type Values = Record<string, number>;

/** One body's values for each year asked, in order (each year carries over from the one before). */
export function bodyValues(body: DemoBody, years: number[]): Map<number, Values> {
  const size = SIZES[body.kind];
  const out = new Map<number, Values>();
  let carried: number[] = APPLICANTS.map(() => 0);
  let inForce = size.documents * 5;
  for (const year of years) {
    const rand = random(body.seed * 10_000 + year);
    const upTo = (max: number) => Math.floor(rand() * (max + 1));
    const around = (mean: number) => Math.round(mean * (0.7 + 0.6 * rand()));
    const v: Values = {};
    const issued = upTo(size.documents), repealed = upTo(Math.ceil(size.documents / 3));
    inForce = Math.max(0, inForce + issued - repealed);
    Object.assign(v, {
      "active.rules.issued": 0, "active.rules.repealed": 0, "active.rules.in_force": 0,
      "active.normative_documents.issued": issued, "active.normative_documents.repealed": repealed, "active.normative_documents.in_force": inForce,
      "active.licensing.decisions": around(size.licensing), "active.penalty.decisions": around(size.penalty),
      "active.coercion.decisions": around(size.coercion), "active.fees.amount": Math.round(size.fees * (0.7 + 0.6 * rand()) * 100) / 100,
    });
    const share = [1, 0.12, 0.02, 0.03, 0.05, 0.04];
    const forward: number[] = [];
    APPLICANTS.forEach((col, i) => {
      const fresh = i === 0 ? around(size.requests) : upTo(Math.round(size.requests * share[i]));
      const open = fresh + carried[i];
      const next = upTo(Math.min(open, Math.ceil(size.requests / 15)));
      const counts = OUTCOMES.map(() => 0);
      for (let k = 0; k < open - next; k++) counts[pick(rand(), OUTCOME_WEIGHTS)]++;
      OUTCOMES.forEach((row, j) => { v[`requests.${row}.${col}`] = counts[j]; });
      v[`requests.new.${col}`] = fresh;
      v[`requests.carried_over.${col}`] = carried[i];
      v[`requests.total.${col}`] = open - next;
      v[`requests.carried_forward.${col}`] = next;
      forward.push(next);
    });
    for (const row of ["new", "carried_over", ...OUTCOMES, "total", "carried_forward"]) {
      v[`requests.${row}.total`] = APPLICANTS.reduce((sum, col) => sum + v[`requests.${row}.${col}`], 0);
    }
    for (const group of APPEAL_GROUPS) {
      let sum = 0;
      for (const col of APPEAL_COLUMNS) sum += v[`appeals.${group}.${col}`] = group === "litigation_after_review" ? 0 : upTo(size.appeals);
      v[`appeals.${group}.total`] = sum;
    }
    out.set(year, v);
    carried = forward;
  }
  return out;
}

function pick(r: number, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let at = r * total;
  for (let i = 0; i < weights.length; i++) if ((at -= weights[i]) < 0) return i;
  return weights.length - 1;
}
