// The service's own routes in the contract: the health check and the contract itself.
import { healthSchema, openApiDocumentSchema } from '../../../shared/api-schemas';
import { empty, ETAG, IF_NONE_MATCH, json, type Operation } from '../registry';

/** /healthz and /api/v1/openapi.json. */
export const serviceOperations: Operation[] = [
  {
    operationId: 'health',
    method: 'get',
    path: '/healthz',
    tag: 'service',
    summary: 'Liveness: the server answers and how many courses it serves',
    auth: 'none',
    responses: { 200: json('Up', healthSchema) },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'service',
    summary: 'This contract: the OpenAPI 3.1 document of every operation',
    auth: 'none',
    requestHeaders: IF_NONE_MATCH,
    responses: {
      200: json('The document', openApiDocumentSchema, ETAG),
      304: empty('The copy held is current', ETAG),
    },
  },
];
