import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { testEnv } from "./scripts/lib/test-env.ts";

const root = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components by design; tests run lib/ on the server.
      { find: /^server-only$/, replacement: path.join(root, "tests/helpers/server-only.ts") },
    ],
  },
  test: {
    env: testEnv(),
    globalSetup: ["tests/helpers/global-setup.ts"],
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    pool: "forks",
    // One file at a time: payment tests share the sandbox merchant of the app's key pair, whose
    // "next confirm fails" switch would otherwise be taken by another file's confirm.
    fileParallelism: false,
    // Structured log lines of passing tests are noise; a failing test shows its own.
    silent: "passed-only",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
