// lib/auth/session.ts reads the session cookie itself (next-auth's decode), not through next-auth's whole
// session endpoint. Over real HTTP against the app: it names the same user as next-auth's own
// /api/auth/session, and refuses what next-auth refuses — a tampered or expired token, a token under the
// other cookie name, a token offered as a bearer header instead of a cookie.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { Client, signedInBuyer } from "../../helpers/http";

const SECRET = process.env.NEXTAUTH_SECRET!;
// The test server's URL is http: next-auth names its cookie without the __Secure- prefix there.
const COOKIE = "next-auth.session-token";

async function creditsWith(headers: Record<string, string>) {
  const response = await new Client().fetch("/api/credits", { headers });
  return response.status;
}

async function sessionUserWith(cookie: string): Promise<string | undefined> {
  const response = await new Client().fetch("/api/auth/session", { headers: { cookie } });
  const body = (await response.json()) as { user?: { id?: string } };
  return body.user?.id;
}

describe("the session cookie, read without next-auth's session endpoint", () => {
  it("names the user next-auth's own /api/auth/session names", async () => {
    const buyer = await signedInBuyer();
    const cookie = buyer.client.cookieHeader();
    expect(await sessionUserWith(cookie)).toBe(buyer.userId);
    const response = await buyer.client.fetch("/api/credits");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ balance: 0 });
  });

  it("takes a token next-auth would take: the id claim, or the subject alone", async () => {
    const buyer = await signedInBuyer();
    for (const token of [{ id: buyer.userId }, { sub: buyer.userId }]) {
      const value = await encode({ token, secret: SECRET });
      expect(await sessionUserWith(`${COOKIE}=${value}`)).toBe(buyer.userId);
      expect(await creditsWith({ cookie: `${COOKIE}=${value}` })).toBe(200);
    }
  });

  it("refuses a tampered, expired or foreign-secret token, as next-auth does", async () => {
    const buyer = await signedInBuyer();
    const good = await encode({ token: { id: buyer.userId }, secret: SECRET });
    const tampered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    const expired = await encode({ token: { id: buyer.userId }, secret: SECRET, maxAge: -60 });
    const foreign = await encode({ token: { id: buyer.userId }, secret: "another-deployment-secret-0123456789" });
    for (const value of [tampered, expired, foreign, "", "not-a-jwt"]) {
      expect(await sessionUserWith(`${COOKIE}=${value}`)).toBeUndefined();
      expect(await creditsWith({ cookie: `${COOKIE}=${value}` })).toBe(401);
    }
  });

  it("does not take the token under the __Secure- name on http, nor as a bearer header", async () => {
    const buyer = await signedInBuyer();
    const value = await encode({ token: { id: buyer.userId }, secret: SECRET });
    expect(await sessionUserWith(`__Secure-${COOKIE}=${value}`)).toBeUndefined();
    expect(await creditsWith({ cookie: `__Secure-${COOKIE}=${value}` })).toBe(401);
    expect(await creditsWith({ authorization: `Bearer ${value}` })).toBe(401);
  });

  it("answers 401 for a token naming a user who no longer exists", async () => {
    const value = await encode({ token: { id: "user_that_never_existed" }, secret: SECRET });
    expect(await creditsWith({ cookie: `${COOKIE}=${value}` })).toBe(401);
  });
});
