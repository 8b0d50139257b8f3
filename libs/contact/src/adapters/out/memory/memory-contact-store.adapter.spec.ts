import { contactStoreContract } from '../../../application/ports/contact-store.contract';
import { MemoryContactStore } from './memory-contact-store.adapter';

describe('MemoryContactStore', () =>
  contactStoreContract(async () => ({ store: new MemoryContactStore(), close: async () => undefined })));
