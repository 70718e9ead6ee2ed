// Automatic purchases (issue #23): whether billing is on, with which pair, whether its buyers get their
// notices by e-mail, and what Toss must approve first. Nothing here blocks going live: a shop may sell
// packs without billing, and notices without e-mail still reach the account page.
import { PLAN_NOTICE_DAYS } from "../../../lib/billing/agreement";
import type { Env } from "../../../lib/env";
import { maskKey, note, pass, type CheckResult } from "./result";

export function checkBilling(env: Env): CheckResult[] {
  const billing = env.tossBilling;
  if (!billing) {
    return [note("Billing (자동결제): off, no API individual key pair (NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY, TOSS_BILLING_SECRET_KEY): the account page offers no saved card")];
  }
  const results: CheckResult[] = [
    pass(`Billing (자동결제): the API individual pair ${maskKey(billing.clientKey)}, ${maskKey(billing.secretKey)}, cards registered with SDK ${env.tossBillingSdk}`),
  ];
  results.push(
    env.mail
      ? pass(`Notices by e-mail: SMTP_URL is set, sent as ${env.mail.from}`)
      : note(
          `Notices by e-mail: no SMTP_URL, so a plan's coming charge (${PLAN_NOTICE_DAYS} days before, with its one-click cancel) and a declined card are shown on the account page only; set SMTP_URL to e-mail them`,
        ),
  );
  if (env.autoTopUp.enabled) {
    results.push(note("AUTO_TOP_UP_ENABLED: the threshold top-up is on; Toss restricts billing to periodic subscriptions, so have Toss approve it for this merchant first"));
  }
  return results;
}
