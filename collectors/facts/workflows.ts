import { isAlias, isMap, isScalar, isSeq, LineCounter, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { defineRetriever } from './retriever.ts';
import { parseYamlFile } from '../yaml/documents.ts';
import { lineOfNode } from '../yaml/lines.ts';
import { rememberedByText } from '../support/remembered-by-text.ts';

const line = z.number().int().positive();

/** A `permissions:` block: `read-all`, `write-all`, `{}` or a scope → level mapping, and where it is. */
export const permissionsSchema = z.object({
  value: z.union([z.string(), z.record(z.string(), z.string())]),
  line,
});

export const workflowSchema = z.object({
  path: z.string(),
  /** Events under `on:` (`push`, `pull_request_target` …), in order. */
  triggers: z.array(z.string()),
  /** The activity types a `pull_request` trigger is limited to (`types: [closed]`), when it is. */
  pullRequestTypes: z.array(z.string()).optional(),
  /** The workflow's top-level `permissions`, absent when it sets none (the token then has the repository default). */
  permissions: permissionsSchema.optional(),
  jobs: z.array(z.object({ id: z.string(), line, permissions: permissionsSchema.optional() })),
  /** Every `uses:` of a step or a job (reusable workflow). */
  uses: z.array(
    z.object({
      job: z.string(),
      /** As written, e.g. `actions/checkout@v4`. */
      uses: z.string(),
      /** `local`: `./path` in this repository; `docker`: `docker://image`; `reusable-workflow`: `owner/repo/.github/workflows/x.yml@ref`. */
      kind: z.enum(['action', 'reusable-workflow', 'local', 'docker']),
      /** `owner/repo[/path]` of an action or reusable workflow, the image of a docker action, the path of a local one. */
      action: z.string(),
      /** What follows `@`: a tag, branch or commit SHA (for docker, the digest or tag). */
      ref: z.string().optional(),
      line,
    }),
  ),
  /** `${{ … }}` expressions inside `run:` scripts and `actions/github-script` scripts, each with its own line. */
  runExpressions: z.array(z.object({ job: z.string(), in: z.enum(['run', 'github-script']), expression: z.string(), line })),
  /** `actions/checkout` steps that set `with.ref`. */
  checkoutRefs: z.array(z.object({ job: z.string(), ref: z.string(), line })),
});

export type Workflow = z.infer<typeof workflowSchema>;

const WORKFLOW_PATTERNS = ['.github/workflows/*.yml', '.github/workflows/*.yaml'];

/** GitHub Actions workflows, parsed for the security standards that matter (OpenSSF Scorecard's Dangerous-Workflow, Pinned-Dependencies, Token-Permissions). */
export const workflows = defineRetriever({
  id: 'workflows',
  version: 4,
  description:
    'GitHub Actions workflows: triggers, token permissions, every `uses:` with its ref, expressions in scripts and checkout refs, with lines.',
  schema: z.array(workflowSchema),
  async collect({ repo, problem }) {
    const found: Workflow[] = [];
    for (const path of repo.glob(WORKFLOW_PATTERNS)) {
      const text = await repo.readText(path);
      if (text === undefined) continue;
      // A copied workflow's parse is shared; the validation of the retriever's value copies it.
      const parsed = parseWorkflowOnce(text);
      if ('error' in parsed) {
        problem({
          severity: 'warning',
          file: path,
          ...(parsed.line ? { line: parsed.line } : {}),
          message: `Could not read workflow ${path}: ${parsed.error}. Its security checks skip it; GitHub will reject it too.`,
        });
        continue;
      }
      found.push({ path, ...parsed });
    }
    return found;
  },
});

/** Workflows are parsed once per text: repositories copy them from templates. */
const parseWorkflowOnce = rememberedByText(parseWorkflow, 4_000_000);

/** Walking limit, so a workflow of aliases repeated many times cannot make the walk explode. */
const MAX_STEPS = 5000;

type ParsedWorkflow = Omit<Workflow, 'path'>;

/** One workflow's facts, or why it could not be read (with the line of the fault). */
export function parseWorkflow(text: string): ParsedWorkflow | { error: string; line?: number } {
  const parsed = parseYamlFile(text);
  if ('error' in parsed) return { error: `invalid YAML: ${parsed.error}`, line: parsed.line };
  const { document, lineCounter } = parsed;
  const root = document.contents;
  if (!isMap(root)) return { error: 'expected a mapping with `on:` and `jobs:`', line: 1 };
  const walker = new WorkflowWalker(document, text, lineCounter);
  return walker.walk(root);
}

class WorkflowWalker {
  readonly #document: Document;
  readonly #text: string;
  readonly #lines: LineCounter;
  #steps = 0;
  readonly #result: ParsedWorkflow = { triggers: [], jobs: [], uses: [], runExpressions: [], checkoutRefs: [] };

  constructor(document: Document, text: string, lines: LineCounter) {
    this.#document = document;
    this.#text = text;
    this.#lines = lines;
  }

  walk(root: YAMLMap): ParsedWorkflow {
    const on = this.#get(root, 'on');
    this.#result.triggers = this.#triggers(on);
    const types = isMap(on) ? this.#pullRequestTypes(this.#get(on, 'pull_request')) : undefined;
    if (types) this.#result.pullRequestTypes = types;
    const permissions = this.#permissions(root);
    if (permissions) this.#result.permissions = permissions;
    const jobs = this.#get(root, 'jobs');
    if (isMap(jobs)) {
      for (const pair of jobs.items) {
        const id = this.#keyOf(pair);
        const job = this.#resolve(pair.value as Node | null);
        if (id === undefined || !isMap(job)) continue;
        const jobPermissions = this.#permissions(job);
        this.#result.jobs.push({ id, line: this.#lineOf(pair.key as Node), ...(jobPermissions ? { permissions: jobPermissions } : {}) });
        this.#job(id, job);
      }
    }
    return this.#result;
  }

  #job(job: string, node: YAMLMap): void {
    this.#uses(job, this.#get(node, 'uses'));
    const steps = this.#get(node, 'steps');
    if (!isSeq(steps)) return;
    for (const item of steps.items) {
      if (++this.#steps > MAX_STEPS) return;
      const step = this.#resolve(item as Node | null);
      if (!isMap(step)) continue;
      const uses = this.#uses(job, this.#get(step, 'uses'));
      const run = this.#get(step, 'run');
      if (run) this.#expressions(job, 'run', run);
      const withBlock = this.#get(step, 'with');
      if (!uses || !isMap(withBlock)) continue;
      if (uses.kind === 'action' && uses.action.toLowerCase() === 'actions/github-script') {
        const script = this.#get(withBlock, 'script');
        if (script) this.#expressions(job, 'github-script', script);
      }
      if (uses.kind === 'action' && uses.action.toLowerCase() === 'actions/checkout') {
        const ref = this.#get(withBlock, 'ref');
        if (isScalar(ref) && ref.value !== null && String(ref.value).trim()) {
          this.#result.checkoutRefs.push({ job, ref: String(ref.value), line: this.#lineOf(ref) });
        }
      }
    }
  }

  /** Records a `uses:` value and returns it parsed. */
  #uses(job: string, node: Node | undefined): Workflow['uses'][number] | undefined {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.trim()) return undefined;
    const uses = node.value.trim();
    const entry = { job, uses, ...parseUses(uses), line: this.#lineOf(node) };
    this.#result.uses.push(entry);
    return entry;
  }

  /** Every `${{ … }}` in a scalar, located in the source so block scalars keep each expression's own line. */
  #expressions(job: string, where: 'run' | 'github-script', node: Node): void {
    if (!isScalar(node) || !node.range) return;
    const [start, end] = node.range;
    const source = this.#text.slice(start, end);
    for (const match of source.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
      this.#result.runExpressions.push({
        job,
        in: where,
        expression: match[1]!.replace(/\s+/g, ' ').trim(),
        line: this.#lines.linePos(start + match.index).line,
      });
    }
  }

  #triggers(node: Node | undefined): string[] {
    if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : [];
    if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) && typeof item.value === 'string' ? [item.value] : []));
    if (isMap(node)) return node.items.flatMap((pair) => this.#keyOf(pair) ?? []);
    return [];
  }

  #pullRequestTypes(trigger: Node | undefined): string[] | undefined {
    const types = isMap(trigger) ? this.#get(trigger, 'types') : undefined;
    if (isScalar(types)) return [String(types.value)];
    if (isSeq(types)) return types.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
    return undefined;
  }

  #permissions(map: YAMLMap): z.infer<typeof permissionsSchema> | undefined {
    const pair = map.items.find((item) => this.#keyOf(item) === 'permissions');
    if (!pair) return undefined;
    const node = this.#resolve(pair.value as Node | null);
    const line = this.#lineOf(pair.key as Node);
    if (isMap(node)) {
      const scopes: Record<string, string> = {};
      for (const scope of node.items) {
        const key = this.#keyOf(scope);
        const level = this.#resolve(scope.value as Node | null);
        if (key !== undefined && isScalar(level)) scopes[key] = String(level.value);
      }
      return { value: scopes, line };
    }
    return { value: isScalar(node) ? String(node.value ?? '') : '', line };
  }

  #get(map: YAMLMap, key: string): Node | undefined {
    const pair = map.items.find((item) => this.#keyOf(item) === key);
    return pair ? (this.#resolve(pair.value as Node | null) ?? undefined) : undefined;
  }

  #keyOf(pair: Pair): string | undefined {
    const key = pair.key;
    return isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
  }

  #resolve(node: Node | null | undefined): Node | undefined {
    if (isAlias(node)) return (node.resolve(this.#document) as Node | undefined) ?? undefined;
    return node ?? undefined;
  }

  #lineOf(node: Node | null | undefined): number {
    return lineOfNode(node, this.#lines) ?? 1;
  }
}

/** `actions/checkout@v4` → action and ref; `./x` is local; `docker://img@sha256:…` a docker image. */
export function parseUses(uses: string): Pick<Workflow['uses'][number], 'kind' | 'action' | 'ref'> {
  if (uses.startsWith('./') || uses.startsWith('../')) return { kind: 'local', action: uses };
  if (uses.startsWith('docker://')) {
    const image = uses.slice('docker://'.length);
    const digest = image.match(/@(sha256:[a-f0-9]+)$/i)?.[1];
    if (digest) return { kind: 'docker', action: image.slice(0, -digest.length - 1), ref: digest };
    const tag = image.match(/:([\w.-]+)$/)?.[1];
    return { kind: 'docker', action: tag ? image.slice(0, -tag.length - 1) : image, ...(tag ? { ref: tag } : {}) };
  }
  const at = uses.lastIndexOf('@');
  const action = at === -1 ? uses : uses.slice(0, at);
  const ref = at === -1 ? undefined : uses.slice(at + 1);
  const kind = /\/\.github\/workflows\/[^/]+\.ya?ml$/i.test(action) ? 'reusable-workflow' : 'action';
  return { kind, action, ...(ref ? { ref } : {}) };
}
