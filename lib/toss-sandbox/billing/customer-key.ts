// 자동결제's customerKey as Toss's API reference states it (2–300 of A-Z a-z 0-9 - _ = . @), and never
// TossPayments.ANONYMOUS: a guest owns no card. Refused with Toss's 400 INVALID_CUSTOMER_KEY.
import { TossSandboxError } from "../errors";
import { ANONYMOUS_CUSTOMER_KEY, BILLING_CUSTOMER_KEY_RULE } from "../widget-errors";

export function checkBillingCustomerKey(customerKey: string): void {
  if (customerKey === ANONYMOUS_CUSTOMER_KEY || !BILLING_CUSTOMER_KEY_RULE.test(customerKey)) throw new TossSandboxError("INVALID_CUSTOMER_KEY");
}
