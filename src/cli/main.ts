import { readFileSync } from "node:fs";
import { COMMANDS, EXTRACT_USAGE } from "./commands.ts";
import { describeError, isUsageError, UserError } from "./fail.ts";

// The `nianbao` command: dispatches subcommands; every failure ends as one line on stderr.

const HELP = `nianbao — crawler and archive for 政府信息公开工作年度报告

usage: nianbao <command> [options]

commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join("\n")}

options:
  -h, --help     show help (also: nianbao <command> --help)
  -v, --version  show the version

${EXTRACT_USAGE}`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") { console.log(HELP); return 0; }
  if (command === "-v" || command === "--version") { console.log(version()); return 0; }
  const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (found) return found.run(rest);
  throw new UserError(`unknown command '${command}'; run 'nianbao --help' for the list`, 2);
}

process.stdout.on("error", (err: NodeJS.ErrnoException) => { if (err.code === "EPIPE") process.exit(0); });
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`nianbao: ${describeError(err)}\n`);
    if (process.env.NIANBAO_DEBUG) console.error(err);
    process.exitCode = err instanceof UserError ? err.exitCode : isUsageError(err) ? 2 : 1;
  },
);
