/**
 * Layer rules of DESIGN.md §2, checked on every `npm test`:
 * - domain/ imports nothing outside itself (but the framework-free platform kernel);
 * - application/ imports only its own domain, its own ports and the kernel: no framework, no driver;
 * - a library reaches another only through that library's index.ts (or the platform's kernel/testing entries);
 * - test helpers stay out of production code; no cycles.
 */
const PUBLIC_FACES = '^libs/[^/]+/src/index\\.ts$|^libs/platform/src/(kernel|testing|kafka)/index\\.ts$';
const KERNEL = '^libs/platform/src/kernel/';
const TEST_FILE = '\\.(spec|e2e-spec|contract)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ may import only its own domain/ and the platform kernel',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: TEST_FILE },
      to: { pathNot: [`^libs/$1/src/domain/`, KERNEL] },
    },
    {
      name: 'application-without-frameworks',
      comment: 'application/ may import its own domain/ and application/ and the platform kernel: no Nest, driver or adapter',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/application/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: [`^libs/$1/src/(domain|application)/`, KERNEL] },
    },
    {
      name: 'only-through-public-face',
      comment: "a library uses another library only through that library's index.ts",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: [`^libs/$1/`, PUBLIC_FACES] },
    },
    {
      name: 'apps-through-public-face',
      comment: "the app and the e2e tests use libraries only through their index.ts",
      severity: 'error',
      from: { path: '^(apps|test)/' },
      to: { path: '^libs/', pathNot: PUBLIC_FACES },
    },
    {
      name: 'testing-helpers-only-in-tests',
      comment: 'test helpers never ship in production code',
      severity: 'error',
      from: { pathNot: [TEST_FILE, '^test/', '^libs/platform/src/testing/'] },
      to: { path: '^libs/platform/src/testing/' },
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
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
