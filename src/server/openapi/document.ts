// Builds the OpenAPI 3.1 document from the contract registry (operations/): each zod schema the
// routes validate with becomes JSON Schema 2020-12 through zod's own converter, and the replies
// every operation of a kind shares are added here, once — the 401 of a bearer route, the 400 and
// 413 of a route with a body — so no route group can forget them.
import { z } from 'zod';
import { API_ERROR_CODES, apiErrorBodySchema } from '../../shared/api-error-codes';
import { ALL_OPERATIONS } from './operations';
import {
  WWW_AUTHENTICATE,
  type HeaderSpec,
  type Operation,
  type ParamSpec,
  type ResponseSpec,
  type Schema,
} from './registry';

/** A JSON Schema (2020-12) as zod emits it. */
export type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this server uses (enough for the tests to walk it). */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, unknown>;
  };
}

/** One operation as the document has it. */
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: OpenApiParameter[];
  requestBody?: {
    required: boolean;
    description?: string;
    content: Record<string, { schema: JsonSchema }>;
  };
  responses: Record<string, OpenApiResponse>;
  /** The body limit in bytes (413 beyond), an extension. */
  'x-max-body-bytes'?: number;
  /** Content-Encodings of the request body accepted besides identity, an extension. */
  'x-content-encodings'?: readonly string[];
}

/** A parameter as the document has it. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: JsonSchema;
}

/** A response as the document has it. */
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; required: boolean; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

const UNAUTHORIZED: ResponseSpec = {
  description:
    'No live session: the token is missing, unknown or expired (`unauthorized`), or its account was deleted (`account_deleted`)',
  errors: ['unauthorized', 'account_deleted'],
  headers: WWW_AUTHENTICATE,
};
const MALFORMED_BODY: ResponseSpec = {
  description: 'The body is not JSON (`invalid_json`) or not of the schema (`invalid_request`)',
  errors: ['invalid_json', 'invalid_request'],
};
const TOO_LARGE: ResponseSpec = {
  description: "The body is larger than the route's limit",
  errors: ['payload_too_large'],
};

/** JSON Schema 2020-12 of a zod schema: `input` for what a client sends, `output` for replies. */
export function toJsonSchema(schema: Schema, io: 'input' | 'output'): JsonSchema {
  const converted = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

// Adds a shared reply to an operation's own: codes and headers are joined with those of an error
// reply the operation declares itself; a reply with its own JSON schema is left as declared.
function withShared(responses: Record<number, ResponseSpec>, status: number, shared: ResponseSpec) {
  const own = responses[status];
  if (!own) {
    responses[status] = shared;
    return;
  }
  if (!own.errors || !shared.errors) return;
  responses[status] = {
    ...own,
    errors: [...new Set([...own.errors, ...shared.errors])] as [
      (typeof own.errors)[number],
      ...(typeof own.errors)[number][],
    ],
    headers: { ...shared.headers, ...own.headers },
  };
}

/** The responses of an operation, the shared ones included. */
export function responsesOf(operation: Operation): Record<number, ResponseSpec> {
  const responses = { ...operation.responses };
  if (operation.auth === 'bearer') withShared(responses, 401, UNAUTHORIZED);
  if (operation.body) {
    withShared(responses, 400, MALFORMED_BODY);
    withShared(responses, 413, TOO_LARGE);
  }
  return responses;
}

const stringSchema: JsonSchema = { type: 'string' };

function headerObjects(headers: Record<string, HeaderSpec> | undefined) {
  if (!headers) return undefined;
  return Object.fromEntries(
    Object.entries(headers).map(([name, spec]) => [
      name,
      {
        description: spec.description,
        required: spec.required ?? false,
        schema: spec.schema ? toJsonSchema(spec.schema, 'output') : stringSchema,
      },
    ]),
  );
}

function responseObject(spec: ResponseSpec): OpenApiResponse {
  const response: OpenApiResponse = { description: spec.description };
  const headers = headerObjects(spec.headers);
  if (headers) response.headers = headers;
  if (spec.json) {
    response.content = { 'application/json': { schema: toJsonSchema(spec.json, 'output') } };
  } else if (spec.errors) {
    const schema = apiErrorBodySchema(spec.errors, spec.errorExtra);
    response.content = { 'application/json': { schema: toJsonSchema(schema, 'output') } };
  } else if (spec.content) {
    response.content = Object.fromEntries(
      spec.content.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    );
  }
  return response;
}

function parameters(
  where: 'path' | 'query',
  specs: Record<string, ParamSpec> | undefined,
): OpenApiParameter[] {
  return Object.entries(specs ?? {}).map(([name, spec]) => ({
    name,
    in: where,
    required: where === 'path' || (spec.required ?? false),
    description: spec.description,
    schema: spec.schema ? toJsonSchema(spec.schema, 'input') : stringSchema,
  }));
}

function operationObject(operation: Operation): OpenApiOperation {
  const result: OpenApiOperation = {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    security: operation.auth === 'bearer' ? [{ bearer: [] }] : [],
    parameters: [
      ...parameters('path', operation.params),
      ...parameters('query', operation.query),
      ...Object.entries(operation.requestHeaders ?? {}).map(([name, spec]): OpenApiParameter => ({
        name,
        in: 'header',
        required: spec.required ?? false,
        description: spec.description,
        schema: spec.schema ? toJsonSchema(spec.schema, 'input') : stringSchema,
      })),
    ],
    responses: Object.fromEntries(
      Object.entries(responsesOf(operation)).map(([status, spec]) => [
        status,
        responseObject(spec),
      ]),
    ),
  };
  if (operation.description) result.description = operation.description;
  if (operation.body) {
    result.requestBody = {
      required: operation.body.required ?? true,
      content: { 'application/json': { schema: toJsonSchema(operation.body.schema, 'input') } },
    };
    if (operation.body.description) result.requestBody.description = operation.body.description;
    result['x-max-body-bytes'] = operation.body.maxBytes;
    if (operation.body.encodings) result['x-content-encodings'] = operation.body.encodings;
  }
  return result;
}

/** The OpenAPI 3.1 document of `operations` (default: every operation of the server). */
export function buildOpenApiDocument(
  operations: readonly Operation[] = ALL_OPERATIONS,
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const seen = new Set<string>();
  for (const operation of operations) {
    if (seen.has(operation.operationId)) {
      throw new Error(`operationId ${operation.operationId} is used twice`);
    }
    seen.add(operation.operationId);
    const item = (paths[operation.path] ??= {});
    if (item[operation.method]) {
      throw new Error(`${operation.method.toUpperCase()} ${operation.path} is described twice`);
    }
    item[operation.method] = operationObject(operation);
  }
  const codes = API_ERROR_CODES as unknown as [string, ...string[]];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lommekurs API',
      version: '1',
      description:
        'The course, account and sync API of a Lommekurs server. Every error is a JSON body ' +
        '`{ error, message }` with `Cache-Control: no-store`; `error` is one of ErrorCode. ' +
        'Prose: docs/sync-protocol.md.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        ErrorCode: { type: 'string', enum: codes },
        ApiError: toJsonSchema(apiErrorBodySchema(API_ERROR_CODES), 'output'),
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The session token from register or login (43 base64url characters)',
        },
      },
    },
  };
}

let built: OpenApiDocument | undefined;

/** The server's document, built on first use and kept (it never changes while running). */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
