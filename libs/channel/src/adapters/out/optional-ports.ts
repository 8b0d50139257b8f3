import { ChannelActivity } from '../../application/ports/channel-activity.port';
import { ChannelFunds } from '../../application/ports/channel-funds.port';
import { MembershipNotices } from '../../application/ports/membership-notices.port';
import { NoChannelActivity } from './activity/no-channel-activity.adapter';
import { NoChannelFunds } from './funds/no-channel-funds.adapter';
import { OptionalPort } from './provide-with-optional-port';
import { NoMembershipNotices } from './notices/no-membership-notices.adapter';

/** The optional ports of the use cases that change memberships (see provideWithOptionalPorts). */
export const ACTIVITY: OptionalPort<ChannelActivity> = { port: ChannelActivity, fallback: () => new NoChannelActivity() };
export const FUNDS: OptionalPort<ChannelFunds> = { port: ChannelFunds, fallback: () => new NoChannelFunds() };
export const NOTICES: OptionalPort<MembershipNotices> = { port: MembershipNotices, fallback: () => new NoMembershipNotices() };
