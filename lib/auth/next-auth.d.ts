// next-auth's own types, widened with the user id that lib/auth/options.ts puts in the token and
// the session (callbacks.jwt and callbacks.session).
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id?: string;
  }
}
