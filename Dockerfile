# The site as a container: the standalone server of `npm run build` on Node 24, run as a non-root user, with
# patients' data in the /data volume. See docs/deploy.md ("Docker") for how to build, run, back up and upgrade it.

# Build stage: the whole project, its dev dependencies and the compilers for better-sqlite3 (the native addon
# compiles from source when no prebuilt binary can be downloaded).
FROM node:24-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Canonical links, the sitemap and share images are written at build time from SITE_URL. `npm run build` runs the
# content check first: a page with an error stops the image's build, with the file and line.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=$SITE_URL
RUN npm run build

# Runtime stage: only .next/standalone (the server, the files it reads, public/ and the static files, and the
# node_modules it uses, better-sqlite3 compiled in the stage above for this same Node and Debian release).
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# The app's files belong to root and cannot be changed by the server; only /data is the server's to write.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# The slim image has no curl: Node asks the home page itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "serve.js"]
