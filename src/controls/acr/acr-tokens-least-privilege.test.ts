import { ACR_ID, acrArmBody } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './acr-tokens-least-privilege.js';

const registry = acrArmBody({ adminUserEnabled: false });
const scopeMap = (name: string) => `${ACR_ID}/scopeMaps/${name}`;

/** One item of `az acr token list` in ARM shape (as the REST example TokenGet.json). */
const armToken = (name: string, props: Record<string, unknown>) => ({
  id: `${ACR_ID}/tokens/${name}`,
  name,
  type: 'Microsoft.ContainerRegistry/registries/tokens',
  properties: { creationDate: '2026-01-01T00:00:00Z', provisioningState: 'Succeeded', ...props },
});
/** The same in az shape: flattened, resourceGroup added. */
const azToken = (name: string, props: Record<string, unknown>) => ({
  id: `${ACR_ID}/tokens/${name}`,
  name,
  type: 'Microsoft.ContainerRegistry/registries/tokens',
  resourceGroup: 'rg',
  creationDate: '2026-01-01T00:00:00Z',
  ...props,
});
const list = (...items: unknown[]) => JSON.stringify(items);
const expiring = { passwords: [{ name: 'password1', creationTime: '2026-01-01T00:00:00Z', expiry: '2026-12-31T00:00:00Z' }], certificates: [] };

testControl(control, {
  valid: [
    {
      name: 'registry and its token list: a read-only token with an expiring password, a disabled push token',
      file: 'acr.json',
      yaml: list(
        registry,
        armToken('ci-pull', { scopeMapId: scopeMap('_repositories_pull'), status: 'enabled', credentials: expiring }),
        armToken('old-push', { scopeMapId: scopeMap('_repositories_push'), status: 'disabled', credentials: { passwords: [{ name: 'password1' }] } }),
      ),
    },
    {
      name: 'the REST example token alone (custom scope map, no passwords)',
      file: 'token.json',
      yaml: JSON.stringify(armToken('myToken', { scopeMapId: scopeMap('myScopeMap'), status: 'enabled' })),
    },
    {
      name: 'az shape: custom scope map, status Disabled in another case',
      file: 'tokens.json',
      yaml: list(azToken('build', { scopeMapId: scopeMap('_repositories_admin'), status: 'Disabled', credentials: { passwords: [{ name: 'password2' }] } })),
    },
    {
      name: 'strict: every token disabled',
      file: 'tokens.json',
      options: { requireDisabled: true },
      yaml: list(registry, armToken('a', { scopeMapId: scopeMap('_repositories_pull'), status: 'disabled' })),
    },
    {
      name: 'a registry without its token list is not evaluated, never passed',
      file: 'acr.json',
      notEvaluated: true,
      yaml: JSON.stringify(registry),
    },
  ],
  invalid: [
    {
      name: 'ARM tokens: push scope map, admin scope map without status (absent = enabled), a password without expiry',
      file: 'acr.json',
      yaml: list(
        registry,
        armToken('deploy', { scopeMapId: scopeMap('_repositories_push'), status: 'enabled', credentials: expiring }),
        armToken('admin', {
          scopeMapId: scopeMap('_repositories_admin'),
          credentials: { passwords: [{ name: 'password1', expiry: '2027-01-01T00:00:00Z' }, { name: 'password2', creationTime: '2026-01-01T00:00:00Z' }] },
        }),
      ),
      errors: [
        { messageId: 'broadScope', pointer: '/1/properties/scopeMapId', data: { token: 'deploy', scopeMap: '_repositories_push' }, severity: 'medium' },
        { messageId: 'broadScope', pointer: '/2/properties/scopeMapId', data: { token: 'admin', scopeMap: '_repositories_admin' } },
        { messageId: 'passwordNoExpiry', pointer: '/2/properties/credentials/passwords/1', data: { token: 'admin', password: 'password2' } },
      ],
    },
    {
      name: 'az shape: push-with-metadata scope map, expiry null (absent)',
      file: 'tokens.json',
      yaml: list(
        azToken('ci', {
          scopeMapId: scopeMap('_repositories_push_metadata_write'),
          status: 'enabled',
          credentials: { passwords: [{ name: 'password1', expiry: null }] },
        }),
      ),
      errors: [
        { messageId: 'broadScope', pointer: '/0/scopeMapId', data: { token: 'ci', scopeMap: '_repositories_push_metadata_write' } },
        { messageId: 'passwordNoExpiry', pointer: '/0/credentials/passwords/0', data: { token: 'ci', password: 'password1' } },
      ],
    },
    {
      name: 'strict profile: every enabled token fails, whatever its scope',
      file: 'tokens.json',
      options: { requireDisabled: true },
      yaml: list(
        armToken('reader', { scopeMapId: scopeMap('_repositories_pull'), status: 'enabled', credentials: expiring }),
        armToken('off', { scopeMapId: scopeMap('_repositories_push'), status: 'disabled' }),
        azToken('nostatus', { scopeMapId: scopeMap('custom') }),
      ),
      errors: [
        { messageId: 'tokenEnabled', pointer: '/0/properties/status', data: { token: 'reader' } },
        { messageId: 'tokenEnabled', pointer: '/2', data: { token: 'nostatus' } },
      ],
    },
  ],
});
