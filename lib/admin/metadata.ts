import "server-only";
import type { Metadata } from "next";
import { getOperator } from "./operator";

/**
 * generateMetadata for an /admin page: titled for operators, nothing for anyone else — a static title
 * would appear in the 404 page and tell that the console exists.
 */
export function adminMetadata(title: string): () => Promise<Metadata> {
  return async () => ((await getOperator()) ? { title: `${title} · 운영자 콘솔`, robots: { index: false, follow: false } } : {});
}
