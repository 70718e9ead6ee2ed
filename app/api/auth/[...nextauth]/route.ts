// GET, POST /api/auth/* — next-auth's endpoints (csrf, session, sign-in callbacks, sign-out), behind
// lib/auth/guard-auth-route: malformed input gets a 4xx, credentials sign-ins are rate-limited.
import NextAuth from "next-auth";
import { guardAuthRoute, type AuthRouteContext } from "@/lib/auth/guard-auth-route";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions) as (request: Request, context: AuthRouteContext) => Promise<Response>;

export const { GET, POST } = guardAuthRoute(handler);
