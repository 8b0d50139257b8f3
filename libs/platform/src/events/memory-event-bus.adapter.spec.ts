import { MemoryEventBus } from './memory-event-bus.adapter';

describe('MemoryEventBus', () => {
  it('delivers each event to every subscriber of its topic only, in publish order', async () => {
    const bus = new MemoryEventBus();
    const seen: string[] = [];
    bus.subscribe<string>('a', (event) => void seen.push(`first:${event}`));
    bus.subscribe<string>('a', (event) => void seen.push(`second:${event}`));
    bus.subscribe<string>('b', (event) => void seen.push(`other:${event}`));
    await bus.publish('a', 'x');
    await bus.publish('a', 'y');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['first:x', 'second:x', 'first:y', 'second:y']);
  });

  it('stops delivering after unsubscribe, and a throwing handler does not reach the publisher', async () => {
    const bus = new MemoryEventBus();
    const seen: string[] = [];
    const stop = bus.subscribe<string>('a', (event) => void seen.push(event));
    bus.subscribe('a', () => {
      throw new Error('handler failure');
    });
    await expect(bus.publish('a', 'x')).resolves.toBeUndefined();
    stop();
    await bus.publish('a', 'y');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['x']);
  });
});
