import { z } from 'zod';
import { globSchema } from '../support/globs.ts';
import { FORGES } from '../support/source-links.ts';

/** A folder of git work trees. Descriptions are zod metadata so the generated JSON Schema carries them to editors. */
export const directorySourceSchema = z
  .strictObject({
    type: z.literal('directory'),
    repos: globSchema.describe('Glob matching repository folders, e.g. `../repos/*`, relative to this file.'),
    webUrl: z
      .url()
      .optional()
      .describe(
        'Web UI of each repository, `{name}` replaced by the folder name, e.g. `https://github.com/acme/{name}`. Used for "view source" and evidence links. Without it, a repository whose `origin` remote is on github.com, gitlab.com or bitbucket.org links to its page there, and with `forge` set, one on any host (a self-hosted GitLab).',
      ),
    forge: z
      .enum(FORGES)
      .optional()
      .describe(
        "The forge's URL shapes for source links: github, gitlab, bitbucket, bitbucket-server or azure-devops. Needed for a self-hosted GitLab whose host does not start with gitlab.; GitHub, gitlab.com and gitlab.* hosts, Bitbucket Cloud, Azure DevOps and Bitbucket Server's /projects/…/repos/… URLs are recognised.",
      ),
  })
  .describe('Every git work tree matching a glob on this machine.');

/** How long a clone or fetch may show no progress: a stalled server must not hold the nightly run until CI kills it. */
const stallSecondsSchema = z
  .number()
  .positive()
  .max(86_400, 'expected at most 86400 (a day)')
  .default(120)
  .describe(
    'Seconds a clone or fetch may go without progress before it is stopped (default 120). The repository is then a problem; an earlier clone of it is still scanned, marked stale.',
  );

/** Repositories cloned from their URLs. */
export const gitSourceSchema = z
  .strictObject({
    type: z.literal('git'),
    repos: z
      .array(
        z.union([
          z.string().min(1),
          z.strictObject({
            url: z.string().min(1).describe('The clone URL.'),
            name: z
              .string()
              .regex(/^[\w.-]+$/, 'expected letters, digits, ".", "_" or "-"')
              .refine((name) => name !== '.' && name !== '..', 'expected a name, not a path')
              .describe("The repository's name in the portal, for two whose URLs end alike (GitLab's platform/api and finance/api)."),
          }),
        ]),
      )
      .min(1)
      .describe(
        "Clone URLs: anything git accepts (https://…, git@host:org/repo.git, file://…, a path to a bare repository). The name is the URL's last part without .git; `{ url, name }` gives one of its own.",
      ),
    clones: z
      .string()
      .min(1)
      .optional()
      .describe('Where the clones are kept between runs, relative to this file (default: .cache/clones in the working folder).'),
    webUrl: z
      .url()
      .optional()
      .describe(
        'Web UI of each repository, `{name}` replaced by its name, e.g. `https://git.example.com/acme/{name}`. Used for "view source" and evidence links.',
      ),
    forge: z
      .enum(FORGES)
      .optional()
      .describe(
        "The forge's URL shapes for source links: github, gitlab, bitbucket, bitbucket-server or azure-devops. Needed for a self-hosted GitLab whose host does not start with gitlab.; GitHub, gitlab.com and gitlab.* hosts, Bitbucket Cloud, Azure DevOps and Bitbucket Server's /projects/…/repos/… URLs are recognised.",
      ),
    stallSeconds: stallSecondsSchema,
  })
  .describe(
    'Git repositories cloned (partially: full history, file contents of the checked-out commit only) and fetched again on later runs.',
  );

/** An organisation's (or a user's) repositories on GitHub or GitHub Enterprise, listed over the REST API, then cloned. */
export const githubSourceSchema = z
  .strictObject({
    type: z.literal('github'),
    org: z.string().min(1).optional().describe('The organisation whose repositories are listed.'),
    user: z.string().min(1).optional().describe('A user whose repositories are listed (instead of org).'),
    apiUrl: z
      .url()
      .default('https://api.github.com')
      .describe('The REST API: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server.'),
    tokenEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable')
      .default('GITHUB_TOKEN')
      .describe(
        'The environment variable holding the token (default GITHUB_TOKEN); without it, only public repositories, at the unauthenticated rate limit.',
      ),
    include: z.array(z.string().min(1)).optional().describe('Name globs to keep, e.g. ["svc-*"]. Default: every repository.'),
    exclude: z.array(z.string().min(1)).optional().describe('Name globs to leave out, e.g. ["*-archive", "sandbox-*"].'),
    topics: z.array(z.string().min(1)).optional().describe('Keep only repositories with at least one of these topics.'),
    archived: z.boolean().default(false).describe('Include archived repositories (default false).'),
    forks: z.boolean().default(false).describe('Include forks (default false).'),
    clones: z
      .string()
      .min(1)
      .optional()
      .describe('Where the clones are kept between runs, relative to this file (default: .cache/clones in the working folder).'),
    stallSeconds: stallSecondsSchema,
    teams: z
      .boolean()
      .default(false)
      .describe(
        "Also read the organisation's teams (with their parent team and members) as Group and User entities, as Backstage's GitHub org provider does (default false). Needs org and a token that can read the organisation's teams (read:org). Secret teams are left out.",
      ),
  })
  .refine((source) => (source.org === undefined) !== (source.user === undefined), {
    message: 'expected exactly one of org or user',
    path: ['org'],
  })
  .refine((source) => !source.teams || source.org !== undefined, {
    message: 'teams are read from an organisation: set org, not user',
    path: ['teams'],
  })
  .describe('The repositories of a GitHub organisation or user.');

export const sourceSchema = z.discriminatedUnion('type', [directorySourceSchema, gitSourceSchema, githubSourceSchema]);

/** How guide pages link out and when a guide counts as stale. */
export const guideSettingsSchema = z
  .strictObject({
    staleAfterDays: z.number().int().positive().default(180).describe('A guide not reviewed within this many days is flagged as stale.'),
    editUrl: z
      .string()
      .regex(/^https?:\/\//, 'expected an http(s) URL')
      .optional()
      .describe(
        '"Edit this page" link; `{path}` is replaced by the guide file\'s path below the content folder, e.g. `https://github.com/acme/portal/edit/main/content/{path}`.',
      ),
    feedbackUrl: z
      .string()
      .regex(/^https?:\/\//, 'expected an http(s) URL')
      .optional()
      .describe(
        '"Was this helpful?" link, e.g. a prefilled issue form; `{title}`, `{id}` and `{url}` are replaced by the guide\'s (URL-encoded).',
      ),
  })
  .describe('Golden-path guides (the guides/ folder beside portal.yaml).');

/** Where developers' feedback on guides and checks is kept: issues of one repository. */
export const feedbackSettingsSchema = z
  .strictObject({
    repository: z
      .string()
      .regex(/^https?:\/\/[^/]+\/[^/]+\/.+[^/]$/, 'expected the web URL of a repository, e.g. https://github.com/acme/portal')
      .describe(
        'Web URL of the repository whose issues hold the feedback, e.g. `https://github.com/acme/portal`. Its issue form (`.github/ISSUE_TEMPLATE/cairn-feedback.yml`) or template (`.gitlab/issue_templates/cairn-feedback.md`) is in docs/feedback.md.',
      ),
    forge: z
      .enum(['github', 'gitlab'])
      .optional()
      .describe('github or gitlab; default: gitlab when the host name contains "gitlab", else github.'),
    apiUrl: z
      .url()
      .optional()
      .describe(
        'The REST API (default https://api.github.com for github.com, https://<host>/api/v3 for GitHub Enterprise Server, https://<host>/api/v4 for GitLab).',
      ),
    tokenEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable')
      .optional()
      .describe('The environment variable holding a token that can read the issues (default GITHUB_TOKEN, or GITLAB_TOKEN).'),
    label: z
      .string()
      .min(1)
      .default('cairn-feedback')
      .describe('The label the issue form sets and feedback is listed by (default cairn-feedback).'),
    issues: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A JSON file of the issues as the API returns them (e.g. `gh api --paginate --slurp "repos/acme/portal/issues?labels=cairn-feedback&state=all"`), relative to this file, read instead of the API.',
      ),
    showRespondents: z.boolean().default(false).describe("Publish respondents' handles beside their comments (default false)."),
  })
  .describe(
    'Developer feedback: each guide and check page links to a prefilled issue, and the issues are read back as satisfaction figures.',
  );

/** Per-repository caps, so that one repository cannot exhaust a run. */
export const limitsSchema = z
  .strictObject({
    files: z
      .number()
      .int()
      .positive()
      .default(500_000)
      .describe(
        'Tracked files listed per repository (default 500000); beyond it, the first ones by path are kept and the repository has a problem saying so.',
      ),
    megabytes: z
      .number()
      .positive()
      .default(256)
      .describe(
        'MiB of file content each fact may read from one repository (default 256); files past it are not read, and the repository has a problem saying which.',
      ),
    seconds: z
      .number()
      .positive()
      .default(300)
      .describe(
        "Seconds one repository's collection may take (default 300); facts not read by then are left out of the run, and the repository has a problem naming them.",
      ),
  })
  .describe('Caps on what one repository may cost a run; each one reached is reported as a problem on that repository.');

export const DEFAULT_LIMITS = limitsSchema.parse({});

/** `portal.yaml`: the one file a platform team writes to set up its portal. */
/**
 * A descriptor glob, from the repository root: `/` leading it (Backstage's `catalogPath` spelling)
 * means the root too. A glob that leaves the repository is refused.
 */
const descriptorPathSchema = z.string().refine((glob) => /[^/]/.test(glob) && !glob.split('/').includes('..') && !glob.startsWith('!'), {
  message: 'expected a glob of files inside the repository, e.g. **/catalog-info.yaml',
});

export const portalConfigSchema = z
  .strictObject({
    title: z.string().min(1).default('Cairn').describe('Shown in the header and page titles.'),
    site: z.url().optional().describe('Absolute URL the portal is published at, e.g. `https://acme.github.io`.'),
    base: z
      .string()
      .regex(/^\//, 'expected a path starting with /')
      .default('/')
      .describe('Base path for a project site, e.g. `/portal/` for `https://acme.github.io/portal/`.'),
    badges: z
      .union([z.boolean(), z.array(z.string().min(1)).min(1)])
      .default(false)
      .describe(
        'README badges, one SVG per entity and scorecard at `/badges/<namespace>/<kind>/<name>/<scorecard>.svg`: `true` for every scorecard, a list of scorecard ids for those only (default false: none, since a large organisation would publish thousands nobody embeds).',
      ),
    sources: z.array(sourceSchema).default([]).describe('Where the repositories come from.'),
    catalog: z
      .strictObject({
        paths: z
          .array(descriptorPathSchema)
          .min(1)
          .optional()
          .describe(
            "The descriptor files read in every repository, as globs from its root, as Backstage discovery's catalogPath: e.g. `['**/catalog-info.yaml']` for a monorepo's descriptor per service (default: catalog-info.yaml at the root). The files their Location entities target are read too.",
          ),
      })
      .default({})
      .describe('Where repositories declare their catalog entities.'),
    activity: z
      .strictObject({ windowDays: z.number().int().positive().default(90).describe('Days of git history the activity facts look at.') })
      .default({ windowDays: 90 }),
    guides: guideSettingsSchema.default({ staleAfterDays: 180 }),
    history: z
      .strictObject({
        dir: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Folder of the run history, relative to this file (default: history in the working folder). Persist it between nightly runs.',
          ),
        keep: z.number().int().positive().default(365).describe('How many runs the history keeps (default 365).'),
      })
      .default({ keep: 365 })
      .describe('The history of runs, for trends and "what changed".'),
    concurrency: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Repositories read at once, across every worker thread (default: four per CPU).'),
    workers: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe(
        'Worker threads that read repositories, and render docs sites, beside the main thread (default: one per CPU but two, from 40 repositories on, and on two CPUs one from 5,000 on; for docs, from 100,000 characters of Markdown to render on); 0 does everything on the main thread.',
      ),
    limits: limitsSchema.default(DEFAULT_LIMITS),
    feedback: feedbackSettingsSchema.optional(),
  })
  .describe('Cairn portal configuration.');

export type DirectorySource = z.infer<typeof directorySourceSchema>;
export type GitSource = z.infer<typeof gitSourceSchema>;
export type GitHubSource = z.infer<typeof githubSourceSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type GuideSettings = z.infer<typeof guideSettingsSchema>;
export type Limits = z.infer<typeof limitsSchema>;
export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;
export type PortalConfig = z.infer<typeof portalConfigSchema>;

/** The portal config and where its content folders are. */
export interface LoadedConfig {
  config: PortalConfig;
  /** Folder of portal.yaml: relative paths in it resolve from here. */
  baseDir: string;
  /** The content folder (teams/, scorecards/, guides/ …): the folder of portal.yaml, when there is one. */
  contentDir?: string;
  /** portal.yaml itself, when there is one: its path, and as messages name it. */
  file?: { path: string; shown: string };
}
