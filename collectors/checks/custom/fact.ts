import type { Facts } from '../../facts/index.ts';
import type { CheckResult } from '../check.ts';
import { parsePath } from './schema.ts';
import { judge, lookup, type Rule } from './shared.ts';

/** `fact`: a collected fact, followed by path, meets the same conditions as a document path. */
export function checkFact(rule: Rule<'fact'>, facts: Facts): CheckResult {
  const segments = parsePath(rule.fact)!;
  const found = lookup(facts, segments);
  // Facts about a file carry its `path` (and sometimes `line`): the nearest one is the evidence.
  const evidence = found.nearestPath
    ? { path: found.nearestPath.path, ...(found.nearestPath.line ? { line: found.nearestPath.line } : {}) }
    : undefined;
  return judge(rule, found, rule.fact, evidence);
}
