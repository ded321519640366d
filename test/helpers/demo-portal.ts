import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { generateDemoOrg } from '../../scripts/dev/demo-org/generate.ts';
import { runCairn } from './cli.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');

/**
 * The demo portal as a platform team would build its own: a copy of the demo content (portal.yaml,
 * scorecards, guides) pointed at a freshly generated demo organisation in `workDir`, built with
 * `cairn build --config` under `base`. Returns the site folder and the snapshot it was built from.
 */
export async function buildDemoPortal(workDir: string, base: string): Promise<{ outDir: string; snapshot: Snapshot }> {
  const org = (await generateDemoOrg({ out: join(workDir, 'org') })).out;
  await cp(CONTENT, join(workDir, 'content'), { recursive: true });
  // The repositories and the exported feedback issues are the freshly generated organisation's.
  const config = (await readFile(join(CONTENT, 'portal.yaml'), 'utf8'))
    .replace('repos: ../.cache/demo-org/*', `repos: ${org}/*`)
    .replace('issues: ../.cache/demo-org/', `issues: ${org}/`);
  await writeFile(join(workDir, 'content', 'portal.yaml'), config);
  const outDir = join(workDir, 'dist');
  const snapshotPath = join(workDir, 'snapshot.json');
  const build = await runCairn(
    workDir,
    ['build', '--config', 'content/portal.yaml', '--out', outDir, '--snapshot', snapshotPath, '--base', base],
    { epoch: '1793534400' },
  );
  if (build.code !== 0) throw new Error(`cairn build of the demo portal exited ${build.code}:\n${build.stderr}`);
  return { outDir, snapshot: JSON.parse(await readFile(snapshotPath, 'utf8')) as Snapshot };
}
