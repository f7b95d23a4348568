/**
 * Container image references, parsed the way container runtimes resolve them (the grammar of
 * `distribution/reference`): `[registry[:port]/]repository[:tag][@algorithm:hex]`.
 *
 * A reference without a registry is a Docker Hub name (`nginx` → `docker.io/library/nginx`), a
 * reference without tag or digest means `:latest`. The first path component is a registry host only
 * when it contains '.' or ':', is `localhost`, or has upper-case letters (repository paths are
 * lower-case), so `myreg:5000/app` is the host `myreg:5000` and `team/app` is Docker Hub's `team/app`.
 */

export const DEFAULT_REGISTRY = 'docker.io';
const OFFICIAL_REPOSITORY_PREFIX = 'library/';
/** Legacy spellings of Docker Hub that resolve to docker.io. */
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', 'docker.io']);

export interface ImageRef {
  /** The reference as written. */
  original: string;
  /** Registry host (lower-case), with port when given: `docker.io`, `myreg:5000`, `contoso.azurecr.io`. */
  registry: string;
  /** Repository path inside the registry, with Docker Hub's `library/` added: `library/nginx`. */
  repository: string;
  tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  digest?: string;
  /** Whether the reference named its registry (false for `nginx`, `team/app`). */
  explicitRegistry: boolean;
}

export type ImageRefParse = { ok: true; ref: ImageRef } | { ok: false; reason: string };

// Components and separators from distribution/reference's grammar.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const MAX_NAME_LENGTH = 255;

function looksLikeRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost' || component !== component.toLowerCase();
}

function validRegistry(host: string): boolean {
  // IPv6 literals ([::1]:5000) are allowed by the grammar; accept them without further checks.
  if (host.startsWith('[')) return /^\[[0-9a-fA-F:.]+\](?::\d+)?$/.test(host);
  const [name, port, ...rest] = host.split(':');
  if (rest.length > 0 || name === undefined || name === '') return false;
  if (port !== undefined && !/^\d+$/.test(port)) return false;
  return name.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}

/** Parses an image reference; never throws. Templated values such as `${IMAGE}` are reported as unparsable. */
export function parseImageRef(input: string): ImageRefParse {
  const original = input;
  const s = input.trim();
  if (s === '') return { ok: false, reason: 'empty image reference' };
  if (/\s/.test(s)) return { ok: false, reason: 'image reference contains white space' };
  if (/[${}()<>]/.test(s)) return { ok: false, reason: 'image reference is a template or variable, not a concrete image' };

  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, reason: `invalid digest '${digest}'` };
    if (digest.startsWith('sha256:') && !SHA256_HEX.test(digest.slice(7))) {
      return { ok: false, reason: 'invalid sha256 digest: expected 64 lower-case hex characters' };
    }
  }

  // The tag follows the last ':' that comes after the last '/', so a registry port is never a tag.
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, reason: `invalid tag '${tag}'` };
  }

  if (rest === '') return { ok: false, reason: 'image reference has no repository' };
  let registry = DEFAULT_REGISTRY;
  let explicitRegistry = false;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash !== -1 && looksLikeRegistry(rest.slice(0, slash))) {
    const host = rest.slice(0, slash);
    if (!validRegistry(host)) return { ok: false, reason: `invalid registry host '${host}'` };
    registry = host.toLowerCase();
    path = rest.slice(slash + 1);
    explicitRegistry = true;
  }
  if (DOCKER_HUB_ALIASES.has(registry)) registry = DEFAULT_REGISTRY;
  if (path.length > MAX_NAME_LENGTH) return { ok: false, reason: 'repository name is longer than 255 characters' };
  const components = path.split('/');
  for (const c of components) {
    if (!PATH_COMPONENT.test(c)) {
      return {
        ok: false,
        reason: c !== c.toLowerCase() ? `repository '${path}' must be lower-case` : `invalid repository component '${c}'`,
      };
    }
  }
  const repository = registry === DEFAULT_REGISTRY && components.length === 1 ? OFFICIAL_REPOSITORY_PREFIX + path : path;

  const ref: ImageRef = { original, registry, repository, explicitRegistry };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

/** `registry/repository`, the fully qualified name without tag or digest: `docker.io/library/nginx`. */
export function fullName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The fully qualified reference: `docker.io/library/nginx:1.27@sha256:…`. No tag is added when there is none. */
export function canonicalReference(ref: ImageRef): string {
  return fullName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** What a runtime pulls: the digest when there is one, else the tag, else `latest`. */
export function effectiveTag(ref: ImageRef): string | undefined {
  if (ref.digest !== undefined) return undefined;
  return ref.tag ?? 'latest';
}

/** Immutable only when pinned by digest; every tag, `latest` or not, can be moved in the registry. */
export function isPinnedByDigest(ref: ImageRef): boolean {
  return ref.digest !== undefined;
}

/**
 * Normalizes a registry/repository prefix or glob the way image names are normalized, so that policy
 * entries and images compare like with like: `nginx` → `docker.io/library/nginx`, `bitnami/` →
 * `docker.io/bitnami/`, `Contoso.AzureCR.io` → `contoso.azurecr.io/`, `index.docker.io/x` → `docker.io/library/x`.
 */
export function normalizeRepositoryPattern(pattern: string): string {
  let p = pattern.trim();
  if (p === '') return p;
  const slash = p.indexOf('/');
  const first = slash === -1 ? p : p.slice(0, slash);
  // Unlike an image, an entry may be a bare host ('mcr.microsoft.com'), which allows the whole registry.
  const firstIsHost = looksLikeRegistry(first) || first.includes('*') || first.includes('?');
  let host = DEFAULT_REGISTRY;
  let path = p;
  if (firstIsHost) {
    host = first.toLowerCase();
    path = slash === -1 ? '' : p.slice(slash + 1);
  }
  if (DOCKER_HUB_ALIASES.has(host)) host = DEFAULT_REGISTRY;
  if (host === DEFAULT_REGISTRY && path !== '' && !path.includes('/') && !/[*?]/.test(path)) path = OFFICIAL_REPOSITORY_PREFIX + path;
  p = `${host}/${path}`;
  return p;
}

function globToRegExpSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/**
 * Builds a matcher for an allow-list entry over fully qualified names (`registry/repository`).
 * An entry matches whole path components only, so `contoso.azurecr.io` allows `contoso.azurecr.io/app`
 * but never `contoso.azurecr.io.evil.example/app`. `*` stays inside one component, `**` crosses them;
 * an entry ending in '/' allows everything below it.
 */
export function repositoryMatcher(entry: string): (name: string) => boolean {
  const normalized = normalizeRepositoryPattern(entry);
  if (normalized === '') return () => false;
  const prefixOnly = normalized.endsWith('/');
  const body = globToRegExpSource(prefixOnly ? normalized.slice(0, -1) : normalized);
  const re = new RegExp(`^${body}(?:/.*)?$`);
  return (name) => re.test(name);
}

/** The registries an AKS estate trusts out of the box: Microsoft's and the organisation's own ACRs. */
export const DEFAULT_ALLOWED_REGISTRIES: readonly string[] = ['mcr.microsoft.com/', '*.azurecr.io/'];

const allowListMatchers = new Map<string, (name: string) => boolean>();

/**
 * The allow-list option of the registry controls (workload images and Dockerfile base images) as one
 * predicate over fully qualified names; undefined when the option is not a list of strings, so the
 * control can say it could not evaluate. Entry matchers are compiled once per entry and reused.
 */
export function allowListFromOption(option: unknown): ((name: string) => boolean) | undefined {
  if (!Array.isArray(option) || !option.every((e) => typeof e === 'string')) return undefined;
  const matchers = option.map((entry: string) => {
    let m = allowListMatchers.get(entry);
    if (!m) allowListMatchers.set(entry, (m = repositoryMatcher(entry)));
    return m;
  });
  return (name) => matchers.some((m) => m(name));
}
