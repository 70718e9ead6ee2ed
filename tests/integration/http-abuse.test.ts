// Honest HTTP under abuse, against the production server `npm test` runs: no inline script without
// the request's nonce on any page, oversized bodies that leave a keep-alive connection usable or closed
// cleanly, bodies that are not what their Content-Type says answered 4xx, and a seeded fuzzer whose
// thousands of malformed requests draw no 5xx and change no balance or order.
import { randomInt } from "node:crypto";
import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { APP_URL, Client, signedInBuyer, type SignedInBuyer } from "../helpers/http";
import { balanceOf, confirmOverHttp, paidInWindow, placeOrder, spend } from "../helpers/shop";

const { hostname, port } = new URL(APP_URL);

/** Raw HTTP/1.1 on one keep-alive socket: writes each request in turn, returns every status line seen. */
async function onOneConnection(requests: string[], waitMs = 1500): Promise<{ statuses: number[]; closedBy: "server" | "client"; raw: string }> {
  const socket = net.connect(Number(port), hostname);
  let raw = "";
  const state = { closedBy: "client" as "server" | "client" };
  socket.on("data", (chunk) => (raw += chunk.toString("latin1")));
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.on("end", () => (state.closedBy = "server"));
  await new Promise((resolve) => socket.on("connect", resolve));
  for (const request of requests) {
    if (socket.destroyed || state.closedBy === "server") break;
    socket.write(request);
    await new Promise((r) => setTimeout(r, waitMs));
  }
  socket.end();
  await closed;
  return { statuses: [...raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1])), closedBy: state.closedBy, raw };
}

const post = (path: string, body: string, type = "application/json") =>
  `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`;
const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`;

describe("a keep-alive client sending an oversized body, then a small request", () => {
  it.each([
    ["past every route's limit (refused by the proxy unread)", "/api/orders", 2_000_000],
    ["past the webhook route's 64 KB (refused by the route unread)", "/api/webhooks/toss", 100_000],
    ["to the sandbox's Toss API", "/sandbox/toss/v1/payments/confirm", 1_000_000],
  ])("%s: 413, then the next request is answered or the connection was closed cleanly", async (_, path, size) => {
    const { statuses, closedBy, raw } = await onOneConnection([post(path, "x".repeat(size)), get("/api/credits")]);
    expect(statuses[0]).toBe(413);
    expect(raw).toContain("BODY_TOO_LARGE");
    if (/^connection: close/im.test(raw.split("\r\n\r\n")[0]!)) {
      // Closed cleanly: the server said so and ended the connection after its answer.
      expect(closedBy).toBe("server");
      expect(statuses).toHaveLength(1);
    } else {
      expect(statuses).toEqual([413, 401]);
    }
  });
});

describe("bodies that are not what they claim", () => {
  it.each(["/", "/pricing", "/login", "/checkout", "/sandbox/toss", "/no-such-page", "/api/no-such-route", "/api/webhooks/toss/extra", "/api/orders"])("multipart that is not multipart to %s: 400", async (path) => {
    const response = await fetch(`${APP_URL}${path}`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=zzz" }, body: "../../etc/passwd" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error?: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "INVALID_FORM_DATA", message: expect.stringMatching(/[가-힣]/) });
  });

  it.each(["/orders/%E0%A4%A", "/sandbox/toss/receipt/%E0%A4%A", "/api/orders/%E0%A4%A/refund", "/sandbox/toss/v1/payments/orders/%E0%A4%A", "/sandbox/toss/v1/payments/%E0%A4%A", "/api/auth/error/%00", "/orders/a%0d%0aSet-Cookie:x"])(
    "a broken percent-encoding in %s: 400",
    async (path) => {
      const response = await fetch(`${APP_URL}${path}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code?: string; error?: { code: string } };
      expect(body.error?.code ?? body.code).toBe("INVALID_PATH");
    },
  );
});

describe("Content-Security-Policy on every page", () => {
  let buyer: SignedInBuyer;
  beforeAll(async () => {
    buyer = await signedInBuyer();
  });

  const pages = ["/", "/pricing", "/login", "/signup", "/checkout?product=PRO_PACK", "/orders", "/account", "/checkout/fail?code=PAY_PROCESS_CANCELED&message=x&orderId=nothing", "/sandbox/toss/demo", "/no-such-page"];

  it.each(pages)("%s: scripts only from this origin or with this request's nonce", async (path) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const response = await buyer.client.fetch(path);
      expect(response.status).toBeLessThan(500);
      const policy = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "))!;
      expect(scriptSrc).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(scriptSrc).not.toContain("*");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)![1]!;
      nonces.add(nonce);
      if (!(response.headers.get("content-type") ?? "").includes("text/html")) continue;
      const html = await response.text();
      // Every script tag Next.js wrote carries the nonce; none runs inline without it.
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------
// The fuzzer: seeded, so a failure names the request that drew it and reproduces. A seed of its own each
// run (printed with any failure; FUZZ_SEED=<seed> replays it), so that runs add up to more than one
// fixed set of requests: 1,500 a run, fewer than one fixed 3,000 took, and more variety over runs.
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const FUZZ_REQUESTS = 1500;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = [
  "/", "/pricing", "/login", "/signup", "/checkout", "/checkout/success", "/checkout/fail", "/orders", "/orders/{orderId}", "/account",
  "/api/orders", "/api/orders/{orderId}", "/api/orders/{orderId}/refund", "/api/credits", "/api/payments/toss/confirm", "/api/webhooks/toss",
  "/api/credits/spend", "/api/credits/reservations", "/api/credits/reservations/{x}/capture", "/api/credits/reservations/{x}/release",
  "/api/cron/reconcile", "/api/auth/csrf", "/api/auth/session", "/api/auth/signin", "/api/auth/signout", "/api/auth/callback/credentials",
  "/api/auth/providers", "/api/auth/error",
  "/sandbox/toss", "/sandbox/toss/demo", "/sandbox/toss/pay/{x}", "/sandbox/toss/pay/{x}/submit", "/sandbox/toss/receipt/{x}",
  "/sandbox/toss/v1/payment-widget", "/sandbox/toss/v1/payments/confirm", "/sandbox/toss/v1/payments/{x}", "/sandbox/toss/v1/payments/{x}/cancel",
  "/sandbox/toss/v1/payments/orders/{orderId}", "/sandbox/toss/widget/payments", "/sandbox/toss/console/unlock",
  "/sandbox/toss/console/api/payments", "/sandbox/toss/console/api/payments/{x}/deposit", "/sandbox/toss/console/api/merchants/docs",
  "/sandbox/toss/console/api/deliveries", "/sandbox/toss/console/api/run-due", "/sandbox/toss/cron/webhooks",
];
const ODD_SEGMENTS = ["..%2f..%2fetc%2fpasswd", "%00", "%E0%A4%A", "' OR 1=1 --", "x".repeat(600), "한글", "%2e%2e", "{{7*7}}", "${jndi:x}", "null", "-1", "1e309", "__proto__"];
const METHODS = ["GET", "POST", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const TYPES = [
  "application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
  "multipart/form-data", "text/plain", "application/xml", "application/octet-stream", "", "application/json; charset=utf-16",
];

function bodyFor(random: () => number, orderId: string): string {
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
  // Each is malformed or invalid for every route: never a valid order, confirm or webhook.
  const bodies = [
    () => "\u0000",
    () => "../../etc/passwd",
    () => "{",
    () => "[]",
    () => "null",
    () => '{"product":123}',
    () => '{"product":"PRO_PACK","orderId":{"$ne":null}}',
    () => `{"paymentKey":"","orderId":"${orderId}","amount":"-1"}`,
    () => `{"paymentKey":"tgen_x","orderId":"${orderId}","amount":1e309}`,
    () => `{"reason":"${"가".repeat(5000)}"}`,
    () => '{"eventType":"PAYMENT_STATUS_CHANGED","data":null}',
    () => `{"eventType":"DEPOSIT_CALLBACK","createdAt":"x","secret":"wrong","status":"DONE","orderId":"${orderId}","transactionKey":1}`,
    () => '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    () => "email=%ZZ&password=&csrfToken=%00",
    () => "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nunterminated",
    () => Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256))).toString("latin1"),
    () => "x".repeat(70_000),
    () => "",
    () => `{"webhookUrl":"http://169.254.169.254/latest/meta-data/"}`,
    () => `intent=approve&bank=${"9".repeat(300)}`,
  ];
  return pick(bodies)();
}

describe("a seeded fuzzer", () => {
  it(`draws no 5xx from ${FUZZ_REQUESTS} malformed requests, signed in and not, and changes no balance or order (FUZZ_SEED=${FUZZ_SEED})`, async () => {
    const buyer = await signedInBuyer();
    // Something to protect: a paid order (+3, one credit spent), and an open one. The spent credit makes
    // the pack one the buyer may no longer refund: an empty POST to its refund route is otherwise a valid
    // request that a random seed drew once (FUZZ_SEED=1304594520), and a refund is not what this test is about.
    const { payment } = await paidInWindow(buyer);
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    await spend(buyer.userId, 1);
    const open = await placeOrder(buyer, "PREMIUM_PACK");
    const snapshot = async () => ({
      balance: await balanceOf(buyer.userId),
      ledger: await db.creditLedger.count({ where: { userId: buyer.userId } }),
      spends: await db.creditSpend.count({ where: { userId: buyer.userId } }),
      orders: (await db.order.findMany({ where: { userId: buyer.userId }, orderBy: { orderId: "asc" }, select: { orderId: true, status: true, amount: true, paymentKey: true } })),
    });
    const before = await snapshot();
    expect(before.balance).toBe(2);

    const random = mulberry32(FUZZ_SEED);
    const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const anonymous = new Client();
    const failures: string[] = [];
    const ids = [payment.orderId, open.orderId, payment.paymentKey];

    const one = async (n: number) => {
      const route = pick(ROUTES)
        .replace("{orderId}", random() < 0.5 ? pick(ids) : pick(ODD_SEGMENTS))
        .replace("{x}", random() < 0.3 ? pick(ids) : pick(ODD_SEGMENTS));
      const path = random() < 0.15 ? `${route}/${pick(ODD_SEGMENTS)}` : random() < 0.2 ? `${route}?${pick(ODD_SEGMENTS)}=${pick(ODD_SEGMENTS)}` : route;
      const method = pick(METHODS);
      const headers: Record<string, string> = {};
      const type = pick(TYPES);
      if (type) headers["content-type"] = type;
      if (random() < 0.3) headers.authorization = pick(["Bearer x", "Basic %%%", `Basic ${Buffer.from("test_gsk_docs_x:").toString("base64")}`, "Bearer " + "a".repeat(5000)]);
      if (random() < 0.3) headers["idempotency-key"] = pick(["", "k".repeat(400), "한글키", "\t"]);
      if (random() < 0.2) headers["tosspayments-webhook-transmission-id"] = pick(ODD_SEGMENTS);
      if (random() < 0.1) headers["next-action"] = pick(["x", "0".repeat(42), ""]);
      if (random() < 0.1) headers.cookie = pick(["next-auth.session-token=garbage", "toss_sandbox_console=%%%", "a=b; ".repeat(200), "next-auth.callback-url=%00", "next-auth.callback-url=javascript:alert(1)"]);
      // Sign-in failures count per client address: each request from an address of its own (sometimes a
      // malformed one), so that the fuzzer does not lock 127.0.0.1 out of the tests that follow.
      headers["x-forwarded-for"] = random() < 0.9 ? `10.${n % 250}.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}` : pick(ODD_SEGMENTS.slice(0, 8));
      const body = method === "GET" || method === "HEAD" ? undefined : bodyFor(random, pick(ids));
      const client = random() < 0.5 ? buyer.client : anonymous;
      try {
        const response = await client.fetch(path, { method, headers, body });
        await response.arrayBuffer().catch(() => {});
        if (response.status >= 500) failures.push(`FUZZ_SEED=${FUZZ_SEED} #${n} ${method} ${path} [${type}] → ${response.status}`);
      } catch (error) {
        // A URL fetch itself refuses (e.g. a bad header value) is the client's problem, not the server's.
        if (!(error instanceof TypeError)) failures.push(`FUZZ_SEED=${FUZZ_SEED} #${n} ${method} ${path} → ${String(error)}`);
      }
    };

    // Four at a time: enough to mix requests, few enough for a 2-core machine.
    for (let n = 0; n < FUZZ_REQUESTS; n += 4) await Promise.all([one(n), one(n + 1), one(n + 2), one(n + 3)]);

    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 600_000);
});
