// Where the sandbox may send webhooks. A preview's URL is often public, and a merchant's webhook URL is a
// tester's input: off localhost the sandbox sends only to public addresses (never the cloud metadata
// service, a private network or loopback), checked when the URL is saved and again at connect time,
// on the very addresses the connection uses (DNS rebinding), and it follows no redirects. The app's
// own webhook route is always allowed; on a developer's machine (the app on localhost) so is anything.
import "server-only";
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import net from "node:net";
import { env } from "@/lib/env";

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT (and Alibaba's metadata address)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local: 169.254.169.254 is AWS, GCP and Azure's metadata service
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(prefix, bits, "ipv4");
}
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local (AWS's IPv6 metadata address fd00:ec2::254 too)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(prefix, bits, "ipv6");
}

/** True for an address on the public internet; false for private, loopback, link-local, metadata… */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, "ipv4");
  if (family !== 6) return false;
  const lower = address.toLowerCase();
  // IPv4 inside IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d, the deprecated ::a.b.c.d): judge the IPv4 address.
  const embedded = lower.match(/^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (embedded) return isPublicAddress(embedded);
  const mappedHex = lower.match(/^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (mappedHex) {
    const [high, low] = [parseInt(mappedHex[1]!, 16), parseInt(mappedHex[2]!, 16)];
    return isPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return !blocked.check(address, "ipv6");
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** On a developer's machine every address is fair: their receiver runs on localhost. */
export function appIsLocal(appUrl = env.appUrl): boolean {
  return LOCAL_HOSTS.has(new URL(appUrl).hostname);
}

export function isOwnWebhookRoute(url: URL, appUrl = env.appUrl): boolean {
  return url.origin === new URL(appUrl).origin && url.pathname === "/api/webhooks/toss";
}

export type TargetCheck = { ok: true } | { ok: false; code: "INVALID_WEBHOOK_URL" | "WEBHOOK_URL_NOT_ALLOWED"; message: string };

const NOT_ALLOWED = (detail: string): TargetCheck => ({
  ok: false,
  code: "WEBHOOK_URL_NOT_ALLOWED",
  message: `${detail} 사설망·루프백·링크 로컬·클라우드 메타데이터 주소로는 웹훅을 보낼 수 없어요. 공개된 https 주소를 입력해주세요.`,
});

/** Whether a webhook URL may be saved for a merchant (resolves its host name). */
export async function checkWebhookUrl(raw: string, appUrl = env.appUrl): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: "INVALID_WEBHOOK_URL", message: "웹훅 URL 형식이 올바르지 않아요. 예: https://example.com/api/webhooks/toss" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, code: "INVALID_WEBHOOK_URL", message: "웹훅 URL은 http:// 또는 https:// 로 시작해야 해요." };
  }
  if (url.username || url.password) {
    return { ok: false, code: "INVALID_WEBHOOK_URL", message: "웹훅 URL에 사용자 이름이나 비밀번호를 넣을 수 없어요." };
  }
  if (appIsLocal(appUrl) || isOwnWebhookRoute(url, appUrl)) return { ok: true };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return { ok: false, code: "INVALID_WEBHOOK_URL", message: `호스트 ${host}을(를) 찾을 수 없어요. 주소를 확인해주세요.` };
  }
  const refused = addresses.find((address) => !isPublicAddress(address));
  return refused ? NOT_ALLOWED(`${host}은(는) ${refused}(으)로 연결돼요.`) : { ok: true };
}

export class WebhookTargetRefused extends Error {
  readonly code = "WEBHOOK_TARGET_REFUSED";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves as usual and refuses non-public addresses, so the address
 * checked is the address connected to. Null when no check applies (local app, the app's own route).
 */
export function guardedLookup(url: URL, appUrl = env.appUrl) {
  if (appIsLocal(appUrl) || isOwnWebhookRoute(url, appUrl)) return undefined;
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused) {
        return callback(new WebhookTargetRefused(`refused: ${hostname} resolves to ${refused.address}, not a public address`), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
