import { describe, expect, it } from 'vitest';
import { secrets } from '../../../collectors/facts/secrets.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

const PEM = 'comment\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n';

describe('secrets fact', () => {
  it.each<{ name: string; tree: Record<string, string | Uint8Array>; expected: unknown }>([
    { name: 'nothing secret', tree: { 'README.md': '-----BEGIN RSA PRIVATE KEY-----', '.env.example': 'A=1', 'cert.pem': '-----BEGIN CERTIFICATE-----\n' }, expected: [] },
    { name: 'a PEM private key in a .key file, with its line', tree: { 'tls/server.key': PEM }, expected: [{ path: 'tls/server.key', line: 2, kind: 'private-key' }] },
    { name: 'OpenSSH key by name and content', tree: { 'deploy/id_ed25519': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n' }, expected: [{ path: 'deploy/id_ed25519', line: 1, kind: 'private-key' }] },
    { name: 'SSH key name without readable content', tree: { id_rsa: new Uint8Array([1, 0]) }, expected: [{ path: 'id_rsa', kind: 'private-key' }] },
    { name: 'binary .key is a possible DER key', tree: { 'k.key': new Uint8Array([0x30, 0x82, 0]) }, expected: [{ path: 'k.key', kind: 'key-file' }] },
    { name: 'keystores by extension', tree: { 'a.p12': new Uint8Array([0]), 'b.PFX': new Uint8Array([0]), 'c.jks': new Uint8Array([0]) }, expected: ['a.p12', 'b.PFX', 'c.jks'].map((path) => ({ path, kind: 'keystore' })) },
    {
      name: 'dotenv files but not templates',
      tree: { '.env': 'A=1', 'app/.env.production': 'B=2', '.env.sample': '', '.env.template': '', '.env.local.example': '', 'env.ts': '' },
      expected: [
        { path: '.env', kind: 'env-file' },
        { path: 'app/.env.production', kind: 'env-file' },
      ],
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
