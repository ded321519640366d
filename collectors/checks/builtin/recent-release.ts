import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { specString, withArticle } from './support/facts.ts';
import { day, daysSince } from './support/time.ts';

export const recentRelease = defineCheck({
  id: 'recent-release',
  title: 'Released recently',
  category: 'activity',
  description: 'A Component of a releasing type (library or service by default) has a git tag at most N days old (180 by default).',
  why: 'Fixes help nobody until they are released. A library whose last release is a year old makes its users pin a git commit or live without fixes, and a service without release tags cannot tell what version runs where.',
  fix: [
    'Tag releases when you ship, ideally from CI:',
    '',
    '```sh',
    'git tag -a v1.5.0 -m "v1.5.0" && git push origin v1.5.0',
    '```',
    '',
    'Tools such as release-please, semantic-release or changesets create tags and changelogs for you. Only tags on the newest commits Cairn scans are seen.',
  ].join('\n'),
  effort: 'medium',
  severity: 'note',
  options: z.object({
    days: z.number().int().positive().default(180).describe('Most days since the newest tag.'),
    types: z.array(z.string().min(1)).default(['library', 'service']).describe('Component types that are expected to release.'),
  }),
  precheck({ entity, options }) {
    const type = specString(entity, 'type');
    const types = options.types.map((item) => item.toLowerCase());
    if (entity.kind === 'Component' && type && types.includes(type.toLowerCase())) return undefined;
    return notApplicable(
      `Only Components of type ${types.join(' or ')} are expected to release; this is ${entity.kind === 'Component' ? `a Component of type ${type ?? '(none)'}` : withArticle(entity.kind)}.`,
    );
  },
  needs: ['releases'],
  run(context) {
    const [latest] = context.facts.releases;
    const { days } = context.options;
    if (!latest)
      return fail(
        `No release tag: no commit Cairn read is tagged (the whole history, or the newest thousand commits of a longer one); expected a tag within ${days} days.`,
      );
    const age = daysSince(latest.date, context.now);
    if (age > days)
      return fail(`The newest tag, ${latest.name}, is ${age} days old (${day(latest.date)}); expected a release within ${days} days.`);
    return pass(`The newest tag, ${latest.name}, is ${Math.max(age, 0)} day${age === 1 ? '' : 's'} old (${day(latest.date)}).`);
  },
});
