"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const linkClass = "inline-flex min-h-10 items-center rounded-lg px-3 font-medium";

/** 로그인 / 회원가입 for a signed-out visitor; both bring the visitor back to the page they are on. */
export function AuthLinks() {
  const pathname = usePathname();
  const onAuthPage = pathname === "/login" || pathname === "/signup";
  const query = !onAuthPage && pathname && pathname !== "/" ? `?callbackUrl=${encodeURIComponent(pathname)}` : "";
  return (
    <>
      <li>
        <Link href={`/login${query}`} className={`${linkClass} text-ink-soft hover:bg-gray-100 hover:text-ink`}>
          로그인
        </Link>
      </li>
      <li>
        <Link href={`/signup${query}`} className={`${linkClass} bg-brand-600 text-white hover:bg-brand-700`}>
          회원가입
        </Link>
      </li>
    </>
  );
}
