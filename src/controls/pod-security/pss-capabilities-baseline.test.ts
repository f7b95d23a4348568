import { testControl } from '../../../test/control-tester.js';
import control from './pss-capabilities-baseline.js';

testControl(control, {
  valid: [
    {
      name: 'only capabilities of the default set, and drops',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      initContainers:
        - name: chown
          image: contoso.azurecr.io/init:1.0
          securityContext:
            capabilities: { add: [CHOWN, FOWNER] }
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
          securityContext:
            capabilities:
              drop: [ALL]
              add: [NET_BIND_SERVICE]
`,
    },
  ],
  invalid: [
    {
      name: 'NET_ADMIN and a lower-case name, in a Deployment',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: vpn, namespace: edge }
spec:
  template:
    spec:
      containers:
        - name: vpn
          image: contoso.azurecr.io/vpn:1.0
          securityContext:
            capabilities:
              add:
                - NET_ADMIN
                - CHOWN
                - chown
`,
      errors: [
        {
          messageId: 'added',
          pointer: '/spec/template/spec/containers/0/securityContext/capabilities/add/0',
          data: { container: 'vpn', capability: 'NET_ADMIN' },
          line: 14,
        },
        {
          messageId: 'added',
          pointer: '/spec/template/spec/containers/0/securityContext/capabilities/add/2',
          data: { container: 'vpn', capability: 'chown' },
        },
      ],
    },
    {
      name: 'CAP_ prefixed capability on an init container of a Pod',
      pssVersion: 0,
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
    - name: init
      image: contoso.azurecr.io/init:1.0
      securityContext: { capabilities: { add: [CAP_SYS_ADMIN] } }
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
`,
      errors: [
        {
          messageId: 'added',
          pointer: '/spec/initContainers/0/securityContext/capabilities/add/0',
          data: { container: 'init', capability: 'CAP_SYS_ADMIN' },
        },
      ],
    },
  ],
});
