import type { z } from 'zod';
import { didYouMean } from '../scorecards/suggest.ts';

/*
 * A `fact` rule's path, checked against the fact's schema when the portal loads: a typo below the
 * fact's name (`license.expresion`) would otherwise fail every repository with "is not set".
 */

type Schema = z.core.$ZodType;

/** Wrappers that do not change what a path reaches. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** What the value at a path is, for messages: `a list`, `an object`, `a string`… */
type Shape = 'list' | 'object' | 'value';

/**
 * Why `segments` (after the fact's id) lead nowhere in `schema`, or undefined when they reach a
 * value; `scalar`: the rule's conditions read a string, number or boolean (matches, semver, gte,
 * lte), so a path ending at a list or an object is refused too.
 */
export function factPathProblem(
  factId: string,
  schema: Schema,
  segments: ReadonlyArray<string | number>,
  scalar: boolean,
): string | undefined {
  let current: Schema | undefined = schema;
  let reached = factId;
  for (const segment of segments) {
    const options = alternatives(current);
    if (options.length === 0) return undefined; // unknown: anything goes
    const next = options.flatMap((option) => step(option, segment));
    if (next.length === 0) return stepProblem(reached, options, segment);
    reached += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
    current = next.length === 1 ? next[0] : undefined;
    if (current === undefined) return undefined; // several shapes: the run judges the value
  }
  if (!scalar) return undefined;
  const shapes = new Set(alternatives(current).map(shapeOf));
  if (shapes.size === 0 || shapes.has('value')) return undefined;
  return `${reached} is ${shapes.has('list') ? 'a list' : 'an object'}; matches, semver, gte and lte read a string, number or boolean: point the path at one of its fields`;
}

/** The schemas a value of `schema` may follow, wrappers removed; empty when anything goes. */
function alternatives(schema: Schema | undefined): Schema[] {
  if (!schema) return [];
  const def = schema._zod.def as unknown as { type: string; innerType?: Schema; in?: Schema; options?: Schema[]; getter?: () => Schema };
  if (WRAPPERS.has(def.type)) return alternatives(def.innerType);
  if (def.type === 'pipe') return alternatives(def.in);
  if (def.type === 'lazy') return alternatives(def.getter!());
  if (def.type === 'union') return def.options!.flatMap(alternatives);
  if (def.type === 'unknown' || def.type === 'any') return [];
  return [schema];
}

function step(schema: Schema, segment: string | number): Schema[] {
  const def = schema._zod.def as unknown as { type: string; shape?: Record<string, Schema>; element?: Schema; valueType?: Schema };
  if (def.type === 'object') return typeof segment === 'string' && Object.hasOwn(def.shape!, segment) ? [def.shape![segment]!] : [];
  if (def.type === 'array') return typeof segment === 'number' || /^\d+$/.test(segment) ? [def.element!] : [];
  if (def.type === 'record') return typeof segment === 'string' ? [def.valueType!] : [];
  return [];
}

function shapeOf(schema: Schema): Shape {
  const type = schema._zod.def.type;
  return type === 'array' ? 'list' : type === 'object' || type === 'record' ? 'object' : 'value';
}

function stepProblem(reached: string, options: readonly Schema[], segment: string | number): string {
  const fields = options.flatMap((option) => {
    const def = option._zod.def as unknown as { type: string; shape?: Record<string, unknown> };
    return def.type === 'object' ? Object.keys(def.shape!) : [];
  });
  if (fields.length > 0) {
    const unique = [...new Set(fields)].sort();
    const name = String(segment);
    return `${reached} has no field "${name}"${didYouMean(name, unique) || `; its fields are ${unique.join(', ')}`}`;
  }
  const shapes = new Set(options.map(shapeOf));
  if (shapes.has('list')) return `${reached} is a list: index it by position, e.g. ${reached}[0]`;
  return `${reached} is a single value, with no field "${String(segment)}"`;
}
