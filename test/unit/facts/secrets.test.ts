import { describe, expect, it } from 'vitest';
import { secrets } from '../../../collectors/facts/secrets.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

const PEM = 'comment\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n';

describe('secrets fact', () => {
  it.each<{ name: string; tree: Record<string, string | Uint8Array>; expected: unknown }>([
    {
      name: 'nothing secret',
      tree: { 'README.md': '-----BEGIN RSA PRIVATE KEY-----', '.env.example': 'A=1', 'cert.pem': '-----BEGIN CERTIFICATE-----\n' },
      expected: [],
    },
    {
      name: 'a PEM private key in a .key file, with its line',
      tree: { 'tls/server.key': PEM },
      expected: [{ path: 'tls/server.key', line: 2, kind: 'private-key' }],
    },
    {
      name: 'OpenSSH key by name and content',
      tree: { 'deploy/id_ed25519': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n' },
      expected: [{ path: 'deploy/id_ed25519', line: 1, kind: 'private-key' }],
    },
    {
      name: 'SSH key name without readable content',
      tree: { id_rsa: new Uint8Array([1, 0]) },
      expected: [{ path: 'id_rsa', kind: 'private-key' }],
    },
    {
      name: 'binary .key is a possible DER key',
      tree: { 'k.key': new Uint8Array([0x30, 0x82, 0]) },
      expected: [{ path: 'k.key', kind: 'key-file' }],
    },
    {
      name: 'other names a key goes by, confirmed by content; source files and plain text are not keys',
      tree: {
        'keys/deploy_key': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n',
        'keys/key.txt': `notes\n${PEM}`,
        'keys/signing.asc': '-----BEGIN PGP PRIVATE KEY BLOCK-----\n',
        'keys/public_key': 'ssh-ed25519 AAAA alice@example.com\n',
        'auth/keys_test.go': `const key = \`${PEM}\``,
        'ops/putty.ppk': 'PuTTY-User-Key-File-3: ssh-ed25519\n',
      },
      expected: [
        { path: 'keys/deploy_key', line: 1, kind: 'private-key' },
        { path: 'keys/key.txt', line: 3, kind: 'private-key' },
        { path: 'keys/signing.asc', line: 1, kind: 'private-key' },
        { path: 'ops/putty.ppk', kind: 'private-key' },
      ],
    },
    {
      name: 'keystores by extension',
      tree: { 'a.p12': new Uint8Array([0]), 'b.PFX': new Uint8Array([0]), 'c.jks': new Uint8Array([0]) },
      expected: ['a.p12', 'b.PFX', 'c.jks'].map((path) => ({ path, kind: 'keystore' })),
    },
    {
      name: 'dotenv files but not templates; real credentials count, placeholders and plain settings are ignored',
      tree: {
        '.env': 'DATABASE_PASSWORD=s3cr3t-Pr0d\n',
        'app/.env.production': 'export STRIPE_API_KEY="sk_live_abc"\n',
        'api/.env': '# local\nPOSTGRES_PASSWORD=changethis\nSECRET_KEY=\nAPI_TOKEN=<your-token>\nPORT=8000\n',
        'web/.env': 'TERMINAL_WIDTH=3000\n',
        'db/.env': 'DATABASE_URL=postgres://app:hunter2@db:5432/app\n',
        '.env.sample': '',
        '.env.template': '',
        '.env.local.example': '',
        'env.ts': '',
      },
      expected: [
        { path: '.env', kind: 'env-file' },
        {
          path: 'api/.env',
          kind: 'env-file',
          ignored: { reason: 'placeholder-values', detail: 'no credential with a real value (4 settings)' },
        },
        { path: 'app/.env.production', kind: 'env-file' },
        { path: 'db/.env', kind: 'env-file' },
        {
          path: 'web/.env',
          kind: 'env-file',
          ignored: { reason: 'placeholder-values', detail: 'no credential with a real value (1 setting)' },
        },
      ],
    },
    {
      name: 'test fixtures: keys under testdata/, tests/, fixtures/ are marked, not dropped',
      tree: { 'testdata/certificate/key.pem': PEM, 'tests/certs/server.key': PEM, 'spec/fixtures/id_rsa': PEM, 'deploy/key.pem': PEM },
      expected: [
        { path: 'deploy/key.pem', line: 2, kind: 'private-key' },
        { path: 'spec/fixtures/id_rsa', line: 2, kind: 'private-key', ignored: { reason: 'test-fixture', detail: 'under spec/' } },
        {
          path: 'testdata/certificate/key.pem',
          line: 2,
          kind: 'private-key',
          ignored: { reason: 'test-fixture', detail: 'under testdata/' },
        },
        { path: 'tests/certs/server.key', line: 2, kind: 'private-key', ignored: { reason: 'test-fixture', detail: 'under tests/' } },
      ],
    },
    {
      name: "a Backstage template's skeleton, a cookiecutter folder and ${{ values }} content",
      tree: {
        'templates/api/template.yaml': 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: api\n',
        'templates/api/skeleton/.env': 'DB_PASSWORD=real-looking-value\n',
        '{{cookiecutter.slug}}/.env': 'SECRET_KEY=abc123def\n',
        'ops/.env.staging': 'API_TOKEN=${{ values.token }}\n',
      },
      expected: [
        {
          path: 'ops/.env.staging',
          kind: 'env-file',
          ignored: { reason: 'template-skeleton', detail: 'has template placeholders (${{ values.… }})' },
        },
        {
          path: 'templates/api/skeleton/.env',
          kind: 'env-file',
          ignored: { reason: 'template-skeleton', detail: 'in the skeleton of templates/api/template.yaml' },
        },
        {
          path: '{{cookiecutter.slug}}/.env',
          kind: 'env-file',
          ignored: { reason: 'template-skeleton', detail: 'in the cookiecutter template {{cookiecutter.slug}}/' },
        },
      ],
    },
    {
      name: "a skeleton/ folder beside a template.yaml that is not a scaffolder Template is the project's own",
      tree: { 'deploy/template.yaml': 'kind: Deployment\n', 'deploy/skeleton/.env': 'DB_PASSWORD=real-looking-value\n' },
      expected: [{ path: 'deploy/skeleton/.env', kind: 'env-file' }],
    },
    {
      name: 'literal registry tokens, not environment references',
      tree: {
        '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n',
        'web/.npmrc': 'registry=https://npm.acme.dev\n//npm.acme.dev/:_authToken=npm_abc123\n',
        '.pypirc': '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc\n',
        'tools/.pypirc': '[pypi]\npassword = ${PYPI_TOKEN}\n',
      },
      expected: [
        { path: '.pypirc', line: 3, kind: 'registry-token' },
        { path: 'web/.npmrc', line: 2, kind: 'registry-token' },
      ],
    },
    { name: 'commented credentials do not count', tree: { '.npmrc': '# _authToken=abc\n; _password=x\n' }, expected: [] },
  ])('$name', async ({ tree, expected }) => {
    expect(secrets.schema.parse(await secrets.collect(memoryContext(tree)))).toEqual(expected);
  });
});
