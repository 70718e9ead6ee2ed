import Link from "next/link";
import type { ReactNode } from "react";
import { requireOperator } from "@/lib/admin/operator";


const linkClass =
  "inline-flex min-h-10 items-center rounded-lg px-3 text-sm font-semibold text-ink-soft hover:bg-gray-100 hover:text-ink";

/** Operators only: everyone else gets the same 404 as a page that does not exist. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperator();
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-2xl bg-gray-900 px-4 py-2 text-white">
        <p className="text-sm font-semibold">운영자 콘솔</p>
        <p className="truncate text-xs text-gray-200">{operator.email}</p>
      </div>
      <nav aria-label="운영자 메뉴">
        <ul className="flex flex-wrap gap-1">
          <li>
            <Link href="/admin" className={linkClass}>
              대시보드
            </Link>
          </li>
          <li>
            <Link href="/admin/orders" className={linkClass}>
              주문 검색
            </Link>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}
