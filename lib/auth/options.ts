import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import KakaoProvider from "next-auth/providers/kakao";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { OAUTH_EMAIL_RESERVED } from "@/lib/auth/sign-in-errors";
import { isPrivilegedEmail } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { newCustomerKey } from "@/lib/ids";
import { logEvent } from "@/lib/log";
import { clientAddressOf } from "@/lib/rate-limit/client-address";
import { forgiveSignInAttempt } from "@/lib/rate-limit/sign-in-attempts";

// next-auth v4 reads NEXTAUTH_URL from process.env itself (the origin of its callback and redirect
// URLs); without it, on Vercel, it takes each request's x-forwarded-host/-proto. On Vercel (unless
// NEXTAUTH_URL pins one URL) leave it unset, so that a tester on the branch URL stays there: proxy.ts
// has already replaced those headers by the vetted origin (lib/request-origin.ts). Elsewhere hand over
// lib/env's value. This is the one write to process.env outside lib/env, and it never overrides.
if (!env.authFollowsHost) process.env.NEXTAUTH_URL ??= env.nextAuthUrl;

// The adapter is typed against the pre-7 `@prisma/client`; our generated client has the same
// user/account/session/verificationToken delegates, which is all it calls.
type AdapterClient = Parameters<typeof PrismaAdapter>[0];

/** next-auth hands authorize() the request's headers as a plain object. */
function headersOf(record: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record ?? {})) if (typeof value === "string") headers.set(name, value);
  return headers;
}

const normaliseEmail = (email: string | null | undefined) => email?.trim().toLowerCase() || null;

function createAdapter(): Adapter {
  const base = PrismaAdapter(db as unknown as AdapterClient);
  return {
    ...base,
    // OAuth sign-ups: every user needs a Toss customerKey (required, unique), and emails are stored
    // lowercased like the ones from our sign-up form, so both paths find the same account.
    async createUser(data: Omit<AdapterUser, "id">) {
      const user = await db.user.create({
        data: {
          email: normaliseEmail(data.email),
          emailVerified: data.emailVerified,
          name: data.name ?? null,
          image: data.image ?? null,
          customerKey: newCustomerKey(),
        },
      });
      return user as AdapterUser;
    },
    async getUserByEmail(email: string) {
      const normalised = normaliseEmail(email);
      if (!normalised) return null;
      return (await db.user.findUnique({ where: { email: normalised } })) as AdapterUser | null;
    },
  };
}

function oauthProviders(): AuthOptions["providers"] {
  const providers: AuthOptions["providers"] = [];
  if (env.oauth.kakao) providers.push(KakaoProvider(env.oauth.kakao));
  if (env.oauth.google) providers.push(GoogleProvider(env.oauth.google));
  return providers;
}

export const authOptions: AuthOptions = {
  adapter: createAdapter(),
  // Credentials sign-in only works with JWT sessions in next-auth v4.
  session: { strategy: "jwt" },
  secret: env.nextAuthSecret,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "이메일",
      credentials: {
        email: { label: "이메일", type: "email" },
        password: { label: "비밀번호", type: "password" },
      },
      async authorize(credentials, req) {
        let user: Awaited<ReturnType<typeof authorizeCredentials>>;
        try {
          user = await authorizeCredentials(credentials);
        } catch (error) {
          // next-auth puts a thrown message into the redirect URL: log the real one, send a code.
          logEvent("error", "unexpected_error", { context: "credentials sign-in", error: describeError(error) });
          throw new Error("ServerError");
        }
        // The attempt was counted before the password check (lib/auth/guard-auth-route): a right password
        // takes it back out. Failing to do so only leaves one attempt counted, never blocks this sign-in.
        if (user) {
          await forgiveSignInAttempt({ email: user.email, address: clientAddressOf(headersOf(req?.headers)) }).catch((error) =>
            logEvent("error", "unexpected_error", { context: "forgive sign-in attempt", error: describeError(error) }),
          );
        }
        return user;
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // Kakao and Google vouch for an address only as far as their own sign-up checks go: an address that
    // the configuration gives rights to (operators, sandbox testers) is never taken on their word. Those
    // accounts sign in with the password `npm run user:create` gave them (lib/auth/sign-up.ts).
    signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true;
      const emails = [user.email, profile?.email].filter((e): e is string => typeof e === "string");
      if (!emails.some(isPrivilegedEmail)) return true;
      logEvent("warn", "auth.oauth_privileged_email_refused", { provider: account.provider });
      return `/login?error=${OAUTH_EMAIL_RESERVED}`;
    },
    jwt({ token, user }) {
      if (user) token.id = user.id;
      return token;
    },
    session({ session, token }) {
      const id = token.id ?? token.sub;
      if (session.user && id) session.user.id = id;
      return session;
    },
  },
};
