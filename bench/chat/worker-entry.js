// A worker thread does not inherit the parent's TypeScript loader (tsx or ts-jest): register tsx, then load the worker.
require('tsx/cjs/api').register();
require('./worker.ts');
