import { TestApp } from './test-app';

export interface SchemaObject {
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | string;
  required?: boolean;
  schema?: SchemaObject;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: SchemaObject }> };
  security?: unknown[];
}

export interface ApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject> };
}

/** One operation of the served OpenAPI document. */
export interface DocumentedRoute {
  method: string;
  /** As the document writes it: `/api/channels/{id}`. */
  path: string;
  /** `POST /api/channels/{id}/join`: the key of the tests' tables. */
  key: string;
  operation: Operation;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** The document the server serves at /docs-json. */
export async function apiDocument(t: TestApp): Promise<ApiDocument> {
  return (await t.http.get('/docs-json').expect(200)).body as ApiDocument;
}

/** Every operation of the document, in its order. */
export function documentedRoutes(document: ApiDocument): DocumentedRoute[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, operation })),
  );
}

/** A schema with its `$ref` followed into the document's components. */
export function resolved(document: ApiDocument, schema: SchemaObject): SchemaObject {
  return schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
}

/** The JSON body schema of an operation, if it takes one. */
export function bodySchemaOf(document: ApiDocument, route: DocumentedRoute): SchemaObject | undefined {
  const schema = route.operation.requestBody?.content['application/json']?.schema;
  return schema ? resolved(document, schema) : undefined;
}

/** Keys of a table the document's routes find no row in (a new route must get one). */
export function routesWithoutRow(routes: DocumentedRoute[], table: Record<string, unknown>): string[] {
  return routes.map((route) => route.key).filter((key) => !(key in table));
}
