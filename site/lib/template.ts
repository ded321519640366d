import type { CatalogEntity } from '../../collectors/contract/snapshot.ts';

/** One input of a Template's form, from a property of that form's JSON schema. */
export interface TemplateField {
  /** The property name the steps refer to (`parameters.<name>`). */
  name: string;
  title?: string;
  /** The JSON schema type, e.g. `string`, or `string or number` for a list of types. */
  type?: string;
  description?: string;
  required: boolean;
  /** The custom field or widget Backstage renders it with (`ui:field`, else `ui:widget`), e.g. `RepoUrlPicker`. */
  input?: string;
  /** The allowed values (`enum`, or the items' `enum` of an array), when the field lists them. */
  choices: string[];
}

/** One page of the Template's form. */
export interface TemplateForm {
  title: string;
  description?: string;
  fields: TemplateField[];
}

/** One step the scaffolder runs. */
export interface TemplateStep {
  id?: string;
  name?: string;
  action: string;
}

/** What a Template page shows beyond the common entity page: the form it asks and the steps it runs. */
export interface TemplateView {
  forms: TemplateForm[];
  steps: TemplateStep[];
}

/**
 * Shapes a scaffolder Template's `spec.parameters` (one form, or a list of them) and `spec.steps`.
 * Every string is untrusted repository text, with control characters removed; values of an
 * unexpected shape are left out rather than shown as `[object Object]`. Undefined for other kinds.
 */
export function templateView(entity: CatalogEntity): TemplateView | undefined {
  if (entity.kind !== 'Template') return undefined;
  const spec = entity.spec ?? {};
  const parameters = spec.parameters;
  const forms = (Array.isArray(parameters) ? parameters : parameters === undefined ? [] : [parameters])
    .filter(isRecord)
    .map((form, index) => formView(form, index));
  const steps = (Array.isArray(spec.steps) ? spec.steps : []).filter(isRecord).flatMap((step): TemplateStep[] => {
    const action = text(step.action);
    if (!action) return [];
    const id = text(step.id);
    const name = text(step.name);
    return [{ ...(id ? { id } : {}), ...(name ? { name } : {}), action }];
  });
  return { forms, steps };
}

function formView(form: Record<string, unknown>, index: number): TemplateForm {
  const required = new Set(Array.isArray(form.required) ? form.required.filter((name): name is string => typeof name === 'string') : []);
  const properties = isRecord(form.properties) ? form.properties : {};
  const fields = Object.entries(properties).flatMap(([name, property]): TemplateField[] => {
    if (!isRecord(property)) return [];
    const title = text(property.title);
    const type = typeOf(property);
    const description = text(property.description);
    const input = text(property['ui:field']) ?? text(property['ui:widget']);
    return [
      {
        name: clean(name),
        ...(title ? { title } : {}),
        ...(type ? { type } : {}),
        ...(description ? { description } : {}),
        required: required.has(name),
        ...(input ? { input } : {}),
        choices: choicesOf(property),
      },
    ];
  });
  const description = text(form.description);
  return { title: text(form.title) ?? `Step ${index + 1}`, ...(description ? { description } : {}), fields };
}

/** `string`, `string or number`, or `array of string` when an array names its items' type. */
function typeOf(property: Record<string, unknown>): string | undefined {
  const types = [property.type]
    .flat()
    .map(text)
    .filter((type): type is string => type !== undefined);
  if (types.length === 0) return undefined;
  const itemType = types.length === 1 && types[0] === 'array' && isRecord(property.items) ? text(property.items.type) : undefined;
  return itemType ? `array of ${itemType}` : types.join(' or ');
}

function choicesOf(property: Record<string, unknown>): string[] {
  const values = Array.isArray(property.enum)
    ? property.enum
    : isRecord(property.items) && Array.isArray(property.items.enum)
      ? property.items.enum
      : [];
  return values.flatMap((value) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [clean(String(value))] : [],
  );
}

/** A non-empty string with control characters removed (line breaks and tabs kept), else undefined. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = clean(value).trim();
  return cleaned === '' ? undefined : cleaned;
}

function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
