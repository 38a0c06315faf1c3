import OpenAPIBackend, { ValidationContext, type AjvCustomizer, type Document, type Operation } from 'openapi-backend';

type Ajv = ReturnType<AjvCustomizer>;

/** One request and its answer, as a client saw them. */
export interface Exchange {
  readonly method: string;
  /** Path and query string, as sent. */
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The request's body as sent (a JSON text), when it had one. */
  readonly requestBody?: string | null;
  readonly status: number;
  readonly contentType: string | null;
  /** The answer's text; null when it was not read (a binary file, or a HEAD). */
  readonly body: string | null;
}

/** The string formats the document uses beyond openapi-backend's own (Ajv knows none without ajv-formats). */
const withDateFormats = (ajv: Ajv): Ajv => ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/).addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);

/** Media types whose bodies are JSON and are checked against the declared schema. */
const JSON_MEDIA = /^application\/(?:[\w.-]+\+)?json$/;

/**
 * Checks exchanges against an OpenAPI document with openapi-backend (its router matches the
 * operation, its validator checks the request's parameters, undeclared query parameters included,
 * and JSON bodies with Ajv). openapi-backend checks only `application/json` bodies and passes a
 * status the operation does not declare, so the declared statuses, the declared media types and
 * the problem+json bodies (with openapi-backend's Ajv and the document's schema) are checked here.
 */
export class ContractChecker {
  private readonly problemValidators = new Map<object, ReturnType<ReturnType<OpenAPIBackend['validator']['getAjv']>['compile']>>();

  private constructor(private readonly api: OpenAPIBackend) {}

  static async of(document: unknown): Promise<ContractChecker> {
    // quick: openapi-backend's own check of the document knows OpenAPI 3.0 only; swagger-parser checks
    // this 3.1 document (openapi-document.int.test.ts). Quick mode also compiles validators on first use.
    const api = new OpenAPIBackend({ definition: withOperationIds(structuredClone(document) as Document), strict: true, quick: true, validate: true, customizeAjv: withDateFormats, ignoreTrailingSlashes: false });
    await api.init();
    return new ContractChecker(api);
  }

  /** What in `exchange` the document does not declare; empty when it conforms. Requests to no documented operation are not checked. */
  violations(exchange: Exchange): string[] {
    const url = new URL(exchange.url, 'http://localhost');
    // HEAD is answered by the GET route, without a body.
    const method = exchange.method === 'HEAD' ? 'get' : exchange.method.toLowerCase();
    const request = { method, path: url.pathname, query: url.search.slice(1), headers: exchange.headers, ...(exchange.requestBody ? { body: parsedOrText(exchange.requestBody) } : {}) };
    const operation = matchedOperation(this.api, request);
    if (!operation) return [];
    const where = `${exchange.method} ${exchange.url.slice(0, 200)} → ${exchange.status}`;
    const out: string[] = [];
    const requestErrors = this.api.validateRequest(request, operation).errors ?? [];
    if (requestErrors.length > 0 && exchange.status < 400) out.push(`${where}: accepted a request the document refuses (${requestErrors.map((e) => `${e.instancePath} ${e.message}`).join('; ')})`);
    const response = declaredResponse(operation, exchange.status);
    if (!response) return [...out, `${where}: status not declared (declared: ${Object.keys(operation.responses ?? {}).join(', ')})`];
    const media = exchange.contentType === null ? null : exchange.contentType.split(';')[0]!.trim().toLowerCase();
    const declared = Object.keys(response.content ?? {});
    if (declared.length === 0) {
      if (exchange.body) out.push(`${where}: a body where the document declares none`);
      return out;
    }
    if (media === null || !declared.includes(media)) return [...out, `${where}: content type ${media} not declared (declared: ${declared.join(', ')})`];
    if (exchange.body === null || !JSON_MEDIA.test(media)) return out;
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      return [...out, `${where}: ${media} body is not JSON`];
    }
    const errors = media === 'application/json' ? this.api.validateResponse(body, operation, exchange.status).errors : this.validateOther(response.content![media]!.schema as object, body);
    if (errors?.length) out.push(`${where}: body does not match the ${media} schema (${errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')})`);
    return out;
  }

  private validateOther(schema: object, body: unknown) {
    let validate = this.problemValidators.get(schema);
    if (!validate) {
      validate = this.api.validator.getAjv(ValidationContext.Response).compile(schema);
      this.problemValidators.set(schema, validate);
    }
    validate(body);
    return validate.errors;
  }
}

/** The operation a request is for, as Hono routes it (a trailing slash is another path); none for a path that is not valid percent-encoding. */
function matchedOperation(api: OpenAPIBackend, request: { method: string; path: string; headers: Record<string, string> }): Operation | undefined {
  try {
    decodeURIComponent(request.path);
  } catch {
    return undefined;
  }
  return api.matchOperation(request);
}

/** A request body as openapi-backend validates it: parsed when it is JSON, else the text (which a JSON schema refuses). */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type ResponseObject = { content?: Record<string, { schema?: unknown }> };

/** The response an operation declares for a status: the exact code, then its class (4XX), then `default`, as OpenAPI resolves it. */
function declaredResponse(operation: Operation, status: number): ResponseObject | undefined {
  const responses = (operation.responses ?? {}) as Record<string, ResponseObject>;
  return responses[String(status)] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses.default;
}

/** openapi-backend finds operations by id; the document names none, so each is named by its method and path. */
function withOperationIds(document: Document): Document {
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations ?? {})) {
      if (typeof operation === 'object' && operation !== null && 'responses' in operation) operation.operationId ??= `${method} ${path}`;
    }
  }
  return document;
}
