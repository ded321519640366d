import { makeValidator } from '@backstage/catalog-model';
import type { Facts } from '../facts/index.ts';
import type { Problem } from '../contract/problems.ts';
import { compareCodeUnits } from '../support/order.ts';

/** Set on every inferred entity, so readers (and Backstage, if the YAML is exported) can tell. */
export const INFERRED_ANNOTATION = 'cairn.dev/inferred';

/** Why the inferred entity has its `spec.type`, in words (`src/api/Dockerfile with EXPOSE 3100`). */
export const INFERRED_TYPE_REASON_ANNOTATION = 'cairn.dev/inferred-type-reason';

/**
 * The owner of an inferred Component when no CODEOWNERS catch-all names one. `spec.owner` is
 * required by Backstage's Component schema, so the entity needs some owner to exist at all.
 */
export const UNKNOWN_OWNER = 'group:default/unknown';

/**
 * Whether `ref`, an entity's owner, is the placeholder for "no owner known": only ever on an inferred
 * entity. A declared entity naming `group:default/unknown` is owned by a team of that name.
 */
export function isPlaceholderOwner(entity: { inferred: boolean }, ref: string | undefined): boolean {
  return entity.inferred && ref === UNKNOWN_OWNER;
}

/** A Location document of a repository's descriptors: where it is, and the targets it names. */
export interface LocationDocument {
  file: string;
  line: number;
  targets: string[];
}

/**
 * The Location documents of descriptors whose every entity-like document is a Location, else
 * undefined: a repository whose descriptors only point elsewhere, at targets that gave no entity
 * (the catalog infers its Component then). What messages name instead of "no entity could be read".
 */
export function onlyLocations(descriptors: Facts['descriptors'] | undefined): LocationDocument[] | undefined {
  const kinds = (descriptors?.documents ?? []).flatMap((document) => {
    const data = document.data as { kind?: unknown; spec?: { target?: unknown; targets?: unknown } } | null;
    return data && typeof data === 'object' && typeof data.kind === 'string' ? [{ document, data }] : [];
  });
  if (kinds.length === 0 || kinds.some(({ data }) => data.kind !== 'Location')) return undefined;
  return kinds.map(({ document, data }) => ({
    file: document.file,
    line: document.line,
    targets: [data.spec?.target, ...(Array.isArray(data.spec?.targets) ? data.spec.targets : [])].filter(
      (target): target is string => typeof target === 'string',
    ),
  }));
}

/** The targets of Location documents, each once, in order. */
export function locationTargets(locations: readonly LocationDocument[]): string[] {
  return [...new Set(locations.flatMap((location) => location.targets))];
}

/** Why a repository with descriptor files has no entity of its own, as a phrase after "its". */
export function descriptorsGiveNothing(descriptors: Facts['descriptors'] | undefined): string {
  const root = descriptors?.files[0] ?? 'catalog-info.yaml';
  const locations = onlyLocations(descriptors);
  if (!locations) return `${root} gives no entity`;
  const targets = locationTargets(locations);
  return `${root} holds only ${locations.length === 1 ? 'a Location' : 'Locations'}, whose targets (${targets.join(', ') || 'none'}) give no entity`;
}

const validators = makeValidator();

/** A repository, as far as inference needs it. */
export interface InferenceInput {
  name: string;
  facts: Facts;
}

/**
 * A Component descriptor for a repository that has none, built from its facts: name from the
 * repository name, description from the root manifest or else the README (see `inferDescription`),
 * owner from CODEOWNERS' catch-all, type from what the repository deploys or publishes, with the
 * reason in an annotation (see `inferType`), tag from the main language, links from the manifests'
 * web pages (see `inferLinks`). Lifecycle stays `unknown`:
 * no file says whether something is experimental or in production. The result is plain descriptor
 * data: it goes through the same validation as a hand-written one.
 */
export function inferComponent(repo: InferenceInput): { data: Record<string, unknown>; problems: Array<Omit<Problem, 'repo'>> } {
  const problems: Array<Omit<Problem, 'repo'>> = [];
  const description = inferDescription(repo.facts);
  const { type, reason } = inferType(repo.facts);
  const owner = ownerFromCodeowners(repo.facts.codeowners?.catchAll ?? []);
  if (!owner) {
    const declared = (repo.facts.descriptors?.files.length ?? 0) > 0;
    const unread = (repo.facts.descriptors?.unread?.length ?? 0) > 0;
    problems.push({
      severity: 'warning',
      ...(repo.facts.codeowners ? { file: repo.facts.codeowners.path } : {}),
      message: `No owner is known for ${repo.name}: ${declared ? `its ${descriptorsGiveNothing(repo.facts.descriptors)}` : unread ? 'its descriptors are not read (see their warning)' : 'it has no catalog-info.yaml'} and no CODEOWNERS catch-all rule (\`* @org/team\`) naming a team or user. ${declared ? 'Fix the one or add the other' : unread ? 'Read them or add the rule' : 'Add either'} to give it an owner.`,
    });
  }
  const tag = repo.facts.languages?.[0] ? toTag(repo.facts.languages[0].name) : undefined;
  const links = inferLinks(repo.facts);
  return {
    data: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: toEntityName(repo.name),
        ...(description ? { description } : {}),
        ...(tag ? { tags: [tag] } : {}),
        ...(links.length > 0 ? { links } : {}),
        annotations: { [INFERRED_ANNOTATION]: 'true', [INFERRED_TYPE_REASON_ANNOTATION]: reason },
      },
      spec: { type, lifecycle: 'unknown', owner: owner ?? UNKNOWN_OWNER },
    },
    problems,
  };
}

/**
 * A valid Backstage entity name from any string: lowercase, runs of other characters (and hyphens) turned into one
 * `-`, starting and ending with a letter or digit, at most 63 characters.
 */
export function toEntityName(value: string): string {
  const name = value
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 63)
    .replace(/[^a-z0-9]+$/, '');
  return name || 'unnamed';
}

/** A Linguist language name as a Backstage tag (`C++` → `c++`, `Vim Script` → `vim-script`), when it can be one. */
export function toTag(language: string): string | undefined {
  const tag = language
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return validators.isValidTag(tag) ? tag : undefined;
}

/**
 * The first CODEOWNERS owner that maps to an entity: `@org/team` → the Group `team`, `@user` → the
 * User `user`. Email owners are skipped: an address says nothing about the catalog's names.
 */
export function ownerFromCodeowners(owners: readonly string[]): string | undefined {
  for (const owner of owners) {
    // `@org/team`, or a GitLab group below the top one, named as Backstage's GitLab provider names it: `@acme/platform/backend` is platform-backend.
    const team = owner
      .match(/^@[^/\s]+((?:\/[^/\s]+)+)$/)?.[1]
      ?.slice(1)
      .replaceAll('/', '-');
    if (team && validators.isValidEntityName(team)) return `group:default/${team.toLowerCase()}`;
    const user = owner.match(/^@([^/\s@]+)$/)?.[1];
    if (user && validators.isValidEntityName(user)) return `user:default/${user.toLowerCase()}`;
  }
  return undefined;
}

type Manifest = NonNullable<Facts['manifests']>[number];
type Dockerfile = NonNullable<Facts['dockerfiles']>[number];

/**
 * Folders whose contents serve something other than the repository's own product: samples,
 * tests, docs, development containers, CI, tooling, and the skeletons of templates.
 */
const NOT_THE_PRODUCT =
  /(^|\/)([^/]*[-_.])?(examples?|samples?|demos?|fixtures?|testdata|test-data|tests?|e2e|__tests__|docs?|\.devcontainer|\.github|\.circleci|\.gitlab|\.buildkite|\.gitpod|ci|\.ci|scripts|tools|hack|benchmarks?|contrib|skeleton|third_party|vendor|node_modules)\/|\{\{/i;
/** Dockerfiles named for development, tests, CI or docs (`Dockerfile.dev`, `test.Dockerfile`). */
const TOOLING_DOCKERFILE =
  /(^|\/)((dockerfile|containerfile)[._-](dev|devel|development|local|test|tests|ci|docs?|lint|debug)|(dev|devel|development|local|test|tests|ci|docs?|lint|debug)\.dockerfile)$/i;

/**
 * Commands that start a long-running server when a container runs them: web servers, application
 * servers, runtimes started on an application (`node`, `java -jar`, `dotnet app.dll`), and the
 * package scripts that start one.
 */
const SERVER_COMMAND = new RegExp(
  [
    String.raw`^(\S*/)?(node|nodejs|bun|deno|gunicorn|uvicorn|hypercorn|daphne|waitress-serve|granian|nginx|httpd|apache2-foreground|caddy|php-fpm\S*|puma|unicorn|thin|passenger|catalina\.sh|tomcat|jetty|traefik|envoy|http-server|serve|pm2-runtime|streamlit|supervisord)(\s|$)`,
    String.raw`^(\S*/)?(npm|yarn|pnpm)\s+(run\s+)?(start|serve)\b`,
    String.raw`^(\S*/)?java\b.*\s-jar\s`,
    String.raw`^(\S*/)?dotnet\s+\S+\.dll\b`,
    String.raw`\b(flask\s+run|manage\.py\s+runserver|rails\s+s(erver)?|bundle\s+exec\s+(rails|puma|unicorn)|next\s+start|nginx\s+-g)\b`,
  ].join('|'),
);
/** Wrappers that run the real command: `dumb-init node app.js`, `tini -- java -jar …`, `sh -c "…"`. */
const COMMAND_WRAPPER = /^((\S*\/)?(dumb-init|tini|gosu\s+\S+|su-exec\s+\S+|exec)(\s+--)?\s+|(\S*\/)?(ba)?sh\s+-c\s+["']?)/;

/** Root files that define how an application is deployed, and what they are. */
const APP_DEFINITIONS: ReadonlyArray<{ file: RegExp; reason: string }> = [
  { file: /^Procfile$/, reason: 'Procfile declares the processes to run' },
  { file: /^azure\.ya?ml$/, reason: 'azure.yaml defines an Azure Developer CLI application' },
  { file: /^fly\.toml$/, reason: 'fly.toml defines a Fly.io application' },
  { file: /^heroku\.ya?ml$/, reason: 'heroku.yml defines a Heroku application' },
  { file: /^render\.ya?ml$/, reason: 'render.yaml defines a Render service' },
  { file: /^serverless\.ya?ml$/, reason: 'serverless.yml defines a Serverless Framework service' },
  { file: /^skaffold\.ya?ml$/, reason: 'skaffold.yaml deploys the application to Kubernetes' },
];

/** Kubernetes manifests in the folders teams keep them in, or a kustomization. */
const KUBERNETES_MANIFEST = /(^|\/)(k8s|kubernetes|kube|\.k8s|kustomize)\/(.+\/)?[^/]+\.ya?ml$|(^|\/)kustomization\.ya?ml$/i;
const HELM_CHART = /(^|\/)Chart\.yaml$/;

/** Root files of static site generators, and the generator's name. */
const SITE_GENERATORS: ReadonlyArray<{ file: RegExp; generator: string }> = [
  { file: /^mkdocs\.ya?ml$/, generator: 'MkDocs' },
  { file: /^docusaurus\.config\.(js|mjs|cjs|ts)$/, generator: 'Docusaurus' },
  { file: /^\.vitepress\/config\.(js|mjs|ts|mts)$/, generator: 'VitePress' },
  { file: /^astro\.config\.(js|mjs|cjs|ts|mts)$/, generator: 'Astro' },
  { file: /^gatsby-config\.(js|mjs|ts)$/, generator: 'Gatsby' },
  { file: /^(\.eleventy\.js|eleventy\.config\.(js|mjs|cjs))$/, generator: 'Eleventy' },
  { file: /^hugo\.(toml|ya?ml|json)$/, generator: 'Hugo' },
  { file: /^_config\.ya?ml$/, generator: 'Jekyll' },
  { file: /^book\.toml$/, generator: 'mdBook' },
  { file: /^antora-playbook\.ya?ml$/, generator: 'Antora' },
];

/** Languages that build, wrap or configure, without being a product's source code. */
const NOT_SOURCE_CODE = new Set(['Dockerfile', 'Makefile', 'Shell', 'Batchfile', 'PowerShell', 'Procfile', 'Nix', 'Just']);
/** Source files by extension, for telling whether a repository's root holds code of its own. */
const SOURCE_FILE = /\.(c|cc|cpp|cs|go|java|js|jsx|kt|kts|mjs|cjs|php|py|rb|rs|scala|swift|ts|tsx|ex|exs|clj|groovy|dart|lua)$/i;

function isSourceFile(path: string): boolean {
  return SOURCE_FILE.test(path);
}

/** A README this long, in a repository without source code (or with code only in sub-projects), is the content itself. */
const DOCUMENTATION_WORDS = 500;

/** Spring Boot starters that run a web server. */
const SPRING_WEB_STARTER = /:spring-boot-starter-(web|webmvc|webflux|jersey|graphql|websocket)$/;

/**
 * The Component type a repository's facts support, and the reason in words. The first rule that
 * holds decides:
 * 1. `template`: a Cookiecutter or Copier template, or a Backstage template with a skeleton.
 * 2. `service`: something deploys it — an app-level Dockerfile that EXPOSEs a port or runs a
 *    server, a Spring Boot web application, a Procfile or a platform's app definition (azure.yaml,
 *    fly.toml …), a Helm chart beside application code, Kubernetes manifests. Dockerfiles of
 *    development containers, CI, docs, tests, samples and tooling do not count.
 * 3. `library`: a root manifest that builds a published package (or, when no manifest builds an
 *    application, a package elsewhere). A repository of Helm charts alone is `other`: a chart
 *    deploys an application, and there is none of its own.
 * 4. `website`: a static site generator's configuration at the root.
 * 5. `documentation`: no source code, and a README (or docs folder) that is the content; or a long
 *    README at a root without a build or source, walking through sub-projects (a guide).
 * 6. `other`.
 */
export function inferType(facts: Facts): { type: string; reason: string } {
  const files = facts.files ?? [];
  const manifests = manifestsRootFirst(facts);
  const dockerfiles = (facts.dockerfiles ?? []).filter(
    (dockerfile) => !NOT_THE_PRODUCT.test(dockerfile.path) && !TOOLING_DOCKERFILE.test(dockerfile.path),
  );

  const template = templateReason(files);
  if (template) return { type: 'template', reason: template };

  for (const dockerfile of dockerfiles) {
    const ports = (dockerfile.exposes ?? []).flatMap((expose) => expose.ports);
    if (ports.length > 0) return { type: 'service', reason: `${dockerfile.path} with EXPOSE ${ports.join(' ')}` };
  }
  for (const dockerfile of dockerfiles) {
    const server = serverCommand(dockerfile);
    if (server) return { type: 'service', reason: `${dockerfile.path} runs a server (${server})` };
  }
  const springWeb = manifests.find(
    (manifest) =>
      !manifest.path.includes('/') &&
      manifest.framework === 'spring-boot' &&
      manifest.dependencies.some((dependency) => SPRING_WEB_STARTER.test(dependency)),
  );
  if (springWeb) {
    const starter = springWeb.dependencies.find((dependency) => SPRING_WEB_STARTER.test(dependency))!.split(':')[1];
    return { type: 'service', reason: `Spring Boot web application (${springWeb.path}: ${starter})` };
  }
  const definition = APP_DEFINITIONS.find(({ file }) => files.some((path) => file.test(path)));
  if (definition) return { type: 'service', reason: definition.reason };
  const charts = files.filter((path) => HELM_CHART.test(path) && !NOT_THE_PRODUCT.test(path));
  const hasApplicationCode = manifests.some((manifest) => !NOT_THE_PRODUCT.test(manifest.path)) || dockerfiles.length > 0;
  if (charts.length > 0 && hasApplicationCode) return { type: 'service', reason: `Helm chart ${charts[0]}` };
  const kubernetes = files.find((path) => KUBERNETES_MANIFEST.test(path) && !NOT_THE_PRODUCT.test(path));
  if (kubernetes)
    return {
      type: 'service',
      reason: `Kubernetes manifests in ${kubernetes.includes('/') ? kubernetes.slice(0, kubernetes.lastIndexOf('/') + 1) : kubernetes}`,
    };

  const library = libraryManifest(manifests);
  if (library) return { type: 'library', reason: `${library.path} builds a library (${library.artifactSignal})` };

  const site = SITE_GENERATORS.find(({ file }) => files.some((path) => file.test(path)));
  if (site) return { type: 'website', reason: `${files.find((path) => site.file.test(path))} builds a static site (${site.generator})` };

  const sourceLanguages = (facts.languages ?? []).filter((language) => !NOT_SOURCE_CODE.has(language.name));
  const readmeWords = facts.readme?.words ?? 0;
  const docsFolder = files.some((path) => /^docs?\/.+\.(md|mdx|rst|adoc)$/i.test(path));
  if (facts.languages && sourceLanguages.length === 0 && (readmeWords >= DOCUMENTATION_WORDS || docsFolder)) {
    return {
      type: 'documentation',
      reason: `no source code; ${docsFolder ? 'the docs folder' : `the README (${readmeWords} words)`} is the content`,
    };
  }
  // A guide: a long README at a root without a build, walking through sub-projects (`initial/`, `complete/`).
  const subProjects = [
    ...new Set(manifests.filter((manifest) => manifest.path.includes('/')).map((manifest) => manifest.path.split('/')[0]!)),
  ].sort();
  const rootHasBuildOrCode =
    manifests.some((manifest) => !manifest.path.includes('/')) || files.some((path) => !path.includes('/') && isSourceFile(path));
  if (readmeWords >= DOCUMENTATION_WORDS && subProjects.length > 0 && !rootHasBuildOrCode) {
    return {
      type: 'documentation',
      reason: `the README (${readmeWords} words) is the content; the code sits in sub-projects (${subProjects.join(', ')}) and the root has no build`,
    };
  }
  // A chart deploys an application; a repository of charts alone has none of its own.
  if (charts.length > 0)
    return {
      type: 'other',
      reason: `a Helm chart repository (${charts.map((path) => path.replace(/\/?Chart\.yaml$/, '') || '.').join(', ')}) without an application of its own`,
    };
  return { type: 'other', reason: 'no deployable, published package, site generator, template or documentation signal' };
}

/** Why the repository is a template, when it is one. */
function templateReason(files: readonly string[]): string | undefined {
  if (files.includes('cookiecutter.json') || files.some((path) => path.startsWith('{{cookiecutter.')))
    return 'cookiecutter.json: a Cookiecutter template';
  const copier = files.find((path) => /^copier\.ya?ml$/.test(path));
  if (copier) return `${copier}: a Copier template`;
  const backstage = files.find(
    (path) =>
      /(^|\/)template\.ya?ml$/.test(path) &&
      files.some((other) => other.startsWith(`${path.slice(0, path.lastIndexOf('/') + 1)}skeleton/`)),
  );
  if (backstage) return `${backstage} with a skeleton: a Backstage software template`;
  return undefined;
}

/** The command a Dockerfile's final stage runs when it is a server, shortened for the reason. */
function serverCommand(dockerfile: Dockerfile): string | undefined {
  for (const instruction of [dockerfile.entrypoint, dockerfile.cmd]) {
    if (!instruction) continue;
    let command = instruction.command;
    for (let unwrap = 0; unwrap < 3 && COMMAND_WRAPPER.test(command); unwrap++) command = command.replace(COMMAND_WRAPPER, '');
    command = command.replace(/^["']|["']$/g, '');
    // ENTRYPOINT ["docker-entrypoint.sh"] hands over to CMD, which is where the server is named.
    if (SERVER_COMMAND.test(command))
      return instruction.command.length > 60 ? `${instruction.command.slice(0, 57)}...` : instruction.command;
  }
  return undefined;
}

/**
 * The manifest that makes the repository a library: a root manifest building a published library;
 * else, when no manifest builds an application, the shallowest library outside samples and tests.
 */
function libraryManifest(manifests: readonly Manifest[]): Manifest | undefined {
  const publishes = (manifest: Manifest) => manifest.artifact === 'library' && !manifest.private;
  const root = manifests.filter((manifest) => !manifest.path.includes('/'));
  const atRoot = root.find(publishes);
  if (atRoot) return atRoot;
  if (
    root.some((manifest) => manifest.artifact === 'application') ||
    manifests.some((manifest) => manifest.artifact === 'application' && !NOT_THE_PRODUCT.test(manifest.path))
  )
    return undefined;
  return manifests.find((manifest) => publishes(manifest) && !NOT_THE_PRODUCT.test(manifest.path));
}

/**
 * Descriptions that project generators write by default (Spring Initializr, `helm create`): they
 * describe the generator, not the project.
 */
const GENERATED_DESCRIPTIONS = new Set([
  'demo project for spring boot',
  'a helm chart for kubernetes',
  'add your description here',
  'todo',
  'description',
]);

/**
 * What the repository says it is: a root manifest's description (package.json, pyproject.toml,
 * Cargo.toml, pom.xml, setup.cfg, a gemspec …) first, else the README's description paragraph,
 * else the description of the one package outside samples and tests that has one. Generators'
 * default descriptions are skipped. Nothing fits: no description.
 */
export function inferDescription(facts: Facts): string | undefined {
  const written = (manifest: Manifest) =>
    manifest.description && !GENERATED_DESCRIPTIONS.has(manifest.description.toLowerCase().replace(/\.$/, '').trim());
  const manifests = manifestsRootFirst(facts);
  const root = manifests.find((manifest) => !manifest.path.includes('/') && written(manifest));
  if (root) return root.description;
  if (facts.readme?.summary) return facts.readme.summary;
  const nested = manifests.filter((manifest) => manifest.path.includes('/') && !NOT_THE_PRODUCT.test(manifest.path) && written(manifest));
  return nested.length === 1 ? nested[0]!.description : undefined;
}

/** Links an inferred entity takes: as many as one manifest may give. */
const MAX_INFERRED_LINKS = 10;

/**
 * The web pages the repository's root manifests name (homepage, documentation, issues …), each URL
 * once; without any, those of the one package outside samples and tests that names some.
 */
export function inferLinks(facts: Facts): Array<{ url: string; title: string }> {
  const manifests = manifestsRootFirst(facts).filter((manifest) => manifest.links);
  const root = manifests.filter((manifest) => !manifest.path.includes('/'));
  const nested = manifests.filter((manifest) => manifest.path.includes('/') && !NOT_THE_PRODUCT.test(manifest.path));
  const from = root.length > 0 ? root : nested.length === 1 ? nested : [];
  const links = new Map<string, string>();
  for (const { title, url } of from.flatMap((manifest) => manifest.links ?? [])) if (!links.has(url)) links.set(url, title);
  return [...links].slice(0, MAX_INFERRED_LINKS).map(([url, title]) => ({ url, title }));
}

/** Manifests with the shallowest first, so the root package speaks for the repository. */
function manifestsRootFirst(facts: Facts): NonNullable<Facts['manifests']> {
  const depth = (path: string) => path.split('/').length;
  return [...(facts.manifests ?? [])].sort((a, b) => depth(a.path) - depth(b.path) || compareCodeUnits(a.path, b.path));
}
