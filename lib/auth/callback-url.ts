// Open-redirect protection for every "return to" URL that arrives in a query string (?callbackUrl=).
// Pure and without server-only so that unit tests and client code can use it too.

const ORIGIN_PROBE = "http://callback.invalid";

/**
 * `value` if it is a same-origin relative path ("/checkout?product=PRO_PACK"), otherwise "/".
 * Refused: absolute URLs ("https://evil.com"), protocol-relative ("//evil.com"), backslash tricks
 * ("/\\evil.com", which browsers read as "//evil.com"), and control characters (browsers drop tabs and
 * newlines, so "/\t/evil.com" would become "//evil.com").
 */
export function safeCallbackUrl(value: unknown): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 2048) return "/";
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return "/";
  try {
    const url = new URL(candidate, ORIGIN_PROBE);
    if (url.origin !== ORIGIN_PROBE) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
