// Operators (ADMIN_EMAILS) and sandbox testers (SANDBOX_TESTER_EMAILS) are trusted by e-mail, and sign-up
// does not verify e-mail addresses: so whoever signs up first with a listed address must not get its
// rights. The public sign-up refuses those addresses; `npm run user:create` (run by whoever holds the
// database) makes such accounts, and they sign in like any other.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/actions/sign-up";
import { verifyPassword } from "@/lib/auth/password";
import { authOptions } from "@/lib/auth/options";
import { OAUTH_EMAIL_RESERVED, signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { EMAIL_RESERVED_MESSAGE, signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { TEST_OPERATOR, TEST_SANDBOX_TESTER } from "../../../scripts/lib/test-env";
import { uniqueEmail } from "../../helpers/factories";
import { Client } from "../../helpers/http";
import { REPO_ROOT } from "../../helpers/checkout-copy";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": `2001:db8:${randomUUID().slice(0, 4)}::7` }) }));

/** Both required agreements, as the sign-up form's checked boxes give them. */
const AGREED = { agreeTerms: true, agreePrivacy: true } as const;

/** The sign-up form's fields, with both agreement boxes checked unless `fields` says otherwise. */
function formData(fields: Record<string, string>, { agreed = true } = {}) {
  const data = new FormData();
  if (agreed) for (const box of ["agreeTerms", "agreePrivacy"]) data.set(box, "on");
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** `npm run user:create -- …` as a person runs it, against the test database. */
function userCreate(args: string[], password?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(REPO_ROOT, "scripts/user.ts"), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEW_USER_PASSWORD: password ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Signs in over HTTP as the browser does; true when a session cookie came back. */
async function signsIn(email: string, password: string): Promise<boolean> {
  const client = new Client();
  const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `2001:db8:${randomUUID().slice(0, 4)}::8` },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  return client.cookieHeader().includes("session-token");
}

describe("the public sign-up", () => {
  it.each([
    ["an operator's address", TEST_OPERATOR],
    ["an operator's address, in capitals with spaces", `  ${TEST_OPERATOR.toUpperCase()} `],
    ["a sandbox tester's address", TEST_SANDBOX_TESTER],
  ])("refuses %s with EMAIL_RESERVED and creates nothing", async (_, email) => {
    const before = await db.user.count({ where: { email: email.trim().toLowerCase() } });
    await expect(signUp({ ...AGREED, email, password: "operator-password-1" })).rejects.toMatchObject({ code: "EMAIL_RESERVED", status: 403 });
    const state = await signUpAction({ status: "idle" }, formData({ email, password: "operator-password-1" }));
    expect(state).toEqual({ status: "error", message: EMAIL_RESERVED_MESSAGE, fieldErrors: { email: [EMAIL_RESERVED_MESSAGE] } });
    expect(await db.user.count({ where: { email: email.trim().toLowerCase() } })).toBe(before);
  });

  it("still signs up everyone else", async () => {
    const email = uniqueEmail("not-privileged");
    await expect(signUp({ ...AGREED, email, password: "buyer-password-1" })).resolves.toMatchObject({ email });
  });
});

describe("npm run user:create", () => {
  it("creates an account that signs in, refuses a second one, and resets its password", async () => {
    const email = uniqueEmail("made-in-shell");
    const created = await userCreate([email, "--name", "운영자"], "shell-password-1");
    expect(created.output).toContain(`Created ${email}`);
    expect(created.code).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { email } });
    expect(row.name).toBe("운영자");
    expect(row.customerKey).toBeTruthy();
    expect(await verifyPassword("shell-password-1", row.passwordHash!)).toBe(true);
    expect(await signsIn(email, "shell-password-1")).toBe(true);

    const again = await userCreate([email], "shell-password-2");
    expect(again.code).toBe(1);
    expect(again.output).toContain("이미 가입된 이메일이에요");

    const reset = await userCreate([email, "--reset-password"], "shell-password-2");
    expect(reset.code).toBe(0);
    expect(await signsIn(email, "shell-password-1")).toBe(false);
    expect(await signsIn(email, "shell-password-2")).toBe(true);
  }, 60_000);

  it("explains bad input and changes nothing", async () => {
    const email = uniqueEmail("weak");
    const weak = await userCreate([email], "short");
    expect(weak.code).toBe(1);
    expect(weak.output).toContain("비밀번호는 8자 이상이어야 해요.");
    const noPassword = await userCreate([email]);
    expect(noPassword.code).toBe(1);
    expect(noPassword.output).toContain("NEW_USER_PASSWORD");
    const unknown = await userCreate([uniqueEmail("nobody"), "--reset-password"], "shell-password-3");
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("그 이메일로 가입된 계정이 없어요.");
    const usage = await userCreate([]);
    expect(usage.code).toBe(1);
    expect(usage.output).toContain("Usage: npm run user:create");
    expect(await db.user.count({ where: { email } })).toBe(0);
  }, 60_000);
});

// Kakao and Google cannot be reached from here; next-auth asks this callback before it creates or signs
// in an OAuth user, and a string answer is where it sends the browser instead.
describe("Kakao and Google sign-in of a listed address", () => {
  const signIn = authOptions.callbacks!.signIn!;
  const oauth = (provider: string, email: string | null, profileEmail?: string) =>
    signIn({
      user: { id: `${provider}-${randomUUID()}`, email },
      account: { provider, type: "oauth", providerAccountId: randomUUID() },
      profile: profileEmail === undefined ? undefined : { email: profileEmail },
    } as Parameters<typeof signIn>[0]);

  it.each([
    ["kakao", TEST_OPERATOR],
    ["google", TEST_SANDBOX_TESTER],
    ["kakao", `  ${TEST_OPERATOR.toUpperCase()} `],
  ])("%s with %s is refused, back to /login with a Korean reason", async (provider, email) => {
    expect(await oauth(provider, email)).toBe(`/login?error=${OAUTH_EMAIL_RESERVED}`);
    expect(signInErrorMessage(OAUTH_EMAIL_RESERVED)).toMatch(/카카오·구글 로그인을 할 수 없어요/);
  });

  it("is refused when only the provider's profile names the listed address", async () => {
    expect(await oauth("google", null, TEST_OPERATOR)).toBe(`/login?error=${OAUTH_EMAIL_RESERVED}`);
  });

  it("lets any other address through, and the listed accounts' own password sign-in", async () => {
    expect(await oauth("kakao", uniqueEmail())).toBe(true);
    expect(await oauth("google", null)).toBe(true);
    expect(
      await signIn({ user: { id: "u", email: TEST_OPERATOR }, account: { provider: "credentials", type: "credentials", providerAccountId: "u" } } as Parameters<
        typeof signIn
      >[0]),
    ).toBe(true);
  });
});
