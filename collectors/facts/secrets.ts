import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

export const secretKindSchema = z.enum([
  /** A PEM private key in the text, or an SSH private key file by its conventional name. */
  'private-key',
  /** A `.key` or `.pem` file that is not text, so possibly a DER-encoded private key. */
  'key-file',
  /** A PKCS#12 or Java keystore (`.p12`, `.pfx`, `.jks`), which normally holds private keys. */
  'keystore',
  /** A dotenv file (`.env`, `.env.production` …), not a template such as `.env.example`. */
  'env-file',
  /** A literal registry credential in `.npmrc` or `.pypirc` (not an `${ENV}` reference). */
  'registry-token',
]);

export const secretSchema = z.object({
  path: z.string(),
  /** The line of the key or token, when the content was matched. */
  line: z.number().int().positive().optional(),
  kind: secretKindSchema,
});

export type SecretFinding = z.infer<typeof secretSchema>;

/** Larger files are not read: keys and credential files are small. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

const SSH_KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519']);
const KEY_EXTENSION = /\.(pem|key)$/i;
const KEYSTORE_EXTENSION = /\.(p12|pfx|jks)$/i;
const ENV_TEMPLATE = /\.(example|sample|template)$/i;
export const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/;
/** `.npmrc` credentials: `_authToken`, `_auth` and `_password`, scoped (`//host/:_authToken=`) or not. */
const NPMRC_CREDENTIAL = /(?:^|:)_(authToken|auth|password)\s*=\s*(.*)$/;
const PYPIRC_PASSWORD = /^\s*password\s*[=:]\s*(.*)$/i;

/**
 * Committed files that look like secrets: found by name, and confirmed (with a line) by content where
 * the content can say so. Only these candidates are read, never every file of the repository.
 */
export const secrets = defineRetriever({
  id: 'secrets',
  version: 1,
  description: 'Committed secret-looking files: private keys, keystores, dotenv files and registry credentials, with the line of the match.',
  schema: z.array(secretSchema),
  async collect({ repo }) {
    const found: SecretFinding[] = [];
    for (const path of repo.files()) {
      const name = basename(path);
      const lower = name.toLowerCase();
      if (SSH_KEY_NAMES.has(lower) || KEY_EXTENSION.test(lower)) {
        const text = await repo.readText(path, { maxBytes: MAX_SECRET_FILE_BYTES });
        const line = text === undefined ? undefined : privateKeyLine(text);
        if (line !== undefined) found.push({ path, line, kind: 'private-key' });
        else if (SSH_KEY_NAMES.has(lower)) found.push({ path, kind: 'private-key' });
        // A readable .pem/.key without a private key is a certificate or a public key: not a secret.
        else if (text === undefined && (await repo.size(path)) !== undefined) found.push({ path, kind: 'key-file' });
      } else if (KEYSTORE_EXTENSION.test(lower)) {
        found.push({ path, kind: 'keystore' });
      } else if (lower === '.env' || (lower.startsWith('.env.') && !ENV_TEMPLATE.test(lower))) {
        found.push({ path, kind: 'env-file' });
      } else if (lower === '.npmrc' || lower === '.pypirc') {
        const text = await repo.readText(path, { maxBytes: MAX_SECRET_FILE_BYTES });
        const line = text === undefined ? undefined : credentialLine(text, lower === '.npmrc' ? npmrcCredential : pypircPassword);
        if (line !== undefined) found.push({ path, line, kind: 'registry-token' });
      }
    }
    return found;
  },
});

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The 1-based line of the first PEM private key header, if any. */
export function privateKeyLine(text: string): number | undefined {
  const index = text.split(/\r?\n/).findIndex((line) => PEM_PRIVATE_KEY.test(line));
  return index === -1 ? undefined : index + 1;
}

function credentialLine(text: string, isCredential: (line: string) => boolean): number | undefined {
  const index = text.split(/\r?\n/).findIndex((line) => !/^\s*[#;]/.test(line) && isCredential(line));
  return index === -1 ? undefined : index + 1;
}

function npmrcCredential(line: string): boolean {
  const value = line.trim().match(NPMRC_CREDENTIAL)?.[2];
  return value !== undefined && isLiteral(value);
}

function pypircPassword(line: string): boolean {
  const value = line.match(PYPIRC_PASSWORD)?.[1];
  return value !== undefined && isLiteral(value);
}

/** A value that is really there, not empty and not a reference to the environment (`${NPM_TOKEN}`, `$TOKEN`, `%(token)s`). */
function isLiteral(value: string): boolean {
  const unquoted = value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  return unquoted.length > 0 && !/^\$\{[^}]+\}$|^\$[A-Z_][A-Z0-9_]*$|^%\([^)]+\)s$/i.test(unquoted);
}
