// Sign-up and login input, shared by the browser (instant field messages) and the server (the rule
// that counts). No server-only import on purpose: keep this file free of secrets and the database.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
// 72 keeps room to move to bcrypt (which reads 72 bytes) and bounds the work of one hash.
export const PASSWORD_MAX_LENGTH = 72;

const emailSchema = z
  .string({ error: "이메일을 입력해 주세요." })
  .trim()
  .min(1, "이메일을 입력해 주세요.")
  .max(254, "이메일 주소가 너무 길어요.")
  .toLowerCase()
  .pipe(z.email("올바른 이메일 주소를 입력해 주세요."));

const requiredPassword = z
  .string({ error: "비밀번호를 입력해 주세요." })
  .min(1, { error: "비밀번호를 입력해 주세요.", abort: true });

export const signUpSchema = z.object({
  email: emailSchema,
  password: requiredPassword
    .min(PASSWORD_MIN_LENGTH, `비밀번호는 ${PASSWORD_MIN_LENGTH}자 이상이어야 해요.`)
    .max(PASSWORD_MAX_LENGTH, `비밀번호는 ${PASSWORD_MAX_LENGTH}자 이하여야 해요.`),
  name: z
    .string()
    .trim()
    .max(50, "이름은 50자 이하여야 해요.")
    .optional()
    .transform((name) => name || undefined),
});

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpData = z.output<typeof signUpSchema>;

export const TERMS_REQUIRED_MESSAGE = "이용약관에 동의해 주세요.";
export const PRIVACY_REQUIRED_MESSAGE = "개인정보 수집·이용에 동의해 주세요.";

/** The two required agreements (KOREA.md, "Consent"): checked boxes, as true. */
export const consentSchema = z.object({
  agreeTerms: z.literal(true, { error: TERMS_REQUIRED_MESSAGE }),
  agreePrivacy: z.literal(true, { error: PRIVACY_REQUIRED_MESSAGE }),
});

/** The public sign-up form: the account and both agreements. */
export const publicSignUpSchema = signUpSchema.extend(consentSchema.shape);
/** Unchecked input: the agreements as the form gave them (validated by publicSignUpSchema). */
export type PublicSignUpInput = SignUpInput & { agreeTerms?: boolean; agreePrivacy?: boolean };

/** Login checks only the shape: a wrong password and an unknown email get one message elsewhere. */
export const loginSchema = z.object({
  email: emailSchema,
  password: requiredPassword.max(PASSWORD_MAX_LENGTH, "이메일 또는 비밀번호가 올바르지 않아요."),
});

export type LoginData = z.output<typeof loginSchema>;

/** The fields of a form, in the order they appear: the first one with an error gets the focus. */
export type SignUpField = keyof z.output<typeof publicSignUpSchema>;
export type LoginField = keyof LoginData;
