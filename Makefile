# Hội Thi — the two commands are `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 3000
DATA_DIR ?= ./data
GO ?= go

.PHONY: run test build frontend node_modules server test-go test-frontend test-e2e bench fuzz clean

## run: build the frontend and the server, start on http://localhost:$(PORT) with the demo contest
run: build
	./bin/server serve --port $(PORT) --data-dir $(DATA_DIR) --demo

## build: frontend bundle + server binary (the bundle is embedded in the binary)
build: frontend server

node_modules: package-lock.json
	@if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi

frontend: node_modules
	npm run build

server:
	$(GO) build -o bin/server ./server

## test: every test — Go (both storage engines), frontend unit tests, browser end-to-end tests
test: test-go test-frontend test-e2e
	@echo "make test: all suites passed"

test-go:
	@scripts/test-go.sh

test-frontend: node_modules
	npm run check
	NO_COLOR=1 npm run test:unit
	npm run build
	npm run size

test-e2e: node_modules
	scripts/e2e.sh

## bench: performance benchmarks (print their figures as JSON lines)
bench: server
	./bin/server bench quiz
	./bin/server bench similarity
	./bin/server bench export
	./bin/server bench results
	./bin/server bench abuse

## fuzz: run each fuzz target briefly (the seed corpora also run in `make test`)
fuzz:
	scripts/fuzz.sh 20s

clean:
	rm -rf bin frontend/dist/app
