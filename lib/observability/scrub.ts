// What leaves for an error reporter carries no secret, deposit secret, card number, billing key, password or e-mail:
// values under sensitive keys are dropped, and every string is cleaned of e-mail addresses, Toss keys,
// card-number-like digit runs and the server's own secrets, wherever in the event it sits (message,
// exception values, stack frames' variables, breadcrumbs, request, extra). Pure: unit-tested.

export const FILTERED = "[Filtered]";

/** Keys whose values are never sent, whatever they hold. */
const SENSITIVE_KEY =
  /pass(word)?|secret|authorization|cookie|token|api[-_]?key|bill(ing)?[-_]?key|auth[-_]?key|card[-_]?number|cardnum|\bcvc\b|email|e-mail|customer[-_]?(name|mobile|phone)|account[-_]?number|holder|phone|mobile/i;

const EMAIL = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+/g;
/** Toss keys of both families and both modes: test_gck_…, live_gsk_…, test_ck_…, test_sk_… */
const TOSS_KEY = /\b(test|live)_(g?ck|g?sk)_[\w-]+/g;
/** 13–19 digits, with or without spaces or dashes between groups: a card or account number. */
const LONG_NUMBER = /\b\d(?:[ -]?\d){12,18}\b/g;
/** Basic/Bearer credentials in a header line or message. */
const CREDENTIALS = /\b(Basic|Bearer)\s+[\w+/=.-]{8,}/gi;
/** user:password@ in a URL (a database URL in an error message). */
const URL_USERINFO = /\/\/[^/\s:@]+:[^/\s@]+@/g;
/** A billing key in a path: Toss's charge and delete (/v1/billing/{key}) and the sandbox console's /billing-keys/{key}. */
const BILLING_KEY_PATH = /(\/v1\/billing\/|\/billing-keys\/)(?!authorizations\b)[^\s/?#"'<>]+/g;

export function scrubString(value: string, secrets: readonly string[] = []): string {
  let out = value;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(FILTERED);
  return out
    .replace(URL_USERINFO, `//${FILTERED}@`)
    .replace(BILLING_KEY_PATH, (_, path: string) => `${path}${FILTERED}`)
    .replace(CREDENTIALS, (_, scheme: string) => `${scheme} ${FILTERED}`)
    .replace(TOSS_KEY, FILTERED)
    .replace(EMAIL, FILTERED)
    .replace(LONG_NUMBER, FILTERED);
}

/** A deep copy with sensitive keys' values filtered and every string scrubbed (cycles cut). */
export function scrubValue(value: unknown, secrets: readonly string[] = [], seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubString(value, secrets);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return FILTERED;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, secrets, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) && item !== null && item !== undefined && typeof item !== "boolean"
      ? FILTERED
      : scrubValue(item, secrets, seen);
  }
  return out;
}

/** Sentry-shaped event: who the user is, request headers, cookies and bodies are never sent at all. */
export function scrubEvent<E extends object>(event: E, secrets: readonly string[] = []): E {
  const kept = { ...event } as Record<string, unknown>;
  delete kept.user;
  const request = kept.request;
  if (typeof request === "object" && request !== null) {
    kept.request = Object.fromEntries(
      Object.entries(request).filter(([key]) => !["headers", "cookies", "data", "env"].includes(key)),
    );
  }
  return scrubValue(kept, secrets) as E;
}
