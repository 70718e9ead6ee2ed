import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema, type SignUpInput } from "@/lib/auth/schemas";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError, validationError } from "@/lib/errors";
import { newCustomerKey } from "@/lib/ids";

export const EMAIL_TAKEN_MESSAGE = "이미 가입된 이메일이에요. 로그인해 주세요.";

export interface SignedUpUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * Creates an email + password account with its Toss customerKey. Throws AppError VALIDATION_FAILED
 * (400, with field errors) for bad input and EMAIL_TAKEN (409) when the email is registered — decided
 * by the unique index on User.email, so two simultaneous sign-ups cannot both succeed.
 */
export async function signUp(input: SignUpInput, tx: Tx = db): Promise<SignedUpUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw validationError(z.flattenError(parsed.error).fieldErrors);
  const { email, password, name } = parsed.data;

  const passwordHash = await hashPassword(password);
  try {
    const user = await tx.user.create({
      data: { email, name, passwordHash, customerKey: newCustomerKey() },
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
