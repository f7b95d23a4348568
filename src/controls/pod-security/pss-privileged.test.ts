import { testControl } from '../../../test/control-tester.js';
import control from './pss-privileged.js';

testControl(control, {
  valid: [
    {
      name: 'privileged false or unset, in a StatefulSet',
      yaml: `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: data }
spec:
  serviceName: db
  template:
    spec:
      initContainers:
        - name: init
          image: contoso.azurecr.io/init:1.0
          securityContext: { privileged: false }
      containers:
        - name: db
          image: contoso.azurecr.io/db:14
`,
    },
  ],
  invalid: [
    {
      name: 'privileged init container in a Deployment',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      initContainers:
        - name: sysctl-tuner
          image: contoso.azurecr.io/tuner:1.0
          securityContext:
            privileged: true
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
`,
      errors: [
        {
          messageId: 'privileged',
          pointer: '/spec/template/spec/initContainers/0/securityContext/privileged',
          data: { container: 'sysctl-tuner' },
          line: 12,
        },
      ],
    },
    {
      name: 'privileged ephemeral debug container',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
  ephemeralContainers:
    - name: debugger
      image: busybox:1.36
      securityContext: { privileged: true }
`,
      errors: [
        { messageId: 'privileged', pointer: '/spec/ephemeralContainers/0/securityContext/privileged', data: { container: 'debugger' } },
      ],
    },
  ],
});
