import type { Kysely } from "kysely";
import type { Database } from "../../../src/store/database.ts";
import { ingestDocument } from "../../../src/store/ingest-document.ts";
import { canonicalText, syntheticReport } from "../../support/synthetic-report.ts";

// Reports carrying hostile markup, as documents from the open web may: a synthetic report (see
// test/support/synthetic-report.ts) whose agency name, title line, section text, region and
// source URL hold <script>, onerror=, javascript: URLs and broken markup, ingested through the
// ordinary ingest path (text and HTML documents). Made at test time; nothing is stored on disk.

export const HOSTILE_AGENCY = `<script>alert("agency")</script>镇人民政府`;
export const HOSTILE_REGION = `山西省/"><script>alert("region")</script>`;
export const HOSTILE_URL = "javascript:alert('url')";
export const HOSTILE_LINES = [
  `<img src=x onerror=alert("text")>本年度共收到申请。`,
  `"><svg onload=alert("svg")>`,
  `<a href="javascript:alert('link')">点此查看</a>`,
  `</table></div></main><script>alert("break")</script><b><i>未闭合的标记`,
  `{{constructor.constructor('alert(1)')()}} \${alert(2)} ' " \` &amp; &lt;`,
];
/** A word only the hostile reports hold, to find them by search. */
export const HOSTILE_WORD = "恶意标记测试";

export async function ingestHostile(db: Kysely<Database>): Promise<{ textReportId: string; htmlReportId: string }> {
  const report = syntheticReport({ seed: 666, agency: HOSTILE_AGENCY, year: 2023 });
  let text = canonicalText(report);
  text = text.replace(`${HOSTILE_AGENCY}2023年政府信息公开工作年度报告`, `${HOSTILE_AGENCY}2023年政府信息公开工作年度报告<img src=x onerror=alert("title")>`);
  text = text.replace("一、总体情况\n\n", `一、总体情况\n\n${HOSTILE_WORD}\n${HOSTILE_LINES.join("\n")}\n\n`);
  const t = await ingestDocument(db, {
    bytes: new TextEncoder().encode(text), url: HOSTILE_URL, contentType: "text/plain; charset=utf-8",
    fetchedAt: new Date("2024-05-01T00:00:00Z"), origin: "crawl", agency: HOSTILE_AGENCY, year: 2023, region: HOSTILE_REGION,
  });
  if (t.status === "skipped") throw new Error(`hostile text report skipped: ${t.reason}`);

  // An HTML page: entities decode to literal markup in the text; its own <script> is dropped.
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const agency = "恶意页面街道办事处";
  const body = canonicalText(syntheticReport({ seed: 667, agency, year: 2022 })).split("\n").slice(1).join("\n");
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(`<script>alert("html-title")</script>${agency}2022年政府信息公开工作年度报告`)}</title>
<script>alert("page script")</script></head><body onload="alert('onload')"><h1>${esc(`${agency}2022年政府信息公开工作年度报告`)}</h1>
<p>${esc(HOSTILE_WORD)}</p>${HOSTILE_LINES.map((l) => `<p>${esc(l)}</p>`).join("")}<img src=x onerror="alert('img')">
${body.split("\n").filter(Boolean).map((l) => `<p>${esc(l)}</p>`).join("\n")}</body></html>`;
  const h = await ingestDocument(db, {
    bytes: new TextEncoder().encode(page), url: "https://example.gov.cn/evil/<script>.html?a=\"'><svg onload=alert(1)>", contentType: "text/html; charset=utf-8",
    fetchedAt: new Date("2024-05-02T00:00:00Z"), origin: "crawl", agency, year: 2022,
  });
  if (h.status === "skipped") throw new Error(`hostile HTML report skipped: ${h.reason}`);
  return { textReportId: t.reportId, htmlReportId: h.reportId };
}
