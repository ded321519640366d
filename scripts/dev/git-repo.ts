import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';

/** A file's content in a commit: text (UTF-8), raw bytes, a symlink, or `null` to delete it. */
export type FileChange = string | Uint8Array | null | { symlink: string };

/** Someone who writes commits. */
export interface GitPerson {
  name: string;
  email: string;
}

/** One commit: the files it adds, changes or deletes relative to its parent. */
export interface CommitSpec {
  /** ISO 8601 date; its UTC offset (`Z`, `+02:00`) is kept as the commit's time zone. */
  date: string;
  author: GitPerson;
  message: string;
  /** Path (POSIX, relative to the root) → new content; paths not listed are unchanged. */
  files: Record<string, FileChange>;
}

/** An annotated tag on one of the commits, signed by nobody and tagged by that commit's author. */
export interface TagSpec {
  name: string;
  /** Index into `RepoSpec.commits`. */
  commit: number;
  /** ISO 8601 date of the tag. */
  date: string;
}

/** A whole repository, declaratively: one branch, its linear history, and tags. */
export interface RepoSpec {
  /** The branch the commits go to and HEAD points at (default `main`). */
  branch?: string;
  commits: CommitSpec[];
  tags?: TagSpec[];
}

const SYMLINK_MODE = '120000';
const FILE_MODE = '100644';

/**
 * Creates a real git repository in `dir` (created if missing; must not already be a repository)
 * with the spec's history checked out. Runs three git processes whatever the commit count:
 * `init`, one `fast-import` for every object, commit and tag, and `reset --hard` for the work tree.
 * The same spec always yields the same commit hashes.
 */
export async function writeGitRepo(dir: string, spec: RepoSpec): Promise<void> {
  const branch = spec.branch ?? 'main';
  // Built first, so that an invalid spec fails before anything is written.
  const stream = spec.commits.length ? fastImportStream(spec, branch) : undefined;
  await mkdir(dir, { recursive: true });
  // An empty template keeps sample hooks and other host-specific files out of the fixture.
  await git(dir, ['init', '--quiet', '--template=', `--initial-branch=${branch}`]);
  if (!stream) return;
  // unpackLimit=0 keeps the single pack fast-import writes instead of spawning `unpack-objects`.
  await git(dir, ['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--done', '--date-format=raw'], stream);
  await git(dir, ['reset', '--hard', '--quiet']);
}

/** The fast-import command stream for a spec: commits marked `:1…:n`, then annotated tags. */
export function fastImportStream(spec: RepoSpec, branch = spec.branch ?? 'main'): Buffer {
  const chunks: Buffer[] = [];
  const text = (value: string) => chunks.push(Buffer.from(value, 'utf8'));
  const data = (bytes: Buffer) => {
    text(`data ${bytes.length}\n`);
    chunks.push(bytes);
    text('\n');
  };

  spec.commits.forEach((commit, index) => {
    const signature = `${person(commit.author)} ${rawDate(commit.date)}`;
    text(`commit refs/heads/${branch}\nmark :${index + 1}\nauthor ${signature}\ncommitter ${signature}\n`);
    data(Buffer.from(withNewline(commit.message), 'utf8'));
    if (index > 0) text(`from :${index}\n`);
    // Sorted so that the stream, and therefore the hashes, do not depend on key insertion order.
    for (const path of Object.keys(commit.files).sort()) {
      const change = commit.files[path];
      const quoted = quotePath(path);
      if (change === null || change === undefined) {
        text(`D ${quoted}\n`);
      } else if (typeof change === 'string' || change instanceof Uint8Array) {
        text(`M ${FILE_MODE} inline ${quoted}\n`);
        data(typeof change === 'string' ? Buffer.from(change, 'utf8') : Buffer.from(change));
      } else {
        text(`M ${SYMLINK_MODE} inline ${quoted}\n`);
        data(Buffer.from(change.symlink, 'utf8'));
      }
    }
    text('\n');
  });

  for (const tag of spec.tags ?? []) {
    const commit = spec.commits[tag.commit];
    if (!commit) throw new Error(`Tag ${tag.name} points at commit ${tag.commit}, but there are ${spec.commits.length} commits`);
    text(`tag ${tag.name}\nfrom :${tag.commit + 1}\ntagger ${person(commit.author)} ${rawDate(tag.date)}\n`);
    data(Buffer.from(`${tag.name}\n`, 'utf8'));
  }
  text('done\n');
  return Buffer.concat(chunks);
}

/** `Name <email>`, refusing the characters that would corrupt the stream. */
function person({ name, email }: GitPerson): string {
  if (/[<>\n]/.test(name) || /[<>\n]/.test(email)) throw new Error(`Invalid git identity: ${name} <${email}>`);
  return `${name} <${email}>`;
}

/** ISO 8601 → git's raw `<epoch seconds> <+hhmm>`, keeping the written offset as the time zone. */
export function rawDate(iso: string): string {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`Invalid date: ${iso}`);
  const offset = iso.match(/([+-])(\d{2}):?(\d{2})$/);
  const zone = offset ? `${offset[1]}${offset[2]}${offset[3]}` : '+0000';
  return `${Math.floor(millis / 1000)} ${zone}`;
}

/** A path as a C-style quoted string, which fast-import accepts for any file name. */
function quotePath(path: string): string {
  if (!path || path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..' || part === '.git')) {
    throw new Error(`Invalid path in repository spec: ${JSON.stringify(path)}`);
  }
  return `"${path.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n')}"`;
}

function withNewline(message: string): string {
  return message.endsWith('\n') ? message : `${message}\n`;
}

/**
 * The environment git runs with: nothing from the caller's git configuration or repository
 * variables (a test started from a git hook has GIT_DIR set), so fixtures are the same everywhere.
 */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
}

/**
 * Settings for every git call: never sign, write bytes and symlinks exactly as given, and skip
 * fsync — fixtures are throwaway or regenerated from their spec, and fsync is a good part of the
 * time on a busy CI disk.
 */
const GIT_OPTIONS = [
  '-c',
  'commit.gpgsign=false',
  '-c',
  'tag.gpgsign=false',
  '-c',
  'core.autocrlf=false',
  '-c',
  'core.symlinks=true',
  '-c',
  'core.fsync=none',
];

/** Runs git in `cwd`, feeding `input` on stdin; rejects with git's stderr when it fails. */
function git(cwd: string, args: string[], input?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_OPTIONS, ...args], { cwd, env: gitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`git ${args[0]} failed in ${cwd} (${signal ?? `exit ${code}`}): ${Buffer.concat(stderr).toString().trim()}`));
    });
    // EPIPE when git exits early is reported through 'close' with git's own message.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}
