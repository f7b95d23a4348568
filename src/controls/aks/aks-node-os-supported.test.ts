import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-node-os-supported.js';

const at = (date: string) => new Date(`${date}T00:00:00Z`);

testControl(control, {
  valid: [
    {
      name: 'ARM: Azure Linux 3 image (the AKS Automatic recording) and Azure Container Linux',
      file: 'aks.json',
      yaml: aksArm({
        agentPoolProfiles: [
          { name: 'nodepool1', osType: 'Linux', osSKU: 'AzureLinux', nodeImageVersion: 'AKSAzureLinux-V3gen2-202508.06.0', currentOrchestratorVersion: '1.32.6' },
          { name: 'acl', osSKU: 'AzureContainerLinux' },
        ],
      }),
    },
    {
      name: 'az: osSku AzureLinux on Kubernetes 1.33 (Azure Linux 3), Windows 2022 and 2025',
      file: 'aks.json',
      yaml: aksAz({
        kubernetesVersion: '1.33.2',
        agentPoolProfiles: [
          { name: 'linux', osSku: 'azurelinux' },
          { name: 'win22', osType: 'Windows', osSku: 'Windows2022' },
          { name: 'win25', osType: 'Windows', osSku: 'Windows2025' },
        ],
      }),
    },
    {
      name: 'Windows without osSKU on 1.30 defaults to Windows Server 2022',
      file: 'aks.json',
      yaml: aksArm({ kubernetesVersion: '1.30.4', agentPoolProfiles: [{ name: 'win', osType: 'Windows' }] }),
    },
    {
      name: 'Azure Linux 2.0 before its end of support (2025-11-30)',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'mariner', osSKU: 'CBLMariner' }] }),
      now: at('2025-06-01'),
    },
  ],
  invalid: [
    {
      name: 'ARM: Ubuntu 18.04 image (the 2022 recordings), out of support since 2025-06-17',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', osSKU: 'Ubuntu', nodeImageVersion: 'AKSUbuntu-1804gen2containerd-2022.04.27' }] }),
      errors: [{ messageId: 'retired', pointer: '/properties/agentPoolProfiles/0/osSKU', severity: 'medium', data: { nodePool: 'nodepool1', os: 'Ubuntu 18.04', endOfSupport: '2025-06-17' } }],
    },
    {
      name: 'osSKU absent and a 16.04 image (the REST examples): long retired, reported at the image',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'nodepool1', osType: 'Linux', nodeImageVersion: 'AKSUbuntu:1604:2020.03.11' }] }),
      errors: [{ messageId: 'longRetired', pointer: '/properties/agentPoolProfiles/0/nodeImageVersion', data: { nodePool: 'nodepool1', os: 'Ubuntu 16.04', endOfSupport: 'not announced' } }],
    },
    {
      name: 'az: Azure Linux 2.0 after 2025-11-30, by osSku CBLMariner and by a V2 image',
      file: 'aks.json',
      yaml: aksAz({
        agentPoolProfiles: [
          { name: 'mariner', osSku: 'CBLMariner' },
          { name: 'al2', osSku: 'AzureLinux', nodeImageVersion: 'AKSAzureLinux-V2gen2-202510.03.0' },
        ],
      }),
      errors: [
        { messageId: 'retired', pointer: '/agentPoolProfiles/0/osSku', data: { nodePool: 'mariner', os: 'Azure Linux 2.0 (CBL-Mariner)', endOfSupport: '2025-11-30' } },
        { messageId: 'retired', pointer: '/agentPoolProfiles/1/osSku', data: { nodePool: 'al2', os: 'Azure Linux 2.0 (CBL-Mariner)', endOfSupport: '2025-11-30' } },
      ],
    },
    {
      name: 'osSKU AzureLinux on Kubernetes 1.31 without an image means Azure Linux 2.0',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'al', osSKU: 'AzureLinux', orchestratorVersion: '1.31.5' }] }),
      errors: [{ messageId: 'retired', pointer: '/properties/agentPoolProfiles/0/osSKU', data: { nodePool: 'al', os: 'Azure Linux 2.0 (CBL-Mariner)', endOfSupport: '2025-11-30' } }],
    },
    {
      name: 'Windows Server 2019 (retired 2026-03-01) and Windows Annual Channel (2026-05-15)',
      file: 'aks.json',
      yaml: aksArm({
        agentPoolProfiles: [
          { name: 'win19', osType: 'Windows', osSKU: 'Windows2019' },
          { name: 'annual', osType: 'Windows', osSKU: 'WindowsAnnual' },
        ],
      }),
      errors: [
        { messageId: 'retired', pointer: '/properties/agentPoolProfiles/0/osSKU', data: { nodePool: 'win19', os: 'Windows Server 2019', endOfSupport: '2026-03-01' } },
        { messageId: 'retired', pointer: '/properties/agentPoolProfiles/1/osSKU', data: { nodePool: 'annual', os: 'Windows Annual Channel', endOfSupport: '2026-05-15' } },
      ],
    },
    {
      name: 'Windows without osSKU on 1.24 defaults to Windows Server 2019',
      file: 'aks.json',
      yaml: aksAz({ kubernetesVersion: '1.24.9', agentPoolProfiles: [{ name: 'win', osType: 'Windows' }] }),
      errors: [{ messageId: 'retired', pointer: '/agentPoolProfiles/0', data: { nodePool: 'win', os: 'Windows Server 2019', endOfSupport: '2026-03-01' } }],
    },
    {
      name: 'supported Ubuntu is info; osSKU absent means Ubuntu',
      file: 'aks.json',
      yaml: aksArm({
        agentPoolProfiles: [
          { name: 'jammy', osSKU: 'Ubuntu2204' },
          { name: 'default', nodeImageVersion: 'AKSUbuntu-2404gen2containerd-202611.20.0' },
          { name: 'plain', osSKU: 'Ubuntu' },
        ],
      }),
      errors: [
        { messageId: 'generalPurpose', pointer: '/properties/agentPoolProfiles/0/osSKU', severity: 'info', data: { nodePool: 'jammy', os: 'Ubuntu 22.04', endOfSupport: '2027-06-30' } },
        { messageId: 'generalPurpose', pointer: '/properties/agentPoolProfiles/1/nodeImageVersion', severity: 'info', data: { nodePool: 'default', os: 'Ubuntu 24.04', endOfSupport: 'not announced' } },
        { messageId: 'generalPurpose', pointer: '/properties/agentPoolProfiles/2/osSKU', severity: 'info', data: { nodePool: 'plain', os: 'Ubuntu', endOfSupport: 'not announced' } },
      ],
    },
    {
      name: 'Ubuntu 20.04 after 2027-03-17',
      file: 'aks.json',
      yaml: aksAz({ agentPoolProfiles: [{ name: 'fips', osSku: 'Ubuntu', enableFips: true, nodeImageVersion: 'AKSUbuntu-2004fipscontainerd-202703.10.0' }] }),
      now: at('2027-04-01'),
      errors: [{ messageId: 'retired', pointer: '/agentPoolProfiles/0/osSku', data: { nodePool: 'fips', os: 'Ubuntu 20.04', endOfSupport: '2027-03-17' } }],
    },
    {
      name: 'flatcar is a preview OS: info',
      file: 'aks.json',
      yaml: aksArm({ agentPoolProfiles: [{ name: 'flat', osSKU: 'flatcar' }] }),
      errors: [{ messageId: 'preview', pointer: '/properties/agentPoolProfiles/0/osSKU', severity: 'info', data: { nodePool: 'flat', os: 'Flatcar Container Linux', endOfSupport: 'not announced' } }],
    },
  ],
});
