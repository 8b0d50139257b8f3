import { PushSubscription } from '../../domain/push-subscription';
import { PushPreferenceStore } from './push-preference-store.port';
import { PushSubscriptionStore } from './push-subscription-store.port';

export interface PushStoresFixture {
  subscriptions: PushSubscriptionStore;
  preferences: PushPreferenceStore;
  close(): Promise<void>;
}

let counter = 0;
/** A fresh id (a UUID, like the real ones). */
function anId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

const T0 = Date.parse('2026-11-23T10:20:30.123Z');
function subscription(userId: string, name: string, offsetMs = 0): PushSubscription {
  return {
    userId,
    // Long, like real push services' URLs, and over any key length a column could have.
    endpoint: `https://push.example.com/send/${name}/${'x'.repeat(900)}`,
    p256dh: `BP${name}`.padEnd(87, 'k'),
    auth: `a${name}`.padEnd(22, 'z'),
    createdAt: new Date(T0 + offsetMs),
  };
}

/** The expectations every adapter of the two push stores must meet; called once per adapter. */
export function pushStoresContract(open: () => Promise<PushStoresFixture>): void {
  let fixture: PushStoresFixture;
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    await fixture.close();
  });

  it('keeps subscriptions field for field, lists them per user oldest first, and removes one by endpoint', async () => {
    const [ana, ben] = [anId(), anId()];
    const [a1, a2, b1] = [subscription(ana, 'a1', 5), subscription(ana, 'a2', 1), subscription(ben, 'b1')];
    for (const each of [a1, a2, b1]) await fixture.subscriptions.save(each);
    expect(await fixture.subscriptions.ofUsers([ana])).toEqual([a2, a1]);
    expect(await fixture.subscriptions.ofUsers([ana, ben, anId()])).toHaveLength(3);
    expect(await fixture.subscriptions.ofUsers([])).toEqual([]);
    expect(await fixture.subscriptions.subscribedAmong([ana, ben, anId()])).toEqual(new Set([ana, ben]));
    expect(await fixture.subscriptions.subscribedAmong([])).toEqual(new Set());
    expect(await fixture.subscriptions.removeOwn(ben, a1.endpoint)).toBe(false);
    expect(await fixture.subscriptions.removeOwn(ana, a1.endpoint)).toBe(true);
    expect(await fixture.subscriptions.removeOwn(ana, a1.endpoint)).toBe(false);
    await fixture.subscriptions.removeEndpoint(b1.endpoint);
    expect(await fixture.subscriptions.ofUsers([ana, ben])).toEqual([a2]);
  });

  it('saving an endpoint again replaces it, keys and owner, never a second row', async () => {
    const [ana, ben] = [anId(), anId()];
    const first = subscription(ana, 'same');
    await fixture.subscriptions.save(first);
    const again = { ...first, userId: ben, p256dh: 'BQ'.padEnd(87, 'q'), auth: 'b'.padEnd(22, 'y') };
    await fixture.subscriptions.save(again);
    expect(await fixture.subscriptions.ofUsers([ana, ben])).toEqual([again]);
  });

  it('forgets every subscription and preference of a user, and nobody else\'s', async () => {
    const [ana, ben, channel] = [anId(), anId(), anId()];
    await fixture.subscriptions.save(subscription(ana, 'gone'));
    await fixture.subscriptions.save(subscription(ben, 'kept'));
    await fixture.preferences.mute(ana, channel);
    await fixture.preferences.mute(ben, channel);
    await fixture.preferences.setShowPrivateText(ana, true);
    await fixture.subscriptions.removeAllOf(ana);
    await fixture.preferences.removeAllOf(ana);
    expect((await fixture.subscriptions.ofUsers([ana, ben])).map((each) => each.userId)).toEqual([ben]);
    expect(await fixture.preferences.mutedAmong(channel, [ana, ben])).toEqual(new Set([ben]));
    expect(await fixture.preferences.showingPrivateText([ana])).toEqual(new Set());
  });

  it('mutes once however often asked, per channel, and unmutes', async () => {
    const [ana, ben, general, random] = [anId(), anId(), anId(), anId()];
    await fixture.preferences.mute(ana, general);
    await fixture.preferences.mute(ana, general);
    await fixture.preferences.mute(ana, random);
    await fixture.preferences.mute(ben, random);
    expect(await fixture.preferences.mutedBy(ana)).toEqual([general, random].sort());
    expect(await fixture.preferences.mutedAmong(general, [ana, ben])).toEqual(new Set([ana]));
    expect(await fixture.preferences.mutedAmong(general, [])).toEqual(new Set());
    expect(await fixture.preferences.unmute(ana, general)).toBe(true);
    expect(await fixture.preferences.unmute(ana, general)).toBe(false);
    expect(await fixture.preferences.mutedAmong(general, [ana, ben])).toEqual(new Set());
  });

  it('compares ids byte for byte: an id in another case is another user', async () => {
    const [ana, channel] = [anId().replace(/^0{6}/, 'abcdef'), anId()];
    await fixture.preferences.mute(ana, channel);
    await fixture.subscriptions.save(subscription(ana, 'case'));
    expect(await fixture.preferences.mutedAmong(channel, [ana.toUpperCase()])).toEqual(new Set());
    expect(await fixture.subscriptions.ofUsers([ana.toUpperCase()])).toEqual([]);
    expect(await fixture.subscriptions.subscribedAmong([ana.toUpperCase()])).toEqual(new Set());
  });

  it('answers the private-text setting: off by default, on and off again', async () => {
    const [ana, ben] = [anId(), anId()];
    expect(await fixture.preferences.showingPrivateText([ana, ben])).toEqual(new Set());
    await fixture.preferences.setShowPrivateText(ana, true);
    await fixture.preferences.setShowPrivateText(ben, false);
    expect(await fixture.preferences.showingPrivateText([ana, ben])).toEqual(new Set([ana]));
    await fixture.preferences.setShowPrivateText(ana, false);
    expect(await fixture.preferences.showingPrivateText([ana, ben])).toEqual(new Set());
  });
}
