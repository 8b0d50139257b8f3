import { userStoreContract } from '../../../application/ports/user-store.contract';
import { MemoryUserStore } from './memory-user-store.adapter';

describe('MemoryUserStore', () =>
  userStoreContract(async () => ({ store: new MemoryUserStore(), close: async () => undefined })));
