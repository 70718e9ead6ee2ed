"use client";

import { useLinkStatus } from "next/link";
import type { ReactNode } from "react";
import { Spinner } from "./spinner";

/**
 * Put inside a <Link>: while the next page is on its way (the checkout creates the order on the server
 * first), the link shows a spinner at once instead of seeming to do nothing.
 */
export function LinkPending({ children }: { children: ReactNode }) {
  const { pending } = useLinkStatus();
  return (
    <>
      {pending ? <Spinner className="size-5" /> : null}
      {children}
    </>
  );
}
