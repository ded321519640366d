import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinChecks } from '../../../collectors/checks/builtin/index.ts';
import { fixableCheckIds, fixes } from '../../../collectors/fixes/index.ts';

const FOLDER = join(import.meta.dirname, '../../../collectors/fixes');

describe('fix registry', () => {
  it('registers every fix file once, with unique ids and paths', async () => {
    const files = readdirSync(FOLDER)
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'fix.ts')
      .sort();
    const modules = await Promise.all(files.map((file) => import(join(FOLDER, file)) as Promise<Record<string, unknown>>));
    const defined = modules.flatMap((module) => Object.values(module).filter((value) => fixes.includes(value as never)));
    expect(defined).toHaveLength(files.length);
    expect(new Set(defined).size).toBe(fixes.length);
    expect(new Set(fixes.map((fix) => fix.id)).size).toBe(fixes.length);
    expect(new Set(fixes.map((fix) => fix.path.toLowerCase())).size).toBe(fixes.length);
  });

  it('answers only built-in checks, and lists them sorted', () => {
    const builtin = new Set(builtinChecks.map((check) => check.id));
    expect(fixableCheckIds().filter((id) => !builtin.has(id))).toEqual([]);
    expect(fixableCheckIds()).toEqual([
      'codeowners-catch-all',
      'codeowners-present',
      'dependency-updates',
      'descriptor-valid',
      'security-policy',
    ]);
  });
});
