// `npm run toss -- <action>`: the console from a shell, against the running app (--url).
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { APP_URL, authenticatedPayment, confirm, confirmedPayment, merchantWithReceiver, newMerchant, waitFor } from "../../helpers/toss-sandbox";

/** Runs the CLI without blocking this process (the webhook receiver lives here). */
function toss(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return tossWith(process.env, ...args);
}

function tossWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "node",
      ["--conditions=react-server", "--import", "tsx", "scripts/toss.ts", ...args, "--url", APP_URL],
      { cwd: process.cwd(), encoding: "utf8", timeout: 60_000, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run toss", () => {
  it("needs the console token off the local development server, and says how to give it", async () => {
    const withoutToken = { ...process.env, SANDBOX_CONSOLE_TOKEN: "" };
    const locked = await tossWith(withoutToken, "settings", "--merchant", newMerchant().id);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain("SANDBOX_CONSOLE_LOCKED");
    expect(locked.stderr).toContain("--token");
    const wrong = await tossWith(withoutToken, "settings", "--token", "wrong-token-wrong-token-0000");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("INVALID_CONSOLE_TOKEN");
    const right = await tossWith(withoutToken, "settings", "--token", process.env.SANDBOX_CONSOLE_TOKEN!);
    expect(right.code, right.stderr).toBe(0);
  });

  it("deposits into a virtual account by orderId, and says why a second deposit is refused", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT" });
    const deposit = await toss("deposit", payment.orderId, "--merchant", merchant.id, "--json");
    expect(deposit.code, deposit.stderr).toBe(0);
    expect(JSON.parse(deposit.stdout).data).toMatchObject({ orderId: payment.orderId, status: "DONE" });
    const again = await toss("deposit", payment.orderId, "--merchant", merchant.id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("NOT_WAITING_FOR_DEPOSIT");
  });

  it("sets the next confirm to fail, for the merchant or one payment, and sends a duplicate webhook", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const set = await toss("fail-next", "INVALID_STOPPED_CARD", "--merchant", merchant.id, "--json");
      expect(set.code, set.stderr).toBe(0);
      expect(JSON.parse(set.stdout).data).toMatchObject({ nextConfirmErrorCode: "INVALID_STOPPED_CARD" });
      await toss("clear-next", "--merchant", merchant.id);
      const refused = await authenticatedPayment(merchant);
      const one = await toss("fail-next", "REJECT_CARD_PAYMENT", "--payment", refused.orderId, "--merchant", merchant.id);
      expect(one.code, one.stderr).toBe(0);
      expect((await confirm(merchant, refused)).body.code).toBe("REJECT_CARD_PAYMENT");
      const payment = await confirmedPayment(merchant);
      const first = await waitFor(() => receiver.received.find((h) => (h.body.data as { status?: string }).status === "DONE"));
      const duplicate = await toss("duplicate", payment.paymentKey);
      expect(duplicate.code, duplicate.stderr).toBe(0);
      expect(duplicate.stdout).toContain("같은 transmission id");
      const copies = receiver.received.filter((h) => h.raw === first.raw);
      expect(copies).toHaveLength(2);
      expect(copies[1]!.headers["tosspayments-webhook-transmission-id"]).toBe(first.headers["tosspayments-webhook-transmission-id"]);
    } finally {
      await receiver.close();
    }
  });

  it("prints usage for an unknown action", async () => {
    const result = await toss("explode");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown action: explode");
  });
});
