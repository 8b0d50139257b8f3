import { messagePipelineContract } from '../message-pipeline.contract';

// The embedded default: the in-process queue, one node (one process owns the SQLite file).
describe('chat pipeline on the in-process bus (BUS=memory)', () => {
  messagePipelineContract(async () => ({ env: { BUS: 'memory' }, maxNodes: 1, close: async () => undefined }), { deliveryTimeoutMs: 5_000, quietPeriodMs: 50 });
});
