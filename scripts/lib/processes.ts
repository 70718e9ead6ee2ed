// Starting and stopping the tools the scripts run, the same way on macOS, Linux and Windows: a
// package's own bin script under this Node (no `npx`: Windows cannot spawn npx.cmd without a shell,
// and npx adds a process that does not pass signals on), and a whole process tree stopped at once.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./schema-engine.ts";

/** The absolute path of a package's bin script (`next`, `tsc` from typescript, …). */
export function binOf(pkg: string, name: string = pkg): string {
  const dir = path.join(ROOT, "node_modules", pkg);
  const { bin } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
  const relative = typeof bin === "string" ? bin : bin?.[name];
  if (!relative) throw new Error(`${pkg} has no bin named ${name}: run \`npm install\``);
  return path.join(dir, relative);
}

/**
 * Runs a package's bin under this Node. With `group`, in a process group of its own on POSIX, so
 * that stopTree() stops what it started too (next-server under next).
 */
export function spawnBin(pkg: string, args: string[], options: SpawnOptions & { name?: string; group?: boolean } = {}): ChildProcess {
  const { name, group, ...rest } = options;
  return spawn(process.execPath, [binOf(pkg, name), ...args], {
    cwd: ROOT,
    windowsHide: true,
    ...rest,
    detached: Boolean(group) && process.platform !== "win32",
  });
}

/** Stops a child and everything it started (its process group on POSIX, its tree on Windows). */
export function stopTree(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (!child.pid || child.exitCode !== null) return;
  try {
    if (process.platform === "win32") spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
    else process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal); // not a group leader after all
    } catch {
      // already gone
    }
  }
}
