import { ApiProperty } from '@nestjs/swagger';
import { MessageType } from '../../../../domain/message';
import { CountedMessageView, ReplyToView } from '../../message-view';

export class ReplyToResponse implements ReplyToView {
  @ApiProperty({ description: 'The quoted message, of the same channel' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) seq!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The quoted sender\'s name when sent; "deleted user" once their account is deleted' }) senderName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The first 100 characters (code points) of the quoted text' }) snippet!: string | null;
}

export class MessageResponse implements CountedMessageView {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: "The message's place in its channel: 1, 2, 3, … with no gaps" }) seq!: number;
  @ApiProperty({ enum: ['TEXT', 'SYSTEM'] }) type!: MessageType;
  @ApiProperty({ type: String, nullable: true, description: 'null for SYSTEM messages' }) senderId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The sender\'s name when it was sent; "system" for SYSTEM messages; "deleted user" once the sender\'s account is deleted' }) senderName!: string | null;
  @ApiProperty({ description: '"" once the message is deleted' }) text!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for SYSTEM messages' }) clientMsgId!: string | null;
  @ApiProperty({ type: ReplyToResponse, nullable: true, description: 'What this message answers; null when it is no reply' }) replyTo!: ReplyToResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the sender last edited it; null when never edited' }) editedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was deleted (its text is then "" for good, its seq stays); null while not deleted' })
  deletedAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many other members have not read up to this message (their read mark is below its seq; the sender never counts; always 0 for SYSTEM messages); lower it live from `receipt`' })
  unreadCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MessageListResponse {
  @ApiProperty({ type: [MessageResponse] }) items!: MessageResponse[];
}
