import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { hasCurrentConsent } from "@/lib/auth/consent";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { originOfHeaders } from "@/lib/request-origin";

export { safeCallbackUrl };

export interface CurrentUser {
  id: string;
  email: string | null;
  name: string | null;
  /** the terms and privacy versions last agreed to (null: none yet) */
  termsVersion: string | null;
  privacyVersion: string | null;
}

/**
 * The signed-in user, or null. Read from the database, not only from the session cookie: a JWT
 * outlives a deleted account, and callers (orders, credits) need a user row that exists.
 * Cached per request, so the header and the page share one query.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const id = await getSessionUserId();
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, termsVersion: true, privacyVersion: true } });
});

/**
 * The user id the session cookie (a signed JWT) names, without a database read: only for work that
 * also checks the user exists (GET /api/credits does, in its own statement), or that acts on that user's
 * own rows alone.
 *
 * It decodes the cookie itself rather than calling getServerSession, which runs next-auth's whole
 * session endpoint on every call: CSRF token, callbacks and a freshly encrypted cookie that a server
 * component or route handler cannot even set. Same cookie, same secret, same id as next-auth's
 * `session` callback (lib/auth/options.ts) — tests/integration/auth/session-cookie.test.ts holds the two
 * side by side.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const jar = await cookies();
  const token = await getToken({
    // Cookies only: getToken would also take a bearer token from an Authorization header.
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secureCookie: await usesSecureCookies(),
    secret: env.nextAuthSecret,
  });
  const id = token?.id ?? token?.sub;
  return typeof id === "string" && id ? id : null;
});

/**
 * Whether next-auth names its cookies `__Secure-…`: it does when its URL is https, and its URL is the
 * request's (vetted) origin on Vercel without NEXTAUTH_URL, NEXTAUTH_URL (or the app URL) otherwise.
 */
async function usesSecureCookies(): Promise<boolean> {
  const base = env.authFollowsHost ? originOfHeaders(await headers()) : env.nextAuthUrl;
  return base.startsWith("https://");
}

/**
 * The signed-in user who has agreed to the terms and privacy policy in force. Otherwise redirects to the
 * login page, or to /consent (an OAuth first sign-in, an account made from a shell, a new version);
 * either brings the user back to `returnTo`. `consent: false` for the pages a payment returns to: that
 * purchase was agreed to already, and its confirm must not wait behind a new version's question.
 */
export async function requireUser(returnTo: string, { consent = true } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const back = encodeURIComponent(safeCallbackUrl(returnTo));
  if (!user) redirect(`/login?callbackUrl=${back}`);
  if (consent && !hasCurrentConsent(user)) redirect(`/consent?callbackUrl=${back}`);
  return user;
}
