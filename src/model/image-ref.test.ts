import { describe, expect, it } from 'vitest';
import {
  canonicalReference,
  effectiveTag,
  fullName,
  isPinnedByDigest,
  normalizeRepositoryPattern,
  parseImageRef,
  repositoryMatcher,
  type ImageRef,
} from './image-ref.js';

const SHA = 'sha256:' + 'a'.repeat(64);

function parse(s: string): ImageRef {
  const r = parseImageRef(s);
  if (!r.ok) throw new Error(`expected '${s}' to parse: ${r.reason}`);
  return r.ref;
}

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined, false],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined, false],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', undefined, false],
    ['docker.io/nginx', 'docker.io', 'library/nginx', undefined, undefined, true],
    ['index.docker.io/library/nginx:latest', 'docker.io', 'library/nginx', 'latest', undefined, true],
    ['myreg:5000/app', 'myreg:5000', 'app', undefined, undefined, true],
    ['myreg:5000/team/app:2.0', 'myreg:5000', 'team/app', '2.0', undefined, true],
    ['localhost/app:dev', 'localhost', 'app', 'dev', undefined, true],
    ['Contoso.azurecr.io/web:1.0', 'contoso.azurecr.io', 'web', '1.0', undefined, true],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', 'mcr.microsoft.com', 'dotnet/aspnet', '8.0', undefined, true],
    [`contoso.azurecr.io/web@${SHA}`, 'contoso.azurecr.io', 'web', undefined, SHA, true],
    [`nginx:1.27@${SHA}`, 'docker.io', 'library/nginx', '1.27', SHA, false],
    ['[::1]:5000/app:1', '[::1]:5000', 'app', '1', undefined, true],
  ])('%s', (input, registry, repository, tag, digest, explicit) => {
    const ref = parse(input);
    expect(ref.registry).toBe(registry);
    expect(ref.repository).toBe(repository);
    expect(ref.tag).toBe(tag);
    expect(ref.digest).toBe(digest);
    expect(ref.explicitRegistry).toBe(explicit);
    expect(ref.original).toBe(input);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['${IMAGE}', 'template'],
    ['{{ .Values.image }}', 'white space'],
    ['$(REGISTRY)/app:1', 'template'],
    ['Nginx', 'lower-case'],
    ['nginx:', 'invalid tag'],
    ['nginx:-bad', 'invalid tag'],
    ['nginx@sha256:abc', 'invalid digest'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'sha256'],
    ['my_reg.io:port/app', 'invalid registry'],
    ['app//x', 'invalid repository component'],
    [':1.0', 'no repository'],
  ])('rejects %j', (input, reason) => {
    const r = parseImageRef(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('formats names and references', () => {
    expect(fullName(parse('nginx'))).toBe('docker.io/library/nginx');
    expect(canonicalReference(parse('nginx'))).toBe('docker.io/library/nginx');
    expect(canonicalReference(parse(`myreg:5000/app:1@${SHA}`))).toBe(`myreg:5000/app:1@${SHA}`);
  });

  it('knows what the runtime pulls', () => {
    expect(effectiveTag(parse('nginx'))).toBe('latest');
    expect(effectiveTag(parse('nginx:1.2'))).toBe('1.2');
    expect(effectiveTag(parse(`nginx:latest@${SHA}`))).toBeUndefined();
    expect(isPinnedByDigest(parse(`nginx@${SHA}`))).toBe(true);
    expect(isPinnedByDigest(parse('nginx:1.2'))).toBe(false);
  });
});

describe('repository patterns', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx'],
    ['bitnami/', 'docker.io/bitnami/'],
    ['docker.io/', 'docker.io/'],
    ['index.docker.io/nginx', 'docker.io/library/nginx'],
    ['Contoso.AzureCR.io/', 'contoso.azurecr.io/'],
    ['*.azurecr.io/', '*.azurecr.io/'],
    ['myreg:5000/team/', 'myreg:5000/team/'],
    ['mcr.microsoft.com', 'mcr.microsoft.com/'],
    ['localhost:5000', 'localhost:5000/'],
  ])('normalizes %s', (entry, normalized) => {
    expect(normalizeRepositoryPattern(entry)).toBe(normalized);
  });

  const allows = (entry: string, image: string) => repositoryMatcher(entry)(fullName(parse(image)));

  it('matches whole components only', () => {
    expect(allows('mcr.microsoft.com/', 'mcr.microsoft.com/dotnet/aspnet:8.0')).toBe(true);
    expect(allows('mcr.microsoft.com', 'mcr.microsoft.com/dotnet/aspnet:8.0')).toBe(true);
    expect(allows('mcr.microsoft.com', 'mcr.microsoft.com.evil.example/x:1')).toBe(false);
    expect(allows('mcr.microsoft.com/', 'mcr.microsoft.com.evil.example/x:1')).toBe(false);
    expect(allows('contoso.azurecr.io/team-a/', 'contoso.azurecr.io/team-ab/app:1')).toBe(false);
    expect(allows('contoso.azurecr.io/team-a/', 'contoso.azurecr.io/team-a/app:1')).toBe(true);
  });

  it('supports globs that stay within a component unless doubled', () => {
    expect(allows('*.azurecr.io/', 'contoso.azurecr.io/web:1')).toBe(true);
    expect(allows('*.azurecr.io/', 'contoso.azurecr.io.evil.example/web:1')).toBe(false);
    expect(allows('*.azurecr.io/', 'evil.example/contoso.azurecr.io/web:1')).toBe(false);
    expect(allows('contoso.azurecr.io/*/base', 'contoso.azurecr.io/team/base:1')).toBe(true);
    expect(allows('contoso.azurecr.io/*/base', 'contoso.azurecr.io/a/b/base:1')).toBe(false);
    expect(allows('contoso.azurecr.io/**/base', 'contoso.azurecr.io/a/b/base:1')).toBe(true);
  });

  it('normalizes Docker Hub names on both sides', () => {
    expect(allows('nginx', 'nginx:1.27')).toBe(true);
    expect(allows('docker.io/library/nginx', 'nginx')).toBe(true);
    expect(allows('nginx', 'nginx-unprivileged:1')).toBe(false);
    expect(allows('docker.io/', 'bitnami/redis')).toBe(true);
    expect(allows('', 'nginx')).toBe(false);
  });
});
