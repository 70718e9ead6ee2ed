import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { publicSignUpSchema, signUpSchema, type PublicSignUpInput, type SignUpData, type SignUpInput } from "@/lib/auth/schemas";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { newCustomerKey } from "@/lib/ids";
import { CURRENT_PRIVACY, CURRENT_TERMS } from "@/lib/legal/documents";

export const EMAIL_TAKEN_MESSAGE = "이미 가입된 이메일이에요. 로그인해 주세요.";
export const EMAIL_RESERVED_MESSAGE = "이 이메일로는 가입할 수 없어요. 운영자에게 문의해 주세요.";

export interface SignedUpUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * Addresses the configuration gives rights to (operators in ADMIN_EMAILS, sandbox testers in
 * SANDBOX_TESTER_EMAILS). Sign-up does not verify e-mail addresses, so these accounts are made from a
 * shell (`npm run user:create`), never by whoever signs up with the address first.
 */
export function isPrivilegedEmail(email: string): boolean {
  const normalised = email.trim().toLowerCase();
  return env.adminEmails.includes(normalised) || env.sandbox.testerEmails.includes(normalised);
}

function parse(input: SignUpInput, schema: typeof signUpSchema | typeof publicSignUpSchema = signUpSchema): SignUpData {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(z.flattenError(parsed.error).fieldErrors);
  return parsed.data;
}

/**
 * The public sign-up: creates an email + password account with its Toss customerKey and the user's
 * agreement to the current terms and privacy policy (both required), in one transaction. Throws AppError
 * VALIDATION_FAILED (400, with field errors) for bad input or a missing agreement, EMAIL_RESERVED (403) for a privileged address
 * and EMAIL_TAKEN (409) when the email is registered — decided by the unique index on User.email, so two
 * simultaneous sign-ups cannot both succeed.
 */
export async function signUp(input: PublicSignUpInput, tx: Tx = db): Promise<SignedUpUser> {
  const data = parse(input, publicSignUpSchema);
  if (isPrivilegedEmail(data.email)) {
    throw new AppError({
      code: "EMAIL_RESERVED",
      status: 403,
      userMessage: EMAIL_RESERVED_MESSAGE,
      fieldErrors: { email: [EMAIL_RESERVED_MESSAGE] },
    });
  }
  return createAccount(data, tx, { consented: true });
}

/**
 * An account made by someone who holds the database (`npm run user:create`): any address. Its owner has
 * agreed to nothing yet: /consent asks at their first visit.
 */
export async function createUser(input: SignUpInput, tx: Tx = db): Promise<SignedUpUser> {
  return createAccount(parse(input), tx);
}

/** A new password for an existing account (`npm run user:create -- --reset-password`). */
export async function resetUserPassword(email: string, password: string): Promise<SignedUpUser> {
  const data = parse({ email, password });
  const { count } = await db.user.updateMany({ where: { email: data.email }, data: { passwordHash: await hashPassword(data.password) } });
  if (count === 0) {
    throw new AppError({ code: "USER_NOT_FOUND", status: 404, userMessage: "그 이메일로 가입된 계정이 없어요." });
  }
  const user = await db.user.findUniqueOrThrow({ where: { email: data.email }, select: { id: true, name: true } });
  return { id: user.id, email: data.email, name: user.name };
}

async function createAccount({ email, password, name }: SignUpData, tx: Tx, { consented = false } = {}): Promise<SignedUpUser> {
  const passwordHash = await hashPassword(password);
  const agreement = { termsVersion: CURRENT_TERMS.version, privacyVersion: CURRENT_PRIVACY.version };
  try {
    const user = await tx.user.create({
      data: {
        email,
        name,
        passwordHash,
        customerKey: newCustomerKey(),
        ...(consented ? { ...agreement, consentedAt: new Date(), consents: { create: { ...agreement, source: "SIGN_UP" } } } : {}),
      },
      select: { id: true, email: true, name: true },
    });
    return { id: user.id, email, name: user.name };
  } catch (error) {
    if (isUniqueViolation(error, "email")) {
      throw new AppError({
        code: "EMAIL_TAKEN",
        status: 409,
        userMessage: EMAIL_TAKEN_MESSAGE,
        fieldErrors: { email: [EMAIL_TAKEN_MESSAGE] },
        cause: error,
      });
    }
    throw error;
  }
}
