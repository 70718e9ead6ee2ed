import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";

export { safeCallbackUrl };

export interface CurrentUser {
  id: string;
  email: string | null;
  name: string | null;
}

/**
 * The signed-in user, or null. Read from the database, not only from the session cookie: a JWT
 * outlives a deleted account, and callers (orders, credits) need a user row that exists.
 * Cached per request, so the header and the page share one query.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const id = await getSessionUserId();
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

/**
 * The user id the session cookie (a signed JWT) names, without a database read: only for work that
 * also checks the user exists (lib/http.ts withApiUser), or that acts on that user's own rows alone.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
});

/** The signed-in user; otherwise redirects to the login page, which brings the user back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(returnTo))}`);
  return user;
}
