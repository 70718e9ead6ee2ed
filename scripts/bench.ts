// `npm run bench`: the payment path's figures on this machine, in one run (issue #9), printed and
// written to bench-results/<commit>.json so that two commits can be compared.
// - The production build (built first when a source file is newer than it), `next start` three times
//   with the sandbox in the same server, on a database of its own (credit_checkout_bench, recreated):
//   one server with the database direct, one through a TCP proxy holding each packet 10 ms each way,
//   and one more like it, traced, for the counts (its line per query is not on the others' time).
// - Latency p50/p99 at one client: no-op, GET /api/credits, POST /api/credits/spend, confirm, webhook ingest, on both servers.
// - Throughput and p50/p99 at 32 clients (database direct): no-op, confirm, webhook ingest.
// - The ceiling of those: a purchase's requests with no work in them, on a bare Next.js app of the
//   same packages, against its own no-op (./lib/bench/purchase-shape.ts).
// - Sequential round trips and committed transactions per confirm and per webhook, app and sandbox
//   apart, counted by the driver (lib/db-trace.ts) and by PostgreSQL (pg_stat_database.xact_commit).
// - First-load JavaScript of /pricing and /checkout against a Next.js hello-world of the same packages.
// - Largest Contentful Paint of /pricing and /checkout (signed in, the widget rendered) in Chromium,
//   and of the hello-world; cold start (`next start` until GET /api/health answers) against the
//   hello-world's (until / answers) (issue #20).
// Options: --build (build even if up to date), --quick (fewer requests), --startup (only the page and
// start-up figures: JS weight, paint, cold start). Env: BENCH_PORT (3350).
import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { CURRENT_PRIVACY, CURRENT_TERMS } from "../lib/legal/documents";
import { buildIsStale, firstLoadJs, HELLO, helloWorldFirstLoadJs, type FirstLoad } from "./lib/bench/first-load-js";
import { shapedPurchase } from "./lib/bench/purchase-shape";
import { startLatencyProxy } from "./lib/bench/latency-proxy";
import { runLoad, round, type LoadResult } from "./lib/bench/load";
import { confirm, confirmAtToss, credits, noop, postWebhook, preparePurchase, setAppMerchant, ShopClient, spendOne, tossPayment, type Purchase } from "./lib/bench/shop";
import { coldStarts } from "./lib/bench/cold-start";
import { largestContentfulPaint, launchBrowser, type PaintRuns } from "./lib/bench/paint";
import { countByScope, readTrace, sumOf, traceOffset } from "./lib/bench/trace-summary";
import { prepareDatabase } from "./lib/prepare-database";
import { spawnBin, stopTree } from "./lib/processes";
import { ROOT } from "./lib/schema-engine";
import { nextStartArgs, testEnv } from "./lib/test-env";

const QUICK = process.argv.includes("--quick");
const STARTUP_ONLY = process.argv.includes("--startup");
const PORT = Number(process.env.BENCH_PORT ?? 3350);
const DATABASE = "credit_checkout_bench";
const DELAY_MS = 10;
const CLIENTS = 32;
const RESULTS = path.join(ROOT, "bench-results");
const TRACE_FILE = path.join(RESULTS, "db-trace.jsonl");
const PASSWORD = "bench horse battery staple";
const children = new Set<ChildProcess>();

const n = (full: number) => (QUICK ? Math.max(8, Math.round(full / 4)) : full);
const log = (line: string) => console.log(line);

function serverEnv(port: number, databaseUrl: string, extra: Record<string, string> = {}) {
  const url = `http://127.0.0.1:${port}`;
  return {
    ...process.env,
    ...testEnv(databaseUrl),
    NEXT_PUBLIC_APP_URL: url,
    NEXTAUTH_URL: url,
    TEST_APP_URL: url,
    // Each buyer places many orders within a second here; the order-creation limit counts per window.
    RATE_LIMIT_WINDOW_SECONDS: "1",
    ...extra,
  };
}

async function startServer(port: number, env: NodeJS.ProcessEnv, logName: string, appDir?: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const out = openSync(path.join(RESULTS, logName), "w");
  const [command, ...options] = nextStartArgs(port);
  const server = spawnBin("next", appDir ? [command!, appDir, ...options] : [command!, ...options], { stdio: ["ignore", out, out], env, group: true });
  children.add(server);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start on ${port} exited (${server.exitCode}); see bench-results/${logName}`);
    try {
      if ((await fetch(`${url}/api/noop`, { method: "POST" })).status === 204) return url;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`next start on ${port} did not answer within 60 s`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Buyers with one password (hashed once), straight into the database; each signs in over HTTP. */
async function createBuyers(database: pg.Client, count: number, urls: string[]): Promise<ShopClient[][]> {
  const hash = await hashPassword(PASSWORD);
  const stamp = Date.now().toString(36);
  const clients: ShopClient[][] = urls.map(() => []);
  for (let i = 0; i < count; i++) {
    const email = `bench-${stamp}-${i}@example.com`;
    await database.query(
      `INSERT INTO "User" (id, email, "passwordHash", "customerKey", "termsVersion", "privacyVersion", "consentedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, now(), now(), now())`,
      [`bench_${stamp}_${i}`, email, hash, `cus_bench_${stamp}_${i}`, CURRENT_TERMS.version, CURRENT_PRIVACY.version],
    );
    // Credits to spend (the spend row): one operator's lot, and its ledger row, as an adjustment makes them.
    await database.query(
      `WITH "lot" AS (
         INSERT INTO "CreditLot" ("id", "userId", "source", "grantKey", "amount", "remaining", "priority", "expiresAt", "reason")
         VALUES ($1, $2, 'ADJUSTMENT', $1, 100000, 100000, 1, now() + interval '1 year', 'bench') RETURNING "id", "userId"
       )
       INSERT INTO "CreditLedger" ("id", "userId", "kind", "amount", "reason", "lotId", "createdAt")
       SELECT "id", "userId", 'ADJUSTMENT', 100000, 'bench', "id", now() AT TIME ZONE 'UTC' FROM "lot"`,
      [`lot_bench_${stamp}_${i}`, `bench_${stamp}_${i}`],
    );
    const first = new ShopClient(urls[0]!);
    await first.signIn(email, PASSWORD);
    clients[0]!.push(first);
    for (let s = 1; s < urls.length; s++) {
      const other = new ShopClient(urls[s]!);
      first.copyCookiesTo(other);
      clients[s]!.push(other);
    }
  }
  return clients;
}

/** `count` purchases ready to confirm, spread over the buyers (prepared in parallel, one per buyer at a time). */
async function preparePurchases(buyers: ShopClient[], count: number): Promise<{ buyer: ShopClient; purchase: Purchase }[]> {
  const out: { buyer: ShopClient; purchase: Purchase }[] = [];
  let next = 0;
  await Promise.all(
    buyers.map(async (buyer) => {
      while (next < count) {
        next++;
        out.push({ buyer, purchase: await preparePurchase(buyer) });
      }
    }),
  );
  return out;
}

/** Waits until the sandbox has delivered (and the app answered) every webhook of these orders. */
async function webhooksSettled(database: pg.Client, orderIds: string[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let polls = 0;
  while (Date.now() < deadline) {
    polls++;
    const { rows } = await database.query<{ open: string }>(
      `SELECT count(*) AS open FROM "SandboxWebhookDelivery" WHERE "orderId" = ANY($1) AND status IN ('PENDING', 'SENDING')`,
      [orderIds],
    );
    if (Number(rows[0]!.open) === 0) return polls;
    await sleep(50);
  }
  throw new Error("webhooks were not delivered within 30 s");
}

async function xactCommit(database: pg.Client): Promise<number> {
  const { rows } = await database.query<{ n: string }>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows[0]!.n);
}

interface LatencySet {
  noop: LoadResult;
  credits: LoadResult;
  /** POST /api/credits/spend of 1 credit, a fresh Idempotency-Key each */
  spend: LoadResult;
  confirm: LoadResult;
  /** a delivery of news our confirm already settled (the commonest): Toss not asked again */
  webhook: LoadResult;
  /** a delivery of news we did not have: re-fetched from Toss, then settled */
  webhookSettling?: LoadResult;
}

async function latencyAtOneClient(url: string, buyers: ShopClient[]): Promise<LatencySet> {
  const buyer = buyers[0]!;
  await runLoad(Array.from({ length: 20 }, () => () => noop(url)), 1); // warm-up
  const noopResult = await runLoad(Array.from({ length: n(200) }, () => () => noop(url)), 1);
  const creditsResult = await runLoad(Array.from({ length: n(100) }, () => () => credits(buyer)), 1);
  const spendResult = await runLoad(Array.from({ length: n(100) }, () => () => spendOne(buyer)), 1);
  const purchases = await preparePurchases(buyers.slice(0, 4), n(40));
  const confirmResult = await runLoad(purchases.map(({ buyer: b, purchase }) => () => confirm(b, purchase)), 1);
  const payments = await Promise.all(purchases.map(({ purchase }) => tossPayment(url, purchase.paymentKey)));
  await sleep(500); // the sandbox's own webhooks of those confirms
  const webhookResult = await runLoad(payments.map((p) => () => postWebhook(url, p)), 1);
  return { noop: noopResult, credits: creditsResult, spend: spendResult, confirm: confirmResult, webhook: webhookResult };
}

/** Nothing listens on port 9 here: the sandbox's own deliveries fail and are retried much later. */
const DEAD_WEBHOOK_URL = "http://127.0.0.1:9/webhooks/toss";

/**
 * The webhook that brings news (Toss approved, our confirm never heard): re-fetched from Toss, then
 * settled. The sandbox's own deliveries are pointed at a dead port meanwhile, so that ours are the news.
 */
async function settlingWebhookAtOneClient(url: string, buyers: ShopClient[], database: pg.Client, directDatabaseUrl: string): Promise<LoadResult> {
  const consoleToken = testEnv(directDatabaseUrl).SANDBOX_CONSOLE_TOKEN!;
  const purchases = await preparePurchases(buyers.slice(0, 4), n(40));
  await setAppMerchant(url, consoleToken, { webhookUrl: DEAD_WEBHOOK_URL });
  try {
    const payments = [];
    for (const { purchase } of purchases) payments.push(await confirmAtToss(url, purchase));
    const result = await runLoad(payments.map((p) => () => postWebhook(url, p)), 1);
    const orderIds = purchases.map(({ purchase }) => purchase.orderId);
    const { rows } = await database.query<{ paid: string }>(`SELECT count(*) AS paid FROM "Order" WHERE "orderId" = ANY($1) AND status = 'PAID'`, [orderIds]);
    if (Number(rows[0]!.paid) !== orderIds.length) throw new Error(`settling webhooks paid ${rows[0]!.paid} of ${orderIds.length} orders`);
    // Their failed deliveries would be retried in a later step: they are done with.
    await database.query(`UPDATE "SandboxWebhookDelivery" SET status = 'FAILED', "nextAttemptAt" = NULL WHERE "orderId" = ANY($1) AND status <> 'DELIVERED'`, [orderIds]);
    return result;
  } finally {
    await setAppMerchant(url, consoleToken, { webhookUrl: "" });
  }
}

/** The ceiling (./lib/bench/purchase-shape.ts): a purchase's requests with no work, on the bare app, against its own no-op. */
async function shapeThroughput(url: string) {
  await runLoad(Array.from({ length: n(200) }, () => () => shapedPurchase(url)), CLIENTS); // warm-up
  const noopBefore = await runLoad(Array.from({ length: n(4000) }, () => () => noop(url)), CLIENTS);
  const shape = await runLoad(Array.from({ length: n(1500) }, () => () => shapedPurchase(url)), CLIENTS);
  const noopAfter = await runLoad(Array.from({ length: n(4000) }, () => () => noop(url)), CLIENTS);
  const noopResult = noopAfter.perSecond > noopBefore.perSecond ? noopAfter : noopBefore;
  return { noop: noopResult, noopRuns: [noopBefore.perSecond, noopAfter.perSecond], purchase: { ...shape, ofNoop: round(shape.perSecond / noopResult.perSecond, 3) } };
}

async function throughput(url: string, buyers: ShopClient[]) {
  // The no-op is run before and after the others and the faster run is the baseline: on this shared
  // 2-core machine one run of it varies by half, and a slow one would flatter every ratio.
  const noopBefore = await runLoad(Array.from({ length: n(4000) }, () => () => noop(url)), CLIENTS);
  const purchases = await preparePurchases(buyers, n(320));
  const confirmResult = await runLoad(purchases.map(({ buyer, purchase }) => () => confirm(buyer, purchase)), CLIENTS);
  const payments = await Promise.all(purchases.map(({ purchase }) => tossPayment(url, purchase.paymentKey)));
  await sleep(2000);
  const hooks = [...payments, ...payments];
  const webhookResult = await runLoad(hooks.map((p) => () => postWebhook(url, p)), CLIENTS);
  const noopAfter = await runLoad(Array.from({ length: n(4000) }, () => () => noop(url)), CLIENTS);
  const noopResult = noopAfter.perSecond > noopBefore.perSecond ? noopAfter : noopBefore;
  return {
    noop: noopResult,
    noopRuns: [noopBefore.perSecond, noopAfter.perSecond],
    confirm: { ...confirmResult, ofNoop: round(confirmResult.perSecond / noopResult.perSecond, 3) },
    webhook: { ...webhookResult, ofNoop: round(webhookResult.perSecond / noopResult.perSecond, 3) },
  };
}

/** Purchases one at a time on the traced server: what each request cost, from the trace and from PostgreSQL. */
async function countPerPurchase(url: string, buyers: ShopClient[], database: pg.Client) {
  const count = n(8);
  const [warmUp, ...purchases] = await preparePurchases(buyers.slice(0, 2), count + 1);
  // This server has answered nothing else: a first purchase warms it (its pool, Next.js's lazy modules).
  await confirm(warmUp!.buyer, warmUp!.purchase);
  await webhooksSettled(database, [warmUp!.purchase.orderId]);
  // Let the pump's window pass, and every backend publish the counts it still holds (PostgreSQL does
  // so when one has been idle a while, at most 10 s later): the other servers' earlier work too.
  await sleep(11_000);
  const before = await xactCommit(database);
  const offset = traceOffset(TRACE_FILE);
  let benchQueries = 0;
  for (const { buyer, purchase } of purchases) {
    if (!(await confirm(buyer, purchase))) throw new Error(`confirm of ${purchase.orderId} failed`);
    benchQueries += await webhooksSettled(database, [purchase.orderId]);
  }
  // PostgreSQL publishes a backend's counts when it has been idle a while (at most 10 s later).
  await sleep(11_000);
  const after = await xactCommit(database);
  const scopes = countByScope(readTrace(TRACE_FILE, offset));
  const per = (label: string) => {
    const s = sumOf(scopes, label);
    return {
      roundTrips: round(s.roundTrips / count, 2),
      roundTripsAfterResponse: round(s.roundTripsAfter / count, 2),
      commits: round(s.commits / count, 2),
      requests: round(s.requests / count, 2),
    };
  };
  const untraced = sumOf(scopes, "untraced");
  const pump = sumOf(scopes, "sandbox pump");
  const own = ["app POST /api/payments/toss/confirm", "sandbox confirm", "app POST /api/webhooks/toss", "sandbox lookup"]
    .map((label) => sumOf(scopes, label).commits)
    .reduce((a, b) => a + b, 0);
  const perPurchase = {
    appConfirm: per("app POST /api/payments/toss/confirm"),
    sandboxConfirm: per("sandbox confirm"),
    appWebhook: per("app POST /api/webhooks/toss"),
    sandboxLookup: per("sandbox lookup"),
    untracedCommits: round(untraced.commits / count, 2),
    /** the purchase's own requests: both confirms, the webhook and its re-fetch, after their responses included */
    purchaseCommits: round(own / count, 2),
    /** the sandbox's periodic sweep (due retries, expiries) that API calls trigger at most every 2 s, spread over the purchases */
    pumpCommits: round(pump.commits / count, 2),
    traceCommits: round(scopes.reduce((sum, s) => sum + s.commits, 0) / count, 2),
    // minus the bench's own polling queries and the one stats read counted in `after`; PostgreSQL also
    // counts its own background work here (autovacuum, autoanalyze)
    pgXactCommit: round((after - before - benchQueries - 1) / count, 2),
  };
  const examples = Object.fromEntries(
    ["app POST /api/payments/toss/confirm", "sandbox confirm", "app POST /api/webhooks/toss", "sandbox lookup"].map((label) => [
      label,
      scopes.find((s) => s.label === label)?.sql ?? [],
    ]),
  );
  return { purchases: count, perPurchase, examples };
}

/**
 * The page and start-up figures (issue #20): LCP of /pricing and /checkout for a signed-in buyer's
 * first visit, in Chromium, beside the hello-world's; then cold starts of the app and the hello-world,
 * in turns. Run while the bench's servers are idle.
 */
async function startupFigures(direct: string, bare: string, buyer: ShopClient, directUrl: string) {
  const visits = QUICK ? 3 : 7;
  const browser = await launchBrowser();
  let paint;
  try {
    const cookies = buyer.cookieJar();
    paint = {
      helloWorld: await largestContentfulPaint(browser, { url: `${bare}/`, readyCss: "h1" }, visits),
      pricing: await largestContentfulPaint(browser, { url: `${direct}/pricing`, cookies, readyCss: "h1" }, visits),
      checkout: await largestContentfulPaint(browser, { url: `${direct}/checkout?product=PRO_PACK`, cookies, readyCss: "#agreement input[type=checkbox]" }, visits),
    };
  } finally {
    await browser.close();
  }
  const coldPort = PORT + 9;
  const cold = await coldStarts(
    coldPort,
    {
      app: { path: "/api/health", env: serverEnv(coldPort, directUrl) },
      helloWorld: { path: "/", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, appDir: HELLO },
    },
    QUICK ? 3 : 5,
  );
  const app = cold.app!;
  const helloWorld = cold.helloWorld!;
  return { paint, coldStart: { app, helloWorld, ofHello: round(app.median / helloWorld.median, 2) } };
}

function commitOf(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim();
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return "unknown";
  }
}

const fmt = (r: LoadResult) => `p50 ${r.p50} ms, p99 ${r.p99} ms${r.errors ? ` (${r.errors} errors!)` : ""}`;

async function main() {
  const started = Date.now();
  const load = os.loadavg()[0]!;
  log(`npm run bench${QUICK ? " --quick" : ""}: ${os.cpus().length} cores, load average ${load.toFixed(2)} at start`);

  const { cluster, url: databaseUrl } = await prepareDatabase({ configuredUrl: undefined, embeddedDatabase: DATABASE, fresh: true, log: () => {} });
  if (!cluster) throw new Error("the bench runs on this checkout's embedded PostgreSQL");
  const directUrl = databaseUrl;
  const proxy = await startLatencyProxy({ host: "127.0.0.1", port: cluster.port }, DELAY_MS);
  const proxiedUrl = directUrl.replace(`:${cluster.port}/`, `:${proxy.port}/`);
  const database = new pg.Client({ connectionString: directUrl });
  await database.connect();

  try {
    if (process.argv.includes("--build") || buildIsStale()) {
      log("Building (next build) …");
      execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "inherit"],
        env: serverEnv(PORT, directUrl),
      });
    }
    const pages = { pricing: firstLoadJs("/pricing"), checkout: firstLoadJs("/checkout") };
    log("Building a Next.js hello-world of the same packages (cached) …");
    const hello = helloWorldFirstLoadJs();

    rmSync(TRACE_FILE, { force: true });
    if (STARTUP_ONLY) {
      const [direct, bare] = await Promise.all([
        startServer(PORT, serverEnv(PORT, directUrl), "server-direct.log"),
        startServer(PORT + 3, { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, "server-bare.log", HELLO),
      ]);
      const buyer = (await createBuyers(database, 1, [direct]))[0]![0];
      log("Paint and cold start …");
      printStartup(pages, hello, await startupFigures(direct, bare, buyer!, directUrl));
      return;
    }
    // Latencies are read on servers as deployed; the counts on a third, traced one (lib/db-trace.ts):
    // its line per query costs each request a little, and no production server writes them.
    const [direct, proxied, counted, bare] = await Promise.all([
      startServer(PORT, serverEnv(PORT, directUrl), "server-direct.log"),
      startServer(PORT + 1, serverEnv(PORT + 1, proxiedUrl), "server-proxied.log"),
      startServer(PORT + 2, serverEnv(PORT + 2, proxiedUrl, { DB_TRACE_FILE: TRACE_FILE }), "server-counted.log"),
      startServer(PORT + 3, { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, "server-bare.log", HELLO),
    ]);
    log(`Servers: ${direct} (database direct), ${proxied} (database ${2 * DELAY_MS} ms away), ${counted} (the same, traced)`);
    const [directBuyers, proxiedBuyers, countedBuyers] = await createBuyers(database, CLIENTS, [direct, proxied, counted]);

    log("Latency at one client …");
    const latency = { direct: await latencyAtOneClient(direct, directBuyers!), proxied: await latencyAtOneClient(proxied, proxiedBuyers!) };
    log("Round trips and transactions per purchase …");
    const counts = await countPerPurchase(counted, countedBuyers!, database);
    log("Webhooks that bring news, at one client …");
    latency.direct.webhookSettling = await settlingWebhookAtOneClient(direct, directBuyers!, database, directUrl);
    latency.proxied.webhookSettling = await settlingWebhookAtOneClient(proxied, proxiedBuyers!, database, directUrl);
    log(`Throughput at ${CLIENTS} clients …`);
    const load32 = await throughput(direct, directBuyers!);
    log(`The ceiling: a purchase's requests with no work in them, on a bare Next.js …`);
    const ceiling = await shapeThroughput(bare);
    log("Paint and cold start …");
    const startup = await startupFigures(direct, bare, directBuyers![0]!, directUrl);

    const results = {
      commit: commitOf(),
      at: new Date().toISOString(),
      machine: { cores: os.cpus().length, loadAverageAtStart: round(load, 2), loadAverageAtEnd: round(os.loadavg()[0]!, 2), quick: QUICK },
      latencyOneClient: latency,
      throughput32: load32,
      /** a purchase's HTTP shape with no work, on a bare Next.js of the same packages (./lib/bench/purchase-shape.ts) */
      ceiling32: ceiling,
      roundTrips: counts,
      firstLoadJs: {
        pricing: pages.pricing,
        checkout: pages.checkout,
        helloWorld: hello,
        pricingOfHello: round(pages.pricing.compressedBytes / hello.compressedBytes, 3),
        checkoutOfHello: round(pages.checkout.compressedBytes / hello.compressedBytes, 3),
      },
      ...startup,
    };
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${results.commit}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

    const p = counts.perPurchase;
    log("");
    log(`Latency at one client                                     database direct                database ${2 * DELAY_MS} ms away`);
    const rows = { noop: "noop", credits: "credits", spend: "spend (1 credit)", confirm: "confirm", webhook: "webhook (news already settled)", webhookSettling: "webhook (news: re-fetch, settle)" } as const;
    for (const [key, name] of Object.entries(rows) as [keyof LatencySet, string][]) {
      log(`  ${name.padEnd(33)} ${fmt(latency.direct[key]!).padEnd(44)} ${fmt(latency.proxied[key]!)}`);
    }
    log(`Throughput at ${CLIENTS} clients (database direct)`);
    log(`  noop      ${load32.noop.perSecond} req/s, ${fmt(load32.noop)} (the faster of ${load32.noopRuns.join(" and ")} req/s, before and after)`);
    log(`  confirm   ${load32.confirm.perSecond} req/s = ${load32.confirm.ofNoop}× no-op, ${fmt(load32.confirm)}`);
    log(`  webhook   ${load32.webhook.perSecond} req/s = ${load32.webhook.ofNoop}× no-op, ${fmt(load32.webhook)} (news already settled)`);
    log(`The ceiling at ${CLIENTS} clients: a purchase's requests (confirm → Toss, then the webhook) with no work in them, on a bare Next.js of the same packages`);
    log(`  noop      ${ceiling.noop.perSecond} req/s (the faster of ${ceiling.noopRuns.join(" and ")} req/s, before and after)`);
    log(`  purchase  ${ceiling.purchase.perSecond} req/s = ${ceiling.purchase.ofNoop}× its no-op, ${fmt(ceiling.purchase)}`);
    log(`Per purchase (${counts.purchases} purchases, counted by the driver): sequential round trips / committed transactions`);
    log(`  app confirm        ${p.appConfirm.roundTrips} / ${p.appConfirm.commits}`);
    log(`  sandbox confirm    ${p.sandboxConfirm.roundTrips} / ${p.sandboxConfirm.commits} (webhook bookkeeping after the response: ${p.sandboxConfirm.roundTripsAfterResponse} round trips)`);
    log(`  app webhook        ${p.appWebhook.roundTrips} / ${p.appWebhook.commits}`);
    log(`  sandbox lookup     ${p.sandboxLookup.roundTrips} / ${p.sandboxLookup.commits} (${p.sandboxLookup.requests} per purchase)`);
    log(
      `  committed transactions per purchase: ${p.purchaseCommits} (its requests), ${p.traceCommits} with the sandbox's pump spread over purchases (driver); ${p.pgXactCommit} (pg_stat_database, autovacuum included)`,
    );
    printStartup(pages, hello, startup);
    log(`\nWritten: ${path.relative(ROOT, file)} (${((Date.now() - started) / 1000).toFixed(0)} s; load average now ${os.loadavg()[0]!.toFixed(2)})`);
  } finally {
    for (const child of children) stopTree(child);
    await database.end().catch(() => {});
    await proxy.close();
    await cluster.stop().catch(() => {});
  }
}

function printStartup(pages: { pricing: FirstLoad; checkout: FirstLoad }, hello: FirstLoad, startup: Awaited<ReturnType<typeof startupFigures>>) {
  const { paint, coldStart } = startup;
  const of = (bytes: number) => round(bytes / hello.compressedBytes, 3);
  log(`First-load JS (compressed): /pricing ${kb(pages.pricing.compressedBytes)} = ${of(pages.pricing.compressedBytes)}× hello-world (${kb(hello.compressedBytes)}), /checkout ${kb(pages.checkout.compressedBytes)} = ${of(pages.checkout.compressedBytes)}×`);
  const lcp = (name: string, r: PaintRuns, ready: string) =>
    log(`  ${name.padEnd(28)} median ${r.median} ms (${r.runs.join(", ")}), element ${r.element}; ${ready} at ${r.readyMedian} ms`);
  log(`Largest Contentful Paint, a signed-in buyer's first visit (Chromium, 390×844, no throttling)`);
  lcp("/pricing", paint.pricing, "heading");
  lcp("/checkout?product=PRO_PACK", paint.checkout, "the widget drawn (its agreement box)");
  lcp("hello-world /", paint.helloWorld, "heading");
  log(`Cold start, next start until the first answer: app (GET /api/health) median ${coldStart.app.median} ms (${coldStart.app.runs.join(", ")}) = ${coldStart.ofHello}× hello-world (GET /, median ${coldStart.helloWorld.median} ms: ${coldStart.helloWorld.runs.join(", ")})`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

main().catch((error) => {
  for (const child of children) stopTree(child);
  console.error(error);
  process.exit(1);
});
