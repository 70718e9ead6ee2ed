// Toss key families (TOSS.md): widget keys test_gck_/test_gsk_ (live_gck_/live_gsk_), API individual keys
// test_ck_/test_sk_. A confirm must use the secret key of the same pair as the client key.
const FAMILY: Record<string, string> = { gck: "widget", gsk: "widget", ck: "api", sk: "api" };

function describe(key: string) {
  const match = /^(test|live)_(gck|gsk|ck|sk)_(docs_)?/.exec(key);
  return match ? { env: match[1], family: FAMILY[match[2]!], docs: Boolean(match[3]) } : null;
}

/** A reason the two keys cannot be a pair, or null when they may be one. */
export function keyPairProblem(clientKey: string, secretKey: string): string | null {
  const client = describe(clientKey);
  const secret = describe(secretKey);
  if (!client || !secret) return "unrecognised key format";
  if (client.env !== secret.env) return `client key is ${client.env}_ but secret key is ${secret.env}_`;
  if (client.family !== secret.family) {
    return `client key is a ${client.family} key but secret key is a ${secret.family} key (use the widget pair test_gck_/test_gsk_)`;
  }
  if (client.docs !== secret.docs) return "only one of the two keys is Toss's public docs key";
  return null;
}
