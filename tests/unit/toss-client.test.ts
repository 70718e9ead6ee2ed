// The Toss API client against a local HTTP server standing in for Toss: the headers it sends (the
// secret as Basic auth, the Idempotency-Key, an uncompressed answer asked for), how it reads answers,
// and what it makes of a server that misbehaves: silent, gone, cut short, compressing anyway, too
// large, or closing a kept-alive connection just as the next call goes out on it.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

let server: http.Server;
const seen: http.IncomingHttpHeaders[] = [];
let answer: { status: number; body: string } = { status: 200, body: "{}" };
/** How the server treats the next request: answer it, or one of the ways of not quite doing so. */
let misbehave: "none" | "silent" | "cut-short" | "gzip" | "huge" | "drop-if-reused" | "drop" = "none";
const usedSockets = new WeakSet<Socket>();

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers);
    const reused = usedSockets.has(request.socket);
    usedSockets.add(request.socket);
    request.resume();
    request.on("end", () => {
      const mode = misbehave;
      if (mode === "silent") return;
      // The connection closed under a request without an answer: what a kept-alive connection's
      // other end does when its idle timeout strikes just as the request arrives.
      if (mode === "drop" || (mode === "drop-if-reused" && reused)) {
        if (mode === "drop-if-reused") misbehave = "none";
        return request.socket.destroy();
      }
      const headers: http.OutgoingHttpHeaders = { "content-type": "application/json", "X-TossPayments-Trace-Id": "trace_local" };
      if (mode === "gzip") return response.writeHead(answer.status, { ...headers, "content-encoding": "gzip" }).end(zlib.gzipSync(answer.body));
      if (mode === "huge") return response.writeHead(answer.status, headers).end(`{"pad":"${"x".repeat(2 * 1024 * 1024)}"}`);
      if (mode === "cut-short") {
        response.writeHead(answer.status, { ...headers, "content-length": String(answer.body.length + 100) });
        response.write(answer.body);
        return setTimeout(() => request.socket.destroy(), 20);
      }
      response.writeHead(answer.status, headers);
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("TOSS_API_BASE_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.resetModules();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  misbehave = "none";
});

const payment = z.object({ paymentKey: z.string(), status: z.string() });
const failureOf = (call: Promise<unknown>) => call.then(
  () => null,
  (error: unknown) => error,
);

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

  it("a kept-alive connection closed just as a call goes out on it: sent once more on a new one, with the same Idempotency-Key", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    answer = { status: 200, body: JSON.stringify({ paymentKey: "tgen_2", status: "DONE" }) };
    await tossRequest("GET", "/v1/payments/tgen_2", payment); // leaves a kept-alive connection
    const before = seen.length;
    misbehave = "drop-if-reused";
    const result = await tossRequest("POST", "/v1/payments/confirm", payment, { body: { paymentKey: "tgen_2" }, idempotencyKey: "idem_2" });
    expect(result.data).toEqual({ paymentKey: "tgen_2", status: "DONE" });
    const sent = seen.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent.map((h) => h["idempotency-key"])).toEqual(["idem_2", "idem_2"]);
  });

  it("a new connection closed without an answer: not repeated, NETWORK_ERROR and unknown (look it up)", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    server.closeAllConnections(); // no kept-alive connection to reuse
    misbehave = "drop";
    const before = seen.length;
    const failure = await failureOf(tossRequest("POST", "/v1/payments/confirm", payment, { body: {}, idempotencyKey: "idem_3" }));
    expect(failure).toMatchObject({ name: "TossApiError", kind: "unknown", code: "NETWORK_ERROR", status: 0, message: expect.stringMatching(/[가-힣]/) });
    expect(seen.length - before).toBe(1);
  });

  it("no answer within the time allowed: TIMEOUT, unknown", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    misbehave = "silent";
    const failure = await failureOf(tossRequest("GET", "/v1/payments/tgen_4", payment, { timeoutMs: 150 }));
    expect(failure).toMatchObject({ kind: "unknown", code: "TIMEOUT", status: 0 });
  });

  it("an answer cut short: NETWORK_ERROR, unknown", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    answer = { status: 200, body: JSON.stringify({ paymentKey: "tgen_5", status: "DONE" }) };
    misbehave = "cut-short";
    const failure = await failureOf(tossRequest("GET", "/v1/payments/tgen_5", payment));
    expect(failure).toMatchObject({ kind: "unknown", code: "NETWORK_ERROR", status: 0 });
  });

  it("nothing listening: NETWORK_ERROR", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    vi.stubEnv("TOSS_API_BASE_URL", `http://127.0.0.1:${port}`);
    vi.resetModules();
    try {
      const { tossRequest } = await import("@/lib/toss/client");
      const failure = await failureOf(tossRequest("GET", "/v1/payments/tgen_6", payment));
      expect(failure).toMatchObject({ kind: "unknown", code: "NETWORK_ERROR", status: 0 });
    } finally {
      vi.stubEnv("TOSS_API_BASE_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      vi.resetModules();
    }
  });

  it("a compressed answer, though an uncompressed one was asked for: still read", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    answer = { status: 200, body: JSON.stringify({ paymentKey: "tgen_7", status: "DONE" }) };
    misbehave = "gzip";
    expect((await tossRequest("GET", "/v1/payments/tgen_7", payment)).data).toEqual({ paymentKey: "tgen_7", status: "DONE" });
    answer = { status: 404, body: JSON.stringify({ code: "NOT_FOUND_PAYMENT", message: "존재하지 않는 결제 정보 입니다." }) };
    misbehave = "gzip";
    expect(await failureOf(tossRequest("GET", "/v1/payments/tgen_7", payment))).toMatchObject({ kind: "final", code: "NOT_FOUND_PAYMENT", status: 404 });
  });

  it("an answer larger than any of Toss's is not read: INVALID_RESPONSE (2xx) or HTTP_<status>", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    answer = { status: 200, body: "{}" };
    misbehave = "huge";
    expect(await failureOf(tossRequest("GET", "/v1/payments/tgen_8", payment))).toMatchObject({ kind: "unknown", code: "INVALID_RESPONSE", status: 200 });
    answer = { status: 400, body: "{}" };
    misbehave = "huge";
    expect(await failureOf(tossRequest("GET", "/v1/payments/tgen_8", payment))).toMatchObject({ kind: "final", code: "HTTP_400", status: 400 });
    // and the client is fine afterwards
    misbehave = "none";
    answer = { status: 200, body: JSON.stringify({ paymentKey: "tgen_8", status: "DONE" }) };
    expect((await tossRequest("GET", "/v1/payments/tgen_8", payment)).data.status).toBe("DONE");
  });

  it("a 2xx that is not JSON: INVALID_RESPONSE, unknown (Toss may have acted)", async () => {
    const { tossRequest } = await import("@/lib/toss/client");
    answer = { status: 200, body: "<html>gateway</html>" };
    expect(await failureOf(tossRequest("GET", "/v1/payments/tgen_9", payment))).toMatchObject({ kind: "unknown", code: "INVALID_RESPONSE", status: 200 });
    answer = { status: 502, body: "<html>bad gateway</html>" };
    expect(await failureOf(tossRequest("GET", "/v1/payments/tgen_9", payment))).toMatchObject({ kind: "unknown", code: "HTTP_502", status: 502 });
  });
});

describe("a call to this deployment refused by Vercel's Deployment Protection", () => {
  it("is logged with the fix when the answer is not Toss's but the deployment's own 401", async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The sandbox's API lives on this deployment: the app URL is the API's host.
    vi.stubEnv("NEXT_PUBLIC_APP_URL", base);
    vi.stubEnv("TOSS_API_BASE_URL", `${base}/sandbox/toss`);
    vi.resetModules();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { tossRequest } = await import("@/lib/toss/client");
      answer = { status: 401, body: "<!doctype html><title>Authentication Required</title>" };
      const failure = await failureOf(tossRequest("GET", "/v1/payments/tgen_1", payment));
      expect(failure).toMatchObject({ code: "HTTP_401", status: 401 });
      const logged = errors.mock.calls.map(([line]) => String(line)).find((line) => line.includes("vercel.deployment_protection"));
      expect(logged).toContain("Protection Bypass for Automation");

      // Toss's own 401 (its JSON error) is not taken for the deployment's.
      errors.mockClear();
      answer = { status: 401, body: JSON.stringify({ code: "UNAUTHORIZED_KEY", message: "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다." }) };
      expect(await failureOf(tossRequest("GET", "/v1/payments/tgen_1", payment))).toMatchObject({ code: "UNAUTHORIZED_KEY" });
      expect(errors.mock.calls.some(([line]) => String(line).includes("vercel.deployment_protection"))).toBe(false);
    } finally {
      errors.mockRestore();
      vi.stubEnv("NEXT_PUBLIC_APP_URL", undefined as unknown as string);
      vi.stubEnv("TOSS_API_BASE_URL", base);
      vi.resetModules();
    }
  });
});
