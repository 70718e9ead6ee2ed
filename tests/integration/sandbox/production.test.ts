// The sandbox never runs where real money moves: a production start in sandbox mode is refused, and in
// live mode every /sandbox/toss route answers 404. Real `next start` processes on the built app.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function start(port: number, env: Record<string, string | undefined>) {
  // A real deployment: NODE_ENV=production (vitest itself runs with NODE_ENV=test).
  const merged: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  for (const [key, value] of Object.entries({ ...process.env, NODE_ENV: "production", ...env })) if (value !== undefined) merged[key] = value;
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it stops next-server too (npx does not forward signals).
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
  const stop = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  return { child, output: () => output, exited, stop };
}

describe("production refusal", () => {
  it.each([
    ["NODE_ENV=production without TOSS_SANDBOX_ALLOW_PRODUCTION", { TOSS_SANDBOX_ALLOW_PRODUCTION: undefined }, /refuses to run with NODE_ENV=production/],
    ["a Vercel production deployment, even with the opt-in", { VERCEL_ENV: "production" }, /refuses to run in a Vercel production deployment/],
  ])("refuses to start in sandbox mode: %s", async (_, env, message) => {
    const server = start(await freePort(), { TOSS_MODE: "sandbox", ...env });
    const code = await Promise.race([server.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 25_000))]);
    if (code === "running") server.stop();
    expect(code).not.toBe("running");
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(message);
  }, 30_000);
});

describe("live mode", () => {
  let server: ReturnType<typeof start>;
  let base = "";

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = start(port, {
      TOSS_MODE: "live",
      NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_livemodecheck",
      TOSS_SECRET_KEY: "test_gsk_livemodecheck",
      NEXT_PUBLIC_APP_URL: base,
    });
    const deadline = Date.now() + 40_000;
    for (;;) {
      const up = await fetch(`${base}/`).then((r) => r.status < 500, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`live-mode server did not start:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 60_000);

  afterAll(async () => {
    server?.stop();
    await server?.exited;
  });

  it.each([
    ["GET", "/sandbox/toss"],
    ["GET", "/sandbox/toss/demo"],
    ["GET", "/sandbox/toss/pay/anything"],
    ["GET", "/sandbox/toss/v1/payment-widget"],
    ["POST", "/sandbox/toss/v1/payments/confirm"],
    ["GET", "/sandbox/toss/v1/payments/some-key"],
    ["GET", "/sandbox/toss/v1/payments/orders/order_123456"],
    ["POST", "/sandbox/toss/v1/payments/some-key/cancel"],
    ["POST", "/sandbox/toss/widget/payments"],
    ["POST", "/sandbox/toss/pay/anything/submit"],
    ["GET", "/sandbox/toss/console/api/payments"],
    ["POST", "/sandbox/toss/console/api/payments/x/deposit"],
    ["POST", "/sandbox/toss/console/api/merchants/docs"],
    ["POST", "/sandbox/toss/console/api/run-due"],
    ["GET", "/sandbox/toss/cron/webhooks"],
  ])("answers 404 to %s %s", async (method, path) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "Content-Type": "application/json", Authorization: `Basic ${Buffer.from("test_gsk_livemodecheck:").toString("base64")}` },
      body: method === "POST" ? "{}" : undefined,
    });
    expect(response.status).toBe(404);
  });
});
