// The Toss API client against a local HTTP server standing in for Toss: the headers it sends (the
// secret as Basic auth, the Idempotency-Key, an uncompressed answer asked for) and how it reads answers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

let server: http.Server;
const seen: http.IncomingHttpHeaders[] = [];
let answer: { status: number; body: string } = { status: 200, body: "{}" };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers);
    request.resume();
    request.on("end", () => {
      response.writeHead(answer.status, { "content-type": "application/json", "X-TossPayments-Trace-Id": "trace_local" });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("TOSS_API_BASE_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.resetModules();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

describe("tossRequest", () => {
  it("sends the secret key as Basic auth and the Idempotency-Key, and asks for an uncompressed answer", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    answer = { status: 200, body: JSON.stringify({ paymentKey: "tgen_1", status: "DONE" }) };
    const result = await tossRequest("POST", "/v1/payments/confirm", z.object({ paymentKey: z.string(), status: z.string() }), {
      body: { paymentKey: "tgen_1", orderId: "order_1", amount: 3000 },
      idempotencyKey: "idem_1",
    });
    expect(result).toEqual({ data: { paymentKey: "tgen_1", status: "DONE" }, traceId: "trace_local" });
    const headers = seen.at(-1)!;
    expect(headers.authorization).toMatch(/^Basic /);
    expect(Buffer.from(headers.authorization!.slice(6), "base64").toString()).toMatch(/^test_gsk_.+:$/);
    expect(headers["idempotency-key"]).toBe("idem_1");
    expect(headers["accept-encoding"]).toBe("identity");
  });

  it("turns Toss's error body into a TossApiError with its code", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    const { TossApiError } = await import("@/lib/toss/errors");
    answer = { status: 400, body: JSON.stringify({ code: "ALREADY_PROCESSED_PAYMENT", message: "이미 처리된 결제 입니다" }) };
    const failure = await tossRequest("GET", "/v1/payments/tgen_1", z.object({})).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TossApiError);
    expect(failure).toMatchObject({ code: "ALREADY_PROCESSED_PAYMENT", status: 400, traceId: "trace_local" });
    expect(seen.at(-1)!["accept-encoding"]).toBe("identity");
  });
});
