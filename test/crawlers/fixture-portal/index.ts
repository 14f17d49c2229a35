import { syntheticReport } from "../../support/synthetic-report.ts";
import { RequestLog } from "./request-log.ts";
import { challengePortal } from "./sites/challenge-portal.ts";
import { gbkPortal } from "./sites/gbk-portal.ts";
import { gkmlptPortal } from "./sites/gkmlpt-portal.ts";
import { hanwebPortal } from "./sites/hanweb-portal.ts";
import { scriptListPortal } from "./sites/scriptlist-portal.ts";
import type { SiteContext, SiteModule } from "./sites/site-module.ts";
import { trsCounty } from "./sites/trs-county.ts";
import { xxgkPortal } from "./sites/xxgk-portal.ts";
import type { FixturePortalOptions, FixturePortals, Mutations, PortalSiteInfo, SiteName } from "./types.ts";

// startFixturePortals(): the local government portals the crawler is tested against, each a real
// HTTP server on 127.0.0.1 (README.md says what each site does and why).

export type * from "./types.ts";
export type { LoggedRequest, RefusedTls } from "./request-log.ts";
export { RequestLog } from "./request-log.ts";

const BUILDERS: Record<SiteName, (ctx: SiteContext) => Promise<SiteModule>> = {
  trs: trsCounty, hanweb: hanwebPortal, gkmlpt: gkmlptPortal, gbk: gbkPortal, challenge: challengePortal, xxgk: xxgkPortal, scriptlist: scriptListPortal,
};
export const SITE_NAMES = Object.keys(BUILDERS) as SiteName[];

export async function startFixturePortals(options: FixturePortalOptions = {}): Promise<FixturePortals> {
  const log = new RequestLog();
  const ctx: SiteContext = { log, latencyMs: options.latencyMs, challenge: options.challenge };
  const modules = new Map<SiteName, SiteModule>();
  try {
    for (const name of options.sites ?? SITE_NAMES) modules.set(name, await BUILDERS[name](ctx));
  } catch (error) {
    await Promise.all([...modules.values()].flatMap((m) => m.servers.map((s) => s.close())));
    throw error;
  }
  const module = (name: string): SiteModule => {
    const found = modules.get(name as SiteName);
    if (!found) throw new Error(`fixture site ${name} was not started (startFixturePortals({ sites }) started: ${[...modules.keys()].join(", ")})`);
    return found;
  };
  const sites = new Proxy({} as Record<SiteName, PortalSiteInfo>, {
    get: (_, name) => (typeof name === "string" ? module(name).info : undefined),
    ownKeys: () => [...modules.keys()],
    getOwnPropertyDescriptor: (_, name) => (modules.has(name as SiteName) ? { enumerable: true, configurable: true, value: module(name as string).info } : undefined),
  });
  let added = 0;
  const mutate: Mutations = {
    republish: (id, change) => module(id.split("/")[0]).shelf.republish(id, change),
    remove: (id, status) => module(id.split("/")[0]).shelf.remove(id, status),
    addReport: (site, report = {}) => {
      const m = module(site);
      return m.addReport(syntheticReport({ seed: report.seed ?? 9000 + added++, agency: report.agency ?? m.newAgency, year: report.year ?? 2024, scale: 10 }));
    },
    blockChallenge: (blocked) => { ctx.challenge = { ...ctx.challenge, blocked }; },
  };
  return {
    sites, log, mutate,
    close: async () => { await Promise.all([...modules.values()].flatMap((m) => m.servers.map((s) => s.close()))); },
  };
}
