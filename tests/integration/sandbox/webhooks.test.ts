// Conformance: webhooks as Toss sends them (TOSS.md "Webhooks", docs "웹훅 이벤트"): which events on which
// transitions, their bodies and headers, the retry schedule (under a time scale), and the console's
// resend / duplicate / out-of-order sends.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  authenticatedPayment,
  confirm,
  confirmedPayment,
  consoleApi,
  merchantWithReceiver,
  runCron,
  SANDBOX,
  tossApi,
  waitFor,
  type ReceivedWebhook,
} from "../../helpers/toss-sandbox";

const CREATED_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;
const statusOf = (hook: ReceivedWebhook) => (hook.body.data as { status?: string } | undefined)?.status ?? (hook.body.status as string);
const kindOf = (hook: ReceivedWebhook) => `${(hook.body.eventType as string) ?? "DEPOSIT_CALLBACK"}:${statusOf(hook)}`;

async function deliveriesOf(orderId: string) {
  return db.sandboxWebhookDelivery.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
}

describe("a delivery whose sender died mid-send", () => {
  it("is sent by the next run once its lease has lapsed, and not while the lease holds", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await confirmedPayment(merchant);
      await waitFor(() => receiver.received.length >= 1);
      const [delivery] = await deliveriesOf(payment.orderId);
      // What an instance leaves when it dies between claiming the delivery and recording the send:
      // SENDING, leased. While the lease holds, nobody else sends it.
      const lease = (ms: number) =>
        db.sandboxWebhookDelivery.update({ where: { id: delivery!.id }, data: { status: "SENDING", leaseUntil: new Date(Date.now() + ms) } });
      await lease(60_000);
      expect((await runCron()).status).toBe(200);
      expect(receiver.received).toHaveLength(1);
      // The lease lapsed (the sender is gone): the next run sends it, the same transmission, once more.
      await lease(-1000);
      expect((await runCron()).status).toBe(200);
      const [, again] = await waitFor(() => receiver.received.length >= 2 && receiver.received);
      expect(again!.headers["tosspayments-webhook-transmission-id"]).toBe(receiver.received[0]!.headers["tosspayments-webhook-transmission-id"]);
      await waitFor(async () => (await deliveriesOf(payment.orderId))[0]!.status === "DELIVERED");
    } finally {
      await receiver.close();
    }
  });
});

describe("webhook events", () => {
  it("sends PAYMENT_STATUS_CHANGED with the full Payment and Toss's headers when a card payment is DONE", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await confirmedPayment(merchant);
      const [hook] = await waitFor(() => receiver.received.length >= 1 && receiver.received);
      expect(hook!.body).toEqual({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: expect.stringMatching(CREATED_AT), data: payment.confirmed });
      expect(hook!.headers["content-type"]).toMatch(/^application\/json/);
      expect(hook!.headers["tosspayments-webhook-transmission-id"]).toMatch(/^whtrans_[0-9a-z]+$/);
      expect(hook!.headers["tosspayments-webhook-transmission-retried-count"]).toBe("0");
      expect(hook!.headers["tosspayments-webhook-transmission-time"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
      expect(hook!.headers["tosspayments-webhook-signature"]).toBeUndefined();
      // Nothing for READY or IN_PROGRESS: exactly one event.
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("sends both events, twice per change, through a virtual account's life: issued, deposited, refunded", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT", amount: 20000 });
      await waitFor(() => receiver.received.length >= 2);
      const deposit = await consoleApi("POST", `/payments/${payment.orderId}/deposit`, { merchant: merchant.id });
      expect(deposit.status).toBe(200);
      await waitFor(() => receiver.received.length >= 4);
      const refund = await tossApi(merchant, "POST", `/v1/payments/${payment.paymentKey}/cancel`, {
        body: { cancelReason: "환불", refundReceiveAccount: { bank: "88", accountNumber: "110123456789", holderName: "김토스" } },
      });
      expect(refund.body.status).toBe("CANCELED");
      await waitFor(() => receiver.received.length >= 6);
      // Each change sends both events (their order within a change is not promised, as at Toss).
      const kinds = receiver.received.map(kindOf);
      expect([kinds.slice(0, 2).sort(), kinds.slice(2, 4).sort(), kinds.slice(4, 6).sort()]).toEqual([
        ["DEPOSIT_CALLBACK:WAITING_FOR_DEPOSIT", "PAYMENT_STATUS_CHANGED:WAITING_FOR_DEPOSIT"],
        ["DEPOSIT_CALLBACK:DONE", "PAYMENT_STATUS_CHANGED:DONE"],
        ["DEPOSIT_CALLBACK:CANCELED", "PAYMENT_STATUS_CHANGED:CANCELED"],
      ]);
      const depositCallback = receiver.received.find((h) => kindOf(h) === "DEPOSIT_CALLBACK:DONE")!.body;
      expect(Object.keys(depositCallback).sort()).toEqual(["createdAt", "orderId", "secret", "status", "transactionKey"]);
      expect(depositCallback).toMatchObject({ secret: payment.confirmed.secret, status: "DONE", orderId: payment.orderId });
      expect(depositCallback.createdAt).toMatch(CREATED_AT);
      const lookedUp = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`);
      expect(depositCallback.transactionKey).not.toBe(lookedUp.body.lastTransactionKey); // the refund came after
      expect(new Set(receiver.received.map((h) => h.headers["tosspayments-webhook-transmission-id"])).size).toBe(6);
    } finally {
      await receiver.close();
    }
  });

  it("sends ABORTED when a confirm is refused, and PARTIAL_CANCELED on a partial cancel", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      await consoleApi("POST", `/merchants/${merchant.id}`, { nextConfirm: "REJECT_CARD_COMPANY" });
      const refused = await authenticatedPayment(merchant);
      expect((await confirm(merchant, refused)).body.code).toBe("REJECT_CARD_COMPANY");
      const paid = await confirmedPayment(merchant, { amount: 10000 });
      await tossApi(merchant, "POST", `/v1/payments/${paid.paymentKey}/cancel`, { body: { cancelReason: "부분", cancelAmount: 1000 } });
      await waitFor(() => receiver.received.length >= 3);
      expect(receiver.received.map(kindOf).sort()).toEqual(
        ["PAYMENT_STATUS_CHANGED:ABORTED", "PAYMENT_STATUS_CHANGED:DONE", "PAYMENT_STATUS_CHANGED:PARTIAL_CANCELED"].sort(),
      );
    } finally {
      await receiver.close();
    }
  });
});

describe("webhook retries", () => {
  it("retries a non-200 on Toss's schedule (time-scaled), with one transmission id, then marks it failed", async () => {
    const scale = 0.00002; // 1 min → 1.2 ms … 4096 min → 4.9 s
    const { merchant, receiver } = await merchantWithReceiver(() => 500, { timeScale: scale });
    try {
      const payment = await confirmedPayment(merchant);
      const failed = await waitFor(
        async () => {
          await runCron();
          const [delivery] = await deliveriesOf(payment.orderId);
          return delivery?.status === "FAILED" ? delivery : undefined;
        },
        25_000,
        25,
      );
      expect(failed.attempts).toBe(8);
      expect(failed.lastResponseStatus).toBe(500);
      expect(failed.nextAttemptAt).toBeNull();
      expect(receiver.received).toHaveLength(8);
      expect(receiver.received.map((h) => h.headers["tosspayments-webhook-transmission-retried-count"])).toEqual(
        ["0", "1", "2", "3", "4", "5", "6", "7"],
      );
      expect(new Set(receiver.received.map((h) => h.headers["tosspayments-webhook-transmission-id"]))).toEqual(new Set([failed.transmissionId]));
      expect(new Set(receiver.received.map((h) => h.raw)).size).toBe(1);
      // Never earlier than the schedule allows.
      const minutes = [1, 4, 16, 64, 256, 1024, 4096];
      minutes.forEach((m, i) => {
        const gap = receiver.received[i + 1]!.at - receiver.received[i]!.at;
        expect(gap, `retry ${i + 1}`).toBeGreaterThanOrEqual(Math.floor(m * 60_000 * scale) - 5);
      });
      // And no more after the last.
      await runCron();
      expect(receiver.received).toHaveLength(8);
    } finally {
      await receiver.close();
    }
  });

  it("counts only 200: a 204 is retried, and the delivery succeeds when a 200 comes", async () => {
    const { merchant, receiver } = await merchantWithReceiver((n) => (n < 2 ? 204 : 200), { timeScale: 0.0001 });
    try {
      const payment = await confirmedPayment(merchant);
      const delivered = await waitFor(async () => {
        await runCron();
        const [delivery] = await deliveriesOf(payment.orderId);
        return delivery?.status === "DELIVERED" ? delivery : undefined;
      }, 10_000);
      expect(delivered.attempts).toBe(3);
      expect(delivered.lastResponseStatus).toBe(200);
      expect(receiver.received.map((h) => h.headers["tosspayments-webhook-transmission-retried-count"])).toEqual(["0", "1", "2"]);
    } finally {
      await receiver.close();
    }
  });

  it("counts no answer within 10 seconds as a failure", async () => {
    const { merchant, receiver } = await merchantWithReceiver(() => "hang");
    try {
      const payment = await confirmedPayment(merchant);
      const retrying = await waitFor(
        async () => {
          const [delivery] = await deliveriesOf(payment.orderId);
          return delivery?.status === "PENDING" && delivery.attempts === 1 ? delivery : undefined;
        },
        20_000,
        200,
      );
      expect(retrying.lastResponseStatus).toBeNull();
      expect(retrying.lastResponseBody).toMatch(/10 s/);
      expect(retrying.lastAttemptAt!.getTime() - receiver.received[0]!.at).toBeLessThan(1000);
      // The next try is due one minute after the failure (time scale 1).
      const due = retrying.nextAttemptAt!.getTime() - retrying.updatedAt.getTime();
      expect(due).toBeGreaterThan(55_000);
      expect(due).toBeLessThan(65_000);
    } finally {
      await receiver.close();
    }
  }, 30_000);

  it("lets only Vercel Cron's bearer token run the cron route", async () => {
    expect((await fetch(`${SANDBOX}/cron/webhooks`)).status).toBe(401);
    expect((await fetch(`${SANDBOX}/cron/webhooks`, { headers: { Authorization: "Bearer wrong-secret-0123456789" } })).status).toBe(401);
    const ok = await runCron();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ sent: expect.any(Number), delivered: expect.any(Number), failed: expect.any(Number) });
  });
});

describe("console webhook actions", () => {
  it("resends a delivery with the same transmission id and the next retried-count", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await confirmedPayment(merchant);
      await waitFor(() => receiver.received.length >= 1);
      // The tester resends what the console shows delivered: the first send's outcome is recorded.
      const delivery = await waitFor(async () => {
        const [row] = await deliveriesOf(payment.orderId);
        return row?.status === "DELIVERED" ? row : undefined;
      });
      const resent = await consoleApi<{ data: { attempts: number; status: string } }>("POST", `/deliveries/${delivery!.id}/resend`);
      expect(resent.status).toBe(200);
      expect(resent.body.data).toMatchObject({ attempts: 2, status: "DELIVERED" });
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]!.headers["tosspayments-webhook-transmission-id"]).toBe(delivery!.transmissionId);
      expect(receiver.received[1]!.headers["tosspayments-webhook-transmission-retried-count"]).toBe("1");
      expect(receiver.received[1]!.raw).toBe(receiver.received[0]!.raw);
    } finally {
      await receiver.close();
    }
  });

  it("sends a duplicate: the same transmission id and body again", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await confirmedPayment(merchant);
      await waitFor(() => receiver.received.length >= 1);
      const duplicate = await consoleApi("POST", `/payments/${payment.paymentKey}/duplicate`, {});
      expect(duplicate.status).toBe(200);
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received;
      expect(second!.headers["tosspayments-webhook-transmission-id"]).toBe(first!.headers["tosspayments-webhook-transmission-id"]);
      expect(second!.raw).toBe(first!.raw);
    } finally {
      await receiver.close();
    }
  });

  it("sends two events out of order: the later status first", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT", amount: 3000 });
      await consoleApi("POST", `/payments/${payment.paymentKey}/deposit`, {});
      await waitFor(() => receiver.received.length >= 4);
      const sent = await consoleApi("POST", `/payments/${payment.paymentKey}/out-of-order`, {});
      expect(sent.status).toBe(200);
      expect(receiver.received).toHaveLength(6);
      const [later, earlier] = receiver.received.slice(4);
      expect(statusOf(later!)).toBe("DONE");
      expect(statusOf(earlier!)).toBe("WAITING_FOR_DEPOSIT");
      expect(later!.headers["tosspayments-webhook-transmission-id"]).not.toBe(earlier!.headers["tosspayments-webhook-transmission-id"]);
    } finally {
      await receiver.close();
    }
  });

  it("refuses out of order with fewer than two events", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await confirmedPayment(merchant);
      const answer = await consoleApi("POST", `/payments/${payment.paymentKey}/out-of-order`, {});
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe("NOT_ENOUGH_EVENTS");
    } finally {
      await receiver.close();
    }
  });
});
