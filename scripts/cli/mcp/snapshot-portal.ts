import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../../collectors/config/config-error.ts';
import { guideBodyOf } from '../../../collectors/guides/load.ts';
import { standardsFileSchema, type Snapshot } from '../../../collectors/contract/snapshot.ts';
import { readSnapshot, SnapshotError } from '../../../collectors/store/snapshot-file.ts';
import { standardsExport } from '../../../site/lib/standards-export.ts';
import { defaultConfigPath, DEFAULT_SNAPSHOT } from '../collection-options.ts';
import { loadPortalConfig } from '../../../collectors/config/load-config.ts';
import type { Judge } from '../judge.ts';
import { indexPortal, portalRoot, type McpPortal } from './portal.ts';

export interface SnapshotSource {
  /** The snapshot file (default: the one `cairn collect` and `cairn build` write). */
  snapshot?: string | undefined;
  /** The portal.yaml whose content folder has the guides, and whose `site` and `base` give the portal's URL. */
  config?: string | undefined;
  /** The portal's URL, when portal.yaml does not say it. */
  site?: string | undefined;
}

/** Guide ids as the guides loader accepts them: lowercase words in lowercase folders, never `..`. */
const GUIDE_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

/**
 * A snapshot on disk, as `cairn mcp --snapshot` serves it: guide bodies from the content folder
 * beside portal.yaml (`--config`, else found as the other commands find it), and links to the
 * portal when its URL is known.
 */
export async function snapshotPortal(source: SnapshotSource): Promise<McpPortal> {
  const file = source.snapshot ?? DEFAULT_SNAPSHOT;
  const path = resolve(file);
  const snapshot = await readSnapshot(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'a folder'
          : error instanceof SnapshotError
            ? error.reason
            : (error as Error).message;
    // Where in the file it went wrong, or what to do, as cairn build --from says it.
    const detail = error instanceof SnapshotError && error.detail ? `\n${error.detail}` : '';
    throw new ConfigError(
      `cairn mcp: --snapshot ${file}: ${reason}; expected the snapshot.json of cairn collect or cairn build (default ${DEFAULT_SNAPSHOT}).${detail}`,
    );
  });
  const configPath = source.config ?? defaultConfigPath(process.cwd());
  const loaded = configPath === undefined ? undefined : await loadPortalConfig(configPath);
  const portalUrl =
    source.site !== undefined
      ? siteRoot(source.site)
      : loaded?.config.site
        ? portalRoot(loaded.config.site, loaded.config.base)
        : undefined;
  const guidesDir = loaded?.contentDir === undefined ? undefined : join(loaded.contentDir, 'guides');
  const known = new Set(snapshot.guides.map((guide) => guide.id));
  return indexPortal({
    title: snapshot.portal.title,
    generatedAt: snapshot.generatedAt,
    origin: `the snapshot ${file}`,
    portalUrl,
    entities: snapshot.entities,
    repos: snapshot.repos,
    problems: snapshot.problems,
    checks: snapshot.checks,
    scorecards: snapshot.scorecards,
    results: snapshot.results,
    guides: snapshot.guides,
    adoptionKnown: true,
    documented: new Set(snapshot.docs.map((docs) => docs.entityRef)),
    async guideBody(id) {
      if (guidesDir === undefined || !known.has(id) || !GUIDE_ID.test(id)) return undefined;
      const text = await readFile(join(guidesDir, `${id}.mdx`), 'utf8').catch(() => undefined);
      return text === undefined ? undefined : { mdx: guideBodyOf(text) };
    },
    judge: async () => snapshotJudge(snapshot, file, portalUrl),
    catalogSnapshot: path,
  });
}

/** `--site`: the portal's root URL, as given (`https://acme.github.io/portal` is the folder `/portal/`). */
function siteRoot(site: string): string {
  const url = URL.parse(site.endsWith('/') ? site : `${site}/`);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new ConfigError(
      `cairn mcp: --site ${site}: expected the http(s) URL the portal is published at, e.g. https://acme.github.io/portal/.`,
    );
  return url.href;
}

/**
 * The snapshot's own standards, as the `standards.json` a build of it publishes: `cairn check
 * --standards <that file>` judges a working tree exactly so.
 */
async function snapshotJudge(snapshot: Snapshot, file: string, portalUrl: string | undefined): Promise<Judge> {
  // What judges (every check, the collectors) loads when a repository is first checked, not at start.
  const [{ judgeOfPublished }, { standardsOf }] = await Promise.all([import('../judge.ts'), import('../published-standards.ts')]);
  const published = standardsExport({
    generatedAt: snapshot.generatedAt,
    scorecards: snapshot.scorecards,
    published: snapshot.standards,
    entities: snapshot.entities,
  });
  const judge = judgeOfPublished(standardsOf(standardsFileSchema.parse(JSON.parse(JSON.stringify(published))), file), file);
  return {
    ...judge,
    label: `the standards of the snapshot ${file} (${snapshot.generatedAt.slice(0, 10)})`,
    ...(portalUrl ? { portalUrl } : {}),
  };
}
