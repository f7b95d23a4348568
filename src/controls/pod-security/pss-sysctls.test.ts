import { testControl } from '../../../test/control-tester.js';
import control from './pss-sysctls.js';

const tcpBuffers = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: gateway, namespace: edge }
spec:
  template:
    spec:
      securityContext:
        sysctls:
          - { name: net.ipv4.ip_local_port_range, value: "1024 65535" }
          - { name: net.ipv4.tcp_rmem, value: "4096 87380 16777216" }
      containers:
        - name: gateway
          image: contoso.azurecr.io/gateway:2.4
`;

testControl(control, {
  valid: [
    {
      name: 'safe sysctls of the first policy version',
      pssVersion: 0,
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    sysctls:
      - { name: kernel.shm_rmid_forced, value: "1" }
      - { name: net.ipv4.ping_group_range, value: "0 2147483647" }
      - { name: net.ipv4.ip_unprivileged_port_start, value: "80" }
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
`,
    },
    { name: 'tcp_rmem from policy v1.32', pssVersion: 32, yaml: tcpBuffers },
  ],
  invalid: [
    {
      name: 'tcp_rmem before policy v1.32',
      pssVersion: 31,
      yaml: tcpBuffers,
      errors: [
        {
          messageId: 'sysctl',
          pointer: '/spec/template/spec/securityContext/sysctls/1/name',
          data: { sysctl: 'net.ipv4.tcp_rmem', version: 31 },
          line: 11,
        },
      ],
    },
    {
      name: 'node-wide kernel parameters in a StatefulSet',
      yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: search, namespace: data }
spec:
  serviceName: search
  template:
    spec:
      securityContext:
        sysctls:
          - name: vm.max_map_count
            value: "262144"
          - name: kernel.msgmax
            value: "65536"
      containers:
        - name: search
          image: contoso.azurecr.io/search:8.15
`,
      errors: [
        {
          messageId: 'sysctl',
          pointer: '/spec/template/spec/securityContext/sysctls/0/name',
          data: { sysctl: 'vm.max_map_count', version: 37 },
          line: 11,
        },
        { messageId: 'sysctl', pointer: '/spec/template/spec/securityContext/sysctls/1/name', data: { sysctl: 'kernel.msgmax', version: 37 } },
      ],
    },
  ],
});
