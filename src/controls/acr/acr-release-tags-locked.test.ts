import { describe, expect, it } from 'vitest';
import { acrArm, acrAz } from '../../../test/azure-bodies.js';
import { runControl } from '../../../test/control-tester.js';
import { asAny } from '../define.js';
import control from './acr-release-tags-locked.js';

// Tag attributes are data-plane side inputs Palisade does not read yet: the control can only say so.
describe('REG-121 acr-release-tags-locked', () => {
  const cases = {
    ARM: acrArm({}),
    az: acrAz({}),
  };
  for (const [shape, text] of Object.entries(cases)) {
    it(`${shape} shape: not evaluated with the exact commands, never a pass or a finding`, () => {
      const sink = runControl(asAny(control), text, { file: 'acr.json' });
      expect(sink.findings).toEqual([]);
      expect(sink.notEvaluated.map((n) => n.reason)).toEqual([
        "needs the release tags' attributes: az acr repository show -n <registry> --image <repository>:<tag> -o json " +
          '(or az acr manifest show-metadata -r <registry> -n <repository>:<tag> -o json) for changeableAttributes.writeEnabled',
      ]);
    });
  }
});
