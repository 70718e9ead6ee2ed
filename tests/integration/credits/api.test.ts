// POST /api/credits/spend and /api/credits/reservations over real HTTP, as a signed-in client calls them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { grantOrderCredits } from "@/lib/credits/ledger";
import { db } from "@/lib/db";
import { createOrder } from "../../helpers/factories";
import { Client, signedInBuyer, type SignedInBuyer } from "../../helpers/http";
import { balanceOf } from "../../helpers/shop";

async function buyerWithPack(productCode = "PREMIUM_PACK"): Promise<SignedInBuyer> {
  const buyer = await signedInBuyer();
  const order = await createOrder(buyer.userId, productCode);
  await db.$transaction((tx) => grantOrderCredits(tx, order));
  return buyer;
}

const spend = (buyer: SignedInBuyer, body: unknown, key: string | null = randomUUID()) =>
  buyer.client.postJson("/api/credits/spend", body, key === null ? {} : { "Idempotency-Key": key });

describe("POST /api/credits/spend", () => {
  it("spends once per Idempotency-Key: 201, then the same answer with Idempotent-Replayed", async () => {
    const buyer = await buyerWithPack();
    const key = randomUUID();
    const first = await spend(buyer, { amount: 2, reason: "이미지 생성" }, key);
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ balance: 3, spend: { kind: "SPEND", status: "SPENT", amount: 2, idempotencyKey: key, balanceAfter: 3 } });

    const again = await spend(buyer, { amount: 2, reason: "이미지 생성" }, key);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(body);
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("refuses the same key with another amount (409), too few credits (409 with the balance), and changes nothing", async () => {
    const buyer = await buyerWithPack("PRO_PACK");
    const key = randomUUID();
    expect((await spend(buyer, { amount: 1, reason: "a" }, key)).status).toBe(201);
    const reused = await spend(buyer, { amount: 2, reason: "a" }, key);
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED", message: expect.stringContaining("같은 요청 키") } });
    const short = await spend(buyer, { amount: 5, reason: "big" });
    expect(short.status).toBe(409);
    expect(await short.json()).toMatchObject({
      error: { code: "INSUFFICIENT_CREDITS", message: expect.stringContaining("남은 크레딧은 2개"), details: { balance: 2, required: 5 } },
    });
    expect(await balanceOf(buyer.userId)).toBe(2);
  });

  it.each([
    ["no Idempotency-Key", { amount: 1, reason: "x" }, null, 400, "IDEMPOTENCY_KEY_REQUIRED"],
    ["a key with a space", { amount: 1, reason: "x" }, "a b", 400, "IDEMPOTENCY_KEY_INVALID"],
    ["a key too long", { amount: 1, reason: "x" }, "k".repeat(256), 400, "IDEMPOTENCY_KEY_INVALID"],
    ["a fractional amount", { amount: 1.5, reason: "x" }, randomUUID(), 400, "VALIDATION_FAILED"],
    ["zero", { amount: 0, reason: "x" }, randomUUID(), 400, "VALIDATION_FAILED"],
    ["an amount as text", { amount: "1", reason: "x" }, randomUUID(), 400, "VALIDATION_FAILED"],
    ["no reason", { amount: 1 }, randomUUID(), 400, "VALIDATION_FAILED"],
    ["an unknown field", { amount: 1, reason: "x", userId: "someone" }, randomUUID(), 400, "VALIDATION_FAILED"],
    ["broken JSON", "{", randomUUID(), 400, "INVALID_JSON"],
  ])("answers %s with a 4xx and changes nothing", async (_, body, key, status, code) => {
    const buyer = await buyerWithPack("PRO_PACK");
    const response = await spend(buyer, body, key);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(await balanceOf(buyer.userId)).toBe(3);
  });

  it("is closed to a stranger", async () => {
    const response = await new Client().postJson("/api/credits/spend", { amount: 1, reason: "x" }, { "Idempotency-Key": randomUUID() });
    expect(response.status).toBe(401);
  });
});

describe("POST /api/credits/reservations", () => {
  it("holds, captures part, and gives the rest back; a repeat of each answers it again", async () => {
    const buyer = await buyerWithPack();
    const key = randomUUID();
    const held = await buyer.client.postJson("/api/credits/reservations", { amount: 3, reason: "동영상 변환", ttlSeconds: 900 }, { "Idempotency-Key": key });
    expect(held.status).toBe(201);
    const { reservation, balance } = await held.json();
    expect(reservation).toMatchObject({ kind: "HOLD", status: "HELD", amount: 3, idempotencyKey: key });
    expect(balance).toBe(2);
    expect(new Date(reservation.heldUntil).getTime() - Date.now()).toBeGreaterThan(800_000);

    const capture = () => buyer.client.postJson(`/api/credits/reservations/${reservation.id}/capture`, { amount: 1 });
    const captured = await capture();
    expect(captured.status).toBe(200);
    expect(await captured.json()).toMatchObject({ reservation: { status: "CAPTURED", captured: 1 }, balance: 4 });
    const repeat = await capture();
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    const release = await buyer.client.postJson(`/api/credits/reservations/${reservation.id}/release`, {});
    expect(release.status).toBe(409);
    expect(await release.json()).toMatchObject({ error: { code: "RESERVATION_CLOSED" } });
    expect(await balanceOf(buyer.userId)).toBe(4);
  });

  it("releases in full with an empty body, and keeps reservations to their owner", async () => {
    const buyer = await buyerWithPack("PRO_PACK");
    const other = await signedInBuyer();
    const held = await buyer.client.postJson("/api/credits/reservations", { amount: 2, reason: "job" }, { "Idempotency-Key": randomUUID() });
    const { reservation } = await held.json();
    expect((await other.client.postJson(`/api/credits/reservations/${reservation.id}/release`, "")).status).toBe(404);
    expect((await other.client.postJson(`/api/credits/reservations/${reservation.id}/capture`, "")).status).toBe(404);
    const released = await buyer.client.postJson(`/api/credits/reservations/${reservation.id}/release`, "");
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ reservation: { status: "RELEASED", captured: 0 }, balance: 3 });
    expect((await buyer.client.postJson(`/api/credits/reservations/bad%20id/release`, "")).status).toBe(404);
    const tooLong = await buyer.client.postJson("/api/credits/reservations", { amount: 1, reason: "job", ttlSeconds: 90_000 }, { "Idempotency-Key": randomUUID() });
    expect(tooLong.status).toBe(400);
  });
});
