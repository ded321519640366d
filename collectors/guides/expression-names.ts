/*
 * A guide's {expressions} run as the page renders, where a guide has no variables of its own: a
 * name that is neither JavaScript's built-in nor declared in the expression (`{node >= 20}`) would
 * fail the build after every repository was collected. It is found while the guide is loaded, with
 * its line, instead.
 */

/** Names MDX gives every page (its frontmatter and the props it is rendered with), and a function's own. */
const PAGE_NAMES = new Set(['frontmatter', 'props', 'arguments']);

/** A node of the ESTree MDX's parser attaches to an expression. */
export type EstreeNode = { type: string; [key: string]: unknown };

const isNode = (value: unknown): value is EstreeNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The names `program` reads that nothing defines: not declared in it, not a built-in. */
export function undefinedNames(program: EstreeNode): string[] {
  const declared = new Set<string>();
  const read: string[] = [];
  const walk = (node: EstreeNode, declaring: boolean, parent?: EstreeNode, key?: string) => {
    if (node.type === 'Identifier') {
      const name = node['name'] as string;
      // Property names and statement labels name no variable.
      const isKey =
        (parent?.type === 'MemberExpression' && key === 'property' && !parent['computed']) ||
        (['Property', 'MethodDefinition', 'PropertyDefinition'].includes(parent?.type ?? '') && key === 'key' && !parent!['computed']) ||
        key === 'label';
      if (declaring && !isKey) declared.add(name);
      else if (!isKey) read.push(name);
      return;
    }
    for (const [field, value] of Object.entries(node)) {
      if (field === 'loc' || field === 'range' || field === 'start' || field === 'end') continue;
      // What a parameter, variable, function or catch clause declares; a default value is read.
      const declares =
        field === 'params' ||
        (field === 'id' &&
          ['VariableDeclarator', 'FunctionExpression', 'FunctionDeclaration', 'ClassExpression', 'ClassDeclaration'].includes(node.type)) ||
        (field === 'param' && node.type === 'CatchClause') ||
        (declaring && !(node.type === 'AssignmentPattern' && field === 'right'));
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) walk(child, declares, node, field);
    }
  };
  walk(program, false);
  return [...new Set(read)].filter((name) => !declared.has(name) && !PAGE_NAMES.has(name) && !(name in globalThis));
}
