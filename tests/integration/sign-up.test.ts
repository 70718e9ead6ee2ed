// Sign-up and the Credentials check against the real database: the unique index on User.email, not
// application code, decides who gets an email.
import type { Adapter } from "next-auth/adapters";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { signUpAction, type SignUpState } from "@/actions/sign-up";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { PRIVACY_REQUIRED_MESSAGE, TERMS_REQUIRED_MESSAGE } from "@/lib/auth/schemas";
import { EMAIL_TAKEN_MESSAGE, signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CURRENT_PRIVACY, CURRENT_TERMS } from "@/lib/legal/documents";
import { createUser, uniqueEmail } from "../helpers/factories";

const PASSWORD = "s3cret-비밀번호";

// signUpAction reads the client address from Next's request scope (for its rate limit), which only a
// running Next server has: each call here gets headers of a client of its own.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": `2001:db8:${randomUUID().slice(0, 4)}::1` }) }));

async function usersWith(email: string) {
  return db.user.count({ where: { email } });
}

/** Both required agreements, as the sign-up form's checked boxes give them. */
const AGREED = { agreeTerms: true, agreePrivacy: true } as const;

/** The sign-up form's fields, with both agreement boxes checked unless `fields` says otherwise. */
function formData(fields: Record<string, string>, { agreed = true } = {}) {
  const data = new FormData();
  if (agreed) for (const box of ["agreeTerms", "agreePrivacy"]) data.set(box, "on");
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("signUp", () => {
  it("creates a user with a scrypt hash and a Toss customerKey, the email trimmed and lowercased", async () => {
    const email = uniqueEmail("signup");
    const user = await signUp({ ...AGREED, email: `  ${email.toUpperCase()} `, password: PASSWORD, name: " 김토스 " });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email);
    expect(row.name).toBe("김토스");
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row.passwordHash!)).toBe(true);
    expect(row.customerKey).toMatch(/^[A-Za-z0-9\-_=.@]{2,50}$/);
    expect(row.customerKey).not.toContain(email);
    expect(user).toEqual({ id: row.id, email, name: "김토스" });
  });

  it("answers EMAIL_TAKEN for an email already registered, whatever its case", async () => {
    const email = uniqueEmail("dup");
    await signUp({ ...AGREED, email, password: PASSWORD });

    const second = signUp({ ...AGREED, email: email.toUpperCase(), password: "another-password" });
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ code: "EMAIL_TAKEN", status: 409, userMessage: EMAIL_TAKEN_MESSAGE });
    expect(await usersWith(email)).toBe(1);
  });

  it("lets exactly one of 5 simultaneous sign-ups with one email through", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => signUp({ ...AGREED, email, password: PASSWORD })));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(4);
    for (const r of rejected) expect(r.reason).toMatchObject({ code: "EMAIL_TAKEN", status: 409 });
    expect(await usersWith(email)).toBe(1);
  });

  it.each([
    [{ email: "not-an-email", password: PASSWORD }, { email: ["올바른 이메일 주소를 입력해 주세요."] }],
    [{ email: "", password: PASSWORD }, { email: ["이메일을 입력해 주세요."] }],
    [{ email: "@valid.example", password: "short" }, { email: ["올바른 이메일 주소를 입력해 주세요."], password: ["비밀번호는 8자 이상이어야 해요."] }],
    [{ email: "ok@valid.example", password: "x".repeat(73) }, { password: ["비밀번호는 72자 이하여야 해요."] }],
    [{ email: "ok@valid.example", password: "" }, { password: ["비밀번호를 입력해 주세요."] }],
  ])("refuses %j with field errors and creates nothing", async (input, fieldErrors) => {
    const attempt = signUp({ ...AGREED, ...input });
    await expect(attempt).rejects.toMatchObject({ code: "VALIDATION_FAILED", status: 400, fieldErrors });
    expect(await usersWith(input.email.trim().toLowerCase())).toBe(0);
  });
});

describe("the agreements at sign-up", () => {
  it("stores the versions agreed to with the account, and the agreement itself", async () => {
    const email = uniqueEmail("consent");
    const before = new Date();
    const { id } = await signUp({ ...AGREED, email, password: PASSWORD });
    const row = await db.user.findUniqueOrThrow({ where: { id }, include: { consents: true } });
    expect(row).toMatchObject({ termsVersion: CURRENT_TERMS.version, privacyVersion: CURRENT_PRIVACY.version });
    expect(row.consentedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(row.consents).toEqual([
      expect.objectContaining({ termsVersion: CURRENT_TERMS.version, privacyVersion: CURRENT_PRIVACY.version, source: "SIGN_UP" }),
    ]);
  });

  it.each([
    ["the terms", { agreePrivacy: true }, { agreeTerms: [TERMS_REQUIRED_MESSAGE] }],
    ["the privacy policy", { agreeTerms: true }, { agreePrivacy: [PRIVACY_REQUIRED_MESSAGE] }],
    ["either", {}, { agreeTerms: [TERMS_REQUIRED_MESSAGE], agreePrivacy: [PRIVACY_REQUIRED_MESSAGE] }],
  ])("refuses an account without agreeing to %s, and creates nothing", async (_, agreements, fieldErrors) => {
    const email = uniqueEmail("no-consent");
    await expect(signUp({ ...agreements, email, password: PASSWORD })).rejects.toMatchObject({ code: "VALIDATION_FAILED", status: 400, fieldErrors });
    const form = formData({ email, password: PASSWORD }, { agreed: false });
    for (const [box, value] of Object.entries(agreements)) if (value) form.set(box, "on");
    expect(await signUpAction({ status: "idle" }, form)).toMatchObject({ status: "error", fieldErrors });
    expect(await usersWith(email)).toBe(0);
  });

  it("takes only a checked box (\"on\") as agreement", async () => {
    const email = uniqueEmail("forged-consent");
    const form = formData({ email, password: PASSWORD, agreeTerms: "true", agreePrivacy: "yes" }, { agreed: false });
    expect(await signUpAction({ status: "idle" }, form)).toMatchObject({ status: "error", fieldErrors: { agreeTerms: [TERMS_REQUIRED_MESSAGE] } });
    expect(await usersWith(email)).toBe(0);
  });
});

describe("signUpAction", () => {
  const idle: SignUpState = { status: "idle" };

  it("creates the account and answers success", async () => {
    const email = uniqueEmail("action");
    expect(await signUpAction(idle, formData({ email, password: PASSWORD }))).toEqual({ status: "success", email });
    expect(await usersWith(email)).toBe(1);
  });

  it("maps bad input to field errors and a taken email to the Korean message", async () => {
    const invalid = await signUpAction(idle, formData({ email: "nope", password: "1" }));
    expect(invalid).toMatchObject({
      status: "error",
      fieldErrors: { email: ["올바른 이메일 주소를 입력해 주세요."], password: ["비밀번호는 8자 이상이어야 해요."] },
    });

    const missing = await signUpAction(idle, new FormData());
    expect(missing).toMatchObject({
      status: "error",
      fieldErrors: { email: ["이메일을 입력해 주세요."], password: ["비밀번호를 입력해 주세요."] },
    });

    const email = uniqueEmail("action-dup");
    await signUp({ ...AGREED, email, password: PASSWORD });
    const taken = await signUpAction(idle, formData({ email, password: PASSWORD }));
    expect(taken).toEqual({ status: "error", message: EMAIL_TAKEN_MESSAGE, fieldErrors: { email: [EMAIL_TAKEN_MESSAGE] } });
  });
});

describe("Credentials authorize", () => {
  const credentialsProvider = () => {
    const provider = authOptions.providers.find((p) => p.id === "credentials") as CredentialsConfig | undefined;
    // next-auth keeps the function we wrote under `options`; `authorize` itself is a placeholder.
    return (provider as unknown as { options: Pick<CredentialsConfig, "authorize"> }).options.authorize;
  };

  it("returns the user for the right password, the email in any case", async () => {
    const email = uniqueEmail("login");
    const { id } = await signUp({ ...AGREED, email, password: PASSWORD });
    expect(await authorizeCredentials({ email, password: PASSWORD })).toEqual({ id, email, name: null });
    expect(await authorizeCredentials({ email: ` ${email.toUpperCase()}`, password: PASSWORD })).toMatchObject({ id });
  });

  it("returns null for a wrong password, an unknown email and an account without a password", async () => {
    const email = uniqueEmail("login-wrong");
    await signUp({ ...AGREED, email, password: PASSWORD });
    const oauthOnly = await createUser(uniqueEmail("oauth-only"));

    expect(await authorizeCredentials({ email, password: `${PASSWORD}x` })).toBeNull();
    expect(await authorizeCredentials({ email: uniqueEmail("nobody"), password: PASSWORD })).toBeNull();
    expect(await authorizeCredentials({ email: oauthOnly.email, password: PASSWORD })).toBeNull();
  });

  it.each([undefined, null, {}, { email: uniqueEmail("malformed") }, { email: 5, password: [] }, { email: "a", password: "b" }, "text"])(
    "returns null, not an error, for malformed input %j",
    async (input) => {
      expect(await authorizeCredentials(input)).toBeNull();
    },
  );

  it("is what the next-auth Credentials provider runs", async () => {
    const email = uniqueEmail("provider");
    const { id } = await signUp({ ...AGREED, email, password: PASSWORD });
    const authorize = credentialsProvider();
    const request = { body: {}, query: {}, headers: {}, method: "POST" };
    expect(await authorize({ email, password: PASSWORD }, request)).toMatchObject({ id, email });
    expect(await authorize({ email, password: "wrong-password" }, request)).toBeNull();
    expect(await authorize(undefined, request)).toBeNull();
  });
});

describe("OAuth sign-up through the adapter", () => {
  it("gives the new user a customerKey and a lowercased email, and finds it again in any case", async () => {
    const adapter = authOptions.adapter as Required<Adapter>;
    const email = uniqueEmail("kakao");
    const user = await adapter.createUser({ email: email.toUpperCase(), emailVerified: null, name: "카카오 사용자" });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email);
    expect(row.passwordHash).toBeNull();
    expect(row.customerKey).toMatch(/^[A-Za-z0-9\-_=.@]{2,50}$/);
    expect(await adapter.getUserByEmail(email.toUpperCase())).toMatchObject({ id: user.id });
  });
});
