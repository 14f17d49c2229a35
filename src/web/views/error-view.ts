import { html, type Html } from "../html.ts";
import { agencyUrl } from "../links.ts";
import { page } from "./layout.ts";

// Error pages: what went wrong in one line, and where to go from here. Never a stack trace.

const TITLE: Record<number, string> = { 400: "请求有误", 404: "找不到", 503: "暂时无法回答" };

export function errorPage(status: number, message: string, detail?: unknown): Html {
  const candidates = (detail as { candidates?: { id: string; name: string; region: string | null }[] } | undefined)?.candidates;
  const body = html`<p class="note warn">${message}</p>
${candidates?.length ? html`<h2>您要找的可能是</h2><ul>${candidates.map((c) => html`<li><a href="${agencyUrl(c.id)}">${c.name}</a> <span class="muted">${c.region ?? ""}</span></li>`)}</ul>` : ""}
<p><a href="/">回到首页</a> · <a href="/search">全文检索</a> · <a href="/reports">报告列表</a></p>`;
  return page({ title: TITLE[status] ?? "出错了" }, body);
}
