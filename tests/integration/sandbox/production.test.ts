// The sandbox never runs where real money moves: a production start in sandbox mode is refused, and in
// live mode every /sandbox/toss route answers 404. Real `next start` processes on the built app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startNextServer, untilUp } from "../../helpers/next-server";

const start = startNextServer;

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

describe("live_ keys without the business profile (전자상거래법 §10)", () => {
  it("refuse to start, with one line per missing field", async () => {
    const server = start(await freePort(), {
      TOSS_MODE: "live",
      NEXT_PUBLIC_TOSS_CLIENT_KEY: "live_gck_profilecheck",
      TOSS_SECRET_KEY: "live_gsk_profilecheck",
      BUSINESS_NAME: "주식회사 테스트상점",
      BUSINESS_REPRESENTATIVE: "김대표",
      BUSINESS_REGISTRATION_NUMBER: "220-81-62518",
    });
    const code = await Promise.race([server.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 25_000))]);
    if (code === "running") server.stop();
    expect(code).not.toBe("running");
    expect(code).not.toBe(0);
    const output = server.output();
    expect(output).toMatch(/BUSINESS_REGISTRATION_NUMBER: the check digit does not match/);
    for (const field of ["BUSINESS_MAIL_ORDER_NUMBER", "BUSINESS_MAIL_ORDER_OFFICE", "BUSINESS_ADDRESS", "BUSINESS_PHONE", "BUSINESS_EMAIL", "PRIVACY_OFFICER_NAME", "PRIVACY_OFFICER_CONTACT"]) {
      expect(output).toMatch(new RegExp(`${field}: required with live_ Toss keys`));
    }
    expect(output).not.toMatch(/BUSINESS_NAME: required/);
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
    await untilUp(server);
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

// A production build started as a Vercel preview starts it (VERCEL_ENV=preview, its own https host):
// the console is closed to strangers and webhook targets are limited to public addresses.
describe("a Vercel preview", () => {
  const TOKEN = "preview-console-token-0123456789abcdef";
  const MERCHANT = `sbx_preview${Date.now().toString(36)}`;
  let server: ReturnType<typeof start>;
  let base = "";

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = start(port, {
      VERCEL_ENV: "preview",
      VERCEL_URL: "shop-abc123-team.vercel.app",
      // Unset, as the README tells testers: the app's URL is then https://$VERCEL_URL.
      NEXT_PUBLIC_APP_URL: undefined,
      NEXTAUTH_URL: undefined,
      TOSS_SANDBOX_ALLOW_PRODUCTION: undefined,
      SANDBOX_CONSOLE_TOKEN: TOKEN,
    });
    await untilUp(server);
  }, 60_000);

  afterAll(async () => {
    server?.stop();
    await server?.exited;
  });

  const settings = (token: string | null, body?: unknown) =>
    fetch(`${base}/sandbox/toss/console/api/merchants/${MERCHANT}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("closes the console: anonymous and wrong token 401, the right token 200", async () => {
    expect((await settings(null)).status).toBe(401);
    expect((await settings("wrong-token-wrong-token-wrong")).status).toBe(401);
    expect((await settings(null, { webhookUrl: "https://8.8.8.8/hook" })).status).toBe(401);
    expect((await fetch(`${base}/sandbox/toss/console/api/payments`)).status).toBe(401);
    expect(await (await fetch(`${base}/sandbox/toss`)).text()).toContain("샌드박스 콘솔이 잠겨 있어요");
    const open = await settings(TOKEN);
    expect(open.status).toBe(200);
    expect((await open.json()).data.effectiveWebhookUrl).toBe("https://shop-abc123-team.vercel.app/api/webhooks/toss");
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/hook",
    "http://[::1]:3000/api/webhooks/toss",
    "http://localhost:3000/api/webhooks/toss",
  ])("refuses the webhook URL %s, even with the token", async (webhookUrl) => {
    const answer = await settings(TOKEN, { webhookUrl });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: "WEBHOOK_URL_NOT_ALLOWED", message: expect.stringContaining("웹훅") });
    expect((await (await settings(TOKEN)).json()).data.webhookUrl).toBeNull();
  });

  it("accepts a public address", async () => {
    const answer = await settings(TOKEN, { webhookUrl: "https://8.8.8.8/hooks/toss" });
    expect(answer.status).toBe(200);
    expect((await settings(TOKEN, { webhookUrl: "" })).status).toBe(200);
  });
});
