/**
 * A synthetic organisation for the benchmark: any number of plausible repositories (five
 * languages, 20–200 files, 5–50 commits, about 60 % with a descriptor) that differ from each other
 * but are the same on every run.
 */
import type { RepoSpec } from '../git-repo.ts';
import { writeReposAtomically } from './generate.ts';
import { buildHistory, seededRandom, type Person, type Tree } from './git-history.ts';
import { DEMO_NOW } from './spec.ts';
import {
  APACHE_LICENSE,
  cargoCrate,
  codeowners,
  descriptor,
  entity,
  githubAnnotations,
  githubWorkflow,
  gitignore,
  goModule,
  imageDigest,
  mitLicense,
  npmPackage,
  pom,
  pyproject,
  readme,
  standardSections,
  type Pinning,
  type Toolchain,
} from './templates.ts';

const TEAMS = ['payments', 'platform', 'web', 'data', 'search', 'mobile', 'growth', 'identity'];
const FIRST_NAMES = ['Alex', 'Sam', 'Kim', 'Robin', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Jamie', 'Avery', 'Riley', 'Quinn'];
const LAST_NAMES = ['Nakamura', 'Schmidt', 'Okoye', 'Rossi', 'Lindqvist', 'Moreau', 'Silva', 'Kowalski', 'Ibrahim', 'Park'];
const WORDS = [
  'ledger',
  'invoice',
  'catalog',
  'inventory',
  'shipment',
  'session',
  'profile',
  'pricing',
  'coupon',
  'review',
  'search',
  'report',
  'export',
  'audit',
  'webhook',
  'quota',
];
const MESSAGES = [
  'Fix off-by-one in pagination',
  'Add retries to the HTTP client',
  'Refactor handlers',
  'Improve error messages',
  'Add tests for edge cases',
  'Update dependencies',
  'Log request ids',
  'Remove dead code',
  'Speed up startup',
  'Document configuration',
];

interface Language {
  toolchain: Toolchain;
  extension: string;
  folder: string;
  /** A small source file about `topic`. */
  source(topic: string, index: number): string;
  /** Manifests and lockfiles for a repository called `name`. */
  manifests(name: string): Tree;
  dockerBase: string;
}

const LANGUAGES: Language[] = [
  {
    toolchain: 'node',
    extension: 'ts',
    folder: 'src',
    source: (topic, index) =>
      `/** ${capitalise(topic)} helpers, part ${index}. */\nexport interface ${capitalise(topic)}${index} {\n  id: string;\n  createdAt: string;\n  amount: number;\n}\n\nexport function total${index}(items: ${capitalise(topic)}${index}[]): number {\n  return items.reduce((sum, item) => sum + item.amount, 0);\n}\n\nexport function latest${index}(items: ${capitalise(topic)}${index}[]): ${capitalise(topic)}${index} | undefined {\n  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];\n}\n`,
    manifests: (name) =>
      npmPackage({
        name,
        version: '1.0.0',
        private: true,
        type: 'module',
        scripts: { build: 'tsc', test: 'vitest run', lint: 'eslint .' },
        dependencies: { fastify: '^5.1.0', zod: '^3.23.8' },
        devDependencies: { typescript: '^5.6.3', vitest: '^2.1.5' },
      }),
    dockerBase: 'node:22-alpine',
  },
  {
    toolchain: 'go',
    extension: 'go',
    folder: 'internal',
    source: (topic, index) =>
      `package ${topic}\n\n// Item${index} is one ${topic} record.\ntype Item${index} struct {\n\tID     string\n\tAmount int64\n}\n\n// Total${index} adds up the amounts.\nfunc Total${index}(items []Item${index}) int64 {\n\tvar sum int64\n\tfor _, item := range items {\n\t\tsum += item.Amount\n\t}\n\treturn sum\n}\n`,
    manifests: (name) =>
      goModule(`github.com/acme/${name}`, '1.23.3', { 'github.com/go-chi/chi/v5': 'v5.1.0', 'go.uber.org/zap': 'v1.27.0' }),
    dockerBase: 'golang:1.23',
  },
  {
    toolchain: 'python',
    extension: 'py',
    folder: 'src/app',
    source: (topic, index) =>
      `"""${capitalise(topic)} helpers, part ${index}."""\n\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass ${capitalise(topic)}${index}:\n    id: str\n    amount: int\n\n\ndef total_${index}(items: list[${capitalise(topic)}${index}]) -> int:\n    return sum(item.amount for item in items)\n`,
    manifests: (name) => ({
      'pyproject.toml': pyproject({
        name,
        version: '1.0.0',
        description: `The ${name} service.`,
        requiresPython: '>=3.11',
        dependencies: ['fastapi>=0.115', 'pydantic>=2.9'],
        dev: ['pytest>=8.3'],
      }),
    }),
    dockerBase: 'python:3.12-slim',
  },
  {
    toolchain: 'maven',
    extension: 'java',
    folder: 'src/main/java/com/acme/app',
    source: (topic, index) =>
      `package com.acme.app;\n\nimport java.util.List;\n\n/** ${capitalise(topic)} helpers, part ${index}. */\npublic final class ${capitalise(topic)}${index} {\n    private ${capitalise(topic)}${index}() {}\n\n    public static long total(List<Long> amounts) {\n        long sum = 0;\n        for (long amount : amounts) {\n            sum += amount;\n        }\n        return sum;\n    }\n}\n`,
    manifests: (name) => ({
      'pom.xml': pom({
        artifactId: name,
        version: '1.0.0',
        name,
        description: `The ${name} service.`,
        dependencies: ['org.springframework.boot:spring-boot-starter-web', 'org.springframework.boot:spring-boot-starter-test:test'],
      }),
    }),
    dockerBase: 'eclipse-temurin:21-jre',
  },
  {
    toolchain: 'rust',
    extension: 'rs',
    folder: 'src',
    source: (topic, index) =>
      `//! ${capitalise(topic)} helpers, part ${index}.\n\npub struct ${capitalise(topic)}${index} {\n    pub id: String,\n    pub amount: i64,\n}\n\npub fn total_${index}(items: &[${capitalise(topic)}${index}]) -> i64 {\n    items.iter().map(|item| item.amount).sum()\n}\n`,
    manifests: (name) =>
      cargoCrate({
        name,
        version: '1.0.0',
        description: `The ${name} service.`,
        rustVersion: '1.82',
        license: 'MIT',
        dependencies: { serde: '1.0.215', tokio: '1.41.1' },
      }),
    dockerBase: 'rust:1.82-slim',
  },
];

/** The `index`-th synthetic repository: name and spec, a pure function of the index. */
export function syntheticRepo(index: number): { name: string; spec: RepoSpec } {
  const name = `svc-${String(index).padStart(4, '0')}`;
  const random = seededRandom(name);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const language = LANGUAGES[index % LANGUAGES.length]!;
  const team = pick(TEAMS);
  const fileCount = between(20, 200);

  const tree: Tree = {
    'README.md':
      random() < 0.3
        ? `# ${name}\n`
        : readme(
            name,
            `The ${name} service owns ${pick(WORDS)} and ${pick(WORDS)} data for the ${team} team.`,
            standardSections(language.toolchain, 'See the docs folder.'),
          ),
    '.gitignore': gitignore(language.toolchain),
    ...language.manifests(name),
  };
  if (random() < 0.8) tree.LICENSE = random() < 0.5 ? mitLicense(2025) : APACHE_LICENSE;
  if (random() < 0.6) tree[pick(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'])] = codeowners([['*', `@acme/${team}`]]);
  if (random() < 0.7) tree['.github/workflows/ci.yml'] = githubWorkflow(language.toolchain, pick<Pinning>(['sha', 'tag', 'tag', 'branch']));
  if (random() < 0.6) {
    const pinned = random() < 0.4;
    tree.Dockerfile = `FROM ${language.dockerBase}${pinned ? `@${imageDigest(language.dockerBase)}` : ''}\nWORKDIR /app\nCOPY . .\n${random() < 0.5 ? 'USER 10001\n' : ''}CMD ["./start"]\n`;
  }
  if (random() < 0.6) {
    const dependsOn = index > 0 && random() < 0.5 ? [`component:svc-${String(between(0, index - 1)).padStart(4, '0')}`] : undefined;
    tree['catalog-info.yaml'] = descriptor(
      entity(
        'Component',
        { name, description: `The ${name} service.`, tags: [language.extension], annotations: githubAnnotations(name) },
        {
          type: pick(['service', 'service', 'library', 'website']),
          lifecycle: pick(['production', 'production', 'experimental', 'deprecated']),
          owner: team,
          ...(dependsOn ? { dependsOn } : {}),
        },
      ),
    );
  }
  for (let file = Object.keys(tree).length; file < fileCount; file++) {
    const topic = pick(WORDS);
    const folder = language.toolchain === 'go' ? `${language.folder}/${topic}` : language.folder;
    tree[`${folder}/${topic}_${file}.${language.extension}`] = language.source(topic, file);
  }

  const people = Array.from({ length: between(1, 4) }, () => person(pick(FIRST_NAMES), pick(LAST_NAMES)));
  const authors = people.filter((candidate, position) => people.findIndex((other) => other.email === candidate.email) === position);
  const firstDaysAgo = between(60, 900);
  const spec = buildHistory(
    name,
    tree,
    { firstDaysAgo, lastDaysAgo: between(1, Math.min(400, firstDaysAgo - 1)), commits: between(5, 50), authors, messages: MESSAGES },
    DEMO_NOW,
  );
  return { name, spec };
}

/**
 * Writes `count` synthetic repositories into `out` (replacing it), one git repository per folder,
 * with as many repositories in flight as there are CPUs. Returns the repository names.
 */
export async function generateSyntheticOrg(out: string, count: number): Promise<string[]> {
  const repos = Array.from({ length: count }, (_, index) => syntheticRepo(index));
  await writeReposAtomically(out, Object.fromEntries(repos.map(({ name, spec }) => [name, spec])));
  return repos.map(({ name }) => name);
}

function person(first: string, last: string): Person {
  return { name: `${first} ${last}`, email: `${first}.${last}@acme.example`.toLowerCase(), tz: '+00:00' };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
