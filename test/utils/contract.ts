// The contract as the tests use it: the OpenAPI document built from the registry, the operation a
// request reaches, and a check of one reply (status, content type, body, required headers)
// against it with a maintained JSON Schema validator (ajv, draft 2020-12). Used by the recorder
// that watches every server test (contract-recorder.ts) and by the fuzz.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import {
  buildOpenApiDocument,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiResponse,
} from '../../src/server/openapi/document';

let document: OpenApiDocument | undefined;

/** The document of every operation (built once per test file). */
export const contractDocument = (): OpenApiDocument => (document ??= buildOpenApiDocument());

/** The methods of the document (lower case). */
export const DOCUMENT_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A document path that a request path matched. */
export interface PathMatch {
  /** The document path, e.g. `/api/v1/courses/{id}`. */
  path: string;
  item: Record<string, OpenApiOperation>;
}

interface CompiledPath {
  path: string;
  regex: RegExp;
  params: number;
}

let compiledPaths: CompiledPath[] | undefined;

// `{name}` matches one segment; a last `{path}` (a Hono `*`) matches the rest.
function pathsOf(doc: OpenApiDocument): CompiledPath[] {
  return Object.keys(doc.paths)
    .map((path) => {
      const source = path
        .split(/(\{[^}]+\})/)
        .map((part, index, parts) => {
          if (!/^\{[^}]+\}$/.test(part)) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          return part === '{path}' && index === parts.length - 2 ? '(.+)' : '([^/]+)';
        })
        .join('');
      return { path, regex: new RegExp(`^${source}$`), params: (path.match(/\{/g) ?? []).length };
    })
    .sort((a, b) => a.params - b.params);
}

/** The document path a request path (raw, still percent-encoded) reaches, if any. */
export function matchPath(pathname: string): PathMatch | undefined {
  const doc = contractDocument();
  compiledPaths ??= pathsOf(doc);
  const found = compiledPaths.find(({ regex }) => regex.test(pathname));
  return found ? { path: found.path, item: doc.paths[found.path] } : undefined;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map<string, ValidateFunction>();

/** An ajv validator of `schema`, compiled once per key. */
export function validatorFor(key: string, schema: object): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/** What the checker needs of a reply: a Response with its body read into `bytes`. */
export interface Reply {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** Reads a response (a clone, so the caller's copy stays unread) into a Reply. */
export async function readReply(response: Response): Promise<Reply> {
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

function decoded(reply: Reply): Buffer {
  const body = Buffer.from(reply.bytes);
  switch (reply.headers.get('Content-Encoding')?.toLowerCase()) {
    case 'gzip':
      return gunzipSync(body);
    case 'br':
      return brotliDecompressSync(body);
    case 'deflate':
      return inflateSync(body);
    default:
      return body;
  }
}

const mediaType = (header: string | null) => header?.split(';')[0].trim().toLowerCase() ?? '';

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

function checkAgainst(
  key: string,
  response: OpenApiResponse,
  reply: Reply,
  head: boolean,
): string[] {
  const problems: string[] = [];
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (header.required && !reply.headers.has(name)) problems.push(`lacks the ${name} header`);
  }
  const type = mediaType(reply.headers.get('Content-Type'));
  const content = response.content;
  if (!content) {
    if (reply.bytes.byteLength > 0) problems.push(`has a body (${type}) where none is documented`);
    return problems;
  }
  const entry = content[type];
  if (!entry) {
    problems.push(`has content type "${type}", documented: ${Object.keys(content).join(', ')}`);
    return problems;
  }
  if (head || type !== 'application/json') return problems;
  let body: unknown;
  try {
    body = JSON.parse(decoded(reply).toString('utf8'));
  } catch {
    problems.push('has a body that is not JSON');
    return problems;
  }
  const validate = validatorFor(`${key} ${type}`, entry.schema);
  if (!validate(body)) {
    const errors = (validate.errors ?? [])
      .slice(0, 4)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${short(e.params)}`)
      .join('; ');
    problems.push(`body does not match the schema: ${errors}; body: ${short(body)}`);
  }
  return problems;
}

const ERROR_REPLY: OpenApiResponse = {
  description: 'any error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { error: { type: 'string' }, message: { type: 'string' } },
        required: ['error', 'message'],
      },
    },
  },
};

/** What is wrong with `reply` to `method url` by the contract (empty: nothing). Requests outside
 * /api and /healthz (the built app) are not part of it. An /api path the document lacks must be
 * a 404 `not_found`; a documented path asked with another method a 405. */
export function contractProblems(method: string, url: string, reply: Reply): string[] {
  const pathname = new URL(url, 'http://localhost').pathname;
  const head = method.toUpperCase() === 'HEAD';
  const verb = head ? 'get' : method.toLowerCase();
  const match = matchPath(pathname);
  if (!match) {
    if (!pathname.startsWith('/api/')) return [];
    if (reply.status === 404 || reply.status === 413) {
      return checkAgainst('any-error', ERROR_REPLY, reply, head);
    }
    return [`an undocumented API path answered ${reply.status}, not 404`];
  }
  const operation = match.item[verb];
  if (!operation) {
    if (reply.status === 405 || reply.status === 413) {
      return checkAgainst('any-error', ERROR_REPLY, reply, head);
    }
    return [
      `${method} is not documented for ${match.path}, yet it answered ${reply.status}, not 405`,
    ];
  }
  const response = operation.responses[String(reply.status)];
  if (!response) {
    const documented = Object.keys(operation.responses).join(', ');
    return [`status ${reply.status} is not documented (documented: ${documented})`];
  }
  return checkAgainst(`${match.path} ${verb} ${reply.status}`, response, reply, head);
}

/** The one-line description of a contract violation. */
export const describeViolation = (
  method: string,
  url: string,
  status: number,
  problems: string[],
): string => {
  const pathname = new URL(url, 'http://localhost').pathname;
  const documented = matchPath(pathname)?.path ?? pathname;
  return `contract: ${method.toUpperCase()} ${pathname} (${documented}) → ${status}: ${problems.join('; ')}`;
};
