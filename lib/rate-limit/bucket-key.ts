import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The RateLimit row key of one bucket: the scope in clear (greppable), the identifier (an e-mail, an
 * IP, a user id) as a keyed hash, so that the table holds no e-mail or IP and a stolen copy cannot
 * be reversed by hashing guesses. Fixed length, whatever the client sent.
 */
export function bucketKey(scope: string, identifier: string): string {
  const digest = createHmac("sha256", env.nextAuthSecret).update(`${scope}\u0000${identifier}`).digest("base64url");
  return `${scope}:${digest.slice(0, 32)}`;
}
