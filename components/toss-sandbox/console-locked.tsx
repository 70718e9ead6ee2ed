import Link from "next/link";

interface ConsoleLockedProps {
  /** the console token is configured on this deployment */
  tokenConfigured: boolean;
  /** tester e-mails are configured on this deployment */
  testersConfigured: boolean;
  error?: string;
  /** the console address to come back to once open */
  returnTo: string;
}

/** What the console shows without access: how to open it, and a field for the console token. */
export function ConsoleLocked({ tokenConfigured, testersConfigured, error, returnTo }: ConsoleLockedProps) {
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">샌드박스 콘솔이 잠겨 있어요</h1>
        <p className="text-sm text-ink-soft">
          이 콘솔은 테스트 결제 내역을 보여 주고 서버 동작(웹훅 주소, 승인 실패)을 바꿀 수 있어서, 로컬 개발 서버가 아닌 곳에서는
          허용된 사람만 쓸 수 있어요.
        </p>
      </header>
      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>
          {testersConfigured ? (
            <>
              테스터로 등록된 이메일(<code>SANDBOX_TESTER_EMAILS</code>)로{" "}
              <Link href={`/login?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-semibold text-brand-700 underline">
                로그인
              </Link>
              하면 열려요.
            </>
          ) : (
            <>
              배포 환경 변수 <code>SANDBOX_TESTER_EMAILS</code>에 테스터 이메일을 넣으면, 그 계정으로 로그인해서 쓸 수 있어요.
            </>
          )}
        </li>
        <li>
          {tokenConfigured ? (
            <>아래에 콘솔 토큰(<code>SANDBOX_CONSOLE_TOKEN</code>)을 한 번 입력하면 이 브라우저에서 7일 동안 열려요.</>
          ) : (
            <>
              배포 환경 변수 <code>SANDBOX_CONSOLE_TOKEN</code>(24자 이상)을 정하면, 그 토큰으로 열 수 있어요. <code>npm run toss</code>도
              같은 토큰을 써요.
            </>
          )}
        </li>
      </ul>
      {tokenConfigured ? (
        <form method="post" action="/sandbox/toss/console/unlock" className="space-y-3">
          <input type="hidden" name="returnTo" value={returnTo} />
          <label className="block space-y-1">
            <span className="block text-sm font-semibold">콘솔 토큰</span>
            <input
              name="token"
              type="password"
              autoComplete="off"
              required
              className="block min-h-11 w-full rounded-xl border border-gray-300 bg-white px-3 text-sm"
            />
          </label>
          <button type="submit" className="min-h-11 rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
            콘솔 열기
          </button>
        </form>
      ) : null}
    </div>
  );
}
