"use server";
// Sign-up form → lib/auth/sign-up. The browser signs in afterwards (next-auth's Credentials
// endpoint sets the session cookie), so this action only creates the account.
import { headers } from "next/headers";
import { z } from "zod";
import { publicSignUpSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { toPublicError, type FieldErrors } from "@/lib/errors";
import { clientAddressOf } from "@/lib/rate-limit/client-address";
import { limitSignUp } from "@/lib/rate-limit/limit-sign-up";

export type SignUpState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: FieldErrors }
  | { status: "success"; email: string };

function text(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
}

export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const parsed = publicSignUpSchema.safeParse({
    email: text(formData, "email"),
    password: text(formData, "password"),
    name: text(formData, "name"),
    // Checkboxes: sent as "on" when checked, absent otherwise.
    agreeTerms: formData.get("agreeTerms") === "on",
    agreePrivacy: formData.get("agreePrivacy") === "on",
  });
  if (!parsed.success) {
    return {
      status: "error",
      message: "입력한 내용을 확인해 주세요.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  try {
    // Counted once the input is valid (a typo is not an attempt), before the e-mail is looked at: an
    // "already registered" answer counts too, so the form cannot be used to test e-mails at speed.
    await limitSignUp(clientAddressOf(await headers()));
    const user = await signUp(parsed.data);
    return { status: "success", email: user.email };
  } catch (error) {
    const { message, fieldErrors } = toPublicError(error, "sign-up");
    return { status: "error", message, fieldErrors };
  }
}
