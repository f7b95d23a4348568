/**
 * A local stand-in for Azure Resource Manager and the Microsoft Entra token endpoint, for the live Azure
 * tests: a real HTTPS server on 127.0.0.1 (certificates from src/admission/certs.ts) that serves recorded
 * ARM bodies at the real routes, checks the api-version each provider is called with and the bearer
 * token on every ARM request, and answers the OpenID discovery and client-credentials token requests that
 * MSAL (EnvironmentCredential inside DefaultAzureCredential) makes.
 */
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';

export interface SeenRequest {
  method: string;
  /** The Host header: 127.0.0.1:<port>, or the Entra host name a guard redirected. */
  host: string;
  /** Path as sent (case kept). */
  path: string;
  query: Record<string, string>;
  authorization?: string;
  /** Form fields of a token request. */
  form?: Record<string, string>;
  status: number;
}

export interface Reply {
  status: number;
  body: unknown;
}

/** Answers one ARM GET: `base` is the server's URL (for nextLinks); undefined means no such route. */
export type ArmHandler = (path: string, query: Record<string, string>, base: string) => Reply | undefined;

/** The api-version each provider's SDK client sends (a request with any other gets ARM's 400). */
export const API_VERSIONS: Record<string, string> = {
  'microsoft.containerservice': '2025-10-01',
  'microsoft.containerregistry': '2025-11-01',
  'microsoft.authorization': '2022-04-01',
};

export const armError = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

export class FakeAzure {
  readonly seen: SeenRequest[] = [];
  /** Access tokens this server issued, plus any the test injects. */
  readonly tokens = new Set<string>();
  private server?: https.Server;
  base = '';
  /** Certificates presented by host name (SNI), for the Entra host the child processes' guard sends here. */
  private readonly named = new Map<string, SecureContext>();

  constructor(
    private readonly tls: { cert: string; key: string },
    private readonly arm: ArmHandler,
    /** The client the token endpoint accepts. */
    readonly client: { tenantId: string; clientId: string; clientSecret: string } = {
      tenantId: '72f988bf-0000-4000-8000-000000000047',
      clientId: 'palisade-test-client',
      clientSecret: 'not-a-real-secret',
    },
  ) {}

  /** Answers for `host` too (with its own certificate), as the login host when a guard redirects it here. */
  serveHost(host: string, tls: { cert: string; key: string }): this {
    this.named.set(host.toLowerCase(), createSecureContext({ cert: tls.cert, key: tls.key }));
    return this;
  }

  async start(): Promise<this> {
    const SNICallback = (name: string, cb: (err: Error | null, ctx?: SecureContext) => void) => cb(null, this.named.get(name.toLowerCase()));
    const server = https.createServer({ cert: this.tls.cert, key: this.tls.key, SNICallback }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', this.base);
        const query = Object.fromEntries(url.searchParams);
        const seen: SeenRequest = { method: req.method ?? 'GET', host: String(req.headers.host ?? ''), path: url.pathname, query, status: 0 };
        if (typeof req.headers.authorization === 'string') seen.authorization = req.headers.authorization;
        const text = Buffer.concat(chunks).toString('utf8');
        if (req.method === 'POST' && /x-www-form-urlencoded/.test(String(req.headers['content-type']))) seen.form = Object.fromEntries(new URLSearchParams(text));
        const reply = this.answer(seen);
        seen.status = reply.status;
        this.seen.push(seen);
        const body = JSON.stringify(reply.body);
        const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-ms-request-id': randomUUID() };
        if (reply.status === 401) headers['www-authenticate'] = `Bearer authorization_uri="${this.base}/${this.client.tenantId}", error="invalid_token"`;
        res.writeHead(reply.status, headers);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** ARM requests (everything but the identity endpoints). */
  armRequests(): SeenRequest[] {
    return this.seen.filter((r) => r.path.toLowerCase().startsWith('/subscriptions/'));
  }

  /** Identity requests (token endpoint, discovery), as Entra ID answers them. */
  identityRequests(): SeenRequest[] {
    return this.seen.filter((r) => !r.path.toLowerCase().startsWith('/subscriptions/'));
  }

  private answer(r: SeenRequest): Reply {
    const tenant = this.client.tenantId;
    const lower = r.path.toLowerCase();
    // Discovery documents name the host they were asked on (127.0.0.1:<port> or login.microsoftonline.com).
    const here = `https://${r.host}`;
    if (r.method === 'GET' && lower === '/common/discovery/instance') {
      // Instance discovery, which MSAL asks login.microsoftonline.com for an authority host it does not know.
      const asked = new URL(r.query.authorization_endpoint ?? 'https://invalid/').host;
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `https://${asked}/${tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: asked, preferred_cache: asked, aliases: [asked] }],
        },
      };
    }
    if (r.method === 'GET' && lower === `/${tenant}/v2.0/.well-known/openid-configuration`) {
      return {
        status: 200,
        body: {
          token_endpoint: `${here}/${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${here}/${tenant}/oauth2/v2.0/authorize`,
          device_authorization_endpoint: `${here}/${tenant}/oauth2/v2.0/devicecode`,
          end_session_endpoint: `${here}/${tenant}/oauth2/v2.0/logout`,
          jwks_uri: `${here}/${tenant}/discovery/v2.0/keys`,
          issuer: `${here}/${tenant}/v2.0`,
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          tenant_region_scope: 'WW',
        },
      };
    }
    if (r.method === 'POST' && lower === `/${tenant}/oauth2/v2.0/token`) {
      const f = r.form ?? {};
      if (f.grant_type !== 'client_credentials' || f.client_id !== this.client.clientId || f.client_secret !== this.client.clientSecret) {
        return { status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] } };
      }
      const token = `fake-arm-token-${randomUUID()}`;
      this.tokens.add(token);
      return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
    }
    if (r.method !== 'GET' || !lower.startsWith('/subscriptions/')) return armError(404, 'NotFound', `no route ${r.method} ${r.path}`);

    const bearer = /^Bearer (.+)$/.exec(r.authorization ?? '')?.[1];
    if (!bearer || !this.tokens.has(bearer)) {
      return armError(401, bearer ? 'InvalidAuthenticationToken' : 'AuthenticationFailed', bearer ? 'The access token is invalid.' : "Authentication failed. The 'Authorization' header is missing.");
    }
    // The provider is the last one named in the path (role assignments sit under a registry's id).
    const namespace = [...lower.matchAll(/\/providers\/(microsoft\.[a-z]+)/g)].map((m) => m[1]).pop();
    const expected = namespace ? API_VERSIONS[namespace] : undefined;
    if (!expected) return armError(404, 'InvalidResourceType', `no provider route for ${r.path}`);
    if (r.query['api-version'] !== expected) {
      return armError(400, 'InvalidApiVersionParameter', `The api-version '${r.query['api-version'] ?? ''}' is invalid. This test server serves ${namespace} at '${expected}'.`);
    }
    return this.arm(r.path, r.query, this.base) ?? armError(404, 'ResourceNotFound', `no recorded response for ${r.path}`);
  }
}
