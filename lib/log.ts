// One structured line per event, for Vercel's log drains and grep. Never pass secrets, deposit secrets,
// card numbers or passwords in `fields`: callers pass ids, statuses and codes only.
type Level = "info" | "warn" | "error";

export function logEvent(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, event, at: new Date().toISOString(), ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
