// The frame every legal page shares: whose document it is (marked 예시 for the example business), its
// title, version and effective date, the note that it is a template for the business's lawyer, a table
// of contents, the sections, and the list of versions, so that a change of version is visible.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { BusinessProfile } from "@/lib/business/profile";
import type { DocumentVersion } from "@/lib/legal/documents";
import { koreanDate, versionHistory } from "@/lib/legal/versions";
import { ExampleBadge } from "./example-badge";
import type { LegalSection } from "./legal-parts";

interface LegalDocumentProps {
  title: string;
  versions: readonly DocumentVersion[];
  business: BusinessProfile;
  /** a sentence or two before the table of contents */
  intro: ReactNode;
  sections: LegalSection[];
}

export function LegalDocument({ title, versions, business, intro, sections }: LegalDocumentProps) {
  const { current, earlier } = versionHistory(versions);
  return (
    <article aria-labelledby="legal-title" className="space-y-6">
      <header className="space-y-3">
        <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink-soft">
          <span data-testid="legal-business-name">{business.name}</span>
          {business.isExample ? <ExampleBadge /> : null}
        </p>
        <h1 id="legal-title" className="text-2xl font-bold sm:text-3xl">
          {title}
        </h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-ink-soft">버전</dt>
            <dd className="font-semibold tabular-nums" data-testid="legal-version">
              {current.version}
            </dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-ink-soft">시행일</dt>
            <dd className="font-semibold" data-testid="legal-effective-date">
              {koreanDate(current.effectiveFrom)}
            </dd>
          </div>
        </dl>
      </header>

      <div role="note" aria-label="템플릿 안내" className="space-y-1 rounded-xl bg-amber-50 px-4 py-3 text-sm leading-relaxed text-amber-950 ring-1 ring-amber-200">
        <p>
          <strong>검토가 필요한 템플릿입니다.</strong> 이 문서는 서비스의 실제 동작과 사업자 정보를 바탕으로 자동으로 작성한 초안이에요.
          사업자는 게시하기 전에 반드시 변호사 등 법률 전문가의 검토를 받아야 합니다.
        </p>
        {business.isExample ? (
          <p>
            이 문서의 사업자 정보(<strong>{business.name}</strong>)는 실제 사업자 정보가 설정되기 전까지 보여 주는 가상의{" "}
            <strong>예시</strong>예요.
          </p>
        ) : null}
      </div>

      <div className="space-y-3 leading-relaxed">{intro}</div>

      <nav aria-labelledby="legal-toc-title" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <h2 id="legal-toc-title" className="text-base font-bold">
          목차
        </h2>
        <ol className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="inline-flex min-h-8 items-center text-brand-700 underline-offset-2 hover:underline">
                {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="divide-y divide-gray-100 rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">
        {sections.map((section) => (
          <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`} className="scroll-mt-4 space-y-3 p-5 sm:p-6">
            <h2 id={`${section.id}-title`} className="text-lg font-bold">
              {section.title}
            </h2>
            {section.body}
          </section>
        ))}
      </div>

      <section aria-labelledby="legal-history-title" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
        <h2 id="legal-history-title" className="text-lg font-bold">
          개정 이력
        </h2>
        <ol className="space-y-2 text-sm" data-testid="legal-versions">
          {[current, ...earlier].map((version) => (
            <li key={version.version} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-semibold tabular-nums">{version.version}</span>
              <span className="text-ink-soft">{koreanDate(version.effectiveFrom)} 시행</span>
              <span>{version.summary}</span>
              {version === current ? <Badge tone="blue">현행</Badge> : <Badge>이전 버전</Badge>}
            </li>
          ))}
        </ol>
        <p className="text-sm text-ink-soft">
          {earlier.length
            ? "이전 버전의 전문이 필요하시면 고객센터로 요청해 주세요."
            : "이 문서는 처음 제정된 버전이며, 이전 버전은 없습니다."}
        </p>
      </section>
    </article>
  );
}
