// Which sandbox merchant a key belongs to. A merchant is a key pair (TOSS.md "Keys"):
//   docs     Toss's public docs pair (test_gck_docs_… / test_gsk_docs_…), works with no setup
//   app      the pair the app is configured with (NEXT_PUBLIC_TOSS_CLIENT_KEY / TOSS_SECRET_KEY)
//   sbx_<id> any test_gck_sbx_<id> / test_gsk_sbx_<id>: a merchant made up on the spot, so that each
//            test, or each tester, has payments and settings of its own
// Everything else is not a pair the sandbox knows. live_ keys are refused outright.
// Pure: the configured pair is passed in, so the rules are unit-tested as a table.

export interface ConfiguredKeys {
  docsClientKey: string;
  docsSecretKey: string;
  appClientKey: string;
  appSecretKey: string;
}

export type KeyLookup =
  | { ok: true; merchantId: string }
  | { ok: false; reason: "live" | "unknown" | "wrong-kind" };

const SANDBOX_ID = "[A-Za-z0-9]{1,40}";
const SANDBOX_CLIENT_KEY = new RegExp(`^test_gck_sbx_(${SANDBOX_ID})$`);
const SANDBOX_SECRET_KEY = new RegExp(`^test_gsk_sbx_(${SANDBOX_ID})$`);

export const DOCS_MERCHANT_ID = "docs";
export const APP_MERCHANT_ID = "app";

/** The merchant whose secret key this is. */
export function merchantForSecretKey(secretKey: string, keys: ConfiguredKeys): KeyLookup {
  if (secretKey.startsWith("live_")) return { ok: false, reason: "live" };
  if (secretKey === keys.docsSecretKey) return { ok: true, merchantId: DOCS_MERCHANT_ID };
  if (secretKey === keys.appSecretKey) return { ok: true, merchantId: APP_MERCHANT_ID };
  const sandbox = SANDBOX_SECRET_KEY.exec(secretKey);
  if (sandbox) return { ok: true, merchantId: `sbx_${sandbox[1]}` };
  return { ok: false, reason: "unknown" };
}

/** The merchant whose client key this is (what the widget was loaded with). */
export function merchantForClientKey(clientKey: string, keys: ConfiguredKeys): KeyLookup {
  if (clientKey.startsWith("live_")) return { ok: false, reason: "live" };
  if (/^(test|live)_(gsk|sk)_/.test(clientKey)) return { ok: false, reason: "wrong-kind" };
  if (clientKey === keys.docsClientKey) return { ok: true, merchantId: DOCS_MERCHANT_ID };
  if (clientKey === keys.appClientKey) return { ok: true, merchantId: APP_MERCHANT_ID };
  const sandbox = SANDBOX_CLIENT_KEY.exec(clientKey);
  if (sandbox) return { ok: true, merchantId: `sbx_${sandbox[1]}` };
  return { ok: false, reason: "unknown" };
}

/** The Payment object's mId for a merchant. */
export function mIdOf(merchantId: string): string {
  if (merchantId === DOCS_MERCHANT_ID) return "tosspayments";
  if (merchantId === APP_MERCHANT_ID) return "tsandbox";
  return merchantId;
}

export const MERCHANT_ID_PATTERN = new RegExp(`^(${DOCS_MERCHANT_ID}|${APP_MERCHANT_ID}|sbx_${SANDBOX_ID})$`);
