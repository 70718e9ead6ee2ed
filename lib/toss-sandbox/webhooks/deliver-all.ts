// Sends the given deliveries now, one at a time, in the order their events happened (as Toss sends one
// payment's events). Apart from run-due.ts so that expire.ts → send-soon.ts does not lead back to
// expire.ts through the due-run sweep.
import "server-only";
import { deliverNow } from "./deliver";

/** After the response: send these deliveries now (the first attempt of a fresh status change). */
export async function deliverAll(ids: string[]): Promise<void> {
  for (const id of ids) await deliverNow(id).catch((error) => console.error("[toss-sandbox] webhook send", { id, error }));
}
