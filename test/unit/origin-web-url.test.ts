import { describe, expect, it } from 'vitest';
import { remoteUrl, webUrlOfRemote } from '../../collectors/repo/origin-web-url.ts';

describe('webUrlOfRemote', () => {
  it.each([
    ['https://github.com/gin-gonic/gin.git', 'https://github.com/gin-gonic/gin'],
    ['https://github.com/pallets/click', 'https://github.com/pallets/click'],
    ['https://x-access-token:secret@github.com/acme/payments.git', 'https://github.com/acme/payments'],
    ['git@github.com:acme/payments.git', 'https://github.com/acme/payments'],
    ['git@github.com:/acme/payments.git', 'https://github.com/acme/payments'],
    ['ssh://git@github.com/acme/payments.git', 'https://github.com/acme/payments'],
    ['git://github.com/acme/payments.git', 'https://github.com/acme/payments'],
    ['https://gitlab.com/acme/platform/payments.git', 'https://gitlab.com/acme/platform/payments'],
    ['git@bitbucket.org:acme/payments.git', 'https://bitbucket.org/acme/payments'],
    ['https://GitHub.com/acme/payments/', 'https://github.com/acme/payments'],
  ])('%s → %s', (remote, web) => {
    expect(webUrlOfRemote(remote)).toBe(web);
  });

  it.each([
    ['a self-hosted forge, whose web URL the clone URL does not tell', 'https://git.acme.dev/acme/payments.git'],
    ['a local path', '/srv/git/payments.git'],
    ['a file URL', 'file:///srv/git/payments.git'],
    ['a path that climbs', 'https://github.com/acme/../../evil'],
    ['a segment with markup', 'https://github.com/acme/pay"ments'],
    ['an owner without a repository', 'https://github.com/acme'],
    ['a javascript URL', 'javascript:alert(1)//github.com/a/b'],
    ['a malformed escape (which once threw, stopping the whole run)', 'https://github.com/acme/%E0%A4%A'],
    ['an escaped slash', 'https://github.com/acme%2Fevil/repo'],
    ['a path that climbs, before the URL parser resolves it', 'https://github.com/acme/../../evil/repo'],
  ])('nothing for %s', (_what, remote) => {
    expect(webUrlOfRemote(remote)).toBeUndefined();
  });
});

describe('webUrlOfRemote, for a source that names its forge', () => {
  it.each([
    ['https://gitlab.acme.internal/platform/payments.git', 'https://gitlab.acme.internal/platform/payments'],
    ['git@gitlab.acme.internal:platform/sub/group/billing.git', 'https://gitlab.acme.internal/platform/sub/group/billing'],
    ['https://dev.azure.com/acme/Payments/_git/ledger', 'https://dev.azure.com/acme/Payments/_git/ledger'],
    ['git@ssh.dev.azure.com:v3/acme/Payments/ledger', undefined],
    ['https://gitlab.acme.internal/acme/../../evil', undefined],
    ['/srv/git/payments.git', undefined],
  ])('%s → %s', (remote, web) => {
    expect(webUrlOfRemote(remote, true)).toBe(web);
  });
});

describe('remoteUrl', () => {
  const config = [
    '[core]',
    '\trepositoryformatversion = 0',
    '[remote "upstream"]',
    '\turl = https://github.com/upstream/payments.git',
    '[remote "origin"]',
    '\turl = "git@github.com:acme/payments.git"',
    '\tfetch = +refs/heads/*:refs/remotes/origin/*',
    '[branch "main"]',
    '\tremote = origin',
  ].join('\n');

  it('reads the url of the named remote only', () => {
    expect(remoteUrl(config, 'origin')).toBe('git@github.com:acme/payments.git');
    expect(remoteUrl(config, 'upstream')).toBe('https://github.com/upstream/payments.git');
    expect(remoteUrl(config, 'fork')).toBeUndefined();
  });
});
