// The sign-up action counts sign-ups per client address: past the limit, a Korean message and no account.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signUpAction, type SignUpState } from "@/actions/sign-up";
import { db } from "@/lib/db";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { uniqueEmail } from "../../helpers/factories";

// A server action reads the request's headers from Next's request scope, which only a running Next
// server has: here the scope is stood in for by headers with this test's client address.
const request = vi.hoisted(() => ({ forwardedFor: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.forwardedFor }) }));

/** An IPv6 /64 of its own per test (the limiter counts IPv6 per /64). */
const freshNetwork = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`;

const idle: SignUpState = { status: "idle" };
const PASSWORD = "s3cret-비밀번호";

/** The sign-up form as sent, both required agreements checked. */
function form(email: string, password = PASSWORD) {
  const data = new FormData();
  data.set("email", email);
  data.set("password", password);
  data.set("agreeTerms", "on");
  data.set("agreePrivacy", "on");
  return data;
}

beforeEach(() => {
  request.forwardedFor = freshNetwork();
});

describe("signUpAction's limit per client address", () => {
  const { limit } = RATE_LIMITS.signUpPerIp;

  it(`creates ${limit} accounts from one address, then refuses with a Korean message and creates nothing`, async () => {
    for (let i = 0; i < limit; i++) {
      const email = uniqueEmail("burst");
      expect(await signUpAction(idle, form(email))).toEqual({ status: "success", email });
    }
    const refusedEmail = uniqueEmail("refused");
    const refused = await signUpAction(idle, form(refusedEmail));
    expect(refused).toMatchObject({ status: "error" });
    expect(refused.status === "error" && refused.message).toMatch(/^가입 시도가 너무 많아요\. \d+(초|분) 후에 다시 시도해 주세요\.$/);
    expect(await db.user.count({ where: { email: refusedEmail } })).toBe(0);

    // Another client is not affected.
    request.forwardedFor = freshNetwork();
    const other = uniqueEmail("other");
    expect(await signUpAction(idle, form(other))).toEqual({ status: "success", email: other });
  });

  it("does not count input the form refuses, but counts an e-mail that is already registered", async () => {
    for (let i = 0; i < limit + 2; i++) {
      expect(await signUpAction(idle, form("not-an-email"))).toMatchObject({ status: "error", fieldErrors: { email: expect.any(Array) } });
    }
    const taken = uniqueEmail("taken");
    expect(await signUpAction(idle, form(taken))).toMatchObject({ status: "success" });
    for (let i = 1; i < limit; i++) expect(await signUpAction(idle, form(taken))).toMatchObject({ status: "error", fieldErrors: { email: expect.any(Array) } });
    const refused = await signUpAction(idle, form(taken));
    expect(refused).toMatchObject({ status: "error" });
    expect(refused.status === "error" && refused.message).toMatch(/^가입 시도가 너무 많아요/);
  });
});
