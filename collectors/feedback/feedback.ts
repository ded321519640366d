import { z } from 'zod';

/**
 * What developers said about the platform: feedback on one guide or check (an issue in the
 * portal's feedback repository) and answers to periodic surveys. Both are untrusted text.
 */

/** The page a piece of feedback is about. */
export const feedbackTargetSchema = z.object({ kind: z.enum(['guide', 'check']), id: z.string().min(1) });

export const feedbackItemSchema = z.object({
  target: feedbackTargetSchema,
  /** 1 (not helpful) to 5 (very helpful); absent when the reader left only a comment or a reaction. */
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().optional(),
  /** The respondent's handle; only kept when the portal's config allows publishing it. */
  author: z.string().optional(),
  createdAt: z.string(),
  /** The issue, for the platform team to answer. */
  url: z.string(),
  /** 👍 and 👎 reactions on the issue: readers agreeing without writing feedback of their own. */
  reactions: z.object({ up: z.number().int().nonnegative(), down: z.number().int().nonnegative() }),
});

export const surveyResponseSchema = z.object({
  /** `YYYY-MM-DD`. */
  date: z.string(),
  team: z.string(),
  question: z.string(),
  score: z.number(),
  comment: z.string().optional(),
  /** The CSV file and line the answer came from. */
  file: z.string(),
  line: z.number().int().positive(),
});

export type FeedbackTarget = z.infer<typeof feedbackTargetSchema>;
export type FeedbackItem = z.infer<typeof feedbackItemSchema>;
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

/** How long a comment may be once published: a summary, with the issue one click away. */
export const MAX_COMMENT_CHARACTERS = 600;

/**
 * Text from an issue or a survey made safe to keep: control characters (except line breaks and
 * tabs) removed, line endings normalised, trimmed and capped. Escaping is the renderer's job.
 */
export function cleanText(text: string, max = MAX_COMMENT_CHARACTERS): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1).trimEnd()}…` : cleaned;
}

export const satisfactionSchema = z.object({
  target: feedbackTargetSchema,
  ratings: z.number().int().nonnegative(),
  mean: z.number().optional(),
  distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  reactions: z.object({ up: z.number().int().nonnegative(), down: z.number().int().nonnegative() }),
  comments: z.array(
    z.object({
      comment: z.string(),
      rating: z.number().int().optional(),
      createdAt: z.string(),
      url: z.string(),
      author: z.string().optional(),
    }),
  ),
  trend: z.array(z.object({ period: z.string(), mean: z.number(), ratings: z.number().int() })),
});

export const surveyFigureSchema = z.object({
  question: z.string(),
  team: z.string(),
  period: z.string(),
  mean: z.number(),
  responses: z.number().int().positive(),
});

/** What the snapshot keeps of the feedback: figures, never the raw issues or answers. */
export const feedbackSnapshotSchema = z.object({
  /** Where the pages' feedback links open a prefilled issue; absent when only surveys are read. */
  repository: z.object({ forge: z.enum(['github', 'gitlab']), webUrl: z.string(), label: z.string() }).optional(),
  satisfaction: z.array(satisfactionSchema),
  surveys: z.array(surveyFigureSchema),
});

export type FeedbackSnapshot = z.infer<typeof feedbackSnapshotSchema>;
