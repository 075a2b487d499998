# syntax=docker/dockerfile:1
# The console as a container: `docker build -t stack-console .` (README: "Run in a container").
# Node 24 is the active LTS line; the build and the runtime use the same image so any native package
# installed by `npm ci` matches the system it runs on.
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
# The same two steps the standalone end-to-end suite runs (tests/e2e-standalone/serve.ts), so the image
# holds exactly what that suite tested.
RUN npx tsx scripts/production-build.ts && bash scripts/assemble-standalone.sh /bundle

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
# Owned by root and read-only to the server: only the embedded store's volume and Next's own cache
# folder are writable.
COPY --from=build /bundle ./
RUN mkdir -p /data .next/cache && chown node:node /data .next/cache
VOLUME ["/data"]
USER node
EXPOSE 3000
# Slim images have no curl; Node's own fetch asks the liveness endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `node simulator.js --host 0.0.0.0` runs the Buildkite simulator from the same image (compose.yaml).
CMD ["node", "server.js"]
