// The database going away and coming back, as a managed PostgreSQL does on a failover: a second
// production server reaches the test database through a TCP relay this test cuts and restores.
// While it is cut: pages answer 503 with a Korean page and Retry-After, API routes 503 with a code,
// webhooks 503 (Toss retries). Once it is back: the same server serves again, without a restart.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInBuyer } from "../helpers/http";
import { freePort, startNextServer, untilUp, type NextServer } from "../helpers/next-server";

/** A TCP relay to PostgreSQL that can refuse and drop every connection, then accept again. */
class Relay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private target: { host: string; port: number },
  ) {}

  async open() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  /** The database is gone: new connections refused, open ones reset. */
  async cut() {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

const testDatabase = new URL(process.env.DATABASE_URL!);

describe("while the database is unreachable", () => {
  let relay: Relay;
  let server: NextServer;

  beforeAll(async () => {
    relay = new Relay(await freePort(), { host: testDatabase.hostname, port: Number(testDatabase.port) });
    await relay.open();
    const viaRelay = new URL(testDatabase);
    viaRelay.port = String(relay.port);
    server = startNextServer(await freePort(), { DATABASE_URL: viaRelay.toString(), NEXT_PUBLIC_APP_URL: undefined, NEXTAUTH_URL: undefined });
    await untilUp(server, "/pricing");
  }, 60_000);

  afterAll(async () => {
    server?.stop();
    await server?.exited;
    await relay?.cut();
  });

  const page = (path: string) => fetch(`${server.base}${path}`, { headers: { accept: "text/html", "sec-fetch-dest": "document" }, redirect: "manual" });

  it("pages, API routes and webhooks answer 503 with a way to try again, then serve again once it is back", async () => {
    expect((await page("/pricing")).status).toBe(200);
    const cookie = (await signedInBuyer()).client.cookieHeader();
    expect((await fetch(`${server.base}/api/credits`, { headers: { cookie } })).status).toBe(200);

    await relay.cut();
    for (const path of ["/", "/pricing", "/checkout?product=PRO_PACK", "/orders", "/login"]) {
      const response = await page(path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get("retry-after"), path).toMatch(/^\d+$/);
      expect(response.headers.get("content-security-policy"), path).toMatch(/script-src 'self' 'nonce-[^']+';/);
      const html = await response.text();
      expect(html).toContain("잠시 후 다시 시도해 주세요");
      expect(html).not.toMatch(/<script/i);
    }

    // A signed-in buyer's API calls (the session cookie of the test server is valid here: same secret)
    // fail into a 503 with a code and a Korean message, not a 500.
    for (const [method, path, body] of [["GET", "/api/credits"], ["GET", "/api/orders"], ["POST", "/api/orders", { product: "PRO_PACK" }]] as const) {
      const response = await fetch(`${server.base}${path}`, {
        method,
        headers: { "content-type": "application/json", cookie },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE", message: expect.stringContaining("잠시 후") } });
    }

    const webhook = await fetch(`${server.base}/api/webhooks/toss`, {
      method: "POST",
      headers: { "content-type": "application/json", "tosspayments-webhook-transmission-id": `whtrans_outage${Date.now()}` },
      body: JSON.stringify({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: "2026-11-22T10:00:00.000000", data: { paymentKey: "tsbx_outage", orderId: "order_outage_1", status: "DONE" } }),
    });
    expect(webhook.status).toBe(503);

    const health = await fetch(`${server.base}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable", tossMode: "sandbox", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });

    await relay.open();
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await page("/pricing")).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await page("/")).status).toBe(200);
    const healthy = await fetch(`${server.base}/api/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: "ok", database: "reachable", tossMode: "sandbox", version: expect.any(String) });
  }, 120_000);
});
