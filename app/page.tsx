import Link from "next/link";

export default function HomePage() {
  return (
    <section className="space-y-6 py-8">
      <h1 className="text-2xl font-bold leading-snug sm:text-3xl">
        크레딧으로 더 높은 품질의
        <br />
        작업을 시작하세요
      </h1>
      <p className="text-ink-soft">
        크레딧 팩을 구매하면 프리미엄 생성 기능을 사용할 수 있어요. 결제는 토스페이먼츠로 안전하게 처리됩니다.
      </p>
      <Link
        href="/pricing"
        className="inline-flex min-h-12 items-center rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700"
      >
        요금제 보기
      </Link>
    </section>
  );
}
