// Which sandbox merchant, and which key family, a key belongs to (TOSS.md "Keys"). Two families:
//   WIDGET          client test_gck_… / secret test_gsk_…  (결제위젯: v1 PaymentWidget, v2 widgets())
//   API_INDIVIDUAL  client test_ck_…  / secret test_sk_…   (API 개별 연동 키: v2 payment(), the 결제창)
// A merchant is a key pair of either family:
//   docs     Toss's public docs pairs (widget test_gck_docs_… / test_gsk_docs_…, and the API individual
//            pair Toss's own v2 sample uses), both working with no setup
//   app      the pair the app is configured with (NEXT_PUBLIC_TOSS_CLIENT_KEY / TOSS_SECRET_KEY)
//   sbx_<id> any test_gck_sbx_<id> / test_gsk_sbx_<id>, or test_ck_sbx_<id> / test_sk_sbx_<id>: a merchant
//            made up on the spot, so that each test, or each tester, has payments and settings of its own
// Everything else is not a pair the sandbox knows. live_ keys are refused outright.
// Pure: the configured pair is passed in, so the rules are unit-tested as a table.

export interface ConfiguredKeys {
  docsClientKey: string;
  docsSecretKey: string;
  appClientKey: string;
  appSecretKey: string;
  /** the app's billing pair (API individual keys), when it has one of its own: the same merchant */
  appBillingClientKey?: string;
  appBillingSecretKey?: string;
}

export type KeyFamily = "WIDGET" | "API_INDIVIDUAL";

export type KeyLookup =
  | { ok: true; merchantId: string; family: KeyFamily }
  | { ok: false; reason: "live" | "unknown" | "wrong-kind" };

/** Toss's public docs pair of API individual keys (TOSS.md "Keys"). */
export const DOCS_API_CLIENT_KEY = "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq";
export const DOCS_API_SECRET_KEY = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";

const SANDBOX_ID = "[A-Za-z0-9]{1,40}";
const SANDBOX_CLIENT_KEY = new RegExp(`^test_(gck|ck)_sbx_(${SANDBOX_ID})$`);
const SANDBOX_SECRET_KEY = new RegExp(`^test_(gsk|sk)_sbx_(${SANDBOX_ID})$`);
const SECRET_KEY_SHAPE = /^(test|live)_(gsk|sk)_/;

export const DOCS_MERCHANT_ID = "docs";
export const APP_MERCHANT_ID = "app";

/** The family of a client or secret key, by its prefix; null when it has none of the four. */
export function keyFamilyOf(key: string): KeyFamily | null {
  if (/^(test|live)_(gck|gsk)_/.test(key)) return "WIDGET";
  if (/^(test|live)_(ck|sk)_/.test(key)) return "API_INDIVIDUAL";
  return null;
}

function found(merchantId: string, key: string): KeyLookup {
  const family = keyFamilyOf(key);
  return family ? { ok: true, merchantId, family } : { ok: false, reason: "unknown" };
}

/** The merchant whose secret key this is. */
export function merchantForSecretKey(secretKey: string, keys: ConfiguredKeys): KeyLookup {
  if (secretKey.startsWith("live_")) return { ok: false, reason: "live" };
  if (secretKey === keys.docsSecretKey || secretKey === DOCS_API_SECRET_KEY) return found(DOCS_MERCHANT_ID, secretKey);
  if (secretKey === keys.appSecretKey || secretKey === keys.appBillingSecretKey) return found(APP_MERCHANT_ID, secretKey);
  const sandbox = SANDBOX_SECRET_KEY.exec(secretKey);
  if (sandbox) return found(`sbx_${sandbox[2]}`, secretKey);
  return { ok: false, reason: "unknown" };
}

/** The merchant whose client key this is (what the widget or the payment window was opened with). */
export function merchantForClientKey(clientKey: string, keys: ConfiguredKeys): KeyLookup {
  if (clientKey.startsWith("live_")) return { ok: false, reason: "live" };
  if (SECRET_KEY_SHAPE.test(clientKey)) return { ok: false, reason: "wrong-kind" };
  if (clientKey === keys.docsClientKey || clientKey === DOCS_API_CLIENT_KEY) return found(DOCS_MERCHANT_ID, clientKey);
  if (clientKey === keys.appClientKey || clientKey === keys.appBillingClientKey) return found(APP_MERCHANT_ID, clientKey);
  const sandbox = SANDBOX_CLIENT_KEY.exec(clientKey);
  if (sandbox) return found(`sbx_${sandbox[2]}`, clientKey);
  return { ok: false, reason: "unknown" };
}

/** The Payment object's mId for a merchant. */
export function mIdOf(merchantId: string): string {
  if (merchantId === DOCS_MERCHANT_ID) return "tosspayments";
  if (merchantId === APP_MERCHANT_ID) return "tsandbox";
  return merchantId;
}

export const MERCHANT_ID_PATTERN = new RegExp(`^(${DOCS_MERCHANT_ID}|${APP_MERCHANT_ID}|sbx_${SANDBOX_ID})$`);
