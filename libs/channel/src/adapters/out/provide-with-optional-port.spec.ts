import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ChannelActivity } from '../../application/ports/channel-activity.port';
import { MembershipNotices } from '../../application/ports/membership-notices.port';
import { NoChannelActivity } from './activity/no-channel-activity.adapter';
import { NoMembershipNotices } from './notices/no-membership-notices.adapter';
import { ACTIVITY, NOTICES } from './optional-ports';
import { provideWithOptionalPorts } from './provide-with-optional-port';

class Label {
  readonly text = 'probe';
}

/** Stands for a use case: its own dependencies, then the optional ports in their order. */
class Probe {
  constructor(
    readonly label: Label,
    readonly activity: ChannelActivity,
    readonly notices: MembershipNotices,
  ) {}
}

class RecordedNotices extends NoMembershipNotices {}

@Module({ providers: [Label, provideWithOptionalPorts(Probe, [Label], [ACTIVITY, NOTICES])], exports: [Probe] })
class ChannelLike {}

@Global()
@Module({ providers: [{ provide: MembershipNotices, useClass: RecordedNotices }], exports: [MembershipNotices] })
class GlobalNoticesOnly {}

describe('provideWithOptionalPorts', () => {
  it('passes each port in order: the one a global module provides, the fallback for the one nobody does', async () => {
    const app = await Test.createTestingModule({ imports: [ChannelLike, GlobalNoticesOnly] }).compile();
    const probe = app.get(Probe);
    expect(probe.label.text).toBe('probe');
    expect(probe.activity).toBeInstanceOf(NoChannelActivity);
    expect(probe.notices).toBeInstanceOf(RecordedNotices);
  });

  it('falls back for every port when no other library is wired', async () => {
    const probe = (await Test.createTestingModule({ imports: [ChannelLike] }).compile()).get(Probe);
    expect(probe.notices).toBeInstanceOf(NoMembershipNotices);
    expect(probe.notices).not.toBeInstanceOf(RecordedNotices);
  });
});
