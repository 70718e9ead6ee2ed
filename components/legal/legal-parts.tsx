// The small pieces the legal documents are written with: numbered clauses, labelled facts (stacked, so
// that they read on a phone without a table scrolling sideways), links that leave the site. Server
// components, no client JavaScript.
import Link from "next/link";
import type { ReactNode } from "react";

/** One article or section of a document; LegalDocument renders the table of contents from these. */
export interface LegalSection {
  /** the fragment the table of contents links to */
  id: string;
  title: string;
  body: ReactNode;
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <p className="leading-relaxed">{children}</p>;
}

/** ①, ②, … as an ordered list: the clauses of an article. */
export function Clauses({ children }: { children: ReactNode }) {
  return <ol className="list-decimal space-y-2 pl-6 leading-relaxed marker:font-semibold marker:text-ink-soft">{children}</ol>;
}

export function Bullets({ children }: { children: ReactNode }) {
  return <ul className="list-disc space-y-1.5 pl-6 leading-relaxed marker:text-ink-soft">{children}</ul>;
}

export interface Fact {
  label: string;
  value: ReactNode;
}

/** A titled group of label/value facts: one processor, one retention rule, one kind of data collected. */
export function FactGroup({ title, facts }: { title: ReactNode; facts: Fact[] }) {
  return (
    <div className="rounded-xl bg-gray-50 p-4 ring-1 ring-gray-200">
      <p className="font-semibold text-ink">{title}</p>
      <dl className="mt-2 space-y-2 text-sm">
        {facts.map((fact) => (
          <div key={fact.label} className="grid gap-0.5 sm:grid-cols-[9rem_1fr] sm:gap-3">
            <dt className="text-ink-soft">{fact.label}</dt>
            <dd className="min-w-0 break-words text-ink">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function FactGroups({ children }: { children: ReactNode }) {
  return <div className="space-y-3">{children}</div>;
}

/** A link to another site: a new tab, said aloud to screen readers. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break-all font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600">
      {children}
      <span className="sr-only"> (새 창)</span>
    </a>
  );
}

/** A link within the site, styled like the rest of the documents' links. */
export function DocLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600">
      {children}
    </Link>
  );
}
