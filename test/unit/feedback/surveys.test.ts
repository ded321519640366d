import { describe, expect, it } from 'vitest';
import { parseCsv, parseSurveyCsv } from '../../../collectors/feedback/surveys.ts';

describe('CSV', () => {
  it.each([
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['"x, y","say ""hi"""\n', [['x, y', 'say "hi"']]],
    [
      '"two\nlines",z\nnext,row\n',
      [
        ['two\nlines', 'z'],
        ['next', 'row'],
      ],
    ],
    ['a,,c\n', [['a', '', 'c']]],
  ])('parses %j', (text, expected) => {
    expect(parseCsv(text).map((row) => row.cells)).toEqual(expected);
  });

  it('keeps the line each row starts on', () => {
    expect(parseCsv('h\n"a\nb"\nc\n').map((row) => row.line)).toEqual([1, 2, 4]);
  });
});

describe('survey exports', () => {
  it('reads answers in any column order, with a byte order mark and a comment column', () => {
    const text =
      '\uFEFFScore,Team,Date,Question,Comment\n4,payments,2026-05-14,How easy is it to ship?,"Fine, mostly"\n2,web,2026-06-01T10:00:00Z,How easy is it to ship?,\n';
    expect(parseSurveyCsv(text, 'content/surveys/q2.csv')).toEqual({
      responses: [
        {
          date: '2026-05-14',
          team: 'payments',
          question: 'How easy is it to ship?',
          score: 4,
          comment: 'Fine, mostly',
          file: 'content/surveys/q2.csv',
          line: 2,
        },
        { date: '2026-06-01', team: 'web', question: 'How easy is it to ship?', score: 2, file: 'content/surveys/q2.csv', line: 3 },
      ],
      problems: [],
    });
  });

  it('takes the Timestamp and Rating columns of form tools for date and score', () => {
    expect(parseSurveyCsv('Timestamp,Team,Question,Rating\n2026-03-16,web,Ease,4\n', 's.csv').responses).toEqual([
      { date: '2026-03-16', team: 'web', question: 'Ease', score: 4, file: 's.csv', line: 2 },
    ]);
  });

  it('names the columns a header lacks', () => {
    expect(parseSurveyCsv('date,team,answer\n', 's.csv').problems).toEqual([
      {
        severity: 'error',
        file: 's.csv',
        line: 1,
        message: 's.csv has no question, score columns; its header row must name date, team, question and score (comment is optional).',
      },
    ]);
  });

  it('leaves out a row it cannot read, at its line, and keeps the rest', () => {
    const read = parseSurveyCsv(
      'date,team,question,score\n14/05/2026,a,q,3\n2026-05-14,a,q,high\n2026-05-14,,q,3\n\n2026-05-15,a,q,5\n2026-05-15,a,q,9\n2026-05-15,a,q,0\n2026-05-15,a,q,1\n',
      's.csv',
    );
    expect(read.responses.map((response) => response.line)).toEqual([6, 9]);
    expect(read.problems.map((problem) => problem.message)).toEqual([
      's.csv:2: date "14/05/2026" is not a YYYY-MM-DD date; the answer is left out.',
      's.csv:3: score "high" is not a number; the answer is left out.',
      's.csv:4: the team is empty; the answer is left out.',
      "s.csv:7: score 9 is not on the dashboard's scale of 1 to 5; the answer is left out.",
      "s.csv:8: score 0 is not on the dashboard's scale of 1 to 5; the answer is left out.",
    ]);
  });
});
