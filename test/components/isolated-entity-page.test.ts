import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';
import IsolatedThrow from './fixtures/IsolatedThrow.astro';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', title: 'Payments <script>' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-a' },
  ref: 'component:default/payments',
  source: { repo: 'payments', file: 'catalog-info.yaml', line: 3 },
  relations: [],
} as unknown as CatalogEntity;

describe('IsolatedEntityPage', () => {
  it('renders its body as is when nothing fails', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(IsolatedThrow, { props: { entity, fail: false } });
    expect(html).toContain('<main><p id="body">rendered body</p></main>');
  });

  it('turns a throw while rendering into the entity saying so, escaped and cleaned, and logs it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const container = await AstroContainer.create();
    const html = await container.renderToString(IsolatedThrow, { props: { entity, fail: true } });
    expect(html).toContain('<h1>Payments &lt;script&gt;</h1>');
    expect(html).toContain('component:default/payments · declared in repository payments, catalog-info.yaml line 3');
    expect(html).toContain('could not be built: view failed\ufffd[31m on &lt;b&gt;payments&lt;/b&gt;. The rest of the portal is built');
    expect(html).not.toContain('second line');
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'The page of component:default/payments (repository payments, catalog-info.yaml line 3) could not be built: view failed',
      ),
    );
    warn.mockRestore();
  });
});
