import { testControl } from '../../../test/control-tester.js';
import control from './pss-selinux-options.js';

const engineType = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: builder, namespace: ci }
spec:
  template:
    spec:
      containers:
        - name: buildkit
          image: contoso.azurecr.io/buildkit:0.15
          securityContext:
            seLinuxOptions: { type: container_engine_t }
`;

testControl(control, {
  valid: [
    {
      name: 'container types, a level and empty options',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seLinuxOptions: { type: container_t, level: "s0:c123,c456" }
  initContainers:
    - name: init
      image: contoso.azurecr.io/init:1.0
      securityContext: { seLinuxOptions: { type: container_init_t } }
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { seLinuxOptions: {} }
`,
    },
    { name: 'container_engine_t from policy v1.31', pssVersion: 31, yaml: engineType },
  ],
  invalid: [
    {
      name: 'container_engine_t before policy v1.31',
      pssVersion: 30,
      yaml: engineType,
      errors: [
        {
          messageId: 'containerType',
          pointer: '/spec/template/spec/containers/0/securityContext/seLinuxOptions/type',
          data: { container: 'buildkit', value: 'container_engine_t', allowed: 'container_t, container_init_t, container_kvm_t' },
          line: 12,
        },
      ],
    },
    {
      name: 'custom type at pod level, user and role on containers',
      yaml: `
apiVersion: batch/v1
kind: Job
metadata: { name: migrate, namespace: data }
spec:
  template:
    spec:
      securityContext:
        seLinuxOptions: { type: spc_t }
      initContainers:
        - name: init
          image: contoso.azurecr.io/init:1.0
          securityContext:
            seLinuxOptions: { role: system_r }
      containers:
        - name: migrate
          image: contoso.azurecr.io/migrate:1.0
          securityContext:
            seLinuxOptions: { user: system_u }
`,
      errors: [
        {
          messageId: 'podType',
          pointer: '/spec/template/spec/securityContext/seLinuxOptions/type',
          data: { value: 'spc_t', allowed: 'container_t, container_init_t, container_kvm_t, container_engine_t' },
        },
        {
          messageId: 'containerUserRole',
          pointer: '/spec/template/spec/initContainers/0/securityContext/seLinuxOptions/role',
          data: { container: 'init', field: 'role', value: 'system_r' },
        },
        {
          messageId: 'containerUserRole',
          pointer: '/spec/template/spec/containers/0/securityContext/seLinuxOptions/user',
          data: { container: 'migrate', field: 'user', value: 'system_u' },
        },
      ],
    },
  ],
});
