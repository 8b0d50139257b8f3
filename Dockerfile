# syntax=docker/dockerfile:1
# The WebChat server image: built in one stage, run from a slim one with production
# dependencies only, as the unprivileged `node` user. docker-compose.yml runs two of them.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 and argon2 compile from source; node-gyp takes Node's headers from the image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts/web ./scripts/web
# npm run build: the server (dist/) and the web client (apps/web/dist, Vite), before dev dependencies go.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The browser client, served at / (WEB_DIR defaults to apps/web/dist under the working directory).
COPY --from=build /app/apps/web/dist ./apps/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# GET /health answers 200 once the store answers (Node 20 has fetch built in: no curl in the image).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/server/src/main.js"]
