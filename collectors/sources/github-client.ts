import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** The GitHub client: every list paginated, rate limits waited out, server errors retried with back-off. */
export const GitHub = Octokit.plugin(paginateRest, throttling, retry);

export type GitHubClient = InstanceType<typeof GitHub>;
