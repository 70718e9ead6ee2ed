// Toss's webhook retry schedule (TOSS.md "Webhooks"): only HTTP 200 within 10 seconds counts; otherwise
// up to 7 retries after 1, 4, 16, 64, 256, 1024 and 4096 minutes, then the delivery is failed.
// A time scale (0 < scale <= 1) shrinks the delays so tests and testers need not wait days. Pure.

export const RETRY_DELAYS_MINUTES = [1, 4, 16, 64, 256, 1024, 4096] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Only 200 counts: a 201 or 204 is a failure to Toss. */
export function isDelivered(status: number | null): boolean {
  return status === 200;
}

/**
 * When to send next after `attemptsMade` sends (1 = the first send) all failed, or null when
 * that was the last one allowed.
 */
export function nextAttemptAt(attemptsMade: number, failedAt: Date, timeScale: number): Date | null {
  const minutes = RETRY_DELAYS_MINUTES[attemptsMade - 1];
  if (minutes === undefined) return null;
  return new Date(failedAt.getTime() + Math.round(minutes * 60_000 * timeScale));
}
