/** Open connections per client address, against a bound (0: none), so one host cannot hold every socket of a node. */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  hasRoom(address: string): boolean {
    return this.limit === 0 || (this.open.get(address) ?? 0) < this.limit;
  }

  /** Counts a connection until the returned function is called (once, when it closes). */
  opened(address: string): () => void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.open.get(address) ?? 1) - 1;
      if (left === 0) this.open.delete(address);
      else this.open.set(address, left);
    };
  }
}
