import { createRequire } from 'node:module';
import spdxLicenses from 'spdx-license-list';

const require = createRequire(import.meta.url);

/**
 * Every SPDX license by id, shaped as `spdx-license-list/full.js` gives them, but each text is read
 * from the package's file for that license when it is first asked for: the full list is 5 MB of
 * texts to parse and hold, of which Cairn compares a LICENSE file against a few.
 */
export type SpdxLicenses = Readonly<Record<string, { readonly licenseText: string }>>;

const spdxLicensesWithText: SpdxLicenses = Object.fromEntries(
  Object.keys(spdxLicenses).map((id) => [
    id,
    {
      get licenseText(): string {
        return (require(`spdx-license-list/licenses/${id}.json`) as { licenseText: string }).licenseText;
      },
    },
  ]),
);

export default spdxLicensesWithText;
