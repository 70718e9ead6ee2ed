import { describe, expect, it } from "vitest";
import {
  allowedFrom,
  canTransition,
  isFinal,
  LEGACY_STATUS_NAMES,
  ORDER_STATUSES,
  orderStatusForToss,
  type OrderStatus,
} from "@/lib/payments/order-status";
import { TOSS_PAYMENT_STATUSES } from "@/lib/toss/schemas";

const ALLOWED: [OrderStatus, OrderStatus][] = [
  ["PENDING", "WAITING_FOR_DEPOSIT"],
  ["PENDING", "PAID"],
  ["PENDING", "CANCELED"],
  ["PENDING", "PARTIAL_CANCELED"],
  ["PENDING", "EXPIRED"],
  ["WAITING_FOR_DEPOSIT", "PAID"],
  ["WAITING_FOR_DEPOSIT", "CANCELED"],
  ["WAITING_FOR_DEPOSIT", "PARTIAL_CANCELED"],
  ["WAITING_FOR_DEPOSIT", "EXPIRED"],
  ["PAID", "CANCELED"],
  ["PAID", "PARTIAL_CANCELED"],
  ["PARTIAL_CANCELED", "CANCELED"],
];

describe("order status machine", () => {
  const all = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

  it.each(all)("%s → %s", (from, to) => {
    const expected = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(expected);
  });

  it("never moves backwards out of a paid or closed state", () => {
    for (const from of ["PAID", "CANCELED", "EXPIRED", "PARTIAL_CANCELED"] as const) {
      expect(canTransition(from, "PENDING")).toBe(false);
      expect(canTransition(from, "WAITING_FOR_DEPOSIT")).toBe(false);
    }
    expect(canTransition("PAID", "PAID")).toBe(false);
  });

  it("gives the where-clause of each conditional update", () => {
    expect(allowedFrom("PAID")).toEqual(["PENDING", "WAITING_FOR_DEPOSIT"]);
    expect(allowedFrom("CANCELED")).toEqual(["PENDING", "WAITING_FOR_DEPOSIT", "PAID", "PARTIAL_CANCELED"]);
    expect(allowedFrom("PENDING")).toEqual([]);
    expect(allowedFrom("PARTIAL_CANCELED")).toEqual(["PENDING", "WAITING_FOR_DEPOSIT", "PAID"]);
  });

  it("knows the final statuses", () => {
    expect(ORDER_STATUSES.filter(isFinal)).toEqual(["CANCELED", "EXPIRED"]);
  });

  it.each([
    ["DONE", "PAID"],
    ["WAITING_FOR_DEPOSIT", "WAITING_FOR_DEPOSIT"],
    ["CANCELED", "CANCELED"],
    ["PARTIAL_CANCELED", "PARTIAL_CANCELED"],
    ["EXPIRED", "EXPIRED"],
    ["READY", null],
    ["IN_PROGRESS", null],
    ["ABORTED", null],
  ] as const)("Toss %s → order %s", (toss, order) => {
    expect(orderStatusForToss(toss)).toBe(order);
  });

  it("maps every Toss status", () => {
    for (const status of TOSS_PAYMENT_STATUSES) expect(() => orderStatusForToss(status)).not.toThrow();
  });

  it("maps the older notes' names", () => {
    expect(LEGACY_STATUS_NAMES).toEqual({ pending: "PENDING", confirmed: "PAID", cancelled: "CANCELED" });
  });
});
