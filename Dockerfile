# syntax=docker/dockerfile:1.7
#
# Hội Thi: one static binary with the frontend embedded.
#   docker build -t hoithi:dev --build-arg VERSION=$(git describe --always) .
#   docker run -p 3000:3000 -v hoithi-data:/data hoithi:dev
# Stages: web (Vite build) → build (Go, CGO off) → runtime (distroless, non-root).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG GO_IMAGE=golang:1.26-bookworm
ARG RUNTIME_IMAGE=gcr.io/distroless/static-debian12:nonroot

# ---- 1. frontend -----------------------------------------------------------
FROM ${NODE_IMAGE} AS web
WORKDIR /src
# Manifests first so the dependency layer is reused until they change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
# The Vite config and sources live under frontend/ (package.json points at
# frontend/vite.config.ts); copying the whole context keeps this stage correct
# whatever files the build reads. .dockerignore keeps node_modules and any
# local build out, so the installed node_modules above is not overwritten.
COPY . .
# The build also writes the service worker and the .br/.gz copies of the assets.
RUN npm run build && test -f frontend/dist/app/index.html && test -f frontend/dist/app/sw.js

# ---- 2. server -------------------------------------------------------------
FROM ${GO_IMAGE} AS build
WORKDIR /src
# Fail instead of silently downloading another toolchain if go.mod asks for a
# newer Go than the image has.
ENV CGO_ENABLED=0 GOTOOLCHAIN=local
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
# The embedded app must be in place before go build: frontend/embed.go embeds
# frontend/dist at compile time.
COPY --from=web /src/frontend/dist/app ./frontend/dist/app
ARG VERSION=dev
# -tags timetzdata embeds the time zone database so Asia/Ho_Chi_Minh loads on
# any host, including when the binary is copied out of this image.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -tags timetzdata \
      -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/server ./server
# An empty data directory to copy with the runtime user as owner: a named
# volume mounted on /data starts with the ownership of the image's /data, so
# the non-root server can write there without a chown step.
RUN mkdir -p /out/rootfs/data

# ---- 3. runtime ------------------------------------------------------------
# distroless/static: CA certificates, /etc/passwd with "nonroot" (65532), no
# shell and no package manager. Consequence: no HEALTHCHECK here (nothing in
# the image can make an HTTP request). Probe /healthz and /readyz from outside:
# the proxy in deploy/ does, as would a Kubernetes httpGet probe.
FROM ${RUNTIME_IMAGE}
ARG VERSION=dev
LABEL org.opencontainers.image.title="hoithi" \
      org.opencontainers.image.version="${VERSION}"
COPY --from=build --chown=65532:65532 /out/rootfs/ /
# The binary stays root-owned: the server user can run it but not replace it.
COPY --from=build /out/server /server
ENV PORT=3000 \
    DATA_DIR=/data \
    TZ=Asia/Ho_Chi_Minh
USER 65532:65532
EXPOSE 3000
VOLUME ["/data"]
ENTRYPOINT ["/server"]
CMD ["serve"]
