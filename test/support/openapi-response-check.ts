import Ajv, { AnySchema, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { openApiPath } from './served-routes';

export interface Answer {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface OpenApiDocument {
  components?: unknown;
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

/**
 * Records every answer the app gives to a route of the API (a Fastify onSend hook, so every
 * e2e request is seen, whatever client made it), and checks them against the served OpenAPI
 * document: the status must be documented for that route, and a JSON body must match the
 * documented schema. Call before app.init(); `violations()` needs the app still open.
 */
export function recordAnswersForOpenApi(app: INestApplication): { violations(): Promise<string[]> } {
  const answers: Answer[] = [];
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (route?.startsWith('/api/') && typeof payload === 'string') {
      answers.push({ method: request.method, route, status: reply.statusCode, contentType: String(reply.getHeader('content-type') ?? ''), body: payload });
    }
    return payload;
  });
  return {
    violations: async () => {
      if (answers.length === 0) return [];
      const document = (await fastify.inject({ method: 'GET', url: '/docs-json' })).json() as OpenApiDocument;
      const check = new AnswerCheck(document);
      return [...new Set(answers.flatMap((answer) => check.problems(answer)))];
    },
  };
}

/** Checks one answer against an OpenAPI 3.0 document (exported for its own test). */
export class AnswerCheck {
  private readonly ajv = new Ajv({ strict: false, allErrors: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(withNullable(structuredClone(document)) as object, 'openapi');
  }

  problems(answer: Answer): string[] {
    const where = `${answer.method} ${answer.route} → ${answer.status}`;
    const operation = this.document.paths[openApiPath(answer.route)]?.[answer.method.toLowerCase()];
    if (!operation) return [`${where}: the route is not in the OpenAPI document`];
    const documented = operation.responses?.[String(answer.status)];
    if (!documented) return [`${where}: status not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`];
    const schema = documented.content?.['application/json']?.schema;
    if (!schema || !answer.contentType.includes('application/json') || answer.body === '') return [];
    const validate = this.validator(`${answer.method} ${answer.route} ${answer.status}`, schema);
    if (validate(JSON.parse(answer.body))) return [];
    return [`${where}: body does not match the documented schema: ${this.ajv.errorsText(validate.errors)}`];
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      // Refs inside the document point at '#/components/…'; from a schema of its own they need the document's id.
      validate = this.ajv.compile(withNullable(JSON.parse(JSON.stringify(schema).replaceAll('"#/', '"openapi#/'))) as AnySchema);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/**
 * OpenAPI 3.0's `nullable: true` as code generators read it: null, or else the rest of the
 * schema (Ajv's own `nullable` widens only `type`, so `allOf: [$ref]` or an `enum` beside it
 * would still refuse null).
 */
function withNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullable);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, withNullable(value)] as const);
  const { nullable, ...rest } = Object.fromEntries(entries) as Record<string, unknown>;
  return nullable === true ? { anyOf: [{ type: 'null' }, rest] } : rest;
}
