// The opportunistic sender: after an API call or a console visit, send the retries that have come due
// and expire closed windows. Serverless has no timer, so traffic drives it; at most one run every
// PUMP_INTERVAL across all instances (a conditional upsert decides), so a burst of calls is one run.
import "server-only";
import { after } from "next/server";
import { db } from "@/lib/db";
import { runDueDeliveries } from "./run-due";

const PUMP_INTERVAL_SECONDS = 2;

async function claimPumpSlot(): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "SandboxPumpRun" (id, "lastRunAt") VALUES ('pump', now())
    ON CONFLICT (id) DO UPDATE SET "lastRunAt" = now()
    WHERE "SandboxPumpRun"."lastRunAt" < now() - make_interval(secs => ${PUMP_INTERVAL_SECONDS})
    RETURNING id`;
  return rows.length === 1;
}

export function pumpSoon(): void {
  try {
    after(async () => {
      try {
        if (await claimPumpSlot()) await runDueDeliveries({ limit: 20 });
      } catch (error) {
        console.error("[toss-sandbox] sending due webhooks failed", { error });
      }
    });
  } catch {
    // outside a request: nothing to piggyback on
  }
}
