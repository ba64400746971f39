import { type ASTNode, type GraphQLError, Kind, parse, visit } from 'graphql';

/**
 * The name of the argument, input field or variable whose value an error points at, found from the
 * error's first AST node (reparsing the request source when the node is a literal value). For a
 * variable, the input field inside its value that graphql-js names, else the variable.
 */
export const fieldNameOf = (error: GraphQLError): string | undefined => {
  const node = error.nodes?.[0];
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const variable = node.variable.name.value;
    return namedInMessage(error.message) ?? lastOfPath(error.message, variable) ?? variable;
  }
  if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) return node.name.value;
  return error.source && node.loc ? enclosingName(error.source.body, node.loc.start) : undefined;
};

/** A field graphql-js names as missing or unknown in a variable's value. */
const namedInMessage = (message: string): string | undefined =>
  /Field "([_A-Za-z]\w*)" (?:of required type .* was not provided|is not defined by type)/.exec(
    message,
  )?.[1];

/** The innermost field of the path graphql-js gives into a variable's value (`at "i.registeredOn"`). */
const lastOfPath = (message: string, variable: string): string | undefined => {
  const path = new RegExp(` at "${variable}((?:\\.[_A-Za-z]\\w*|\\[\\d+\\])+)"`).exec(message)?.[1];
  return path?.match(/[_A-Za-z]\w*/g)?.at(-1);
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
