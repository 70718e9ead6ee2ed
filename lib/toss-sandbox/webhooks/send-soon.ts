// Sends fresh deliveries right after the response has gone (next/server after()), so the API answer is
// not held up by the merchant's webhook endpoint. If the instance dies first, the deliveries are still
// PENDING: the next cron run, console visit or API call sends them.
import "server-only";
import { after } from "next/server";
import { deliverAll } from "./deliver-all";

export function sendSoon(deliveryIds: string[]): void {
  if (!deliveryIds.length) return;
  try {
    after(() => deliverAll(deliveryIds));
  } catch {
    // Outside a request (no after() scope): send now, without holding anyone up.
    void deliverAll(deliveryIds);
  }
}
