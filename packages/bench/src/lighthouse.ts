// Lighthouse (the version pinned in package.json, default mobile preset: simulated slow 4G and a
// 4× slower CPU) against the production portals the bench started. A signed-in page gets the
// session cookie as an extra header on every request Lighthouse makes.
import { createRequire } from "node:module";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export const lighthouseVersion: string = createRequire(import.meta.url)(
  "lighthouse/package.json",
).version;

// Debian's Chromium, unless CHROME_PATH (chrome-launcher's variable) or CHROMIUM_PATH (the one the
// e2e tests read) names another.
export const chromePath =
  process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export type LighthousePage = { name: string; url: string; cookie: string };

export type LighthouseResult = {
  name: string;
  /** Performance score (0–100) of each run, in order. */
  scores: number[];
  /** The median run's score and metrics. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
};

type Run = Omit<LighthouseResult, "name" | "scores">;

export async function runLighthouse(
  pages: LighthousePage[],
  runs: number,
  log: (line: string) => void,
): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const results: LighthouseResult[] = [];
    for (const page of pages) {
      const done: Run[] = [];
      for (let i = 0; i < runs; i++) done.push(await audit(page, chrome.port));
      // The run with the median score stands for the page, its metrics with it.
      const median = [...done].sort((a, b) => a.score - b.score)[
        Math.floor(done.length / 2)
      ] as Run;
      results.push({ name: page.name, scores: done.map((r) => r.score), ...median });
      log(
        `Lighthouse ${page.name}: ${done.map((r) => r.score).join(", ")} → ${median.score} (LCP ${median.lcpMs} ms, TBT ${median.tbtMs} ms)`,
      );
    }
    return results;
  } finally {
    chrome.kill();
  }
}

async function audit(page: LighthousePage, port: number): Promise<Run> {
  const result = await lighthouse(page.url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${page.url}`);
  if (lhr.runtimeError)
    throw new Error(`Lighthouse ${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A lost session would measure the sign-in page under the dashboard's name.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(page.url).pathname)
    throw new Error(`Lighthouse ${page.url} ended on ${lhr.finalDisplayedUrl}`);
  const score = lhr.categories.performance?.score;
  if (typeof score !== "number") throw new Error(`Lighthouse ${page.url}: no performance score`);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round(score * 100),
    fcpMs: Math.round(metric("first-contentful-paint")),
    lcpMs: Math.round(metric("largest-contentful-paint")),
    tbtMs: Math.round(metric("total-blocking-time")),
    cls: Math.round(metric("cumulative-layout-shift") * 1000) / 1000,
  };
}
