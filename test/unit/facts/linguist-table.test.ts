import { readFile } from 'node:fs/promises';
import * as linguist from 'linguist-languages';
import { describe, expect, it } from 'vitest';
import table from '../../../collectors/facts/paths/linguist-languages.ts';
import { LINGUIST_TABLE_FILE, renderLinguistTable } from '../../../scripts/dev/generate-linguist.ts';

describe("the languages fact's table of Linguist languages", () => {
  it('is what scripts/dev/generate-linguist.ts makes of the installed linguist-languages (npm run linguist)', async () => {
    expect(await readFile(LINGUIST_TABLE_FILE, 'utf8')).toBe(renderLinguistTable());
  });

  it("holds every language of the package, in the package's order, with the fields the fact reads", () => {
    const fields = ['name', 'type', 'group', 'aliases', 'extensions', 'filenames', 'interpreters'];
    const expected = Object.values(linguist).map((language) =>
      Object.fromEntries(Object.entries(language).filter(([field]) => fields.includes(field))),
    );
    expect(Object.values(table)).toEqual(expected);
    expect(table.Rust).toEqual({
      name: 'Rust',
      type: 'programming',
      aliases: ['rs'],
      extensions: ['.rs', '.rs.in'],
      interpreters: ['rust-script'],
    });
  });
});
