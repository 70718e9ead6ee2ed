import "server-only";
import { db } from "@/lib/db";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { loginSchema } from "@/lib/auth/schemas";

export interface AuthorizedUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The Credentials provider's check: the user for a right email + password, null for anything else
 * (malformed input, unknown email, OAuth-only account, wrong password). One answer for all of them,
 * in about the same time, so a response never tells whether an email is registered.
 */
export async function authorizeCredentials(credentials: unknown): Promise<AuthorizedUser | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user?.passwordHash || !user.email) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
