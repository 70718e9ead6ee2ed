import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { sandboxEnabled } from "@/lib/toss-sandbox/mode";

// Every sandbox page answers 404 in live mode (route handlers check the same through sandboxRoute).
export default function TossSandboxLayout({ children }: { children: ReactNode }) {
  if (!sandboxEnabled()) notFound();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
        <p>
          <strong>토스페이먼츠 샌드박스</strong> · 실제 결제가 일어나지 않아요.
        </p>
        <nav aria-label="샌드박스 메뉴">
          <ul className="flex gap-1">
            <li>
              <Link href="/sandbox/toss" className="inline-flex min-h-10 items-center rounded-lg px-3 font-medium hover:bg-amber-100">
                콘솔
              </Link>
            </li>
            <li>
              <Link href="/sandbox/toss/demo" className="inline-flex min-h-10 items-center rounded-lg px-3 font-medium hover:bg-amber-100">
                데모 결제
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      {children}
    </div>
  );
}
