// `npm run bench [-- --quick] [-- --duration=10] [-- --connections=1,50] [-- --reports-n=20]
//   [-- --lighthouse-runs=3] [-- --only=reads,ssr,reports,rss,js,lighthouse]`
// DATABASE_URL (owner) defaults to the large seed's database; see src/bench.ts.
import path from "node:path";
import { DEFAULT_DATABASE_URL, root, runBench, type Section, sections } from "./bench";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k as string, v ?? "true"];
  }),
);
const quick = args.has("quick");
const num = (key: string, fallback: number) => (args.has(key) ? Number(args.get(key)) : fallback);
const only = args.get("only")?.split(",");
const unknown = only?.filter((s) => !(sections as readonly string[]).includes(s));
if (unknown?.length) {
  console.error(`--only: unknown section(s) ${unknown.join(", ")}; known: ${sections.join(", ")}`);
  process.exit(2);
}

try {
  await runBench({
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    duration: num("duration", quick ? 2 : 10),
    connections: (args.get("connections") ?? "1,50").split(",").map(Number),
    reportRuns: num("reports-n", quick ? 3 : 20),
    lighthouseRuns: num("lighthouse-runs", 3),
    only: only as Section[] | undefined,
    markdownPath: path.resolve(root, args.get("out") ?? "docs/performance.md"),
    jsonPath: path.resolve(root, args.get("json") ?? "docs/performance.json"),
    seedJsonPath: path.resolve(root, args.get("seed-json") ?? ".data/large-seed.json"),
  });
  process.exit(0);
} catch (error) {
  console.error(
    `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}
