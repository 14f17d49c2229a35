import type { Link } from "./types.ts";
import type { Page } from "./page.ts";

/** What one discovery module reports about a page; discover-page.ts merges them. */
export interface ModuleResult {
  links: Link[];
  /** The CMS family this module recognised, with how sure it is (larger wins). */
  family?: { name: string; evidence: number };
  declaredRecords?: number;
  needsBrowser?: string;
  notes?: string[];
  /** List rows this module saw on the page (shown records, for the needsBrowser check). */
  rows?: number;
  /** True when this module emitted further pages of the list (static pages or API requests). */
  paged?: boolean;
}

export type DiscoveryModule = (page: Page) => ModuleResult;

export const NOTHING: ModuleResult = { links: [] };
