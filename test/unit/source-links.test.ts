import { describe, expect, it } from 'vitest';
import { FORGES, sourceLinks, type Forge } from '../../collectors/support/source-links.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';

/** One repository on each forge, as its web UI shows it. */
const REPOSITORIES: Record<Forge, string> = {
  github: 'https://github.com/acme/payments',
  gitlab: 'https://gitlab.com/acme/platform/payments',
  bitbucket: 'https://bitbucket.org/acme/payments',
  'bitbucket-server': 'https://git.example.com/projects/ACME/repos/payments',
  'azure-devops': 'https://dev.azure.com/acme/shop/_git/payments',
};

describe('forge detection', () => {
  it.each<[string, Forge]>([
    ['https://github.com/acme/payments', 'github'],
    ['https://acme.ghe.com/platform/payments', 'github'],
    ['https://git.example.com/acme/payments', 'github'],
    ['https://gitlab.com/acme/payments', 'gitlab'],
    ['https://gitlab.example.com/acme/payments', 'gitlab'],
    ['https://GitLab.Example.com/acme/payments', 'gitlab'],
    ['https://bitbucket.org/acme/payments', 'bitbucket'],
    ['https://git.example.com/projects/ACME/repos/payments', 'bitbucket-server'],
    ['https://git.example.com/bitbucket/projects/ACME/repos/payments/', 'bitbucket-server'],
    ['https://dev.azure.com/acme/shop/_git/payments', 'azure-devops'],
    ['https://acme.visualstudio.com/shop/_git/payments', 'azure-devops'],
    ['https://tfs.example.com/tfs/DefaultCollection/shop/_git/payments', 'azure-devops'],
    ['https://gitlab.com/acme/projects/x/repos/y', 'gitlab'],
  ])('%s is %s', (webUrl, forge) => {
    expect(sourceLinks(webUrl)?.forge).toBe(forge);
  });

  it.each<[string, Forge, string]>([
    ['https://code.example.com/acme/payments', 'gitlab', `https://code.example.com/acme/payments/-/blob/${SHA}/a.txt#L1`],
    [
      'https://code.example.com/scm/acme/payments',
      'bitbucket-server',
      `https://code.example.com/scm/acme/payments/browse/a.txt?at=${SHA}#1`,
    ],
    [
      'https://github.com/acme/payments',
      'azure-devops',
      `https://github.com/acme/payments?path=/a.txt&version=GC${SHA}&line=1&lineEnd=2&lineStartColumn=1&lineEndColumn=1`,
    ],
  ])('an explicit forge overrides detection: %s as %s', (webUrl, forge, expected) => {
    const links = sourceLinks(webUrl, forge)!;
    expect(links.forge).toBe(forge);
    expect(links.file(SHA, 'a.txt', 1)).toBe(expected);
  });
});

describe('file links', () => {
  it.each<[Forge, string, number | undefined, string]>([
    ['github', 'Dockerfile', 12, `https://github.com/acme/payments/blob/${SHA}/Dockerfile#L12`],
    ['github', '.github/workflows/ci.yml', undefined, `https://github.com/acme/payments/blob/${SHA}/.github/workflows/ci.yml`],
    ['gitlab', 'Dockerfile', 12, `https://gitlab.com/acme/platform/payments/-/blob/${SHA}/Dockerfile#L12`],
    ['gitlab', 'src/main.go', undefined, `https://gitlab.com/acme/platform/payments/-/blob/${SHA}/src/main.go`],
    ['bitbucket', 'Dockerfile', 12, `https://bitbucket.org/acme/payments/src/${SHA}/Dockerfile#lines-12`],
    ['bitbucket', 'src/main.go', undefined, `https://bitbucket.org/acme/payments/src/${SHA}/src/main.go`],
    ['bitbucket-server', 'Dockerfile', 12, `https://git.example.com/projects/ACME/repos/payments/browse/Dockerfile?at=${SHA}#12`],
    ['bitbucket-server', 'src/main.go', undefined, `https://git.example.com/projects/ACME/repos/payments/browse/src/main.go?at=${SHA}`],
    [
      'azure-devops',
      'Dockerfile',
      12,
      `https://dev.azure.com/acme/shop/_git/payments?path=/Dockerfile&version=GC${SHA}&line=12&lineEnd=13&lineStartColumn=1&lineEndColumn=1`,
    ],
    ['azure-devops', 'src/main.go', undefined, `https://dev.azure.com/acme/shop/_git/payments?path=/src/main.go&version=GC${SHA}`],
  ])('%s: %s line %s', (forge, path, line, expected) => {
    expect(sourceLinks(REPOSITORIES[forge])!.file(SHA, path, line)).toBe(expected);
  });

  it.each<[Forge, string]>([
    ['github', `https://github.com/acme/payments/blob/${SHA}/docs/a%20b%23c%3Fd%26e.md#L2`],
    ['gitlab', `https://gitlab.com/acme/platform/payments/-/blob/${SHA}/docs/a%20b%23c%3Fd%26e.md#L2`],
    ['bitbucket', `https://bitbucket.org/acme/payments/src/${SHA}/docs/a%20b%23c%3Fd%26e.md#lines-2`],
    ['bitbucket-server', `https://git.example.com/projects/ACME/repos/payments/browse/docs/a%20b%23c%3Fd%26e.md?at=${SHA}#2`],
    [
      'azure-devops',
      `https://dev.azure.com/acme/shop/_git/payments?path=/docs/a%20b%23c%3Fd%26e.md&version=GC${SHA}&line=2&lineEnd=3&lineStartColumn=1&lineEndColumn=1`,
    ],
  ])('%s encodes each path segment, so #, ? and & stay part of the name', (forge, expected) => {
    expect(sourceLinks(REPOSITORIES[forge])!.file(SHA, 'docs/a b#c?d&e.md', 2)).toBe(expected);
  });

  it.each(FORGES)('%s tolerates trailing slashes on the web URL', (forge) => {
    const plain = sourceLinks(REPOSITORIES[forge])!;
    const slashed = sourceLinks(`${REPOSITORIES[forge]}//`)!;
    expect(slashed.repository).toBe(REPOSITORIES[forge]);
    expect(slashed.file(SHA, 'README.md', 3)).toBe(plain.file(SHA, 'README.md', 3));
    expect(slashed.commit(SHA)).toBe(plain.commit(SHA));
  });

  it('encodes what is not a plain commit id, so it cannot leave its place in the URL', () => {
    expect(sourceLinks(REPOSITORIES.github)!.file('a/../b#c', 'README.md')).toBe(
      'https://github.com/acme/payments/blob/a%2F..%2Fb%23c/README.md',
    );
  });
});

describe('commit and folder links', () => {
  it.each<[Forge, string, string, string]>([
    [
      'github',
      `https://github.com/acme/payments/commit/${SHA}`,
      `https://github.com/acme/payments/tree/${SHA}`,
      `https://github.com/acme/payments/tree/${SHA}/docs/ops%20guide`,
    ],
    [
      'gitlab',
      `https://gitlab.com/acme/platform/payments/-/commit/${SHA}`,
      `https://gitlab.com/acme/platform/payments/-/tree/${SHA}`,
      `https://gitlab.com/acme/platform/payments/-/tree/${SHA}/docs/ops%20guide`,
    ],
    [
      'bitbucket',
      `https://bitbucket.org/acme/payments/commits/${SHA}`,
      `https://bitbucket.org/acme/payments/src/${SHA}/`,
      `https://bitbucket.org/acme/payments/src/${SHA}/docs/ops%20guide/`,
    ],
    [
      'bitbucket-server',
      `https://git.example.com/projects/ACME/repos/payments/commits/${SHA}`,
      `https://git.example.com/projects/ACME/repos/payments/browse?at=${SHA}`,
      `https://git.example.com/projects/ACME/repos/payments/browse/docs/ops%20guide?at=${SHA}`,
    ],
    [
      'azure-devops',
      `https://dev.azure.com/acme/shop/_git/payments/commit/${SHA}`,
      `https://dev.azure.com/acme/shop/_git/payments?path=/&version=GC${SHA}`,
      `https://dev.azure.com/acme/shop/_git/payments?path=/docs/ops%20guide&version=GC${SHA}`,
    ],
  ])('%s', (forge, commit, root, folder) => {
    const links = sourceLinks(REPOSITORIES[forge])!;
    expect(links.commit(SHA)).toBe(commit);
    expect(links.folder(SHA)).toBe(root);
    expect(links.folder(SHA, 'docs/ops guide')).toBe(folder);
  });
});

describe('web URLs that give no links', () => {
  it.each([
    undefined,
    '',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///srv/repos/payments',
    'ftp://example.com/acme/payments',
    'not a url',
    '/acme/payments',
  ])('%s', (webUrl) => {
    expect(sourceLinks(webUrl)).toBeUndefined();
  });

  it('drops a query or fragment of the web URL, which would otherwise swallow the path', () => {
    expect(sourceLinks('https://github.com/acme/payments?tab=readme#top')!.file(SHA, 'a.md')).toBe(
      `https://github.com/acme/payments/blob/${SHA}/a.md`,
    );
  });
});
