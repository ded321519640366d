import { XMLParser } from 'fast-xml-parser';
import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

const ecosystemSchema = z.enum(['npm', 'go', 'python', 'cargo', 'maven', 'gradle']);

export const manifestSchema = z.object({
  ecosystem: ecosystemSchema,
  path: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  version: z.string().optional(),
  license: z.string().optional(),
  /** The language runtime the manifest asks for (`engines.node`, the `go` directive, `requires-python` …). */
  runtime: z.string().optional(),
  /** Names of declared dependencies, sorted. */
  dependencies: z.array(z.string()),
  /** requirements.txt only: whether every requirement is pinned to one version (`==`/`===`), so the file serves as a lockfile. */
  pinned: z.boolean().optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
type Parsed = Omit<Manifest, 'ecosystem' | 'path'>;

/** File name → how to read it. Build files in nested folders count too (monorepos). */
const PARSERS: Record<string, { ecosystem: z.infer<typeof ecosystemSchema>; parse(text: string): Parsed }> = {
  'package.json': { ecosystem: 'npm', parse: parsePackageJson },
  'go.mod': { ecosystem: 'go', parse: parseGoMod },
  'pyproject.toml': { ecosystem: 'python', parse: parsePyproject },
  'setup.py': { ecosystem: 'python', parse: parseSetupPy },
  'requirements.txt': { ecosystem: 'python', parse: parseRequirements },
  'Cargo.toml': { ecosystem: 'cargo', parse: parseCargo },
  'pom.xml': { ecosystem: 'maven', parse: parsePom },
  'build.gradle': { ecosystem: 'gradle', parse: parseGradle },
  'build.gradle.kts': { ecosystem: 'gradle', parse: parseGradle },
};

const MAX_MANIFESTS = 100;

/** Package manifests of every ecosystem Cairn knows, outside vendored folders. */
export const manifests = defineRetriever({
  id: 'manifests',
  version: 2,
  description: 'Package manifests (package.json, go.mod, pyproject.toml, setup.py, requirements.txt, Cargo.toml, pom.xml, build.gradle) with name, description, runtime and dependencies.',
  schema: z.array(manifestSchema),
  async collect({ repo, problem }) {
    const paths = repo
      .glob(Object.keys(PARSERS).map((name) => `**/${name}`))
      .filter((path) => !/(^|\/)(node_modules|vendor|third_party)\//.test(path))
      .slice(0, MAX_MANIFESTS);
    const found: Manifest[] = [];
    for (const path of paths) {
      const text = await repo.readText(path);
      if (text === undefined) continue;
      try {
        const manifest = parseManifest(path, text);
        if (manifest) found.push(manifest);
      } catch (error) {
        problem({ severity: 'warning', file: path, ...lineOf(error), message: `Could not parse ${path}: ${messageOf(error)}` });
      }
    }
    return found;
  },
});

/** Parses a manifest by its file name; undefined for a file name Cairn does not know. Throws on syntax errors. */
export function parseManifest(path: string, text: string): Manifest | undefined {
  const parser = PARSERS[path.slice(path.lastIndexOf('/') + 1)];
  return parser && { ecosystem: parser.ecosystem, path, ...withoutEmpty(parser.parse(text)) };
}

function parsePackageJson(text: string): Parsed {
  const json = JSON.parse(text) as Record<string, unknown>;
  const deps = { ...record(json.dependencies), ...record(json.devDependencies), ...record(json.peerDependencies) };
  return {
    name: string(json.name),
    description: string(json.description),
    version: string(json.version),
    license: string(json.license),
    runtime: string(record(json.engines).node),
    dependencies: Object.keys(deps).sort(),
  };
}

function parseGoMod(text: string): Parsed {
  const dependencies = new Set<string>();
  let inRequire = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*/, '').trim();
    if (line.startsWith('require (')) inRequire = true;
    else if (inRequire && line === ')') inRequire = false;
    else if (inRequire && line) dependencies.add(line.split(/\s+/)[0]!);
    else if (line.startsWith('require ')) dependencies.add(line.split(/\s+/)[1]!);
  }
  return {
    name: text.match(/^module\s+(\S+)/m)?.[1],
    runtime: text.match(/^go\s+(\S+)/m)?.[1],
    dependencies: [...dependencies].sort(),
  };
}

function parsePyproject(text: string): Parsed {
  const toml = parseToml(text) as Record<string, unknown>;
  const project = record(toml.project);
  const poetry = record(record(toml.tool).poetry);
  const requirementNames = (list: unknown) => (Array.isArray(list) ? list.map((spec) => requirementName(String(spec))) : []);
  return {
    name: string(project.name) ?? string(poetry.name),
    description: string(project.description) ?? string(poetry.description),
    version: string(project.version) ?? string(poetry.version),
    license: string(project.license) ?? string(record(project.license).text) ?? string(poetry.license),
    runtime: string(project['requires-python']) ?? string(record(poetry.dependencies).python),
    dependencies: [...requirementNames(project.dependencies), ...Object.keys(record(poetry.dependencies)).filter((name) => name !== 'python')].sort(),
  };
}

function parseSetupPy(text: string): Parsed {
  const argument = (name: string) => text.match(new RegExp(`\\b${name}\\s*=\\s*['"]([^'"]*)['"]`))?.[1];
  const install = text.match(/install_requires\s*=\s*\[([^\]]*)\]/)?.[1] ?? '';
  return {
    name: argument('name'),
    description: argument('description'),
    version: argument('version'),
    license: argument('license'),
    runtime: argument('python_requires'),
    dependencies: [...install.matchAll(/['"]([^'"]+)['"]/g)].map((match) => requirementName(match[1]!)).sort(),
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
  const pinned = requirements.length > 0 && requirements.every((line) => /={2,3}\s*[^\s*,;]+(\s|;|$)/.test(line) && !/[<>~!]=?|,/.test(line.split(';')[0]!.replace(/={2,3}/, '')));
  return { dependencies: [...new Set(dependencies)].sort(), pinned };
}

/** `requests[security]>=2.0 ; python_version<"3.8"` → `requests`. */
function requirementName(spec: string): string {
  return spec.trim().split(/[\s<>=!~;[(@]/)[0]!.toLowerCase();
}

function parseCargo(text: string): Parsed {
  const toml = parseToml(text) as Record<string, unknown>;
  const pkg = record(toml.package);
  return {
    name: string(pkg.name),
    description: string(pkg.description),
    version: string(pkg.version),
    license: string(pkg.license),
    runtime: string(pkg['rust-version']),
    dependencies: [...Object.keys(record(toml.dependencies)), ...Object.keys(record(toml['dev-dependencies']))].sort(),
  };
}

const xml = new XMLParser({ ignoreAttributes: true, processEntities: false });

function parsePom(text: string): Parsed {
  const project = record(record(xml.parse(text)).project);
  const properties = record(project.properties);
  const dependencyList = record(project.dependencies).dependency;
  const dependencies = (Array.isArray(dependencyList) ? dependencyList : dependencyList ? [dependencyList] : []).map(
    (dependency) => `${string(record(dependency).groupId) ?? ''}:${string(record(dependency).artifactId) ?? ''}`,
  );
  return {
    name: string(project.artifactId),
    description: string(project.description),
    version: scalar(project.version),
    license: string(record(record(project.licenses).license).name),
    runtime: scalar(properties['maven.compiler.release']) ?? scalar(properties['java.version']) ?? scalar(properties['maven.compiler.source']),
    dependencies: dependencies.sort(),
  };
}

function parseGradle(text: string): Parsed {
  const dependencies = [...text.matchAll(/^\s*(?:implementation|api|compileOnly|runtimeOnly|testImplementation)\s*\(?\s*['"]([^:'"]+:[^:'"]+)/gm)].map((match) => match[1]!);
  return {
    description: text.match(/^\s*description\s*=\s*['"]([^'"]*)['"]/m)?.[1],
    version: text.match(/^\s*version\s*=\s*['"]([^'"]*)['"]/m)?.[1],
    runtime: text.match(/languageVersion(?:\.set\()?\s*=?\s*JavaLanguageVersion\.of\((\d+)\)/)?.[1] ?? text.match(/sourceCompatibility\s*=\s*['"]?(?:JavaVersion\.VERSION_)?([\d._]+)/)?.[1],
    dependencies: [...new Set(dependencies)].sort(),
  };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
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
