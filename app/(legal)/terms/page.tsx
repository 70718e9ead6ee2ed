import type { Metadata } from "next";
import { LegalDocument } from "@/components/legal/legal-document";
import { termsSections } from "@/components/legal/terms-sections";
import { legalContext } from "@/lib/legal/context";
import { TERMS_VERSIONS } from "@/lib/legal/documents";

export const metadata: Metadata = { title: "이용약관" };

export default function TermsPage() {
  const ctx = legalContext();
  return (
    <LegalDocument
      title="이용약관"
      versions={TERMS_VERSIONS}
      business={ctx.business}
      intro={<p>크레딧 샵에서 크레딧 팩을 사고 크레딧을 쓰는 데 적용되는 약관이에요. 청약철회와 환불의 자세한 기준은 환불정책에 있어요.</p>}
      sections={termsSections(ctx)}
    />
  );
}
