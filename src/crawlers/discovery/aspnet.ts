import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { squash } from "./text.ts";

/**
 * ASP.NET sites (/Category_598/Index.aspx, /Item/24071.aspx, DownLoad.aspx?…). A pager made of
 * `javascript:__doPostBack(…)` links has no URLs to follow: such a list needs a browser.
 */
export function aspnet(page: Page): ModuleResult {
  let n = 0;
  if (page.$('input[name="__VIEWSTATE"]').length) n += 3;
  if (/\/(?:Category_\d+|Item\/\d+)\b[^"']*\.aspx/i.test(page.text + page.url)) n += 3;
  else if (/\.aspx\b/i.test(page.url)) n += 1;
  if (n === 0) return { links: [] };
  const family = { name: "aspnet", evidence: n };
  if (page.kind !== "column" && page.kind !== "list") return { links: [], family };
  let postback = 0;
  page.$("a[href]").each((_, a) => {
    const href = page.$(a).attr("href") ?? "";
    const label = squash(page.$(a).text());
    if (/__doPostBack\s*\(/.test(href) && /^(?:\d{1,4}|下一?页|尾页|末页|>+)$/.test(label)) postback++;
  });
  return postback > 0 ? { links: [], family, needsBrowser: "ASP.NET list pages through __doPostBack links (no URLs to follow)" } : { links: [], family };
}
