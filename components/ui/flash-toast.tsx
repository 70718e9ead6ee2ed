"use client";

import { useEffect } from "react";
import { Toast } from "./toast";

/**
 * A toast for a one-time flag in the address (/pricing?canceled=1, /orders/…?refunded=1). The flag is
 * taken out of the address at once, so a refresh or a shared link does not show it again.
 */
export function FlashToast({ param, message }: { param: string; message: string | null }) {
  useEffect(() => {
    if (!message) return;
    const url = new URL(window.location.href);
    url.searchParams.delete(param);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, [param, message]);
  return <Toast message={message} />;
}
