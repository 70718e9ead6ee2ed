// Identifiers shaped like Toss's. Random enough that nothing is guessable or collides.
import { randomBytes, randomInt } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function alphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** e.g. "tsbx20240213121757MvuS8Xr2pQ": like Toss's "tviva20240213121757MvuS8", longer random tail. */
export function newPaymentKey(now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `tsbx${stamp}${alphanumeric(10)}`;
}

/** e.g. "B7103F204998813B889C77C043D09502" */
export function newTransactionKey(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

/** The virtual-account secret DEPOSIT_CALLBACK carries, e.g. "ps_GjLJoQ1aVZ965EbZMQy13w6KYe2R". */
export function newDepositSecret(): string {
  return `ps_${alphanumeric(28)}`;
}

/** e.g. "whtrans_a01j70335nkqqeg0zwzz2r4py9z" */
export function newTransmissionId(): string {
  return `whtrans_${randomBytes(15).toString("hex").slice(0, 27)}`;
}

/** Test virtual accounts start with X (Toss FAQ), e.g. "X9018612307559". */
export function newVirtualAccountNumber(): string {
  let digits = "";
  for (let i = 0; i < 13; i++) digits += String(randomInt(10));
  return `X${digits}`;
}

/** A masked test card number, e.g. "43301234****123*". */
export function newMaskedCardNumber(): string {
  const d = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join("");
  return `4330${d(4)}****${d(3)}*`;
}

export function newApproveNo(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, "0");
}

export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

/**
 * A billing key, shaped like the ones Toss answers (44 characters of URL-safe base64 ending in "=", e.g.
 * "Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0="): nothing in it needs escaping in /v1/billing/{billingKey}.
 */
export function newBillingKey(): string {
  for (;;) {
    const key = `${randomBytes(32).toString("base64url")}=`;
    // Never a leading "-": a key is also a command-line argument (npm run toss -- billing-… <key>).
    if (key[0] !== "-") return key;
  }
}

/** The one-time authKey the card registration window hands to successUrl (opaque; Toss allows up to 300 characters). */
export function newAuthKey(): string {
  return `bln_${randomBytes(16).toString("hex").toUpperCase()}`;
}
