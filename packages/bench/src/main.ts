// `npm run bench [-- --quick] [-- --duration=10] [-- --connections=1,50] [-- --reports-n=20]`
// DATABASE_URL (owner) defaults to the large seed's database; see src/bench.ts.
import path from "node:path";
import { DEFAULT_DATABASE_URL, root, runBench } from "./bench";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k as string, v ?? "true"];
  }),
);
const quick = args.has("quick");
const num = (key: string, fallback: number) => (args.has(key) ? Number(args.get(key)) : fallback);

try {
  await runBench({
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    duration: num("duration", quick ? 2 : 10),
    connections: (args.get("connections") ?? "1,50").split(",").map(Number),
    reportRuns: num("reports-n", quick ? 3 : 20),
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
