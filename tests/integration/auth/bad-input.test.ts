// next-auth's POST endpoints under malformed input: a 4xx `{code, message}` in Korean, never a 5xx
// (next-auth alone answers 500 to a JSON content type with a body that is not JSON). GETs and valid
// posts, form or JSON, work as before.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { newCustomerKey } from "@/lib/ids";
import { Client } from "../../helpers/http";
import { uniqueEmail } from "../../helpers/factories";

// Not 127.0.0.1's bucket: the valid sign-ins below must not depend on other tests' attempts.
const address = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::2`;

function post(path: string, body: BodyInit, contentType?: string) {
  return new Client().fetch(path, {
    method: "POST",
    headers: { "x-forwarded-for": address(), ...(contentType ? { "content-type": contentType } : {}) },
    body,
  });
}

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { code: string; message: string };
  expect(body.code).toBe(code);
  expect(body.message).toMatch(/[가-힣]/);
}

const huge = "x".repeat(200_000);

describe("POST /api/auth/* with malformed bodies", () => {
  it.each([
    ["a NUL character as JSON", "\u0000", "application/json", 400, "INVALID_JSON"],
    ["a path as JSON", "../../etc/passwd", "application/json", 400, "INVALID_JSON"],
    ["truncated JSON", '{"email":', "application/json; charset=utf-8", 400, "INVALID_JSON"],
    ["an empty JSON body", "", "application/json", 400, "INVALID_JSON"],
    ["a JSON array", "[1,2]", "application/json", 400, "VALIDATION_FAILED"],
    ["JSON null", "null", "application/json", 400, "VALIDATION_FAILED"],
    ["a JSON string", '"hello"', "application/json", 400, "VALIDATION_FAILED"],
    ["a number where a string belongs", '{"email":"a@example.com","password":5}', "application/json", 400, "VALIDATION_FAILED"],
    ["an object as callbackUrl", '{"callbackUrl":{"x":1}}', "application/json", 400, "VALIDATION_FAILED"],
    ["oversized JSON", JSON.stringify({ email: "a@example.com", password: huge }), "application/json", 413, "BODY_TOO_LARGE"],
    ["an oversized form", `email=a%40example.com&password=${huge}`, "application/x-www-form-urlencoded", 413, "BODY_TOO_LARGE"],
    // proxy.ts refuses a multipart body that does not parse before any route sees it.
    ["multipart that is not multipart", "../../etc/passwd", "multipart/form-data; boundary=x", 400, "INVALID_FORM_DATA"],
    ["plain text", "email=a@example.com", "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["no content type", "\u0000", undefined, 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["a content type that names both", "email=a%40example.com", "application/x-www-form-urlencoded, application/json", 415, "UNSUPPORTED_MEDIA_TYPE"],
  ])("credentials callback: %s → %i", async (_, body, contentType, status, code) => {
    await expectRefused(await post("/api/auth/callback/credentials", body, contentType), status, code);
  });

  it.each(["/api/auth/signout", "/api/auth/_log", "/api/auth/signin/credentials", "/api/auth/callback/kakao", "/api/auth/nonsense"])(
    "%s: a body that is not JSON under a JSON content type → 400",
    async (path) => {
      await expectRefused(await post(path, "\u0000", "application/json"), 400, "INVALID_JSON");
    },
  );
});

describe("next-auth's query, cookies and callback URL under malformed input", () => {
  const get = (path: string, cookie?: string) => new Client().fetch(path, { headers: cookie ? { cookie } : {} });

  it.each([
    ["a GET on the credentials callback (POST only)", "/api/auth/callback/credentials", undefined, 405, "METHOD_NOT_ALLOWED"],
    ["a header break in the error code", "/api/auth/error?error=%0d%0aSet-Cookie:x=1", undefined, 400, "INVALID_REQUEST"],
    ["a NUL in the error code", "/api/auth/error?error=%00", undefined, 400, "INVALID_REQUEST"],
    ["a non-ASCII error code", "/api/auth/error?error=%ED%95%9C", undefined, 400, "INVALID_REQUEST"],
    // next-auth copied the segment into a Location header: a 500 the fuzzer found (FUZZ_SEED=1215942832).
    ["a non-ASCII route segment", "/api/auth/error/%ED%95%9C%EA%B8%80", undefined, 404, "NOT_FOUND"],
    ["a route of three segments", "/api/auth/signin/kakao/x", undefined, 404, "NOT_FOUND"],
    ["a callbackUrl that is not a URL", "/api/auth/csrf?callbackUrl=%00", undefined, 400, "INVALID_CALLBACK_URL"],
    ["an ftp callbackUrl", "/api/auth/session?callbackUrl=ftp%3A%2F%2Fexample.com", undefined, 400, "INVALID_CALLBACK_URL"],
  ])("%s → %i", async (_, path, cookie, status, code) => {
    await expectRefused(await get(path, cookie), status, code);
  });

  // proxy.ts drops such a cookie before next-auth reads it (which would answer every session read 500),
  // on API routes and pages alike, and tells the browser to forget it.
  it.each([
    ["not a URL", "/api/auth/session", "next-auth.callback-url=%00"],
    ["that does not parse", "/api/auth/providers", "next-auth.callback-url=http%3A%2F%2F%5B"],
    ["on a page", "/login", "next-auth.callback-url=%00"],
    ["javascript:", "/pricing", "next-auth.callback-url=javascript%3Aalert(1)"],
  ])("a callback-URL cookie %s is dropped: %s answers, and the cookie is cleared", async (_, path, cookie) => {
    const response = await get(path, cookie);
    expect(response.status).toBeLessThan(400);
    expect(response.headers.getSetCookie().join("\n")).toMatch(/next-auth\.callback-url=;[^\n]*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
  });

  it.each([
    ["not a URL", "http://["],
    ["a NUL in a path", "/\u0000"],
    ["raw Korean (a browser sends it encoded)", "/주문"],
    ["javascript:", "javascript:alert(1)"],
  ])("POST with a callbackUrl that is %s → 400", async (_, callbackUrl) => {
    const body = new URLSearchParams({ callbackUrl, json: "true" }).toString();
    await expectRefused(await post("/api/auth/signout", body, "application/x-www-form-urlencoded"), 400, "INVALID_CALLBACK_URL");
  });
});

describe("next-auth as before", () => {
  it.each([
    ["/api/auth/signin?callbackUrl=%2Fpricing", /\/login\?callbackUrl=/],
    ["/api/auth/error?error=CredentialsSignin", /\/api\/auth\/signin\?error=CredentialsSignin/],
    ["/api/auth/error?error=AccessDenied", /\/login\?error=AccessDenied/],
  ])("GET %s redirects as next-auth does", async (path, location) => {
    const response = await new Client().fetch(path);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(location);
  });

  it.each(["/api/auth/csrf", "/api/auth/providers", "/api/auth/session"])("GET %s answers 200", async (path) => {
    expect((await new Client().fetch(path)).status).toBe(200);
  });

  async function account() {
    const email = uniqueEmail("as-before");
    const password = "correct horse battery";
    await db.user.create({ data: { email, passwordHash: await hashPassword(password), customerKey: newCustomerKey() } });
    const client = new Client();
    const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    return { client, email, password, csrfToken };
  }

  it("signs in with a JSON body, as next-auth accepts one", async () => {
    const { client, email, password, csrfToken } = await account();
    const response = await client.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address() },
      body: JSON.stringify({ email, password, csrfToken, json: "true" }),
    });
    expect(response.status).toBe(200);
    expect(client.cookieHeader()).toContain("session-token");
  });

  it("signs in with a form body and answers a wrong password 401 with next-auth's error code", async () => {
    const { client, email, password, csrfToken } = await account();
    const form = (pw: string) => ({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", "x-forwarded-for": address() },
      body: new URLSearchParams({ email, password: pw, csrfToken, json: "true" }),
    });
    const wrong = await client.fetch("/api/auth/callback/credentials", form("wrong-password"));
    expect(wrong.status).toBe(401);
    expect(new URL(((await wrong.json()) as { url: string }).url).searchParams.get("error")).toBe("CredentialsSignin");

    const right = await client.fetch("/api/auth/callback/credentials", form(password));
    expect(right.status).toBe(200);
    expect(client.cookieHeader()).toContain("session-token");
  });

  it("signs out with next-auth's own form post", async () => {
    const { client, csrfToken } = await account();
    const response = await client.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(response.status).toBe(200);
  });
});
