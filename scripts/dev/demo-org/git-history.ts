import type { CommitSpec, FileChange, GitPerson, RepoSpec, TagSpec } from '../git-repo.ts';

/** A committer with the UTC offset their commits are written in (`+01:00`). */
export interface Person extends GitPerson {
  tz: string;
}

/** A repository's tree at HEAD: no deletions, only contents. */
export type Tree = Record<string, Exclude<FileChange, null>>;

/**
 * How a repository's history unfolds, described by its shape rather than commit by commit.
 * The history always ends with exactly `tree` checked out.
 */
export interface HistoryPlan {
  /** Days before `now` of the first and of the last commit (`lastDaysAgo` ≥ 1). */
  firstDaysAgo: number;
  lastDaysAgo: number;
  /** Total number of commits, at least 1 + additions. */
  commits: number;
  /** Who writes the commits; the first person writes about half, the others share the rest. */
  authors: Person[];
  /** Messages of ordinary commits (edits), used in turn. */
  messages: string[];
  /**
   * Files that arrive after the first commit, in this order, each group in one commit. `replaces`
   * lists files that existed since the first commit (with that content) and this commit deletes,
   * e.g. the configuration of a former CI system.
   */
  additions?: Array<{ message: string; paths: string[]; replaces?: Record<string, string> }>;
  /** A dependency bot writing some of the ordinary commits, touching only `paths`. */
  bot?: { person: Person; share: number; messages: string[]; paths: string[] };
  /**
   * Annotated release tags, dated 16:00 UTC on the day `daysAgo` before `now`, on the last commit
   * before that; the tagged commit's message becomes `Release <name>`.
   */
  tags?: Array<{ name: string; daysAgo: number }>;
}

const DAY = 86_400_000;

/**
 * Builds a linear history ending in `tree`: the first commit holds every file not added later,
 * ordinary commits grow source and Markdown files a few lines at a time (so each file's final
 * content lands with its last edit), and commit times fall on working days in each author's zone.
 * Deterministic: the same name, tree, plan and `now` give the same spec.
 */
export function buildHistory(name: string, tree: Tree, plan: HistoryPlan, now: string): RepoSpec {
  const random = seededRandom(name);
  const count = plan.commits;
  const additions = plan.additions ?? [];
  const replaced = Object.assign({}, ...additions.map((addition) => addition.replaces ?? {})) as Record<string, string>;
  if (count < 1 + additions.length) throw new Error(`${name}: ${count} commits cannot hold ${additions.length} additions`);
  if (plan.lastDaysAgo < 1 || plan.firstDaysAgo < plan.lastDaysAgo) throw new Error(`${name}: invalid history window`);
  for (const { paths } of additions)
    for (const path of paths) if (!(path in tree)) throw new Error(`${name}: addition ${path} is not in the tree`);

  // Special commits are spread evenly over the history; the rest are ordinary edits.
  const special = new Map<number, { message: string; files: Record<string, FileChange> }>();
  const events = additions.map(({ message, paths, replaces = {} }) => ({
    message,
    files: {
      ...Object.fromEntries(Object.keys(replaces).map((path) => [path, null])),
      ...Object.fromEntries(paths.map((path) => [path, tree[path]!])),
    } as Record<string, FileChange>,
  }));
  events.forEach((event, index) => {
    let at = 1 + Math.floor(((index + 0.5) * (count - 1)) / events.length);
    while (special.has(at)) at = (at % (count - 1)) + 1;
    special.set(at, event);
  });

  // Bot commits are spread over the history too, one per message, with some jitter.
  const bot = plan.bot;
  const botAt = new Set<number>();
  const botCommits = bot ? Math.min(bot.messages.length, Math.round(bot.share * (count - 1))) : 0;
  for (let index = 0; index < botCommits; index++) {
    let at = 1 + Math.floor(((index + 0.2 + 0.6 * random()) * (count - 1)) / botCommits);
    while (special.has(at) || botAt.has(at)) at = (at % (count - 1)) + 1;
    botAt.add(at);
  }

  const added = new Set(additions.flatMap(({ paths }) => paths));
  const present = new Set(Object.keys(tree).filter((path) => !added.has(path)));
  const editable = (path: string) => EDITABLE.test(path) && !FIXED.test(path);
  // Lines bound how many times a file can grow; binary files and symlinks never do.
  const lines = new Map(
    Object.entries(tree).flatMap(([path, content]) => (typeof content === 'string' ? [[path, lineCount(content)] as const] : [])),
  );

  // Decide who writes each commit and which file an ordinary commit grows, then derive versions.
  const plans: Array<{ author: Person; message: string; edit?: string }> = [];
  const editsOf = new Map<string, number[]>();
  // The plan's messages are spread evenly over the ordinary commits; the others are small chores.
  const ordinary = count - 1 - special.size - botAt.size;
  const messageAt = new Map(
    plan.messages.map((message, index) => [Math.floor(((index + 0.5) * ordinary) / plan.messages.length), message] as const),
  );
  let ordinaryIndex = 0;
  let botIndex = 0;
  const growable = (path: string, allowed: (path: string) => boolean) =>
    allowed(path) && (lines.get(path) ?? 0) > (editsOf.get(path)?.length ?? 0) + 1;
  for (let index = 0; index < count; index++) {
    const event = special.get(index);
    if (event) {
      for (const [path, content] of Object.entries(event.files)) {
        if (content === null) present.delete(path);
        else present.add(path);
      }
      plans.push({ author: pickAuthor(plan.authors, random), message: event.message });
      continue;
    }
    // A bot bumps a lockfile; if none is left to touch, a person commits instead.
    const botPool = bot && botAt.has(index) ? [...present].filter((path) => growable(path, (file) => bot.paths.includes(file))) : [];
    const byBot = botPool.length > 0;
    const pool = byBot ? botPool : [...present].filter((path) => growable(path, editable));
    const edit = index === 0 ? undefined : pool[Math.floor(random() * pool.length)];
    if (edit) editsOf.set(edit, [...(editsOf.get(edit) ?? []), index]);
    // A commit with nothing left to grow is an empty one, as people push to re-run a flaky pipeline.
    const planned = index > 0 && !byBot ? messageAt.get(ordinaryIndex++) : undefined;
    const message =
      index === 0 ? 'Initial commit' : byBot ? bot!.messages[botIndex++]! : edit ? (planned ?? choreMessage(edit, random)) : 'Trigger CI';
    plans.push({ author: byBot ? bot!.person : pickAuthor(plan.authors, random), message, ...(edit ? { edit } : {}) });
  }

  // Everyone listed commits at least once, however short the history: tests and demos rely on it.
  for (const person of plan.authors) {
    if (plans.some(({ author }) => author === person)) continue;
    const standIn = plans.findLastIndex(({ author }, index) => index > 0 && author === plan.authors[0]);
    if (standIn !== -1) plans[standIn]!.author = person;
  }

  const dates = commitDates(
    plan,
    count,
    plans.map(({ author }) => author),
    now,
    random,
  );
  const tags: TagSpec[] = (plan.tags ?? []).map(({ name: tagName, daysAgo }) => {
    const day = new Date(Date.parse(now) - daysAgo * DAY).toISOString().slice(0, 10);
    const date = `${day}T16:00:00Z`;
    // People cut releases; a bot's dependency bump is never the tagged commit.
    const commit = dates.findLastIndex(
      (commitDate, index) => Date.parse(commitDate) < Date.parse(date) && plans[index]!.author !== bot?.person,
    );
    if (commit === -1) throw new Error(`${name}: tag ${tagName} is older than the first commit`);
    return { name: tagName, commit, date };
  });
  const tagAt = new Map(tags.map((tag) => [tag.commit, tag.name] as const));

  const commits: CommitSpec[] = plans.map(({ author, message, edit }, index) => {
    const files: Record<string, FileChange> = {};
    const event = special.get(index);
    if (event) {
      for (const [path, content] of Object.entries(event.files))
        files[path] = content === null ? null : initialVersion(path, content, editsOf);
    } else if (index === 0) {
      for (const path of Object.keys(tree)) if (!added.has(path)) files[path] = initialVersion(path, tree[path]!, editsOf);
      Object.assign(files, replaced);
    } else if (edit) {
      const edits = editsOf.get(edit)!;
      files[edit] = grown(edit, tree[edit] as string, (edits.indexOf(index) + 2) / (edits.length + 1));
    }
    const tag = tagAt.get(index);
    return { date: dates[index]!, author, message: tag ? `Release ${tag}` : message, files };
  });

  return { commits, ...(tags.length ? { tags } : {}) };
}

/** Source, docs and changelog files grow over the history; manifests and policy files do not. */
const EDITABLE = /\.(ts|tsx|js|mjs|go|py|java|kt|rs|tf|md|astro|css|sql|proto|ya?ml)$/;
const FIXED =
  /(^|\/)(README\.md|LICENSE|SECURITY\.md|CODEOWNERS|catalog-info\.yaml|[\w-]*\.lock|package-lock\.json|go\.sum|openapi\.yaml|mkdocs\.yml|\.github\/.*)$/;

/** The version a file has when it first appears: all of it, or its first slice when it grows later. */
function initialVersion(path: string, content: Exclude<FileChange, null>, editsOf: Map<string, number[]>): Exclude<FileChange, null> {
  const edits = editsOf.get(path)?.length ?? 0;
  return edits && typeof content === 'string' ? grown(path, content, 1 / (edits + 1)) : content;
}

/**
 * A fraction of a text: the start of a source file, or for a changelog its title plus the oldest
 * entries (new entries go on top).
 */
function grown(path: string, content: string, fraction: number): string {
  if (fraction >= 1) return content;
  const lines = content.replace(/\n$/, '').split('\n');
  if (/CHANGELOG/i.test(path)) {
    const keep = Math.max(1, Math.round((lines.length - 2) * fraction));
    return `${[...lines.slice(0, 2), ...lines.slice(lines.length - keep)].join('\n')}\n`;
  }
  // No snapping to blank lines: each of a file's versions must differ from the one before.
  const cut = Math.min(lines.length - 1, Math.max(1, Math.round(lines.length * fraction)));
  return `${lines.slice(0, cut).join('\n')}\n`;
}

function lineCount(text: string): number {
  return text.replace(/\n$/, '').split('\n').length;
}

const VERBS = ['Refactor', 'Tidy up', 'Simplify', 'Fix a typo in', 'Improve error handling in', 'Add comments to', 'Clean up'];

/** A small chore naming the edited file, so that no planned message needs repeating. */
function choreMessage(path: string, random: () => number): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (/^CHANGELOG/i.test(file)) return 'Update the changelog';
  if (/\.md$/.test(file)) return `${random() < 0.5 ? 'Clarify' : 'Expand'} ${file}`;
  if (/(^|[._])test|_test\.|Test\./.test(file)) return `Add cases to ${file}`;
  return `${VERBS[Math.floor(random() * VERBS.length)]} ${file}`;
}

/** Roughly half the commits to the first author, the rest shared evenly. */
function pickAuthor(authors: Person[], random: () => number): Person {
  if (authors.length === 1 || random() < 0.5) return authors[0]!;
  return authors[1 + Math.floor(random() * (authors.length - 1))]!;
}

/**
 * Increasing commit dates between the plan's first and last day, with irregular gaps (bursts and
 * quiet weeks), each on a working day between 09:00 and 18:59 in its author's time zone.
 */
function commitDates(plan: HistoryPlan, count: number, authors: Person[], now: string, random: () => number): string[] {
  const end = Date.parse(now);
  const first = end - plan.firstDaysAgo * DAY;
  const last = end - plan.lastDaysAgo * DAY;
  const gaps = Array.from({ length: Math.max(0, count - 1) }, () => -Math.log(1 - random() * 0.999));
  const total = gaps.reduce((sum, gap) => sum + gap, 0) || 1;
  let elapsed = 0;
  const days = [first, ...gaps.map((gap) => ((elapsed += gap), first + ((last - first) * elapsed) / total))];
  let previous = -Infinity;
  return days.map((day, index) => {
    const author = authors[index]!;
    const minutes = (9 + Math.floor(random() * 10)) * 60 + Math.floor(random() * 60);
    let instant = localTime(day, author.tz, minutes, !author.name.endsWith('[bot]'), random);
    // Several commits on one day stay in order and keep at least a few minutes apart.
    if (instant <= previous) instant = previous + (7 + Math.floor(random() * 50)) * 60_000;
    previous = instant;
    return isoWithOffset(instant, author.tz);
  });
}

/**
 * The instant of `minutes` after local midnight on the local day of `instant`; a weekend day moves
 * back to a random weekday of the same week, so histories never end later than planned.
 */
function localTime(instant: number, tz: string, minutes: number, workingDaysOnly: boolean, random: () => number): number {
  const offset = offsetMinutes(tz) * 60_000;
  const local = new Date(instant + offset);
  let midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const weekday = new Date(midnight).getUTCDay();
  if (workingDaysOnly && (weekday === 6 || weekday === 0)) midnight -= ((weekday === 0 ? 2 : 1) + Math.floor(random() * 5)) * DAY;
  return midnight + minutes * 60_000 - offset;
}

function offsetMinutes(tz: string): number {
  const match = tz.match(/^([+-])(\d{2}):(\d{2})$/);
  if (!match) throw new Error(`Invalid time zone offset: ${tz}`);
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** `2026-03-04T10:15:00+01:00`: the instant written in the given zone, as git will store it. */
export function isoWithOffset(instant: number, tz: string): string {
  const local = new Date(instant + offsetMinutes(tz) * 60_000).toISOString().slice(0, 19);
  return `${local}${tz === '+00:00' ? 'Z' : tz}`;
}

/** A small deterministic PRNG (mulberry32) seeded from a string (FNV-1a). */
export function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
