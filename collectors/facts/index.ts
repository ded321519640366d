import { z } from 'zod';
import { activity } from './activity.ts';
import { ci } from './ci.ts';
import { codeowners } from './codeowners.ts';
import { contentFiles } from './content-files.ts';
import { dependabot } from './dependabot.ts';
import { descriptors } from './descriptors.ts';
import { dockerfiles } from './dockerfiles.ts';
import { docSources } from './doc-sources.ts';
import { docs } from './docs.ts';
import { files } from './files.ts';
import { head } from './head.ts';
import { languages } from './languages.ts';
import { largeFiles } from './large-files.ts';
import { license } from './license.ts';
import { manifests } from './manifests.ts';
import { readme } from './readme.ts';
import { releases } from './releases.ts';
import { secrets } from './secrets.ts';
import { securityLinters } from './security-linters.ts';
import { securityPolicy } from './security-policy.ts';
import { workflows } from './workflows.ts';

/** Every fact retriever, in the order they run. The one registry: a test checks each file is here. */
export const retrievers = [
  head,
  activity,
  releases,
  descriptors,
  files,
  largeFiles,
  languages,
  manifests,
  readme,
  license,
  codeowners,
  ci,
  workflows,
  dependabot,
  dockerfiles,
  docs,
  docSources,
  securityPolicy,
  securityLinters,
  secrets,
  contentFiles,
] as const;

type Retriever = (typeof retrievers)[number];

/** All facts of one repository. A fact is absent when its retriever failed (a problem says why). */
export const factsSchema = z.object(
  Object.fromEntries(retrievers.map((retriever) => [retriever.id, retriever.schema.optional()])) as {
    [R in Retriever as R['id']]: z.ZodOptional<R['schema']>;
  },
);

export type Facts = z.infer<typeof factsSchema>;
