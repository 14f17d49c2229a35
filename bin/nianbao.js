#!/usr/bin/env node
// Entry point of the `nianbao` command: runs the compiled CLI (built by `npm run build`, which
// `prepare` runs on install) on the Node the project pins (the `node` package, first on the PATH
// of npm scripts and npx).
import { existsSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(`nianbao: needs Node.js 24 or later (this is ${process.version}); run it as \`npx nianbao\` in the nianbao folder, which uses the project's own Node 24`);
  process.exit(2);
}
// Cache compiled code between runs (pdf.js is large): start-up and the first PDF get faster.
module.enableCompileCache?.();
const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error("nianbao: not built yet (dist/ is missing); run `npm install` or `npm run build` in the nianbao folder");
  process.exit(2);
}
await import(main.href);
