import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinChecks } from '../../../collectors/checks/builtin/index.ts';
import { checkMetadataSchema } from '../../../collectors/checks/check.ts';
import { retrievers } from '../../../collectors/facts/index.ts';

const BUILTIN = resolve(import.meta.dirname, '../../../collectors/checks/builtin');
const checkFiles = readdirSync(BUILTIN)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .sort();
const supportFiles = readdirSync(join(BUILTIN, 'support')).sort();
const FACT_IDS = new Set<string>(retrievers.map((retriever) => retriever.id));

/**
 * The fact ids a source text reads: `facts.readme`, `facts?.docs`, and names destructured from the
 * facts (`const { files, languages } = context.facts`, renamed keys included). Other words are
 * dropped, so a file name like `facts.ts` is not mistaken for a fact.
 */
function factsReadIn(source: string): string[] {
  const accessed = [...source.matchAll(/\bfacts\??\.(\w+)/g)].map((match) => match[1]!);
  const destructured = [...source.matchAll(/\{([^{}]*)\}\s*=\s*(?:\w+\.)?facts\b/g)].flatMap((match) =>
    match[1]!.split(',').map((part) => part.split(':')[0]!.trim()),
  );
  return [...new Set([...accessed, ...destructured])].filter((id) => FACT_IDS.has(id)).sort();
}

describe('built-in check registry', () => {
  it('has at least 40 checks', () => {
    expect(builtinChecks.length).toBeGreaterThanOrEqual(40);
  });

  it('registers every check file exactly once, in one place', () => {
    const index = readFileSync(join(BUILTIN, 'index.ts'), 'utf8');
    const imported = [...index.matchAll(/from '\.\/([^']+\.ts)'/g)].map((match) => match[1]!).sort();
    expect(imported).toEqual(checkFiles);
    expect(builtinChecks).toHaveLength(checkFiles.length);
    expect(new Set(builtinChecks).size).toBe(builtinChecks.length);
  });

  it.each(checkFiles)('%s exports one check whose id is its file name', async (file) => {
    const module = (await import(join(BUILTIN, file))) as Record<string, unknown>;
    const exported = Object.values(module);
    expect(exported).toHaveLength(1);
    const [check] = exported as Array<(typeof builtinChecks)[number]>;
    expect(check!.id).toBe(file.replace(/\.ts$/, ''));
    expect(builtinChecks).toContain(check);
  });

  it('ids are unique', () => {
    const ids = builtinChecks.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(builtinChecks.map((check) => [check.id, check] as const))('%s has complete metadata and default options', (_id, check) => {
    const { options: _options, run: _run, ...metadata } = check;
    expect(checkMetadataSchema.parse({ ...metadata, source: 'builtin' })).toBeTruthy();
    expect(check.why.trim().length).toBeGreaterThan(40);
    expect(check.fix.trim().length).toBeGreaterThan(40);
    expect(check.description.trim().length).toBeGreaterThan(20);
    expect(['low', 'medium', 'high']).toContain(check.effort);
    expect(() => check.options.parse({})).not.toThrow();
    expect(typeof check.run).toBe('function');
  });

  it.each(checkFiles)('%s declares the facts it reads, and reads every fact it declares', async (file) => {
    const [check] = Object.values((await import(join(BUILTIN, file))) as Record<string, (typeof builtinChecks)[number]>);
    expect(Array.isArray(check!.needs), 'needs is declared').toBe(true);
    const read = factsReadIn(readFileSync(join(BUILTIN, file), 'utf8'));
    expect([...check!.needs!].sort()).toEqual(read);
  });

  it.each(supportFiles)('support/%s reads no facts itself, so a check file shows everything its check reads', (file) => {
    expect(factsReadIn(readFileSync(join(BUILTIN, 'support', file), 'utf8'))).toEqual([]);
  });

  it.each([
    ['const { files, languages } = context.facts;', ['files', 'languages']],
    ['const { securityPolicy: policy } = facts;', ['securityPolicy']],
    ["if (!facts?.docs) return; import { count } from './support/facts.ts';", ['docs']],
    ['new Set(context.facts.files); facts.files.length', ['files']],
    ['const { options } = context; facts.notAFact', []],
  ])('reading facts is recognised in: %s', (source, expected) => {
    expect(factsReadIn(source)).toEqual(expected);
  });
});
