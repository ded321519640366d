import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { contentPaths } from '../config/content-paths.ts';
import type { FeedbackSettings } from '../config/schema.ts';
import type { Problem } from '../contract/problems.ts';
import { compareCodeUnits } from '../support/order.ts';
import type { FeedbackItem, FeedbackSnapshot, SurveyResponse } from './feedback.ts';
import { FEEDBACK_LABEL } from './issue-form.ts';
import { feedbackFromIssues, readFeedbackIssues, type FeedbackSource } from './read-issues.ts';
import { satisfactionByTarget, surveyFigures } from './satisfaction.ts';
import { parseSurveyCsv } from './surveys.ts';

/**
 * The run's feedback: the feedback repository's issues (over the API, or from an exported file)
 * and the survey exports in `content/surveys/`, folded into figures. Nothing configured and no
 * surveys: no feedback. A source that cannot be read is a problem; the portal is still built.
 */
export async function readFeedback(
  settings: FeedbackSettings | undefined,
  contentDir: string | undefined,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ feedback?: FeedbackSnapshot; problems: Problem[] }> {
  const problems: Problem[] = [];
  let items: FeedbackItem[] = [];
  const source = settings && feedbackSource(settings);
  if (settings && source) {
    const read = settings.issues
      ? await readIssuesFile(resolve(contentDir ?? '.', settings.issues), settings.issues, source)
      : await readFeedbackIssues(source, environment);
    items = read.items;
    problems.push(...read.problems);
  }
  const surveys = contentDir ? await readSurveys(contentDir) : { responses: [], problems: [] };
  problems.push(...surveys.problems);
  if (!settings && surveys.responses.length === 0) return { problems };
  return {
    feedback: {
      ...(settings && source
        ? { repository: { forge: source.forge, webUrl: settings.repository.replace(/\/+$/, ''), label: settings.label } }
        : {}),
      satisfaction: satisfactionByTarget(items),
      surveys: surveyFigures(surveys.responses),
    },
    problems,
  };
}

/** The API settings a feedback repository's web URL implies, unless the config says otherwise. */
export function feedbackSource(settings: FeedbackSettings): FeedbackSource {
  const url = new URL(settings.repository);
  const forge = settings.forge ?? (url.hostname.includes('gitlab') ? 'gitlab' : 'github');
  const repository = url.pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  const apiUrl =
    settings.apiUrl ??
    (forge === 'gitlab' ? `${url.origin}/api/v4` : url.hostname === 'github.com' ? 'https://api.github.com' : `${url.origin}/api/v3`);
  return {
    forge,
    repository,
    apiUrl,
    tokenEnv: settings.tokenEnv ?? (forge === 'gitlab' ? 'GITLAB_TOKEN' : 'GITHUB_TOKEN'),
    label: settings.label ?? FEEDBACK_LABEL,
    showRespondents: settings.showRespondents,
  };
}

async function readIssuesFile(
  path: string,
  written: string,
  source: FeedbackSource,
): Promise<{ items: FeedbackItem[]; problems: Problem[] }> {
  let issues: unknown;
  try {
    issues = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return {
      items: [],
      problems: [
        {
          severity: 'error',
          file: written,
          message: `Could not read the feedback issues in ${written} (feedback.issues in portal.yaml): ${String((error as Error).message).split('\n')[0]}. The portal is built without feedback this run.`,
        },
      ],
    };
  }
  // `gh api --paginate` writes one array per page, concatenated; a file may also be one flat array.
  if (!Array.isArray(issues))
    return {
      items: [],
      problems: [
        {
          severity: 'error',
          file: written,
          message: `${written} (feedback.issues in portal.yaml) should hold a JSON array of issues as the API returns them.`,
        },
      ],
    };
  return { items: feedbackFromIssues(issues.flat(), source), problems: [] };
}

/** Every `content/surveys/*.csv`, in file name order. */
async function readSurveys(contentDir: string): Promise<{ responses: SurveyResponse[]; problems: Problem[] }> {
  const dir = join(contentDir, 'surveys');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort(compareCodeUnits);
  const responses: SurveyResponse[] = [];
  const problems: Problem[] = [];
  const { shown } = contentPaths(contentDir);
  for (const name of names) {
    const file = shown(join('surveys', name));
    const read = parseSurveyCsv(await readFile(join(dir, name), 'utf8'), file);
    responses.push(...read.responses);
    problems.push(...read.problems);
  }
  return { responses, problems };
}
