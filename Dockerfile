# syntax=docker/dockerfile:1
# Stage 1: install every dependency from the lockfile, build the web app and the server.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.21.0
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json turbo.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/test-support/package.json packages/test-support/
COPY tooling/typescript/package.json tooling/typescript/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @trame/web build && pnpm --filter @trame/server build
# The server's bundle ("files" in its package.json) and its production dependencies only: no test,
# build or lint tool reaches the image (test/production-deploy.test.ts runs this very line).
RUN pnpm --filter @trame/server deploy --prod /deploy

# Stage 2: the server's production deployment and the built web app only, run as an unprivileged user.
FROM node:20-bookworm-slim
# HOST=0.0.0.0: inside the container, listening on localhost would be unreachable; the server's own
# default is 127.0.0.1, so a `pnpm start` on a laptop is not open to the network.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 TRAME_WEB_DIST=/app/apps/web/dist
WORKDIR /app
COPY --from=build --chown=node:node /deploy /app/apps/server
COPY --from=build --chown=node:node /app/apps/web/dist /app/apps/web/dist
USER node
EXPOSE 3000
WORKDIR /app/apps/server
# Same flags as `pnpm start` (a test keeps them equal). The old-space cap makes V8 collect before
# garbage piles up (peak RSS under `pnpm bench:load`: README, Performance).
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=160", "dist/main.js"]
