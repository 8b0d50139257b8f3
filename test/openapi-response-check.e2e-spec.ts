import { AnswerCheck, OpenApiDocument } from './support/openapi-response-check';

// The checker every e2e app runs on close (test/support/test-app.ts), held to what it must catch.
describe('the OpenAPI answer check of the e2e tests', () => {
  const document: OpenApiDocument = {
    paths: {
      '/api/things/{id}': {
        get: {
          responses: {
            '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            '404': { content: {} },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'parent', 'state'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            parent: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Parent' }] },
            state: { type: 'string', enum: ['ON', 'OFF'], nullable: true },
          },
        },
        Parent: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      },
    },
  } as OpenApiDocument;
  const check = new AnswerCheck(document);
  const answer = (status: number, body: unknown) => ({
    method: 'GET',
    route: '/api/things/:id',
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(body),
  });
  const id = '7f1e8c9a-1b2c-4d3e-8f90-a1b2c3d4e5f6';

  it('accepts a documented status with a matching body, nullable fields null or set', () => {
    expect(check.problems(answer(200, { id, parent: null, state: null }))).toEqual([]);
    expect(check.problems(answer(200, { id, parent: { name: 'p' }, state: 'ON' }))).toEqual([]);
    expect(check.problems(answer(404, { statusCode: 404 }))).toEqual([]);
  });

  it('reports an undocumented status, an undocumented route and a body off its schema', () => {
    expect(check.problems(answer(500, {}))).toEqual([expect.stringContaining('status not documented')]);
    expect(check.problems({ ...answer(200, {}), route: '/api/nowhere' })).toEqual([expect.stringContaining('not in the OpenAPI document')]);
    expect(check.problems(answer(200, { id: 'not-a-uuid', parent: null, state: null }))).toEqual([expect.stringContaining('does not match')]);
    expect(check.problems(answer(200, { id, parent: { nom: 'p' }, state: null }))).toEqual([expect.stringContaining('does not match')]);
    expect(check.problems(answer(200, { id, parent: null, state: 'MAYBE' }))).toEqual([expect.stringContaining('does not match')]);
    expect(check.problems(answer(200, { id, state: null }))).toEqual([expect.stringContaining('does not match')]);
  });
});
