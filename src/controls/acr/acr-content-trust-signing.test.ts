import { describe, expect, it } from 'vitest';
import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { runControl, testControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import control from './acr-content-trust-signing.js';

testControl(control, {
  valid: [
    {
      name: 'ARM: DCT disabled; signatures cannot be seen, so not evaluated',
      file: 'acr.json',
      notEvaluated: true,
      yaml: acrArm({ policies: { trustPolicy: { type: 'Notary', status: 'disabled' } } }),
    },
    { name: 'az shape: trust policy absent (disabled); not evaluated', file: 'acr.json', notEvaluated: true, yaml: acrAz({ policies: null }) },
  ],
  invalid: [
    {
      name: 'ARM: DCT enabled is an info note (deprecated)',
      file: 'acr.json',
      yaml: acrArm({ policies: { trustPolicy: { type: 'Notary', status: 'enabled' } } }),
      errors: [{ messageId: 'dctEnabled', pointer: '/properties/policies/trustPolicy/status', severity: 'info' }],
    },
    {
      name: 'az shape: DCT Enabled, other case',
      file: 'acr.json',
      yaml: acrAz({ policies: { trustPolicy: { type: 'Notary', status: 'Enabled' } } }),
      errors: [{ messageId: 'dctEnabled', pointer: '/policies/trustPolicy/status', severity: 'info' }],
    },
  ],
});

describe('REG-114 says what it needs', () => {
  it('names the command that lists signatures, even when DCT is reported', () => {
    const sink = runControl(asAny(control), acrArm({ policies: { trustPolicy: { status: 'enabled' } } }), { file: 'acr.json' });
    expect(sink.findings).toHaveLength(1);
    expect(sink.notEvaluated.map((n) => n.reason)).toEqual([
      "needs the images' Notary Project signatures, which registry JSON does not show: az acr manifest list-referrers -r <registry> " +
        '-n <repository>:<tag> -o json (or notation verify); enforce them at deployment with AKS Image Integrity (AKS-018)',
    ]);
  });
});
