import { ReadReceipt } from '../../domain/read-receipt';

/** Where moved read marks go (every node's socket gateway relays them to the channel). */
export abstract class ReadReceipts {
  abstract publish(receipt: ReadReceipt): Promise<void>;
}
