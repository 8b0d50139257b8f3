/**
 * Layer rules of DESIGN.md §2, checked on every `npm test`:
 * - domain/ imports nothing outside itself (but the framework-free platform kernel);
 * - application/ imports only its own domain, its own ports and the kernel: no framework, no driver;
 * - a library reaches another only through that library's index.ts (or the platform's kernel/testing entries);
 * - test helpers stay out of production code; no cycles;
 * - the web client (apps/web) talks to the server over HTTP and socket.io only: it imports no
 *   server, library, test or script code, and none of those imports it.
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
      name: 'web-client-stands-alone',
      comment: 'apps/web runs in the browser and knows the server only by its public contract (DESIGN §5)',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps/server|test|scripts|bench)/' },
    },
    {
      name: 'nobody-imports-the-web-client',
      comment: 'the server, the libraries and the tests reach the client only as built files over HTTP',
      severity: 'error',
      from: { pathNot: '^apps/web/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'web-client-not-orphaned',
      comment: 'every module of the client is reached from its entry point (a module nothing imports is dead code)',
      severity: 'error',
      from: { orphan: true, path: '^apps/web/src/', pathNot: '^apps/web/src/main\\.tsx$|\\.d\\.ts$' },
      to: {},
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
