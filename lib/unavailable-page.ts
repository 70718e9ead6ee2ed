// The page a buyer sees while the database cannot be reached: 503, Retry-After, Korean, no script,
// no asset that needs the app (inline styles only, which the CSP allows). Reloading tries again.
import { DATABASE_RETRY_AFTER_S } from "@/lib/db-unavailable";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function unavailablePage(path: string): Response {
  const again = escapeHtml(path.startsWith("/") && !path.startsWith("//") ? path : "/");
  const html = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>잠시 후 다시 시도해 주세요 · 크레딧 샵</title>
<style>body{margin:0;font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;color:#191f28;background:#f9fafb}
main{max-width:28rem;margin:18vh auto 0;padding:0 1.25rem}h1{font-size:1.375rem;margin:0 0 .75rem}p{color:#4e5968;line-height:1.6;margin:0 0 1.5rem}
a{display:inline-block;background:#1b64da;color:#fff;text-decoration:none;font-weight:600;padding:.75rem 1.25rem;border-radius:.75rem}a:focus-visible{outline:3px solid #191f28;outline-offset:2px}</style>
</head><body><main>
<h1>잠시 후 다시 시도해 주세요</h1>
<p>지금은 서비스에 연결할 수 없어요. 결제와 크레딧은 안전하게 보관되어 있어요. ${DATABASE_RETRY_AFTER_S}초쯤 뒤에 다시 시도해 주세요.</p>
<a href="${again}">다시 시도</a>
</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(DATABASE_RETRY_AFTER_S), "Cache-Control": "no-store" },
  });
}
