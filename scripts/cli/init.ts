import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { UNKNOWN_OWNER } from '../../collectors/catalog/infer.ts';
import { codeownersRef } from '../../collectors/catalog/owners.ts';
import { codeowners } from '../../collectors/facts/codeowners.ts';
import { openRepo } from '../../collectors/repo/open.ts';
import { listSources } from '../../collectors/sources/index.ts';
import { globProblem } from '../../collectors/support/globs.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { count } from './collection-options.ts';
import { currentTime } from './collection.ts';
import { pathIn, type CommandContext } from './context.ts';
import { DEFAULTS_DIR } from './standards.ts';
import { VERSION } from './version.ts';

export interface InitValues {
  repos?: string | undefined;
  'github-org'?: string | undefined;
  title?: string | undefined;
  'platform-team'?: string | undefined;
}

/** A file `cairn init` writes: its path in the new portal and its text. */
export interface PortalFile {
  path: string;
  text: string;
}

/** What the new portal's teams/ starts with: each CODEOWNERS team, and the repositories naming it. */
export type CodeownersTeams = ReadonlyMap<string, readonly string[]>;

const TEAM_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * `cairn init [dir]`: writes a portal repository that builds as it is. Nothing is overwritten: when
 * any file it would write exists, it writes none and says which.
 */
export async function runInit(values: InitValues, dirArgument: string | undefined, context: CommandContext): Promise<number> {
  const { cwd } = context;
  const dir = pathIn(context, dirArgument ?? '.');
  const platformTeam = (values['platform-team'] ?? 'platform').toLowerCase();
  if (!TEAM_NAME.test(platformTeam))
    throw new ConfigError(`--platform-team ${values['platform-team']}: expected a team name like platform or dev-experience.`);
  if (values.repos === undefined && values['github-org'] === undefined) {
    throw new ConfigError(
      "cairn init: say where the repositories are: --repos '<glob>' (git work trees on this machine) or --github-org <org>.",
    );
  }
  const badGlob = values.repos === undefined ? undefined : globProblem(values.repos);
  if (badGlob) throw new ConfigError(`--repos: ${badGlob}`);
  const repos = values.repos === undefined ? undefined : relative(dir, pathIn(context, values.repos)) || '.';
  const teams = values.repos === undefined ? new Map<string, string[]>() : await codeownersTeams(values.repos, context);
  const files = portalFiles({
    title: values.title ?? 'Developer Portal',
    platformTeam,
    ...(repos !== undefined ? { repos } : {}),
    ...(values['github-org'] !== undefined ? { githubOrg: values['github-org'] } : {}),
    teams,
    today: currentTime(context.env).toISOString().slice(0, 10),
    scorecards: await defaultScorecards(),
    guide: await readFile(join(DEFAULTS_DIR, 'init', 'guide.mdx'), 'utf8'),
    readme: await readFile(join(DEFAULTS_DIR, 'init', 'README.md'), 'utf8'),
    gitignore: await readFile(join(DEFAULTS_DIR, 'init', 'gitignore'), 'utf8'),
    workflow: await readFile(join(PACKAGE_ROOT, 'examples', 'github-actions', 'portal.yml'), 'utf8'),
    version: VERSION,
  });
  const existing = files.filter((file) => existsSync(join(dir, file.path)));
  if (existing.length > 0) {
    throw new ConfigError(
      `cairn init: ${existing.map((file) => join(relative(cwd, dir) || '.', file.path)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; cairn init overwrites nothing. Choose an empty folder.`,
    );
  }
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.text, { flag: 'wx' });
  }
  const shown = relative(cwd, dir) || '.';
  context.stderr.write(
    `Wrote a portal to ${shown}: portal.yaml, ${count(files.filter((file) => file.path.startsWith('scorecards/')).length, 'scorecard', 'scorecards')}, a starter guide, ${count(teams.size + (teams.has(platformTeam) ? 0 : 1), 'team', 'teams')}, the nightly workflow and a README.\n` +
      `Next: cd ${shown}, install Cairn (npm install; until cairn-portal is on the npm registry, copy the tarball into the portal, e.g. vendor/, and npm install ./vendor/cairn-portal-<version>.tgz), then npx cairn build, and commit package-lock.json with the rest (the nightly workflow installs from it). README.md says what to edit first.\n`,
  );
  return 0;
}

/** Everything the new portal holds, from what was asked and the templates (pure, so it is table-tested). */
export function portalFiles(input: {
  title: string;
  platformTeam: string;
  repos?: string;
  githubOrg?: string;
  teams: CodeownersTeams;
  today: string;
  scorecards: ReadonlyArray<{ name: string; text: string }>;
  guide: string;
  readme: string;
  gitignore: string;
  workflow: string;
  version: string;
}): PortalFile[] {
  const fill = (template: string) =>
    template
      .replaceAll('{{title}}', input.title)
      .replaceAll('{{platformTeam}}', input.platformTeam)
      .replaceAll('{{today}}', input.today)
      .replaceAll('{{sourcesNote}}', sourcesNote(input));
  const sources = [
    ...(input.repos !== undefined ? [{ type: 'directory', repos: input.repos }] : []),
    ...(input.githubOrg !== undefined ? [{ type: 'github', org: input.githubOrg, teams: true }] : []),
  ];
  const portal = `# yaml-language-server: $schema=./${SCHEMAS}/portal.schema.json\n${stringify({ title: input.title, sources })}`;
  const teams = new Map(input.teams);
  if (!teams.has(input.platformTeam)) teams.set(input.platformTeam, []);
  return [
    { path: 'package.json', text: `${JSON.stringify(packageJson(input.title, input.version), null, 2)}\n` },
    { path: 'portal.yaml', text: portal },
    ...input.scorecards.map((scorecard) => ({
      path: `scorecards/${scorecard.name}`,
      text: scorecard.text.replace(/\$schema=\S+/, `$schema=../${SCHEMAS}/scorecard.schema.json`),
    })),
    { path: 'guides/start/catalog.mdx', text: fill(input.guide) },
    ...[...teams]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([team, repos]) => ({ path: `teams/${team}.yaml`, text: teamFile(team, repos, team === input.platformTeam) })),
    { path: '.github/workflows/portal.yml', text: input.workflow },
    { path: 'README.md', text: fill(input.readme) },
    { path: '.gitignore', text: input.gitignore },
  ];
}

/**
 * What the README says of the sources: a folder of this machine is not there when the nightly
 * workflow runs, so it says what to put in its place.
 */
function sourcesNote(input: { repos?: string; githubOrg?: string }): string {
  if (input.repos === undefined) return '';
  // Beside a github source, the folder is only a second source to drop, not one to replace.
  const instead =
    input.githubOrg === undefined
      ? `replace that source with a \`github\` source (\`org:\`, with \`teams: true\`) or a
\`git\` source listing the repositories' clone URLs.`
      : `remove that source: the \`github\` source beside it reads the organisation's repositories there.`;
  return `\nThe \`directory\` source in \`portal.yaml\` reads ${input.repos} on this machine. The nightly workflow runs
elsewhere: before relying on it, ${instead}
`;
}

/** Where the JSON Schemas are once the portal has installed Cairn, relative to the portal's root. */
const SCHEMAS = 'node_modules/cairn-portal/schemas';

function packageJson(title: string, version: string) {
  return {
    name: toPackageName(title),
    private: true,
    type: 'module',
    scripts: { build: 'cairn build --config portal.yaml', preview: 'cairn preview' },
    dependencies: { 'cairn-portal': `^${version}` },
  };
}

function toPackageName(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'developer-portal'
  );
}

/** A Group descriptor for a team, saying where it was found, for the platform team to complete. */
export function teamFile(team: string, repos: readonly string[], ownsPortal: boolean): string {
  const description = ownsPortal ? 'Owns the developer portal: its scorecards and guides.' : `Named in CODEOWNERS of ${repos.join(', ')}.`;
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: team, description },
    spec: { type: 'team', profile: { displayName: team }, children: [] },
  };
  return `# Written by cairn init: add the team's email, parent and members (Backstage's Group format).\n${stringify(entity)}`;
}

/** Every `@org/team` named in the CODEOWNERS of the repositories matching the glob (relative to the run's folder), with the repositories naming it. */
async function codeownersTeams(reposGlob: string, { cwd, env }: Pick<CommandContext, 'cwd' | 'env'>): Promise<Map<string, string[]>> {
  // A glob that matches no folder is a ConfigError of the source itself.
  const listing = await listSources([{ type: 'directory', repos: reposGlob }], cwd, undefined, { cwd, env });
  const teams = new Map<string, string[]>();
  for (const handle of listing.repos) {
    const reader = await openRepo(handle.dir, { name: handle.name, now: new Date(0), windowDays: 1 }).catch(() => undefined);
    // The codeowners fact and the catalog's mapping: init writes the very Groups the catalog would infer.
    const found = reader && (await codeowners.collect({ repo: reader, settings: { contentGlobs: [] }, problem: () => {} }));
    for (const rule of found?.rules ?? []) {
      for (const owner of rule.owners) {
        const ref = codeownersRef(owner);
        const team = ref?.startsWith('group:') ? ref.slice(ref.indexOf('/') + 1) : undefined;
        if (!team || team === UNKNOWN_OWNER.slice(UNKNOWN_OWNER.indexOf('/') + 1)) continue;
        const named = teams.get(team) ?? [];
        if (!named.includes(handle.name)) named.push(handle.name);
        teams.set(team, named);
      }
    }
  }
  return teams;
}

async function defaultScorecards(): Promise<Array<{ name: string; text: string }>> {
  const names = (await readdir(join(DEFAULTS_DIR, 'scorecards'))).filter((name) => name.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(DEFAULTS_DIR, 'scorecards', name), 'utf8') })));
}
