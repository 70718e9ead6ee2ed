// The sandbox's boundary, enforced by eslint.config.mjs: code outside the sandbox's own folders that
// imports lib/toss-sandbox fails the lint; the sandbox's own folders may; the sandbox has no import cycle.
// Runs ESLint's Node API with the repository's own config on snippets placed at chosen paths.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });
// Linting a sandbox file runs import/no-cycle over the sandbox's whole import graph: slow on a busy machine.
const LINT_TIMEOUT_MS = 180_000;

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const ALIAS_IMPORT = 'import { mIdOf } from "@/lib/toss-sandbox/keys";\nexport const merchant = mIdOf("docs");\n';
const RELATIVE_IMPORT = 'import { sandboxEnabled } from "../toss-sandbox/mode";\nexport const on = sandboxEnabled();\n';
const FOLDER_IMPORT = 'export { sandboxEnabled } from "@/lib/toss-sandbox/mode";\nimport "../../lib/toss-sandbox";\n';

describe("importing lib/toss-sandbox", () => {
  it.each([
    ["lib/payments/confirm-order.ts", ALIAS_IMPORT],
    ["lib/toss/client.ts", RELATIVE_IMPORT],
    ["app/api/orders/route.ts", ALIAS_IMPORT],
    ["components/checkout/toss-payment-widget.tsx", FOLDER_IMPORT],
    ["proxy.ts", ALIAS_IMPORT],
    ["instrumentation.ts", ALIAS_IMPORT],
    ["scripts/test.ts", ALIAS_IMPORT],
    ["app/(shop)/checkout/page.tsx", 'import { DemoCheckout } from "@/components/toss-sandbox/demo-checkout";\nexport const C = DemoCheckout;\n'],
  ])("fails the lint from %s", async (file, code) => {
    const messages = await restrictedImports(file, code);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toContain("Only the sandbox's own folders");
  }, LINT_TIMEOUT_MS);

  it.each([
    ["lib/toss-sandbox/webhooks/pump.ts", ALIAS_IMPORT],
    ["app/sandbox/toss/demo/page.tsx", ALIAS_IMPORT],
    ["components/toss-sandbox/payments-table.tsx", ALIAS_IMPORT],
    ["scripts/toss.ts", ALIAS_IMPORT],
    ["tests/integration/sandbox/anything.test.ts", ALIAS_IMPORT],
  ])("is allowed from the sandbox's own folder %s", async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  }, LINT_TIMEOUT_MS);

  it("still allows the app's own modules everywhere", async () => {
    expect(await restrictedImports("lib/payments/x.ts", 'import { env } from "@/lib/env";\nexport const mode = env.toss.mode;\n')).toEqual([]);
  }, LINT_TIMEOUT_MS);
});

describe("the sandbox's modules", () => {
  it("have no import cycle (expire.ts → send-soon.ts → run-due.ts → expire.ts was one)", async () => {
    const results = await eslint.lintFiles(["lib/toss-sandbox/**/*.ts"]);
    const cycles = results.flatMap((r) => r.messages.filter((m) => m.ruleId === "import/no-cycle").map((m) => `${path.relative(root, r.filePath)}: ${m.message}`));
    expect(cycles).toEqual([]);
  }, LINT_TIMEOUT_MS);
});
