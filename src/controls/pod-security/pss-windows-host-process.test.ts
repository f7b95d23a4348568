import { testControl } from '../../../test/control-tester.js';
import control from './pss-windows-host-process.js';

testControl(control, {
  valid: [
    {
      name: 'Windows pod without HostProcess',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: iis, namespace: legacy }
spec:
  template:
    spec:
      os: { name: windows }
      securityContext:
        windowsOptions:
          runAsUserName: ContainerUser
          hostProcess: false
      containers:
        - name: iis
          image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'HostProcess at pod level and on a container',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: csi-proxy }
spec:
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  containers:
    - name: csi-proxy
      image: contoso.azurecr.io/csi-proxy:1.1
      securityContext:
        windowsOptions: { hostProcess: true }
`,
      errors: [
        { messageId: 'podHostProcess', pointer: '/spec/securityContext/windowsOptions/hostProcess', line: 9 },
        {
          messageId: 'containerHostProcess',
          pointer: '/spec/containers/0/securityContext/windowsOptions/hostProcess',
          data: { container: 'csi-proxy' },
        },
      ],
    },
    {
      name: 'HostProcess init container in a Job',
      yaml: `
apiVersion: batch/v1
kind: Job
metadata: { name: node-setup, namespace: ops }
spec:
  template:
    spec:
      hostNetwork: true
      initContainers:
        - name: setup
          image: contoso.azurecr.io/setup:1.0
          securityContext:
            windowsOptions: { hostProcess: true }
      containers:
        - name: done
          image: contoso.azurecr.io/done:1.0
`,
      errors: [
        {
          messageId: 'containerHostProcess',
          pointer: '/spec/template/spec/initContainers/0/securityContext/windowsOptions/hostProcess',
          data: { container: 'setup' },
        },
      ],
    },
  ],
});
