// Toss's time formats. The API writes ISO 8601 in Korean time with its offset, to the second
// ("2022-08-05T12:56:21+09:00"); webhook bodies write createdAt in Korean time with microseconds and
// no offset ("2022-01-01T00:00:00.000000").

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The wall-clock digits of `date` in Korea, "yyyy-MM-ddTHH:mm:ss.SSS". */
function kstDigits(date: Date): string {
  return new Date(date.getTime() + KST_OFFSET_MS).toISOString().slice(0, 23);
}

/** "2022-08-05T12:56:21+09:00" */
export function toKstIso(date: Date): string {
  return `${kstDigits(date).slice(0, 19)}+09:00`;
}

export function toKstIsoOrNull(date: Date | null | undefined): string | null {
  return date ? toKstIso(date) : null;
}

/** Webhook createdAt: "2022-01-01T00:00:00.000000" (Korean time, microseconds, no offset). */
export function toWebhookCreatedAt(date: Date): string {
  return `${kstDigits(date)}000`;
}
