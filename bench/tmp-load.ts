import { load } from "./serve-load.ts";
const [base, kind, n, secs] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 20), Number(process.argv[5] ?? 8)];
const paths = Array.from({ length: 2000 }, (_, i) => {
  const id = 1 + ((i * 37) % 9000);
  return kind === "report" ? `/reports/${id}` : kind === "api" ? `/api/reports/${id}` : kind === "agency" ? `/agencies/${1 + ((i * 13) % 1900)}` : `/${kind}`;
});
console.log(JSON.stringify(await load(kind, base, paths, { connections: n, seconds: secs })));
