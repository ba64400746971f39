import { type ASTNode, type GraphQLError, Kind, parse, visit } from 'graphql';

/**
 * The name of the argument, input field or variable whose value an error points at, found from the
 * error's first AST node (reparsing the request source when the node is a literal value). For a
 * variable, the path to the input field inside its value that graphql-js names (`sites[0].scope`),
 * else the variable.
 */
export const fieldNameOf = (error: GraphQLError): string | undefined => {
  const node = error.nodes?.[0];
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const variable = node.variable.name.value;
    const path = pathInVariable(error.message, variable);
    const field = [path, namedInMessage(error.message)].filter(Boolean).join('.');
    return field || variable;
  }
  if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) return node.name.value;
  return error.source && node.loc ? enclosingName(error.source.body, node.loc.start) : undefined;
};

/** A field graphql-js names as missing or unknown in a variable's value. */
const namedInMessage = (message: string): string | undefined =>
  /Field "([_A-Za-z]\w*)" (?:of required type .* was not provided|is not defined by type)/.exec(
    message,
  )?.[1];

/**
 * The path graphql-js gives into a variable's value (`at "i.sites[0].scope"; `, the last such: an
 * object key in the value shown before it could look alike), from the variable's fields on
 * (`sites[0].scope`; a list variable keeps its name: `ids[1]`).
 */
const pathInVariable = (message: string, variable: string): string | undefined => {
  const pattern = new RegExp(` at "${variable}((?:\\.[_A-Za-z]\\w*|\\[\\d+\\])+)"; `, 'g');
  const path = [...message.matchAll(pattern)].at(-1)?.[1];
  if (path === undefined) return undefined;
  return path.startsWith('.') ? path.slice(1) : `${variable}${path}`;
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
