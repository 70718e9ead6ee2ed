// Another `next start` of the built app, with its own environment (a preview, live mode, a database
// behind a proxy), on a free port. Its own process group, so that stopping it stops next-server too.
import net from "node:net";
import { spawnBin, stopTree } from "../../scripts/lib/processes";

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface NextServer {
  port: number;
  base: string;
  output(): string;
  exited: Promise<number | null>;
  stop(): void;
  /** A real crash: SIGKILL to the server and everything it started, no shutdown of any kind. */
  kill(): void;
}

/** Starts a production server; `undefined` in `env` removes a variable of the test env. */
export function startNextServer(port: number, env: Record<string, string | undefined>): NextServer {
  // A real deployment: NODE_ENV=production (vitest itself runs with NODE_ENV=test).
  const merged: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  for (const [key, value] of Object.entries({ ...process.env, NODE_ENV: "production", ...env })) if (value !== undefined) merged[key] = value;
  const child = spawnBin("next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
    group: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    stop: () => stopTree(child),
    kill: () => stopTree(child, "SIGKILL"),
  };
}

/** Waits until the server answers `/` below 500. */
export async function untilUp(server: NextServer, path = "/", timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = await fetch(`${server.base}${path}`).then((r) => r.status < 500, () => false);
    if (up) return;
    if (Date.now() > deadline) throw new Error(`the server on ${server.base} did not start:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
