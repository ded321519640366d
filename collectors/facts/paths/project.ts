/**
 * Which files are test fixtures or template skeletons rather than the project's own: a throwaway key
 * in `testdata/` or a `.env` in a Backstage template's `skeleton/` says nothing about the
 * repository's secrets. Pure path work, shared by the secrets fact and the checks that judge files.
 */

/** Why a file is left out of a check that judges the project itself. */
export type ExclusionReason = 'test-fixture' | 'template-skeleton';

export interface PathExclusion {
  reason: ExclusionReason;
  /** What shows it, for the evidence: `under testdata/`, `in the skeleton of templates/api/template.yaml`. */
  detail: string;
}

/**
 * Folders that hold test material: Linguist's and the ecosystems' fixture folders (`testdata/` for
 * Go, `fixtures/`, `__fixtures__/` for Jest) and test roots (`test/`, `tests/`, `spec/`, `e2e/`;
 * Maven's `src/test/` falls under `test/`), where keys and certificates are made for the tests.
 */
const FIXTURE_FOLDER = /(^|\/)(testdata|test[-_]data|test[-_]?fixtures|fixtures?|__fixtures__|__mocks__|tests?|__tests__|specs?|e2e)\//i;

/** A cookiecutter template folder: `{{cookiecutter.project_slug}}/…`. */
const COOKIECUTTER = /(^|\/)(\{\{\s*cookiecutter\.[^/]*\}\})\//;

/** A Backstage software template's file, beside which its skeleton folder lives. */
export const TEMPLATE_FILE = /(^|\/)template\.ya?ml$/;

/** Folder names Backstage's examples give a template's skeleton (`fetch:template` with `url: ./skeleton`). */
export const SKELETON_FOLDERS = ['skeleton', 'content'] as const;

/**
 * Skeleton folders by the Backstage convention: a `skeleton/` or `content/` folder beside a
 * `template.yaml`. `templates` narrows the template files to those known to be `kind: Template`
 * (the secrets fact reads them); without it every `template.y(a)ml` counts.
 */
export function skeletonFolders(files: readonly string[], templates?: ReadonlySet<string>): Map<string, string> {
  const templateFiles = files.filter((path) => TEMPLATE_FILE.test(path) && (!templates || templates.has(path)));
  const folders = new Map<string, string>();
  const tracked = new Set(files.map((path) => dirOf(path)));
  for (const template of templateFiles) {
    const dir = dirOf(template);
    for (const name of SKELETON_FOLDERS) {
      const folder = dir ? `${dir}/${name}` : name;
      if ([...tracked].some((tracked) => tracked === folder || tracked.startsWith(`${folder}/`))) folders.set(folder, template);
    }
  }
  return folders;
}

/** Why `path` is not the project's own file, or undefined when it is. Skeletons first: a template's tests folder is still template. */
export function pathExclusion(path: string, skeletons: ReadonlyMap<string, string> = new Map()): PathExclusion | undefined {
  for (const [folder, template] of skeletons)
    if (path.startsWith(`${folder}/`)) return { reason: 'template-skeleton', detail: `in the skeleton of ${template}` };
  const cookiecutter = path.match(COOKIECUTTER);
  if (cookiecutter) return { reason: 'template-skeleton', detail: `in the cookiecutter template ${cookiecutter[2]}/` };
  const fixture = path.match(FIXTURE_FOLDER);
  if (fixture) return { reason: 'test-fixture', detail: `under ${path.slice(0, (fixture.index ?? 0) + fixture[0].length)}` };
  return undefined;
}

/** Placeholders in a template's files (`${{ values.name }}`): the file is a template, not configuration. */
export const TEMPLATE_PLACEHOLDER = /\$\{\{\s*values\.|\{\{\s*cookiecutter\./;

/** Labels for evidence notes. */
export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  'test-fixture': 'test fixture',
  'template-skeleton': 'template skeleton',
};

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
