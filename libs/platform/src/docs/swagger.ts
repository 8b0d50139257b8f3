import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';

/** Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('WebChat API')
      .setDescription('Real-time messenger backend: REST contract (socket.io events are described in the README)')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addGlobalResponse({ status: 400, description: 'Validation failed: `{statusCode, error, message}`' })
      .addGlobalResponse({ status: 415, description: 'A request body that is not application/json: `{statusCode, error, message}`' })
      .addGlobalResponse({ status: 413, description: 'A request body over 100 kB: `{statusCode, error, message}`' })
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}
