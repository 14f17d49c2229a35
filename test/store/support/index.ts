// The store test harness: import { freshDatabase } from "./support/index.ts" in test/store/*.test.ts.
export { freshDatabase, testServer, type FreshDatabase } from "./fresh-database.ts";
export { TEMPLATE_DATABASE, type TestServer } from "./test-server.ts";
