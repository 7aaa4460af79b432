# Sendboard as one small image: `docker build -t sendboard .` then
#   docker run -p 3000:3000 -v sendboard-data:/data -e APP_URL=https://sendboard.example.com \
#     -e AUTH_SECRET=… -e ENCRYPTION_KEY=… -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… sendboard
# APP_URL is the origin people open (links and the Secure session cookie follow it); behind a
# proxy that appends to X-Forwarded-For add TRUSTED_PROXY_HOPS=1. Add DATABASE_URL=postgres://…
# to run several instances on one PostgreSQL.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 BUILD_STANDALONE=1
RUN npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 DATA_DIR=/data
RUN useradd --system --uid 1001 sendboard && mkdir -p /data && chown sendboard /data
COPY --from=build --chown=sendboard /app/.next/standalone ./
COPY --from=build --chown=sendboard /app/.next/static ./.next/static
COPY --from=build --chown=sendboard /app/public ./public
USER sendboard
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
