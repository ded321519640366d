import type { Entity, EntityPolicy, KindValidator } from '@backstage/catalog-model';
import type { ErrorObject } from 'ajv';
import policySchema from './generated/backstage-entity-policy-schema.ts';
import * as schemas from './generated/backstage-schemas.ts';

/*
 * Backstage's entity validators, over its JSON Schemas compiled ahead of time
 * (scripts/dev/generate-validators.ts) instead of at every run: each wraps the compiled code
 * exactly as `@backstage/catalog-model` wraps the code it compiles, so it accepts, rejects and words
 * its reasons as Backstage does (test/unit/catalog/backstage-validators.test.ts holds them against
 * catalog-model's own on a table of entities).
 */

/** Validation code compiled by ajv: true for valid data, else false with the reasons in `errors`. */
interface CompiledSchema {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** catalog-model's `throwAjvError`: the first error, its instance path and its parameters. */
function ajvError(errors: ErrorObject[] | null | undefined): TypeError {
  if (!errors?.length) return new TypeError('Unknown error');
  const error = errors[0]!;
  const params = error.params
    ? ` - ${Object.entries(error.params)
        .map(([key, value]) => `${key}: ${value}`)
        .join(', ')}`
    : '';
  return new TypeError(`${error.instancePath || '<root>'} ${error.message}${params}`);
}

/** catalog-model's `entityEnvelopeSchemaValidator()` and `entitySchemaValidator()`: the data back, or throws its first error. */
function schemaValidator(validate: CompiledSchema): <T>(data: T) => T {
  return (data) => {
    if (validate(data)) return data;
    throw ajvError(validate.errors);
  };
}

/**
 * catalog-model's kind validators (`entityKindSchemaValidator` in `ajvCompiledJsonSchemaValidator`):
 * false for another kind or apiVersion (the schema's only complaints are enums on those), true for
 * a valid entity of the kind, and throws the first error of an invalid one.
 */
function kindValidator(validate: CompiledSchema): KindValidator {
  return {
    async check(data) {
      if (validate(data)) return true;
      const softCandidates = validate.errors?.filter((error) => ['/kind', '/apiVersion'].includes(error.instancePath));
      if (softCandidates?.length && softCandidates.every((error) => error.keyword === 'enum')) return false;
      throw ajvError(validate.errors);
    },
  };
}

/** catalog-model's `entityEnvelopeSchemaValidator()`: the envelope every entity shares. */
export function entityEnvelopeSchemaValidator(): <T>(data: T) => T {
  return schemaValidator(schemas.entityEnvelope);
}

/** catalog-model's `entitySchemaValidator()`: the entity schema. */
export function entitySchemaValidator(): <T>(data: T) => T {
  return schemaValidator(schemas.entity);
}

export const apiEntityV1alpha1Validator = kindValidator(schemas.api);
export const componentEntityV1alpha1Validator = kindValidator(schemas.component);
export const resourceEntityV1alpha1Validator = kindValidator(schemas.resource);
export const groupEntityV1alpha1Validator = kindValidator(schemas.group);
export const locationEntityV1alpha1Validator = kindValidator(schemas.location);
export const userEntityV1alpha1Validator = kindValidator(schemas.user);
export const systemEntityV1alpha1Validator = kindValidator(schemas.system);
export const domainEntityV1alpha1Validator = kindValidator(schemas.domain);
/** The scaffolder's `templateEntityV1beta3Validator`, over the vendored schema of `template.ts`. */
export const templateEntityV1beta3Validator = kindValidator(schemas.template);

/** catalog-model's `SchemaValidEntityPolicy`: the entity schema, its first error as a malformed envelope. */
export class SchemaValidEntityPolicy implements EntityPolicy {
  async enforce(entity: Entity): Promise<Entity> {
    const validate: CompiledSchema = policySchema;
    if (validate(entity)) return entity;
    const [error] = validate.errors || [];
    if (!error) throw new Error('Malformed envelope, Unknown error');
    throw new Error(`Malformed envelope, ${error.instancePath || '<root>'} ${error.message}`);
  }
}
