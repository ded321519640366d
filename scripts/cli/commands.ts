import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ConfigError, located } from '../../collectors/config/config-error.ts';
import { portalConfigSchema, type LoadedConfig } from '../../collectors/config/schema.ts';
import { didYouMean } from '../../collectors/scorecards/suggest.ts';
import { defineCommand, type Command } from './command.ts';
import { collectionOptions, DEFAULT_CONFIG, DEFAULT_SNAPSHOT, failOnOf, historyDirOf, historyShown } from './collection-options.ts';
import { pathIn, type CommandContext } from './context.ts';
import { assertWritable } from './writable.ts';

// Commands load the collectors and Astro only when they run, so `--help` answers at once.
const collection = () => import('./collection.ts');
const site = () => import('./site.ts');

const EXIT_CODES =
  'Exit codes: 0 done; 1 when no repository could be collected because the sources failed (nothing is written), or with --strict, when there are problems of the --fail-on severity (errors, by default) or nothing was collected; 2 bad usage or configuration.';

const baseOption = {
  type: 'string',
  value: '<path>',
  description: "Base path of the site, e.g. /portal/ for a GitHub Pages project site (default: portal.yaml's base, else /).",
} as const;
const siteOption = {
  type: 'string',
  value: '<url>',
  description: "Absolute URL the site is published at, for canonical links (default: portal.yaml's site).",
} as const;
const serverOptions = {
  port: { type: 'string', value: '<number>', description: 'Port to listen on (default: 4321, or the next free one).' },
  host: {
    type: 'string',
    value: '<address>',
    description: 'Address to listen on, e.g. 0.0.0.0 for every network (default: this machine only).',
  },
} as const;

/** `--port` and `--host` of a server, the port checked before anything starts. */
function serverFlags(values: { port?: string | undefined; host?: string | undefined }): { port?: number; host?: string } {
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(/^\d+$/.test(values.port!) && port >= 1 && port <= 65535))
    throw new ConfigError(`--port ${values.port}: expected a whole number from 1 to 65535.`);
  return { ...(port === undefined ? {} : { port }), ...(values.host === undefined ? {} : { host: values.host }) };
}

/** Checks `--base` and `--site` with portal.yaml's own rules, before any work is done. */
function siteFlags(values: { base?: string | undefined; site?: string | undefined }): { base?: string; site?: string } {
  const flags = {
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.site !== undefined ? { site: values.site } : {}),
  };
  const result = portalConfigSchema.pick({ base: true, site: true }).partial().safeParse(flags);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(
      `--${String(issue.path[0])} ${flags[issue.path[0] as 'base' | 'site']}: ${issue.message.replace(/^Invalid input: /, '')}.`,
    );
  }
  return flags;
}

export const collectCommand = defineCommand({
  name: 'collect',
  summary: 'Scan the repositories and write the snapshot JSON (no site).',
  options: {
    ...collectionOptions,
    shard: {
      type: 'string',
      value: '<i/n>',
      description:
        'Collect only shard i of n (a stable share of the repositories, by name) into a partial snapshot for cairn merge; one CI job per shard.',
    },
  },
  details: `Examples:\n  cairn collect --repos '../repos/*' --snapshot snapshot.json\n  cairn collect --config ./portal.yaml\n  cairn collect --config ./portal.yaml --shard 2/4 --snapshot shards/2.json\n\n${EXIT_CODES}`,
  async run(values, _positionals, context) {
    const failOn = failOnOf(values);
    if (values.shard !== undefined) {
      await (await import('./shards.ts')).collectShard({ ...values, shard: values.shard }, context);
      return 0;
    }
    const { runCollection, strictVerdict } = await collection();
    const { snapshot, unreached } = await runCollection(values, context);
    if (unreached) return 1;
    return reportStrict(context, values.strict, strictVerdict(snapshot, failOn));
  },
});

export const mergeCommand = defineCommand({
  name: 'merge',
  positionals: '<partial.json…>',
  summary: 'Combine the partial snapshots of cairn collect --shard into the snapshot one run would write.',
  options: {
    config: collectionOptions.config,
    snapshot: collectionOptions.snapshot,
    history: collectionOptions.history,
    'no-history': collectionOptions['no-history'],
    strict: collectionOptions.strict,
    'fail-on': collectionOptions['fail-on'],
  },
  details: `Catalog, checks, scorecards, guides and docs need the whole organisation, so they are computed here, with the portal's content (--config), from every shard's facts. Every shard i/n must be given exactly once.

Examples:
  cairn merge shards/*.json --snapshot snapshot.json
  cairn merge shards/*.json --config ./portal.yaml --snapshot snapshot.json && cairn build --config ./portal.yaml --from snapshot.json

${EXIT_CODES}`,
  async run(values, positionals, context) {
    const failOn = failOnOf(values);
    const { snapshot } = await (await import('./shards.ts')).mergeShards(values, positionals, context);
    const { strictVerdict } = await collection();
    return reportStrict(context, values.strict, strictVerdict(snapshot, failOn));
  },
});

export const buildCommand = defineCommand({
  name: 'build',
  summary: 'Scan the repositories, write the snapshot and build the static portal.',
  options: {
    ...collectionOptions,
    out: {
      type: 'string',
      short: 'o',
      value: '<dir>',
      description: 'Where the site is written (default: dist). Replaced whole, so it must be new, empty, or an earlier Cairn site.',
    },
    base: baseOption,
    site: siteOption,
    from: {
      type: 'string',
      value: '<snapshot-or-catalog>',
      description:
        'Build from this snapshot (of cairn collect or cairn merge) instead of collecting; --config still gives the site settings and guides.',
    },
  },
  details: `Examples:\n  cairn build --repos '../repos/*' --out site\n  cairn build --config ./portal.yaml --base /portal/\n  cairn build --config ./portal.yaml --from snapshot.json\n\n${EXIT_CODES}`,
  async run(values, _positionals, context) {
    const flags = siteFlags(values);
    const failOn = failOnOf(values);
    const outDir = pathIn(context, values.out ?? 'dist');
    const { buildSite, assertReplaceableOutput, prepareSiteBuild } = await site();
    await assertReplaceableOutput(outDir);
    // The site replaces the folder whole, through the folder it is in.
    await assertWritable(dirname(outDir), `--out ${values.out ?? 'dist'}`, 'folder');
    if (values.snapshot && isInside(pathIn(context, values.snapshot), outDir))
      throw new ConfigError(
        `--snapshot ${values.snapshot} is inside --out ${values.out ?? 'dist'}, which the site replaces whole: keep the snapshot outside it.`,
      );
    if (values.from !== undefined && (values.repos !== undefined || values.snapshot !== undefined))
      throw new ConfigError('--from builds an existing snapshot: it does not collect, so --repos and --snapshot do not apply.');
    prepareSiteBuild(context);
    const { runCollection, strictVerdict, readSnapshotFile, publishThenRecord } = await collection();
    const publish = (path: string, loaded: LoadedConfig) => (runRecord?: string) => {
      const siteUrl = flags.site ?? loaded.config.site;
      const historyDir = historyDirOf({ history: values.history }, loaded, context.cwd);
      return buildSite(
        {
          snapshot: path,
          outDir,
          base: flags.base ?? loaded.config.base,
          ...(siteUrl ? { site: siteUrl } : {}),
          badges: loaded.config.badges,
          ...guidesDirOf(loaded),
          ...(historyDir ? { historyDir } : {}),
          ...(runRecord ? { runRecord } : {}),
        },
        context,
      );
    };
    let verdict: string | undefined;
    if (values.from === undefined) {
      const { snapshot, path, loaded, unreached } = await runCollection(values, context, { recordLater: true });
      if (unreached) return 1;
      await assertKnownBadges(
        loaded,
        snapshot.scorecards.map((scorecard) => scorecard.id),
      );
      await publishThenRecord(snapshot, values, loaded, context, publish(path, loaded));
      verdict = strictVerdict(snapshot, failOn);
    } else {
      // A snapshot of --from was recorded by the collect or merge that wrote it. Only its verdict and
      // scorecards are kept while the site is built: the site reads the file itself, and a large
      // organisation's snapshot held twice would double the build's memory.
      const read = await readSnapshotFile(values.from, values, context, failOn);
      const historyDir = historyDirOf({ history: values.history }, read.loaded, context.cwd);
      if (historyDir && (await stat(historyDir).catch(() => undefined))?.isFile())
        throw new ConfigError(`${historyShown(values.history, historyDir)} is a file; expected a folder.`);
      await assertKnownBadges(read.loaded, read.scorecards);
      assertGuideFiles(read.guides, guidesDirOf(read.loaded).guidesDir, values.from, context.cwd);
      await publish(read.path, read.loaded)();
      verdict = read.verdict;
    }
    context.stderr.write(`Built the portal → ${values.out ?? 'dist'}\n`);
    return reportStrict(context, values.strict, verdict);
  },
});

/**
 * A misspelt scorecard id in portal.yaml's `badges` would silently publish no badges: a ConfigError
 * naming its line, with the ids it may have meant, as a misspelt id in a scorecard or an exemption is.
 */
async function assertKnownBadges(loaded: LoadedConfig, scorecards: readonly string[]): Promise<void> {
  const { badges } = loaded.config;
  if (!Array.isArray(badges)) return;
  const index = badges.findIndex((id) => !scorecards.includes(id));
  if (index < 0) return;
  const id = badges[index]!;
  const message = `no scorecard "${id}"${didYouMean(id, scorecards) || '.'} Expected the id of one of the portal's scorecards: ${scorecards.join(', ') || 'it has none'}.`;
  throw await located(new ConfigError(message, { field: ['badges', index] }), loaded.file);
}

export const devCommand = defineCommand({
  name: 'dev',
  summary: "Collect, then run Astro's dev server on the portal (for working on the site or content).",
  options: {
    config: collectionOptions.config,
    repos: collectionOptions.repos,
    snapshot: collectionOptions.snapshot,
    history: {
      ...collectionOptions.history,
      description: "Folder of the run history the trends show (default: portal.yaml's history.dir, else history); nothing is added to it.",
    },
    base: baseOption,
    ...serverOptions,
  },
  async run(values, _positionals, context) {
    const flags = siteFlags(values);
    const server = serverFlags(values);
    // Working on the site or content is not a run of the portal: nothing is added to its history.
    const { path, loaded } = await (await collection()).runCollection({ ...values, history: undefined, 'no-history': true }, context);
    const { devSite } = await site();
    const historyDir = historyDirOf({ history: values.history }, loaded, context.cwd);
    await devSite(
      {
        snapshot: path,
        base: flags.base ?? loaded.config.base,
        badges: loaded.config.badges,
        ...guidesDirOf(loaded),
        ...(historyDir ? { historyDir } : {}),
        ...server,
      },
      context,
    );
    return 0;
  },
});

export const previewCommand = defineCommand({
  name: 'preview',
  summary: 'Serve a built portal locally.',
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', description: 'The built site to serve (default: dist).' },
    base: { ...baseOption, description: 'Base path to serve it under (default: the one it was built with).' },
    ...serverOptions,
  },
  async run(values, _positionals, context) {
    const flags = siteFlags(values);
    const server = serverFlags(values);
    const { previewSite } = await site();
    await previewSite({ outDir: pathIn(context, values.out ?? 'dist'), ...flags, ...server }, context);
    return 0;
  },
});

export const checkCommand = defineCommand({
  name: 'check',
  positionals: '[dir]',
  summary: "Score one repository's working tree with the portal's scorecards (locally and in pull requests).",
  options: {
    config: { ...collectionOptions.config, description: "The portal.yaml whose scorecards judge (default: Cairn's default standards)." },
    standards: {
      type: 'string',
      value: '<file-or-url>',
      description:
        "A portal's published standards.json (e.g. https://portal.example.com/standards.json): judge exactly as that portal does.",
    },
    format: {
      type: 'string',
      short: 'f',
      value: '<format>',
      description:
        'terminal (default; colour on a terminal), json, markdown (a pull-request comment), sarif (GitHub code scanning) or codeclimate (GitLab Code Quality).',
    },
    'fail-on': {
      type: 'string',
      value: '<gate>',
      description:
        'When the verdict exits 1: regression (a check passing on --compare fails, or a level drops), level (below --min-level), or never. Default: level with --min-level, else never.',
    },
    'min-level': {
      type: 'string',
      value: '<level>',
      description: 'The level every entity should reach on a scorecard that has it (--fail-on level exits 1 below it).',
    },
    'fail-on-problems': {
      type: 'string',
      value: '<severity>',
      description:
        "The repository's own problems (an unparsable descriptor …) that make the check exit 1: error (default), warning, or never.",
    },
    scorecard: { type: 'string', value: '<id>', description: 'Only this scorecard.' },
    compare: {
      type: 'string',
      value: '<git-ref>',
      description: 'Also score <git-ref> and lead with what the working tree changes: levels up or down, checks newly failing or passing.',
    },
    catalog: {
      type: 'string',
      value: '<snapshot-or-catalog>',
      description:
        "A portal build's snapshot.json, or a published portal's catalog.json (a file or its http(s) URL), so references to the rest of the organisation's catalog (owners, systems, APIs) resolve.",
    },
    suggest: {
      type: 'boolean',
      description:
        'Also print the files Cairn would write to fix failing checks (the catalog-info.yaml of an inferred entity …); cairn fix writes them.',
    },
    verbose: { type: 'boolean', short: 'v', description: 'Also list the passing and not applicable checks, which are folded by default.' },
    output: { type: 'string', short: 'o', value: '<file>', description: 'Write the report to a file instead of standard output.' },
  },
  details: `dir defaults to the repository the current folder is in, as git finds it from a subfolder. Untracked files that git does not ignore count, so a file you just added counts too.

Without --standards or --config, Cairn's default standards judge, and the report says so right after the verdict.

Examples:
  cairn check
  cairn check --standards https://acme.github.io/portal/standards.json
  cairn check --compare origin/main --fail-on regression --format markdown --output comment.md
  cairn check --config ../portal/portal.yaml --min-level silver
  cairn check --format sarif --output cairn.sarif
  cairn check --format codeclimate --output gl-code-quality-report.json
  cairn check --suggest

Exit codes: 0 done; 1 the gate fails (--fail-on), or the repository has a problem of the --fail-on-problems severity; 2 bad usage or configuration.`,
  async run(values, positionals, context) {
    if (positionals.length > 1) throw new ConfigError(`cairn check: one folder at most, got ${positionals.length}.`);
    const { runCheck } = await import('./check.ts');
    return runCheck(values, positionals[0], context);
  },
});

export const fixCommand = defineCommand({
  name: 'fix',
  positionals: '<check-id…>',
  summary: 'Write the files that make failing checks pass (a catalog-info.yaml, CODEOWNERS, dependabot.yml, SECURITY.md).',
  options: {
    dir: {
      type: 'string',
      short: 'd',
      value: '<repo>',
      description: 'The repository to write into (default: the one the current folder is in).',
    },
    config: {
      ...collectionOptions.config,
      description:
        "The portal.yaml whose scorecards judge, and whose templates/ folder gives the texts (default: Cairn's default standards).",
    },
    standards: {
      type: 'string',
      value: '<file-or-url>',
      description: "A portal's published standards.json: judge exactly as that portal does.",
    },
    all: { type: 'boolean', description: 'Write every file cairn check --suggest lists, for all failing checks that have a fix.' },
    'dry-run': { type: 'boolean', description: 'Print the files instead of writing them.' },
  },
  details: `The repository is judged as cairn check judges it; a file is written only for a check that fails, and never over an existing file (it is skipped, and said so). Commit what you keep: each file says in a comment what Cairn guessed.

Checks with a fix: descriptor-valid (catalog-info.yaml of the entity Cairn inferred), codeowners-present and codeowners-catch-all (.github/CODEOWNERS), dependency-updates (.github/dependabot.yml), security-policy (SECURITY.md, from the portal's templates/SECURITY.md when it has one).

Examples:
  cairn fix descriptor-valid
  cairn fix --all --dry-run
  cairn fix security-policy --config ../portal/portal.yaml --dir ../payments

Exit codes: 0 done (also when there is nothing to write); 2 bad usage or configuration, a check without a fix, or a file the file system refused (the others are still written).`,
  async run(values, positionals, context) {
    return (await import('./fix.ts')).runFix(values, positionals, context);
  },
});

export const initCommand = defineCommand({
  name: 'init',
  positionals: '[dir]',
  summary: 'Write a new portal repository (portal.yaml, default standards, a starter guide, teams, workflow) that builds as it is.',
  options: {
    repos: {
      type: 'string',
      short: 'r',
      value: '<glob>',
      description: 'Git work trees on this machine to scan (a directory source); their CODEOWNERS teams become teams/.',
    },
    'github-org': {
      type: 'string',
      value: '<org>',
      description: 'A GitHub organisation to scan (a github source, with its teams), token from GITHUB_TOKEN at build time.',
    },
    title: { type: 'string', value: '<title>', description: "The portal's title (default: Developer Portal)." },
    'platform-team': {
      type: 'string',
      value: '<name>',
      description: 'The team that owns the portal, its scorecards and guides (default: platform).',
    },
  },
  details: `dir defaults to the current folder. Nothing is overwritten: if any file cairn init would write exists, it writes none.

Examples:
  cairn init my-portal --repos '../repos/*'
  cairn init my-portal --github-org acme --title "Acme Developer Portal"

Exit codes: 0 done; 2 bad usage, or a file is in the way.`,
  async run(values, positionals, context) {
    if (positionals.length > 1) throw new ConfigError(`cairn init: one folder at most, got ${positionals.length}.`);
    return (await import('./init.ts')).runInit(values, positionals[0], context);
  },
});

export const checksCommand = defineCommand({
  name: 'checks',
  summary: 'List every check, built-in and custom, with its metadata.',
  options: {
    config: {
      ...collectionOptions.config,
      description: `portal.yaml whose checks/ folder adds custom checks (default: portal.yaml here, else ${DEFAULT_CONFIG}, when present; else the built-in checks only).`,
    },
    format: { type: 'string', short: 'f', value: '<format>', description: 'text (default) or json.' },
  },
  async run(values, _positionals, context) {
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
      throw new ConfigError(`cairn checks: --format ${values.format}: expected text or json.`);
    const { listChecks } = await import('./checks.ts');
    context.stdout.write(await listChecks(values.config, values.format ?? 'text', context.cwd));
    return 0;
  },
});

export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: "Serve the portal's catalog, scorecards and guides to AI assistants (a local MCP server on stdio, read-only).",
  options: {
    snapshot: {
      ...collectionOptions.snapshot,
      description: `The snapshot to serve (default: ${DEFAULT_SNAPSHOT}, as cairn collect and cairn build write it).`,
    },
    config: {
      ...collectionOptions.config,
      description: `portal.yaml: its content folder has the guides' text, its site and base the portal's URL (default: portal.yaml here, else ${DEFAULT_CONFIG}, when present).`,
    },
    site: {
      type: 'string',
      value: '<url>',
      description: "The published portal's URL, for links in answers (default: portal.yaml's site and base).",
    },
    portal: {
      type: 'string',
      value: '<url>',
      description:
        'Serve a published portal instead: its catalog.json, scorecards.json, standards.json and llms-full.txt, fetched once at start.',
    },
  },
  details: `An assistant (Claude, VS Code, Cursor …) starts it and asks it questions over standard input and output: search_catalog, get_entity, explain_scorecard, next_level, find_golden_path, owner_services, describe_check and check_repository; each guide, each entity and llms.txt are resources. Nothing is written; check_repository judges a local working tree as cairn check does. See docs/mcp.md.

Examples:
  cairn mcp
  cairn mcp --snapshot snapshot.json --config ./portal.yaml
  cairn mcp --portal https://acme.github.io/portal/
  claude mcp add cairn -- npx cairn mcp --portal https://acme.github.io/portal/

Exit codes: 0 the client closed the connection; 2 bad usage, or a snapshot or portal that cannot be read.`,
  async run(values) {
    return (await import('./mcp/run.ts')).runMcp(values);
  },
});

/** Every command, in the order `cairn --help` lists them. */
export const commands: Command[] = [
  initCommand,
  buildCommand,
  collectCommand,
  mergeCommand,
  checkCommand,
  fixCommand,
  checksCommand,
  mcpCommand,
  devCommand,
  previewCommand,
] as Command[];

function reportStrict(context: CommandContext, strict: boolean | undefined, verdict: string | undefined): number {
  if (!strict || !verdict) return 0;
  context.stderr.write(`--strict: ${verdict}\n`);
  return 1;
}

function isInside(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !inside.startsWith(sep));
}

/**
 * A snapshot's guides are rendered from the MDX of the portal's guides folder: built elsewhere (a
 * merged snapshot, a guide deleted since), one missing there stops the build before Astro starts.
 */
function assertGuideFiles(
  guides: ReadonlyArray<{ id: string; file: string }>,
  guidesDir: string | undefined,
  from: string,
  cwd: string,
): void {
  const missing = guides.filter((guide) => !guidesDir || !existsSync(join(guidesDir, `${guide.id}.mdx`)));
  if (missing.length === 0) return;
  const named = `${missing.length === 1 ? 'guide' : 'guides'} ${missing.map((guide) => `"${guide.id}" (${guide.file})`).join(', ')}`;
  const where = guidesDir
    ? `${missing.length === 1 ? 'which is' : 'which are'} not in ${relative(cwd, guidesDir) || '.'}${sep}`
    : 'but no portal.yaml was given, beside which its guides/ would be';
  throw new ConfigError(
    `--from ${from}: the snapshot has ${named}, ${where}. Build with the portal.yaml whose guides the snapshot was collected with, or collect again.`,
  );
}

/** The guides folder the site renders, when the portal has a content folder. */
function guidesDirOf(loaded: { contentDir?: string }): { guidesDir?: string } {
  return loaded.contentDir ? { guidesDir: join(loaded.contentDir, 'guides') } : {};
}
