import { describe, expect, it } from 'vitest';
import { axeViolations, useBrowserSite } from '../helpers/fixture-browser.ts';
import { buildFeedbackPortal, HOSTILE_COMMENT } from '../site/feedback-fixture.ts';

// The fixture organisation with guides, feedback (a hostile comment among it) and a history, under /portal/.
const { open } = useBrowserSite((workDir, base) => buildFeedbackPortal(workDir, base));

describe('the platform dashboard and satisfaction on a guide', () => {
  it('leads from a callout on /platform/ to the guide, whose hostile comment is text and runs nothing', async () => {
    const dialogs: string[] = [];
    const page = await open('platform/', {}, (page) =>
      page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message()))),
    );
    expect(await page.getByRole('link', { name: 'Platform' }).getAttribute('aria-current')).toBe('page');
    const disliked = page.getByRole('region', { name: 'Followed, but not liked' });
    await disliked.getByRole('link', { name: 'Set up CI' }).click();
    await page.waitForURL(/\/portal\/guides\/build\/set-up-ci\/$/);

    const satisfaction = page.getByRole('region', { name: 'Satisfaction' });
    expect(await satisfaction.locator('.satisfaction-figure').textContent()).toMatch(/^2\.4 of 5 \(the mean of 5 ratings\)$/);
    // Shown as written, less its control characters; the newline stays a line break.
    expect(await satisfaction.locator('blockquote').first().innerText()).toBe(
      HOSTILE_COMMENT.replace(/[\u0000-\u0008\u000b-\u001f]/g, '\ufffd'),
    );
    expect(await satisfaction.locator('img, script').count()).toBe(0);
    const rate = satisfaction.getByRole('link', { name: /^Rate this guide/ });
    expect(new URL((await rate.getAttribute('href'))!).searchParams.get('page')).toBe('guide:build/set-up-ci');
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(['platform/', 'guides/build/set-up-ci/', 'guides/ops/runbooks/', 'checks/has-readme/'])(
      `/portal/%s has no axe violations in ${colorScheme} mode, with every <details> open`,
      async (path) => {
        const page = await open(path, { colorScheme });
        await page.locator('details').evaluateAll((elements) => elements.forEach((details) => details.setAttribute('open', '')));
        expect(await axeViolations(page)).toEqual([]);
        await page.context().close();
      },
    );
  }
});
