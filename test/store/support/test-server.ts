// What the store test harness's globalSetup hands to the test files (vitest provide/inject).

export const TEMPLATE_DATABASE = "nianbao_template";

export interface TestServer {
  /** URL of the server's `postgres` database (for CREATE/DROP DATABASE). */
  adminUrl: string;
  /** The migrated template database that freshDatabase() clones. */
  template: string;
  /** The temp folder the test server lives in. */
  storage: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    nianbaoTestServer: TestServer | null;
  }
}
