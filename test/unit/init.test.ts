import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { portalFiles, teamFile } from '../../scripts/cli/init.ts';

const TEMPLATES = {
  scorecards: [{ name: 'security.yaml', text: '# yaml-language-server: $schema=../../schemas/scorecard.schema.json\nid: security\n' }],
  guide: '---\nowner: group:{{platformTeam}}\nreviewed: {{today}}\n---\n# {{title}}\n',
  readme: '# {{title}}\n`teams/{{platformTeam}}.yaml`\n{{sourcesNote}}',
  gitignore: 'node_modules/\n',
  workflow: 'name: Portal\n',
  version: '1.2.3',
  today: '2026-12-06',
};

describe('portalFiles', () => {
  it('writes every file of a portal for a directory source, the platform team added to the CODEOWNERS teams', () => {
    const files = portalFiles({
      ...TEMPLATES,
      title: 'Acme Portal',
      platformTeam: 'platform',
      repos: '../repos/*',
      teams: new Map([['payments', ['ledger', 'orders']]]),
    });
    expect(files.map((file) => file.path)).toEqual([
      'package.json',
      'portal.yaml',
      'scorecards/security.yaml',
      'guides/start/catalog.mdx',
      'teams/payments.yaml',
      'teams/platform.yaml',
      '.github/workflows/portal.yml',
      'README.md',
      '.gitignore',
    ]);
    const text = (path: string) => files.find((file) => file.path === path)!.text;
    expect(text('portal.yaml')).toBe(
      '# yaml-language-server: $schema=./node_modules/cairn-portal/schemas/portal.schema.json\ntitle: Acme Portal\nsources:\n  - type: directory\n    repos: ../repos/*\n',
    );
    expect(text('scorecards/security.yaml')).toBe(
      '# yaml-language-server: $schema=../node_modules/cairn-portal/schemas/scorecard.schema.json\nid: security\n',
    );
    expect(text('guides/start/catalog.mdx')).toBe('---\nowner: group:platform\nreviewed: 2026-12-06\n---\n# Acme Portal\n');
    expect(JSON.parse(text('package.json'))).toEqual({
      name: 'acme-portal',
      private: true,
      type: 'module',
      scripts: { build: 'cairn build --config portal.yaml', preview: 'cairn preview' },
      dependencies: { 'cairn-portal': '^1.2.3' },
    });
    expect(text('README.md')).toMatch(
      /^# Acme Portal\n`teams\/platform\.yaml`\n\nThe `directory` source in `portal\.yaml` reads \.\.\/repos\/\* on this machine\. The nightly workflow runs\nelsewhere: /,
    );
  });

  it('reads a GitHub organisation with its teams, and keeps a platform team CODEOWNERS already names', () => {
    const files = portalFiles({
      ...TEMPLATES,
      title: 'Développeurs !',
      platformTeam: 'payments',
      githubOrg: 'acme',
      teams: new Map([['payments', ['ledger']]]),
    });
    expect(parse(files.find((file) => file.path === 'portal.yaml')!.text)).toEqual({
      title: 'Développeurs !',
      sources: [{ type: 'github', org: 'acme', teams: true }],
    });
    expect(files.filter((file) => file.path.startsWith('teams/')).map((file) => file.path)).toEqual(['teams/payments.yaml']);
    expect(JSON.parse(files[0]!.text).name).toBe('d-veloppeurs');
    expect(files.find((file) => file.path === 'README.md')!.text).toBe('# Développeurs !\n`teams/payments.yaml`\n');
  });

  it('beside a GitHub organisation, says to drop the folder source rather than replace it', () => {
    const readme = portalFiles({
      ...TEMPLATES,
      title: 'Acme',
      platformTeam: 'platform',
      githubOrg: 'acme',
      repos: '../repos/*',
      teams: new Map(),
    }).find((file) => file.path === 'README.md')!.text;
    expect(readme).toContain('before relying on it, remove that source: the `github` source beside it reads');
    expect(readme).not.toContain('replace that source');
  });
});

describe('teamFile', () => {
  it.each([
    ['payments', ['ledger', 'orders'], false, 'Named in CODEOWNERS of ledger, orders.'],
    ['platform', [], true, 'Owns the developer portal: its scorecards and guides.'],
  ])('%s', (team, repos, ownsPortal, description) => {
    expect(parse(teamFile(team, repos, ownsPortal))).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team, description },
      spec: { type: 'team', profile: { displayName: team }, children: [] },
    });
  });
});
