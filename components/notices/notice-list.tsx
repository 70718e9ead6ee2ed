// The buyer's notices on the account page (issue #23): a coming plan charge with its one-click cancel, a
// declined card. The same words as the e-mail (lib/notices/render.ts); each stays until dismissed.
import Link from "next/link";
import { NoticeDismissButton } from "@/components/notices/notice-dismiss-button";
import { formatDateTime } from "@/lib/format";
import type { NoticeRecord } from "@/lib/notices/kinds";
import { renderNotice } from "@/lib/notices/render";

export function NoticeList({ notices }: { notices: NoticeRecord[] }) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title" className="space-y-3">
      <h2 id="notices-title" className="font-bold">
        알림
      </h2>
      <ul className="space-y-3">
        {notices.map((notice) => {
          const { title, lines, action } = renderNotice(notice);
          const urgent = notice.kind !== "PLAN_UPCOMING";
          return (
            <li
              key={notice.id}
              data-testid="notice"
              data-kind={notice.kind}
              className={`space-y-2 rounded-2xl p-4 text-sm ring-1 ${urgent ? "bg-red-50 ring-red-200" : "bg-brand-50 ring-brand-100"}`}
            >
              <div className="flex items-start justify-between gap-3">
                <h3 className="font-semibold">{title}</h3>
                <time className="shrink-0 text-xs text-ink-soft" dateTime={notice.createdAt.toISOString()}>
                  {formatDateTime(notice.createdAt.toISOString())}
                </time>
              </div>
              {lines.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <div className="flex flex-wrap items-center gap-3">
                {action ? (
                  <Link href={action.path} className="font-semibold text-brand-700 underline underline-offset-4">
                    {action.label}
                  </Link>
                ) : null}
                <NoticeDismissButton id={notice.id} title={title} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
