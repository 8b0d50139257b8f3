import { Channel, ChannelView } from '../../../domain/channel';
import { Membership } from '../../../domain/membership';
import { ChannelMemberRecord } from './channel-member.record';
import { ChannelRecord } from './channel.record';
import { foldName } from './name-fold';

export function toChannelRecord(channel: Channel): ChannelRecord {
  return { ...channel, nameFolded: channel.name === null ? null : foldName(channel.name) };
}

export function toChannelView(record: ChannelRecord, memberCount: number): ChannelView {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    description: record.description,
    isPrivate: Boolean(record.isPrivate),
    passwordHash: record.passwordHash,
    ownerId: record.ownerId,
    directKey: record.directKey,
    createdAt: record.createdAt,
    memberCount,
  };
}

export function toMembership(record: ChannelMemberRecord): Membership {
  return { ...record, lastReadSeq: Number(record.lastReadSeq) };
}

/** A LIKE pattern for "contains", with the pattern characters of the query escaped by '!'. */
export function containsPattern(query: string): string {
  return `%${foldName(query).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
