import { describe, expect, it } from 'vitest';
import { pageParam, paginate, paginationView } from '../../../site/lib/pagination.ts';
import { pagedPath } from '../../../site/lib/paths.ts';

describe('paginate', () => {
  it.each([
    [0, 10, [[1, 1, 0, 0]]],
    [3, 10, [[1, 1, 3, 1]]],
    [10, 10, [[1, 1, 10, 1]]],
    [
      11,
      10,
      [
        [1, 2, 10, 1],
        [2, 2, 1, 11],
      ],
    ],
    [
      25,
      10,
      [
        [1, 3, 10, 1],
        [2, 3, 10, 11],
        [3, 3, 5, 21],
      ],
    ],
  ])('splits %i items into pages of %i', (count, size, expected) => {
    const items = Array.from({ length: count }, (_, index) => index);
    const pages = paginate(items, size);
    expect(pages.map((page) => [page.number, page.pages, page.items.length, page.first])).toEqual(expected);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
  });
});

describe('pagination view', () => {
  const view = (number: number, pages: number) =>
    paginationView(
      'checks/x/',
      paginate(
        Array.from({ length: pages * 10 }, (_, index) => index),
        10,
      )[number - 1]!,
    );

  it.each([
    [1, 1, ['1*']],
    [1, 3, ['1*', '2', '3']],
    [2, 3, ['1', '2*', '3']],
    [1, 9, ['1*', '2', '3', '…', '9']],
    [5, 9, ['1', '…', '3', '4', '5*', '6', '7', '…', '9']],
    [4, 9, ['1', '2', '3', '4*', '5', '6', '…', '9']],
    [9, 9, ['1', '…', '7', '8', '9*']],
  ])('page %i of %i links the ends and two pages either side', (number, pages, expected) => {
    expect(view(number, pages).links.map((link) => `${link.text}${link.current ? '*' : ''}`)).toEqual(expected);
  });

  it('links page 1 at the list’s own path, the others below it, with previous and next', () => {
    const second = view(2, 3);
    expect(second.links.map((link) => link.href)).toEqual(['/checks/x/', '/checks/x/page/2/', '/checks/x/page/3/']);
    expect([second.previous, second.next, second.range]).toEqual(['/checks/x/', '/checks/x/page/3/', '11–20 of 30']);
    expect(view(1, 1)).toMatchObject({ range: '1–10 of 10', pages: 1 });
    expect(view(1, 1)).not.toHaveProperty('previous');
    expect(view(1, 1)).not.toHaveProperty('next');
    expect(paginationView('checks/x/', paginate([])[0]!).range).toBe('0 of 0');
  });

  it.each([
    [1, 'scorecards/a/unowned/', undefined],
    [2, 'scorecards/a/unowned/page/2/', 'page/2'],
  ])('puts page %i at %s', (number, path, param) => {
    expect(pagedPath('scorecards/a/unowned/', number)).toBe(path);
    expect(pageParam(number)).toBe(param);
  });
});
