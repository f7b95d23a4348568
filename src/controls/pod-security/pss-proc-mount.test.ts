import { testControl } from '../../../test/control-tester.js';
import control from './pss-proc-mount.js';

const unmaskedInUserNamespace = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: builder, namespace: ci }
spec:
  template:
    spec:
      hostUsers: false
      containers:
        - name: buildah
          image: contoso.azurecr.io/buildah:1.37
          securityContext:
            procMount: Unmasked
`;

testControl(control, {
  valid: [
    {
      name: 'Default procMount',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext: { procMount: Default }
`,
    },
    { name: 'Unmasked in a user namespace, from policy v1.35', pssVersion: 35, yaml: unmaskedInUserNamespace },
  ],
  invalid: [
    {
      name: 'Unmasked in a user namespace before policy v1.35',
      pssVersion: 34,
      yaml: unmaskedInUserNamespace,
      errors: [
        {
          messageId: 'procMount',
          pointer: '/spec/template/spec/containers/0/securityContext/procMount',
          data: { container: 'buildah', procMount: 'Unmasked' },
          line: 13,
        },
      ],
    },
    {
      name: 'Unmasked init container with host users, in a CronJob',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: build, namespace: ci }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          hostUsers: true
          initContainers:
            - name: prepare
              image: contoso.azurecr.io/prepare:1.0
              securityContext: { procMount: Unmasked }
          containers:
            - { name: build, image: contoso.azurecr.io/build:1.0 }
`,
      errors: [
        {
          messageId: 'procMount',
          pointer: '/spec/jobTemplate/spec/template/spec/initContainers/0/securityContext/procMount',
          data: { container: 'prepare', procMount: 'Unmasked' },
        },
      ],
    },
  ],
});
