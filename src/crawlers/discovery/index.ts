// Public API of crawler discovery: one fetched page in, what to fetch next out (pure).
export { discoverPage } from "./discover-page.ts";
export { canonicalKey, resolveUrl } from "./url-canon.ts";
export { MAX_LIST_PAGES } from "./links.ts";
export type { ApiRequest, Findings, Link, PageInput, PageKind } from "./types.ts";
