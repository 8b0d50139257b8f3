import { ApiProperty } from '@nestjs/swagger';
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

export class MyChannelResponse extends ChannelResponse {
  @ApiProperty({ description: 'TEXT messages of others after my read mark (no chat yet: always 0)' })
  unreadCount!: number;

  @ApiProperty({ type: Object, nullable: true, description: 'The newest message (no chat yet: always null)' })
  lastMessage!: null;
}

export class ChannelSearchResponse {
  @ApiProperty({ type: [ChannelResponse] }) items!: ChannelResponse[];
}

export class MemberResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() online!: boolean;
}
