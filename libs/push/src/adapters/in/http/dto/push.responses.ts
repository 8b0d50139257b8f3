import { ApiProperty } from '@nestjs/swagger';

export class VapidPublicKeyResponse {
  @ApiProperty({ description: "The VAPID public key (URL-safe base64, raw P-256): pushManager.subscribe's applicationServerKey" })
  publicKey!: string;
}

export class PushSubscriptionResponse {
  @ApiProperty()
  endpoint!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class PushSettingsResponse {
  @ApiProperty({ description: 'Message text in notifications of private and direct channels (public channels always show a snippet)' })
  showPrivateText!: boolean;

  @ApiProperty({ type: [String], description: 'Channels I muted, in the order muted' })
  mutedChannelIds!: string[];
}
