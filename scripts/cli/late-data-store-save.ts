/**
 * Whether an error is Astro saving a finished build's content data store into a folder the command
 * line has already removed (the save runs on a timer after the build returns): harmless, as that
 * build is done, and never to end the process that builds the next site.
 */
export function isLateDataStoreSave(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; path?: unknown } } | undefined)?.cause;
  return cause?.code === 'ENOENT' && typeof cause.path === 'string' && /[\\/]data-store\.json(\.tmp)?$/.test(cause.path);
}
