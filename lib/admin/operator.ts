import "server-only";
import { notFound } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { adminErrors } from "./errors";

/** The operator behind an admin action: recorded with every action in the event log. */
export interface Operator {
  id: string;
  email: string;
}

/** Whether this user is an operator: signed in with an e-mail listed in ADMIN_EMAILS. */
export function isOperator(user: Pick<CurrentUser, "email"> | null): boolean {
  const email = user?.email?.toLowerCase();
  return Boolean(email && env.adminEmails.includes(email));
}

/** The signed-in operator, or null (anonymous users and buyers alike). */
export async function getOperator(): Promise<Operator | null> {
  const user = await getCurrentUser();
  return user && isOperator(user) ? { id: user.id, email: user.email!.toLowerCase() } : null;
}

/**
 * For /admin pages and layouts: the operator, or Next's 404 — the console answers everyone else exactly
 * like a page that does not exist (no redirect to sign-in, which would tell that it exists).
 */
export async function requireOperator(): Promise<Operator> {
  const operator = await getOperator();
  if (!operator) notFound();
  return operator;
}

/** For /api/admin routes and admin server actions: the operator, or a 404 AppError. */
export async function requireApiOperator(): Promise<Operator> {
  const operator = await getOperator();
  if (!operator) throw adminErrors.notFound();
  return operator;
}
