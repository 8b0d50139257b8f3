import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { NullAllowed } from '@webchat/platform';
import { PUSH_ENDPOINT_MAX_LENGTH } from '../../../../domain/push-subscription';

export class PushSubscriptionKeysDto {
  @ApiProperty({ description: "The browser's P-256 public key: 65 bytes (uncompressed point) in URL-safe base64", example: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM' })
  @IsString()
  @MaxLength(100)
  p256dh!: string;

  @ApiProperty({ description: 'The 16-byte authentication secret in URL-safe base64', example: 'tBHItJI5svbpez7KI4CCXg' })
  @IsString()
  @MaxLength(40)
  auth!: string;
}

/** A browser's PushSubscription.toJSON(), as pushManager.subscribe answers it. */
export class PushSubscriptionDto {
  @ApiProperty({ description: "The push service's URL for this browser (https)", maxLength: PUSH_ENDPOINT_MAX_LENGTH })
  @IsString()
  @MaxLength(PUSH_ENDPOINT_MAX_LENGTH)
  endpoint!: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "When the push service ends the subscription (ms since the epoch), as the browser reports it; not kept" })
  // Browsers send null when the subscription does not expire.
  @NullAllowed()
  @IsOptional()
  @IsInt()
  @Min(0)
  expirationTime?: number | null;

  @ApiProperty({ type: PushSubscriptionKeysDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PushSubscriptionKeysDto)
  keys!: PushSubscriptionKeysDto;
}

export class PushEndpointDto {
  @ApiProperty({ description: 'The endpoint of the subscription to remove', maxLength: PUSH_ENDPOINT_MAX_LENGTH })
  @IsString()
  @MaxLength(PUSH_ENDPOINT_MAX_LENGTH)
  endpoint!: string;
}
