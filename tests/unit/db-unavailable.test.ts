import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";

const prisma = (code: string, message = "x", meta?: unknown) => Object.assign(new Error(message), { code, meta });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma cannot reach the server", prisma("P1001")],
    ["Prisma timed out waiting for a pooled connection", prisma("P2024")],
    ["every connection busy: no transaction began in time", prisma("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["the adapter lost its connection", prisma("P2010", "x", { driverAdapterError: { cause: { kind: "ConnectionClosed" } } })],
    ["PostgreSQL shutting down", prisma("P2010", "x", { driverAdapterError: { cause: { originalCode: "57P01" } } })],
    ["a refused socket, as the cause", new Error("query failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) })],
    ["pg's connect timeout", new Error("timeout exceeded when trying to connect")],
  ])("yes: %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prisma("P2002")],
    ["a transaction our own code kept open too long (a bug, not an outage)", prisma("P2028", "Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction.")],
    ["a raised exception", prisma("P2010", "x", { driverAdapterError: { cause: { originalCode: "P0001" } } })],
    ["a plain error", new Error("boom")],
    ["not an error at all", "boom"],
  ])("no: %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
