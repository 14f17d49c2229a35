import type { Check } from "../report-record.ts";
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, OTHER_HANDLING_PARTS, OUTCOME_ROWS } from "./cell-keys.ts";

// The accounting identities of the contract, evaluated where every cell they need is shown.
// A rule with no complete set of cells is not reported.

type Values = Record<string, number>;
const EPS = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) < EPS;

function rule(name: string, units: { label: string; ok: boolean; text: string }[], okText: string): Check | null {
  if (units.length === 0) return null;
  const bad = units.filter((u) => !u.ok);
  return bad.length === 0
    ? { rule: name, ok: true, detail: `${okText} in all ${units.length} ${units.length === 1 ? "case" : "cases"} shown` }
    : { rule: name, ok: false, detail: bad.map((u) => `${u.label}: ${u.text}`).join("; ") };
}

export function computeChecks(v: Values): Check[] {
  const get = (k: string): number | undefined => v[k];
  const checks: (Check | null)[] = [];

  const balance = [];
  for (const col of APPLICANT_COLUMNS) {
    const [n, o, t, f] = ["new", "carried_over", "total", "carried_forward"].map((r) => get(`requests.${r}.${col}`));
    if ([n, o, t, f].some((x) => x === undefined)) continue;
    balance.push({ label: col, ok: near(n! + o!, t! + f!), text: `new ${n} + carried_over ${o} ≠ total ${t} + carried_forward ${f}` });
  }
  checks.push(rule("requests.balance", balance, "new + carried_over = total + carried_forward"));

  const totals = [];
  const sixth = OTHER_HANDLING_PARTS.some((k) => get(`requests.${k}.total`) !== undefined) ? [...OTHER_HANDLING_PARTS] : ["other_handling"];
  for (const col of APPLICANT_COLUMNS) {
    const parts = [...OUTCOME_ROWS, ...sixth].map((r) => get(`requests.${r}.${col}`));
    const t = get(`requests.total.${col}`);
    if (t === undefined || parts.some((x) => x === undefined)) continue;
    const sum = parts.reduce((a, b) => a! + b!, 0)!;
    totals.push({ label: col, ok: near(sum, t), text: `outcome rows sum to ${sum}, total says ${t}` });
  }
  checks.push(rule("requests.total", totals, "total = sum of outcome rows"));

  const columns = [];
  const rows = new Set(Object.keys(v).filter((k) => k.startsWith("requests.")).map((k) => k.slice(9, k.lastIndexOf("."))));
  for (const r of rows) {
    const parts = APPLICANT_COLUMNS.slice(0, 6).map((c) => get(`requests.${r}.${c}`));
    const t = get(`requests.${r}.total`);
    if (t === undefined || parts.some((x) => x === undefined)) continue;
    const sum = parts.reduce((a, b) => a! + b!, 0)!;
    columns.push({ label: r, ok: near(sum, t), text: `applicant columns sum to ${sum}, total says ${t}` });
  }
  checks.push(rule("requests.columns", columns, "total column = sum of applicant columns"));

  const appeals = [];
  for (const g of APPEAL_GROUPS) {
    const parts = APPEAL_COLUMNS.slice(0, 4).map((c) => get(`appeals.${g}.${c}`));
    const t = get(`appeals.${g}.total`);
    if (t === undefined || parts.some((x) => x === undefined)) continue;
    const sum = parts.reduce((a, b) => a! + b!, 0)!;
    appeals.push({ label: g, ok: near(sum, t), text: `upheld + corrected + other + pending = ${sum}, total says ${t}` });
  }
  checks.push(rule("appeals.total", appeals, "total = upheld + corrected + other + pending"));
  return checks.filter((c): c is Check => c !== null);
}
