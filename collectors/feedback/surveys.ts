import { cleanText, type SurveyResponse } from './feedback.ts';

/**
 * Periodic survey answers (`content/surveys/*.csv`), as a form tool exports them: a header row
 * naming at least `date` (or `timestamp`), `team`, `question` and `score` (or `rating`) in any order
 * and case, `comment` optional,
 * then one answer per row. A row that cannot be read is a problem at its line and is left out.
 */

export interface SurveyRead {
  responses: SurveyResponse[];
  problems: Array<{ severity: 'error' | 'warning'; file: string; line?: number; message: string }>;
}

const REQUIRED = ['date', 'team', 'question', 'score'] as const;
/** Other names form tools give these columns. */
const ALIASES: Readonly<Record<string, string>> = { timestamp: 'date', 'submitted at': 'date', rating: 'score' };

export function parseSurveyCsv(text: string, file: string): SurveyRead {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const problems: SurveyRead['problems'] = [];
  const header = rows[0];
  if (!header)
    return {
      responses: [],
      problems: [
        { severity: 'warning', file, message: `${file} is empty; a survey export needs a header row (date, team, question, score).` },
      ],
    };
  const columns = header.cells
    .map((cell) => cell.trim().toLowerCase())
    .map((name, _index, names) => (ALIASES[name] && !names.includes(ALIASES[name]) ? ALIASES[name] : name));
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    return {
      responses: [],
      problems: [
        {
          severity: 'error',
          file,
          line: header.line,
          message: `${file} has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}; its header row must name date, team, question and score (comment is optional).`,
        },
      ],
    };
  }
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)]?.trim() ?? '';
  const responses: SurveyResponse[] = [];
  for (const { cells, line } of rows.slice(1)) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const date = at(cells, 'date');
    const scoreText = at(cells, 'score');
    const score = Number(scoreText);
    const day = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(date)?.[1];
    const fault =
      !day || Number.isNaN(Date.parse(`${day}T00:00:00Z`))
        ? `date "${cleanText(date, 40)}" is not a YYYY-MM-DD date`
        : scoreText === '' || !Number.isFinite(score)
          ? `score "${cleanText(scoreText, 40)}" is not a number`
          : score < 1 || score > 5
            ? `score ${score} is not on the dashboard's scale of 1 to 5`
            : !at(cells, 'team')
              ? 'the team is empty'
              : !at(cells, 'question')
                ? 'the question is empty'
                : undefined;
    if (fault) {
      problems.push({ severity: 'warning', file, line, message: `${file}:${line}: ${fault}; the answer is left out.` });
      continue;
    }
    const comment = columns.includes('comment') ? cleanText(at(cells, 'comment')) : '';
    responses.push({
      date: day!,
      team: cleanText(at(cells, 'team'), 200),
      question: cleanText(at(cells, 'question'), 300),
      score,
      ...(comment ? { comment } : {}),
      file,
      line,
    });
  }
  return { responses, problems };
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. Each row keeps the line it starts on. */
export function parseCsv(text: string): Array<{ cells: string[]; line: number }> {
  const rows: Array<{ cells: string[]; line: number }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
