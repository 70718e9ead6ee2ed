// `npm run user:create -- <email> [--name 이름] [--reset-password]`: creates an e-mail + password account
// from a shell, for the addresses the public sign-up refuses: operators (ADMIN_EMAILS) and sandbox
// testers (SANDBOX_TESTER_EMAILS). Sign-up does not verify e-mail addresses, so a listed address must not
// be claimable by whoever signs up with it first; whoever can run this has the database already.
// The password comes from NEW_USER_PASSWORD or is asked for without echo. With DATABASE_URL it writes
// there (e.g. production, from a trusted machine); without, to this checkout's development database.
// --reset-password sets a new password on an existing account instead.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { explainFailure } from "./lib/explain-failure";

const USAGE = "Usage: npm run user:create -- <email> [--name 이름] [--reset-password]\n       (password: NEW_USER_PASSWORD, or typed when asked)";

function parseArgs(argv: string[]) {
  let email: string | undefined;
  let name: string | undefined;
  let resetPassword = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--name") name = argv[++i];
    else if (arg === "--reset-password") resetPassword = true;
    else if (!arg.startsWith("--") && !email) email = arg;
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!email) throw new Error(USAGE);
  return { email, name, resetPassword };
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("no terminal to ask for the password: set NEW_USER_PASSWORD");
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(question);
      muted = true;
      rl.question("", (answer) => {
        muted = false;
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  try {
    const first = await ask("비밀번호: ");
    const second = await ask("비밀번호 확인: ");
    if (first !== second) throw new Error("the two passwords differ");
    return first;
  } finally {
    rl.close();
  }
}

async function main() {
  const { email, name, resetPassword } = parseArgs(process.argv.slice(2));
  const password = process.env.NEW_USER_PASSWORD || (await askPassword());

  // Without DATABASE_URL: the development database, migrated as `npm run dev` would.
  let cluster: { stop(): Promise<void> } | null = null;
  if (!process.env.DATABASE_URL) {
    const { prepareDatabase } = await import("./lib/prepare-database");
    const prepared = await prepareDatabase({ configuredUrl: undefined, embeddedDatabase: "credit_checkout", log: () => {} });
    cluster = prepared.cluster;
    process.env.DATABASE_URL = prepared.url;
    console.log(`Database: ${prepared.description}.`);
  }
  try {
    // Imported once DATABASE_URL is final: lib/env reads it when loaded.
    const { createUser, resetUserPassword } = await import("../lib/auth/sign-up");
    const user = resetPassword ? await resetUserPassword(email, password) : await createUser({ email, password, name });
    console.log(`${resetPassword ? "Password set for" : "Created"} ${user.email} (${user.id}).`);
    const { db } = await import("../lib/db");
    await db.$disconnect();
  } finally {
    await cluster?.stop();
  }
}

main().catch((error: unknown) => {
  // An AppError (EMAIL_TAKEN, VALIDATION_FAILED…) says what to fix in Korean, per field.
  const { userMessage, fieldErrors } = (error ?? {}) as { userMessage?: string; fieldErrors?: Record<string, string[]> };
  const detail = userMessage ? [userMessage, ...Object.values(fieldErrors ?? {}).flat()].join(" ") : explainFailure(error, { stack: false });
  console.error(`✘ ${detail}`);
  process.exit(1);
});
