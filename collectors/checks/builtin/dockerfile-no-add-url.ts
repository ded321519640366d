import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { NO_DOCKERFILES } from './support/dockerfiles.ts';

const REMOTE = /^(https?|ftp|git):\/\/|^git@|\.git(#.*)?$/i;

export const dockerfileNoAddUrl = defineCheck({
  id: 'dockerfile-no-add-url',
  title: 'No ADD from URLs',
  category: 'containers',
  description: 'No `ADD` instruction downloads from a URL or a git repository.',
  why: '`ADD https://…` fetches whatever the server returns at build time, unverified: a compromised or changed download goes straight into the image, and the build is not reproducible.',
  fix: [
    'Download in a `RUN` step and verify a checksum, or `COPY` a file that is fetched and verified elsewhere:',
    '',
    '```dockerfile',
    'RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.3.tgz \\',
    ' && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c - \\',
    ' && tar -xzf /tmp/tool.tgz -C /usr/local/bin',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['dockerfiles'],
  run(context) {
    const { dockerfiles } = context.facts;
    if (dockerfiles.length === 0) return notApplicable(NO_DOCKERFILES);
    const remote: Evidence[] = dockerfiles.flatMap((dockerfile) =>
      dockerfile.adds.flatMap((add) =>
        add.sources
          .filter((source) => REMOTE.test(source))
          .map((source) => ({ path: dockerfile.path, line: add.line, note: `ADD ${source}` })),
      ),
    );
    if (remote.length > 0)
      return fail(
        `${count(remote.length, 'ADD instruction')} ${remote.length === 1 ? 'downloads' : 'download'} from a URL.`,
        capped(remote),
      );
    return pass(`No ADD from a URL in ${count(dockerfiles.length, 'Dockerfile')}.`);
  },
});
