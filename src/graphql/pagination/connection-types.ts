import { Field, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { PageInfo } from './page-info';

export interface Edge<T> {
  readonly node: T;
  readonly cursor: string;
}

export interface Connection<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: PageInfo;
}

/**
 * The `<Name>Edge` and `<Name>Connection` object types of a node type, e.g.
 * `export const { Connection: CertificateConnection } = connectionTypes(Certificate)`.
 * Call once per node type (type names must be unique in the schema).
 */
export const connectionTypes = <T extends object>(
  nodeType: ClassType<T>,
  name: string = nodeType.name,
): { Edge: ClassType<Edge<T>>; Connection: ClassType<Connection<T>> } => {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field(() => nodeType)
    node!: T;

    @Field(() => String)
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }

  return { Edge: EdgeType, Connection: ConnectionType };
};
