# Production-like image for the API (and the built web app on the same origin).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npx --yes pnpm@10.34.8 install --frozen-lockfile && node_modules/.bin/tsx scripts/api-build.ts && cd web && node_modules/.bin/vite build

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WEB_DIST_DIR=/app/web/dist
EXPOSE 3000
# The compiled API (scripts/api-build.ts), run by plain node: no TypeScript loader in the process.
CMD ["node", "services/api/dist/server.js"]
