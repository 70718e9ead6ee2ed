// Another checkout of this project, as a second clone would be: the files git knows (committed or not),
// the generated Prisma client, and node_modules as hard links (a second `npm install` would take
// minutes and the network; hard links take a second and are real files to every tool).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, linkSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stopTree } from "../../scripts/lib/processes";

export const REPO_ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");

export function copyCheckout(target: string): string {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    try {
      cpSync(path.join(REPO_ROOT, file), path.join(target, file));
    } catch (error) {
      // a file deleted in the work tree but not yet in git's index
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  cpSync(path.join(REPO_ROOT, "lib/generated"), path.join(target, "lib/generated"), { recursive: true });
  linkTree(path.join(REPO_ROOT, "node_modules"), path.join(target, "node_modules"));
  return target;
}

/** A copy of a folder made of hard links (symlinks kept as symlinks): a second or so for node_modules. */
function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else linkSync(source, target);
  }
}

export function removeCheckout(target: string) {
  rmSync(target, { recursive: true, force: true });
}

/** The environment of a newcomer's shell: none of the test run's database or app settings. */
export function newcomerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(DATABASE_URL|TEST_|NEXT_PUBLIC_|NEXTAUTH_|TOSS_|CRON_SECRET|EMBEDDED_PG|VITEST|NODE_ENV)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra } as unknown as NodeJS.ProcessEnv;
}

export interface Run {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in the output, rejects when the process ends first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM to the whole process group (npm, node, next-server), then waits for the exit. */
  stop(): Promise<number | null>;
}

/** Runs an npm script in a checkout, in a process group of its own. */
export function runNpm(cwd: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn("npm", args, {
    cwd,
    env,
    detached: process.platform !== "win32",
    shell: process.platform === "win32", // npm is npm.cmd there
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`timed out waiting for ${pattern}:\n${output}`)), timeoutMs);
        const done = (error: Error | null, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(match!);
        };
        const check = () => {
          const match = output.match(pattern);
          if (match) done(null, match);
        };
        waiters.add(check);
        check();
        void exited.then(() => done(new Error(`exited before ${pattern}:\n${output}`)));
      });
    },
    async stop() {
      stopTree(child);
      return exited;
    },
  };
}
