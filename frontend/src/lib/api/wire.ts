// The wire types, named. Every type here comes from schema.d.ts, which is
// generated from docs/openapi.yaml (npm run api:types): an API module that
// reads a field the spec does not promise, or with another type, fails
// svelte-check, and the Go tests validate the server's real responses against
// the same spec (server/api/openapi_test.go).
import type { components, paths } from './schema';

/** A named schema of the spec (components.schemas). */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<Rs> = Rs extends unknown
  ? 200 extends keyof Rs
    ? JsonOf<Rs[200]>
    : 201 extends keyof Rs
      ? JsonOf<Rs[201]>
      : 202 extends keyof Rs
        ? JsonOf<Rs[202]>
        : never
  : never;

/** The JSON body of a successful (200, else 201, else 202) answer to METHOD PATH, as the spec says. */
export type Reply<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer Rs;
}
  ? Success<Rs>
  : never;

/** The JSON request body of METHOD PATH. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
