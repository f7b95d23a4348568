import { describe, expect, it } from 'vitest';
import { runControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import control from './acr-cache-rules-controlled.js';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';

// Cache rules are a side input Palisade does not read yet: the control can only say so.
describe('REG-120 acr-cache-rules-controlled', () => {
  const cases = {
    ARM: JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Standard' }, properties: {} }),
    az: JSON.stringify({ id: ID, name: 'contoso', type: 'Microsoft.ContainerRegistry/registries', sku: { name: 'Standard' }, resourceGroup: 'rg' }),
  };
  for (const [shape, text] of Object.entries(cases)) {
    it(`${shape} shape: not evaluated with the exact command, never a pass or a finding`, () => {
      const sink = runControl(asAny(control), text, { file: 'acr.json' });
      expect(sink.findings).toEqual([]);
      expect(sink.notEvaluated.map((n) => n.reason)).toEqual(["needs the registry's cache rules: az acr cache list -r contoso -o json"]);
    });
  }
});
