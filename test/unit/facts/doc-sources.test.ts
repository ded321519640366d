import { describe, expect, it } from 'vitest';
import { docSources } from '../../../collectors/facts/doc-sources.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('docSources: which docs folders are published', () => {
  it.each<[string, Record<string, string>, string[], string[]]>([
    ['a docs/ folder of Markdown', { 'docs/index.md': '# Guide\n' }, ['docs'], []],
    [
      "a Sphinx project's docs/ (click's MyST pages), with a warning at its conf.py",
      { 'docs/conf.py': 'project = "click"\n', 'docs/index.md': '```{toctree}\n:maxdepth: 2\n```\n' },
      [],
      ['docs/conf.py'],
    ],
    [
      "a Sphinx project of reStructuredText alone (requests')",
      { 'docs/conf.py': '', 'docs/index.rst': 'Requests\n========\n' },
      [],
      ['docs/conf.py'],
    ],
    [
      'a docs/ folder with conf.py that a mkdocs.yml claims',
      { 'mkdocs.yml': 'site_name: Tool\n', 'docs/conf.py': '', 'docs/index.md': '# Tool\n' },
      ['docs'],
      [],
    ],
    [
      'a package of its own beside a Sphinx project',
      { 'docs/conf.py': '', 'docs/index.md': '# Old\n', 'services/api/docs/index.md': '# API\n' },
      ['services/api/docs'],
      ['docs/conf.py'],
    ],
  ])('%s', async (_name, files, published, warnedAt) => {
    const context = memoryContext(files);
    const sources = await docSources.collect(context);
    expect(sources.roots.map((root) => root.docsDir)).toEqual(published);
    expect(context.problems.map((problem) => problem.file)).toEqual(warnedAt);
    for (const problem of context.problems) expect(problem.message).toMatch(/is a Sphinx project: the portal renders mkdocs sites/);
  });
});
