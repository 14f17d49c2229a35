import { readFileSync } from "node:fs";

// The crawler says who it is (in ASCII, as HTTP headers must be): its name and version, what it
// does, and how to reach whoever runs it (--contact or NIANBAO_CONTACT: a URL or an e-mail
// address). Portals may then tell us to slow down instead of blocking us.

const version = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export function userAgent(contact = process.env.NIANBAO_CONTACT): string {
  const who = contact ? `+${contact}` : "no contact configured: set --contact or NIANBAO_CONTACT";
  return `nianbao/${version} (archiver of government information disclosure annual reports; ${who})`;
}
