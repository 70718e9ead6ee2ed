// Cold start: the time from spawning `next start` of a production build until its first answer on a
// given path (issue #20: the app until GET /api/health answers, the hello-world until / does). What a
// cold serverless function pays before the buyer's request, measured as one process start here.
import type { ChildProcess } from "node:child_process";
import { spawnBin, stopTree } from "../processes";

export interface ColdStartRuns {
  runs: number[];
  median: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function oneStart(port: number, path: string, env: NodeJS.ProcessEnv, appDir?: string): Promise<number> {
  const started = performance.now();
  const args = ["start", ...(appDir ? [appDir] : []), "-p", String(port), "-H", "127.0.0.1"];
  const server: ChildProcess = spawnBin("next", args, { stdio: "ignore", env, group: true });
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`next start ${appDir ?? ""} exited (${server.exitCode}) before answering`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        await response.arrayBuffer();
        if (response.status < 500) return Math.round(performance.now() - started);
      } catch {
        // not listening yet
      }
      await sleep(10);
    }
    throw new Error(`next start on ${port} did not answer ${path} within 60 s`);
  } finally {
    stopTree(server);
    await new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", () => resolve())));
  }
}

export interface ColdStartTarget {
  path: string;
  env: NodeJS.ProcessEnv;
  appDir?: string;
}

/**
 * `starts` cold starts of each target, taken in turns (app, hello, app, hello, …) so that a busy moment
 * of this shared machine falls on both alike; the medians are compared.
 */
export async function coldStarts(port: number, targets: Record<string, ColdStartTarget>, starts: number): Promise<Record<string, ColdStartRuns>> {
  const runs: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  // One start of each first, unmeasured: the operating system's file cache warmed for both.
  for (const target of Object.values(targets)) await oneStart(port, target.path, target.env, target.appDir);
  for (let i = 0; i < starts; i++) {
    for (const [name, target] of Object.entries(targets)) runs[name]!.push(await oneStart(port, target.path, target.env, target.appDir));
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return [name, { runs: list, median: sorted[Math.floor(sorted.length / 2)]! }];
    }),
  );
}
