import type { Facts } from '../../../facts/index.ts';

/**
 * Languages that are not programs: markup, styles, templates (a Helm chart's), build and
 * infrastructure files. They have nothing to unit-test or statically analyse on their own.
 */
const NOT_PROGRAMS = new Set([
  'Go Template',
  'EJS',
  'Haml',
  'Liquid',
  'Nunjucks',
  'Pug',
  'Twig',
  'HTML',
  'CSS',
  'SCSS',
  'Sass',
  'Less',
  'Stylus',
  'Dockerfile',
  'Makefile',
  'CMake',
  'HCL',
  'Jinja',
  'Smarty',
  'Mustache',
  'Handlebars',
  'Roff',
  'TeX',
  'Nix',
  'Batchfile',
  'PowerShell',
  'Shell',
]);

/** The repository's languages that are programs, largest first. */
export function programLanguages(languages: NonNullable<Facts['languages']>): NonNullable<Facts['languages']> {
  return languages.filter((language) => !NOT_PROGRAMS.has(language.name));
}
