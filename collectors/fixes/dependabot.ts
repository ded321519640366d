import { stringify } from 'yaml';
import { packageEcosystems } from '../checks/builtin/support/package-ecosystems.ts';
import { DEPENDABOT_PATHS } from '../facts/dependabot.ts';
import { defineFix } from './fix.ts';

/**
 * `.github/dependabot.yml` with one weekly entry for each package ecosystem the repository uses, in
 * the folders that hold its manifests (`packageEcosystems`). Nothing to update, no file.
 */
export const dependabotFix = defineFix({
  id: 'dependabot',
  path: '.github/dependabot.yml',
  readBy: 'GitHub',
  alsoAt: DEPENDABOT_PATHS,
  checkIds: ['dependency-updates'],
  suggest({ facts, files }) {
    const ecosystems = packageEcosystems({
      manifests: facts.manifests ?? [],
      dockerfiles: facts.dockerfiles ?? [],
      workflows: facts.workflows ?? [],
      files,
    });
    if (ecosystems.length === 0) return undefined;
    const updates = ecosystems.map(({ ecosystem, dirs }) => ({
      'package-ecosystem': ecosystem,
      ...(dirs.length === 1 ? { directory: `/${dirs[0]}` } : { directories: dirs.map((dir) => `/${dir}`) }),
      schedule: { interval: 'weekly' },
    }));
    const header = [
      '# Dependabot opens pull requests that update dependencies. Written by Cairn for the package',
      '# ecosystems it found; add any it missed, and remove folders nobody maintains. Options:',
      '# https://docs.github.com/en/code-security/dependabot/working-with-dependabot/dependabot-options-reference',
    ];
    return {
      summary: `Weekly Dependabot updates for ${ecosystems.map(({ ecosystem, dirs }) => `${ecosystem} (${dirs.map((dir) => `/${dir}`).join(', ')})`).join(', ')}.`,
      text: `${header.join('\n')}\n${stringify({ version: 2, updates }, { lineWidth: 0 })}`,
    };
  },
});
