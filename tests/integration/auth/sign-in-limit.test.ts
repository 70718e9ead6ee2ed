// The sign-in limit over real HTTP, against the production build: repeated wrong passwords get 429 with
// Retry-After and the Korean message, the right password too while the limit holds, and sign-in works
// again once the window has ended. Counted in PostgreSQL, so two server processes of the same build
// (two serverless instances) share one count. The test server's windows last 15 s (RATE_LIMIT_WINDOW_SECONDS).
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { newCustomerKey } from "@/lib/ids";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { spawnBin, stopTree } from "../../../scripts/lib/processes";
import { ROOT } from "../../../scripts/lib/schema-engine";
import { TEST_PORT } from "../../../scripts/lib/test-env";
import { APP_URL, Client } from "../../helpers/http";
import { uniqueEmail } from "../../helpers/factories";

const PASSWORD = "correct horse battery";
const LIMIT = RATE_LIMITS.signInPerEmail.limit;
const KOREAN_LIMIT_MESSAGE = /^로그인 시도가 너무 많아요\. \d+(초|분) 후에 다시 시도해 주세요\.$/;

// ---- a second `next start` of the same build, same environment, another port --------------------
const SECOND_URL = `http://127.0.0.1:${TEST_PORT + 1}`;
let second: ChildProcess | undefined;

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the second server exited (${child.exitCode}): see test-logs/app-server-2.log`);
    try {
      if ((await fetch(`${url}/api/auth/csrf`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the second server did not answer at ${url}`);
}

beforeAll(async () => {
  mkdirSync(path.join(ROOT, "test-logs"), { recursive: true });
  const log = openSync(path.join(ROOT, "test-logs", "app-server-2.log"), "w");
  second = spawnBin("next", ["start", "-p", String(TEST_PORT + 1), "-H", "127.0.0.1"], {
    stdio: ["ignore", log, log],
    env: { ...process.env, NODE_ENV: "production" },
    group: true,
  });
  await waitUntilUp(SECOND_URL, second);
}, 90_000);

afterAll(() => {
  if (second) stopTree(second);
});

// ---- signing in as next-auth's client does (signIn("credentials", { redirect: false })) --------------

/** A client address of its own (an IPv6 /64, as the limiter counts them): no other test shares its bucket. */
const freshAddress = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`;

/** One hash for every account of this file: the server verifies each sign-in all the same. */
let passwordHash: Promise<string> | undefined;

async function registered(email = uniqueEmail("limited")) {
  await db.user.create({ data: { email, passwordHash: await (passwordHash ??= hashPassword(PASSWORD)), customerKey: newCustomerKey() } });
  return email;
}

interface Attempt {
  status: number;
  retryAfter: string | null;
  body: { url?: string; code?: string; message?: string };
  signedIn: boolean;
}

async function signIn(baseUrl: string, email: string, password: string, address: string, json = true): Promise<Attempt & { text?: string }> {
  const client = new Client(baseUrl);
  const headers = { "x-forwarded-for": address };
  const { csrfToken } = (await (await client.fetch("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const response = await client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/pricing`, ...(json ? { json: "true" } : {}) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as Attempt["body"]) : {},
    signedIn: client.cookieHeader().includes("session-token"),
    text,
  };
}

const errorOf = (attempt: Attempt) => (attempt.body.url ? new URL(attempt.body.url).searchParams.get("error") : null);

function expectLimited(attempt: Attempt) {
  expect(attempt.status).toBe(429);
  expect(attempt.signedIn).toBe(false);
  const seconds = Number(attempt.retryAfter);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= RATE_LIMITS.signInPerEmail.windowSeconds).toBe(true);
  expect(attempt.body.code).toBe("TOO_MANY_SIGN_IN_ATTEMPTS");
  expect(attempt.body.message).toMatch(KOREAN_LIMIT_MESSAGE);
  // The login form reads the error code from `url` and words it the same way.
  expect(errorOf(attempt)).toBe(`TooManySignInAttempts:${seconds}`);
  return seconds;
}

describe("POST /api/auth/callback/credentials, rate-limited", () => {
  it(
    `refuses after ${LIMIT} wrong passwords, on both servers, the right password too, until the window ends`,
    async () => {
      const email = await registered();
      const address = freshAddress();
      const servers = [APP_URL, SECOND_URL];

      // Wrong passwords alternate between the two processes: the count is one.
      for (let i = 0; i < LIMIT; i++) {
        const attempt = await signIn(servers[i % 2]!, email, "wrong-password", address);
        expect(attempt.status, `attempt ${i + 1}`).toBe(401);
        expect(errorOf(attempt)).toBe("CredentialsSignin");
      }
      expectLimited(await signIn(servers[LIMIT % 2]!, email, "wrong-password", address));
      // The right password is refused as well, on either server, and from another address too (the
      // account's limit), while the window lasts.
      expectLimited(await signIn(APP_URL, email, PASSWORD, address));
      const wait = expectLimited(await signIn(SECOND_URL, email, PASSWORD, freshAddress()));

      // Retry-After says when the window ends; after that the right password signs in.
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      const after = await signIn(SECOND_URL, email, PASSWORD, address);
      expect(after.status).toBe(200);
      expect(after.signedIn).toBe(true);
    },
    RATE_LIMITS.signInPerEmail.windowSeconds * 1000 + 60_000,
  );

  it("answers an unknown e-mail exactly as a registered one", async () => {
    const outcomes = async (email: string) => {
      const address = freshAddress();
      const seen = [];
      for (let i = 0; i <= LIMIT; i++) {
        const attempt = await signIn(APP_URL, email, "wrong-password", address);
        seen.push({ status: attempt.status, error: errorOf(attempt)?.replace(/:\d+$/, ""), code: attempt.body.code, message: attempt.body.message?.replace(/\d+(초|분)/, "N") });
      }
      return seen;
    };
    const [known, unknown] = await Promise.all([outcomes(await registered()), outcomes(uniqueEmail("nobody"))]);
    expect(unknown).toEqual(known);
    expect(known.map((o) => o.status)).toEqual([...Array(LIMIT).fill(401), 429]);
  });

  it("counts failures only: sign-ins that succeed do not use up the address", async () => {
    const address = freshAddress();
    const emails = await Promise.all(Array.from({ length: RATE_LIMITS.signInPerIp.limit + 2 }, () => registered()));
    // One after the other: an attempt counts while it is checked, and a success gives it back after.
    for (const email of emails) expect((await signIn(APP_URL, email, PASSWORD, address)).status).toBe(200);
  }, 90_000);

  // The failures go out together: all within one 15-second window however busy the machine (one after
  // the other on a loaded machine, the window ended halfway and the count started again).
  it(`refuses an address after ${RATE_LIMITS.signInPerIp.limit} failures across e-mails`, async () => {
    const address = freshAddress();
    const email = await registered();
    const attempts = await Promise.all(
      Array.from({ length: RATE_LIMITS.signInPerIp.limit }, () => signIn(APP_URL, uniqueEmail("spray"), "wrong-password", address)),
    );
    expect(attempts.map((a) => a.status)).toEqual(attempts.map(() => 401));
    expectLimited(await signIn(SECOND_URL, email, PASSWORD, address));
  });

  it("gives a plain form post (no JavaScript) a 429 Korean page that leads back to the login page", async () => {
    const email = uniqueEmail("nojs");
    const address = freshAddress();
    for (let i = 0; i < LIMIT; i++) expect((await signIn(APP_URL, email, "wrong-password", address, false)).status).toBe(302);
    const refused = await signIn(APP_URL, email, "wrong-password", address, false);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.text).toMatch(/로그인 시도가 너무 많아요\. \d+(초|분) 후에 다시 시도해 주세요\./);
    expect(refused.text).toMatch(/href="\/login\?error=TooManySignInAttempts%3A\d+&amp;callbackUrl=/);
  });
});
