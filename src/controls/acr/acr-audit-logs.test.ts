import { describe, expect, it } from 'vitest';
import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { runControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import control from './acr-audit-logs.js';

// Diagnostic settings are a side input Palisade does not read yet: the control can only say so.
describe('REG-123 acr-audit-logs', () => {
  const cases = {
    ARM: acrArm({}, { sku: 'Basic' }),
    az: acrAz({}, { sku: 'Basic' }),
  };
  for (const [shape, text] of Object.entries(cases)) {
    it(`${shape} shape: not evaluated with the exact command, never a pass or a finding`, () => {
      const sink = runControl(asAny(control), text, { file: 'acr.json' });
      expect(sink.findings).toEqual([]);
      expect(sink.notEvaluated.map((n) => n.reason)).toEqual([
        "needs the registry's diagnostic settings (ContainerRegistryLoginEvents, ContainerRegistryRepositoryEvents): " +
          'az monitor diagnostic-settings list --resource <registry id> -o json',
      ]);
    });
  }
});
