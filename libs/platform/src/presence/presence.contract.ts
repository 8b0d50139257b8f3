import { Presence } from '../kernel/presence';

/** What every Presence adapter must do; called once per adapter. */
export function presenceContract(open: () => Promise<{ presence: Presence; close(): Promise<void> }>): void {
  let fixture: Awaited<ReturnType<typeof open>>;
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(() => fixture.close());

  it('counts a user online from the first socket until the last one leaves', async () => {
    const { presence } = fixture;
    expect(await presence.isOnline('u1')).toBe(false);
    expect(await presence.connected('u1', 's1')).toBe(true);
    expect(await presence.connected('u1', 's2')).toBe(false);
    expect(await presence.disconnected('u1', 's1')).toBe(false);
    expect(await presence.isOnline('u1')).toBe(true);
    expect(await presence.disconnected('u1', 's2')).toBe(true);
    expect(await presence.isOnline('u1')).toBe(false);
  });

  it('ignores a socket it never saw', async () => {
    expect(await fixture.presence.disconnected('u1', 'never')).toBe(false);
  });

  it('tells its watchers when a user comes online and goes offline, not for further sockets', async () => {
    const changes: unknown[] = [];
    const stop = fixture.presence.watch((change) => void changes.push(change));
    await fixture.presence.connected('w', 's1');
    await fixture.presence.connected('w', 's2');
    await fixture.presence.disconnected('w', 's1');
    await fixture.presence.disconnected('w', 's2');
    stop();
    await fixture.presence.connected('w', 's3');
    expect(changes).toEqual([
      { userId: 'w', online: true },
      { userId: 'w', online: false },
    ]);
  });

  it('answers which of many users are online', async () => {
    await fixture.presence.connected('a', 's1');
    await fixture.presence.connected('c', 's2');
    expect(await fixture.presence.onlineAmong(['a', 'b', 'c'])).toEqual(new Set(['a', 'c']));
    expect(await fixture.presence.onlineAmong([])).toEqual(new Set());
  });
}
