import { sqliteMessageFiles } from '../../../testing/sqlite-message-files';
import { messagePipelineContract } from '../message-pipeline.contract';

// The embedded default: the in-process queue and the SQLite file, one node (one process owns both).
describe('chat pipeline on the in-process bus (BUS=memory) with the SQLite store', () => {
  messagePipelineContract(async () => ({ env: { BUS: 'memory' }, maxNodes: 1, close: async () => undefined }), async () => sqliteMessageFiles(), {
    deliveryTimeoutMs: 5_000,
    quietPeriodMs: 50,
  });
});
