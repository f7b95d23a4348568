import { testControl } from '../../../test/control-tester.js';
import control from './pss-proc-mount-restricted.js';

const unmaskedInUserNamespace = `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: builder, namespace: ci }
spec:
  serviceName: builder
  template:
    spec:
      hostUsers: false
      initContainers:
        - name: prepare
          image: contoso.azurecr.io/prepare:1.0
          securityContext: { procMount: Default }
      containers:
        - name: buildah
          image: contoso.azurecr.io/buildah:1.37
          securityContext:
            procMount: Unmasked
`;

testControl(control, {
  valid: [
    {
      name: 'Default procMount in a user namespace',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  hostUsers: false
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { procMount: Default }
`,
    },
    { name: 'not part of the restricted level before policy v1.35', pssVersion: 34, yaml: unmaskedInUserNamespace },
  ],
  invalid: [
    {
      name: 'Unmasked even in a user namespace',
      pssVersion: 35,
      yaml: unmaskedInUserNamespace,
      errors: [
        {
          messageId: 'procMount',
          pointer: '/spec/template/spec/containers/0/securityContext/procMount',
          data: { container: 'buildah', procMount: 'Unmasked' },
          line: 18,
        },
      ],
    },
  ],
});
