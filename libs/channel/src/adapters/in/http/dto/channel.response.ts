import { ApiProperty } from '@nestjs/swagger';
import { ChannelLastMessage } from '../../../../application/ports/channel-activity.port';
import { ChannelView } from '../../../../domain/channel';

export class ChannelResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['GROUP', 'DIRECT'] }) kind!: 'GROUP' | 'DIRECT';
  @ApiProperty({ type: String, nullable: true, description: 'null for a direct channel' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() isPrivate!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'null for a direct channel' }) ownerId!: string | null;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(channel: ChannelView): ChannelResponse {
    return {
      id: channel.id,
      kind: channel.kind,
      name: channel.name,
      description: channel.description,
      isPrivate: channel.isPrivate,
      ownerId: channel.ownerId,
      memberCount: channel.memberCount,
      createdAt: channel.createdAt.toISOString(),
    };
  }
}

/** The message view of the chat library (the same shape as the messages routes answer). */
/** The quote of a reply (the chat library's `replyTo`). */
export class ChannelLastMessageReplyToResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) seq!: number;
  @ApiProperty({ type: String, nullable: true, description: '"deleted user" once the quoted sender\'s account is deleted' }) senderName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The first 100 characters (code points) of the quoted text' }) snippet!: string | null;
}

export class ChannelLastMessageResponse {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) seq!: number;
  @ApiProperty({ enum: ['TEXT', 'SYSTEM'] }) type!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for SYSTEM messages' }) senderId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The sender\'s name when sent; "system" for SYSTEM messages; "deleted user" once the sender\'s account is deleted' }) senderName!: string | null;
  @ApiProperty({ description: '"" once the message is deleted' }) text!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for SYSTEM messages' }) clientMsgId!: string | null;
  @ApiProperty({ type: ChannelLastMessageReplyToResponse, nullable: true, description: 'What this message answers; null when it is no reply' }) replyTo!: ChannelLastMessageReplyToResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the sender last edited it; null when never edited' }) editedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was deleted (its text is then ""); null while not deleted' }) deletedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MyChannelResponse extends ChannelResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'TEXT messages of others after my read mark (which starts at the last message when I join)' })
  unreadCount!: number;

  @ApiProperty({ type: ChannelLastMessageResponse, nullable: true, description: 'The newest message of any type, null when there is none; a deleted one shows as its tombstone (text "", deletedAt set), as in the history' })
  lastMessage!: ChannelLastMessage | null;
}

export class ChannelSearchResponse {
  @ApiProperty({ type: [ChannelResponse] }) items!: ChannelResponse[];
}

export class MemberResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ description: 'Connected now; to a non-member, shown only for members who keep them in their contacts or share another channel with them (false otherwise)' }) online!: boolean;
}
