// Where the sandbox may send webhooks once the app is not on localhost (a Vercel preview): public
// addresses only, checked when a URL is saved and again on the addresses a connection really uses.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { checkWebhookUrl, guardedLookup, isPublicAddress, WebhookTargetRefused } from "@/lib/toss-sandbox/webhooks/target";

const PREVIEW = "https://shop-git-feature-team.vercel.app";

describe("isPublicAddress", () => {
  it.each([
    ["169.254.169.254", false],
    ["10.0.0.1", false],
    ["172.16.5.4", false],
    ["192.168.1.10", false],
    ["127.0.0.1", false],
    ["100.100.100.200", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fd00:ec2::254", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:a9fe:a9fe", false], // 169.254.169.254, written in hex
    ["64:ff9b::10.0.0.1", false],
    ["8.8.8.8", true],
    ["211.249.220.24", true],
    ["2606:4700:4700::1111", true],
    ["::ffff:8.8.8.8", true],
    ["not-an-address", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("checkWebhookUrl on a preview", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data/", "WEBHOOK_URL_NOT_ALLOWED"],
    ["http://10.0.0.1/hook", "WEBHOOK_URL_NOT_ALLOWED"],
    ["http://[::1]:3000/api/webhooks/toss", "WEBHOOK_URL_NOT_ALLOWED"],
    ["http://localhost:3000/api/webhooks/toss", "WEBHOOK_URL_NOT_ALLOWED"], // a name that resolves to 127.0.0.1
    ["ftp://8.8.8.8/hook", "INVALID_WEBHOOK_URL"],
    ["https://user:pw@8.8.8.8/hook", "INVALID_WEBHOOK_URL"],
    ["not a url", "INVALID_WEBHOOK_URL"],
  ])("refuses %s (%s) with a Korean message", async (url, code) => {
    const result = await checkWebhookUrl(url, PREVIEW);
    expect(result).toMatchObject({ ok: false, code, message: expect.stringMatching(/[가-힣]/) });
  });

  it("allows a public address and the app's own webhook route", async () => {
    expect(await checkWebhookUrl("https://8.8.8.8/hooks/toss", PREVIEW)).toEqual({ ok: true });
    expect(await checkWebhookUrl(`${PREVIEW}/api/webhooks/toss`, PREVIEW)).toEqual({ ok: true });
  });

  it("allows anything on a developer's machine, where the receiver runs on localhost", async () => {
    expect(await checkWebhookUrl("http://127.0.0.1:4000/hook", "http://localhost:3000")).toEqual({ ok: true });
  });
});

describe("guardedLookup at send time", () => {
  it("refuses a host name that resolves to loopback now, though a check may have passed before (DNS rebinding)", async () => {
    let received = 0;
    const receiver = http.createServer((_, res) => {
      received++;
      res.end("ok");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      const url = new URL(`http://localhost:${port}/hook`);
      const lookup = guardedLookup(url, PREVIEW);
      expect(lookup).toBeDefined();
      const error = await new Promise<Error>((resolve) => {
        const request = http.request(url, { method: "POST", lookup }, () => resolve(new Error("connected")));
        request.on("error", resolve);
        request.end("{}");
      });
      expect(error).toBeInstanceOf(WebhookTargetRefused);
      expect(error.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
      expect(received).toBe(0);
      // The same request from a developer's machine goes through.
      expect(guardedLookup(url, "http://localhost:3000")).toBeUndefined();
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
