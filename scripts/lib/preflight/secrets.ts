// NEXTAUTH_SECRET signs every session; CRON_SECRET lets whoever holds it run reconciliation. Each must be
// a long random value of its own: not the development default, not a phrase, not a repeated character.
// The values are never printed: only their length and what is wrong with them.
import { DEV_ONLY_SECRET, type Env } from "../../../lib/env";
import { fail, pass, type CheckResult } from "./result";

export const MIN_SECRET_LENGTH = 32;
/** A random value of 32+ characters has far more; "abababab…" or "000…111" have a handful. */
const MIN_DISTINCT_CHARACTERS = 10;
/** Words of placeholders and examples; each too long to turn up in a random value by chance. */
const PLACEHOLDER = /secret|password|passwd|changeme|change-me|example|default|dev-only|test-only|replace/i;
/** An alphabet or digits in order ("0123456789", "abcdefgh"): typed, not generated. */
const RUN_LENGTH = 8;

function longestAscendingRun(value: string): number {
  let longest = 1;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** What makes a secret weak, or null when it looks like a long random value. */
export function secretWeakness(value: string | undefined): string | null {
  if (!value) return "not set";
  if (value === DEV_ONLY_SECRET) return "the development default";
  if (value.length < MIN_SECRET_LENGTH) return `only ${value.length} characters (${MIN_SECRET_LENGTH} or more)`;
  const distinct = new Set(value).size;
  if (distinct === 1) return "one character repeated";
  if (distinct < MIN_DISTINCT_CHARACTERS) return `only ${distinct} different characters: a pattern, not a random value`;
  const word = PLACEHOLDER.exec(value);
  if (word) return `contains "${word[0]}": a phrase or a placeholder, not a random value`;
  if (longestAscendingRun(value) >= RUN_LENGTH) return "contains a run like 0123456789: typed, not generated";
  return null;
}

const GENERATE = {
  NEXTAUTH_SECRET: "openssl rand -base64 32",
  CRON_SECRET: "openssl rand -hex 32",
} as const;

export function checkSecrets(env: Env): CheckResult[] {
  const values = { NEXTAUTH_SECRET: env.nextAuthSecret, CRON_SECRET: env.cronSecret };
  return (Object.keys(values) as (keyof typeof values)[]).map((name) => {
    const value = values[name];
    const consequence = name === "NEXTAUTH_SECRET" ? " (a new one signs everyone out once)" : " (Vercel Cron sends the new one by itself)";
    const fix = `Generate one with \`${GENERATE[name]}\`, set it as ${name} for Production, and redeploy${consequence}.`;
    const weakness = secretWeakness(value);
    if (weakness) return fail(`${name}: ${weakness}`, fix);
    if (name === "CRON_SECRET" && value === values.NEXTAUTH_SECRET) return fail("CRON_SECRET: the same value as NEXTAUTH_SECRET", fix);
    return pass(`${name}: strong (${value.length} characters)`);
  });
}
