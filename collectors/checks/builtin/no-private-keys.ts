import { defineCheck } from '../check.ts';
import { secretCheckOptions, secretFindingsResult } from './support/secrets.ts';

export const noPrivateKeys = defineCheck({
  id: 'no-private-keys',
  title: 'No committed private keys',
  category: 'security',
  description:
    'No private key is committed: PEM `PRIVATE KEY` blocks in .pem/.key files and in other files named like keys (deploy_key, key.txt, .asc …), SSH keys (id_rsa, id_ed25519 …), PuTTY keys (.ppk), keystores (.p12, .pfx, .jks). Files are found by name, then read: a key pasted into source code or another file is not seen. Keys in test fixtures and template skeletons are listed but do not count.',
  why: 'A private key in git is readable by everyone who can clone the repository, forever: deleting the file leaves it in history. Whoever has it can impersonate the service, decrypt its traffic or sign as it.',
  fix: [
    '1. Treat the key as leaked: revoke or rotate it first.',
    '2. Remove the file (`git rm --cached path`), add its pattern to `.gitignore`, and load the key at run time from a secret store (Vault, cloud secret manager, CI secrets).',
    '3. Rewriting history (`git filter-repo`) does not undo the leak, but stops it spreading to new clones.',
    '',
    'Keys under test folders (`testdata/`, `fixtures/`, `tests/` …) and in template skeletons are left out and listed as ignored; `includeFixtures: true` judges them too, and the `allow` option takes more globs of known throwaway keys.',
  ].join('\n'),
  effort: 'medium',
  severity: 'error',
  options: secretCheckOptions('Globs of paths whose keys are known test fixtures.'),
  needs: ['secrets'],
  run(context) {
    return secretFindingsResult(context.facts.secrets, context.options, ['private-key', 'key-file', 'keystore'], {
      what: 'a private key or keystore',
      none: 'No committed private keys or keystores among the files named like them.',
    });
  },
});
