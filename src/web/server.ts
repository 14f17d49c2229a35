import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { Db } from "./loaders.ts";

// The HTTP server around the application (Node's http, through @hono/node-server): listens,
// and closes gracefully (no new connections, idle ones closed, running requests finished).

export interface WebServer { url: string; port: number; close(): Promise<void> }

export async function startWebServer(o: { db: Db; host: string; port: number; log?: (line: string) => void; cacheBytes?: number }): Promise<WebServer> {
  const app = createApp({ db: o.db, log: o.log, cacheBytes: o.cacheBytes });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: o.host });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => { server.off("error", reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => {
      const s = server as import("node:http").Server;
      s.close(() => resolve());
      s.closeIdleConnections?.();
      setTimeout(() => s.closeAllConnections?.(), 5000).unref();
    }),
  };
}
