// `npm run preflight [-- --rehearse] [-- --webhook-url <url>]`: the go-live check, run with the production
// environment before switching to live keys. One ✓/✗ line per check (scripts/lib/preflight/), each ✗ with
// its fix; exit code 1 on any ✗.
import nextEnv from "@next/env";
import path from "node:path";
import { explainFailure } from "./lib/explain-failure";
import { ROOT } from "./lib/schema-engine";

const USAGE = `npm run preflight — the go-live check: run it with the production environment before switching
to live Toss keys, and again after each change to it.

  npm run preflight                      the production environment, as the deployed app reads it
  npm run preflight -- --rehearse        a rehearsal, against the sandbox or a preview
  npm run preflight -- --webhook-url <url>

Where the variables come from: the shell's, then this folder's .env.production.local, .env.local,
.env.production and .env, read as Next.js reads them for \`next build\` and \`next start\` (@next/env's
loadEnvConfig in production mode; a variable already set wins), with NODE_ENV=production. So
  vercel env run -e production -- npm run preflight                 (writes no file), or
  vercel env pull --environment=production .env.production.local    (delete the file afterwards:
                                                                     \`npm test\`'s servers would read it),
or export the variables in the shell. Vercel never gives back the value of a Secret (Sensitive)
variable, so \`vercel env pull\` cannot either: export those in the shell.

Checks (✓ fine, ✗ a problem and its fix, ℹ a note):
  - the environment parses as lib/env.ts parses it when the app starts (each problem a line)
  - the Toss keys are one widget pair, and Toss accepts the secret key (it looks up an order that
    cannot exist: 404 NOT_FOUND_PAYMENT means accepted, 401 UNAUTHORIZED_KEY refused)
  - NEXT_PUBLIC_APP_URL is https and answers GET /api/health with 200, in the same TOSS_MODE;
    NEXTAUTH_URL, if set, is the same address
  - the webhook URL answers a Toss-shaped PAYMENT_STATUS_CHANGED for a payment that does not exist
    with 200 within 10 s (the app asks Toss, hears it does not exist, and keeps a receipt: UNKNOWN_ORDER)
  - every migration of prisma/migrations is applied to DATABASE_URL, and the catalog is seeded
    (read-only: _prisma_migrations and Product)
  - NEXTAUTH_SECRET and CRON_SECRET are strong: 32+ random characters, not the development default
  - the business profile is complete (BUSINESS_*, PRIVACY_OFFICER_*), not the example (예시)
  - TOSS_MODE=live with live_ keys on Toss's API

Options:
  --rehearse            sandbox mode, test_ keys and http on this machine (localhost, 127.0.0.1) are
                        notes, not problems; everything else is checked the same
  --webhook-url <url>   the URL registered in Toss's developer center (웹훅), if not
                        <NEXT_PUBLIC_APP_URL>/api/webhooks/toss (e.g. with ?x-vercel-protection-bypass=…)
  --help                this text

Exit code 0 when nothing is ✗, 1 otherwise, 2 for a wrong argument. No secret is printed: keys show
their prefix and last four characters.`;

class UsageError extends Error {}

interface Args {
  help: boolean;
  rehearse: boolean;
  webhookUrl?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { help: false, rehearse: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--rehearse") args.rehearse = true;
    else if (arg === "--webhook-url" || arg.startsWith("--webhook-url=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (!value || !/^https?:\/\/\S+$/.test(value)) throw new UsageError("--webhook-url needs an http(s) URL");
      args.webhookUrl = value;
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void console.log(USAGE);

  // The deployed app runs with NODE_ENV=production, and Next.js picks the .env files by it.
  Object.assign(process.env, { NODE_ENV: "production" });
  const { loadedEnvFiles } = nextEnv.loadEnvConfig(ROOT, false, { info: () => {}, error: (...line: unknown[]) => console.error(...line) });
  const source: Record<string, string | undefined> = { ...process.env };

  // lib/env.ts checks process.env when it is first imported, and throws on the very problems this command
  // exists to report. Import the checks under an empty environment (the env module then holds the
  // development defaults, which no check reads), then put the real one back: the checks read `source`.
  const real = process.env;
  process.env = {} as NodeJS.ProcessEnv;
  let checks: typeof import("./lib/preflight/run-preflight");
  try {
    checks = await import("./lib/preflight/run-preflight");
  } finally {
    process.env = real;
  }

  const files = loadedEnvFiles.map((file) => path.relative(ROOT, path.resolve(ROOT, file.path)) || file.path);
  console.log(`Preflight${args.rehearse ? " (rehearsal)" : ""}: the go-live check`);
  console.log(`Variables: the shell's${files.length ? `, then ${files.join(", ")}` : " (no .env file here)"}; NODE_ENV=production\n`);
  const results = await checks.runPreflight(source, { rehearse: args.rehearse, webhookUrl: args.webhookUrl });
  console.log(checks.formatReport(results, { rehearse: args.rehearse, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(explainFailure(error));
  process.exit(1);
});
