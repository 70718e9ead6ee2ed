// The ceiling of the throughput targets, measured: a purchase's HTTP shape with no work in it, on a
// bare Next.js app of the same packages (the hello-world of ./first-load-js.ts). A purchase here is
// the buyer's confirm, which calls Toss (the sandbox, in the same server) and answers; after the
// answer, the sandbox's webhook to the app. The bare app does exactly those requests, with bodies of
// the same sizes and the same HTTP client as the app (node:http on keep-alive agents), and nothing
// else: no database, no session, no validation, no middleware. What it reaches at 32 clients, as a
// share of its own no-op, is what no amount of work on the app's side could beat.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Part of the bare app's build stamp: a change here rebuilds it. */
export const SHAPE_ROUTES_VERSION = "purchase-shape 2";

/** A payment object's size (the sandbox's answer to confirm is about 2 KB of JSON), and a webhook's. */
const PAYMENT_BYTES = 2048;

const POST_HELPER = `import http from "node:http";
const agent = new http.Agent({ keepAlive: true });
export function post(url, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "accept-encoding": "identity" } }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}
export const payment = (status) => JSON.stringify({ status, pad: "x".repeat(${PAYMENT_BYTES - 40}) });
`;

const ROUTES: Record<string, string> = {
  // the bench's baseline, as the app's own /api/noop
  "api/noop/route.js": `export function POST() {\n  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });\n}\n`,
  // the buyer's confirm: read the body, call "Toss", answer; "Toss's" webhook after the answer
  "api/shape/confirm/route.js": `import { after } from "next/server";
import { payment, post } from "../post.js";
export async function POST(request) {
  const body = await request.json();
  const origin = new URL(request.url).origin;
  const toss = JSON.parse(await post(origin + "/api/shape/toss", JSON.stringify({ ...body, amount: 3000 })));
  after(() => post(origin + "/api/shape/webhook", JSON.stringify({ eventType: "PAYMENT_STATUS_CHANGED", data: JSON.parse(payment("DONE")) })));
  return Response.json({ ok: toss.status === "DONE", orderId: body.orderId }, { headers: { "Cache-Control": "no-store" } });
}
`,
  // the sandbox's confirm: read the body, answer a payment object
  "api/shape/toss/route.js": `import { payment } from "../post.js";
export async function POST(request) {
  await request.json();
  return new Response(payment("DONE"), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
`,
  // the app's webhook: read the body, answer 200
  "api/shape/webhook/route.js": `export async function POST(request) {\n  await request.json();\n  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });\n}\n`,
  "api/shape/post.js": POST_HELPER,
};

export function writeShapeRoutes(appRoot: string): void {
  // Its own, empty instrumentation: without one, Next.js builds in the checkout's (Sentry, and the
  // environment check that refuses to start without the app's configuration).
  writeFileSync(path.join(appRoot, "instrumentation.js"), "export function register() {}\n");
  for (const [file, source] of Object.entries(ROUTES)) {
    mkdirSync(path.dirname(path.join(appRoot, "app", file)), { recursive: true });
    writeFileSync(path.join(appRoot, "app", file), source);
  }
}

/** One purchase's shape: the buyer's confirm, whose answer says "Toss" approved. */
export async function shapedPurchase(url: string): Promise<boolean> {
  const response = await fetch(`${url}/api/shape/confirm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ paymentKey: "tgen_shape", orderId: "ord_shape_0000000001", amount: 3000 }),
  });
  return response.ok && ((await response.json()) as { ok: boolean }).ok;
}
