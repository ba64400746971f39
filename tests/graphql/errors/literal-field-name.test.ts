import { GraphQLError, Kind, parse, type VariableDefinitionNode } from 'graphql';
import { fieldNameOf } from '../../../src/graphql/errors/literal-field-name';

const definition = parse('mutation ($i: RegisterOrganisationInput!) { a }').definitions[0] as {
  variableDefinitions: readonly VariableDefinitionNode[];
};
const variable = definition.variableDefinitions[0]!;

const coercionError = (message: string) => new GraphQLError(message, { nodes: variable });

describe('the field of a bad value inside a variable', () => {
  it('is the path graphql-js gives, from the variable on', () => {
    expect(variable.kind).toBe(Kind.VARIABLE_DEFINITION);
    expect(
      fieldNameOf(
        coercionError(
          'Variable "$i" got invalid value "2026-02-30" at "i.sites[0].scope"; Expected type "String".',
        ),
      ),
    ).toBe('sites[0].scope');
  });

  it('takes the last path, not an object key of the value shown that looks like one', () => {
    expect(
      fieldNameOf(
        coercionError(
          'Variable "$i" got invalid value { x at "i.other"; : 1 } at "i.registeredOn"; Expected type "CalendarDate".',
        ),
      ),
    ).toBe('registeredOn');
  });

  it('adds the field graphql-js names as missing, else answers the variable', () => {
    expect(
      fieldNameOf(
        coercionError(
          'Variable "$i" got invalid value {} at "i.scope"; Field "text" of required type "String!" was not provided.',
        ),
      ),
    ).toBe('scope.text');
    expect(fieldNameOf(coercionError('Variable "$i" of required type was not provided.'))).toBe(
      'i',
    );
  });
});
