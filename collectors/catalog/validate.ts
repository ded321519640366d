import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  stringifyEntityRef,
  type Entity,
  type KindValidator,
} from '@backstage/catalog-model';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
  userEntityV1alpha1Validator,
} from '../backstage/validators.ts';
import { formatPath } from '../yaml/lines.ts';

/**
 * The policies Backstage's `CatalogBuilder` enforces on every entity unless an installation
 * replaces them, in its order: schema first, so later policies can trust the shape.
 */
const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/**
 * The kinds a standard Backstage installation recognises: those of the catalog backend's
 * `BuiltinKindsEntityProcessor`, then the scaffolder's Template (its `ScaffolderEntitiesProcessor`).
 */
const KIND_VALIDATORS: readonly KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

/** The kinds Cairn accepts, i.e. those of `KIND_VALIDATORS`. */
export const KNOWN_KINDS = ['API', 'Component', 'Domain', 'Group', 'Location', 'Resource', 'System', 'Template', 'User'] as const;

const validateEnvelope = entityEnvelopeSchemaValidator();
const validateEntityShape = entitySchemaValidator();

/** Outcome of validating one document: the entity as Backstage would store it, or why Backstage rejects it. */
export type Validation =
  | { ok: true; entity: Entity; ref: string }
  | {
      ok: false;
      /** The entity's ref, when the document got far enough to have one. */
      ref?: string;
      /** Backstage's own message for the first rule the document breaks. */
      reason: string;
      /** True when the entity is well-formed but of a kind (or apiVersion) no validator recognises. */
      unknownKind?: boolean;
    };

/**
 * Validates one parsed YAML document exactly as Backstage's catalog ingests it: the envelope
 * check, the default entity policies (which also set `metadata.namespace`), the entity schema and
 * the built-in kind validators, all from `@backstage/catalog-model` (the schema validators compiled
 * ahead of time, `collectors/backstage/validators.ts`). Never throws.
 */
export async function validateEntity(data: unknown): Promise<Validation> {
  if (!isPlainObject(data)) {
    return { ok: false, reason: `Expected object at root, got ${Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data}` };
  }
  try {
    validateEnvelope(data);
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  const envelope = data as unknown as Entity;
  const ref = stringifyEntityRef(envelope);
  let entity: Entity | undefined;
  try {
    entity = await policy.enforce(envelope);
  } catch (error) {
    return { ok: false, ref, reason: reasonOf(error) };
  }
  if (!entity) return { ok: false, ref, reason: `Policy unexpectedly returned no data for ${ref}` };
  try {
    validateEntityShape(entity);
  } catch (error) {
    return { ok: false, ref, reason: reasonOf(error) };
  }
  for (const validator of KIND_VALIDATORS) {
    try {
      if (await validator.check(entity)) return { ok: true, entity, ref: stringifyEntityRef(entity) };
    } catch (error) {
      return { ok: false, ref, reason: reasonOf(error) };
    }
  }
  return {
    ok: false,
    ref,
    reason: `No processor recognized the entity ${ref} as valid, possibly caused by a foreign kind or apiVersion`,
    unknownKind: true,
  };
}

const MAX_REASON = 500;

/** Backstage's message without the pointer to its file-format ADR that `FieldFormatEntityPolicy` appends. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // A literal first: `\s*` leading the expression was tried from every space of a long value.
  const reason = message.replace(/To learn more about catalog file format, visit: \S+$/, '').trimEnd();
  // Backstage quotes the value it rejects: a megabyte of it is not a message.
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Where in its document a rejection points: the line and name (`spec.members[1]`) of the field
 * Backstage's reason names by JSON pointer (`/spec/members/1 must be string`), or of its nearest
 * ancestor among `fields` (the document's, `YamlDocument.fields`); undefined when it names none.
 */
export function rejectedField(
  reason: string,
  fields: Readonly<Record<string, number>> | undefined,
): { line: number; field: string } | undefined {
  const pointer = /^(\/\S*)/.exec(reason)?.[1];
  if (!pointer || !fields) return undefined;
  for (let at = pointer; at; at = at.slice(0, at.lastIndexOf('/'))) {
    const line = Object.hasOwn(fields, at) ? fields[at] : undefined;
    if (line === undefined) continue;
    const path = at
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    return { line, field: formatPath(path) };
  }
  return undefined;
}
