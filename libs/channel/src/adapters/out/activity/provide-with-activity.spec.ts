import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ChannelActivity, ChannelActivitySummary } from '../../../application/ports/channel-activity.port';
import { NoChannelActivity } from './no-channel-activity.adapter';
import { provideWithActivity } from './provide-with-activity';

/** Another dependency, to show the port comes after them. */
class Label {
  readonly text = 'probe';
}

/** Stands for a use case: the port comes last, after its other dependencies. */
class Probe {
  constructor(
    readonly label: Label,
    readonly activity: ChannelActivity,
  ) {}
}

class FixedActivity extends ChannelActivity {
  async lastSeq(): Promise<number> {
    return 42;
  }
  async summaries(): Promise<ReadonlyMap<string, ChannelActivitySummary>> {
    return new Map();
  }
}

@Module({ providers: [Label, provideWithActivity(Probe, [Label])], exports: [Probe] })
class ChannelLike {}

@Global()
@Module({ providers: [{ provide: ChannelActivity, useClass: FixedActivity }], exports: [ChannelActivity] })
class GlobalChatLike {}

describe('provideWithActivity', () => {
  it('gives a use case no activity when no module provides the port (the channel library alone)', async () => {
    const app = await Test.createTestingModule({ imports: [ChannelLike] }).compile();
    const probe = app.get(Probe);
    expect(probe.label.text).toBe('probe');
    expect(probe.activity).toBeInstanceOf(NoChannelActivity);
    expect(await probe.activity.lastSeq('c')).toBe(0);
    expect(await probe.activity.summaries([{ channelId: 'c', userId: 'u', lastReadSeq: 0 }])).toEqual(
      new Map([['c', { unreadCount: 0, lastMessage: null }]]),
    );
  });

  it("gives it the port a global module provides (the chat module's), imported before or after", async () => {
    for (const imports of [[GlobalChatLike, ChannelLike], [ChannelLike, GlobalChatLike]]) {
      const app = await Test.createTestingModule({ imports }).compile();
      expect(app.get(Probe).activity).toBeInstanceOf(FixedActivity);
    }
  });
});
