import { z } from 'zod';
import { defineCheck, fail, pass, type Evidence } from '../check.ts';
import { count } from './support/facts.ts';
import { dirOf } from './support/paths.ts';

/** Installed-package folders of package managers (not `vendor/`, which Go and others commit on purpose). */
const INSTALL_FOLDER = /^(.*?(?:^|\/)(?:node_modules|bower_components|jspm_packages|site-packages))\//;

export const noCommittedDependencies = defineCheck({
  id: 'no-committed-dependencies',
  title: 'No committed dependency folders',
  category: 'hygiene',
  description:
    'No installed dependencies are committed: node_modules/, bower_components/, site-packages/ or a Python virtualenv (a folder with pyvenv.cfg).',
  why: 'Installed dependencies are build output: platform-specific, huge, and impossible to review. Committed, they drift from the lockfile, hide modified third-party code, and make every clone slow.',
  fix: [
    'Remove them from git and ignore the folder; CI installs from the lockfile instead:',
    '',
    '```sh',
    'git rm -r --cached node_modules',
    'echo "node_modules/" >> .gitignore',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['files'],
  run(context) {
    const folders = new Map<string, number>();
    const add = (folder: string) => folders.set(folder, (folders.get(folder) ?? 0) + 1);
    const venvs = context.facts.files.filter((path) => path === 'pyvenv.cfg' || path.endsWith('/pyvenv.cfg')).map(dirOf);
    for (const path of context.facts.files) {
      const venv = venvs.find((folder) => path.startsWith(folder ? `${folder}/` : ''));
      const install = path.match(INSTALL_FOLDER)?.[1];
      if (venv !== undefined) add(venv || '.');
      else if (install) add(install);
    }
    if (folders.size === 0) return pass('No installed dependency folders are committed.');
    // Nested node_modules inside a committed one are the same mistake: report the outermost.
    const outermost = [...folders.keys()].filter(
      (folder) => ![...folders.keys()].some((other) => other !== folder && folder.startsWith(`${other}/`)),
    );
    const evidence: Evidence[] = outermost.map((folder) => ({
      path: folder,
      note: `${count(
        [...folders].filter(([key]) => key === folder || key.startsWith(`${folder}/`)).reduce((sum, [, files]) => sum + files, 0),
        'file',
      )}`,
    }));
    return fail(
      `Installed dependencies are committed in ${outermost.slice(0, 3).join(', ')}${outermost.length > 3 ? ' …' : ''}.`,
      evidence.slice(0, 50),
    );
  },
});
