import { locationEntityV1alpha1Validator } from '../backstage/validators.ts';
import { resolveRepoPath } from '../support/repo-paths.ts';
import { untrustedGlobMatcher } from '../support/untrusted-glob.ts';
import { z } from 'zod';
import { parseYamlDocuments } from '../yaml/documents.ts';
import { describeRefusal, reportedByFiles, type RepoReader } from '../repo/reader.ts';
import { defineRetriever, type FactContext } from './retriever.ts';
import { compareCodeUnits } from '../support/order.ts';

/** Where Backstage's discovery looks for a repository's descriptor, in order of preference. */
export const DESCRIPTOR_FILES = ['catalog-info.yaml', 'catalog-info.yml'] as const;

/** How many Locations deep targets are followed. Backstage has no limit; a repository needs few levels. */
export const MAX_LOCATION_DEPTH = 8;

/** Descriptor files read per repository, so a glob over a huge monorepo cannot read without end. */
export const MAX_DESCRIPTOR_FILES = 200;

/**
 * Largest descriptor file read. A descriptor of a few thousand small entities (a catalog generated
 * for a monorepo) is a few MiB; past 8 MiB a file is an accident or an attack, and is reported.
 */
export const MAX_DESCRIPTOR_BYTES = 8 * 1024 * 1024;

/** Entities (YAML documents) read per repository, over all its descriptor files; the rest are reported, not read. */
export const MAX_DESCRIPTOR_DOCUMENTS = 10_000;

/** Largest file a `$text`/`$json`/`$yaml` placeholder may pull into an entity. */
export const MAX_PLACEHOLDER_BYTES = 512 * 1024;

export const descriptorsSchema = z.object({
  /** Descriptor files read, the root one first, then Location targets in the order they were followed. */
  files: z.array(z.string()),
  /** Every YAML document of those files, placeholders resolved, not yet validated. */
  documents: z.array(
    z.object({
      file: z.string(),
      line: z.number().int().positive(),
      data: z.unknown(),
      /** The line of each field, by JSON pointer, for showing where Backstage's rejection of the document points. */
      fields: z.record(z.string(), z.number().int().positive()).optional(),
    }),
  ),
  /** Documents that are not valid YAML, by file and the line of the error: no entity is read from them. */
  invalid: z.array(z.object({ file: z.string(), line: z.number().int().positive().optional() })).optional(),
  /** Descriptors below the root that are not read (no root descriptor, and no `catalog.paths` naming them), the first ones. */
  unread: z.array(z.string()).optional(),
});

export type Descriptors = z.infer<typeof descriptorsSchema>;

/** A Backstage app's configuration, whose `catalog.locations` may register descriptors of its own repository. */
export const APP_CONFIG = 'app-config.yaml';

/**
 * The repository's Backstage descriptors: `catalog-info.yaml` at the root, the files its
 * `kind: Location` entities point at inside the repository, and — in a Backstage app's repository —
 * the files of this repository that `app-config.yaml` registers in `catalog.locations`, read the
 * way Backstage's catalog reads them. Remote targets and placeholders are reported, never fetched.
 */
export const descriptors = defineRetriever({
  id: 'descriptors',
  version: 9,
  description:
    "Backstage descriptors: the root catalog-info.yaml (or the files portal.yaml's catalog.paths names), the in-repository files their Location entities target, and those a Backstage app's app-config.yaml registers, parsed into YAML documents.",
  schema: descriptorsSchema,
  async collect(context) {
    const reader = new DescriptorReader(context);
    const configured = context.settings.descriptorPaths;
    const unread = configured ? await readConfigured(reader, configured, context) : await readRoot(reader, context);
    if (context.repo.has(APP_CONFIG)) {
      for (const path of await appConfigTargets(context)) await reader.readOnce(path);
    }
    return {
      files: reader.files,
      documents: reader.documents,
      ...(reader.invalid.length > 0 ? { invalid: reader.invalid } : {}),
      ...(unread.length > 0 && reader.files.length === 0 ? { unread } : {}),
    };
  },
});

/** Descriptors named `catalog-info.yaml` below the root are some monorepos' way; listed up to this many when not read. */
const UNREAD_SHOWN = 10;

/** Folders whose descriptors belong to someone else's code. */
const FOREIGN = /(^|\/)(node_modules|vendor|third_party)\//;

/**
 * The files `catalog.paths` names, the root's first. When it names none, returns the descriptors
 * it leaves unread (by Backstage's names, anywhere), with a warning.
 */
async function readConfigured(reader: DescriptorReader, globs: readonly string[], context: FactContext): Promise<string[]> {
  const matches = untrustedGlobMatcher(globs.map((glob) => glob.replace(/^\/+/, '')));
  // The root's first, as Backstage's discovery reads it first.
  const paths = context.repo
    .files()
    .filter(matches)
    .toSorted((a, b) => Number(a.includes('/')) - Number(b.includes('/')) || compareCodeUnits(a, b));
  if (paths.length > MAX_DESCRIPTOR_FILES)
    context.problem({
      severity: 'error',
      file: paths[MAX_DESCRIPTOR_FILES]!,
      message: `${paths.length} files match catalog.paths in portal.yaml; the first ${MAX_DESCRIPTOR_FILES} by path are read, from ${paths[MAX_DESCRIPTOR_FILES]} on they are not. Split the catalog across repositories.`,
    });
  for (const path of paths) await reader.readOnce(path);
  if (paths.length > 0) return [];
  const unread = namedDescriptors(context.repo);
  if (unread.length > 0)
    context.problem({
      severity: 'warning',
      file: unread[0]!,
      message: `${unreadList(unread)} not read: no file of this repository matches catalog.paths in portal.yaml (${globs.join(', ')}). Add a pattern that matches ${unread.length === 1 ? 'it' : 'them'}.`,
    });
  return unread.slice(0, UNREAD_SHOWN);
}

/** The repository's files named as Backstage names descriptors, at any depth, but for someone else's code's. */
function namedDescriptors(repo: RepoReader): string[] {
  const named: readonly string[] = DESCRIPTOR_FILES;
  return repo.files().filter((file) => !FOREIGN.test(file) && named.includes(file.slice(file.lastIndexOf('/') + 1)));
}

/** `a.yaml is`, `a.yaml and 2 more descriptor files<where> are`. */
function unreadList(files: readonly string[], where = ''): string {
  const more = files.length - 1;
  return `${files[0]}${more ? ` and ${more} more descriptor ${more === 1 ? 'file' : 'files'}${where} are` : ' is'}`;
}

/**
 * Backstage discovery's default: catalog-info.yaml at the root, and the files its Locations target.
 * Returns the descriptors below the root this leaves unread, for the warning a repository with
 * no root descriptor gets.
 */
async function readRoot(reader: DescriptorReader, context: FactContext): Promise<string[]> {
  const [root, ...others] = DESCRIPTOR_FILES.filter((file) => context.repo.has(file));
  for (const other of others) {
    context.problem({
      severity: 'warning',
      file: other,
      message: `${other} is ignored because ${root} exists; Backstage reads one descriptor per repository. Merge them into ${root}.`,
    });
  }
  // Backstage's discovery matches the name exactly: `Catalog-Info.yaml` is not a descriptor to it.
  const named: readonly string[] = DESCRIPTOR_FILES;
  for (const variant of context.repo
    .files()
    .filter((file) => !file.includes('/') && !named.includes(file) && named.includes(file.toLowerCase()))) {
    const message = root
      ? `${variant} is ignored because ${root} exists; Backstage reads one descriptor per repository, and only by its exact lowercase name. Merge ${variant} into ${root}.`
      : `${variant} is ignored: Backstage looks for ${DESCRIPTOR_FILES[0]} by its exact lowercase name. Rename it to ${DESCRIPTOR_FILES[0]}.`;
    context.problem({ severity: 'warning', file: variant, message });
  }
  if (root) {
    await reader.read(root, 0);
    return [];
  }
  // With no descriptor at the root, every file named as one is below it.
  const nested = namedDescriptors(context.repo);
  if (nested.length > 0) {
    context.problem({
      severity: 'warning',
      file: nested[0]!,
      message: `${unreadList(nested, ' below the root')} not read: Cairn reads the catalog-info.yaml at the root of a repository, and the files its Location entities target, as Backstage's discovery does by default. To read descriptors below the root in every repository, set catalog.paths in portal.yaml (e.g. ['**/catalog-info.yaml']); for this repository alone, add a root catalog-info.yaml with a Location whose targets name them.`,
    });
  }
  return nested.slice(0, UNREAD_SHOWN);
}

/**
 * The files of this repository that `app-config.yaml` registers in `catalog.locations`: `file`
 * targets (relative to `packages/backend/`, where a Backstage backend runs, when there is one) and
 * `url` targets naming a file of a repository with this one's name (`…/<name>/blob/<ref>/<path>`).
 * Other URLs are other repositories: they are counted in one warning, never fetched.
 */
export async function appConfigTargets({ repo, problem }: Pick<FactContext, 'repo' | 'problem'>): Promise<string[]> {
  const read = await repo.read(APP_CONFIG);
  if (!read.ok)
    problem({
      severity: 'warning',
      file: APP_CONFIG,
      message: `${describeRefusal(APP_CONFIG, read)} The catalog locations it may register are not read.`,
    });
  const text = read.ok ? read.text : undefined;
  const document = text === undefined ? undefined : parseYamlDocuments(text).documents[0]?.data;
  const catalog = isRecord(document) ? document.catalog : undefined;
  const locations = isRecord(catalog) && Array.isArray(catalog.locations) ? catalog.locations : [];
  const base = repo.files().some((path) => path.startsWith('packages/backend/')) ? 'packages/backend/app-config.yaml' : APP_CONFIG;
  const paths: string[] = [];
  let remote = 0;
  for (const [index, location] of locations.entries()) {
    if (!isRecord(location) || typeof location.target !== 'string') continue;
    if (location.type === 'file') {
      // A file target is this repository's own: one that leaves it, or names no tracked file, is said, never followed.
      const resolved = resolveLocationTarget(location.target, base, 'file');
      const field = `catalog.locations[${index}]`;
      if ('problem' in resolved) problem({ severity: 'warning', file: APP_CONFIG, message: `${field} is not read: ${resolved.problem}` });
      else if (!repo.has(resolved.path))
        problem({
          severity: 'warning',
          file: APP_CONFIG,
          message: `${field} target ${JSON.stringify(location.target)} resolves to ${resolved.path}, which is not a tracked file.`,
        });
      else paths.push(resolved.path);
      continue;
    }
    const path = location.type === 'url' ? pathInThisRepository(location.target, repo.name) : undefined;
    if (path && repo.has(path)) paths.push(path);
    else if (location.type === 'url') remote++;
  }
  if (remote > 0) {
    problem({
      severity: 'warning',
      file: APP_CONFIG,
      message: `${APP_CONFIG} registers ${remote} catalog location${remote === 1 ? '' : 's'} in other repositories; Cairn reads only this repository's files and never fetches them. Add those repositories as sources to catalog them.`,
    });
  }
  return paths;
}

/** `https://<forge>/<owner>/<name>/blob/<ref>/<path>` (GitHub) or `…/-/blob/…` (GitLab) → `<path>`, when `<name>` is this repository's. */
function pathInThisRepository(target: string, name: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const match = url.pathname.match(/^\/[^/]+\/([^/]+)\/(?:-\/)?blob\/[^/]+\/(.+)$/);
  if (!match || match[1]!.replace(/\.git$/, '').toLowerCase() !== name.toLowerCase()) return undefined;
  return pathOf(resolveLocationTarget(`/${match[2]!}`, APP_CONFIG, 'url'));
}

function pathOf(resolved: ResolvedTarget): string | undefined {
  return 'path' in resolved ? resolved.path : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `https://…`, `file:…`: a target with a scheme. */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

/** A Location target resolved to a path inside the repository, or the reason it is not read. */
export type ResolvedTarget = { path: string } | { problem: string };

/**
 * Resolves a Location target (or placeholder path) the way Backstage resolves it against the file
 * that contains it: relative paths from that file's folder, `/…` from the repository root for `url`
 * locations. Absolute URLs, absolute file paths, other location types and paths that leave the
 * repository are refused with a reason, because Cairn reads nothing outside the repository.
 */
export function resolveLocationTarget(target: string, fromFile: string, type?: string): ResolvedTarget {
  const quoted = JSON.stringify(target);
  if (type !== undefined && type !== 'url' && type !== 'file') {
    return {
      problem: `Location type "${type}" of target ${quoted} is not supported; Cairn reads only url and file targets inside the repository.`,
    };
  }
  if (ABSOLUTE_URL.test(target)) {
    return {
      problem: `Target ${quoted} is an absolute URL; Cairn never fetches remote locations. Add that repository as a source instead, or use a relative path.`,
    };
  }
  if (type === 'file' && !target.startsWith('.')) {
    return {
      problem: `Target ${quoted} is an absolute file path; only relative targets (starting with ./) inside the repository are read.`,
    };
  }
  let decoded = target;
  if (type !== 'file') {
    // url targets are URLs: percent-escapes name the same file (and must not smuggle a `..`).
    try {
      decoded = decodeURIComponent(target);
    } catch {
      return { problem: `Target ${quoted} is not a valid URL path.` };
    }
  }
  const path = resolveRepoPath(fromFile, decoded);
  if (path === undefined) {
    return { problem: `Target ${quoted} resolves outside the repository; only files inside it are read.` };
  }
  if (path === '.' || decoded.endsWith('/')) {
    return { problem: `Target ${quoted} names a folder; a Location target must name a file (or a glob of files).` };
  }
  return { path };
}

/** Backstage treats a target with `*` or `?` as a search (its UrlReaderProcessor does the same test). */
function isGlob(path: string): boolean {
  return /[*?]/.test(path);
}

const ENCODING_NAMES = { 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1252': 'Latin-1 (Windows-1252)' } as const;

/** Thrown while resolving placeholders: Backstage fails the whole entity when a placeholder cannot be read. */
class PlaceholderError extends Error {
  /** The line of the placeholder's field. */
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const PLACEHOLDER_KINDS = new Set(['text', 'json', 'yaml']);

/** Reads descriptor files depth-first, following Location entities, with cycle and depth limits. */
class DescriptorReader {
  readonly files: string[] = [];
  readonly documents: Descriptors['documents'] = [];
  readonly invalid: NonNullable<Descriptors['invalid']> = [];
  readonly #repo: RepoReader;
  readonly #problem: FactContext['problem'];
  readonly #visited = new Set<string>();
  /** Set once MAX_DESCRIPTOR_DOCUMENTS entities are read: nothing more is. */
  #full = false;

  constructor(context: FactContext) {
    this.#repo = context.repo;
    this.#problem = context.problem;
  }

  /** Reads a file not read yet (a Location may already have led to it). */
  async readOnce(file: string): Promise<void> {
    if (this.#visited.has(file) || this.files.length >= MAX_DESCRIPTOR_FILES || this.#full) return;
    await this.read(file, 0);
  }

  async read(file: string, depth: number): Promise<void> {
    this.#visited.add(file);
    this.files.push(file);
    const read = await this.#repo.read(file, { maxBytes: MAX_DESCRIPTOR_BYTES });
    if (!read.ok) {
      if (!reportedByFiles(read))
        this.#problem({
          severity: 'error',
          file,
          message: `${describeRefusal(file, read)} Expected a YAML text file; no entity is read from it.`,
        });
      return;
    }
    if (read.encoding !== 'utf-8') {
      this.#problem({
        severity: 'warning',
        file,
        message: `${file} is encoded as ${ENCODING_NAMES[read.encoding]}; Cairn decoded it, but Backstage reads descriptors as UTF-8 and would fail on it. Save it as UTF-8.`,
      });
    }
    const parsed = parseYamlDocuments(read.text);
    for (const error of parsed.errors) {
      const line = error.line ? { line: error.line } : {};
      this.invalid.push({ file, ...line });
      this.#problem({
        severity: 'error',
        file,
        ...line,
        message: `YAML error in ${file}: ${error.message}. That document is not loaded${parsed.documents.length > 0 ? "; the file's other documents are" : ''}.`,
      });
    }
    if (parsed.documents.length === 0 && parsed.errors.length === 0) {
      this.#problem({ severity: 'error', file, message: `${file} is empty: expected at least one entity.` });
    }
    for (const document of parsed.documents) {
      if (this.#full) return;
      if (this.documents.length >= MAX_DESCRIPTOR_DOCUMENTS) {
        this.#full = true;
        this.#problem({
          severity: 'error',
          file,
          line: document.line,
          message: `Entities from line ${document.line} of ${file} on, and any in further descriptor files, are not read: a repository may describe at most ${MAX_DESCRIPTOR_DOCUMENTS} entities. Split the catalog across repositories.`,
        });
        return;
      }
      // A problem with a field is at its line, or the nearest enclosing field's `fields` has.
      const lineOf = (pointer: string): number => {
        for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/')))
          if (document.fields[at] !== undefined) return document.fields[at]!;
        return document.line;
      };
      let data: unknown;
      try {
        data = await this.#resolvePlaceholders(document.data, file, lineOf);
      } catch (error) {
        if (!(error instanceof PlaceholderError)) throw error;
        this.#problem({
          severity: 'error',
          file,
          line: error.line,
          message: `${error.message} Backstage fails such an entity, so it is not loaded.`,
        });
        continue;
      }
      this.documents.push({ file, line: document.line, data, fields: document.fields });
      if (await isValidLocation(data)) await this.#follow(data as LocationData, file, lineOf, depth);
    }
  }

  async #follow(location: LocationData, file: string, lineOf: (pointer: string) => number, depth: number): Promise<void> {
    const { type, presence, target, targets } = location.spec;
    const optional = presence === 'optional';
    const written = [
      ...(target ? [{ raw: target, pointer: '/spec/target' }] : []),
      ...(targets ?? []).map((raw, index) => ({ raw, pointer: `/spec/targets/${index}` })),
    ];
    for (const { raw, pointer } of written) {
      const line = lineOf(pointer);
      // A URL of a file of this repository (`…/<this repository>/blob/<ref>/<path>`) is that file.
      const own = type === 'file' ? undefined : pathInThisRepository(raw, this.#repo.name);
      const resolved = own ? { path: own } : resolveLocationTarget(raw, file, type);
      if ('problem' in resolved) {
        // Another repository's file: read there, when it is a source; Backstage would fetch it, so it is no fault of the descriptor.
        const remote = type !== 'file' && ABSOLUTE_URL.test(raw);
        this.#problem({
          severity: remote ? 'warning' : 'error',
          file,
          line,
          message: remote
            ? `Location target ${JSON.stringify(raw)} is not read: Cairn never fetches other repositories' files. When that repository is one of the portal's sources, its descriptors are read there (portal.yaml's catalog.paths says which files).`
            : `Location target not read: ${resolved.problem}`,
        });
        continue;
      }
      // The repository's own glob: matched without backtracking, on the thread the run's deadline needs.
      const paths = isGlob(resolved.path) ? this.#repo.files().filter(untrustedGlobMatcher([resolved.path])) : [resolved.path];
      if (paths.length === 0 && !optional) {
        this.#problem({
          severity: 'warning',
          file,
          line,
          message: `Location target ${JSON.stringify(raw)} (${resolved.path}) matches no tracked file; expected at least one descriptor there.`,
        });
      }
      for (const path of paths) {
        if (this.#full) return;
        if (this.#visited.has(path)) continue; // A cycle, or a file two Locations share: read once.
        if (!this.#repo.has(path)) {
          if (!optional)
            this.#problem({
              severity: 'error',
              file,
              line,
              message: `Location target ${JSON.stringify(raw)} resolves to ${path}, which is not a tracked file; expected a descriptor there (or \`presence: optional\`).`,
            });
          continue;
        }
        if (depth + 1 > MAX_LOCATION_DEPTH) {
          this.#problem({
            severity: 'error',
            file,
            line,
            message: `Location target ${path} is not read: Locations nest more than ${MAX_LOCATION_DEPTH} levels deep here. Point the root Location at the files directly.`,
          });
          continue;
        }
        if (this.files.length >= MAX_DESCRIPTOR_FILES) {
          this.#problem({
            severity: 'error',
            file,
            line,
            message: `Location target ${path} and any after it are not read: a repository may have at most ${MAX_DESCRIPTOR_FILES} descriptor files.`,
          });
          return;
        }
        await this.read(path, depth + 1);
      }
    }
  }

  /**
   * Backstage's PlaceholderProcessor: an object whose only key is `$text`, `$json` or `$yaml` with a
   * string value is replaced by that file's content. Files inside the repository are read; URLs are
   * never fetched and the field keeps the URL as plain text, with a warning.
   */
  async #resolvePlaceholders(value: unknown, file: string, lineOf: (pointer: string) => number, pointer = ''): Promise<unknown> {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const [index, item] of value.entries()) items.push(await this.#resolvePlaceholders(item, file, lineOf, `${pointer}/${index}`));
      return items;
    }
    const entries = Object.entries(value);
    const [first] = entries;
    if (
      entries.length === 1 &&
      first &&
      first[0].startsWith('$') &&
      PLACEHOLDER_KINDS.has(first[0].slice(1)) &&
      typeof first[1] === 'string'
    ) {
      return this.#readPlaceholder(first[0].slice(1), first[1], file, lineOf(pointer));
    }
    // Objects with other `$` keys (a JSON Schema's `$ref`) are left alone, as Backstage does.
    const resolved: Array<[string, unknown]> = [];
    for (const [key, item] of entries)
      resolved.push([
        key,
        await this.#resolvePlaceholders(item, file, lineOf, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
      ]);
    // fromEntries defines own properties: a `__proto__` key stays a key instead of becoming the prototype.
    return Object.fromEntries(resolved);
  }

  async #readPlaceholder(kind: string, target: string, file: string, line: number): Promise<unknown> {
    const label = `Placeholder $${kind}: ${JSON.stringify(target)}`;
    if (ABSOLUTE_URL.test(target)) {
      this.#problem({
        severity: 'warning',
        file,
        line,
        message: `${label} is a URL; Cairn never fetches it, so the field holds the URL instead of its content. Use a path inside the repository.`,
      });
      return target;
    }
    const resolved = resolveLocationTarget(target, file);
    if ('problem' in resolved) throw new PlaceholderError(`${label} is not read: ${resolved.problem}`, line);
    if (!this.#repo.has(resolved.path))
      throw new PlaceholderError(`${label} resolves to ${resolved.path}, which is not a tracked file.`, line);
    const read = await this.#repo.read(resolved.path, { maxBytes: MAX_PLACEHOLDER_BYTES });
    if (!read.ok) throw new PlaceholderError(`${label} is not read: ${describeRefusal(resolved.path, read)}`, line);
    const text = read.text;
    if (kind === 'text') return text;
    if (kind === 'json') {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new PlaceholderError(
          `${label}: ${resolved.path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
          line,
        );
      }
    }
    const parsed = parseYamlDocuments(text);
    const [error] = parsed.errors;
    if (error)
      throw new PlaceholderError(
        `${label}: ${resolved.path}${error.line ? ` line ${error.line}` : ''} is not valid YAML (${error.message}).`,
        line,
      );
    if (parsed.documents.length !== 1)
      throw new PlaceholderError(
        `${label}: expected exactly one YAML document in ${resolved.path}, found ${parsed.documents.length}.`,
        line,
      );
    return parsed.documents[0]!.data;
  }
}

interface LocationData {
  spec: { type?: string; presence?: string; target?: string; targets?: string[] };
}

/**
 * Whether a document is a Location whose targets Backstage would follow: its kind schema must hold.
 * Anything else about it (name format …) is the catalog stage's to report.
 */
async function isValidLocation(data: unknown): Promise<boolean> {
  try {
    return await locationEntityV1alpha1Validator.check(data as Parameters<typeof locationEntityV1alpha1Validator.check>[0]);
  } catch {
    return false;
  }
}
