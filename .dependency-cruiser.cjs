/**
 * The dependency rule of ARCHITECTURE.md, enforced inside `npm test`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports only core and zod: no adapters, SDKs, Hono, node built-ins or I/O.',
      severity: 'error',
      from: { path: '^service/src/core/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^service/src/core/', '^node_modules/zod/', '^service/data/'],
      },
    },
    {
      name: 'core-no-builtins',
      comment: 'core does no I/O: node built-ins stay behind ports.',
      severity: 'error',
      from: { path: '^service/src/core/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'adapters-are-independent',
      comment: 'an adapter never imports another adapter.',
      severity: 'error',
      from: { path: '^service/src/adapters/([^/]+)/' },
      to: { path: '^service/src/adapters/', pathNot: '^service/src/adapters/$1/' },
    },
    {
      name: 'adapters-below-the-edge',
      comment: 'adapters implement core ports; they never reach the HTTP edge, composition or entrypoints.',
      severity: 'error',
      from: { path: '^service/src/adapters/' },
      to: { path: '^service/src/(http|composition|entrypoints)/' },
    },
    {
      name: 'http-no-adapters',
      comment: 'the HTTP app gets adapters through deps, never by import.',
      severity: 'error',
      from: { path: '^service/src/http/' },
      to: { path: '^service/src/(adapters|composition|entrypoints)/' },
    },
    {
      name: 'config-is-a-leaf',
      comment: 'config reads the environment and knows nothing of the product around it.',
      severity: 'error',
      from: { path: '^service/src/config/' },
      to: { path: '^service/src/(adapters|http|composition|entrypoints|core/use-cases)/' },
    },
    {
      name: 'only-composition-builds-adapters',
      comment: 'adapters are constructed only in composition (tests and benches may use them directly).',
      severity: 'error',
      from: { path: '^service/src/', pathNot: '^service/src/(adapters|composition)/' },
      to: { path: '^service/src/adapters/' },
    },
    {
      name: 'infra-imports-nothing-from-service',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^service/' },
    },
    {
      name: 'web-only-api-types',
      comment: 'the browser talks to the service over HTTP; it may share the API types only.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^service/', pathNot: '^service/src/http/api-types\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(service|web|infra)/(dist|cdk\\.out)/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
