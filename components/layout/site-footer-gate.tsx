"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { showsSiteFooter } from "./footer-visibility";

/**
 * Renders the (server-rendered) footer except on the pages that stand in for Toss's. The root layout
 * cannot see the path on the server; usePathname is known while the page renders on the server too, so
 * those pages' HTML has no footer at all, and a client-side navigation updates it.
 */
export function SiteFooterGate({ children }: { children: ReactNode }) {
  return showsSiteFooter(usePathname()) ? children : null;
}
