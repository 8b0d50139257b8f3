import { BaseRpcContext } from '@nestjs/microservices';

type KafkaBatchArgs = [topic: string, partition: number, lastOffset: string, highWatermark: string];

/** Where a batch handed over by KafkaBatchTransport came from (`@Ctx()` in an `@EventPattern` handler). */
export class KafkaBatchContext extends BaseRpcContext<KafkaBatchArgs> {
  getTopic(): string {
    return this.args[0];
  }

  getPartition(): number {
    return this.args[1];
  }

  /** The offset of the batch's last record: committed once the handler resolves. */
  getLastOffset(): string {
    return this.args[2];
  }

  /** Records on this partition after this batch, as the fetch that brought it saw the log. */
  getLag(): number {
    return Math.max(0, Number(this.args[3]) - Number(this.args[2]) - 1);
  }
}
