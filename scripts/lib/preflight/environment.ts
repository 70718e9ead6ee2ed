// The environment as the deployed app reads it: lib/env.ts's parseEnv, with NODE_ENV=production (Vercel
// and `next start` run with it, whatever the shell says). Each problem it names is a ✗ line of its own.
import { EnvError, foreignNameWarnings, parseEnv, type Env } from "../../../lib/env";
import { fail, note, pass, type CheckResult } from "./result";

export type EnvironmentReading = { env: Env; results: CheckResult[] } | { env: null; results: CheckResult[] };

const WHERE = "Vercel → Settings → Environment Variables, Production";

function fixFor(problem: string): string {
  const name = /^([A-Z0-9_]+)/.exec(problem)?.[1] ?? "it";
  return /: required/.test(problem)
    ? `Set ${name} (${WHERE}), then redeploy; .env.example says what it is.`
    : `Correct ${name} (${WHERE}), then redeploy; .env.example says what it takes.`;
}

export function readEnvironment(source: Record<string, string | undefined>): EnvironmentReading {
  let env: Env;
  try {
    env = parseEnv({ ...source, NODE_ENV: "production" });
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return {
      env: null,
      results: [
        ...error.problems.map((problem) => fail(`Environment: ${problem}`, fixFor(problem))),
        ...(error.problems.some((problem) => /: required/.test(problem))
          ? [note("Vercel never gives back the value of a Secret (Sensitive) variable, so `vercel env pull` cannot either: export those in the shell.")]
          : []),
        note("The other checks run once the environment parses (the app would not start with it either)."),
      ],
    };
  }
  return {
    env,
    results: [
      pass("Environment: every variable parses as the app parses it at start (NODE_ENV=production)"),
      // (The env's other warning, an unfinished business profile, is the business check's ✗.)
      ...foreignNameWarnings(source).map((warning) => note(`Environment: ${warning}`)),
    ],
  };
}
