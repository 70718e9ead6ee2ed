// The opportunistic sender: after an API call or a console visit, send the retries that have come due
// and expire closed windows. Serverless has no timer, so traffic drives it; at most one run every
// PUMP_INTERVAL across all instances (a conditional upsert decides), so a burst of calls is one run.
import "server-only";
import { after } from "next/server";
import { db } from "@/lib/db";
import { traceDb } from "@/lib/db-trace";
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

/** When this instance last tried: between tries, another instance may run, but this one need not ask. */
let lastTry = 0;

export function pumpSoon(): void {
  // At most one try per interval per instance, without a database round trip for every API call.
  if (Date.now() - lastTry < PUMP_INTERVAL_SECONDS * 1000) return;
  lastTry = Date.now();
  try {
    after(async () => {
      try {
        // Traced apart from the API call it follows (lib/db-trace.ts): it is every request's shared work.
        await traceDb("sandbox pump", async () => {
          if (await claimPumpSlot()) await runDueDeliveries({ limit: 20 });
        });
      } catch (error) {
        console.error("[toss-sandbox] sending due webhooks failed", { error });
      }
    });
  } catch {
    // outside a request: nothing to piggyback on
  }
}
