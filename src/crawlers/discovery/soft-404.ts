import type { Page } from "./page.ts";
import { clean } from "./text.ts";

// Soft 404s: a 200 answer that is really "not found" — 页面不存在, 您访问的页面不存在, 找不到,
// 已删除, 404 … — with little else on the page (a real page may mention 404 in passing; a not-found
// page says little more than that). The <title> saying so counts even beside some chrome.

const NOT_FOUND = /您(?:所)?访问的(?:页面|网页|内容|信息)(?:不存在|已删除|找不到)|页面(?:不存在|未找到|找不到|已删除|已失效)|(?:网页|文章|信息|内容|文件|资源)(?:不存在|已被?删除|已撤销|已撤稿)|找不到(?:该|您|相关)?(?:页面|网页|内容|信息|文件)|不存在或已被?删除|已被?删除|(?<![\d.])404(?![\d.])|not\s*found|无法找到/i;
const LITTLE_TEXT = 400;
const SOME_TEXT = 1500;

export function softNotFound(page: Page): string | undefined {
  const status = page.input.status ?? 200;
  if (status < 200 || status >= 300) return undefined;
  const title = clean(page.$("title").first().text());
  const text = page.visibleText();
  const inTitle = NOT_FOUND.exec(title);
  if (inTitle && text.length <= SOME_TEXT) return `page title says "${inTitle[0]}" (${text.length} characters of text)`;
  const inText = NOT_FOUND.exec(text);
  if (inText && text.length <= LITTLE_TEXT) return `page says "${inText[0]}" with little else (${text.length} characters of text)`;
  return undefined;
}
