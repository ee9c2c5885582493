/**
 * Generated from docs/openapi.yaml by frontend/scripts/api-types.mjs
 * (npm run api:types). Do not edit: change the spec and regenerate.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {status: ok, version} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the store answers and accepts a write, and the data directory has free disk. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {status: ready} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description {status: unavailable} */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text format). On this port only with the configured METRICS_TOKEN as a bearer token (404 when none is configured); METRICS_ADDR serves it without a token on a separate address. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text exposition. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": unknown;
                    };
                };
                401: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a citizen account (rate-limited per IP). A phone or CCCD that already has an account is 409 with the way back in (the unit's organizer resets passwords), told to one address at most RegisterDuplicatesPerIP times an hour (then 429 with Retry-After). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Registration"];
                };
            };
            responses: {
                /** @description Registered and logged in. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tokens"];
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
                429: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with phone or CCCD and password. Wrong tries slow down the client that makes them, per (account, client) and per client, never the account itself: 429 and 401 carry Retry-After when the next try must wait. When more logins arrive than the password-hashing cores and their bounded queue (LOGIN_HASH_QUEUE) can take, the rest are answered at once with 503, code busy, and a Retry-After in seconds. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description phone number or 12-digit CCCD */
                        login?: string;
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Logged in. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tokens"];
                    };
                };
                400: components["responses"]["Error"];
                401: components["responses"]["Error"];
                429: components["responses"]["Error"];
                503: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token for a new token pair. Reusing a used token revokes its whole family. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description New tokens. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tokens"];
                    };
                };
                401: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token (its family is revoked). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description Logged out. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's profile. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {user} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                        };
                    };
                };
                401: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; every other session ends, this device gets new tokens. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        oldPassword?: string;
                        newPassword?: string;
                    };
                };
            };
            responses: {
                /** @description New tokens. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tokens"];
                    };
                };
                400: components["responses"]["Error"];
                401: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search units without diacritics (q) or list the children of a unit (parentId; roots when absent). Public. */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    parentId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {units} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            units: components["schemas"]["Unit"][];
                        };
                    };
                };
                400: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit. Public. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {unit} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: components["schemas"]["Unit"];
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every unit of the organizer's subtree(s), flat with parentId. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {units} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            units: components["schemas"]["Unit"][];
                        };
                    };
                };
                401: components["responses"]["Error"];
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        /** Create a unit under a parent within the organizer's scope (a root needs a system-wide admin). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnitInput"];
                };
            };
            responses: {
                /** @description {unit} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: components["schemas"]["Unit"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a unit, change its kind, headcount or target (code and parent are fixed). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnitInput"];
                };
            };
            responses: {
                /** @description {unit} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: components["schemas"]["Unit"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        trace?: never;
    };
    "/api/v1/org/units/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import units from .xlsx (sheet DonVi; columns code, name, kind, parent code, headcount, optional target; without a target column stored targets are kept). All or nothing; every bad cell is reported. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file?: string;
                    };
                };
            };
            responses: {
                /** @description {created, updated} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            updated: number;
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                413: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organizer's units as .xlsx, in the import format. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/units/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The empty import template with instructions. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts of a subtree (unitPath, default the organizer's scope), searched by name without diacritics or phone. */
        get: {
            parameters: {
                query?: {
                    /** @description name (accents optional), phone or masked CCCD substring; exactly 4 digits also match the last 4 digits of a CCCD (a keyed hash kept at registration; accounts registered before it are found by phone or name) */
                    q?: string;
                    unitPath?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {users, total} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: components["schemas"]["User"][];
                            total: number;
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        /** Create an account for someone of the organizer's subtree; allowSharedPhone / allowSharedCccd let a relative's phone or CCCD be used again. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Registration"] & {
                        allowSharedPhone?: boolean;
                        allowSharedCccd?: boolean;
                    };
                };
            };
            responses: {
                /** @description {user} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/security/failed-logins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent failed logins of accounts in the organizer's subtree, newest first (the account as a keyed hash, its unit, the client address); whole-system organizers also see tries on unknown phones/CCCDs. Each instance lists the failures it served. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {failures: [{at, account, unitName, client}]} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            failures: components["schemas"]["FailedLogin"][];
                        };
                    };
                };
                401: components["responses"]["Error"];
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a temporary password for a user of the organizer's subtree (there is no SMS); every session of the user ends. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {temporaryPassword} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description shown once */
                            temporaryPassword: string;
                        };
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/users/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a user's staff roles. Organizers grant judge, secretary and organizer within their subtree; only admins grant admin. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grants?: {
                            /** @enum {string} */
                            role?: "judge" | "secretary" | "organizer" | "admin";
                            /** @description empty for system-wide (admins only) */
                            unitId?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description {user} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff of the organizer's subtree: accounts holding any role (judge, secretary, organizer, admin), searched by name without diacritics or phone, ordered by name. */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {staff, total}: each user with their roles */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            staff: components["schemas"]["User"][];
                            total: number;
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        /** Create a judge's, secretary's or organizer's account (name, phone, unit; no CCCD) with a role on roleUnitId (default unitId) and its subtree. The generated first password is in this answer only. A phone that already has an account → 409 on phone: grant that person the role instead (PUT /org/users/{id}/grants). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fullName: string;
                        phone: string;
                        unitId: string;
                        /** @enum {string} */
                        role: "judge" | "secretary" | "organizer";
                        roleUnitId?: string;
                    };
                };
            };
            responses: {
                /** @description {user, password} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                            /** @description the generated first password, shown once */
                            password: string;
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/judges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Judges an essay contest's panels may seat, found by name or phone: accounts with the judge role on the contest's unit, a unit above it or one inside it. For the secretariat's panel picker. */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {judges: [{id, fullName, unitName}]} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            judges: {
                                id: string;
                                fullName: string;
                                unitName: string;
                            }[];
                        };
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published contests, newest first. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {contests} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contests: components["schemas"]["Contest"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contest by its share-link slug (drafts only for the owning organizers). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {contest} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contest: components["schemas"]["Contest"];
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contests owned within the organizer's (or secretary's) subtrees, drafts included, each with access "manage"; then, for each organizer grant, the published or closed quiz contests owned by a unit above the grant's unit whose eligible units include it (report access: that unit reads its own statistics only), each with access "report" and reportUnit {id, name} (the outermost qualifying grant's unit). A contest is listed once; one the caller manages is never listed for report. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {contests} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contests: components["schemas"]["OrgContest"][];
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        /** Create a contest (draft) owned by a unit of the organizer's scope. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slug: string;
                        /** @enum {string} */
                        kind: "quiz" | "essay";
                        title: string;
                        description?: string;
                        bannerUrl?: string;
                        ownerUnitId: string;
                        /** @description subtree whose members may compete; default the owner */
                        eligibleUnitId?: string;
                        /** Format: date-time */
                        startsAt?: string;
                        /** Format: date-time */
                        endsAt?: string;
                        /** @enum {string} */
                        status?: "draft" | "published" | "closed";
                        /** @description quiz: {excludedRoles, onePrizePerPerson, overall, collective, publicNames (full | short | empty: full to people logged in, short to visitors)} */
                        settings?: Record<string, never>;
                    };
                };
            };
            responses: {
                /** @description {contest} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contest: components["schemas"]["OrgContest"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** One contest the caller organizes (access "manage"; secretaries of the owning unit read it the same way) or reports for (access "report" with reportUnit {id, name}: an organizer of a unit strictly inside the owner's subtree and inside the eligible subtree, on a published or closed quiz contest). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {contest} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contest: components["schemas"]["OrgContest"];
                        };
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a contest (title, description, banner, eligible units, dates, status, settings); slug, kind and owner are fixed. Send back the contest's `version` as loaded: a save over a newer version (another organizer's change) is refused with 409. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        description?: string;
                        bannerUrl?: string;
                        eligibleUnitId?: string;
                        /** Format: date-time */
                        startsAt?: string;
                        /** Format: date-time */
                        endsAt?: string;
                        /** @enum {string} */
                        status?: "draft" | "published" | "closed";
                        /** @description the kind's settings, whole (as in the create) */
                        settings?: Record<string, never>;
                        /** @description the contest's version as loaded (409 when another change came first) */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description {contest} (its new version) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contest: components["schemas"]["OrgContest"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        trace?: never;
    };
    "/api/v1/org/contests/{id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /**
         * The contest's question bank with keys (organizers only).
         * @description keySkew is null, or {letter, count, of, runKey, runLength, runStart, messages} when one option holds more than 40% of the single-answer keys (10 or more such questions) or 6 or more questions in a row share a key.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {questions, keySkew} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            questions: components["schemas"]["BankQuestion"][];
                            keySkew: components["schemas"]["KeySkew"];
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        /** Add a question: topic, difficulty 0–3, text, 2–8 options, correct option IDs, explanation, image, points. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuestionInput"];
                };
            };
            responses: {
                /** @description {question} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            question: components["schemas"]["BankQuestion"];
                        };
                    };
                };
                400: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/questions/{qid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a question (retire it with retired=true). Results computed later re-score with the new key. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    qid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuestionInput"];
                };
            };
            responses: {
                /** @description {question} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            question: components["schemas"]["BankQuestion"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/questions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import questions from .xlsx (sheet CauHoi); all or nothing, every bad cell named. Cells are read as a Vietnamese spreadsheet shows them: a date cell as d/m/yyyy (d/m when its format shows no year), never in US order, whatever Excel or LibreOffice stored; a number with Vietnamese separators (1.234,5) and no spurious decimals; a date serial that Excel and LibreOffice read as different days (0–60) is refused with the cell named. The unit import reads the same way. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file?: string;
                    };
                };
            };
            responses: {
                /** @description {created, keySkew}: the import succeeds even when the bank's keys are skewed; keySkew (as in the bank listing) says so. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            keySkew: components["schemas"]["KeySkew"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                413: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/questions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bank as .xlsx in the import format. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/questions/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The question-bank template with instructions. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** The quiz contest's rounds with their settings, participants and paper problems. Also answers report access (read-only), without draft rounds. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {rounds} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rounds: components["schemas"]["OrgRound"][];
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        /** Create a round (draft): no, title, opensAt, closesAt, blueprint (fixed or quotas), timeLimitSec, maxAttempts, policy (best/first/last), prediction, rule keys, tiers, tiePolicy, revealAnswers, integrity {minSecPerQuestion (default 2), minSubmitSec, voidTooFast, requireReview}, outageCapSec (the most one server outage adds to an attempt or the close; 0: 2 hours). The round's seedCommitment is set at creation. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RoundInput"];
                };
            };
            responses: {
                /** @description {round} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["OrgRound"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rid: string;
            };
            cookie?: never;
        };
        /** One round. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["OrgRound"];
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        /** Edit a round; once open, blueprint, time limit, attempts, policy and opening time are frozen. Send back the round's `version` as loaded: a save over a newer version (another organizer's change) is refused with 409. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RoundInput"];
                };
            };
            responses: {
                /** @description {round} (its new version) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["OrgRound"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a round; its bank must fill the blueprint. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["OrgRound"];
                        };
                    };
                };
                400: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Draw a paper with its key (seed query parameter picks another). */
        get: {
            parameters: {
                query?: {
                    seed?: number;
                };
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {questions, seed} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            questions: components["schemas"]["BankQuestion"][];
                            seed: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start computing a closed round's results in the background: re-score with the current key, prediction target, ranking, prizes. Reproducible.
         * @description Answers 202 at once with the job. One job runs at a time per round across every instance: a click while one runs answers 202 with that job. Follow it with GET results/job. 409 too_late before the round closes (after the grace).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the job started, or the one already running */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResultsJob"];
                    };
                };
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/results/job": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The round's last results job: running with its progress, done with the summary, or failed with the reason.
         * @description A job whose instance stopped answering reads as failed (interrupted) once its lease expired; clicking compute again runs it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResultsJob"];
                    };
                };
                /** @description no job yet */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/results/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish computed results: standings become public, answers may be reviewed if allowed.
         * @description 409 when the round's integrity.requireReview is set and the prize review was not done after the results were last computed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["OrgRound"];
                        };
                    };
                };
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/prize-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prize review of computed results: the prize candidates (prize places and 5 more) with their fraud flags, the exclusions, whether the review is required and done.
         * @description Flags are found when the results are computed, never while people play: too_fast (under integrity.minSecPerQuestion, default 2 s a question), quick_submit (under integrity.minSubmitSec), identical (same answers, answering order and time as another account's attempt within an hour), shared_device (one app install, X-Install-Id, for 3 accounts within an hour), shared_network (one address and User-Agent for 5 accounts within 10 minutes), same_person (same name and birth date, or a phone one digit away with the same birth date or name). Each has a reason in the caller's language and names the other accounts.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round, candidates: [standing + userId, flags: [{kind, attemptNo, reason, others}]], flagged, exclusions: [{userId, fullName, reason, byName, at}], requireReview, reviewed} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrizeReview"];
                    };
                };
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exclude a person from the round's results {userId, reason (10–1000 characters)}: audited, listed as "Loại" in the results export; the results are computed again without them (the next in rank moves up) and the review must be done again. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description the prize review, as GET prize-review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrizeReview"];
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/prize-review/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the prize review of the current results done (audited); needed before publishing when integrity.requireReview. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the prize review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrizeReview"];
                    };
                };
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/remedies/extend-attempt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add time to one person's attempt in progress {userId or login, seconds (1 s–7 days), reason}.
         * @description Needs reason (10–1000 characters); audited as quiz.remedy.* with the reason and the organizer; 409 once the round's results are computed. 409 when the person has no attempt in progress (an attempt over: give an attempt back instead).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RemedyRequest"];
                };
            };
            responses: {
                /** @description {extended: 1, deadline} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            extended: number;
                            /** Format: date-time */
                            deadline?: string;
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/remedies/extend-attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add time to every attempt of the round in progress {seconds, reason}.
         * @description Needs reason (10–1000 characters); audited as quiz.remedy.* with the reason and the organizer; 409 once the round's results are computed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RemedyRequest"];
                };
            };
            responses: {
                /** @description {extended: number of attempts} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            extended: number;
                            /** Format: date-time */
                            deadline?: string;
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/remedies/give-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give an attempt back {userId or login, reason} or to everyone whose attempt overlapped a window {from, to, reason} (to after from, at most 7 days).
         * @description Needs reason (10–1000 characters); audited as quiz.remedy.* with the reason and the organizer; 409 once the round's results are computed. The person may then start one attempt more than the round allows (the round must still be open: extend its close if needed).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RemedyRequest"];
                };
            };
            responses: {
                /** @description {givenBack: number of people} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            givenBack: number;
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/remedies/extend-close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the round's close later {seconds, reason}.
         * @description Needs reason (10–1000 characters); audited as quiz.remedy.* with the reason and the organizer; 409 once the round's results are computed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RemedyRequest"];
                };
            };
            responses: {
                /** @description {round} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["OrgRound"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/standings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Computed standings (also before publishing). */
        get: {
            parameters: {
                query?: {
                    offset?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {standings, total} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StandingsPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{slug}/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A published quiz's rounds; with a token, the caller's attempts used, attempt in progress and best result.
         * @description seedCommitment (hex SHA-256 of the round key the papers are drawn from) is public from the start; seedReveal (the key, hex) and resultsDigest (hex SHA-256 of the rules, exclusions, target, key and every standing line's figures, rank and prize) once the results are published. `server results verify ROUND_ID` recomputes them from storage.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {rounds} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rounds: components["schemas"]["RoundPublic"][];
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The citizen's home: the quiz rounds open now that the caller may enter, soonest closing first.
         * @description Only published quiz contests whose scope covers the caller's unit and that do not exclude the caller's roles. Each round as GET /api/v1/contests/{slug}/rounds shows it to a logged-in caller (attempts used, attempt in progress, the result that counts). JSON answers of 1 KB and more are compressed (br or gzip) when the client accepts it, as every answer of this API.
         */
        get: operations["listMyRounds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the next attempt, or resume the one in progress (200). The paper never carries answers.
         * @description The app sends X-Install-Id (a random ID it keeps per install, letters, digits, - and _, at most 64): kept with the address and a hash of the User-Agent on the attempt for the shared-device flags. Each option's id is a code of this attempt (6 characters, random per attempt, different for the same question in another attempt), never the letter it was authored under; answers and the review use the same codes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attempt in progress. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attempt"];
                    };
                };
                /** @description The new attempt. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attempt"];
                    };
                };
                403: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/attempts/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attempt in progress with its saved answers. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attempt in progress; outageSec is the time added to its deadline because the server was down (the page says so), extraSec the time organizers added. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attempt"];
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/attempts/{no}/answers/{qid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save an answer {options, seq}; a seq not above the stored one changes nothing (saved=false).
         * @description options are the codes the attempt showed; anything else (an authoring letter such as "A") is 400.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    no: number;
                    qid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AnswerInput"];
                };
            };
            responses: {
                /** @description {saved, options, seq} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnswerSaved"];
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/attempts/{no}/prediction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save the prediction {value (integer ≥ 0), seq}. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    no: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PredictionInput"];
                };
            };
            responses: {
                /** @description {saved, value, seq} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PredictionSaved"];
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/attempts/{no}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finalize the attempt; repeating returns the same result. After deadline + grace it is finalized at the deadline. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    no: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attempt's result. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttemptResult"];
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's final attempts of the round, attempts left, and standing once published. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {attempts, attemptsUsed, attemptsLeft, phase, inProgress, standing} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyRound"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/standings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public leaderboard of a round whose results are published (rank, name, unit path, score, duration, prize).
         * @description ranking is the round's ranking keys in words ("Xếp hạng theo: điểm, rồi sai số dự đoán, rồi thời gian làm bài"). A line shows prediction and predictionError only when the prediction placed it against a neighbour (predictionDecided). Names follow the contest's settings.publicNames: full, short ("Nguyễn V. A."), or by default full with a bearer token and short without.
         */
        get: {
            parameters: {
                query?: {
                    offset?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {standings, total, ranking} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StandingsPage"];
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rounds/{id}/review/{no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An attempt with the correct answers and explanations: only after results are published and if the organizer allows it. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    no: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {no, questions} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/overall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start computing and publishing the cumulative ranking across rounds with published results (settings.overall), with its prizes, in the background.
         * @description Answers 202 at once with the job, or the one already running on any instance; follow it with GET overall/job. 400 when the contest has no settings.overall, 409 when no round has published results.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the job started, or the one already running */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OverallJob"];
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/overall/job": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contest's last overall ranking job: running with its progress, done with what it counted, or failed with the reason. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OverallJob"];
                    };
                };
                /** @description no job yet */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/collective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rank units by participants or participation rate (+ points per prize won by members) over a round or the whole contest. */
        get: {
            parameters: {
                query?: {
                    roundId?: string;
                    formula?: "most_participants" | "participation_rate";
                    level?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {rule, units: [{rank, code, name, participants, headcount, ratePct, prizes, prizePoints, score}]} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rule: components["schemas"]["CollectiveRule"];
                            units: components["schemas"]["CollectiveUnit"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/export/collective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The collective ranking as .xlsx (sheets GiaiTapThe, ThongTin): rank, unit code, unit path in words, participants, headcount, participation rate, prizes won by members per tier, prize points, score. Same parameters and rule as /collective; an empty contest gives every competing unit with zeros. */
        get: {
            parameters: {
                query?: {
                    roundId?: string;
                    formula?: "most_participants" | "participation_rate";
                    level?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook (giai-tap-the-<slug>.xlsx). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{slug}/overall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public overall leaderboard of a contest, once computed. */
        get: {
            parameters: {
                query?: {
                    offset?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {standings, total} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StandingsPage"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/export/winners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A round's prize winners as .xlsx (sheet GiaiThuong), by tier then rank: prize, rank, name, birth date, gender, phone, CCCD, unit path, occupation, score, correct answers and the number of questions (numbers), prediction and its error, time spent (a [h]:mm:ss time value), submitted at (a date dd/mm/yyyy hh:mm:ss, Vietnam time), the attempt that counted, attempts; the birth date is a dd/mm/yyyy date cell. ?cccd=full shows whole CCCD numbers to organizers of the contest's owning unit and is logged; masked otherwise. */
        get: {
            parameters: {
                query?: {
                    cccd?: "masked" | "full";
                };
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook (giai-thuong-<slug>-tuan-<no>.xlsx). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/export/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every computed standing of a round as .xlsx (sheet KetQua), one line per person (the attempt that counts), same columns as the winners export, CCCD masked. Built page by page in a temporary file and streamed; a round without participants gives the header row only; 409 before results are computed. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook (ket-qua-<slug>-tuan-<no>.xlsx). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/export/overall-winners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole contest's prize winners (overall standings, settings.overall) as .xlsx, by tier then rank: the person's columns as the round winners export, then sums over the published rounds (total score, correct answers, questions, summed prediction error, total time spent), the last submission, the number of rounds played and of attempts; ?cccd=full as there. */
        get: {
            parameters: {
                query?: {
                    cccd?: "masked" | "full";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook (giai-thuong-chung-cuoc-<slug>.xlsx). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{slug}/essay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An essay contest's categories, limits and deadline. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {categories, deadline} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EssayRules"];
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contests/{slug}/works": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a work: multipart with 'work' (JSON: category, title, text, declaration, author extras, coauthors) and one 'file' (kind sniffed from content; words counted from the .docx when no text is pasted). Work and identity sheet are stored apart; a receipt is returned. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        work: components["schemas"]["WorkInput"];
                        /**
                         * Format: binary
                         * @description the work (docx, pdf, mp3, mp4; kind sniffed from the content)
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description {work} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            work: components["schemas"]["AuthorWork"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
                413: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/works": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's works in a contest (?contest=slug) with status, receipt and rejection reason. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {works} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            works: components["schemas"]["AuthorWork"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/works/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw one's own work before screening. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {work} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            work: components["schemas"]["AuthorWork"];
                        };
                    };
                };
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/works": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Works of an essay contest for the secretariat: status, code, screening warnings (?status, ?category, ?limit, ?offset). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {works, total} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            works: components["schemas"]["StaffWork"][];
                            total: number;
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/works/{id}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A work's identity sheet (secretariat and organizers only; every read is written to the audit log). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {workId, author, coauthors} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workId: string;
                            author: components["schemas"]["IdentityPerson"];
                            coauthors: components["schemas"]["IdentityPerson"][];
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/works/{id}/files/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The n-th file of a work as submitted (unchanged, properties included), for the secretariat screening it; named by the receipt; every download is logged. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file (docx, pdf, mp3, mp4) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": unknown;
                        "application/pdf": unknown;
                        "audio/mpeg": unknown;
                        "video/mp4": unknown;
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/works/{id}/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen a work: {accept: true} gives it an anonymous code; {accept: false, reason} rejects it (phạm quy). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accept: boolean;
                        /** @description why a work is rejected (required then) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description {work} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            work: components["schemas"]["StaffWork"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forward the best works of a closed round (topN and/or minScore) with files and identity sheets to an essay contest of a unit above (toContestId, as listed by forward/targets). Idempotent on the origin work: a work already forwarded to that contest is listed with already=true and nothing new is created (the entry's ID derives from the work and the destination; unique in the store). Categories go to the destination category of categoryMap, else the same key, else the same name; no match → 400 on categoryMap.<key>. preview=true lists what would be sent and sends nothing. Organizers only; each forwarded work is logged. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toContestId: string;
                        roundId: string;
                        topN?: number;
                        minScore?: number;
                        categoryMap?: {
                            [key: string]: string;
                        };
                        preview?: boolean;
                    };
                };
            };
            responses: {
                /** @description {forwarded (new entries made), works: [{code, title, categoryName, toCategory, final, prize?, already}], tiedAtCap: [code], preview, to: {title, unitName}} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            forwarded: number;
                            works: components["schemas"]["ForwardedWork"][];
                            tiedAtCap: string[];
                            preview: boolean;
                            to: components["schemas"]["ForwardedTo"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/forward/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open essay contests (published, deadline not passed) of the units above the contest's unit, nearest first, by title and unit name with their categories: where works can be forwarded. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {targets: [{id, title, unitName, categories: [{key, name}]}]} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            targets: components["schemas"]["ForwardTarget"][];
                        };
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Judging rounds of an essay contest. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {rounds} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rounds: components["schemas"]["EssayRound"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a judging round: rubric (scale 10/100, step, criteria), judgesPerWork, policy (average, third_judge_stands, majority_or_average, head_judge), threshold, advance rule, panels per category. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EssayRoundInput"];
                };
            };
            responses: {
                /** @description {round} */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["EssayRound"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edit a judging round still being set up (nothing assigned): the fields of a new round plus the version the form loaded. A save over another's change since then is refused (409, reload message); an assigned round cannot change (409). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EssayRoundInput"];
                };
            };
            responses: {
                /** @description {round} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["EssayRound"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign every work of the round to its panel's judges: balanced, no own-unit or declared conflict, reproducible from the recorded seed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round, works, seats} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["EssayRound"];
                            works: number;
                            seats: number;
                        };
                    };
                };
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each work's judge totals, pending judges and outcome (final score, discrepancy flags). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round, works, discrepancies} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["EssayRound"];
                            works: components["schemas"]["EssayWorkOutcome"][];
                            discrepancies: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/works/{wid}/third": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seat a third judge (or the panel head under head_judge) on a work whose scores are too far apart. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {seat} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seat: components["schemas"]["EssaySeat"];
                        };
                    };
                };
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a round once every work has a final score; the advancement rule picks the works of the next round. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round, results, advancing} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["EssayRound"];
                            results: components["schemas"]["EssayResult"][];
                            advancing: components["schemas"]["EssayResult"][];
                        };
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/works/{wid}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a judge's submitted score sheet ({judgeId, reason}; reason required): the sheet is a draft again, the judge's queue and reading view carry the reason (reopened) until it is submitted again; logged with the previous total. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                    wid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description whose locked sheet reopens */
                        judgeId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description {status} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: components["schemas"]["EssayScoreStatus"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/judge/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rounds where the caller judges. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {rounds} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rounds: components["schemas"]["JudgeRoundLine"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/judge/rounds/{rid}/works": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's queue: anonymous code, category, title, words and the state of their own score sheet, with progress, and the contest's categories by key and name. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {round, works, done, total, categories} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            round: components["schemas"]["JudgeRoundHead"];
                            works: components["schemas"]["JudgeWork"][];
                            done: number;
                            total: number;
                            categories: components["schemas"]["JudgeCategory"][];
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/judge/rounds/{rid}/works/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reading view of an assigned work by code: text, files, rubric, own draft. Logged. Never any identity. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description work */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JudgeWork"] & {
                            text: string;
                            files: components["schemas"]["JudgeFile"][];
                            rubric: components["schemas"]["EssayRubric"];
                            criteria?: {
                                [key: string]: number;
                            };
                            comment?: string;
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/judge/rounds/{rid}/works/{code}/files/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a work's file named by its code (Word properties emptied). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                    code: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": unknown;
                        "application/pdf": unknown;
                        "audio/mpeg": unknown;
                        "video/mp4": unknown;
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/judge/rounds/{rid}/works/{code}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save a score sheet {criteria, comment, submit}: drafts may be partial; submitted sheets are locked. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description points by criterion key */
                        criteria?: {
                            [key: string]: number;
                        };
                        comment?: string;
                        /** @description lock the sheet (false: save a draft) */
                        submit?: boolean;
                    };
                };
            };
            responses: {
                /** @description {status, total} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: components["schemas"]["EssayScoreStatus"];
                            total: number;
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/judge/rounds/{rid}/works/{code}/recuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare a conflict on a work: another judge of the panel takes the seat. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description {recused} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recused: boolean;
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/similarity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compare every waiting or accepted work with every other; list pairs whose overlap passes the category's ceiling (20 % magazine, 25 % newspaper). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {works, pairs: [{a, b, overlapA, overlapB, shared}]} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            works: number;
                            pairs: components["schemas"]["SimilarPair"][];
                        };
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/works/{a}/compare/{b}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Two works side by side with their common passages (byte and UTF-16 offsets into each text). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    a: string;
                    b: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {a: {work, text}, b: {work, text}, passages} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            a: components["schemas"]["ComparedWork"];
                            b: components["schemas"]["ComparedWork"];
                            passages: components["schemas"]["Passage"][];
                        };
                    };
                };
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-judge progress of a judging round for its secretariat: each judge by name and phone with assigned, scored and pending sheets, the codes of the works still pending, third-judge seats and the last time a sheet was saved. Recused seats do not count. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {judges: [{judgeId, fullName, phone, assigned, scored, pending, third, pendingCodes, lastActivity?}]} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            judges: components["schemas"]["JudgeProgress"][];
                        };
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/prizes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A round's decided prize list, each award by code, title, category name, tier name and final score (rounded to the contest's precision); decided=false and no awards before the decision. Secretaries and organizers of the contest. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {decided, awards: [{code, title, category, categoryName, tier, tierName, final, overQuota?, adjusted?, special?}], updatedAt} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decided: boolean;
                            awards: components["schemas"]["EssayAward"][];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        /** Propose (preview: true) or decide a closed round's prizes per category and tier (plan: tiers, quotas per category; default tiers A/B/C/KK with bands), the organizer's adjustments by code (tier "" takes a prize away), then the special prizes (youngest and oldest prize-winning author, added as special awards; youth, collective). A decided list is replaced only with a reason (409 on field reason without one; nothing is erased), recorded in the audit log as prizes.changed with the reason. Organizers only. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        plan?: {
                            tiers?: components["schemas"]["EssayPrizeTier"][];
                            quotas?: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                        };
                        preview?: boolean;
                        adjust?: {
                            code?: string;
                            tier?: string;
                        }[];
                        reason?: string;
                        youthMaxAge?: number;
                        youthQuota?: number;
                        collectiveMinTier?: string;
                        collectiveDepth?: number;
                    };
                };
            };
            responses: {
                /** @description {decided, awards, youngest, oldest, youth?, collective?} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decided: boolean;
                            awards: components["schemas"]["EssayAward"][];
                            youngest: string[];
                            oldest: string[];
                            youth?: string[];
                            collective?: components["schemas"]["EssayUnitTally"][];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/works/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edit one's own work until the deadline while it waits for screening: the submission's multipart form, the file optional. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        work: components["schemas"]["WorkInput"];
                        /**
                         * Format: binary
                         * @description a new file, or none to keep the one sent
                         */
                        file?: string;
                    };
                };
            };
            responses: {
                /** @description {work} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            work: components["schemas"]["AuthorWork"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                404: components["responses"]["Error"];
                409: components["responses"]["Error"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/export/works": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Works of an essay contest by code with status (.xlsx); no identity. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/export/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Score sheets of a round (.xlsx): the aggregate with every judge's total, gap, discrepancy flag and final score, and one sheet per judge. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/rounds/{rid}/export/prizes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Decided prizes with the authors' identity and bank details (.xlsx): organizers only; logged. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/essay/{cid}/export/dossier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Forwarding dossier (.zip), streamed as it is made: exactly the works of this contest forwarded to an essay contest above (all, or those sent to ?to=), files renamed by code (Word properties emptied), a list with final score, prize, destination and a 'Vấn đề' column for a work whose file cannot be prepared (its file is left out, the rest go on), and the identity sheets (author's unit filled in) in their own workbook. Organizers only; logged. */
        get: {
            parameters: {
                query?: {
                    /** @description only the works forwarded to this contest (an essay contest of a unit above) */
                    to?: string;
                };
                header?: never;
                path: {
                    cid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/zip */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": unknown;
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live statistics of a round for the organizers of the contest's owning unit, from a snapshot at most about a minute old (computedAt): a request older than 60 s starts one background recomputation and gets the previous snapshot; only the first request ever waits. people (≥1 final attempt), attempts, allCorrect (people with a perfect attempt), started; by occupation, age band on the round's close date (under_18, 18_30, 31_45, 46_60, over_60, unknown) and gender; the unit tree of the contest's eligible units with counts rolled up to ancestors, headcount and target (each own, else the sum of the children's), headcountPct and targetPct; unplaced (units outside the tree); byDay and byHour of submission (Vietnam time); scores (attempts per score, people per best score). ?unitId= adds that unit's node and its own breakdown (its subtree's people by occupation, age band and gender, and its byDay, byHour and scores, defined as the round's; the whole tree's add up to the round's figures less unplaced); ?depth= cuts the tree (default 1). Every answer carries scope {access, unitId, unitName}: for managers {manage, "", ""}. Report access (an organizer of a unit inside a published quiz contest, see GET /org/contests/{id}) gets the figures of its scope unit only: ?unitId= defaults to that unit and must lie inside it (403 otherwise; the scope is the report grant covering it); stats then holds the scope unit's counts (started = its people), breakdown, units [the scope unit cut to depth], unplaced zero and byDay, byHour, scores of the scope unit; unit and breakdown are the unit asked. */
        get: {
            parameters: {
                query?: {
                    unitId?: string;
                    depth?: number;
                };
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {computedAt, round, scope: {access: manage|report, unitId, unitName}, stats: {started, people, attempts, allCorrect, byOccupation, byAgeBand, byGender, units, unplaced, byDay, byHour, scores}, unit?, breakdown?: {byOccupation, byAgeBand, byGender, byDay: [{date, attempts, people}], byHour: [{hour, attempts}] (24), scores: [{score, attempts, people}]}} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatsView"] & {
                            round: components["schemas"]["StatsRound"];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics of a whole quiz contest, every round together: each person counted once (at the unit of the latest round played), attempts summed, all-correct when any attempt was; plus one line per round. Same snapshot rule, ?unitId=, ?depth=, scope and report access as the round statistics; for report access rounds is empty (its lines are contest-wide). */
        get: {
            parameters: {
                query?: {
                    unitId?: string;
                    depth?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {computedAt, scope: {access, unitId, unitName}, stats, rounds: [{id, no, title, people, attempts, allCorrect}], unit?, breakdown?} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatsView"] & {
                            rounds: components["schemas"]["StatsRoundLine"][];
                        };
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contests/{id}/summary.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole quiz contest's summary as .xlsx, from the same snapshot as the contest statistics (each person counted once over every round): sheet TongQuan with the contest, owning unit, snapshot time, totals (people, attempts, all-correct people, prizes awarded) above one line per round (no, title, opens, closes, status, people, attempts, all-correct, prizes awarded when results are computed); sheet TheoDonVi, the unit tree depth-first (level, code, name, headcount, people, % of headcount, attempts, all-correct, target, % of target) plus people outside it; sheet TheoNhom by occupation, age band and gender; sheet TheoNgay, attempts and people per Vietnamese calendar day (date cells) and a totals line of attempts. Times are date cells dd/mm/yyyy hh:mm:ss in Vietnam time, percentages 0.00% cells. Managers only: 403 for report access. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook (tong-hop-cuoc-thi-<slug>.xlsx). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                400: components["responses"]["Error"];
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Item analysis of a round's final attempts, marked with the bank's current key, questions in bank order: drawn, answered, correct, facilityPct, discrimination (facility in the top 27% of attempts ranked by score minus the bottom 27%, ties split by attempt ID; null when a group never drew it), topDrawn, bottomDrawn, options [{id, key, chosen, top}], flags (negative_discrimination, suspicious_key, very_easy > 95%, very_hard < 10%). Same snapshot rule as the statistics. Managers only: 403 for report access. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {computedAt, attempts, items: [{questionId, text, topic, difficulty, drawn, answered, correct, facilityPct, discrimination, options, flags}]} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            computedAt: string;
                            attempts: number;
                            items: components["schemas"]["ItemStat"][];
                        };
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The weekly statistics report of a unit (?unitId=, the contest's whole tree by default; for report access the caller's scope unit by default, and 403 for a unit outside it) as .xlsx: sheet TheoDonVi, one line per child unit (code, name, headcount, target, people, % of headcount, % of target, attempts, all-correct, prizes per tier from the round's standings, total prizes), plus the unit's directly attached people and, for the whole tree, people outside it, then a Tổng cộng line with the unit's own totals (outside the filter range); percentages are 0.00% cells; sheet TheoNhom by occupation, age band and gender; sheet ThongTin with the contest, round, unit, snapshot time and totals. */
        get: {
            parameters: {
                query?: {
                    unitId?: string;
                };
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook (bao-cao-thong-ke-<slug>-tuan-<no>.xlsx). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/rounds/{rid}/items.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The item analysis as .xlsx (sheet PhanTichCauHoi): number, question text, topic, difficulty, key letters, drawn, answered, facility %, discrimination, times each option A–H was chosen (letters by the option's place in the bank), warnings. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Workbook (phan-tich-cau-hoi-<slug>-tuan-<no>.xlsx). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": unknown;
                    };
                };
                403: components["responses"]["Error"];
                404: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A round's results computation running in the background. */
        ResultsJob: {
            id: string;
            /** @enum {string} */
            status: "running" | "done" | "failed";
            /** @description percent */
            progress: number;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt?: string;
            /** @description why it failed, in the language asked for */
            error?: string;
            summary?: components["schemas"]["RoundSummary"];
        };
        /** @description A contest's overall ranking computation running in the background. */
        OverallJob: {
            id: string;
            /** @enum {string} */
            status: "running" | "done" | "failed";
            /** @description percent */
            progress: number;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt?: string;
            /** @description why it failed, in the language asked for */
            error?: string;
            /** @description what the ranking counted */
            overall?: {
                rounds: number;
                people: number;
                winners: number;
            };
        };
        /** @description What a results computation counted. */
        RoundSummary: {
            participants: number;
            attempts: number;
            allCorrectPeople: number;
        };
        Error: {
            error?: {
                /** @enum {string} */
                code?: "invalid" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_late" | "too_large" | "rate_limited" | "busy" | "internal";
                message?: string;
                fields?: {
                    /** @description JSON field, or a cell reference such as C12 for uploaded files */
                    field?: string;
                    message?: string;
                }[];
            };
        };
        RemedyRequest: {
            /** @description the person (extend-attempt; give-back to one person) */
            userId?: string;
            /** @description instead of userId: the person's phone number or CCCD (400 naming login when nobody with it has an attempt in the round) */
            login?: string;
            /** @description time added (extend-attempt, extend-attempts, extend-close) */
            seconds?: number;
            /**
             * Format: date-time
             * @description give-back to everyone whose attempt ran during [from, to)
             */
            from?: string;
            /** Format: date-time */
            to?: string;
            reason: string;
        };
        /** @description A new account's details. The server refuses any field it does not know (400); the schema stays open so an organizer's create can add its own flags (POST /org/users). */
        Registration: {
            fullName: string;
            /**
             * Format: date
             * @description YYYY-MM-DD; age 6–120
             */
            birthDate: string;
            /** @enum {string} */
            gender: "male" | "female";
            /** @description Vietnamese phone in any common format; stored as +84… */
            phone: string;
            /** @description 12 digits; province code, gender/century and birth year must agree with the form */
            cccd: string;
            unitId: string;
            /** @enum {string} */
            occupation: "party_member" | "youth_union" | "student" | "civil_servant" | "armed_forces" | "citizen";
            email?: string;
            address?: string;
            password: string;
        };
        Tokens: {
            /** @description JWT valid 15 minutes */
            accessToken: string;
            /** @description Opaque, single use, rotated on refresh; reuse revokes the family */
            refreshToken: string;
            expiresIn: number;
            user?: components["schemas"]["User"];
        };
        User: {
            id: string;
            fullName: string;
            /** Format: date */
            birthDate: string;
            /**
             * @description empty for a staff account made without personal details
             * @enum {string}
             */
            gender: "male" | "female" | "";
            phone: string;
            email?: string;
            address?: string;
            /**
             * @description empty for a staff account made without personal details
             * @enum {string}
             */
            occupation: "party_member" | "youth_union" | "student" | "civil_servant" | "armed_forces" | "citizen" | "";
            /** @example 089******001 */
            cccdMasked: string;
            unit: {
                id: string;
                name: string;
                /** @example Khu phố 1, Phường An Biên, Tỉnh An Giang */
                pathName: string;
            };
            roles: {
                /** @enum {string} */
                role: "judge" | "secretary" | "organizer" | "admin";
                unitId: string;
                unitName: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description the last login or token refresh (not every request); absent when the account never logged in
             */
            lastSeenAt?: string;
        };
        Unit: {
            id: string;
            code: string;
            name: string;
            /** @example ward */
            kind: string;
            parentId?: string;
            depth: number;
            /** @description Members or population (số đảng viên/đoàn viên/dân số); 0 when unknown. */
            headcount: number;
            /** @description Participation target (chỉ tiêu số người dự thi); 0 when none is set. */
            target: number;
            pathName: string;
        };
        UnitInput: {
            code?: string;
            name?: string;
            kind?: string;
            parentId?: string;
            headcount?: number;
            /** @description Participation target in people; 0 for none. Omitted in a PATCH: unchanged. */
            target?: number;
        };
        Contest: {
            id: string;
            slug: string;
            /** @enum {string} */
            kind: "quiz" | "essay";
            title: string;
            description: string;
            bannerUrl?: string;
            /** @enum {string} */
            status: "draft" | "published" | "closed";
            ownerUnitId: string;
            ownerUnitName: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            /** @description a quiz with an overall ranking across its rounds (GET /contests/{slug}/overall once computed) */
            hasOverall?: boolean;
        };
        /** @description A contest as organizers see it. */
        OrgContest: components["schemas"]["Contest"] & {
            eligibleUnitId: string;
            /** @description the kind's settings (quiz: publicNames, excludedRoles, overall, collective; essay: categories, deadline, rounding) */
            settings: Record<string, never> | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description manage: the caller organizes the owning unit (or above); report: a unit inside the contest, whose figures only it reads
             * @enum {string}
             */
            access: "manage" | "report";
            reportUnit?: {
                id: string;
                name: string;
            };
            /** @description stored version; sent back with an edit (409 when another change came first) */
            version: number;
        };
        /** @enum {string} */
        RoundPhase: "draft" | "upcoming" | "open" | "closed" | "results";
        /** @enum {string} */
        AttemptStatus: "in_progress" | "submitted" | "timed_out";
        /** @description A finished attempt's result. */
        AttemptResult: {
            roundId: string;
            no: number;
            status: components["schemas"]["AttemptStatus"];
            correctCount: number;
            total: number;
            score: number;
            durationMs: number;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            submittedAt: string;
            prediction?: number;
            attemptsUsed: number;
            attemptsLeft: number;
        };
        /** @description A quiz round as citizens see it; attemptsUsed, best and inProgress only with a bearer token. */
        RoundPublic: {
            id: string;
            no: number;
            title: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            timeLimitSec: number;
            maxAttempts: number;
            questionCount: number;
            phase: components["schemas"]["RoundPhase"];
            predictionText?: string;
            targetValue?: number;
            /** @description hex SHA-256 of the round key */
            seedCommitment?: string;
            /** @description the round key (hex), once results are published */
            seedReveal?: string;
            /** @description hex SHA-256 of what decided the results, once published */
            resultsDigest?: string;
            attemptsUsed?: number;
            best?: components["schemas"]["AttemptResult"];
            /** @description the number of the attempt in progress */
            inProgress?: number;
        };
        PaperQuestion: {
            id: string;
            text: string;
            imageUrl?: string;
            multiple: boolean;
            options: {
                /** @description the option's code in this attempt */
                id: string;
                text: string;
            }[];
        };
        SavedAnswer: {
            options: string[] | null;
            seq: number;
        };
        /** @description An attempt's paper with the answers saved so far; never a correct answer. */
        Attempt: {
            roundId: string;
            no: number;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            deadline: string;
            /** Format: date-time */
            serverNow: string;
            status: components["schemas"]["AttemptStatus"];
            questions: components["schemas"]["PaperQuestion"][];
            /** @description question ID → saved answer */
            answers: {
                [key: string]: components["schemas"]["SavedAnswer"];
            };
            predictionText?: string;
            prediction?: number;
            predictionSeq?: number;
            attemptsLeft: number;
            /** @description time added to the deadline because the server was down */
            outageSec?: number;
            /** @description time organizers added */
            extraSec?: number;
        };
        Standing: {
            rank: number;
            fullName: string;
            unitPath: string;
            score: number;
            correctCount: number;
            total: number;
            durationMs: number;
            prediction?: number;
            predictionError?: number;
            /** @description the prize tier's key */
            prize?: string;
            prizeName?: string;
            /** @description the prediction placed this line against a neighbour */
            predictionDecided?: boolean;
        };
        StandingsPage: {
            standings: components["schemas"]["Standing"][];
            total: number;
            /** @description the round's ranking keys in words, on public standings */
            ranking?: string;
        };
        MyRound: {
            attempts: components["schemas"]["AttemptResult"][];
            attemptsUsed: number;
            attemptsLeft: number;
            phase: components["schemas"]["RoundPhase"];
            inProgress?: number;
            standing?: components["schemas"]["Standing"];
        };
        Review: {
            no: number;
            questions: (components["schemas"]["PaperQuestion"] & {
                chosen: string[] | null;
                correct: string[];
                explanation?: string;
            })[];
        };
        AnswerSaved: {
            /** @description false when the stored seq was not below the sent one */
            saved: boolean;
            /** @description what the server holds afterwards */
            options: string[] | null;
            seq: number;
        };
        PredictionSaved: {
            saved: boolean;
            value?: number | null;
            seq: number;
        };
        EssayCategory: {
            key: string;
            name: string;
            /** @description false: radio, TV, video clips (multimedia) */
            written: boolean;
            minWords?: number;
            maxWords?: number;
            maxCoauthors: number;
            maxWorksPerAuthor: number;
            maxWorksOfKindPerAuthor: number;
            allowedFileKinds: ("docx" | "pdf" | "mp3" | "mp4")[];
            maxFileBytes: number;
            maxMediaSeconds?: number;
            maxOverlapPercent?: number;
        };
        EssayRules: {
            categories: components["schemas"]["EssayCategory"][];
            /**
             * Format: date-time
             * @description the zero time (0001-01-01T00:00:00Z) means no deadline
             */
            deadline: string;
            /** @description whether a work can be submitted (and an own work edited) now, by the server's clock: the contest is published and before its deadline */
            open: boolean;
        };
        /** @description A work as its author sees it; never its anonymous code. */
        AuthorWork: {
            id: string;
            contestId: string;
            category: string;
            title: string;
            words: number;
            receipt: string;
            /** @enum {string} */
            status: "submitted" | "accepted" | "rejected" | "withdrawn";
            rejectReason?: string;
            files: string[];
            /** Format: date-time */
            submittedAt: string;
        };
        /** @description The 'work' part of a submission or an edit (multipart JSON). */
        WorkInput: {
            category: string;
            title: string;
            /** @description pasted text; words are counted from the .docx when empty */
            text?: string;
            /** @description the author's declaration that the work is their own and unpublished */
            declaration: boolean;
            author: components["schemas"]["PersonInput"];
            coauthors?: components["schemas"]["PersonInput"][];
        };
        /** @description An identity-sheet entry as typed. For the author, name, birth date, phone and CCCD come from the account; the rest is asked. */
        PersonInput: {
            fullName?: string;
            /** @description YYYY-MM-DD */
            birthDate?: string;
            penName?: string;
            title?: string;
            unitName?: string;
            address?: string;
            phone?: string;
            email?: string;
            cccd?: string;
            bankAccount?: string;
            bankName?: string;
        };
        /** @description A bank question as organizers see and edit it, correct options included. */
        BankQuestion: {
            id: string;
            topic: string;
            /** @description 0 not set, 1 easy, 2 medium, 3 hard */
            difficulty: number;
            text: string;
            options: {
                /** @description the authoring letter */
                id: string;
                text: string;
            }[];
            correct: string[];
            explanation: string;
            imageUrl: string;
            points: number;
            keepOptionOrder: boolean;
            retired: boolean;
        };
        /** @description A bank question as organizers write it (the body of its create and edit), correct options included; id is the server's and ignored on create. */
        QuestionInput: {
            id?: string;
            topic?: string;
            /** @description 0 not set, 1 easy, 2 medium, 3 hard */
            difficulty?: number;
            text: string;
            options: {
                /** @description the authoring letter */
                id: string;
                text: string;
            }[];
            correct: string[];
            explanation?: string;
            imageUrl?: string;
            points?: number;
            keepOptionOrder?: boolean;
            retired?: boolean;
        };
        /** @description How the bank's answer keys are skewed (one letter too often, or a run of one key); null when they are spread well. */
        KeySkew: {
            letter?: string;
            count?: number;
            of?: number;
            runKey?: string;
            runLength?: number;
            /** @description 0-based position of the run's first question in the bank */
            runStart?: number;
            /** @description the warnings in the caller's language */
            messages: string[];
        } | null;
        /** @description What an organizer sets on a quiz round: the body of its create and edit (version: the one an edit loaded; a save over a newer one is 409). */
        RoundInput: {
            no: number;
            title: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            blueprint: {
                fixed?: string[];
                quotas?: {
                    topic?: string;
                    difficulty?: number;
                    n: number;
                }[];
                keepOrder?: boolean;
            };
            timeLimitSec: number;
            maxAttempts: number;
            /** @enum {string} */
            policy: "best" | "first" | "last";
            prediction: {
                enabled: boolean;
                text?: string;
                /** @enum {string} */
                target?: "all_correct_people" | "participants" | "attempts";
            };
            rule: {
                keys: ("score_desc" | "correct_desc" | "prediction_error_asc" | "duration_asc" | "submitted_asc" | "started_asc" | "perfect_attempts_desc")[];
                allCorrectOnly?: boolean;
            };
            tiers: {
                key: string;
                name: string;
                count: number;
            }[];
            /**
             * @description empty: strict
             * @enum {string}
             */
            tiePolicy?: "strict" | "share" | "";
            revealAnswers?: boolean;
            integrity?: {
                minSecPerQuestion?: number;
                minSubmitSec?: number;
                voidTooFast?: boolean;
                requireReview?: boolean;
            };
            outageCapSec?: number;
            version?: number;
        };
        /** @description A quiz round as its organizers see it (its settings as they were entered, status, figures). */
        OrgRound: components["schemas"]["RoundInput"] & {
            id: string;
            contestId: string;
            /** @enum {string} */
            status: "draft" | "published" | "results";
            phase: components["schemas"]["RoundPhase"];
            targetValue?: number;
            /** Format: date-time */
            resultsAt?: string;
            participants: number;
            seedCommitment?: string;
            seedReveal?: string;
            resultsDigest?: string;
            /** @description why the bank cannot fill the blueprint, per field; absent when it can */
            paperProblems?: {
                field: string;
                message: string;
            }[];
        };
        /** @description An answer save: the option codes the attempt showed ([] clears it) and the phone's counter for the question (a save not above the stored one changes nothing). */
        AnswerInput: {
            options: string[];
            seq: number;
        };
        /** @description A prediction save: the value (integer ≥ 0; null clears it) and the phone's counter. */
        PredictionInput: {
            value?: number | null;
            seq: number;
        };
        /** @description What an organizer sets on a judging round: the body of its create and edit (version: the one an edit loaded; a save over a newer one is 409). */
        EssayRoundInput: {
            no: number;
            name: string;
            kind: components["schemas"]["EssayRoundKind"];
            rubric: components["schemas"]["EssayRubric"];
            judgesPerWork: number;
            policy: components["schemas"]["EssayPolicy"];
            threshold?: number;
            advance?: components["schemas"]["EssayAdvanceRule"];
            panels?: components["schemas"]["EssayPanel"][];
            version?: number;
        };
        /** @description A judging round (vòng chấm) of an essay contest: rubric, judges per work, discrepancy policy, advancement, panels; version goes back with an edit (409 when stale). */
        EssayRound: {
            id: string;
            contestId: string;
            no: number;
            name: string;
            kind: components["schemas"]["EssayRoundKind"];
            rubric: components["schemas"]["EssayRubric"];
            judgesPerWork: number;
            policy: components["schemas"]["EssayPolicy"];
            threshold: number;
            advance: components["schemas"]["EssayAdvanceRule"];
            panels: components["schemas"]["EssayPanel"][];
            status: components["schemas"]["EssayRoundStatus"];
            seed: number;
            awards?: components["schemas"]["EssayRoundAward"][];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        EssayResult: {
            workId: string;
            category: string;
            final: number;
        };
        CollectiveRule: {
            formula: components["schemas"]["CollectiveFormula"];
            level: number;
            prizePoints?: {
                [key: string]: number;
            };
            capRateAt100?: boolean;
        };
        /** @description A unit in the collective ranking. */
        CollectiveUnit: {
            rank: number;
            unitId: string;
            code: string;
            name: string;
            path: string;
            participants: number;
            headcount: number;
            ratePct: number;
            prizes?: {
                [key: string]: number;
            };
            prizePoints: number;
            score: number;
        };
        ComparedWork: {
            work: components["schemas"]["WorkLabel"];
            text: string;
        };
        /** @description A passage two works share: its span in each text (byte and UTF-16 offsets) and its length in words. */
        Passage: {
            A: components["schemas"]["Span"];
            B: components["schemas"]["Span"];
            WordsA: number;
            WordsB: number;
        };
        StatsRoundLine: {
            id: string;
            no: number;
            title: string;
            people: number;
            attempts: number;
            allCorrect: number;
        };
        FailedLogin: {
            at: string;
            account: string;
            unitName?: string;
            client: string;
        };
        ForwardedWork: {
            code: string;
            title: string;
            categoryName: string;
            toCategory: string;
            final: number;
            prize?: string;
            already: boolean;
        };
        ForwardedTo: {
            title: string;
            unitName: string;
        };
        /** @description An author or coauthor of a work, from the identity sheet (secretariat only; each read is audited). */
        IdentityPerson: {
            fullName: string;
            penName: string;
            title: string;
            unitName: string;
            address: string;
            phone: string;
            email: string;
            cccdMasked: string;
            bankAccount: string;
            bankName: string;
            birthDate?: string;
        };
        /** @description One question's analysis over a round's final attempts, with the words organizers know it by. */
        ItemStat: {
            questionId: string;
            drawn: number;
            answered: number;
            correct: number;
            facilityPct: number;
            discrimination: number | null;
            topDrawn: number;
            bottomDrawn: number;
            options: components["schemas"]["OptionCount"][];
            flags: components["schemas"]["ItemFlag"][];
            text: string;
            topic?: string;
            difficulty: number;
            retired?: boolean;
        };
        JudgeRoundLine: {
            id: string;
            name: string;
            no: number;
            contest: string;
        };
        JudgeFile: {
            n: number;
            kind: components["schemas"]["EssayFileKind"];
            bytes: number;
        };
        EssayRubric: {
            scale: number;
            step: number;
            criteria: components["schemas"]["EssayCriterion"][];
        };
        JudgeRoundHead: {
            id: string;
            name: string;
            rubric: components["schemas"]["EssayRubric"];
            status: components["schemas"]["EssayRoundStatus"];
        };
        JudgeCategory: {
            key: string;
            name: string;
        };
        /** @description Prize candidates with their fraud flags, the exclusions made and whether the review is done. */
        PrizeReview: {
            round: components["schemas"]["OrgRound"];
            candidates: components["schemas"]["PrizeCandidate"][];
            flagged: number;
            exclusions: components["schemas"]["Exclusion"][];
            requireReview: boolean;
            reviewed: boolean;
        };
        EssayAward: {
            code: string;
            title: string;
            category: string;
            categoryName: string;
            tier: string;
            tierName: string;
            final: number;
            overQuota?: boolean;
            adjusted?: boolean;
            special?: boolean;
        };
        EssayUnitTally: {
            unitPath: string;
            works: number;
            byTier: {
                [key: string]: number;
            };
            qualified: boolean;
        };
        JudgeProgress: {
            judgeId: string;
            fullName: string;
            phone: string;
            assigned: number;
            scored: number;
            pending: number;
            third: number;
            pendingCodes: string[];
            /** Format: date-time */
            lastActivity?: string;
        };
        /** @description A work's scores in a judging round: submitted scores, judges still pending, and the outcome once every judge submitted. */
        EssayWorkOutcome: {
            workId: string;
            scores: components["schemas"]["EssayJudgeScore"][];
            pending: string[];
            outcome?: components["schemas"]["EssayOutcome"];
            code: string;
            category: string;
        };
        StatsRound: {
            id: string;
            no: number;
            title: string;
            phase: components["schemas"]["RoundPhase"];
        };
        /** @description A work as the secretariat sees it: the author view plus its anonymous code, screening warnings, the round it reached and, when forwarded, where it came from. */
        StaffWork: components["schemas"]["AuthorWork"] & {
            code?: string;
            warnings?: string[];
            round: number;
            unitPath: string;
            origin?: components["schemas"]["EssayOrigin"];
        };
        SimilarPair: {
            a: components["schemas"]["WorkLabel"];
            b: components["schemas"]["WorkLabel"];
            overlapA: number;
            overlapB: number;
            shared: number;
        };
        ForwardTarget: {
            id: string;
            title: string;
            unitName: string;
            categories: components["schemas"]["CategoryLabel"][];
        };
        EssaySeat: {
            roundId: string;
            workId: string;
            judgeId: string;
            kind: components["schemas"]["EssayScoreKind"];
            recused?: boolean;
            /** Format: date-time */
            assignedAt: string;
        };
        /** @description A statistics snapshot (at most a minute old): the unit tree cut to the depth asked, with ?unitId= the unit and its breakdown, and the caller's scope. */
        StatsView: {
            /** Format: date-time */
            computedAt: string;
            stats: components["schemas"]["RoundStats"];
            unit?: components["schemas"]["UnitStats"];
            breakdown?: components["schemas"]["UnitBreakdown"];
            scope: components["schemas"]["StatsScope"];
        };
        /** @description A work in a judge's queue, blind: no field names or identifies its author. */
        JudgeWork: {
            code: string;
            category: string;
            title: string;
            words: number;
            status?: components["schemas"]["EssayScoreStatus"];
            reopened?: string;
            /** @description my submitted total */
            total?: number;
            kind: components["schemas"]["EssayScoreKind"];
        };
        EssayAdvanceRule: {
            mode: components["schemas"]["EssayAdvanceMode"];
            topN?: number;
            minScore?: number;
        };
        EssayPanel: {
            category: string;
            judgeIds: string[];
            headId?: string;
        };
        EssayPrizeTier: {
            key: string;
            name: string;
            /** @description the tier's score band (A ≥ 9 on the 10-point scale); absent or 0: the quota alone decides */
            minScore?: number;
        };
        EssayRoundAward: {
            workId: string;
            category: string;
            tier: string;
            final: number;
            overQuota?: boolean;
            tierName?: string;
            adjusted?: boolean;
            special?: boolean;
        };
        WorkLabel: {
            id: string;
            code: string;
            receipt: string;
            title: string;
            category: string;
        };
        Span: {
            Start: number;
            End: number;
            UTF16Start: number;
            UTF16End: number;
        };
        OptionCount: {
            id: string;
            key: boolean;
            chosen: number;
            top: number;
        };
        EssayCriterion: {
            key: string;
            name: string;
            max: number;
            weight?: number;
            description?: string;
        };
        PrizeCandidate: components["schemas"]["Standing"] & {
            userId: string;
            flags: components["schemas"]["ReviewFlag"][];
        };
        Exclusion: {
            userId: string;
            fullName: string;
            reason: string;
            byName: string;
            /** Format: date-time */
            at: string;
        };
        EssayJudgeScore: {
            judgeId: string;
            total: number;
            kind?: components["schemas"]["EssayScoreKind"];
        };
        EssayOutcome: {
            final: number | null;
            needsThird: boolean;
            needsHead: boolean;
            gap: number;
        };
        EssayOrigin: {
            contestId: string;
            workId: string;
            contestName: string;
            unitName: string;
            final: number;
            prize?: string;
        };
        CategoryLabel: {
            key: string;
            name: string;
        };
        RoundStats: {
            started: number;
            people: number;
            attempts: number;
            allCorrect: number;
            byOccupation: components["schemas"]["GroupCount"][];
            byAgeBand: components["schemas"]["GroupCount"][];
            byGender: components["schemas"]["GroupCount"][];
            units: components["schemas"]["UnitStats"][] | null;
            unplaced: components["schemas"]["StatCounts"];
            byDay: components["schemas"]["DayCount"][];
            byHour: components["schemas"]["HourCount"][];
            scores: components["schemas"]["ScoreCount"][];
        };
        UnitStats: {
            id: string;
            code: string;
            name: string;
            kind: string;
            path: string;
            headcount: number;
            target: number;
            people: number;
            attempts: number;
            allCorrect: number;
            headcountPct: number;
            targetPct: number;
            children?: components["schemas"]["UnitStats"][];
        };
        UnitBreakdown: {
            byOccupation: components["schemas"]["GroupCount"][];
            byAgeBand: components["schemas"]["GroupCount"][];
            byGender: components["schemas"]["GroupCount"][];
            byDay: components["schemas"]["DayCount"][];
            byHour: components["schemas"]["HourCount"][];
            scores: components["schemas"]["ScoreCount"][];
        };
        StatsScope: {
            /** @enum {string} */
            access: "manage" | "report";
            unitId: string;
            unitName: string;
        };
        ReviewFlag: {
            kind: components["schemas"]["FlagKind"];
            attemptNo?: number;
            reason: string;
            others?: string[];
        };
        GroupCount: {
            key: string;
            people: number;
            attempts: number;
            allCorrect: number;
        };
        StatCounts: {
            people: number;
            attempts: number;
            allCorrect: number;
        };
        DayCount: {
            date: string;
            attempts: number;
            people: number;
        };
        HourCount: {
            hour: number;
            attempts: number;
        };
        ScoreCount: {
            score: number;
            attempts: number;
            people: number;
        };
        /** @enum {string} */
        EssayScoreStatus: "draft" | "submitted";
        /** @enum {string} */
        EssayRoundKind: "preliminary" | "final";
        /** @enum {string} */
        EssayRoundStatus: "setup" | "scoring" | "closed";
        /** @enum {string} */
        FlagKind: "too_fast" | "quick_submit" | "identical" | "shared_device" | "shared_network" | "same_person";
        /** @enum {string} */
        EssayPolicy: "average" | "third_judge_stands" | "majority_or_average" | "head_judge" | "two_closest_average" | "average_all";
        /** @enum {string} */
        CollectiveFormula: "most_participants" | "participation_rate";
        /** @enum {string} */
        ItemFlag: "negative_discrimination" | "suspicious_key" | "very_easy" | "very_hard";
        /** @enum {string} */
        EssayFileKind: "docx" | "pdf" | "mp3" | "mp4";
        /** @enum {string} */
        EssayScoreKind: "regular" | "third" | "head";
        /** @enum {string} */
        EssayAdvanceMode: "top_n" | "min_score" | "both";
    };
    responses: {
        /** @description An error. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listMyRounds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {rounds} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rounds: {
                            contestSlug: string;
                            contestTitle: string;
                            round: components["schemas"]["RoundPublic"];
                        }[];
                    };
                };
            };
            401: components["responses"]["Error"];
        };
    };
}
