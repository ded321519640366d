import { z } from 'zod';
import { pathExclusion, skeletonFolders, TEMPLATE_FILE, TEMPLATE_PLACEHOLDER } from './paths/project.ts';
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

export const ignoredReasonSchema = z.enum([
  /** Under a test fixture or test folder (`testdata/`, `fixtures/`, `tests/`): made for the tests. */
  'test-fixture',
  /** In a template's skeleton (Backstage `skeleton/` beside a `kind: Template`, cookiecutter, `${{ values.* }}`). */
  'template-skeleton',
  /** A dotenv file whose every credential-like setting is empty or a placeholder (`changethis`). */
  'placeholder-values',
]);

export const secretSchema = z.object({
  path: z.string(),
  /** The line of the key or token, when the content was matched. */
  line: z.number().int().positive().optional(),
  kind: secretKindSchema,
  /** Why this is probably not the project's own secret; checks leave it out (and say so) unless told otherwise. */
  ignored: z.object({ reason: ignoredReasonSchema, detail: z.string() }).optional(),
});

export type SecretFinding = z.infer<typeof secretSchema>;

/** Larger files are not read: keys and credential files are small. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

const SSH_KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519']);
const KEY_EXTENSION = /\.(pem|key)$/i;
const KEYSTORE_EXTENSION = /\.(p12|pfx|jks)$/i;
/** PuTTY's private key files: a key whatever their content says. */
const PUTTY_KEY = /\.ppk$/i;
/**
 * Other names a key is committed under (`deploy_key`, `server-key.txt`, `id_rsa.old`, `signing.asc`):
 * read, and a finding only when the content holds a PEM private key. Source files are not: a test
 * that embeds a throwaway key is code, not a committed key.
 */
const KEY_LIKE_NAME = /(key|rsa|dsa|ed25519)[^/]*$|\.asc$/i;
const NOT_SOURCE = /^[^.]+$|\.(txt|asc|priv|private|old|bak|backup|orig)$/i;
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
  version: 3,
  description:
    'Committed secret-looking files: private keys, keystores, dotenv files and registry credentials, with the line of the match, and why a finding is probably not a real secret (test fixture, template skeleton, placeholder values).',
  schema: z.array(secretSchema),
  async collect({ repo }) {
    const found: Array<SecretFinding & { text?: string }> = [];
    for (const path of repo.files()) {
      const name = basename(path);
      const lower = name.toLowerCase();
      if (SSH_KEY_NAMES.has(lower) || KEY_EXTENSION.test(lower)) {
        const text = await repo.readText(path, { maxBytes: MAX_SECRET_FILE_BYTES });
        const line = text === undefined ? undefined : privateKeyLine(text);
        if (line !== undefined) found.push({ path, line, kind: 'private-key', text });
        else if (SSH_KEY_NAMES.has(lower)) found.push({ path, kind: 'private-key', ...(text === undefined ? {} : { text }) });
        // A readable .pem/.key without a private key is a certificate or a public key: not a secret.
        else if (text === undefined && (await repo.size(path)) !== undefined) found.push({ path, kind: 'key-file' });
      } else if (PUTTY_KEY.test(lower)) {
        found.push({ path, kind: 'private-key' });
      } else if (KEY_LIKE_NAME.test(lower) && NOT_SOURCE.test(lower)) {
        const text = await repo.readText(path, { maxBytes: MAX_SECRET_FILE_BYTES });
        const line = text === undefined ? undefined : privateKeyLine(text);
        if (line !== undefined) found.push({ path, line, kind: 'private-key', text: text! });
      } else if (KEYSTORE_EXTENSION.test(lower)) {
        found.push({ path, kind: 'keystore' });
      } else if (lower === '.env' || (lower.startsWith('.env.') && !ENV_TEMPLATE.test(lower))) {
        const text = await repo.readText(path, { maxBytes: MAX_SECRET_FILE_BYTES });
        found.push({ path, kind: 'env-file', ...(text === undefined ? {} : { text }) });
      } else if (lower === '.npmrc' || lower === '.pypirc') {
        const text = await repo.readText(path, { maxBytes: MAX_SECRET_FILE_BYTES });
        const line = text === undefined ? undefined : credentialLine(text, lower === '.npmrc' ? npmrcCredential : pypircPassword);
        if (line !== undefined) found.push({ path, line, kind: 'registry-token', text: text! });
      }
    }
    if (found.length === 0) return [];
    const skeletons = skeletonFolders(
      repo.files(),
      await scaffolderTemplates(
        repo.files().filter((path) => TEMPLATE_FILE.test(path)),
        (path) => repo.readText(path, { maxBytes: MAX_SECRET_FILE_BYTES }),
      ),
    );
    return found.map(({ text, ...finding }) => {
      const ignored = whyIgnored(finding, text, skeletons);
      return ignored ? { ...finding, ignored } : finding;
    });
  },
});

/** The `template.yaml` files that are Backstage software templates (`kind: Template`). */
async function scaffolderTemplates(paths: readonly string[], read: (path: string) => Promise<string | undefined>): Promise<Set<string>> {
  const templates = new Set<string>();
  for (const path of paths) {
    const text = await read(path);
    if (text && /^kind:\s*Template\s*$/m.test(text) && /^apiVersion:\s*scaffolder\.backstage\.io\//m.test(text)) templates.add(path);
  }
  return templates;
}

/** Why a finding is probably not the project's own secret: where it lives, template placeholders, or placeholder values. */
export function whyIgnored(
  finding: SecretFinding,
  text: string | undefined,
  skeletons: ReadonlyMap<string, string> = new Map(),
): SecretFinding['ignored'] {
  const byPath = pathExclusion(finding.path, skeletons);
  if (byPath) return byPath;
  if (text !== undefined && TEMPLATE_PLACEHOLDER.test(text))
    return { reason: 'template-skeleton', detail: 'has template placeholders (${{ values.… }})' };
  if (finding.kind === 'env-file' && text !== undefined) {
    const settings = dotenvSettings(text);
    if (!settings.some(isRealCredential)) {
      return {
        reason: 'placeholder-values',
        detail:
          settings.length === 0
            ? 'no settings'
            : `no credential with a real value (${settings.length === 1 ? '1 setting' : `${settings.length} settings`})`,
      };
    }
  }
  return undefined;
}

/** `KEY=value` pairs of a dotenv file (`export KEY="value"` too), comments skipped. */
export function dotenvSettings(text: string): Array<{ key: string; value: string }> {
  const settings: Array<{ key: string; value: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const match = line.match(/^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*[=:]\s*(.*)$/);
    if (match)
      settings.push({
        key: match[1]!,
        value: match[2]!
          // Started only where a run of spaces starts: from each space of a long run, the search was quadratic.
          .replace(/(?<!\s)\s+#.*$/, '')
          .trim()
          .replace(/^(["'`])(.*)\1$/, '$2'),
      });
  }
  return settings;
}

/** Names of settings that hold credentials. */
const CREDENTIAL_KEY =
  /pass(word|wd|phrase)?\b|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|auth|dsn|signing|session[-_]?key|(^|_)key$|salt/i;

/** Values that stand in for a credential: empty, `changethis`, `<your-token>`, `${VAR}`, `xxx`. */
const PLACEHOLDER_VALUE =
  /^$|^(change[-_ ]?(me|this|it)|replace[-_ ]?me|your[-_ ].*|.*[-_]here|todo|tbd|fixme|example.*|sample|dummy|placeholder|secret|password|passwd|test|none|null|nil|empty|false|true|x+|\*+|\.\.\.|-)$|^<[^>]*>$|^\$\{[^}]*\}$|^\$[A-Z_][A-Z0-9_]*$|^\{\{.*\}\}$/i;

/** A credential-like setting with a real value, or a URL carrying a password (`postgres://user:pw@host`). */
function isRealCredential({ key, value }: { key: string; value: string }): boolean {
  const userinfo = value.match(/^[a-z][\w+.-]*:\/\/[^/:@\s]+:([^@\s]+)@/i)?.[1];
  if (userinfo !== undefined && !PLACEHOLDER_VALUE.test(userinfo)) return true;
  return CREDENTIAL_KEY.test(key) && !PLACEHOLDER_VALUE.test(value);
}

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
  const unquoted = value
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim();
  return unquoted.length > 0 && !/^\$\{[^}]+\}$|^\$[A-Z_][A-Z0-9_]*$|^%\([^)]+\)s$/i.test(unquoted);
}
