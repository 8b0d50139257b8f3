import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ReservedPathsNotFound } from './reserved-paths-not-found';

/**
 * The browser client (apps/web, built by Vite into webDir) at `/`, on the same origin as the API:
 * its files as they are, and index.html for every other GET (the client's own routes, such as
 * `/channels/42`), except under the server's own paths, which keep their JSON 404.
 * Routes of the static files are Fastify's, not controllers', so the OpenAPI document does not list them.
 */
/** @fastify/static hands a Node response to setHeaders; ServeStaticModule's index.html fallback, Fastify's reply. */
type HeaderTarget = { setHeader(name: string, value: string): void } | { header(name: string, value: string): void };

function setHeader(target: HeaderTarget, name: string, value: string): void {
  if ('setHeader' in target) target.setHeader(name, value);
  else target.header(name, value);
}

@Module({})
export class WebClientModule {
  static forRoot(webDir: string): DynamicModule {
    if (!existsSync(join(webDir, 'index.html'))) {
      new Logger('WebClient').warn(`no web client at ${webDir} (npm run build:web builds it); serving the API only`);
      return { module: WebClientModule };
    }
    return {
      module: WebClientModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: webDir,
          renderPath: '*',
          serveStaticOptions: {
            // Without it every unknown path would be a 404 instead of index.html.
            fallthrough: true,
            // Vite names assets by their content hash: they never change; index.html must be asked for again.
            setHeaders: (response: HeaderTarget, path: string) =>
              setHeader(response, 'cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
          },
        }),
      ],
      providers: [ReservedPathsNotFound],
    };
  }
}
