// Toss's Basic auth (TOSS.md "Core API"): `Authorization: Basic base64(secretKey + ":")`.
// No header or an unknown key → 401 UNAUTHORIZED_KEY; a value without the colon → 403
// INCORRECT_BASIC_AUTH_FORMAT. Pure, so the parsing is unit-tested as a table.

export type BasicAuth =
  | { ok: true; secretKey: string }
  | { ok: false; code: "UNAUTHORIZED_KEY" | "INCORRECT_BASIC_AUTH_FORMAT" };

export function parseBasicAuth(header: string | null): BasicAuth {
  const match = header ? /^Basic\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { ok: false, code: "UNAUTHORIZED_KEY" };
  const encoded = match[1]!;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return { ok: false, code: "UNAUTHORIZED_KEY" };
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return { ok: false, code: "INCORRECT_BASIC_AUTH_FORMAT" };
  const secretKey = decoded.slice(0, colon);
  if (!secretKey) return { ok: false, code: "UNAUTHORIZED_KEY" };
  return { ok: true, secretKey };
}
