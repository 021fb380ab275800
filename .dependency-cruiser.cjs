/**
 * The layer rules of ARCHITECTURE.md ("Layers and their rules"), enforced over the whole import
 * graph, plus no import cycles. `npm run lint` fails on any violation.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'shared-stays-inside-shared',
      comment: 'shared/ runs anywhere: it may not import the hosts, the renderer, tests or benches',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|test|bench|scripts)/' },
    },
    {
      name: 'shared-core-is-pure',
      comment: 'shared/ outside contract and rpc: no zod, no node built-ins, no electron, no npm packages at all',
      severity: 'error',
      from: { path: '^shared/(?!contract/|rpc/)', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'contract-no-node',
      comment: 'shared/contract and shared/rpc may use zod but no node built-ins or electron',
      severity: 'error',
      from: { path: '^shared/(contract|rpc)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-electron',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'backend-and-host-never-import-electron',
      comment: 'the backend runs under Electron, the browser host, the CLI and tests alike',
      severity: 'error',
      from: { path: '^electron/(backend|host)/' },
      to: { path: ['(^|/)node_modules/electron/', '^electron/(main|preload)/', '^renderer/'] },
    },
    {
      name: 'renderer-is-a-browser-app',
      comment: 'the renderer talks to the backend only through the contract',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '(\\.test\\.tsx?|vite\\.config\\.ts)$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'data-layer-below-ui',
      comment: 'renderer/src/data is the server-data cache: features and stores use it, never the reverse.',
      severity: 'error',
      from: { path: '^renderer/src/data/' },
      to: { path: '^renderer/src/(features|stores|components|charts)/' },
    },
    {
      name: 'stores-never-import-features',
      comment: 'renderer/src/stores hold UI state and pure selectors that features use; a store reaching into a feature would make the layers circular.',
      severity: 'error',
      from: { path: '^renderer/src/stores/' },
      to: { path: '^renderer/src/(features|components|charts)/' },
    },
    {
      name: 'server-data-through-the-data-layer',
      comment: 'Only renderer/src/data calls the backend (renderer/src/api): every read is cached, deduplicated and refreshed by change events in one place.',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: ['^renderer/src/(data|api)/', '^renderer/src/main\\.tsx$'] },
      to: { path: '^renderer/src/api/' },
    },
    {
      name: 'main-preload-not-renderer',
      severity: 'error',
      from: { path: '^electron/(main|preload)/' },
      to: { path: '^renderer/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '(^out/|^dist/)' },
  },
};
