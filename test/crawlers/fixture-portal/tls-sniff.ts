import { readFileSync } from "node:fs";
import type { Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";
import { createServer, type Server, type Socket } from "node:net";

// One port for http and https, as the twins of a real site: the first byte of a connection tells
// a TLS handshake (0x16) from an HTTP request. A site without TLS passes the handshake to its
// HTTP server, which answers it 400 and closes: the client's TLS fails, as on portals whose 443
// is broken, and the crawler must fall back to http.

/** A self-signed certificate for 127.0.0.1, for tests only (tls/README.md). */
export const TLS_KEY_PAIR = {
  key: readFileSync(new URL("./tls/key.pem", import.meta.url)),
  cert: readFileSync(new URL("./tls/cert.pem", import.meta.url)),
};

const HANDSHAKE = 0x16;

export async function listenSniffing(plain: HttpServer, secure: HttpsServer | undefined, onRefusedTls: () => void): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.once("data", (first) => {
      socket.pause();
      socket.unshift(first);
      const tls = first[0] === HANDSHAKE;
      if (tls && !secure) onRefusedTls();
      (tls && secure ? secure : plain).emit("connection", socket);
      process.nextTick(() => socket.resume());
    });
  });
  const close = server.close.bind(server);
  server.close = (callback?: (err?: Error) => void) => {
    for (const s of sockets) s.destroy();
    return close(callback);
  };
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return server;
}
