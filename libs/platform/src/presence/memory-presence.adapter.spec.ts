import { MemoryPresence } from './memory-presence.adapter';
import { presenceContract } from './presence.contract';

describe('MemoryPresence', () => presenceContract(async () => ({ presence: new MemoryPresence(), close: async () => undefined })));
