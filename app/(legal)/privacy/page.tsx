import type { Metadata } from "next";
import { LegalDocument } from "@/components/legal/legal-document";
import { privacySections } from "@/components/legal/privacy-sections";
import { legalContext } from "@/lib/legal/context";
import { PRIVACY_VERSIONS } from "@/lib/legal/documents";

export const metadata: Metadata = { title: "개인정보처리방침" };

export default function PrivacyPage() {
  const ctx = legalContext();
  return (
    <LegalDocument
      title="개인정보처리방침"
      versions={PRIVACY_VERSIONS}
      business={ctx.business}
      intro={
        <p>
          {ctx.business.name}(이하 &ldquo;회사&rdquo;)는 「개인정보 보호법」에 따라 회원의 개인정보를 보호하고 관련 고충을 신속하게 처리하기
          위해 다음과 같이 개인정보처리방침을 정합니다.
        </p>
      }
      sections={privacySections(ctx)}
    />
  );
}
