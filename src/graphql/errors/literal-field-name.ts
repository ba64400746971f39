import { type ASTNode, type GraphQLError, Kind, parse, visit } from 'graphql';

/**
 * The name of the argument, input field or variable whose value an error points at, found from the
 * error's first AST node (reparsing the request source when the node is a literal value).
 */
export const fieldNameOf = (error: GraphQLError): string | undefined => {
  const node = error.nodes?.[0];
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE_DEFINITION) return node.variable.name.value;
  if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) return node.name.value;
  return error.source && node.loc ? enclosingName(error.source.body, node.loc.start) : undefined;
};

const enclosingName = (source: string, start: number): string | undefined => {
  let found: string | undefined;
  visit(parse(source, { noLocation: false }), {
    enter(node: ASTNode, _key, parent, _path, ancestors) {
      if (found !== undefined || node.loc?.start !== start || !isValue(node)) return;
      const chain = [...ancestors, parent];
      for (let i = chain.length - 1; i >= 0; i -= 1) {
        const ancestor = chain[i];
        if (ancestor && !Array.isArray(ancestor) && isNamedHolder(ancestor as ASTNode)) {
          found = (ancestor as { name: { value: string } }).name.value;
          return;
        }
      }
    },
  });
  return found;
};

const isValue = (node: ASTNode): boolean =>
  node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT;

const isNamedHolder = (node: ASTNode): boolean =>
  node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD;
