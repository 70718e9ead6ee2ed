// Leaves a form post (the payment window's buttons, the console's actions) for another page.
// Same origin: a 303 with a relative Location (the server's own idea of its host can differ from the
// browser's, e.g. localhost vs 127.0.0.1 or a Vercel deployment URL vs its branch alias).
// Another origin (a shop's successUrl elsewhere): an HTML page that moves on by itself, because a CSP
// `form-action 'self'` blocks a form's redirect to another origin, while Toss's window goes anywhere.
import "server-only";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function redirectAfterForm(request: Request, target: string): Response {
  const origin = request.headers.get("origin");
  // Not a browser form (no Origin): a plain redirect, as given.
  if (!origin || origin === "null") return new Response(null, { status: 303, headers: { Location: target, "Cache-Control": "no-store" } });
  const url = new URL(target, origin);
  if (target.startsWith("/") || url.origin === origin) {
    const location = target.startsWith("/") ? target : `${url.pathname}${url.search}${url.hash}`;
    return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  }
  const href = escapeHtml(url.toString());
  const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>상점으로 이동 중</title></head><body><p><a href="${href}">상점으로 이동</a></p></body></html>`;
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
