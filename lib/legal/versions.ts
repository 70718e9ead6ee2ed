// How a document's versions are shown: the current one with its effective date, then the earlier ones
// (newest first), so that a change of version is visible on the page itself. Pure.
import type { DocumentVersion } from "./documents";

/** "2026-12-04" → "2026년 12월 4일" (a calendar day as written in the versions list, not an instant). */
export function koreanDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`koreanDate: expected YYYY-MM-DD, got ${JSON.stringify(day)}`);
  return `${Number(match[1])}년 ${Number(match[2])}월 ${Number(match[3])}일`;
}

export interface VersionHistory {
  current: DocumentVersion;
  /** every version before the current one, newest first; empty for a document never revised */
  earlier: DocumentVersion[];
}

/**
 * The current version and the earlier ones, in documents.ts's order (newest first, the first being the
 * CURRENT_* the consent records). Refuses an empty list and a list out of order, which would show an
 * older text as the current one.
 */
export function versionHistory(versions: readonly DocumentVersion[]): VersionHistory {
  const [current, ...earlier] = versions;
  if (!current) throw new Error("versionHistory: a document needs at least one version");
  versions.forEach((version, i) => {
    const newer = versions[i - 1];
    if (newer && newer.effectiveFrom <= version.effectiveFrom) {
      throw new Error(`versionHistory: ${version.version} is listed after ${newer.version} but does not take effect before it`);
    }
  });
  return { current, earlier };
}
