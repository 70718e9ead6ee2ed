import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Defence in depth for the admin POST routes, beyond the session cookie's SameSite=Lax: a body that is
 * not declared JSON (a cross-site <form enctype="text/plain"> can forge a JSON-looking body without a
 * preflight) is refused with 415, and a request the browser says comes from another site with 403.
 * Call it after the operator check, so that everyone else still gets the 404.
 */
export function guardAdminPost(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError({ code: "CROSS_SITE_REQUEST", status: 403, userMessage: "다른 사이트에서 보낸 요청은 처리할 수 없어요." });
  }
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415, userMessage: "JSON 형식으로 보내 주세요." });
  }
}
