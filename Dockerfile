# Palisade's container image: the admission webhook (`palisade webhook serve`). Other commands run with
# the entrypoint replaced, e.g. `docker run --entrypoint /nodejs/bin/node IMAGE /app/bin/palisade.js version`.
#
# Build:  docker build --build-arg VERSION=0.1.0 --build-arg SOURCE_URL=<repository URL> -t <acr>.azurecr.io/palisade:0.1.0 .
# Deploy: by the digest the push prints, through deploy/ (kustomize `images:`).
#
# Base images are pinned by digest (multi-arch index digests, so amd64 and arm64 nodes both resolve):
#   node:20-bookworm-slim                       (Node 20.20.2, Debian 12) for building only
#   gcr.io/distroless/nodejs20-debian12:nonroot (Node 20, Debian 12, no shell, no package manager) to run
# Bump both digests together when rebuilding for security fixes.

# ---- build: compile TypeScript with the dev dependencies ------------------------------------------------
FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: no dependency runs install scripts in the build (none of ours needs one).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- prod-deps: production dependencies only ----------------------------------------------------------
FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS prod-deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: distroless, nothing but node and the app -------------------------------------------------
FROM gcr.io/distroless/nodejs20-debian12:nonroot@sha256:2cd820156cf039c8b54ae2d2a97e424b6729070714de8707a6b79f20d56f6a9a AS runtime
ARG VERSION=0.1.0
ARG SOURCE_URL=https://example.invalid/palisade
LABEL org.opencontainers.image.title="palisade" \
      org.opencontainers.image.description="Security governance for AKS and Kubernetes: scanner and validating admission webhook" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and not writable by the runtime user; the pod also mounts the root file system read-only.
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY bin ./bin
# The AKS version calendar, for `palisade scan` on Azure inputs run from this image.
COPY data ./data
# Numeric, so Kubernetes can verify runAsNonRoot without resolving a user name (65532 is distroless's
# "nonroot").
USER 65532:65532
EXPOSE 8443
# No HEALTHCHECK: Kubernetes ignores the image's HEALTHCHECK and uses the Deployment's probes (liveness
# /healthz, readiness /readyz over HTTPS, deploy/base/deployment.yaml). The distroless image has no shell,
# curl or wget to run one with, and the server's self-signed TLS would need a purpose-built node one-liner
# that duplicates the probes.
STOPSIGNAL SIGTERM
# node is PID 1 and receives SIGTERM directly (no shell wrapper to swallow it), so the server drains
# in-flight reviews on shutdown.
ENTRYPOINT ["/nodejs/bin/node", "/app/bin/palisade.js", "webhook", "serve"]
CMD ["--port=8443", "--tls-cert=/etc/palisade/tls/tls.crt", "--tls-key=/etc/palisade/tls/tls.key", "--config=/etc/palisade/policy/palisade.yaml"]
