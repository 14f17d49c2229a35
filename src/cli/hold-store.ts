import type { Store } from "../store/open-store.ts";
import { openStore } from "../store/open-store.ts";
import { StoreError } from "../store/store-error.ts";
import { UserError } from "./fail.ts";
import type { StoreArgs } from "./with-store.ts";

// For the commands that run until Ctrl-C (serve, db): open the archive, hand the command a
// promise that settles on SIGINT/SIGTERM/SIGHUP, and then close it as any command does — the
// embedded PostgreSQL is stopped unless another client still uses it (it is left running for
// them; the last nianbao to finish stops it). The store's own signal handler would stop the
// server at once, under running requests and other users: ours runs first and takes over.

export async function holdStore(args: StoreArgs, fn: (store: Store, stopped: Promise<string>) => Promise<number>): Promise<number> {
  let store: Store;
  try {
    store = await openStore({ storage: args.storage });
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(err.message);
    throw err;
  }
  let signalled: ((signal: string) => void) | undefined;
  const stopped = new Promise<string>((resolve) => { signalled = resolve; });
  let count = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++count > 1) process.exit(130); // a second Ctrl-C: stop waiting
    store.embedded?.detach(); // the close below decides whether to stop the server
    signalled?.(signal);
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const s of signals) process.prependListener(s, onSignal);
  try {
    return await fn(store, stopped);
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(err.message);
    throw err;
  } finally {
    await store.close();
    for (const s of signals) process.removeListener(s, onSignal);
  }
}
