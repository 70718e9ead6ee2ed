import Link from "next/link";
import { AuthLinks } from "@/components/auth/auth-links";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";
import { getBalance } from "@/lib/credits/get-credits";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const balance = user ? await getBalance(user.id) : null;
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-ink">
          크레딧 샵
        </Link>
        <nav aria-label="주요 메뉴" className="min-w-0">
          <ul className="flex flex-wrap items-center justify-end gap-1 text-sm">
            <li>
              <Link
                href="/pricing"
                className="inline-flex min-h-10 items-center rounded-lg px-3 font-medium text-ink-soft hover:bg-gray-100 hover:text-ink"
              >
                요금제
              </Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link
                    href="/orders"
                    className="inline-flex min-h-10 items-center rounded-lg px-3 font-medium text-ink-soft hover:bg-gray-100 hover:text-ink"
                  >
                    주문 내역
                  </Link>
                </li>
                <li>
                  <Link
                    href="/account"
                    data-testid="header-balance"
                    className={`inline-flex min-h-10 items-center gap-1 rounded-full px-3 font-semibold ${
                      balance !== null && balance < 0 ? "bg-red-50 text-red-700" : "bg-brand-50 text-brand-700"
                    } hover:bg-brand-100`}
                  >
                    {/* The visible words start the link's name (WCAG 2.5.3, label in name); the rest is for screen readers. */}
                    <span>보유 크레딧</span> <span>{balance}</span>
                    <span className="sr-only">개, 내 계정으로 이동</span>
                  </Link>
                </li>
                <li className="min-w-0">
                  <span
                    className="block max-w-[11rem] truncate px-3 text-ink sm:max-w-[16rem]"
                    title={user.email ?? undefined}
                  >
                    {user.email ?? user.name ?? "내 계정"}
                  </span>
                </li>
                <li>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <AuthLinks />
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
