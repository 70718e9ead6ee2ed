// Real HTTP against the app server `npm test` runs (TEST_APP_URL), signed in through next-auth's own
// endpoints (csrf + credentials callback), exactly as a browser does.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { newCustomerKey } from "@/lib/ids";
import { agreedToCurrentTerms, uniqueEmail } from "./factories";

export const APP_URL = process.env.TEST_APP_URL ?? "http://127.0.0.1:3100";

/**
 * Whether the test server answers. Its home page may be its first page request: `next start` loads a
 * route on first use (preloadEntriesOnStart: false), which took over 2 s on a 2-core machine busy with
 * the browser tests (a CI run failed round-trips.test.ts on it), so the wait is generous.
 */
export async function appIsUp(): Promise<boolean> {
  try {
    return (await fetch(`${APP_URL}/`, { signal: AbortSignal.timeout(20_000) })).status < 500;
  } catch {
    return false;
  }
}

/** Cookie jar of one client: keeps the cookies Set-Cookie gives it. */
export class Client {
  private cookies = new Map<string, string>();

  /** `baseUrl`: another server of the same build (a second instance), else the test server. */
  constructor(readonly baseUrl: string = APP_URL) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }
}

export interface SignedInBuyer {
  client: Client;
  userId: string;
  email: string;
}

/** A fresh user with a password (or the one with `email`, made if missing), signed in over HTTP. */
const password = "correct horse battery";
/** One hash per test process: the server still verifies each sign-in, the test need not hash each buyer anew. */
let sharedHash: Promise<string> | undefined;

export async function signedInBuyer(email = uniqueEmail()): Promise<SignedInBuyer> {
  const passwordHash = await (sharedHash ??= hashPassword(password));
  const user = await db.user.upsert({
    where: { email },
    create: { email, passwordHash, customerKey: newCustomerKey(), ...agreedToCurrentTerms() },
    update: { passwordHash },
  });
  const client = new Client();
  const csrf = await client.fetch("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    // A client address of its own (as Vercel passes it): other tests' failed sign-ins from 127.0.0.1
    // (rate-limited per address) never stand in this buyer's way.
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1` },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: APP_URL, json: "true" }),
  });
  if (res.status >= 400 || !client.cookieHeader().includes("session-token")) {
    throw new Error(`sign-in over HTTP failed: ${res.status}`);
  }
  return { client, userId: user.id, email };
}
