import { z } from 'zod';
import type { RepoReader } from '../repo/reader.ts';
import { dirnameOf, joinPath } from '../support/repo-paths.ts';
import { formats, loadFormats, type Formats } from './formats/index.ts';
import { record } from './formats/record.ts';
import { defineRetriever } from './retriever.ts';

const ecosystemSchema = z.enum(['npm', 'go', 'python', 'cargo', 'maven', 'gradle', 'ruby']);

export const manifestSchema = z.object({
  ecosystem: ecosystemSchema,
  path: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  version: z.string().optional(),
  license: z.string().optional(),
  /** The language runtime the manifest asks for (`engines.node`, the `go` directive, `requires-python` …). */
  runtime: z.string().optional(),
  /** Where `runtime` was read, when the manifest has several places for it (`java.version`, `tool.poetry.dependencies.python`). */
  runtimeField: z.string().optional(),
  /** Names of declared dependencies, sorted. */
  dependencies: z.array(z.string()),
  /** requirements.txt only: whether every requirement is pinned to one version (`==`/`===`), so the file serves as a lockfile. */
  pinned: z.boolean().optional(),
  /** The package is kept from its registry: npm `"private": true`, Cargo `publish = false`, the PyPI classifier `Private :: Do Not Upload`. */
  private: z.boolean().optional(),
  /**
   * What the manifest builds, when it says so: a `library` others depend on (a published npm package,
   * a Rust lib crate, a Go package other than `main`, a Python distribution, a gem, a jar or
   * `java-library`), or an `application` (a Spring Boot or `application` build, a war, a Rust or Go
   * binary). Absent when the manifest does not tell (a workspace root, requirements.txt).
   */
  artifact: z.enum(['library', 'application']).optional(),
  /** What told the artifact, in words: `exports`, `src/lib.rs`, `package main`, `spring-boot-maven-plugin` … */
  artifactSignal: z.string().optional(),
  /** The application framework the build applies, when Cairn recognises it (`spring-boot`). */
  framework: z.string().optional(),
  /**
   * The web pages the manifest names (package.json's `homepage` and `bugs`, `[project.urls]`,
   * Cargo's `homepage`, `documentation` and `repository`, setup.cfg's `url` and `project_urls`, a
   * gemspec's `homepage`, pom.xml's `url`), titled as it titles them: http(s) URLs only, each once.
   */
  links: z.array(z.object({ title: z.string(), url: z.string() })).optional(),
  /** npm only: the `.npmrc` (its folder's, or the nearest above it) that turns npm's lockfile off (`package-lock=false`), at its line. */
  lockfileOff: z.object({ path: z.string(), line: z.number().int().positive() }).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
type Parsed = Omit<Manifest, 'ecosystem' | 'path'>;

/** What a parser may know besides the manifest's text: the files beside it, and (for go.mod) the package in its folder. */
export interface ManifestContext {
  /** Whether a path relative to the manifest's folder is a tracked file. */
  has(relativePath: string): boolean;
  /** go.mod only: the package clause of the Go files in the module root (`main`, `gin` …). */
  goPackage?: string;
}

/** A parser returns undefined for a file that has the name but builds nothing (a setup.py that only exits). */
type Parser = { ecosystem: z.infer<typeof ecosystemSchema>; parse(text: string, context: ManifestContext): Parsed | undefined };

/** File name → how to read it. Build files in nested folders count too (monorepos). */
const PARSERS: Record<string, Parser> = {
  'package.json': { ecosystem: 'npm', parse: parsePackageJson },
  'go.mod': { ecosystem: 'go', parse: parseGoMod },
  'pyproject.toml': { ecosystem: 'python', parse: parsePyproject },
  'setup.py': { ecosystem: 'python', parse: parseSetupPy },
  'setup.cfg': { ecosystem: 'python', parse: parseSetupCfg },
  Pipfile: { ecosystem: 'python', parse: parsePipfile },
  'requirements.txt': { ecosystem: 'python', parse: parseRequirements },
  'Cargo.toml': { ecosystem: 'cargo', parse: parseCargo },
  'pom.xml': { ecosystem: 'maven', parse: parsePom },
  'build.gradle': { ecosystem: 'gradle', parse: parseGradle },
  'build.gradle.kts': { ecosystem: 'gradle', parse: parseGradle },
};
const GEMSPEC: Parser = { ecosystem: 'ruby', parse: parseGemspec };

const MAX_MANIFESTS = 100;
const NOTHING_BESIDE: ManifestContext = { has: () => false };

/** Package manifests of every ecosystem Cairn knows, outside vendored folders. */
export const manifests = defineRetriever({
  id: 'manifests',
  version: 7,
  description:
    'Package manifests (package.json, go.mod, pyproject.toml, setup.py, setup.cfg, Pipfile, requirements.txt, Cargo.toml, pom.xml, build.gradle, *.gemspec) with name, description, runtime, dependencies and what they build.',
  schema: z.array(manifestSchema),
  async collect({ repo, problem }) {
    await loadFormats();
    const paths = repo
      .glob([...Object.keys(PARSERS).map((name) => `**/${name}`), '**/*.gemspec'])
      .filter((path) => !/(^|\/)(node_modules|vendor|third_party)\//.test(path))
      .slice(0, MAX_MANIFESTS);
    const found: Manifest[] = [];
    for (const path of paths) {
      const text = await repo.readText(path);
      if (text === undefined) continue;
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      const context: ManifestContext = {
        has: (relativePath) => repo.has(`${dir}${relativePath.replace(/^\.\//, '')}`),
        ...(path.endsWith('go.mod') ? await goPackageIn(repo, dir) : {}),
      };
      try {
        const manifest = parseManifest(path, text, context);
        const lockfileOff = manifest?.ecosystem === 'npm' ? await npmLockfileOff(repo, path) : undefined;
        if (manifest) found.push({ ...manifest, ...(lockfileOff ? { lockfileOff } : {}) });
      } catch (error) {
        problem({ severity: 'warning', file: path, ...lineOf(error), message: `Could not parse ${path}: ${messageOf(error)}` });
      }
    }
    return found;
  },
});

/** The nearest `.npmrc` from the manifest's folder up to the repository root, and the line where it says `package-lock=false`, if it does. */
async function npmLockfileOff(
  repo: Pick<RepoReader, 'has' | 'readText'>,
  manifestPath: string,
): Promise<{ path: string; line: number } | undefined> {
  for (let folder = dirnameOf(manifestPath); ; folder = dirnameOf(folder)) {
    const path = joinPath(folder, '.npmrc')!;
    if (repo.has(path)) {
      const lines = (await repo.readText(path))?.split('\n') ?? [];
      const at = lines.findIndex((line) => /^\s*package-lock\s*=\s*false\s*$/.test(line));
      return at < 0 ? undefined : { path, line: at + 1 };
    }
    if (folder === '.') return undefined;
  }
}

/** The package clause of the first Go file (tests aside) directly in `dir`, the module root. */
async function goPackageIn(repo: Pick<RepoReader, 'files' | 'readText'>, dir: string): Promise<{ goPackage?: string }> {
  const sources = repo
    .files()
    .filter((file) => file.startsWith(dir) && !file.slice(dir.length).includes('/') && file.endsWith('.go') && !file.endsWith('_test.go'));
  for (const source of sources.slice(0, 5)) {
    const name = (await repo.readText(source))?.match(/^package\s+(\w+)/m)?.[1];
    // `documentation` packages and build-ignored helpers (`//go:build ignore`) say nothing about the module.
    if (name && name !== 'ignore') return { goPackage: name };
  }
  return {};
}

/**
 * Parses a manifest by its file name; undefined for a file name Cairn does not know. Throws on syntax
 * errors. `context` tells which files sit beside it (default: none).
 */
export function parseManifest(path: string, text: string, context: ManifestContext = NOTHING_BESIDE): Manifest | undefined {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const parser = Object.hasOwn(PARSERS, file) ? PARSERS[file] : file.endsWith('.gemspec') ? GEMSPEC : undefined;
  const parsed = parser?.parse(text, context);
  return parser && parsed && { ecosystem: parser.ecosystem, path, ...withoutEmpty(parsed) };
}

/** Fields of package.json that put something in the published package, in the order they are named as the signal. */
const NPM_ENTRY_FIELDS = ['exports', 'main', 'module', 'types', 'typings', 'bin', 'files', 'publishConfig'] as const;

function parsePackageJson(text: string, context: ManifestContext): Parsed {
  const json = JSON.parse(text) as Record<string, unknown>;
  const deps = { ...record(json.dependencies), ...record(json.devDependencies), ...record(json.peerDependencies) };
  const isPrivate = json.private === true;
  // `main` naming a file that is not there (a leftover of `npm init`) publishes nothing; a built `main` comes with `files`.
  const entry =
    NPM_ENTRY_FIELDS.find(
      (field) =>
        json[field] !== undefined &&
        (field !== 'main' ||
          (typeof json.main === 'string' && [json.main, `${json.main}.js`, `${json.main}/index.js`].some((path) => context.has(path)))),
    ) ?? (context.has('index.js') ? 'index.js' : undefined);
  return {
    name: string(json.name),
    description: description(json.description),
    version: string(json.version),
    license: string(json.license),
    runtime: string(record(json.engines).node),
    dependencies: Object.keys(deps).sort(),
    ...webLinks([
      ['Homepage', json.homepage],
      ['Issues', typeof json.bugs === 'string' ? json.bugs : record(json.bugs).url],
    ]),
    ...(isPrivate ? { private: true } : entry ? { artifact: 'library' as const, artifactSignal: entry } : {}),
  };
}

function parseGoMod(text: string, context: ManifestContext): Parsed {
  const dependencies = new Set<string>();
  let inRequire = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*/, '').trim();
    if (line.startsWith('require (')) inRequire = true;
    else if (inRequire && line === ')') inRequire = false;
    else if (inRequire && line) dependencies.add(line.split(/\s+/)[0]!);
    else if (line.startsWith('require ')) dependencies.add(line.split(/\s+/)[1]!);
  }
  const goPackage = context.goPackage;
  return {
    name: text.match(/^module\s+(\S+)/m)?.[1],
    runtime: text.match(/^go\s+(\S+)/m)?.[1],
    dependencies: [...dependencies].sort(),
    ...(goPackage
      ? { artifact: goPackage === 'main' ? ('application' as const) : ('library' as const), artifactSignal: `package ${goPackage}` }
      : {}),
  };
}

const PRIVATE_CLASSIFIER = 'Private :: Do Not Upload';

function parsePyproject(text: string): Parsed {
  const toml = formats().parseToml(text) as Record<string, unknown>;
  const project = record(toml.project);
  const poetry = record(record(toml.tool).poetry);
  const requirementNames = (list: unknown) => (Array.isArray(list) ? list.map((spec) => requirementName(String(spec))) : []);
  const name = string(project.name) ?? string(poetry.name);
  const classifiers = [
    ...(Array.isArray(project.classifiers) ? project.classifiers : []),
    ...(Array.isArray(poetry.classifiers) ? poetry.classifiers : []),
  ];
  const isPrivate = classifiers.includes(PRIVATE_CLASSIFIER);
  // A [project] without [build-system] is not built into a distribution (uv's "application" projects); Poetry packages unless told not to.
  const backend = string(record(toml['build-system'])['build-backend']);
  const builds =
    toml['build-system'] !== undefined
      ? `[build-system] ${backend ?? ''}`.trim()
      : Object.keys(poetry).length > 0 && poetry['package-mode'] !== false
        ? '[tool.poetry]'
        : undefined;
  return {
    name,
    description: description(project.description) ?? description(poetry.description),
    version: string(project.version) ?? string(poetry.version),
    license: string(project.license) ?? string(record(project.license).text) ?? string(poetry.license),
    ...(string(project['requires-python'])
      ? { runtime: string(project['requires-python']) }
      : string(record(poetry.dependencies).python)
        ? { runtime: string(record(poetry.dependencies).python), runtimeField: 'tool.poetry.dependencies.python' }
        : {}),
    dependencies: [
      ...requirementNames(project.dependencies),
      ...Object.keys(record(poetry.dependencies)).filter((name) => name !== 'python'),
    ].sort(),
    ...webLinks([
      ...Object.entries(record(project.urls)),
      ['Homepage', poetry.homepage],
      ['Documentation', poetry.documentation],
      ['Repository', poetry.repository],
      ...Object.entries(record(poetry.urls)),
    ]),
    ...(isPrivate ? { private: true } : name && builds ? { artifact: 'library' as const, artifactSignal: builds } : {}),
  };
}

function parseSetupPy(text: string): Parsed | undefined {
  // Module-level code that exits before setup() is called (a setup.py kept only to say it is no longer supported) builds nothing.
  const setupCall = text.search(/^[ \t]*(setuptools\.)?setup\s*\(/m);
  const exit = text.search(/^(sys\.exit|exit|raise\s+SystemExit)\b/m);
  if (setupCall === -1 || (exit !== -1 && exit < setupCall)) return undefined;
  const argument = (name: string) => text.match(new RegExp(`\\b${name}\\s*=\\s*['"]([^'"]*)['"]`))?.[1];
  const install = text.match(/install_requires\s*=\s*\[([^\]]*)\]/)?.[1] ?? '';
  const name = argument('name');
  return {
    name,
    description: description(argument('description')),
    version: argument('version'),
    license: argument('license'),
    runtime: argument('python_requires'),
    dependencies: [...install.matchAll(/['"]([^'"]+)['"]/g)].map((match) => requirementName(match[1]!)).sort(),
    ...(text.includes(PRIVATE_CLASSIFIER) ? { private: true } : name ? { artifact: 'library' as const, artifactSignal: 'setup.py' } : {}),
  };
}

/** pipenv's Pipfile: packages, dev packages and the Python version it requires. */
function parsePipfile(text: string): Parsed {
  const toml = formats().parseToml(text) as Record<string, unknown>;
  const requires = record(toml.requires);
  const names = [...Object.keys(record(toml.packages)), ...Object.keys(record(toml['dev-packages']))].map((name) => name.toLowerCase());
  return {
    runtime: string(requires.python_full_version) ?? string(requires.python_version),
    dependencies: [...new Set(names)].sort(),
  };
}

/** setuptools' declarative configuration: `[metadata]` and `[options]` of an INI file. */
function parseSetupCfg(text: string): Parsed {
  const sections = parseIni(text);
  const metadata = sections.get('metadata') ?? new Map<string, string>();
  const options = sections.get('options') ?? new Map<string, string>();
  // `file: README.md` and `attr: pkg.__version__` point elsewhere; they are not the value.
  const value = (section: Map<string, string>, key: string) => {
    const found = section.get(key)?.trim();
    return found && !/^(file|attr):/.test(found) ? found : undefined;
  };
  const name = value(metadata, 'name');
  // setuptools reads a one-line value as `;`-separated, a dangling list one per line (where `;` starts an environment marker).
  const install = options.get('install_requires') ?? '';
  const requirements = install
    .split(install.includes('\n') ? '\n' : ';')
    .map((line) => line.replace(/(^|\s)#.*/, '').trim())
    .filter(Boolean);
  const classifiers = metadata.get('classifiers') ?? '';
  return {
    name,
    description: description(value(metadata, 'description') ?? value(metadata, 'summary')),
    version: value(metadata, 'version'),
    license: value(metadata, 'license'),
    runtime: value(options, 'python_requires'),
    dependencies: [...new Set(requirements.map(requirementName))].sort(),
    // `project_urls` holds one `Title = URL` per line.
    ...webLinks([
      ['Homepage', value(metadata, 'url') ?? value(metadata, 'home_page')],
      ...(metadata.get('project_urls') ?? '').split('\n').map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      }),
    ]),
    ...(classifiers.includes(PRIVATE_CLASSIFIER)
      ? { private: true }
      : name
        ? { artifact: 'library' as const, artifactSignal: 'setup.cfg' }
        : {}),
  };
}

/** INI sections → keys → values; indented lines continue the previous value (setuptools' multi-line lists). */
function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim() || /^\s*[#;]/.test(line)) continue;
    const header = line.match(/^\[([^\]]+)\]\s*$/);
    if (header) {
      section = new Map();
      sections.set(header[1]!.trim().toLowerCase(), section);
      key = undefined;
    } else if (/^\s/.test(line) && section && key) {
      section.set(key, `${section.get(key) ?? ''}\n${line.trim()}`.replace(/^\n/, ''));
    } else if (section) {
      const pair = line.match(/^([^=:]+?)\s*[=:]\s*(.*)$/);
      if (!pair) continue;
      key = pair[1]!.trim().toLowerCase().replace(/-/g, '_');
      section.set(key, pair[2]!.trim());
    }
  }
  return sections;
}

/** A Ruby gem's specification: read by pattern, never evaluated. The short `summary` describes; `description` is the long form. */
function parseGemspec(text: string): Parsed {
  const quoted = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|%q?\{([^}]*)\}|%q?\(([^)]*)\))`;
  const field = (name: string) => {
    const match = text.match(new RegExp(String.raw`\.${name}\s*=\s*${quoted}`));
    return match ? (match[1] ?? match[2] ?? match[3] ?? match[4]) : undefined;
  };
  const licenses = text.match(/\.licenses?\s*=\s*\[?\s*["']([^"']+)["']/)?.[1];
  const dependencies = [...text.matchAll(/\.add_(?:runtime_|development_)?dependency\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1]!);
  const name = field('name');
  return {
    name,
    description: description(field('summary')) ?? description(field('description')),
    version: field('version'),
    license: licenses,
    runtime: field('required_ruby_version'),
    dependencies: [...new Set(dependencies)].sort(),
    ...webLinks([['Homepage', field('homepage')]]),
    ...(name ? { artifact: 'library' as const, artifactSignal: 'gemspec' } : {}),
  };
}

function parseRequirements(text: string): Parsed {
  const requirements = text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*/, '').trim())
    .filter((line) => line && !line.startsWith('-'));
  const dependencies = requirements.map(requirementName);
  // `pkg==1.2.3` (or `===`) names one version; `==1.*`, ranges and bare names let the resolver choose.
  const pinned =
    requirements.length > 0 &&
    requirements.every((line) => /={2,3}\s*[^\s*,;]+(\s|;|$)/.test(line) && !/[<>~!]=?|,/.test(line.split(';')[0]!.replace(/={2,3}/, '')));
  return { dependencies: [...new Set(dependencies)].sort(), pinned };
}

/** `requests[security]>=2.0 ; python_version<"3.8"` → `requests`. */
function requirementName(spec: string): string {
  return spec
    .trim()
    .split(/[\s<>=!~;[(@]/)[0]!
    .toLowerCase();
}

function parseCargo(text: string, context: ManifestContext): Parsed {
  const toml = formats().parseToml(text) as Record<string, unknown>;
  const pkg = record(toml.package);
  const hasPackage = toml.package !== undefined;
  // A lib target (declared, or src/lib.rs by convention) is what other crates depend on, even beside a binary.
  const target = !hasPackage
    ? undefined
    : toml.lib !== undefined
      ? { artifact: 'library' as const, artifactSignal: '[lib]' }
      : context.has('src/lib.rs')
        ? { artifact: 'library' as const, artifactSignal: 'src/lib.rs' }
        : toml.bin !== undefined
          ? { artifact: 'application' as const, artifactSignal: '[[bin]]' }
          : context.has('src/main.rs')
            ? { artifact: 'application' as const, artifactSignal: 'src/main.rs' }
            : undefined;
  return {
    name: string(pkg.name),
    description: description(pkg.description),
    version: string(pkg.version),
    license: string(pkg.license),
    runtime: string(pkg['rust-version']),
    dependencies: [...Object.keys(record(toml.dependencies)), ...Object.keys(record(toml['dev-dependencies']))].sort(),
    ...webLinks([
      ['Homepage', pkg.homepage],
      ['Documentation', pkg.documentation],
      ['Repository', pkg.repository],
    ]),
    ...(pkg.publish === false ? { private: true } : {}),
    ...target,
  };
}

let xml: InstanceType<Formats['XMLParser']> | undefined;

function parsePom(text: string): Parsed {
  xml ??= new (formats().XMLParser)({ ignoreAttributes: true, processEntities: false });
  const project = record(record(xml.parse(text)).project);
  const properties = record(project.properties);
  const dependencyList = record(project.dependencies).dependency;
  const dependencies = (Array.isArray(dependencyList) ? dependencyList : dependencyList ? [dependencyList] : []).map(
    (dependency) => `${string(record(dependency).groupId) ?? ''}:${string(record(dependency).artifactId) ?? ''}`,
  );
  const packaging = string(project.packaging) ?? 'jar';
  const springBoot = /<artifactId>\s*spring-boot-maven-plugin\s*<\/artifactId>/.test(text);
  const target = springBoot
    ? { artifact: 'application' as const, artifactSignal: 'spring-boot-maven-plugin', framework: 'spring-boot' }
    : packaging === 'war' || packaging === 'ear'
      ? { artifact: 'application' as const, artifactSignal: `${packaging} packaging` }
      : /<mainClass>/.test(text) || /<artifactId>\s*(quarkus|micronaut)-maven-plugin\s*<\/artifactId>/.test(text)
        ? { artifact: 'application' as const, artifactSignal: /<mainClass>/.test(text) ? 'mainClass' : 'application plugin' }
        : packaging === 'jar'
          ? { artifact: 'library' as const, artifactSignal: 'jar packaging' }
          : undefined;
  const runtimeField = ['maven.compiler.release', 'java.version', 'maven.compiler.source'].find((field) => scalar(properties[field]));
  return {
    name: string(project.artifactId),
    description: description(project.description),
    version: scalar(project.version),
    license: string(record(record(project.licenses).license).name),
    ...(runtimeField ? { runtime: scalar(properties[runtimeField]), runtimeField } : {}),
    dependencies: dependencies.sort(),
    // Entities are not expanded when the pom is parsed (processEntities: false): the five XML ones are, here.
    ...webLinks([['Homepage', xmlText(project.url)]]),
    ...target,
  };
}

/** Gradle plugin ids that decide what a build produces, in the order they are checked. */
const GRADLE_TARGETS: Array<{ plugin: string; artifact: 'library' | 'application'; framework?: string }> = [
  { plugin: 'org.springframework.boot', artifact: 'application', framework: 'spring-boot' },
  { plugin: 'io.quarkus', artifact: 'application' },
  { plugin: 'io.micronaut.application', artifact: 'application' },
  { plugin: 'com.android.application', artifact: 'application' },
  { plugin: 'application', artifact: 'application' },
  { plugin: 'java-library', artifact: 'library' },
  { plugin: 'com.android.library', artifact: 'library' },
];

function parseGradle(text: string): Parsed {
  const dependencies = [
    ...text.matchAll(/^[ \t]*(?:implementation|api|compileOnly|runtimeOnly|testImplementation)\s*\(?\s*['"]([^:'"]+:[^:'"]+)/gm),
  ].map((match) => match[1]!);
  const applies = (plugin: string) => {
    const id = plugin.replace(/\./g, '\\.');
    // `id 'x'`, `id("x")`, `apply plugin: 'x'`, and Kotlin's backticked core plugins (`java-library`).
    return new RegExp(
      String.raw`\bid\s*\(?\s*['"]${id}['"]|apply\s+plugin\s*:\s*['"]${id}['"]|^[ \t]*\`${id}\`|^[ \t]*${id}\s*$`,
      'm',
    ).test(text);
  };
  const target = GRADLE_TARGETS.find(({ plugin }) => applies(plugin));
  return {
    description: description(text.match(/^[ \t]*description\s*=\s*['"]([^'"]*)['"]/m)?.[1]),
    version: text.match(/^[ \t]*version\s*=\s*['"]([^'"]*)['"]/m)?.[1],
    ...gradleRuntime(text),
    dependencies: [...new Set(dependencies)].sort(),
    ...(target
      ? {
          artifact: target.artifact,
          artifactSignal: `${target.plugin} plugin`,
          ...(target.framework ? { framework: target.framework } : {}),
        }
      : {}),
  };
}

/** Links a manifest may give: more are a list of everything, not the pages that matter. */
const MAX_LINKS = 10;

/**
 * `links` from (title, value) pairs: values that are http(s) URLs (not Maven's `${…}` placeholders,
 * nor URLs carrying a user name or password, which a page must not publish), each URL once with its
 * first title, at most MAX_LINKS.
 */
function webLinks(entries: ReadonlyArray<readonly [string, unknown]>): { links?: Array<{ title: string; url: string }> } {
  const links: Array<{ title: string; url: string }> = [];
  for (const [title, value] of entries) {
    const url = string(value);
    if (!url || url.length > 2048 || url.includes('${') || !/^https?:\/\/[^\s/?#@]+([/?#][^\s]*)?$/i.test(url)) continue;
    if (links.some((link) => link.url === url)) continue;
    links.push({ title: title.trim().replace(/\s+/g, ' ').slice(0, 100) || 'Link', url });
    if (links.length === MAX_LINKS) break;
  }
  return links.length > 0 ? { links } : {};
}

/** A Gradle build's Java version: its toolchain's, else its `sourceCompatibility`. */
function gradleRuntime(text: string): { runtime?: string; runtimeField?: string } {
  const toolchain = text.match(/languageVersion(?:\.set\()?\s*=?\s*JavaLanguageVersion\.of\((\d+)\)/)?.[1];
  if (toolchain) return { runtime: toolchain, runtimeField: 'a Java toolchain' };
  const source = text.match(/sourceCompatibility\s*=\s*['"]?(?:JavaVersion\.VERSION_)?([\d._]+)/)?.[1];
  return source ? { runtime: source, runtimeField: 'sourceCompatibility' } : {};
}

/** XML's five predefined entities decoded, in one pass (`&amp;lt;` is `&lt;`, not `<`). */
function xmlText(value: unknown): string | undefined {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return typeof value === 'string' ? value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!) : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A description as one line: manifests wrap long ones (pom.xml, gemspecs). */
function description(value: unknown): string | undefined {
  return string(value)?.replace(/\s+/g, ' ');
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : string(value);
}

function withoutEmpty(parsed: Parsed): Parsed {
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as Parsed;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function lineOf(error: unknown): { line?: number } {
  const line = (error as { line?: unknown }).line;
  return typeof line === 'number' && line > 0 ? { line } : {};
}
