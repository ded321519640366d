import type { RepoSnapshot } from '../../collectors/contract/snapshot.ts';
import { safeWebHref } from './links.ts';

/** Whether a file the standards care about is there; `unknown` when its fact could not be collected. */
export type FilePresence = 'present' | 'absent' | 'unknown';

/** The key facts of a repository, as its entities' pages show them. */
export interface RepositoryView {
  name: string;
  /** The repository's web UI, when it is an http(s) URL. */
  href?: string;
  /** Head commit: short hash and the day it was made (as recorded, no time zone conversion). */
  commit?: { hash: string; date: string };
  branch?: string;
  /** Why the data may be behind the repository (its fetch failed this run). */
  stale?: string;
  /** Languages by share of bytes, largest first. */
  languages: Array<{ name: string; share: string }>;
  files: Array<{ label: string; presence: FilePresence; detail?: string }>;
}

/** Shapes a repository's facts into the few a reader of an entity page looks for. */
export function repositoryView(repo: RepoSnapshot): RepositoryView {
  const { head, languages, readme, license, codeowners, ci, dockerfiles } = repo.facts;
  const href = safeWebHref(repo.webUrl);
  return {
    name: repo.name,
    ...(href ? { href } : {}),
    ...(head ? { commit: { hash: head.commit.slice(0, 7), date: head.date.slice(0, 10) } } : {}),
    ...(head?.branch ? { branch: head.branch } : {}),
    ...(repo.stale ? { stale: repo.stale } : {}),
    languages: (languages ?? []).map((language) => ({ name: language.name, share: formatShare(language.share, language.bytes) })),
    files: [
      presence('README', readme, (found) => found.path),
      presence('LICENSE', license && (license.files.length > 0 ? license : null), (found) => found.expression ?? found.files[0]!.path),
      presence('CODEOWNERS', codeowners, (found) => found.path),
      presence('CI', ci && (ci.length > 0 ? ci : null), (found) => found.map((entry) => entry.system).join(', ')),
      presence('Dockerfile', dockerfiles && (dockerfiles.length > 0 ? dockerfiles : null), (found) =>
        found.map((entry) => entry.path).join(', '),
      ),
    ],
  };
}

/**
 * A 0–1 share as a whole percentage; a language with bytes whose share rounds to nothing is `<1%`
 * (the fact keeps three decimals, so a 165-byte script beside 2 MB of Python has a share of 0).
 */
export function formatShare(share: number, bytes: number): string {
  const percent = Math.round(share * 100);
  return percent === 0 && bytes > 0 ? '<1%' : `${percent}%`;
}

/** `undefined` fact: its retriever failed; `null`: it looked and found nothing. */
function presence<T>(label: string, fact: T | null | undefined, detail: (found: T) => string): RepositoryView['files'][number] {
  if (fact === undefined) return { label, presence: 'unknown' };
  if (fact === null) return { label, presence: 'absent' };
  return { label, presence: 'present', detail: detail(fact) };
}
