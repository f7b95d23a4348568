import { describe, expect, it } from 'vitest';
import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { runControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import control from './acr-cache-rules-controlled.js';

// Cache rules are a side input Palisade does not read yet: the control can only say so.
describe('REG-120 acr-cache-rules-controlled', () => {
  const cases = {
    ARM: acrArm({}, { sku: 'Standard' }),
    az: acrAz({}, { sku: 'Standard' }),
  };
  for (const [shape, text] of Object.entries(cases)) {
    it(`${shape} shape: not evaluated with the exact command, never a pass or a finding`, () => {
      const sink = runControl(asAny(control), text, { file: 'acr.json' });
      expect(sink.findings).toEqual([]);
      expect(sink.notEvaluated.map((n) => n.reason)).toEqual(["needs the registry's cache rules: az acr cache list -r <registry> -o json"]);
    });
  }
});
