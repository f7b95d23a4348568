import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-image-fresh.js';

const at = (date: string) => new Date(`${date}T00:00:00Z`);

testControl(control, {
  valid: [
    {
      name: 'ARM: Azure Linux image of 2025-08-06, ten days before the evaluation date',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', nodeImageVersion: 'AKSAzureLinux-V3gen2-202508.06.0' }] }, { tags: { when: 'august' } }),
      now: at('2025-08-16'),
    },
    {
      name: 'az: Windows image date .YYMMDD, and an Ubuntu image exactly 30 days old',
      file: 'aks.json',
      yaml: aksAz({
        agentPoolProfiles: [
          { name: 'win', osType: 'Windows', nodeImageVersion: 'AKSWindows-2022-containerd-20348.3932.261104' },
          { name: 'linux', nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202610.30.1' },
        ],
      }),
    },
    { name: 'no nodeImageVersion (a template): not evaluated, never a pass', file: 'aks.json', yaml: aksArm({ agentPoolProfiles: [{ name: 'system', mode: 'System' }] }), notEvaluated: true },
    { name: 'an image version without a build date: not evaluated', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'custom', nodeImageVersion: 'custom-image-v7' }] }), notEvaluated: true },
    { name: 'a date that does not exist (2025-13-40) is no date', file: 'aks.json', yaml: aksAz({ agentPoolProfiles: [{ name: 'odd', nodeImageVersion: 'AKSUbuntu-2204-202513.40.0' }] }), notEvaluated: true },
  ],
  invalid: [
    {
      name: 'ARM: the AKS Automatic recording image is 480 days old on 2026-11-29',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', nodeImageVersion: 'AKSAzureLinux-V3gen2-202508.06.0' }] }),
      errors: [
        {
          messageId: 'stale',
          pointer: '/properties/agentPoolProfiles/0/nodeImageVersion',
          severity: 'medium',
          data: { nodePool: 'nodepool1', imageVersion: 'AKSAzureLinux-V3gen2-202508.06.0', imageDate: '2025-08-06', ageDays: 480 },
        },
      ],
    },
    {
      name: 'old dotted format (YYYY.MM.DD): 45 days is a warning',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', nodeImageVersion: 'AKSUbuntu-1804gen2containerd-2022.04.27' }] }),
      now: at('2022-06-11'),
      errors: [{ messageId: 'aging', pointer: '/properties/agentPoolProfiles/0/nodeImageVersion', data: { nodePool: 'nodepool1', imageVersion: 'AKSUbuntu-1804gen2containerd-2022.04.27', imageDate: '2022-04-27', ageDays: 45 } }],
    },
    {
      name: 'az: colon-separated legacy format, and options warnDays/failDays',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'nodepool1', nodeImageVersion: 'AKSUbuntu:1604:2020.03.11' }] }),
      now: at('2020-03-25'),
      options: { warnDays: 7, failDays: 10 },
      errors: [{ messageId: 'stale', pointer: '/agentPoolProfiles/0/nodeImageVersion', data: { nodePool: 'nodepool1', imageVersion: 'AKSUbuntu:1604:2020.03.11', imageDate: '2020-03-11', ageDays: 14 } }],
    },
    {
      name: 'one pool fresh, one stale; a pool without an image version is reported as not evaluated',
      file: 'aks.json',
      yaml: aksArm({
        agentPoolProfiles: [
          { name: 'fresh', nodeImageVersion: 'AKSAzureLinux-V3gen2-202611.20.0' },
          { name: 'windows', osType: 'Windows', nodeImageVersion: 'AKSWindows-2022-containerd-20348.2227.240104' },
          { name: 'template', vmSize: 'Standard_D4s_v5' },
        ],
      }),
      errors: [{ messageId: 'stale', pointer: '/properties/agentPoolProfiles/1/nodeImageVersion', data: { nodePool: 'windows', imageVersion: 'AKSWindows-2022-containerd-20348.2227.240104', imageDate: '2024-01-04', ageDays: 1060 } }],
    },
    {
      name: 'stale image next to an unknown one',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'old', nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202401.09.0' }, { name: 'custom', nodeImageVersion: 'custom' }] }),
      errors: [{ messageId: 'stale', pointer: '/agentPoolProfiles/0/nodeImageVersion' }],
    },
  ],
});
