// Every go-live check, in the order a reader fixes things: the environment, Toss's keys, the deployed
// app and its webhook, the database, the secrets, the business, and the switch to live payments. The
// checks that wait on the network run at the same time; their lines keep this order.
import { checkAppUrl, checkAuthUrl, checkHealth, checkWebhook } from "./app";
import { checkBilling } from "./billing";
import { checkBusinessProfile } from "./business";
import { checkDatabase } from "./database";
import { checkDatabaseTls, checkMigrationConnection, checkPreviewBypass } from "./deployment";
import { readEnvironment } from "./environment";
import type { CheckResult } from "./result";
import { checkSecrets } from "./secrets";
import { checkGoingLive, checkKeyPair, checkTossAcceptsKey } from "./toss";

export interface PreflightOptions {
  /** against the sandbox or a preview: sandbox mode, test_ keys and loopback http are notes, not failures */
  rehearse: boolean;
  /** the webhook URL registered at Toss; default <app URL>/api/webhooks/toss */
  webhookUrl?: string;
}

export async function runPreflight(source: Record<string, string | undefined>, options: PreflightOptions): Promise<CheckResult[]> {
  const reading = readEnvironment(source);
  if (!reading.env) return reading.results;
  const env = reading.env;
  const [toss, health, webhook, database, migrationConnection] = await Promise.all([
    checkTossAcceptsKey(env),
    checkHealth(env),
    checkWebhook(options.webhookUrl ?? `${env.appUrl}/api/webhooks/toss`),
    checkDatabase(env),
    checkMigrationConnection(env, source),
  ]);
  const previewBypass = checkPreviewBypass(env);
  const authUrl = checkAuthUrl(env);
  return [
    ...reading.results,
    checkKeyPair(env),
    toss,
    ...checkBilling(env),
    checkAppUrl(env, source, options.rehearse),
    ...(authUrl ? [authUrl] : []),
    health,
    ...(previewBypass ? [previewBypass] : []),
    webhook,
    ...database,
    ...checkDatabaseTls(source),
    ...(migrationConnection ? [migrationConnection] : []),
    ...checkSecrets(env),
    checkBusinessProfile(env, source),
    ...checkGoingLive(env, options.rehearse),
  ];
}

const MARK = { pass: "✓", fail: "✗", note: "ℹ" } as const;
const COLOR = { pass: "\u001b[32m", fail: "\u001b[31m", note: "\u001b[36m" } as const;

/** One line per check, a failure's fix under it, then a verdict. */
export function formatReport(results: CheckResult[], { rehearse, color }: { rehearse: boolean; color: boolean }): string {
  const lines: string[] = [];
  for (const result of results) {
    const kind = !result.ok ? "fail" : result.note ? "note" : "pass";
    const mark = color ? `${COLOR[kind]}${MARK[kind]}\u001b[0m` : MARK[kind];
    lines.push(`${mark} ${result.line}`);
    if (result.fix) lines.push(`    → ${result.fix}`);
  }
  const failures = results.filter((r) => !r.ok).length;
  const notes = results.filter((r) => r.note).length;
  lines.push("");
  if (failures) {
    lines.push(`${failures} ${failures === 1 ? "problem" : "problems"}: fix ${failures === 1 ? "it" : "them"} and run npm run preflight${rehearse ? " -- --rehearse" : ""} again.`);
  } else if (rehearse) {
    lines.push(`Rehearsal passed${notes ? ` (${notes} ${notes === 1 ? "note" : "notes"})` : ""}. Before live payments, run npm run preflight without --rehearse on the production environment.`);
  } else {
    lines.push(`Ready for live payments${notes ? ` (${notes} ${notes === 1 ? "note" : "notes"} above)` : ""}.`);
  }
  return lines.join("\n");
}
